/* platform/cortex-m.c - the bare-metal platform (platform.h) for Arm
 * Cortex-M (ARMv7-M and later: Cortex-M3, M4, M7, M33): no OS, no heap,
 * one executor.
 *
 *   clock  SysTick at 1 kHz (ca_cortex_m_init), counted by SysTick_Handler;
 *          ca_now_ms reads the 64-bit count with interrupts masked;
 *   park   WFI with interrupts masked (PRIMASK): the condition (the port
 *          woken, the deadline reached) is tested with interrupts off, and
 *          WFI still wakes on an interrupt that becomes pending then, so
 *          none falls between the test and the sleep; interrupts are let in
 *          after each WFI;
 *   wake   a word that ca__platform_wake sets (a single store: nothing to
 *          lock, nothing to allocate); the park and the poll clear it, then
 *          fire the events (a set between the two is still seen by the
 *          scan, which runs after the clear);
 *   fatal  the message, formatted here (%s %d %u %zu %p %x), to the
 *          ca_cortex_m_write hook, then ca_cortex_m_halt.
 * The executor runs with interrupts enabled (in thread mode).
 */
#include "../internal.h"
#include "../platform.h"

#include <stdarg.h>

struct ca__wake_port {
  uint32_t pending; /* woken since the executor last looked */
};

static struct ca__wake_port ca__port;
static volatile uint64_t ca__ms; /* SysTick interrupts since init */

#define CA__SYST_CSR (*(volatile uint32_t *)0xE000E010u)
#define CA__SYST_RVR (*(volatile uint32_t *)0xE000E014u)
#define CA__SYST_CVR (*(volatile uint32_t *)0xE000E018u)

static inline uint32_t ca__irq_save(void) {
  uint32_t primask;
  __asm__ volatile("mrs %0, primask\n\tcpsid i" : "=r"(primask)::"memory");
  return primask;
}

static inline void ca__irq_restore(uint32_t primask) {
  __asm__ volatile("msr primask, %0" ::"r"(primask) : "memory");
}

void ca_cortex_m_init(uint32_t core_hz) {
  CA__SYST_RVR = core_hz / 1000u - 1u;
  CA__SYST_CVR = 0;
  CA__SYST_CSR = 7u; /* the processor clock, the interrupt, enabled */
}

void ca_cortex_m_tick(void) { ca__ms = ca__ms + 1; }

#ifndef CA_CORTEX_M_NO_SYSTICK_HANDLER
void SysTick_Handler(void) { ca_cortex_m_tick(); }
#endif

uint64_t ca_now_ms(void) {
  uint32_t primask = ca__irq_save();
  uint64_t now = ca__ms;
  ca__irq_restore(primask);
  return now;
}

/* ---------------------------------------------------------- park, wake */

struct ca__wake_port *ca__platform_port(void) {
  return &ca__port;
}

void ca__platform_wake(struct ca__wake_port *port) {
  __atomic_store_n(&port->pending, 1, __ATOMIC_SEQ_CST);
}

void ca__platform_poll(void) {
  if (!__atomic_load_n(&ca__port.pending, __ATOMIC_SEQ_CST))
    return;
  __atomic_store_n(&ca__port.pending, 0, __ATOMIC_SEQ_CST);
  ca__events_fire();
}

void ca__platform_park(uint64_t deadline_ms) {
  uint32_t primask = ca__irq_save();
  while (!__atomic_load_n(&ca__port.pending, __ATOMIC_SEQ_CST) &&
         ca__ms < deadline_ms) {
    __asm__ volatile("wfi" ::: "memory");
    /* The interrupt that woke us runs between these two. */
    __asm__ volatile("cpsie i\n\tisb\n\tcpsid i" ::: "memory");
  }
  ca__irq_restore(primask);
  ca__platform_poll();
}

/* --------------------------------------------------------------- fatal */

__attribute__((weak)) void ca_cortex_m_write(const char *s, size_t n) {
  (void)s;
  (void)n;
}

__attribute__((weak)) _Noreturn void ca_cortex_m_halt(void) {
  __asm__ volatile("cpsid i" ::: "memory");
  for (;;)
    __asm__ volatile("wfi");
}

static void ca__puts(const char *s) {
  size_t n = 0;
  while (s[n])
    n++;
  ca_cortex_m_write(s, n);
}

/* v in base 10 or 16, with a '-' when neg. */
static void ca__put_num(uint32_t v, unsigned base, int neg) {
  char buf[12];
  char *p = buf + sizeof buf;
  *--p = 0;
  do {
    *--p = "0123456789abcdef"[v % base];
    v /= base;
  } while (v);
  if (neg)
    *--p = '-';
  ca__puts(p);
}

_Noreturn void ca__platform_fatal(const char *fmt, va_list ap) {
  ca__puts("cawait: ");
  for (const char *p = fmt; *p; p++) {
    if (*p != '%') {
      ca_cortex_m_write(p, 1);
      continue;
    }
    if (*++p == 'z' || *p == 'l')
      p++;
    switch (*p) {
    case 's':
      ca__puts(va_arg(ap, const char *));
      break;
    case 'd': {
      int v = va_arg(ap, int);
      ca__put_num(v < 0 ? 0u - (uint32_t)v : (uint32_t)v, 10, v < 0);
      break;
    }
    case 'u':
      ca__put_num(va_arg(ap, unsigned), 10, 0);
      break;
    case 'p':
      ca__puts("0x");
      ca__put_num((uint32_t)(uintptr_t)va_arg(ap, void *), 16, 0);
      break;
    case 'x':
      ca__put_num(va_arg(ap, unsigned), 16, 0);
      break;
    default:
      ca_cortex_m_write(p, 1);
      break;
    }
  }
  ca__puts("\n");
  ca_cortex_m_halt();
}

_Noreturn void ca__platform_no_heap(const char *who) {
  ca__die("%s: no heap on bare metal: spawn into a CA_TASK_POOL "
          "(ca_spawn_in)",
          who);
}
