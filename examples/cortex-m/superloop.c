/* superloop.c - the blinker of blinky.c written by hand, as firmware
 * without an executor is: a SysTick millisecond counter and a main loop
 * that toggles the LED when its period is over and sleeps (WFI) between
 * interrupts. The baseline for blinky.c's size (docs/performance.md). */
#include "board.h"

#define BLINKS 6
#define BLINK_MS 20

static volatile uint32_t ms;

void SysTick_Handler(void) { ms++; }

int main(void) {
  board_init();
  *(volatile uint32_t *)0xE000E014u = BOARD_CORE_HZ / 1000u - 1u; /* RVR */
  *(volatile uint32_t *)0xE000E018u = 0;                          /* CVR */
  *(volatile uint32_t *)0xE000E010u = 7u;                         /* CSR */
  int led = 0;
  uint32_t next = ms;
  for (int i = 0; i < BLINKS;) {
    if ((int32_t)(ms - next) >= 0) {
      led = !led;
      board_led(led);
      put(led ? "led: on\n" : "led: off\n");
      next += BLINK_MS;
      i++;
      continue;
    }
    __asm__ volatile("wfi");
  }
  /* The last period, as blinky.c sleeps after its last toggle. */
  while ((int32_t)(ms - next) < 0)
    __asm__ volatile("wfi");
  put("blinky: done\n");
  return 0;
}
