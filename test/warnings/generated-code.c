// The code cawait generates (frames, poll functions, task vtables, pools,
// combinators) adds no warning at any level: cawait-cc prints exactly what
// plain clang prints, up to -Weverything (issue 16, item 11).
// RUN: %clang -std=gnu11 -I %cawait_include -Wall -Wextra -Wpedantic -Wdeclaration-after-statement -Wsign-conversion -Werror -c %s -o %t.plain.o
// RUN: %cawait-cc -std=gnu11 -Wall -Wextra -Wpedantic -Wdeclaration-after-statement -Wsign-conversion -Werror -c %s -o %t.o
// RUN: %clang -std=gnu11 -I %cawait_include -Weverything -c %s -o %t.plain.o 2> %t.plain
// RUN: %cawait-cc -std=gnu11 -Weverything -c %s -o %t.o 2> %t.ours
// RUN: diff %t.plain %t.ours
#include <cawait.h>

CA_TASK_POOL(workers, leaf, 2);

static async int leaf(int a) {
  await(ca_yield());
  return a + 1;
}

static async int both(int a) {
  int x = 0, y = 0, k;
  await(ca_join(x = leaf(a), y = leaf(a + 1)));
  k = await(ca_select(x = leaf(x), ca_sleep_ms(5)));
  if (await(ca_timeout_ms(100, y = leaf(y))))
    return -1;
  return k + x + y;
}

static async int top(void) {
  ca_task *t = ca_spawn(both(1)), *u = ca_spawn_in(&workers, leaf(2));
  int r = 0, s = 0;
  await(ca_task_join(t, &r));
  await(ca_task_join(u, &s));
  return r + s;
}

int main(void) { return ca_block_on(top()) == 0; }
