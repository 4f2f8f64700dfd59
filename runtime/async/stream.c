/* stream.c - the runtime's stream functions, written as async C over the
 * leaf futures ca_read and ca_write.
 *
 * libcawait compiles this file twice: with the plugin it gives
 * ca_read_exact__init/poll/drop and the others, whose frames must fit the
 * budgets cawait.h declares (the plugin checks it here); without the plugin
 * `await(e)` is `e` and ca_read/ca_write block, so the same code is the
 * blocking ca_read_exact of programs built without the plugin. */
#include <cawait.h>
#include <errno.h>
#include <string.h>

async long ca_read_exact(ca_io *io, void *buf, size_t n) {
  size_t got = 0;
  while (got < n) {
    long r = await(ca_read(io, (char *)buf + got, n - got));
    if (r < 0)
      return r;
    if (r == 0)
      break;
    got += (size_t)r;
  }
  return (long)got;
}

async long ca_write_all(ca_io *io, const void *buf, size_t n) {
  size_t put = 0;
  while (put < n) {
    long r = await(ca_write(io, (const char *)buf + put, n - put));
    if (r < 0)
      return r;
    put += (size_t)r;
  }
  return (long)n;
}

/* Plain functions are defined once: in the blocking compile. */
#ifndef CA_LOWERED
void ca_reader_init(ca_reader *r, ca_io *io, void *buf, size_t cap) {
  r->ca__private.io = io;
  r->ca__private.buf = buf;
  r->ca__private.cap = cap;
  r->ca__private.start = r->ca__private.end = 0;
  r->ca__private.eof = 0;
  r->ca__private.skip = 0;
}
#endif

/* Moves the unread bytes to the front, so the buffer has room at its end. */
static void reader_compact(ca_reader *r) {
  if (r->ca__private.start == 0)
    return;
  memmove(r->ca__private.buf, r->ca__private.buf + r->ca__private.start,
          r->ca__private.end - r->ca__private.start);
  r->ca__private.end -= r->ca__private.start;
  r->ca__private.start = 0;
}

/* Copies `len` unread bytes, at most cap - 1, to out (NUL-terminated)
 * and consumes them. */
static long reader_take(ca_reader *r, char *out, size_t cap, size_t len) {
  if (len > cap - 1)
    len = cap - 1;
  memcpy(out, r->ca__private.buf + r->ca__private.start, len);
  out[len] = '\0';
  r->ca__private.start += len;
  return (long)len;
}

/* A line of `len` unread bytes that does not fit in line[cap]: its first
 * cap - 1 bytes into line, and all `len` consumed. */
static long reader_too_long(ca_reader *r, char *line, size_t cap, size_t len) {
  reader_take(r, line, cap, len);
  r->ca__private.start += len - (cap - 1 < len ? cap - 1 : len);
  return -EMSGSIZE;
}

async long ca_read_line(ca_reader *r, char *line, size_t cap) {
  /* Room for at least one byte and the NUL, in the line and the reader: a
   * line of 0 bytes would read as end of file. */
  if (cap < 2 || r->ca__private.cap == 0)
    return -EINVAL;
  size_t scanned = 0; /* unread bytes already searched for '\n' */
  for (;;) {
    size_t avail = r->ca__private.end - r->ca__private.start;
    const char *nl = memchr(r->ca__private.buf + r->ca__private.start + scanned,
                            '\n', avail - scanned);
    size_t len =
        nl ? (size_t)(nl - (r->ca__private.buf + r->ca__private.start)) + 1
           : avail;
    if (r->ca__private.skip) {
      /* The rest of an over-long line: up to its '\n', discarded. */
      r->ca__private.start += len;
      r->ca__private.skip = !nl;
      scanned = avail = 0;
      if (nl)
        continue;
    } else if (nl) {
      return len > cap - 1 ? reader_too_long(r, line, cap, len)
                           : reader_take(r, line, cap, len);
    } else if (avail >= cap - 1 || avail == r->ca__private.cap) {
      /* No '\n' yet, and no room for one. */
      r->ca__private.skip = 1;
      return reader_too_long(r, line, cap, avail);
    } else if (avail > 0 && r->ca__private.eof) {
      return reader_take(r, line, cap, avail); /* the last line, no '\n' */
    }
    if (r->ca__private.eof) {
      line[0] = '\0';
      return 0;
    }
    scanned = avail;
    reader_compact(r);
    long got = await(ca_read(r->ca__private.io,
                             r->ca__private.buf + r->ca__private.end,
                             r->ca__private.cap - r->ca__private.end));
    if (got < 0)
      return got;
    if (got == 0)
      r->ca__private.eof = 1;
    r->ca__private.end += (size_t)got;
  }
}

async long ca_reader_read(ca_reader *r, void *buf, size_t n) {
  size_t avail = r->ca__private.end - r->ca__private.start;
  if (avail > 0) {
    size_t len = avail < n ? avail : n;
    memcpy(buf, r->ca__private.buf + r->ca__private.start, len);
    r->ca__private.start += len;
    return (long)len;
  }
  if (r->ca__private.eof)
    return 0;
  return await(ca_read(r->ca__private.io, buf, n));
}
