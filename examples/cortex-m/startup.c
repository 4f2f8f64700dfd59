/* startup.c - reset and the vector table of a Cortex-M3 on mps2-an385:
 * copies .data, clears .bss, calls main, and exits QEMU with its status.
 * Handlers the program does not define stop with a failing exit. */
#include "board.h"

extern uint32_t __data_load[], __data_start[], __data_end[];
extern uint32_t __bss_start[], __bss_end[], __stack_top[];
int main(void);

void Reset_Handler(void) {
  uint32_t *src = __data_load, *dst = __data_start;
  while (dst < __data_end)
    *dst++ = *src++;
  for (dst = __bss_start; dst < __bss_end;)
    *dst++ = 0;
  board_exit(main());
}

static void Fault_Handler(void) {
  put("fault\n");
  board_exit(1);
}

void NMI_Handler(void) __attribute__((weak, alias("Fault_Handler")));
void HardFault_Handler(void) __attribute__((weak, alias("Fault_Handler")));
void SysTick_Handler(void) __attribute__((weak, alias("Fault_Handler")));
void UART0RX_Handler(void) __attribute__((weak, alias("Fault_Handler")));

__attribute__((section(".vectors"),
               used)) static void (*const vectors[17])(void) = {
    (void (*)(void))__stack_top, /* the initial stack pointer */
    Reset_Handler,
    NMI_Handler,
    HardFault_Handler,
    [11] = Fault_Handler, /* SVCall */
    [14] = Fault_Handler, /* PendSV */
    [15] = SysTick_Handler,
    [16] = UART0RX_Handler, /* IRQ 0 */
};
