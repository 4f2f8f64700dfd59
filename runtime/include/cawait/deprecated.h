/* cawait/deprecated.h - the previous release's names, kept for one release.
 * Included by <cawait.h> (at its end); never include it alone.
 *
 * Takes: the user API (cawait.h) and the frame ABI (cawait/abi.h).
 * Gives: each old name, declared deprecated, so a program using it
 * compiles and runs as before, with a -Wdeprecated-declarations warning
 * that names the new spelling (under the plugin too: the warning comes
 * from the analysis parse of the user's text, as plain clang gives it).
 * The old async functions stay awaitable with and without the plugin:
 * each keeps a leaf frame of its own, which wraps the new function's
 * frame. libcawait defines them (runtime/src/deprecated.c). In the next
 * release this file and deprecated.c go.
 *
 *   old                        new
 *   ca_readable(io)            ca_io_readable(io)
 *   ca_writable(io)            ca_io_writable(io)
 *   ca_close(io)               ca_io_close(io)
 *   ca_connect(io, host, port) ca_tcp_connect(io, host, port)
 *   ca_cancel_init(t)          ca_cancel_token_init(t)
 *   ca_cancel(t)               ca_cancel_token_cancel(t)
 *   ca_is_cancelled(t)         ca_cancel_token_is_cancelled(t)
 *   ca_cancelled(t)            ca_cancel_token_wait(t)
 *   ca_group_init(g, s, n)     ca_task_group_init(g, s, n)
 *   ca_group_add(g, task)      ca_task_group_add(g, task)
 *   ca_group_wait(g)           ca_task_group_wait(g)
 *   ca_group_abort(g)          ca_task_group_abort(g)
 */
#ifndef CAWAIT_DEPRECATED_H
#define CAWAIT_DEPRECATED_H
#pragma GCC system_header /* as cawait.h: see cawait/abi.h */

#ifndef CAWAIT_H
#error "include <cawait.h>, not <cawait/deprecated.h>"
#endif

#define CA__DEPRECATED(new) __attribute__((__deprecated__("use " #new)))

#ifdef __cplusplus
extern "C" {
#endif

/* ---------------------------------------------------------------- I/O */

CA_ASYNC void ca_readable(ca_io *io) CA__DEPRECATED(ca_io_readable);
struct ca_readable__frame {
  struct ca_io_readable__frame ca__new;
};
void ca_readable__init(struct ca_readable__frame *f, ca_io *io);
ca_poll ca_readable__poll(struct ca_readable__frame *f, ca_context *cx,
                          void *out);
void ca_readable__drop(struct ca_readable__frame *f);

CA_ASYNC void ca_writable(ca_io *io) CA__DEPRECATED(ca_io_writable);
struct ca_writable__frame {
  struct ca_io_writable__frame ca__new;
};
void ca_writable__init(struct ca_writable__frame *f, ca_io *io);
ca_poll ca_writable__poll(struct ca_writable__frame *f, ca_context *cx,
                          void *out);
void ca_writable__drop(struct ca_writable__frame *f);

int ca_close(ca_io *io) CA__DEPRECATED(ca_io_close);

CA_ASYNC int ca_connect(ca_io *out, const char *host, int port)
    CA__DEPRECATED(ca_tcp_connect);
struct ca_connect__frame {
  struct ca_tcp_connect__frame ca__new;
};
void ca_connect__init(struct ca_connect__frame *f, ca_io *out, const char *host,
                      int port);
ca_poll ca_connect__poll(struct ca_connect__frame *f, ca_context *cx, int *out);
void ca_connect__drop(struct ca_connect__frame *f);

/* ------------------------------------------------------ cancellation */

void ca_cancel_init(ca_cancel_token *t) CA__DEPRECATED(ca_cancel_token_init);
void ca_cancel(ca_cancel_token *t) CA__DEPRECATED(ca_cancel_token_cancel);
int ca_is_cancelled(const ca_cancel_token *t)
    CA__DEPRECATED(ca_cancel_token_is_cancelled);

CA_ASYNC void ca_cancelled(ca_cancel_token *t)
    CA__DEPRECATED(ca_cancel_token_wait);
struct ca_cancelled__frame {
  struct ca_cancel_token_wait__frame ca__new;
};
void ca_cancelled__init(struct ca_cancelled__frame *f, ca_cancel_token *t);
ca_poll ca_cancelled__poll(struct ca_cancelled__frame *f, ca_context *cx,
                           void *out);
void ca_cancelled__drop(struct ca_cancelled__frame *f);

/* -------------------------------------------------------- task groups */

/* A function, not a macro as before, so that using it warns; it passes
 * CA_LOWERED of the program's file, as ca_task_group_init does. */
CA__DEPRECATED(ca_task_group_init)
static inline void ca_group_init(ca_task_group *g, ca_task **slots,
                                 unsigned capacity) {
  ca_task_group_init(g, slots, capacity);
}
int ca_group_add(ca_task_group *g, ca_task *task)
    CA__DEPRECATED(ca_task_group_add);
int ca_group_abort(ca_task_group *g) CA__DEPRECATED(ca_task_group_abort);

CA_ASYNC int ca_group_wait(ca_task_group *g) CA__DEPRECATED(ca_task_group_wait);
struct ca_group_wait__frame {
  struct ca_task_group_wait__frame ca__new;
};
void ca_group_wait__init(struct ca_group_wait__frame *f, ca_task_group *g);
ca_poll ca_group_wait__poll(struct ca_group_wait__frame *f, ca_context *cx,
                            int *out);
void ca_group_wait__drop(struct ca_group_wait__frame *f);

#ifdef __cplusplus
}
#endif

#endif /* CAWAIT_DEPRECATED_H */
