/* calculator.c - an async interface: one vtable of async function
 * pointers, two implementations (one answers after a timer, one at once
 * and keeps its running total through `self`), both called through the
 * interface, with the callee's frame in the caller's frame (the pointer
 * type's budget: no allocation) and boxed (one allocation per call, freed
 * when it completes or is dropped). The frame report shows both storages:
 * a budget of 128 bytes kept in place, 16 bytes for a boxed call. */
#include <cawait.h>
#include <stdio.h>

struct calc;

/* Every implementation's frame must fit in 128 bytes: taking the address
 * of one whose frame is larger does not compile. */
typedef async_budget(128) int add_fn(struct calc *self, int a, int b);

struct calc_vt {
  const char *name;
  add_fn *add;
};

struct calc {
  const struct calc_vt *vt;
  int last; /* the last answer, kept by the implementation */
};

/* Answers after a timer, as if it asked a remote service. */
async int remote_add(struct calc *self, int a, int b) {
  await(ca_sleep_ms(20));
  self->last = a + b;
  return self->last;
}

/* Answers at once, adding the previous answer too: a running total. */
async int running_add(struct calc *self, int a, int b) {
  self->last += a + b;
  return self->last;
}

static const struct calc_vt remote_vt = {"remote", remote_add};
static const struct calc_vt running_vt = {"running", running_add};

/* Generic code: it sees only the interface. */
async int sum_three(struct calc *c, int x, int y, int z) {
  int in_place = await(c->vt->add(c, x, y));      /* frame in this frame */
  int boxed = await(ca_boxed(c->vt->add(c, 0, z))); /* frame on the heap */
  printf("  %s: add(%d, %d) = %d, boxed add(0, %d) = %d\n", c->vt->name, x,
         y, in_place, z, boxed);
  return boxed;
}

async int run(void) {
  struct calc remote = {&remote_vt, 0}, running = {&running_vt, 0};
  struct calc *all[] = {&remote, &running};
  int total = 0;
  for (int i = 0; i < 2; i++)
    total += await(sum_three(all[i], 1, 2, 3));
  /* Racing the slow implementation against a timer drops its frame. */
  int late = -1;
  if (await(ca_timeout_ms(5, late = sum_three(&remote, 10, 20, 30))))
    printf("  remote took longer than 5 ms: dropped (late = %d)\n", late);
  return total;
}

int main(void) {
  printf("calculator: one interface, two implementations\n");
  printf("total %d\n", ca_block_on(run()));
  return 0;
}
