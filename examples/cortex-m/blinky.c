/* blinky.c - the blinker in async C: one async function toggles the LED
 * every BLINK_MS milliseconds, prints its state, and ends after BLINKS
 * toggles. The runtime's executor and timer wheel drive it; compare with
 * superloop.c, the same by hand (docs/performance.md, "Cortex-M sizes"). */
#include <cawait.h>

#include "board.h"

#define BLINKS 6
#define BLINK_MS 20

static async void blink(void) {
  int led = 0;
  for (int i = 0; i < BLINKS; i++) {
    led = !led;
    board_led(led);
    put(led ? "led: on\n" : "led: off\n");
    await(ca_sleep_ms(BLINK_MS));
  }
}

int main(void) {
  board_init();
  ca_cortex_m_init(BOARD_CORE_HZ);
  ca_block_on(blink());
  put("blinky: done\n");
  return 0;
}
