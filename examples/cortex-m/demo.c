/* demo.c - async C on a Cortex-M3 with no OS and no heap (QEMU's
 * mps2-an385). Every task comes from a CA_TASK_POOL; the timer is SysTick;
 * a UART echo task sleeps until the UART receive interrupt sets a
 * ca_event. It shows, one step after the other so the output is fixed:
 *   1. a timer-driven blinker task (its LED state printed), joined;
 *   2. join of two sleeps, select, and a timeout whose loser is dropped
 *      (its cleanup runs);
 *   3. the echo task: echoes each line from QEMU's serial input until
 *      "quit", joined under a timeout;
 *   4. a task aborted while it waits: its cleanups run;
 * checking each result, then prints "cortex-m demo: ok" (the last line)
 * and exits QEMU with 0 through semihosting.
 * Built twice (Makefile): by clang-19 with the plugin, and by
 * arm-none-eabi-gcc through cawait-gcc. */
#include <cawait.h>
#include <errno.h>
#include <string.h>

#include "board.h"

static int failures;

static void check(int ok, const char *what) {
  if (!ok) {
    put("FAILED: ");
    put(what);
    put("\n");
    failures++;
  }
}

/* ------------------------------------------------------------ 1. blinker */

static int led;

static async int blinker(int toggles, unsigned period_ms) {
  for (int i = 0; i < toggles; i++) {
    led = !led;
    put(led ? "led: on\n" : "led: off\n");
    await(ca_sleep_ms(period_ms));
  }
  return toggles;
}
CA_TASK_POOL(blink_pool, blinker, 1);

/* ------------------------------------------- 2. join, select, timeout */

static async int step(int id, unsigned ms) {
  await(ca_sleep_ms(ms));
  put("step ");
  put_u((unsigned)id);
  put(" done\n");
  return id * 10;
}

static int released;

static void release(int *held) {
  if (*held) {
    put("cleanup: released\n");
    released++;
  }
}

/* Holds a resource while it waits for ever: only a drop ends it. */
static async int hold_forever(void) {
  __attribute__((cleanup(release))) int held = 1;
  ca_event never = {0};
  await(ca_event_wait(&never));
  held = 0;
  return 1;
}

/* ------------------------------------------------------------- 3. echo */

/* The receive interrupt puts bytes here and sets rx_ready; one writer (the
 * handler), one reader (the task). */
#define RX_SIZE 128u
static volatile uint8_t rx_ring[RX_SIZE];
static volatile uint32_t rx_head, rx_tail, rx_dropped;
static ca_event rx_ready;

/* In the interrupt handler: a ring slot and ca_event_set, nothing else. */
void board_uart_rx_byte(uint8_t c) {
  if (rx_head - rx_tail == RX_SIZE) {
    rx_dropped++;
    return;
  }
  rx_ring[rx_head % RX_SIZE] = c;
  __atomic_store_n(&rx_head, rx_head + 1, __ATOMIC_RELEASE);
  ca_event_set(&rx_ready);
}

static async int uart_getc(void) {
  while (__atomic_load_n(&rx_head, __ATOMIC_ACQUIRE) == rx_tail)
    await(ca_event_wait(&rx_ready));
  int c = rx_ring[rx_tail % RX_SIZE];
  rx_tail++;
  return c;
}

/* One line without its end (\r or \n; empty lines skipped), cut at cap-1. */
static async unsigned read_line(char *line, unsigned cap) {
  unsigned n = 0;
  for (;;) {
    int c = await(uart_getc());
    if (c == '\r' || c == '\n') {
      if (n)
        break;
      continue;
    }
    if (n < cap - 1)
      line[n++] = (char)c;
  }
  line[n] = 0;
  return n;
}

static async int echo(void) {
  char line[32];
  int lines = 0;
  for (;;) {
    await(read_line(line, sizeof line));
    if (!strcmp(line, "quit"))
      return lines;
    put("echo: ");
    put(line);
    put("\n");
    lines++;
  }
}
CA_TASK_POOL(echo_pool, echo, 1);

/* ------------------------------------------------------- 4. abort */

CA_TASK_POOL(holder_pool, hold_forever, 2);

/* ---------------------------------------------------------------- main */

static async int demo(void) {
  int toggles = 0;
  ca_task *t = ca_spawn_in(&blink_pool, blinker(4, 10));
  check(t != NULL, "blinker spawned");
  check(ca_spawn_in(&blink_pool, blinker(1, 1)) == NULL, "pool of 1 is full");
  check(await(ca_task_join(t, &toggles)) == 0 && toggles == 4,
        "blinker joined");
  put("blinker: joined after ");
  put_u((unsigned)toggles);
  put(" toggles\n");

  int a = 0, b = 0;
  await(ca_join(a = step(1, 20), b = step(2, 5)));
  check(a == 10 && b == 20, "join");
  int k = await(ca_select(a = step(3, 5), b = hold_forever()));
  put("select: branch ");
  put_u((unsigned)k);
  put("\n");
  check(k == 0 && a == 30 && released == 1, "select");
  int timed_out = await(ca_timeout_ms(10, b = hold_forever()));
  put("timeout: ");
  put_u((unsigned)timed_out);
  put("\n");
  check(timed_out == 1 && released == 2, "timeout");

  int lines = -1;
  t = ca_spawn_in(&echo_pool, echo());
  timed_out = await(ca_timeout_ms(5000, ca_task_join(t, &lines)));
  if (timed_out)
    ca_task_abort(t);
  check(!timed_out && lines == 2 && rx_dropped == 0, "echo");
  put("echo task: ");
  put_u((unsigned)lines);
  put(" lines\n");

  ca_task *h1 = ca_spawn_in(&holder_pool, hold_forever());
  ca_task *h2 = ca_spawn_in(&holder_pool, hold_forever());
  await(ca_sleep_ms(5));
  ca_task_abort(h1);
  ca_task_abort(h2);
  put("aborted 2 tasks, cleanups run: ");
  put_u((unsigned)released - 2);
  put("\n");
  check(released == 4, "abort ran the cleanups");
  return failures;
}

int main(void) {
  board_init();
  ca_cortex_m_init(BOARD_CORE_HZ);
#ifdef __clang__
  put("cortex-m demo: start (clang)\n");
#else
  put("cortex-m demo: start (gcc)\n");
#endif
  int failed = ca_block_on(demo());
  if (failed) {
    put("cortex-m demo: FAILED\n");
    return 1;
  }
  put("cortex-m demo: ok\n");
  return 0;
}
