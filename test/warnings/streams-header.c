// Including <cawait/streams.h> and defining its adapters, used or not,
// adds no warning at any level, with the plugin and without it: each is
// static and marked unused (no -Wunused-function for one never iterated),
// and without the plugin the end of a stream's body is not a fall off the
// end of a function returning a value (no -Wreturn-type). gcc too.
// RUN: %clang -std=gnu11 -I %cawait_include -Weverything -Wno-used-but-marked-unused -Werror -c %s -o %t.plain.o
// RUN: %cawait-cc -std=gnu11 -Weverything -Wno-used-but-marked-unused -Werror -c %s -o %t.o
// RUN: %clang -std=gnu11 -I %cawait_include -Wall -Wextra -Wpedantic -Werror -c %s -o %t.plain.o
// RUN: %cawait-cc -std=gnu11 -Wall -Wextra -Wpedantic -Werror -c %s -o %t.o
// RUN: gcc -std=gnu11 -I %cawait_include -Wall -Wextra -Wpedantic -Werror -c %s -o %t.gcc.o
// RUN: %clang -std=gnu11 -I %cawait_include -Wall -Wextra -Wpedantic -Werror -DUSED -c %s -o %t.plain.o
// RUN: %cawait-cc -std=gnu11 -Wall -Wextra -Wpedantic -Werror -DUSED -c %s -o %t.o
#include <cawait.h>
#include <cawait/streams.h>

struct pt {
  int x, y;
};

CA_LINES_STREAM(lines)
CA_CHAN_STREAM(ints, int)
CA_CHAN_STREAM(points, struct pt)
CA_CHAN_MERGE_STREAM(merged, int)

#ifdef USED
async int sum(ca_chan *a, ca_chan *b, ca_reader *r);
async int sum(ca_chan *a, ca_chan *b, ca_reader *r) {
  char line[16];
  long s = 0;
  ca_for_await (int v, ints(a))
    s += v;
  ca_for_await (struct pt p, points(b))
    s += p.x;
  ca_for_await (int v, merged(a, b))
    s += v;
  ca_for_await (long n, lines(r, line, sizeof line, NULL))
    s += n;
  return (int)s;
}
#endif

int main(void);
int main(void) { return 0; }
