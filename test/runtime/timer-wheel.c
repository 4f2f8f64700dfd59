// Checks the timing wheel against a model (a list sorted by deadline, then
// arming order) over 20,000 random steps on a virtual clock: arms (ties,
// near, far, 2^40 ms ahead, passed deadlines, UINT64_MAX), disarms, and
// fires at small steps, jumps and the wheel's own next step; each fire wakes
// exactly the model's timers, in its order; next is never past a deadline.
// RUN: %clang -std=c11 -I%cawait_include -I%S/../../runtime/src %s %cawait_lib -o %t && %t | FileCheck %s
// RUN: %clang -std=c11 -fsanitize=address,undefined -fno-sanitize-recover=all -I%cawait_include -I%S/../../runtime/src %s %cawait_san_lib -o %t.san && %t.san | FileCheck %s

#include "internal.h"
#include <stdio.h>
#include <stdlib.h>

#define M 256 /* timers, each woken through the waker of its own task */
#define STEPS 20000

static ca_timer timer[M];
static ca_waker waker[M];         /* task i's, from its polls */
static uint64_t dl[M];            /* deadline, while armed in the model */
static uint64_t seq[M];           /* arming order, while armed in the model */
static int armed[M];              /* in the model */
static uint32_t woken[M], nwoken; /* tasks polled since the driver's poll */
static uint32_t want[M], nwant;   /* what the last fire should have woken */
static uint64_t model_now;        /* the wheel's time, as the model sees it */
static uint64_t clock0, vnow, nseq;
static unsigned errors, fires, fired_total, arms, disarms;

static uint64_t rng = 0x2545f4914f6cdd1du;
static uint64_t rnd(void) {
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return rng;
}

/* Task i: keeps its waker, and notes each wake (polls after the first). */
struct waiter__frame {
  uint32_t id;
  int polled;
};
static ca_poll waiter__poll(void *p, ca_context *cx, void *out) {
  struct waiter__frame *f = p;
  (void)out;
  waker[f->id] = cx->waker;
  if (f->polled++)
    woken[nwoken++] = f->id;
  return CA_PENDING;
}
static void waiter__drop(void *p) { (void)p; }

static int model_count(void) {
  int c = 0;
  for (int i = 0; i < M; i++)
    c += armed[i];
  return c;
}

static uint64_t key(int i) { return dl[i] > model_now ? dl[i] : model_now; }

static int before(int a, int b) {
  return key(a) < key(b) || (key(a) == key(b) && seq[a] < seq[b]);
}

static int random_armed(void) {
  int c = model_count();
  if (!c)
    return -1;
  int k = (int)(rnd() % (uint64_t)c);
  for (int i = 0; i < M; i++)
    if (armed[i] && k-- == 0)
      return i;
  return -1;
}

static uint64_t random_deadline(void) {
  uint64_t r = rnd() % 100, past = vnow - (clock0 + 10000) + 1;
  int other = random_armed();
  if (r < 35)
    return vnow + rnd() % 64;
  if (r < 55)
    return vnow + rnd() % 5000;
  if (r < 65)
    return vnow + rnd() % ((uint64_t)1 << 24);
  if (r < 70)
    return vnow + rnd() % ((uint64_t)1 << 40);
  if (r < 74)
    return UINT64_MAX - rnd() % 3;
  if (r < 85)
    return vnow - rnd() % past; /* passed, but later than the real clock */
  return other >= 0 ? dl[other] : vnow + 1;
}

static void arm(void) {
  int i = (int)(rnd() % M);
  if (armed[i])
    return;
  if (!model_count())
    model_now = 0; /* the wheel restarts from the real clock, below vnow */
  dl[i] = random_deadline();
  seq[i] = nseq++;
  armed[i] = 1;
  ca__timer_arm(&timer[i], dl[i], waker[i]);
  arms++;
}

static void disarm(void) {
  int i = (int)(rnd() % M);
  if (rnd() % 4 && !armed[i])
    i = random_armed();
  if (i < 0)
    return;
  ca__timer_disarm(&timer[i]); /* also of a timer that is not armed */
  disarms += armed[i];
  armed[i] = 0;
}

static void fire(void) {
  uint64_t r = rnd() % 100, next, to = vnow;
  int has_next = ca__timer_next(&next);
  if (has_next != (model_count() > 0)) {
    printf("next says %d with %d armed\n", has_next, model_count());
    errors++;
  }
  if (has_next) {
    for (int i = 0; i < M; i++)
      if (armed[i] && next > key(i)) {
        printf("next %llu is past a deadline\n", (unsigned long long)next);
        errors++;
        break;
      }
  }
  if (r < 45)
    to = vnow + rnd() % 8;
  else if (r < 70)
    to = vnow + rnd() % 300;
  else if (r < 85)
    to = has_next && next > vnow && next - vnow < ((uint64_t)1 << 42) ? next
                                                                      : vnow;
  else if (r < 97)
    to = vnow + rnd() % ((uint64_t)1 << 26);
  else
    to = vnow + ((uint64_t)1 << 41);
  vnow = to;
  /* The model: armed timers whose key is <= to, by key then arming. */
  nwant = 0;
  if (model_count())
    for (;;) {
      int best = -1;
      for (int i = 0; i < M; i++)
        if (armed[i] && key(i) <= to && (best < 0 || before(i, best)))
          best = i;
      if (best < 0)
        break;
      want[nwant++] = (uint32_t)best;
      armed[best] = 0;
    }
  if (model_count() || nwant)
    model_now = to > model_now ? to : model_now;
  size_t n = ca__timer_fire(to);
  if (n != nwant) {
    printf("fired %zu, model %u\n", n, nwant);
    errors++;
  }
  fires++;
  fired_total += nwant;
}

/* The driver: one step per poll; the tasks woken by a fire run before its
 * next poll (it queues itself behind them), in wake order. */
static ca_poll driver__poll(void *p, ca_context *cx, void *out) {
  int *step = p;
  (void)out;
  if (nwoken != nwant) {
    printf("step %d: %u woken, model %u\n", *step, nwoken, nwant);
    errors++;
  } else {
    for (uint32_t k = 0; k < nwant; k++)
      if (woken[k] != want[k]) {
        printf("step %d: wake %u out of order\n", *step, k);
        errors++;
        break;
      }
  }
  nwoken = nwant = 0;
  if (ca__timer_count != (size_t)model_count()) {
    printf("step %d: count %zu, model %d\n", *step, ca__timer_count,
           model_count());
    errors++;
  }
  for (int i = 0; i < M; i++)
    if (ca__timer_is_armed(&timer[i]) != armed[i]) {
      printf("step %d: timer %d armed %d, model %d\n", *step, i,
             ca__timer_is_armed(&timer[i]), armed[i]);
      errors++;
    }
  if (errors > 10 || ++*step > STEPS) {
    for (int i = 0; i < M; i++)
      ca__timer_disarm(&timer[i]);
    return CA_READY;
  }
  uint64_t r = rnd() % 100;
  if (r < 45)
    arm();
  else if (r < 65)
    disarm();
  else
    fire();
  ca_waker_wake(&cx->waker);
  return CA_PENDING;
}

int main(void) {
  /* Virtual times start 10 s after the real clock: the run loop's own
   * ca__timer_fire(ca_now_ms()) never reaches a deadline. */
  clock0 = ca_now_ms();
  vnow = clock0 + 10000;
  for (uint32_t i = 0; i < M; i++) {
    struct waiter__frame *f =
        ca__task_alloc(sizeof *f, waiter__poll, waiter__drop);
    *f = (struct waiter__frame){.id = i};
    ca__task_start(f);
  }
  int step = 0;
  ca__block_on(&step, driver__poll, NULL);
  printf("dropped %d waiting tasks\n", ca_executor_shutdown());
  printf("%d steps, %u errors\n", step - 1, errors);
  fprintf(stderr, "arms %u disarms %u fires %u fired %u\n", arms, disarms,
          fires, fired_total);
  return errors != 0;
}
// CHECK:      dropped 256 waiting tasks
// CHECK-NEXT: 20000 steps, 0 errors
