/* board.c - QEMU's mps2-an385: the UART0 (CMSDK APB UART at 0x40004000,
 * receive interrupt IRQ 0), semihosting's exit, and the cawait Cortex-M
 * platform's hooks (fatal messages to the UART, then a failing exit). */
#include "board.h"

#include <cawait.h>

#define UART0 0x40004000u
#define UART_DATA (*(volatile uint32_t *)(UART0 + 0x00))
#define UART_STATE (*(volatile uint32_t *)(UART0 + 0x04))
#define UART_CTRL (*(volatile uint32_t *)(UART0 + 0x08))
#define UART_INTCLEAR (*(volatile uint32_t *)(UART0 + 0x0c))
#define UART_BAUDDIV (*(volatile uint32_t *)(UART0 + 0x10))
#define UART_STATE_TXFULL 1u
#define UART_STATE_RXFULL 2u
#define UART_CTRL_TX_EN 1u
#define UART_CTRL_RX_EN 2u
#define UART_CTRL_RX_INT_EN 8u
#define UART_INT_RX 2u

#define NVIC_ISER0 (*(volatile uint32_t *)0xE000E100u)
#define UART0_RX_IRQ 0

void board_init(void) {
  UART_BAUDDIV = BOARD_CORE_HZ / 115200u;
  UART_CTRL = UART_CTRL_TX_EN | UART_CTRL_RX_EN | UART_CTRL_RX_INT_EN;
  /* Nothing was received yet (reception was off); this read tells QEMU
   * that the UART takes input now, so that serial input that arrived
   * before (held by its -nographic multiplexer) is delivered. */
  (void)UART_DATA;
  NVIC_ISER0 = 1u << UART0_RX_IRQ;
}

/* A program that reads the UART defines its own. */
__attribute__((weak)) void board_uart_rx_byte(uint8_t c) { (void)c; }

/* IRQ 0. Clears the interrupt first, then takes every byte: one arriving
 * after the loop raises it again. */
void UART0RX_Handler(void) {
  UART_INTCLEAR = UART_INT_RX;
  while (UART_STATE & UART_STATE_RXFULL)
    board_uart_rx_byte((uint8_t)UART_DATA);
}

#define FPGAIO_LED (*(volatile uint32_t *)0x40028000u)

void board_led(int on) { FPGAIO_LED = on ? 1u : 0u; }

static void put_n(const char *s, unsigned n) {
  for (unsigned i = 0; i < n; i++) {
    while (UART_STATE & UART_STATE_TXFULL) {
    }
    UART_DATA = (uint8_t)s[i];
  }
}

void put(const char *s) {
  unsigned n = 0;
  while (s[n])
    n++;
  put_n(s, n);
}

void put_u(unsigned v) {
  char buf[11];
  char *p = buf + sizeof buf;
  *--p = 0;
  do {
    *--p = (char)('0' + v % 10);
    v /= 10;
  } while (v);
  put(p);
}

_Noreturn void board_exit(int status) {
  /* SYS_EXIT (0x18) with ADP_Stopped_ApplicationExit: QEMU exits 0; with
   * ADP_Stopped_RunTimeErrorUnknown: 1. */
  uint32_t reason = status == 0 ? 0x20026u : 0x20023u;
  register uint32_t r0 __asm__("r0") = 0x18;
  register uint32_t r1 __asm__("r1") = reason;
  __asm__ volatile("bkpt 0xab" : : "r"(r0), "r"(r1) : "memory");
  for (;;) {
  }
}

/* The Cortex-M platform's hooks: a fatal error's message, then failure. */
void ca_cortex_m_write(const char *s, size_t n) { put_n(s, (unsigned)n); }
_Noreturn void ca_cortex_m_halt(void) { board_exit(1); }
