/* cawait/frames.h - the frames of the runtime's leaf futures, and the
 * functions behind cawait.h's macros. Included by <cawait.h> (at its end);
 * never include it alone.
 *
 * Takes: the frame ABI (cawait/abi.h) and the user API's types (cawait.h).
 * Gives, for each async function of the runtime that cawait.h declares,
 * the frame ABI the plugin's generated code uses when it awaits one:
 * `struct f__frame` (embedded in the awaiting frame, so its size is part of
 * the ABI), f__init, f__poll and f__drop; and the `ca__` functions that
 * cawait.h's macros expand to (ca_chan_send passes the element size to
 * ca__chan_send, and so on). The user API and its documentation are in
 * cawait.h: nothing here is meant to be called by hand.
 */
#ifndef CAWAIT_FRAMES_H
#define CAWAIT_FRAMES_H
#pragma GCC system_header /* as cawait.h: see cawait/abi.h */

#ifndef CAWAIT_H
#error "include <cawait.h>, not <cawait/frames.h>"
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ----------------------------------------------------------------- tasks */

/* Waits for a task and consumes its handle: 0 with the result written to
 * *out (out_size must be the result's size; out may be NULL to discard it),
 * or -ECANCELED when the task was dropped before it completed (it was
 * pending when the ca_block_on that spawned it returned). Dropping the
 * join (a select, a timeout) leaves the handle to its owner: join again,
 * abort or detach. */
CA_ASYNC int ca__task_join(ca_task *task, void *out, size_t out_size);
struct ca__task_join__frame {
  ca_task *task;   /* NULL once joined */
  void *out;       /* where the result goes */
  size_t out_size; /* sizeof *out, checked against the result */
  ca_waker waker;  /* the task wakes this when it completes */
};
void ca__task_join__init(struct ca__task_join__frame *f, ca_task *task,
                         void *out, size_t out_size);
ca_poll ca__task_join__poll(struct ca__task_join__frame *f, ca_context *cx,
                            int *out);
void ca__task_join__drop(struct ca__task_join__frame *f);

/* ------------------------------------------------------------ timers */

struct ca_yield__frame {
  unsigned char yielded; /* 0 before the first poll, 1 after */
};
static inline void ca_yield__init(struct ca_yield__frame *f) { f->yielded = 0; }
static inline ca_poll ca_yield__poll(struct ca_yield__frame *f, ca_context *cx,
                                     void *out) {
  (void)out;
  if (f->yielded)
    return CA_READY;
  f->yielded = 1;
  ca_waker_wake(&cx->waker);
  return CA_PENDING;
}
static inline void ca_yield__drop(struct ca_yield__frame *f) { (void)f; }

struct ca_sleep_ms__frame {
  ca_timer timer; /* until the first poll, deadline_ms holds the duration */
};
void ca_sleep_ms__init(struct ca_sleep_ms__frame *f, uint64_t ms);
ca_poll ca_sleep_ms__poll(struct ca_sleep_ms__frame *f, ca_context *cx,
                          void *out);
void ca_sleep_ms__drop(struct ca_sleep_ms__frame *f);

struct ca_sleep_until__frame {
  ca_timer timer; /* armed at the first poll (deadline_ms set by init) */
};
void ca_sleep_until__init(struct ca_sleep_until__frame *f,
                          uint64_t deadline_ms);
ca_poll ca_sleep_until__poll(struct ca_sleep_until__frame *f, ca_context *cx,
                             void *out);
void ca_sleep_until__drop(struct ca_sleep_until__frame *f);

/* ---------------------------------------------------------------- I/O */

struct ca_io_readable__frame {
  ca_io *io;
};
void ca_io_readable__init(struct ca_io_readable__frame *f, ca_io *io);
ca_poll ca_io_readable__poll(struct ca_io_readable__frame *f, ca_context *cx,
                             void *out);
void ca_io_readable__drop(struct ca_io_readable__frame *f);

struct ca_io_writable__frame {
  ca_io *io;
};
void ca_io_writable__init(struct ca_io_writable__frame *f, ca_io *io);
ca_poll ca_io_writable__poll(struct ca_io_writable__frame *f, ca_context *cx,
                             void *out);
void ca_io_writable__drop(struct ca_io_writable__frame *f);

struct ca_fd_readable__frame {
  ca_io io; /* registered while waiting */
  int fd;
};
void ca_fd_readable__init(struct ca_fd_readable__frame *f, int fd);
ca_poll ca_fd_readable__poll(struct ca_fd_readable__frame *f, ca_context *cx,
                             int *out);
void ca_fd_readable__drop(struct ca_fd_readable__frame *f);

struct ca_fd_writable__frame {
  ca_io io;
  int fd;
};
void ca_fd_writable__init(struct ca_fd_writable__frame *f, int fd);
ca_poll ca_fd_writable__poll(struct ca_fd_writable__frame *f, ca_context *cx,
                             int *out);
void ca_fd_writable__drop(struct ca_fd_writable__frame *f);

struct ca_read__frame {
  ca_io *io;
  void *buf;
  size_t n;
};
void ca_read__init(struct ca_read__frame *f, ca_io *io, void *buf, size_t n);
ca_poll ca_read__poll(struct ca_read__frame *f, ca_context *cx, long *out);
void ca_read__drop(struct ca_read__frame *f);

struct ca_write__frame {
  ca_io *io;
  const void *buf;
  size_t n;
};
void ca_write__init(struct ca_write__frame *f, ca_io *io, const void *buf,
                    size_t n);
ca_poll ca_write__poll(struct ca_write__frame *f, ca_context *cx, long *out);
void ca_write__drop(struct ca_write__frame *f);

struct ca_accept__frame {
  ca_io *listener;
  ca_timer backoff; /* armed while out of descriptors */
};
void ca_accept__init(struct ca_accept__frame *f, ca_io *listener);
ca_poll ca_accept__poll(struct ca_accept__frame *f, ca_context *cx, int *out);
void ca_accept__drop(struct ca_accept__frame *f);

struct ca_tcp_connect__frame {
  ca_io *out;
  const char *host;
  int port;
  int started;
};
void ca_tcp_connect__init(struct ca_tcp_connect__frame *f, ca_io *out,
                          const char *host, int port);
ca_poll ca_tcp_connect__poll(struct ca_tcp_connect__frame *f, ca_context *cx,
                             int *out);
void ca_tcp_connect__drop(struct ca_tcp_connect__frame *f);

struct ca_send_to__frame {
  ca_io *io;
  const void *buf;
  size_t n;
  const char *host;
  int port;
};
void ca_send_to__init(struct ca_send_to__frame *f, ca_io *io, const void *buf,
                      size_t n, const char *host, int port);
ca_poll ca_send_to__poll(struct ca_send_to__frame *f, ca_context *cx,
                         long *out);
void ca_send_to__drop(struct ca_send_to__frame *f);

struct ca_recv_from__frame {
  ca_io *io;
  void *buf;
  size_t n;
  int *from_port;
};
void ca_recv_from__init(struct ca_recv_from__frame *f, ca_io *io, void *buf,
                        size_t n, int *from_port);
ca_poll ca_recv_from__poll(struct ca_recv_from__frame *f, ca_context *cx,
                           long *out);
void ca_recv_from__drop(struct ca_recv_from__frame *f);

struct ca_signal__frame {
  int signo;
  unsigned char open; /* io holds the signalfd */
  ca_io io;
};
void ca_signal__init(struct ca_signal__frame *f, int signo);
ca_poll ca_signal__poll(struct ca_signal__frame *f, ca_context *cx, int *out);
void ca_signal__drop(struct ca_signal__frame *f);

/* ------------------------------------------- channels and synchronisation */

CA_ASYNC int ca__chan_send(ca_chan *c, const void *v, size_t size);

struct ca__chan_send__frame {
  ca_chan *c;
  const void *v;
  size_t size;
  ca__waiter w; /* in c->senders while waiting */
};
void ca__chan_send__init(struct ca__chan_send__frame *f, ca_chan *c,
                         const void *v, size_t size);
ca_poll ca__chan_send__poll(struct ca__chan_send__frame *f, ca_context *cx,
                            int *out);
void ca__chan_send__drop(struct ca__chan_send__frame *f);

CA_ASYNC int ca__chan_recv(ca_chan *c, void *v, size_t size);

struct ca__chan_recv__frame {
  ca_chan *c;
  void *v;
  size_t size;
  ca__waiter w; /* in c->receivers while waiting */
};
void ca__chan_recv__init(struct ca__chan_recv__frame *f, ca_chan *c, void *v,
                         size_t size);
ca_poll ca__chan_recv__poll(struct ca__chan_recv__frame *f, ca_context *cx,
                            int *out);
void ca__chan_recv__drop(struct ca__chan_recv__frame *f);

int ca__chan_try_send(ca_chan *c, const void *v, size_t size);

int ca__chan_try_recv(ca_chan *c, void *v, size_t size);

int ca__oneshot_send(ca_oneshot *o, const void *v, size_t size);

CA_ASYNC int ca__oneshot_recv(ca_oneshot *o, void *v, size_t size);

struct ca__oneshot_recv__frame {
  ca_oneshot *o;
  void *v;
  size_t size;
  ca__waiter w; /* in o->receivers while waiting */
};
void ca__oneshot_recv__init(struct ca__oneshot_recv__frame *f, ca_oneshot *o,
                            void *v, size_t size);
ca_poll ca__oneshot_recv__poll(struct ca__oneshot_recv__frame *f,
                               ca_context *cx, int *out);
void ca__oneshot_recv__drop(struct ca__oneshot_recv__frame *f);

struct ca_notified__frame {
  ca_notify *n;
  ca__waiter w; /* in n->waiters while waiting */
};
void ca_notified__init(struct ca_notified__frame *f, ca_notify *n);
ca_poll ca_notified__poll(struct ca_notified__frame *f, ca_context *cx,
                          void *out);
void ca_notified__drop(struct ca_notified__frame *f);

struct ca_sem_acquire__frame {
  ca_sem *s;
  ca__waiter w; /* in s->waiters while waiting */
};
void ca_sem_acquire__init(struct ca_sem_acquire__frame *f, ca_sem *s);
ca_poll ca_sem_acquire__poll(struct ca_sem_acquire__frame *f, ca_context *cx,
                             int *out);
void ca_sem_acquire__drop(struct ca_sem_acquire__frame *f);

struct ca_cancel_token_wait__frame {
  ca_cancel_token *t;
  ca__waiter w; /* in t->waiters while waiting */
};
void ca_cancel_token_wait__init(struct ca_cancel_token_wait__frame *f,
                                ca_cancel_token *t);
ca_poll ca_cancel_token_wait__poll(struct ca_cancel_token_wait__frame *f,
                                   ca_context *cx, void *out);
void ca_cancel_token_wait__drop(struct ca_cancel_token_wait__frame *f);

struct ca_event_wait__frame {
  ca_event *e;           /* borrowed */
  unsigned char waiting; /* this frame registered e (its waker is e's) */
};
void ca_event_wait__init(struct ca_event_wait__frame *f, ca_event *e);
ca_poll ca_event_wait__poll(struct ca_event_wait__frame *f, ca_context *cx,
                            void *out);
void ca_event_wait__drop(struct ca_event_wait__frame *f);

/* --------------------------------------------------------- ca_blocking */

#if !CA_BARE_METAL
/* The job is the frame: queued in the pool (links in the frame) until a
 * worker takes it; from then on only the worker's slot points at it, and a
 * drop clears that pointer (under the pool's lock) before the frame goes,
 * so a worker never writes into a dropped frame
 * (runtime/src/blocking_pool.c). */
struct ca_blocking__frame {
  long (*fn)(void *); /* the function (checked not NULL by init) */
  void *arg;          /* its argument, borrowed until fn returns */
  long result;        /* fn's result, written by the worker before the wake */
  struct ca_blocking__frame *next, *prev; /* the pool's queue while queued */
  unsigned char state;     /* CA__BLOCKING_*, under the pool's lock */
  unsigned char worker;    /* the worker running it (state running) */
  unsigned char submitted; /* the pool has it (the owner's: no lock) */
  ca_remote_waker done;    /* woken by the worker when fn returned */
};
void ca_blocking__init(struct ca_blocking__frame *f, long (*fn)(void *),
                       void *arg);
ca_poll ca_blocking__poll(struct ca_blocking__frame *f, ca_context *cx,
                          long *out);
void ca_blocking__drop(struct ca_blocking__frame *f);
#endif

/* ------------------------------------------------------ ca_remote_chan */

#if !CA_BARE_METAL
CA_ASYNC int ca__remote_chan_recv(ca_remote_chan *c, void *v, size_t size);
/* The waker senders wake is in the frame: the channel points at it while
 * the frame waits, and the frame leaves under the channel's lock
 * (runtime/src/remote_chan.c). */
struct ca__remote_chan_recv__frame {
  ca_remote_chan *c;
  void *v;
  size_t size;
  ca_remote_waker rw;    /* c->receiver points here while waiting */
  unsigned char waiting; /* rw is armed and c->receiver is &rw */
};
void ca__remote_chan_recv__init(struct ca__remote_chan_recv__frame *f,
                                ca_remote_chan *c, void *v, size_t size);
ca_poll ca__remote_chan_recv__poll(struct ca__remote_chan_recv__frame *f,
                                   ca_context *cx, int *out);
void ca__remote_chan_recv__drop(struct ca__remote_chan_recv__frame *f);

int ca__remote_chan_try_send(ca_remote_chan *c, const void *v, size_t size);

int ca__remote_chan_try_recv(ca_remote_chan *c, void *v, size_t size);
#endif

void ca__group_init(ca_task_group *g, ca_task **slots, unsigned capacity,
                    int lowered);

struct ca_task_group_wait__frame {
  ca_task_group *g;
  int cancelled;                    /* tasks joined with -ECANCELED */
  unsigned char joining;            /* join is initialised */
  struct ca__task_join__frame join; /* of g->awaited */
};
void ca_task_group_wait__init(struct ca_task_group_wait__frame *f,
                              ca_task_group *g);
ca_poll ca_task_group_wait__poll(struct ca_task_group_wait__frame *f,
                                 ca_context *cx, int *out);
void ca_task_group_wait__drop(struct ca_task_group_wait__frame *f);

#ifdef __cplusplus
}
#endif

#endif /* CAWAIT_FRAMES_H */
