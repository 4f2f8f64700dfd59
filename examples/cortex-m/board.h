/* board.h - QEMU's mps2-an385 board (a Cortex-M3 at 25 MHz) for the
 * examples here: the UART0 (CMSDK APB UART) output and receive interrupt,
 * semihosting's exit, and small printing helpers (no printf: the images
 * stay small). board.c has the code, startup.c the vector table. */
#ifndef BOARD_H
#define BOARD_H

#include <stdint.h>

#define BOARD_CORE_HZ 25000000u

/* UART0: polled output; input through the receive interrupt, which calls
 * board_uart_rx_byte(c) for each byte (defined by the program). */
void board_init(void);
void board_uart_rx_byte(uint8_t c);
void put(const char *s);
/* The board's LED 0 (FPGA I/O): on (1) or off (0). */
void board_led(int on);
void put_u(unsigned v);

/* Ends QEMU through semihosting: status 0 for success, else failure. */
_Noreturn void board_exit(int status);

#endif /* BOARD_H */
