/* cawait/threads.h - thread-per-core: threads of executors
 * (ca_threads_run) and the channel between them (ca_remote_chan). Linux
 * only (hosted). Included by <cawait.h> (near its end) when not
 * CA_BARE_METAL; never include it alone.
 *
 * Takes: the user API's types (cawait.h: ca_remote_waker). Gives: the
 * functions below, documented as cawait.h documents its own (ownership,
 * thread, cancellation). docs/user-guide.md, "Threads: one executor per
 * core"; docs/design.md, "Thread-per-core".
 */
#ifndef CAWAIT_THREADS_H
#define CAWAIT_THREADS_H
#pragma GCC system_header /* as cawait.h: see cawait/abi.h */

#ifndef CAWAIT_H
#error "include <cawait.h>, not <cawait/threads.h>"
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* Linux only (hosted). One executor per thread: each thread started here
 * runs its own ca_block_on / ca_run, its own timers and reactor, and its
 * tasks never move to another thread (docs/design.md, "Thread-per-core").
 * Threads talk through ca_remote_chan (below), ca_event and
 * ca_remote_waker; everything else stays on the thread that made it. */
#if !CA_BARE_METAL
/* Runs fn(index, arg) on n threads at once, index 0 to n-1, and returns
 * when every call has returned: 0, or a negative errno when the threads
 * could not be started (-ENOMEM, -EAGAIN: then no fn ran at all: the
 * threads started are stopped before any call and joined).
 *   - Index 0 runs on the calling thread, with its executor (a ca_io
 *     opened before the call is index 0's); indices 1 to n-1 on new
 *     threads, started with every signal blocked, so a process-directed
 *     signal (SIGINT, SIGTERM) reaches index 0 only: await ca_signal there.
 *   - Each call runs its own executor: ca_block_on(f(index, ...)) inside
 *     fn, as in main. When fn returns on a new thread, that thread's
 *     executor drops its pending tasks (ca_executor_shutdown) and the
 *     thread ends, its reactor's descriptors closed.
 *   - arg is borrowed by every call until ca_threads_run returns; what fn
 *     writes (for example into arg's slot `index`) is visible to the
 *     caller once it returns.
 * Misuse aborts: n < 1 ("cawait: ca_threads_run: n is 0: at least one
 * thread"), a NULL fn, or a call from inside a poll or a drop. It works
 * without the plugin too (each fn then runs its synchronous program). */
int ca_threads_run(int n, void (*fn)(int index, void *arg), void *arg);

/* A channel from any thread to the tasks of one executor: senders on any
 * thread (ca_remote_chan_try_send, not async), one receiving executor
 * (await(ca_remote_chan_recv)). Bounded, of fixed-size elements stored in
 * a ring buffer the user supplies; FIFO for each sender (messages of two
 * senders interleave in the order they took the lock). Nothing allocates.
 *
 * The receiving executor is the thread of the first ca_remote_chan_recv;
 * awaiting a receive on another thread aborts ("cawait:
 * ca_remote_chan_recv: channel 0x... belongs to another thread's
 * executor"), and one frame awaits a receive at a time. A receive that
 * waits is woken through a ca_remote_waker in its frame, which senders
 * wake holding the channel's lock: a receive that completes or is dropped
 * takes that lock too, so once it is gone no sender reaches its executor.
 *
 * The receiving thread ending: a receive still waiting must be dropped
 * first (ca_threads_run's threads drop their pending tasks as they end;
 * another thread calls ca_executor_shutdown). The elements still queued
 * stay in the buffer: the channel owns none of what they point to. Any
 * thread may then take them with ca_remote_chan_try_recv (after
 * ca_threads_run returned, say) to release what they own, and sends go on
 * succeeding until the buffer is full: close the channel when its receiver
 * stops, and sends fail with -EPIPE, the message left with its sender.
 *
 * The channel must stay in place, and outlive its senders and receiver;
 * it needs no destroy (init it again to reuse it, with nobody using it).
 * Zero-initialised it is unusable (no buffer): ca_remote_chan_init first.
 */
typedef struct ca_remote_chan {
  struct {
    union {
      unsigned char bytes[48];
      long aligned;
    } lock; /* a pthread_mutex_t (runtime/src/remote_chan.c checks that it
             * fits; <pthread.h> stays out of this header): orders every
             * field below across threads */
    unsigned char *buf;        /* capacity * elem_size bytes, borrowed */
    size_t elem_size;          /* bytes of one element */
    size_t capacity;           /* elements the buffer holds */
    size_t first;              /* index of the oldest element */
    size_t len;                /* elements held */
    ca_remote_waker *receiver; /* in the waiting receive's frame, or NULL:
                                * woken by senders under the lock */
    const void *owner;         /* the receiving executor, once bound */
    unsigned char closed;      /* ca_remote_chan_close was called */
  } ca__private;
} ca_remote_chan;

/* Makes c an open, empty channel of `capacity` elements of `elem_size`
 * bytes stored in buf (borrowed: it must outlive the channel), with no
 * receiving executor yet. 0, or -EINVAL when buf is NULL or a size is 0
 * (the channel is then closed). Any thread, before any other use of c. */
int ca_remote_chan_init(ca_remote_chan *c, void *buf, size_t elem_size,
                        size_t capacity);

/* ca_remote_chan_try_send(&c, &v): copies *v into c and wakes its
 * receiver: 0, -EAGAIN when c is full, or -EPIPE when c is closed (v is
 * then not sent: what it owns is still the sender's). sizeof *v must be
 * the element size (a mismatch aborts). Any thread (it takes c's lock:
 * not from a signal handler). */
#define ca_remote_chan_try_send(c, v)                                          \
  ca__remote_chan_try_send((c), (v), sizeof(*(v)))

/* await(ca_remote_chan_recv(&c, &v)): moves the oldest element into *v: 0,
 * or -EPIPE once c is closed and empty. On the receiving executor's
 * thread only (the first receive binds it). Cancellation-safe: dropped, it
 * has taken no element. Without the plugin: blocks until an element comes
 * (from another thread) or c is closed. */
#define ca_remote_chan_recv(c, v) ca__remote_chan_recv((c), (v), sizeof(*(v)))

/* Not async: the oldest element into *v now: 0, -EAGAIN when c is empty
 * and open, -EPIPE when closed and empty. Any thread (it never waits, so
 * it does not bind c): how the elements left are taken once the receiver
 * is gone. */
#define ca_remote_chan_try_recv(c, v)                                          \
  ca__remote_chan_try_recv((c), (v), sizeof(*(v)))

/* Closes c (again: nothing) and wakes its receiver: sends then fail with
 * -EPIPE; receives take the elements left, then give -EPIPE. Any thread. */
void ca_remote_chan_close(ca_remote_chan *c);

/* Elements in c now (others may change it at once). Any thread. */
size_t ca_remote_chan_len(ca_remote_chan *c);
#endif

#ifdef __cplusplus
}
#endif

#endif /* CAWAIT_THREADS_H */
