/* deprecated.c - the previous release's names (cawait/deprecated.h), each
 * forwarding to its new spelling: the blocking function for programs built
 * without the plugin, and the leaf frame (a wrapper of the new one's) for
 * programs built with it. Goes with deprecated.h in the next release.
 */
#include "internal.h"

#ifdef CA_LOWERED
#error "libcawait must be compiled without the cawait plugin"
#endif

/* ---------------------------------------------------------------- I/O */

void ca_readable(ca_io *io) { ca_io_readable(io); }
void ca_readable__init(struct ca_readable__frame *f, ca_io *io) {
  ca_io_readable__init(&f->ca__new, io);
}
ca_poll ca_readable__poll(struct ca_readable__frame *f, ca_context *cx,
                          void *out) {
  return ca_io_readable__poll(&f->ca__new, cx, out);
}
void ca_readable__drop(struct ca_readable__frame *f) {
  ca_io_readable__drop(&f->ca__new);
}

void ca_writable(ca_io *io) { ca_io_writable(io); }
void ca_writable__init(struct ca_writable__frame *f, ca_io *io) {
  ca_io_writable__init(&f->ca__new, io);
}
ca_poll ca_writable__poll(struct ca_writable__frame *f, ca_context *cx,
                          void *out) {
  return ca_io_writable__poll(&f->ca__new, cx, out);
}
void ca_writable__drop(struct ca_writable__frame *f) {
  ca_io_writable__drop(&f->ca__new);
}

int ca_close(ca_io *io) { return ca_io_close(io); }

int ca_connect(ca_io *out, const char *host, int port) {
  return ca_tcp_connect(out, host, port);
}
void ca_connect__init(struct ca_connect__frame *f, ca_io *out, const char *host,
                      int port) {
  ca_tcp_connect__init(&f->ca__new, out, host, port);
}
ca_poll ca_connect__poll(struct ca_connect__frame *f, ca_context *cx,
                         int *out) {
  return ca_tcp_connect__poll(&f->ca__new, cx, out);
}
void ca_connect__drop(struct ca_connect__frame *f) {
  ca_tcp_connect__drop(&f->ca__new);
}

/* ------------------------------------------------------ cancellation */

void ca_cancel_init(ca_cancel_token *t) { ca_cancel_token_init(t); }
void ca_cancel(ca_cancel_token *t) { ca_cancel_token_cancel(t); }
int ca_is_cancelled(const ca_cancel_token *t) {
  return ca_cancel_token_is_cancelled(t);
}

void ca_cancelled(ca_cancel_token *t) { ca_cancel_token_wait(t); }
void ca_cancelled__init(struct ca_cancelled__frame *f, ca_cancel_token *t) {
  ca_cancel_token_wait__init(&f->ca__new, t);
}
ca_poll ca_cancelled__poll(struct ca_cancelled__frame *f, ca_context *cx,
                           void *out) {
  return ca_cancel_token_wait__poll(&f->ca__new, cx, out);
}
void ca_cancelled__drop(struct ca_cancelled__frame *f) {
  ca_cancel_token_wait__drop(&f->ca__new);
}

/* -------------------------------------------------------- task groups */

int ca_group_add(ca_task_group *g, ca_task *task) {
  return ca_task_group_add(g, task);
}
int ca_group_abort(ca_task_group *g) { return ca_task_group_abort(g); }

int ca_group_wait(ca_task_group *g) { return ca_task_group_wait(g); }
void ca_group_wait__init(struct ca_group_wait__frame *f, ca_task_group *g) {
  ca_task_group_wait__init(&f->ca__new, g);
}
ca_poll ca_group_wait__poll(struct ca_group_wait__frame *f, ca_context *cx,
                            int *out) {
  return ca_task_group_wait__poll(&f->ca__new, cx, out);
}
void ca_group_wait__drop(struct ca_group_wait__frame *f) {
  ca_task_group_wait__drop(&f->ca__new);
}
