/* cawait/streams.h - streams over the runtime's sources: the lines of a
 * ca_reader, the elements of a ca_chan, two channels merged. Include it
 * after <cawait.h> (it is not included by cawait.h).
 *
 * A generator's frame ABI is static to its file: a stream defined in
 * libcawait (or in another .c file) cannot be iterated here, and a
 * generator defined in a header is not lowered. So each adapter is a macro
 * that defines the stream in your file, under the name you give, `static`
 * and marked unused (a file that defines one and never iterates it gets no
 * -Wunused-function, with the plugin or without it):
 *
 *   CA_LINES_STREAM(lines)            static async gen long
 *                                       lines(ca_reader *r, char *line,
 *                                             size_t cap, long *err);
 *     each line of r, read into line[cap] by ca_read_line: the item is its
 *     length with its '\n' (a last line without '\n' comes without it), or
 *     -EMSGSIZE for a line that did not fit (line holds its first cap - 1
 *     bytes, the rest is skipped); the stream ends at end of file (*err =
 *     0) or at any other error (*err = its negative errno); err may be
 *     NULL. Dropped while it waits, the bytes read stay in the reader: the
 *     next ca_read_line (or a new stream over the same reader) goes on
 *     from the same place.
 *
 *   CA_CHAN_STREAM(name, T)           static async gen T name(ca_chan *c);
 *     each element received from c (of type T: sizeof(T) must be the
 *     channel's element size), oldest first, until c is closed and drained.
 *     Dropped while it waits, no element was taken.
 *
 *   CA_CHAN_MERGE_STREAM(name, T)     static async gen T
 *                                       name(ca_chan *a, ca_chan *b);
 *     the elements of both channels as they come: each wait races a
 *     receive from each (ca_select, biased to a); when one is closed and
 *     drained, the other's until it is too.
 *
 * The frames are slots of the consumer's frame: nothing is allocated.
 * Without the plugin these are plain functions and iterating one aborts
 * naming it, like every generator (docs/user-guide.md, "Generators and
 * streams").
 */
#ifndef CAWAIT_STREAMS_H
#define CAWAIT_STREAMS_H
#pragma GCC system_header /* as cawait.h: see cawait/abi.h */

#ifndef CAWAIT_H
#error "include <cawait.h> before <cawait/streams.h>"
#endif

#include <errno.h>

#define CA__STREAM_UNUSED __attribute__((__unused__))
/* The end of a stream's body. With the plugin the end finishes the stream.
 * Without it the function is never run as a stream (ca_for_await aborts
 * first), and called directly it aborts here, naming it, rather than
 * falling off the end of a function that returns a value (which
 * -Wreturn-type would report in your file). */
#ifdef CA__ASYNC_ATTR
#define CA__STREAM_END
#else
#define CA__STREAM_END                                                         \
  ca__gen_unlowered(__func__);                                                 \
  __builtin_unreachable();
#endif

/* Each definition is a single line of your file: diagnostics and the frame
 * report name the line of the macro's use. The bodies await only in
 * initializers: a body from a macro is not normalized (an await inside an
 * expression there would lose the yields). */
#define CA_LINES_STREAM(name)                                                  \
  CA__STREAM_UNUSED static CA_ASYNC CA_GEN long name(ca_reader *r, char *line, \
                                                     size_t cap, long *err) {  \
    for (;;) {                                                                 \
      long ca__n = await(ca_read_line(r, line, cap));                          \
      if (ca__n <= 0 && ca__n != -EMSGSIZE) {                                  \
        if (err)                                                               \
          *err = ca__n;                                                        \
        break;                                                                 \
      }                                                                        \
      CA_YIELD(ca__n);                                                         \
    }                                                                          \
    CA__STREAM_END                                                             \
  }

/* Yields each element received from c until it is closed and drained. */
#define CA__CHAN_ITEMS(T, c)                                                   \
  for (;;) {                                                                   \
    T ca__v;                                                                   \
    int ca__r = await(ca_chan_recv(c, &ca__v));                                \
    if (ca__r != 0)                                                            \
      break;                                                                   \
    CA_YIELD(ca__v);                                                           \
  }

#define CA_CHAN_STREAM(name, T)                                                \
  CA__STREAM_UNUSED static CA_ASYNC CA_GEN T name(ca_chan *c) {                \
    CA__CHAN_ITEMS(T, c)                                                       \
    CA__STREAM_END                                                             \
  }

/* Both channels raced while both are open; then the one left alone. */
#define CA_CHAN_MERGE_STREAM(name, T)                                          \
  CA__STREAM_UNUSED static CA_ASYNC CA_GEN T name(ca_chan *a, ca_chan *b) {    \
    ca_chan *ca__rest = b;                                                     \
    for (;;) {                                                                 \
      T ca__va, ca__vb;                                                        \
      int ca__ra = -EPIPE, ca__rb = -EPIPE;                                    \
      int ca__w = await(ca_select(ca__ra = ca_chan_recv(a, &ca__va),           \
                                  ca__rb = ca_chan_recv(b, &ca__vb)));         \
      if (ca__w == 0 && ca__ra == 0)                                           \
        CA_YIELD(ca__va);                                                      \
      else if (ca__w == 1 && ca__rb == 0)                                      \
        CA_YIELD(ca__vb);                                                      \
      else {                                                                   \
        ca__rest = ca__w == 0 ? b : a;                                         \
        break;                                                                 \
      }                                                                        \
    }                                                                          \
    CA__CHAN_ITEMS(T, ca__rest)                                                \
    CA__STREAM_END                                                             \
  }

#endif /* CAWAIT_STREAMS_H */
