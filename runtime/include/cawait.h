/* cawait.h - polled async/await for C: the user API.
 *
 * Compiled with the cawait plugin (`cawait-cc`, or `clang -fplugin=cawait.so`)
 * every `async` function becomes a stackless coroutine:
 *
 *   struct f__frame;                            the coroutine frame
 *   void    f__init(struct f__frame *, P...);   "calling" f: no code runs
 *   ca_poll f__poll(struct f__frame *, ca_context *, T *out);
 *   void    f__drop(struct f__frame *);         cancel in any state
 *
 * Compiled without the plugin (any C compiler), `async` is empty and
 * `await(e)` is `e`: the program is ordinary synchronous C, and the runtime
 * library provides blocking versions of its leaf functions.
 *
 * This file is what a program uses. The headers it includes hold the rest:
 * cawait/abi.h, the frame ABI (ca_poll, ca_context, wakers: also what a
 * leaf future written by hand implements) and the entry points of the code
 * the plugin generates; cawait/threads.h, thread-per-core (ca_threads_run,
 * ca_remote_chan); cawait/frames.h, the frames of the runtime's leaf
 * futures. cawait/deprecated.h keeps the names of the previous release for
 * one release (docs/user-guide.md, "Renamed functions").
 *
 * Names: functions are ca_<noun>_<verb> (ca_chan_send, ca_task_group_wait),
 * on the type they take (ca_io, ca_chan, ca_task_group...); `ca__` names
 * and `CA__` macros are the runtime's, and may change between releases.
 *
 * Private fields: the structures below are the user's storage (a program
 * embeds them: no heap), so their size is static and their definition is
 * here, but what the runtime keeps in them is in a member named
 * `ca__private`: a program never reads or writes it (zero-initialising the
 * whole structure, or an init function, sets it up). Public fields, such
 * as ca_io's fd, stand outside it.
 *
 * Threads: everything here runs on the executor's thread (one executor per
 * thread) unless stated otherwise. Interrupt handlers, other threads and
 * signal handlers reach the executor through ca_event_set and
 * ca_remote_waker_wake only (see "the interrupt rule" at ca_event): a
 * ca_waker is never woken from another thread. Blocking work goes to
 * another thread through ca_blocking.
 *
 * Platforms (CA_BARE_METAL, cawait/abi.h; docs/user-guide.md, "Bare metal
 * and GCC"): the runtime is a portable core plus a platform.
 *   - Both: the executor and tasks, handles, timers (ca_sleep_ms,
 *     ca_sleep_until, ca_now_ms), ca_event, ca_remote_waker, channels,
 *     oneshots, notify, semaphores, cancellation tokens, task groups,
 *     pools, join, select and timeout, async function pointers with a
 *     budget.
 *   - Linux only: the heap (ca_spawn without a pool, async_boxed
 *     pointers), the I/O (ca_io, ca_fd_*, sockets, streams, ca_signal),
 *     ca_blocking and its thread pool, threads of executors
 *     (ca_threads_run) and the channel between them (ca_remote_chan), the
 *     blocking functions of programs built without the plugin, the
 *     deprecated names.
 *   - Bare metal only (Cortex-M): the ca_cortex_m_* functions below. One
 *     executor; tasks come from CA_TASK_POOLs (ca_spawn without one
 *     aborts); at most CA_MAX_HANDLES joinable handles at once (16); no
 *     malloc is linked.
 */
#ifndef CAWAIT_H
#define CAWAIT_H
/* The header's macros use GNU C (statement expressions, `, ##__VA_ARGS__`):
 * like a C library's headers, it is a system header, so a program built with
 * -Wpedantic (or -Weverything) -Werror is judged on its own code. */
#pragma GCC system_header

#include <stddef.h>
#include <stdint.h>

/* CA_LOWERED: this file is compiled lowered. The plugin registers the
 * `async` attribute, so __has_attribute sees it exactly when the program is
 * being lowered (CA__ASYNC_ATTR); the lowered text the plugin writes
 * (-fplugin-arg-cawait-emit=, what cawait-gcc gives gcc) defines CA_LOWERED
 * on its first line, for a compiler that has no such attribute. */
#if defined(__has_attribute)
#if __has_attribute(async)
#define CA__ASYNC_ATTR 1
#ifndef CA_LOWERED
#define CA_LOWERED 1
#endif
#endif
#endif

/* On the locals the lowering generates in poll functions (await results,
 * ...): no debug information, so a debugger lists the user's variables
 * only. gcc has no such attribute. */
#if defined(__has_attribute)
#if __has_attribute(nodebug)
#define CA__NODEBUG __attribute__((nodebug))
#endif
#endif
#ifndef CA__NODEBUG
#define CA__NODEBUG
#endif

/* CA_ASYNC is the attribute; `async` is its short name. Define
 * CA_NO_ASYNC_KEYWORD to spell the attribute yourself, for example as C23
 * `[[async]]` (a macro named `async` would expand inside it). */
#ifdef CA__ASYNC_ATTR
#define CA_ASYNC __attribute__((__async__))
#else
#define CA_ASYNC
#endif
#ifndef CA_NO_ASYNC_KEYWORD
#define async CA_ASYNC
#endif

/* Frame budgets, for frames the caller cannot see:
 *
 *   CA_ASYNC_BUDGET(256) int f(int);   a prototype (in a header): callers
 *                                      in other files keep 256 bytes for
 *                                      f's frame; f's definition fails to
 *                                      compile if its frame is larger
 *   typedef CA_ASYNC_BUDGET(64) int add_fn(struct calc *, int, int);
 *                                      an async function pointer type:
 *                                      await(p(...)) keeps 64 bytes in the
 *                                      caller's frame; taking the address
 *                                      of a function whose frame is larger
 *                                      is a compile error
 *   typedef CA_ASYNC_BOXED int add_fn(...);
 *                                      calls through it allocate the frame
 *                                      (one malloc per call, freed when it
 *                                      completes or is dropped)
 *   await(ca_boxed(p(...)))            box one call through any async
 *                                      function pointer
 *
 * Without the plugin a pointer to an async function is an ordinary
 * function pointer. */
#ifdef CA__ASYNC_ATTR
#define CA_ASYNC_BUDGET(n) __attribute__((__async__(n)))
#define CA_ASYNC_BOXED __attribute__((__async__("boxed")))
#define ca_boxed(e) ((void)ca__boxed, (e))
#else
#define CA_ASYNC_BUDGET(n)
#define CA_ASYNC_BOXED
#define ca_boxed(e) (e)
#endif
#ifndef CA_NO_ASYNC_KEYWORD
#define async_budget(n) CA_ASYNC_BUDGET(n)
#define async_boxed CA_ASYNC_BOXED
#endif

/* ca_owned(release): a parameter of an async function that the frame owns
 * until its first poll. A frame dropped before it ever ran (a task a full
 * group refuses, one aborted or shut down before it ran, a ca_select branch
 * never polled) calls release(param) for each such parameter, the last
 * first; once it has run, the body owns them (release them in the body,
 * for example with a cleanup attribute). release is a function of one
 * parameter of the parameter's type, declared at file scope before the
 * async function:
 *   async void session(ca_owned(close_fd) int fd);
 * Without the plugin every call runs at once, so nothing is dropped
 * unstarted and ca_owned is empty. */
#ifdef CA__ASYNC_ATTR
/* The name as a string: the analysis parse must not count it as a use (plain
 * clang warns about an unused static release function; so must cawait-cc). */
#define ca_owned(release) __attribute__((annotate("cawait.owned", #release)))
#else
#define ca_owned(release)
#endif

/* The plugin recognises these macros by name; their plain expansion is the
 * synchronous meaning of the program. */
#define await(e) (e)
#define ca_block_on(e) (e)

/* A spawned task (see "Tasks" below). */
typedef struct ca__task ca_task;
typedef struct ca_task_pool ca_task_pool;

/* Tasks: `ca_task *t = ca_spawn(f(x))` starts f(x) as a task of this
 * thread's executor (one block of a per-thread slab, with no allocator
 * header: a task header of 24 bytes on x86-64, 16 on 32-bit Arm, and f's
 * frame) and returns its handle; `ca_spawn(f(x));` as
 * a statement detaches it.
 * `ca_spawn_in(&pool, f(x))` takes a slot of a static pool instead, and is
 * NULL when every slot is in use (the arguments are then not evaluated).
 * Every handle is consumed exactly once: by `await(ca_task_join(t, &out))`
 * (or ca_task_wait(t), for void tasks or to discard the result),
 * ca_task_abort(t) or ca_task_detach(t). A handle used again afterwards
 * (joined twice, aborted after a join...), also through a task group,
 * aborts the program with a message naming the call and what became of
 * the handle ("cawait: ca_task_join: the task handle was already
 * joined"), whatever became of its task: a handle is checked, never
 * followed. A handle belongs to the thread that spawned it.
 *
 * Without the plugin, ca_spawn runs the call to completion at once and the
 * handle keeps its result for the join. */
#ifdef CA_LOWERED
#define ca_spawn(e) ((ca_task *)((void)(e), ca__started()))
#define ca_spawn_in(pool, e) ((ca_task *)((void)(pool), (void)(e), ca__started()))
/* A static pool of N task slots for the async function f, at file scope:
 * no heap at all (the embedded way). The plugin replaces it with the
 * storage, sized for f's frame. */
#define CA_TASK_POOL(name, f, N)                                               \
  static ca_task_pool name __attribute__((unused,                             \
                                         annotate("cawait.pool", #f, (N))))
#else
#define ca_spawn(e)                                                            \
  __builtin_choose_expr(                                                       \
      CA__IS_VOID(e), ((e), ca__sync_task_new((void *)0, 0)),                  \
      __extension__({                                                          \
        __typeof__(CA__NONVOID(e)) ca__v = CA__NONVOID(e);                     \
        ca__sync_task_new(&ca__v, sizeof ca__v);                               \
      }))
#define ca_spawn_in(pool, e) ((void)(pool), ca_spawn(e))
#define CA_TASK_POOL(name, f, N)                                               \
  static ca_task_pool name __attribute__((unused)) = {.capacity = (N)}
#endif

/* Combinators, awaited: each branch is a call of an async function,
 * optionally assigned (`v = f(x)`, `*p += g(y)`).
 *
 *   await(ca_join(a = f(x), g(y)));     every branch, concurrently
 *   int k = await(ca_select(a = f(x), b = g(y)));
 *                                       the first to complete wins: only
 *                                       its assignment is done, the others
 *                                       are dropped; k is its index
 *   int timed_out = await(ca_timeout_ms(100, a = f(x)));
 *                                       1 when the deadline passed first
 *                                       (the call dropped, a untouched)
 *
 * With the plugin every branch frame lives in the caller's frame. Without
 * it, join runs the branches in order and select and timeout run their
 * first branch only (the others are in the arm of `0 ?` that never runs).
 * One definition for both: clang checks the same expression with and
 * without the plugin, so its warnings are the same (an assignment in a
 * later branch is not one the synchronous program does, for
 * -Wuninitialized; a conversion there is in code that runs, for
 * -Wconversion). */
#define ca_join(...) ((void)(__VA_ARGS__))
#define ca_select(first, ...)                                                  \
  ((void)(first), 0 ? ((void)0, ##__VA_ARGS__, (void)0) : (void)0, 0)
#define ca_timeout_ms(ms, call) ca_select(call, ca_sleep_ms(ms))

/* Generators (docs/user-guide.md, "Generators and streams"):
 *
 *   gen int count(int n) {           a generator of ints: calling it runs
 *     for (int i = 0; i < n; i++)    no code; each item asked for runs the
 *       yield(i);                    body to its next yield(e), which hands
 *   }                                out e; `return;` or the end finishes it
 *
 *   ca_for (int v, count(10))        in any function, plain or async: v
 *     printf("%d\n", v);             takes each item in turn; break, return
 *                                    or goto out of the loop drops the
 *                                    generator (its cleanups run)
 *
 *   async gen int ticks(int n) {     an async generator (a stream): it
 *     for (int i = 0; i < n; i++) {  may await between its items
 *       await(ca_sleep_ms(10));
 *       yield(i);
 *     }
 *   }
 *
 *   ca_for_await (int v, ticks(3))   in an async function: the loop waits
 *     printf("%d\n", v);             (the function suspends) while the
 *                                    stream waits for its next item
 *
 * With the plugin the generator's frame is in the caller's stack (or in
 * its frame, when the loop's body awaits or yields, and always for a
 * stream): nothing is allocated. A generator may ca_for over another, an
 * async generator ca_for_await over a stream. ca_for_await also takes a
 * generator that is not async (it never waits: the loop is a ca_for).
 * Without the plugin a generator has no synchronous meaning: the program
 * compiles, and ca_for, ca_for_await (or a yield reached by calling the
 * function) abort with a message naming the generator. Define
 * CA_NO_GEN_KEYWORDS to keep the names `gen` and `yield` for yourself:
 * CA_GEN and CA_YIELD(e) are the same. */
#ifdef CA__ASYNC_ATTR
#define CA_GEN __attribute__((__async__("gen")))
#else
#define CA_GEN
#endif
#define CA_YIELD(e) ((void)(e), ca__gen_unlowered(__func__))
/* The plugin replaces the loop; this text is its meaning for the analysis
 * (decl is type-checked against the generator's items) and, without the
 * plugin, the message. ca__gen_frame stands for the generator's frame. */
#define ca_for(decl, call)                                                     \
  for (decl = (ca__for_unlowered(#call), (call)),                              \
      ca__gen_frame = *(__typeof__(call) *)ca__gen_slot();                     \
       ca__gen_next(&ca__gen_frame);)
/* The same text under its own name: the plugin tells the two apart by the
 * macro the `for` comes from. */
#define ca_for_await(decl, call)                                               \
  for (decl = (ca__for_unlowered(#call), (call)),                              \
      ca__gen_frame = *(__typeof__(call) *)ca__gen_slot();                     \
       ca__gen_next(&ca__gen_frame);)
#ifndef CA_NO_GEN_KEYWORDS
#define gen CA_GEN
#define yield(e) CA_YIELD(e)
#endif
#ifdef __cplusplus
extern "C" {
#endif
/* Without the plugin: "cawait: generator 'count' run without the cawait
 * plugin ..." and abort() (named by the call ca_for or ca_for_await
 * iterates over, or by the function a yield is in). */
void ca__for_unlowered(const char *call);
void ca__gen_unlowered(const char *function);
/* Never reached: they stand for the loop in the text the plugin reads. */
void *ca__gen_slot(void);
int ca__gen_next(const volatile void *frame);
#ifdef __cplusplus
}
#endif

#include "cawait/abi.h"
#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------- executor */

/* Runs spawned tasks until none is left (returns at once without the
 * plugin, where ca_spawn runs the call to completion). Sleeps until the
 * next timer deadline when nothing is runnable; aborts when tasks are left
 * that nothing can wake, or when called from inside a poll. */
void ca_run(void);

/* Drops (calls the drop function of) and frees every task of this thread's
 * executor, queued or waiting; returns how many, or -EBUSY when called
 * from inside a poll or a drop. Tasks left pending are otherwise never
 * freed (there is no atexit hook): a program that may end with pending
 * tasks, and wants a clean leak check, calls this before it returns. The
 * executor stays usable afterwards. */
int ca_executor_shutdown(void);

/* Milliseconds of CLOCK_MONOTONIC. */
uint64_t ca_now_ms(void);

/* Async backtraces, ca_dump_tasks: declared by <cawait/dump.h>, which
 * includes <stdio.h> (cawait.h itself includes no C library header that
 * declares functions, so it takes no name from the program); also here
 * when <stdio.h> was included first. */
#ifdef EOF
void ca_dump_tasks(FILE *out);
#endif

/* ----------------------------------------------------------------- tasks */

/* await(ca_task_join(t, &out)): the task's result into out (the plugin
 * checks out's type against the spawned function's return type where it
 * can see the spawn); 0, or -ECANCELED. await(ca_task_wait(t)): the same,
 * the result discarded. */
#define ca_task_join(task, out) ca__task_join((task), (out), sizeof(*(out)))
#define ca_task_wait(task) ca__task_join((task), (void *)0, 0)
/* ca_task_abort(t): drops the task at its suspend point (its cleanups run)
 * unless it completed, and frees it. Not from the task itself, and not
 * while a ca_task_join awaits it. ca_task_detach(t): the task runs on, and
 * is freed when it completes. Both accept NULL. */
#define ca_task_abort(task) CA__TASK_ABORT(task)
#define ca_task_detach(task) CA__TASK_DETACH(task)
/* One definition line for both modes: clang's macro notes quote it, and
 * must quote the same line with and without the plugin. */
#ifdef CA_LOWERED
#define CA__TASK_ABORT ca__task_abort
#define CA__TASK_DETACH ca__task_detach
#else
#define CA__TASK_ABORT ca__sync_task_abort
#define CA__TASK_DETACH ca__sync_task_detach
#endif

/* ---------------------------------------------------------------- timers
 * Each leaf future is an async prototype; its frame is in cawait/frames.h.
 * Without the plugin the prototype is an ordinary blocking function in
 * libcawait. */

/* Pending once (waking itself), then ready: lets other tasks run.
 * Cancellation-safe. Without the plugin it returns at once. */
CA_ASYNC void ca_yield(void);

/* Completes once `ms` milliseconds have passed. Cancellation-safe: dropping
 * it disarms the timer. The first poll arms the timer (deadline
 * ca_now_ms() + ms, saturating) and is always pending, even for 0 ms, so it
 * also yields; polls after completion return CA_READY again. The timer is
 * on the polling thread's list: poll and drop the frame on one thread.
 * Without the plugin it is nanosleep(), retried on EINTR. */
CA_ASYNC void ca_sleep_ms(uint64_t ms);

/* Completes once ca_now_ms() >= deadline_ms; like ca_sleep_ms otherwise
 * (pending at its first poll even when the deadline has passed,
 * cancellation-safe). Without the plugin it sleeps until then. */
CA_ASYNC void ca_sleep_until(uint64_t deadline_ms);

/* ---------------------------------------------------------------- I/O
 * A file descriptor registered with this thread's reactor (edge-triggered
 * epoll): the registration lives in the ca_io, which must stay in place
 * while registered.
 *
 * Errors are negative errno values; EINTR and EAGAIN are handled inside.
 * Without the plugin the operations block (poll(2) on EAGAIN). */
typedef struct ca_io {
  int fd; /* the descriptor, -1 when closed: the program may read it (for
             setsockopt), or set it to -1 before ca_io_open */
  struct {
    uint32_t ready;  /* seen by epoll (CA__IO_*), cleared on EAGAIN */
    ca_waker reader; /* the frame waiting to read (CA_WAKER_NONE: none) */
    ca_waker writer; /* the frame waiting to write */
  } ca__private;     /* the reactor's */
} ca_io;

/* Makes fd non-blocking and registers it: 0, or a negative errno (the fd
 * is then left as it was, and io is closed: ca_io_close does nothing).
 * The ca_io owns fd from now on. */
int ca_io_open(ca_io *io, int fd);
/* Deregisters and closes the fd (once; a closed ca_io does nothing).
 * Frames waiting on io are woken, and their operation gives -EBADF.
 * Returns 0 or a negative errno from close(2). */
int ca_io_close(ca_io *io);
/* A TCP socket listening on host:port (host NULL: 127.0.0.1; port 0: any,
 * then ca_io_port tells which), registered in io. 0 or a negative errno
 * (-EINVAL: host is not an IPv4 address, or port is outside 0..65535). */
int ca_tcp_listen(ca_io *io, const char *host, int port, int backlog);
/* ca_tcp_listen with SO_REUSEPORT: several sockets (one per thread of
 * ca_threads_run, say) listen on one port, each registered with its own
 * thread's reactor, and the kernel spreads the connections among them (by
 * a hash of the addresses and ports). Every socket on the port must be
 * opened this way, by the same user; port 0 gives a free port: open the
 * first socket with it, then the others with ca_io_port's answer. */
int ca_tcp_listen_reuseport(ca_io *io, const char *host, int port, int backlog);
/* The local port of a socket, or a negative errno. */
int ca_io_port(const ca_io *io);

/* One frame at a time may wait to read a ca_io (ca_io_readable, ca_read,
 * ca_accept, ca_recv_from) and one to write: a second frame that would
 * wait in the same direction aborts ("cawait: ca_read: another frame is
 * already waiting to read fd N ..."), rather than leave the first asleep
 * for ever. */

/* Completes once io's fd is readable (or hung up, or in error).
 * Cancellation-safe. */
CA_ASYNC void ca_io_readable(ca_io *io);

/* Completes once io's fd is writable (or hung up, or in error).
 * Cancellation-safe. */
CA_ASYNC void ca_io_writable(ca_io *io);

/* Completes once fd, a descriptor no ca_io holds (a pipe, an eventfd, a
 * serial port, one another library owns), is readable (or hung up, or in
 * error): 0, or a negative errno (-EPERM for a regular file, which epoll
 * refuses; -EBADF for a descriptor that is not open). The frame registers
 * its own duplicate of fd from the first poll until it completes or is
 * dropped: fd's flags are left as they are, it is not closed, the owner
 * may close it meanwhile, and several frames (a ca_io too) may wait on one
 * file. Cancellation-safe. */
CA_ASYNC int ca_fd_readable(int fd);

/* Completes once fd is writable (or hung up, or in error); like
 * ca_fd_readable otherwise. */
CA_ASYNC int ca_fd_writable(int fd);

/* read(2) of at most n bytes: the count (0 at end of file) or a negative
 * errno. Cancellation-safe: nothing is read unless it completes. */
CA_ASYNC long ca_read(ca_io *io, void *buf, size_t n);

/* write(2) of at most n bytes (send with MSG_NOSIGNAL on sockets: a peer
 * that reset gives -EPIPE, never SIGPIPE): the count or a negative errno.
 * Cancellation-safe. */
CA_ASYNC long ca_write(ca_io *io, const void *buf, size_t n);

/* Accepts a connection on a listening ca_io: the new descriptor
 * (non-blocking, close-on-exec; register it with ca_io_open where its ca_io
 * will stay) or a negative errno. Out of descriptors (EMFILE, ENFILE), it
 * waits 10 ms and tries again instead of spinning. Cancellation-safe. */
CA_ASYNC int ca_accept(ca_io *listener);

/* Opens a TCP connection to host:port (an IPv4 address) in *out: 0 or a
 * negative errno, *out then closed (ca_io_close does nothing); -EINVAL for
 * a host that is not an IPv4 address or a port outside 0..65535. Dropped
 * before it completes, the socket is closed. */
CA_ASYNC int ca_tcp_connect(ca_io *out, const char *host, int port);

/* A UDP socket bound to host:port (host NULL: 127.0.0.1; port 0: any),
 * registered in io. 0 or a negative errno (-EINVAL as ca_tcp_listen). */
int ca_udp_bind(ca_io *io, const char *host, int port);

/* Sends one datagram of n bytes to host:port: the count or a negative
 * errno (-EINVAL as ca_tcp_connect). Cancellation-safe. */
CA_ASYNC long ca_send_to(ca_io *io, const void *buf, size_t n, const char *host,
                         int port);

/* Receives one datagram into buf (at most n bytes; the rest of a longer
 * one is discarded), and the sender's port in *from_port when not NULL:
 * the count or a negative errno. Cancellation-safe. */
CA_ASYNC long ca_recv_from(ca_io *io, void *buf, size_t n, int *from_port);

/* Shuts down part of a full-duplex connection (shutdown(2); how is
 * SHUT_RD, SHUT_WR or SHUT_RDWR): 0 or a negative errno. After SHUT_WR the
 * peer reads end of file; reading here still works. Frames waiting here on
 * a side shut down are woken (a writer then gets -EPIPE). */
int ca_shutdown(ca_io *io, int how);

/* -------------------------------------------------------------- streams
 * Written as async C in runtime/async/stream.c (compiled with the plugin,
 * and without it for the blocking versions); the budget is their frame. */

/* Reads exactly n bytes into buf: n, or fewer when the peer closed first
 * (the bytes read before end of file; 0 when it closed before any), or a
 * negative errno. Not cancellation-safe: dropped mid-way, the bytes read
 * so far are in buf but their count is lost. */
CA__RUNTIME_ASYNC(CA__READ_EXACT_BUDGET)
long ca_read_exact(ca_io *io, void *buf, size_t n);

/* Writes all n bytes of buf: n, or a negative errno (-EPIPE, -ECONNRESET
 * when the peer went away). Not cancellation-safe: dropped mid-way, part
 * of buf may have been sent. */
CA__RUNTIME_ASYNC(CA__WRITE_ALL_BUDGET)
long ca_write_all(ca_io *io, const void *buf, size_t n);

/* A buffered reader over a ca_io, for line-oriented protocols: the
 * storage (buf, cap bytes) is the caller's, and holds what was read past
 * the last line returned. */
typedef struct ca_reader {
  struct {
    ca_io *io;    /* borrowed */
    char *buf;    /* borrowed */
    size_t cap;   /* bytes at buf */
    size_t start; /* the unread bytes are buf[start, end) */
    size_t end;
    int eof; /* the peer closed: nothing more will come */
    unsigned char skip; /* discarding the rest of an over-long line */
  } ca__private;
} ca_reader;
void ca_reader_init(ca_reader *r, ca_io *io, void *buf, size_t cap);

/* Reads one line into line (at most cap - 1 bytes, then a NUL): its length
 * with the '\n' (so an empty line is 1 and end of file is 0), or a
 * negative errno. A line that does not fit (longer than cap - 1 with its
 * '\n', or than the reader's buffer) is -EMSGSIZE: line holds its first
 * cap - 1 bytes, and the rest of it is discarded (the next call returns
 * the line after it), never taken for a line of its own. A last line
 * without '\n' at end of file comes without it. Cancellation-safe: bytes
 * read before a drop stay in the reader for the next call. */
CA__RUNTIME_ASYNC(CA__READ_LINE_BUDGET)
long ca_read_line(ca_reader *r, char *line, size_t cap);

/* Reads at most n bytes: first from the reader's buffer, then from the
 * ca_io; the count (0 at end of file) or a negative errno (for a body
 * after line-oriented headers). Cancellation-safe. */
CA__RUNTIME_ASYNC(CA__READER_READ_BUDGET)
long ca_reader_read(ca_reader *r, void *buf, size_t n);

/* Completes when the signal signo is delivered to the process (SIGINT,
 * SIGTERM: a server's graceful stop), returning signo, or a negative errno
 * (-EINVAL: not a signal number). From its first poll on, signo is blocked
 * on this thread (its default action no longer applies) and read through
 * a signalfd. When the last frame of the thread waiting for signo
 * completes or is dropped, the mask is restored: signo is unblocked unless
 * it was blocked before, so a second Ctrl-C during a stuck graceful stop
 * ends the process. Cancellation-safe: the signalfd is closed when it
 * completes or is dropped. Without the plugin: sigwait, the mask restored
 * the same way. */
CA_ASYNC int ca_signal(int signo);

/* ------------------------------------------- channels and synchronisation
 * Nothing here allocates: the storage is the user's (the structures below,
 * a channel's buffer, a group's slots) and a waiting operation is a node
 * inside the awaiting frame, linked into the primitive's queue in FIFO
 * order and unlinked when it completes or is dropped. A primitive must stay
 * in place, and outlive every operation awaiting it. Every awaitable
 * operation below is cancellation-safe: dropped before it completes, it has
 * had no effect, and a wake-up it received passes to the next waiter.
 *
 * Without the plugin the operations are blocking functions: one that can
 * complete at once does; one that would wait (nothing else can run to
 * unblock it) prints "cawait: <operation> ... would block forever without
 * the plugin" and aborts. */

/* A bounded channel of fixed-size elements (multi-producer,
 * multi-consumer), over a ring buffer the user supplies. Senders and
 * receivers are served in FIFO order: an operation does not overtake one
 * that waits. */
typedef struct ca_chan {
  struct {
    unsigned char *buf;   /* capacity * elem_size bytes, borrowed */
    size_t elem_size;     /* bytes of one element */
    size_t capacity;      /* elements the buffer holds */
    size_t first;         /* index of the oldest element */
    size_t len;           /* elements held */
    ca__waitq senders;    /* sends waiting for a free slot */
    ca__waitq receivers;  /* receives waiting for an element */
    unsigned char closed; /* ca_chan_close was called */
  } ca__private;
} ca_chan;

/* Makes c an open, empty channel of `capacity` elements of `elem_size`
 * bytes stored in buf (borrowed: it must outlive the channel). 0, or
 * -EINVAL when buf is NULL or a size is 0 (the channel is then unusable). */
int ca_chan_init(ca_chan *c, void *buf, size_t elem_size, size_t capacity);

/* await(ca_chan_send(&c, &v)): copies *v into the channel once a slot is
 * free (and every earlier waiting send has sent): 0, or -EPIPE when the
 * channel is closed (v not sent). sizeof *v must be the element size
 * (checked: a mismatch aborts). v is borrowed until it completes.
 * Cancellation-safe: dropped, it has not sent. Without the plugin: sends,
 * -EPIPE, or aborts when the channel is full. */
#define ca_chan_send(c, v) ca__chan_send((c), (v), sizeof(*(v)))

/* await(ca_chan_recv(&c, &v)): moves the oldest element into *v: 0, or
 * -EPIPE once the channel is closed and empty (*v untouched). sizeof *v
 * must be the element size. Cancellation-safe: dropped, it has taken no
 * element. Without the plugin: receives, -EPIPE, or aborts when the
 * channel is empty and open. */
#define ca_chan_recv(c, v) ca__chan_recv((c), (v), sizeof(*(v)))

/* Not async: send or receive now, or -EAGAIN (full, or sends are waiting;
 * empty, or receives are waiting), or -EPIPE (closed; for a receive:
 * closed and empty). Sizes checked as above. */
#define ca_chan_try_send(c, v) ca__chan_try_send((c), (v), sizeof(*(v)))
#define ca_chan_try_recv(c, v) ca__chan_try_recv((c), (v), sizeof(*(v)))

/* Closes the channel (again: nothing) and wakes every waiting operation:
 * sends then fail with -EPIPE, receives drain the elements left, then
 * fail with -EPIPE. */
void ca_chan_close(ca_chan *c);

/* Elements in the channel now. */
size_t ca_chan_len(const ca_chan *c);

/* A oneshot: one value, sent once (not async), received once, stored in
 * the user's slot. */
typedef struct ca_oneshot {
  struct {
    void *slot;           /* size bytes, borrowed: holds the value sent */
    size_t size;          /* bytes of the value */
    ca__waitq receivers;  /* receives waiting for the value */
    unsigned char full;   /* the value is in slot, not yet received */
    unsigned char sent;   /* ca_oneshot_send succeeded once */
    unsigned char closed; /* ca_oneshot_close was called */
  } ca__private;
} ca_oneshot;

/* Makes o an empty oneshot whose value is stored in slot (borrowed, `size`
 * bytes). 0, or -EINVAL when slot is NULL or size is 0. */
int ca_oneshot_init(ca_oneshot *o, void *slot, size_t size);

/* ca_oneshot_send(&o, &v): copies *v into the slot and wakes the receiver:
 * 0, -EALREADY when a value was sent before, or -EPIPE when o is closed.
 * sizeof *v must be the slot's size (checked: a mismatch aborts). */
#define ca_oneshot_send(o, v) ca__oneshot_send((o), (v), sizeof(*(v)))

/* await(ca_oneshot_recv(&o, &v)): the value into *v, once it is sent: 0,
 * or -EPIPE when o is closed without a value or the value was already
 * received. Cancellation-safe: dropped, the value stays for the next
 * receive. Without the plugin: receives, -EPIPE, or aborts when no value
 * was sent and o is open. */
#define ca_oneshot_recv(o, v) ca__oneshot_recv((o), (v), sizeof(*(v)))

/* Closes o: later sends fail with -EPIPE, and waiting receives complete
 * (with a value sent before the close, or -EPIPE). */
void ca_oneshot_close(ca_oneshot *o);

/* Notify (like tokio::sync::Notify). Zero-initialised: no waiter, no
 * permit (or ca_notify_init). */
typedef struct ca_notify {
  struct {
    ca__waitq waiters;    /* ca_notified frames not yet notified */
    unsigned char permit; /* a notify_one nobody waited for */
  } ca__private;
} ca_notify;

/* Empties n: no waiter, no permit. */
void ca_notify_init(ca_notify *n);
/* Wakes the oldest waiting ca_notified; with none waiting, stores a permit
 * (at most one) that the next ca_notified consumes at once. */
void ca_notify_one(ca_notify *n);
/* Wakes every ca_notified waiting now (a later one waits); stores no
 * permit. */
void ca_notify_all(ca_notify *n);

/* await(ca_notified(&n)): completes when notified (or at once when a
 * permit is stored, consuming it). A frame waits from its first poll on.
 * Cancellation-safe: dropped after a notify_one reached it, the
 * notification passes to the next waiter (or is stored as the permit).
 * Without the plugin: consumes the permit, or aborts when there is none. */
CA_ASYNC void ca_notified(ca_notify *n);

/* A counting semaphore, FIFO: an acquire never overtakes one that waits. */
typedef struct ca_sem {
  struct {
    size_t permits;       /* available now */
    ca__waitq waiters;    /* acquires waiting, oldest first */
    unsigned char closed; /* ca_sem_close was called */
  } ca__private;
} ca_sem;

/* Makes s an open semaphore holding `permits` permits, nobody waiting. */
void ca_sem_init(ca_sem *s, size_t permits);
/* await(ca_sem_acquire(&s)): takes one permit: 0, or -EPIPE when s is (or
 * gets) closed. The permit is the caller's, returned with ca_sem_release.
 * Cancellation-safe: dropped, it took no permit. Without the plugin: takes
 * one, -EPIPE, or aborts when none is available. */
CA_ASYNC int ca_sem_acquire(ca_sem *s);
/* Not async: 0 (one permit taken), -EAGAIN (none, or acquires waiting) or
 * -EPIPE (closed). */
int ca_sem_try_acquire(ca_sem *s);
/* Gives one permit back (or adds one) and wakes the oldest waiter. */
void ca_sem_release(ca_sem *s);
/* Permits available now. */
size_t ca_sem_available(const ca_sem *s);
/* Closes s: acquires, waiting or later, fail with -EPIPE. */
void ca_sem_close(ca_sem *s);

/* A cancellation token: set once, never reset. Zero-initialised: not
 * cancelled (or ca_cancel_token_init). */
typedef struct ca_cancel_token {
  struct {
    ca__waitq waiters;       /* ca_cancel_token_wait frames waiting */
    unsigned char cancelled; /* ca_cancel_token_cancel was called */
  } ca__private;
} ca_cancel_token;

/* Makes t an uncancelled token, nobody waiting. */
void ca_cancel_token_init(ca_cancel_token *t);
/* Cancels t (again: nothing) and wakes every ca_cancel_token_wait. */
void ca_cancel_token_cancel(ca_cancel_token *t);
/* 1 when t is cancelled, else 0. */
int ca_cancel_token_is_cancelled(const ca_cancel_token *t);

/* await(ca_cancel_token_wait(&t)): completes once t is cancelled; race it
 * with the work:
 * await(ca_select(n = handle(conn), ca_cancel_token_wait(&stop))).
 * Cancellation-safe. Without the plugin: returns when t is cancelled,
 * aborts otherwise. */
CA_ASYNC void ca_cancel_token_wait(ca_cancel_token *t);

/* ---------------------------------------- events: interrupts and threads
 * A ca_event is set from outside the executor (an interrupt handler,
 * another thread, a signal handler) and awaited by one frame on the
 * executor's thread: the one way into the executor from outside it.
 *
 * The interrupt rule: from an interrupt handler the only cawait calls
 * allowed are ca_event_set and ca_remote_waker_wake (below); the same
 * holds for another thread and for a signal handler. They allocate nothing
 * and take no lock: one atomic read-modify-write of a word in the event,
 * then a word in the executor's wake port (on Linux they also write the
 * port's eventfd, once per park). Reading the clock (ca_now_ms) is safe
 * there too; everything else (ca_waker_wake, spawns, channels, timers,
 * events' waits) belongs to the executor's thread of control. A handler
 * hands data over through memory it shares with the task (a ring buffer
 * with one writer and one reader, a flag), written before it sets the
 * event.
 *
 * No wake-up is lost: a set that comes before the wait, while it waits, or
 * while its frame is being polled completes it. Sets are not counted:
 * several before one completion make that one completion, so after each
 * completion the task takes everything the handler produced (drain the
 * ring buffer, then wait again). Zero-initialised: not set, nobody
 * waiting (or ca_event_init). */
typedef struct ca_event {
  struct {
    uintptr_t word;               /* the waiting frame's executor's wake port
                                   * (or 0) | 1 when set since the last wait:
                                   * one word, so a set is one atomic access */
    ca_waker waker;               /* the waiting frame's */
    struct ca_event *next, *prev; /* the executor's events waited on */
  } ca__private;
} ca_event;

/* Makes e an event not set, nobody waiting. */
void ca_event_init(ca_event *e);
/* Sets e and wakes the frame waiting on it. Safe from any context (see
 * the interrupt rule above); e must stay in place while a frame waits. */
void ca_event_set(ca_event *e);

/* await(ca_event_wait(&e)): completes once e was set since the last wait
 * completed, and clears it. One frame waits on an event at a time (a
 * second aborts). Cancellation-safe: dropped, it leaves a set for the
 * next wait. Without the plugin (hosted only): blocks until e is set. */
CA_ASYNC void ca_event_wait(ca_event *e);

/* A waker that any thread may wake: how a leaf future written by hand (a
 * binding of a library that completes on its own thread, a thread of the
 * program) hands a result to the task awaiting it. A plain ca_waker is not
 * one: it points into executor state that only its thread touches, and it
 * lives only as long as its frame. A ca_remote_waker lives in the leaf's
 * frame and is bound to the frame's task and executor by its poll:
 *
 *   poll (executor's thread):  if (!ca_remote_waker_arm(&f->rw, cx))
 *                                return CA_PENDING;   woken: take the result
 *   drop (executor's thread):  ca_remote_waker_disarm(&f->rw);
 *   any thread:                write the result, then
 *                              ca_remote_waker_wake(&f->rw);
 *
 * Threads: ca_remote_waker_wake is safe from any thread, interrupt handler
 * or signal handler (the interrupt rule above: one atomic read-modify-write
 * of rw, then the executor's wake port; no lock, no allocation); init, arm
 * and disarm are the executor thread's. A wake is never lost (one before
 * the arm, or while armed, makes the next arm return 1), and several wakes
 * make one. rw's memory must stay valid for every wake that may still
 * start: once arm returned 1 for a wake, that wake no longer reads it (the
 * frame may complete and go), but a foreign thread that may still call
 * ca_remote_waker_wake after the frame is dropped needs an owner that
 * outlives the frame (ca_blocking below keeps the frame out of its
 * workers' reach once dropped). The executor's thread must outlive the
 * wakes aimed at it. Zero-initialised: not woken, not armed (or
 * ca_remote_waker_init). Also without the plugin. */
typedef struct ca_remote_waker {
  ca_event ca__private; /* the event it is woken through */
} ca_remote_waker;

/* Makes rw not woken, not armed. */
void ca_remote_waker_init(ca_remote_waker *rw);
/* In a poll: 1 when rw was woken since the last arm that returned 1 (rw is
 * then no longer armed); otherwise 0, and rw is armed with cx's waker (a
 * second arm in a later poll takes that poll's waker), so the next wake
 * from any thread wakes the task. One frame arms a given rw. */
int ca_remote_waker_arm(ca_remote_waker *rw, ca_context *cx);
/* Stops waiting (in the frame's drop; nothing when not armed). A wake that
 * comes later counts for the next arm. */
void ca_remote_waker_disarm(ca_remote_waker *rw);
/* Wakes the task armed on rw, or the next arm. From any thread. */
void ca_remote_waker_wake(ca_remote_waker *rw);

/* --------------------------------------------- blocking work off the loop
 * Linux only (hosted). */
#if !CA_BARE_METAL
/* long r = await(ca_blocking(fn, arg)): runs fn(arg) on a thread of the
 * process's blocking pool and completes with what it returns, for work that
 * would block the executor (file I/O, getaddrinfo, compression, crypto).
 * The executor runs the other tasks meanwhile. arg is borrowed until fn
 * returns: fn runs on another thread, so what it reads and writes must not
 * be touched by the task until the await completes.
 *
 * Cancellation: fn cannot be interrupted. Dropped (a ca_select it lost, a
 * ca_timeout_ms, ca_task_abort, ca_executor_shutdown), a call not yet
 * started never starts; one running runs to its end on its thread, and
 * its result is discarded (the dropped frame is never written to). So arg
 * must outlive fn even then: pass static or heap storage fn owns (fn frees
 * it) when the call may be dropped, never the awaiting frame's locals.
 *
 * The pool: its threads start on the first call (4 of them, or the
 * number ca_blocking_threads or the environment variable
 * CA_BLOCKING_THREADS gives), every signal blocked (signals stay the
 * executors'); calls beyond that wait in a FIFO queue. It is shared by
 * every executor thread of the process, and stopped at exit (atexit): calls
 * still queued are not started, and exit waits for the running ones to
 * return. fn must not exit the process or await ca_blocking itself (with
 * every thread busy that would deadlock).
 *
 * Without the plugin: fn(arg), on the calling thread. A NULL fn aborts:
 * "cawait: ca_blocking: the function is NULL". */
CA_ASYNC long ca_blocking(long (*fn)(void *arg), void *arg);

/* Sets the pool's number of threads (1 to 64) before its first call: 0,
 * -EINVAL out of range, -EBUSY once the pool started. Any thread. Without
 * the plugin it has no effect (0). */
int ca_blocking_threads(unsigned n);
#endif

/* Thread-per-core (Linux only): ca_threads_run, ca_remote_chan and their
 * rules are in cawait/threads.h, included at the end of this file. */

/* A task group: owns task handles, kept in an array the user supplies. */
typedef struct ca_task_group {
  struct {
    ca_task **slots;       /* capacity handles, borrowed; count in use */
    unsigned capacity;     /* slots */
    unsigned count;        /* handles held */
    ca_task *awaited;      /* joined by a pending wait, or NULL */
    unsigned char lowered; /* initialised by code the plugin lowered */
  } ca__private;
} ca_task_group;

/* Makes g an empty group over slots[capacity] (borrowed: the group keeps
 * its handles there). */
#ifdef CA_LOWERED
#define ca_task_group_init(g, slots, capacity)                                 \
  ca__group_init((g), (slots), (capacity), 1)
#else
#define ca_task_group_init(g, slots, capacity)                                 \
  ca__group_init((g), (slots), (capacity), 0)
#endif

/* ca_task_group_add(&g, ca_spawn(f(x))): the group takes the handle
 * (always, even when it fails). When the group is full it first frees the
 * slots of the tasks that finished. 0; -ENOSPC when still full (the task
 * is then aborted: a task just spawned has not run); -EINVAL for a NULL
 * handle (ca_spawn_in of a full pool). */
int ca_task_group_add(ca_task_group *g, ca_task *task);

/* Handles the group holds now (tasks added and not yet freed by a wait,
 * an abort, or an add that reaped the finished ones). */
unsigned ca_task_group_len(const ca_task_group *g);

/* await(ca_task_group_wait(&g)): waits until every task of the group
 * (those added while it waits included) finished, and frees them (results
 * discarded): the number of tasks that had been dropped by their executor
 * (joined with -ECANCELED), normally 0. One wait per group at a time.
 * Cancellation-safe: dropped, the tasks not yet finished stay in the
 * group. Without the plugin the tasks have all run: it frees them. */
CA_ASYNC int ca_task_group_wait(ca_task_group *g);

/* Aborts every task of the group (ca_task_abort: the pending ones are
 * dropped at their suspend point, their cleanups run; every handle is
 * consumed) and empties it: the number of tasks that were still pending
 * (0 without the plugin, where they all ran). Not while a
 * ca_task_group_wait awaits g, nor from a task of g. */
int ca_task_group_abort(ca_task_group *g);

/* ------------------------------------------------- bare metal: Cortex-M
 * The Cortex-M platform (ARMv7-M and later): a 1 kHz SysTick clock, WFI
 * while nothing is runnable, fatal errors through two hooks. */
#if CA_BARE_METAL
/* Starts SysTick at 1 kHz from the core clock (core_hz, in Hz): call it
 * once, before the executor runs. The runtime defines SysTick_Handler
 * (unless it is built with -DCA_CORTEX_M_NO_SYSTICK_HANDLER: then call
 * ca_cortex_m_tick from yours, once a millisecond). */
void ca_cortex_m_init(uint32_t core_hz);
void ca_cortex_m_tick(void);
/* Hooks the program may define (the runtime's are weak): where a fatal
 * error's message goes ("cawait: ...\n", n bytes at s; by default
 * nowhere), and what happens after it (by default: interrupts masked, WFI
 * for ever). */
void ca_cortex_m_write(const char *s, size_t n);
_Noreturn void ca_cortex_m_halt(void);
#endif

#ifdef __cplusplus
}
#endif

/* Threads of executors and the channel between them (hosted only); the
 * leaf frames need the types above (ca_remote_chan's too); the deprecated
 * names wrap them. */
#if !CA_BARE_METAL
#include "cawait/threads.h"
#endif

#include "cawait/frames.h"

#include "cawait/deprecated.h"

#endif /* CAWAIT_H */
