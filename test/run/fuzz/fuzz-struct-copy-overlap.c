// Fuzz seed 1618 (gen.py): a struct copied from a value that dies in the
// same statement; the two frame slots were allowed to overlap and the
// copy became a memcpy between overlapping bytes (ASan:
// memcpy-param-overlap, wrong checksums). A write now conflicts with what
// its own statement reads.
// RUN: %differential %s %t -Wno-unused-function | FileCheck %s
/* cawait fuzz program, seed 1618 (test/fuzz/gen.py) */
#include <cawait.h>
#include <stdio.h>

typedef unsigned u32_t;
enum E { E0, E1, E2 = 7 };
union U { unsigned u; unsigned char b[4]; unsigned short h[2]; };
struct S0 {
  double m0;
  _Bool m1;
  unsigned arr[3];
};

static unsigned long ck = 633u;
static void mix(unsigned long v) { ck = ck * 1000003u ^ v; }
static unsigned ntraces;
static void trace(const char *tag, unsigned long v) {
  if (++ntraces <= 40)
    printf("%s %lu ck=%lx\n", tag, v, ck);
}
static unsigned h0(unsigned x) { return x * 911647u + 244u; }
static unsigned h1(unsigned x) { return x * 45999u + 849u; }
static unsigned h2(unsigned x) { return x * 1030497u + 473u; }
static unsigned g3(unsigned a, unsigned b, unsigned c) { return a * 446463u + (b ^ c * 563u); }
static unsigned note(unsigned v) { mix(v); return v * 49u + 1u; }
static unsigned rng_state = 343320682u;
static unsigned rng(void) {
  rng_state = rng_state * 1103515245u + 12345u;
  return (rng_state >> 16) & 0x7fff;
}
static unsigned long pendings;

/* leaf: pending rng() %% 5 times, then ready; mixes ck. */
async unsigned leaf(unsigned x);
/* leafp: pending like leaf, bumping *p at every pending poll. */
async void leafp(unsigned *p);
/* leafq: pure (no effect but pendings +=), pending a hash of x times. */
async unsigned leafq(unsigned x);
#ifdef CA_LOWERED
#define UNUSED __attribute__((unused))
struct leaf__frame { unsigned x; unsigned left; };
static UNUSED void leaf__init(struct leaf__frame *f, unsigned x) {
  f->x = x;
  f->left = rng() % 5u;
}
static UNUSED ca_poll leaf__poll(struct leaf__frame *f, ca_context *cx, unsigned *out) {
  if (f->left) {
    f->left--;
    pendings++;
    ca_waker_wake(&cx->waker);
    return CA_PENDING;
  }
  mix(f->x);
  *out = (f->x * 1044225807u + 627535u) & 0xfffffu;
  return CA_READY;
}
static UNUSED void leaf__drop(struct leaf__frame *f) { (void)f; }
struct leafp__frame { unsigned *p; unsigned left; };
static UNUSED void leafp__init(struct leafp__frame *f, unsigned *p) {
  f->p = p;
  f->left = rng() % 5u;
}
static UNUSED ca_poll leafp__poll(struct leafp__frame *f, ca_context *cx, void *out) {
  (void)out;
  if (f->left) {
    f->left--;
    pendings++;
    *f->p += 1u;
    ca_waker_wake(&cx->waker);
    return CA_PENDING;
  }
  *f->p ^= 0x55u;
  return CA_READY;
}
static UNUSED void leafp__drop(struct leafp__frame *f) { (void)f; }
struct leafq__frame { unsigned x; unsigned left; };
static UNUSED void leafq__init(struct leafq__frame *f, unsigned x) {
  f->x = x;
  f->left = (x * 2654435761u >> 26) % 5u;
}
static UNUSED ca_poll leafq__poll(struct leafq__frame *f, ca_context *cx, unsigned *out) {
  if (f->left) {
    f->left--;
    pendings++;
    ca_waker_wake(&cx->waker);
    return CA_PENDING;
  }
  *out = (f->x * 1489815195u + 793500u) & 0xfffffu;
  return CA_READY;
}
static UNUSED void leafq__drop(struct leafq__frame *f) { (void)f; }
#else
unsigned leaf(unsigned x) {
  pendings += rng() % 5u;
  mix(x);
  return (x * 1044225807u + 627535u) & 0xfffffu;
}
void leafp(unsigned *p) {
  unsigned left = rng() % 5u;
  pendings += left;
  *p += left;
  *p ^= 0x55u;
}
unsigned leafq(unsigned x) {
  pendings += (x * 2654435761u >> 26) % 5u;
  return (x * 1489815195u + 793500u) & 0xfffffu;
}
#endif

static async short f0(unsigned long p0);
static async float f1(struct S0 p0, short p1);
static async int f2(unsigned char p0);
static async unsigned f3(char p0, unsigned long p1);
static async long f4(unsigned long p0);

static async int f2(unsigned char p0) {
  unsigned long pk = 942u;
  (void)((void)await(leafq(((((unsigned)(p0) & 1u) ? (unsigned)(p0) : (unsigned)(p0)) | ((unsigned)(p0) * 30u)))));
  p0 = await(leafq(((603u >> 13u) - (unsigned)(p0))));
  double v3[5] = {(double)((double)(await(leafq((((unsigned)(p0) | 163u) >> 13u))) % 1000u) * 0x1.8p-3), (double)((double)(428ul % 1000u) * 1e-3), (double)((double)((unsigned)(p0) % 1000u) * 0.3L), (double)((double)(((unsigned)(p0) % 31u) % 1000u) * 0.5), (double)((double)(await(leafq((unsigned)(p0))) % 1000u) * 1e-3)};
  {
    switch (((((unsigned)(p0) * (unsigned)(long)(v3[0])) * 69u)) % 3u) {
    case 0:
      {
        v3[0] += await(leafq((4294967295u - (338u + (unsigned)(long)(v3[0])))));
        p0 |= (unsigned char)((unsigned)(long)(await(leafq(h0(h1((unsigned)E1)))) + await(leafq((((unsigned)(long)(v3[0]) ^ (unsigned)(p0)) % 42u)))));
      }
      break;
    case 1:
      {
        unsigned long w0 = await(leafq(((258u + (unsigned)(long)(v3[3])) >> 3u)));
        {
          unsigned g6 = 0;
          L4:;
          {
            pk = pk * 1000003u ^ ((unsigned)(long)(((((void)await(leafq((((unsigned)(p0) * 64u) + g6))), await(leafq((unsigned)(w0))))) % 3u != 1u) ? await(leafq(((g6 + (unsigned)(p0)) | ((unsigned)(w0) % 20u)))) : await(leafq((unsigned)(w0)))));
            if ((g6 % 32u) < (g6 ^ (unsigned)(w0))) {
              pk = pk * 1000003u ^ ((unsigned)(w0));
              pk = pk * 1000003u ^ ((unsigned)(p0));
              return (int)(((await(leafq((unsigned)(long)(v3[0])))) ^ (unsigned)(pk >> 9)) & 0xfffffu);
            }
            (void)((!((((unsigned)(long)(v3[4]) & 1u) ? g6 : (unsigned)E2))) ? (void)(await(leafq(((((unsigned)(long)(v3[(g6 * 73u) % 5u]) & 1u) ? g6 : (unsigned)(p0)) + ((unsigned)(long)(v3[2]) * (unsigned)sizeof(union U)))))) : (void)await(leafq(((h2((unsigned)(w0)) ^ (unsigned)(w0)) | ((unsigned)(long)(v3[3]) + (unsigned)(long)(v3[1]))))));
          }
          if (g6++ < 2u)
            goto L4;
          pk = pk * 1000003u ^ (g6);
        }
        pk = pk * 1000003u ^ ((unsigned)(w0));
      }
    }
    if (((((unsigned)(p0) % 17u) * ((unsigned)(long)(v3[1]) % 20u))) % 3u != 1u)
      p0 = (unsigned char)(((unsigned[2]){({ unsigned q7 = (await(leafq((h1((unsigned)(p0)) + ((unsigned)(long)(v3[4]) - (unsigned)(p0))))) * await(leafq((0x36bu & (unsigned)(long)(v3[3]))))); for (unsigned j8 = 0; j8 < 3u; j8++) { q7 = q7 * 3u + (unsigned)((unsigned)(p0) == await(leafq(q7))); } q7 ^ await(leafq(((((unsigned)(long)(v3[2]) ^ (unsigned)(long)(v3[4])) & 1u) ? (h1((unsigned)sizeof(int)) ^ q7) : ((q7 & 1u) ? (unsigned)(long)(v3[4]) : (unsigned)(p0))))); }), (await(leafq((294u * h0(4294967295u)))) * 92u)})[(((unsigned)(long)(v3[2]) * (unsigned)(p0))) % 2u]);
    p0 = (unsigned char)(((void)(await(leafq(((unsigned)(long)(v3[3]) * 93u)))), (h2(await(leafq(((unsigned)(long)(v3[2]) * (482ul - 620u))))) | await(leafq(h0((0x2b7u * (unsigned)(long)(v3[3]))))))));
  }
  switch ((((void)(await(leafq((h0(105u) ^ (unsigned)(long)(v3[(unsigned)(long)(v3[2]) % 5u]))))), ((unsigned)(long)(((((unsigned)(long)(v3[3]) | (unsigned)(p0))) % 3u != 1u) ? await(leafq((((unsigned)(p0) & 1u) ? ((unsigned)(p0) % 12u) : (unsigned)(p0)))) : await(leafq((((unsigned)(p0) & (unsigned)(long)(v3[3])) >> 5u)))) & ((unsigned[3]){await(leafq((unsigned)(p0))), (0750u ^ (unsigned)(long)(v3[(h2((unsigned)(long)(v3[0])) ^ (unsigned)(long)(v3[3])) % 5u])), ((unsigned)(long)(v3[4]) ^ 132u)})[((unsigned)(p0)) % 3u]))) % 4u) {
  case 0:
    {
      pk = pk * 1000003u ^ ((unsigned)!(await(leafq(((unsigned)(p0) & (unsigned)(long)(v3[(unsigned)'\n' % 5u]))))));
    }
    break;
  case 1:
    v3[0] = await(leafq((unsigned)(long)(v3[3])));
    break;
  case 2:
    p0 |= await(leafq(((h2((unsigned)(p0)) ^ (unsigned)(p0)) + (h0(323u) ^ (unsigned)'\n'))));
    break;
  }
  v3[2] = await(leafq((h1((h1((unsigned)(long)(v3[4])) ^ (unsigned)(long)(v3[2]))) ^ h1(281u))));
  pk = pk * 1000003u ^ ((unsigned)(long)(v3[0]));
  pk = pk * 1000003u ^ ((unsigned)(long)(v3[1]));
  pk = pk * 1000003u ^ ((unsigned)(long)(v3[2]));
  pk = pk * 1000003u ^ ((unsigned)(long)(v3[3]));
  pk = pk * 1000003u ^ ((unsigned)(long)(v3[4]));
  pk = pk * 1000003u ^ ((unsigned)(p0));
  return (int)((((((((unsigned)(long)(v3[4]) & 1u) ? (unsigned)(p0) : (unsigned)(long)(v3[4])) * ((unsigned)(long)(v3[h0((unsigned)(p0)) % 5u]) * 19u)) >> 15u)) ^ (unsigned)(pk >> 1)) & 0x3u);
}

static async short f0(unsigned long p0) {
  unsigned lz = 5u;
  {
    {
      unsigned i1 = 0;
      while (((unsigned)(await(leaf(((i1 ^ 4u) - (4294967295u & 801ul)))) < (h0(584u) ^ 01001u) && (lz++, !((unsigned)E2))) < (((await(leafq((((unsigned)(p0) - 129ul) * 71u)))) & 1u) ? await(leafq(h0((unsigned)(p0)))) : await(leafq(i1)))) && i1++ < 3u) {
        if (((lz * 29u)) % 3u != 1u)
          continue;
        if (i1 < ((unsigned)(p0) % 19u))
          continue;
        await(leaf((unsigned)(p0)));
      }
    }
    switch (((((unsigned)(p0) * 3u) >> 10u)) % 3u) {
    default:
      {
        if ((((lz * (unsigned)(p0)) + (unsigned)(p0))) % 3u != 1u)
        {
          p0 = (unsigned long)((((unsigned)sizeof(union U) & 1u) ? (unsigned)(p0) : (unsigned)(p0)));
          p0 &= await(leaf(((791u + 0405u) * (lz & lz))));
          float y0 = await(leaf((((unsigned)(p0) >> 7u) | (lz * 975u))));
          mix((unsigned)(long)(y0));
        }
        trace("f0.1 %d", ((!(h0(lz))) ? await(leafq((((unsigned)(p0) + lz) >> 13u))) : ((struct S0){.m0 = (double)((double)((lz ^ lz) % 1000u) * (3.0 / 7.0)), .arr = {[2] = 90u}}).arr[2]));
      }
      break;
    case 0:
      {
        {
          unsigned i3 = 0;
          do
          {
            (void)((void)(await(leaf(((4294967295u | lz) % 11u)))));
            (void)((void)await(leaf((unsigned)(p0))));
          }
          while (++i3 < 1u);
        }
        long t1 = (long)((((void)await(leaf(lz)), await(leaf(((((unsigned)(p0) + (unsigned)(p0)) & 1u) ? ((unsigned)(p0) + (unsigned)(p0)) : ((unsigned)(p0) & (unsigned)(p0)))))) - h0((unsigned)(p0))));
        mix((unsigned)(t1));
      }
    case 1:
      {
        enum E a2[4] = {(enum E)(lz % 5u), (enum E)((lz * 93u) % 5u), (enum E)((unsigned)(p0) % 5u), (enum E)((unsigned)(p0) % 5u)};
        mix((unsigned)(a2[0]));
        mix((unsigned)(a2[1]));
        mix((unsigned)(a2[2]));
        mix((unsigned)(a2[3]));
      }
      break;
    }
  }
  p0 = (unsigned long)(h0((960u & lz)));
  if ((lz * (unsigned)(p0)) < ((unsigned)'a' & (unsigned)(p0)))
  {
    short v0 = await(leaf(((((unsigned)(p0) & (unsigned)(p0)) & 1u) ? (lz | lz) : ((unsigned)(p0) & lz))));
    mix((unsigned)(v0));
  }
  else
  {
    mix((unsigned)(p0));
    struct S0 y3[2] = {{(double)((double)((lz >> 18u) % 1000u) * 0.3L), (_Bool)((await(leaf(4294967295u)) * await(leafq((unsigned)(p0))))), {87u, (unsigned)(lz), 81u}}, {(double)((double)((unsigned)(p0) % 1000u) * (3.0 / 7.0)), (_Bool)(((unsigned)(p0) * 43u)), {50u, 18u, 83u}}};
    y3[0].m0 = await(leaf(((lz ^ 176u) % 31u)));
    mix((unsigned)(long)(y3[0].m0));
    mix((unsigned)(y3[0].m1));
    mix(y3[0].arr[0]);
    mix(y3[0].arr[1]);
    mix(y3[0].arr[2]);
    mix((unsigned)(long)(y3[1].m0));
    mix((unsigned)(y3[1].m1));
    mix(y3[1].arr[0]);
    mix(y3[1].arr[1]);
    mix(y3[1].arr[2]);
  }
  await(leaf(394ul));
  if (lz < (h2(lz) ^ (unsigned)(p0))) {
    mix((unsigned)(p0));
    mix(lz);
    return (short)((((((954u & 1u) ? 0x10eu : (lz * 5u)) * (lz | lz))) & 0xffu) & 0x7fffu);
  }
  p0 |= await(leafq((h0(lz) ^ (141u + (unsigned)(p0)))));
  (void)await(leafq(4294967295u));
  mix(lz);
  mix((unsigned)(p0));
  return (short)((((lz + 46u)) & 0x3u) & 0x7fffu);
}

static async float f1(struct S0 p0, short p1) {
  {
    unsigned i4;
    for (i4 = (((unsigned)(p1) >> 11u)) % 2u; i4 < 3u && (((p0.arr[0] - 761u)) % 3u == 0u); i4++)
    {
      if (((unsigned)(p1) & (unsigned)(p1)) < i4)
        break;
      (void)await(f0((unsigned long)(h1((unsigned)(p1)))));
      p1 |= await(f0((unsigned long)(h1((h2((unsigned)(p1)) ^ (unsigned)(p0.m1))))));
      (void)await(f0((unsigned long)((((unsigned)(p1) % 21u) * 32u))));
    }
    mix(i4);
  }
  unsigned long y3 = (unsigned long)(((unsigned)(p0.m1) % 24u)), b3 = (unsigned long)(((void)((unsigned)(await(f0((unsigned long)((unsigned)(y3)))))), (unsigned)((y3 = (unsigned long)((await(leaf((p0.arr[0] >> 2u))) % 46u))))));
  {
    {
      if ((h1(((unsigned)(y3) % 45u))) % 3u != 1u)
      {
        (void)await(leafp(&p0.arr[0]));
        mix(676u);
        (void)await(f0((unsigned long)(((unsigned)(p1) & ((unsigned)(y3) | (unsigned)(b3))))));
      }
      else
        (void)await(f0((unsigned long)((((unsigned)(y3) & (unsigned)(p1)) & p0.arr[0]))));
    }
  }
  union U w2 = {(unsigned)((720u % 24u))};
  b3 = await(f0((unsigned long)((((unsigned)(w2.b[0]) * 8u) + 58u))));
  short *a2 = &p1;
  (void)await(f0((unsigned long)(h1(((unsigned)(p1) * 78u)))));
  mix((unsigned)(*a2));
  mix(w2.u);
  mix((unsigned)(w2.b[0]));
  mix((unsigned)(w2.b[1]));
  mix((unsigned)(w2.b[2]));
  mix((unsigned)(w2.b[3]));
  mix((unsigned)(w2.h[0]));
  mix((unsigned)(w2.h[1]));
  mix((unsigned)(b3));
  mix((unsigned)(y3));
  mix((unsigned)(p1));
  mix((unsigned)(long)(p0.m0));
  mix((unsigned)(p0.m1));
  mix(p0.arr[0]);
  mix(p0.arr[1]);
  mix(p0.arr[2]);
  return (float)(((((h0((unsigned)(p1)) ^ ((unsigned)(p1) * 36u)) ^ (229u - (4294967295u + (unsigned)(p1))))) & 0x3u) % 1000u) * 0.5;
}

static async long f4(unsigned long p0) {
  static unsigned char s4 = 90u;
  mix((mix((((unsigned)(p0) % 26u) % 47u)), (h1((unsigned)(s4)) - (292u ^ (unsigned)(p0)))));
  switch ((note((unsigned)(await(f3((char)((((unsigned)(s4) | (unsigned)(p0)) >> 4u)), (unsigned long)(((h0((unsigned)(s4)) ^ 564u) & (unsigned)(p0))))) < ((unsigned)(p0) * (unsigned)(s4))))) % 5u) {
  case 0:
    {
      p0 &= await(leaf(await(f3((char)((((unsigned)(s4) % 9u) % 40u)), (unsigned long)((unsigned)'a')))));
      switch ((((void)(((unsigned)((await(f3((char)((0123u - (unsigned)(p0))), (unsigned long)(((h1((unsigned)(p0)) ^ (unsigned)(p0)) - 4294967295u))))) % 4u == 0u || (mix(81u), (await(f3((char)((unsigned)(p0)), (unsigned long)(((unsigned)(p0) & (unsigned)(p0)))))) % 3u == 0u)) - ((void)(await(f3((char)((unsigned)(p0)), (unsigned long)(830u)))), await(f3((char)(((unsigned)(s4) & (h2(272ul) ^ (unsigned)(s4)))), (unsigned long)((((unsigned)(s4) | (unsigned)(s4)) * (504u >> 3u)))))))), (unsigned)(((((((unsigned)(p0) ^ (unsigned)(s4))) % 4u == 0u) ? (struct S0){.m0 = (double)((double)(((4294967295u & 1u) ? (unsigned)(p0) : (unsigned)(p0)) % 1000u) * .25), .m1 = (_Bool)((unsigned)(p0)), .arr = {90u, 1u, 21u}} : (struct S0){(double)((double)(h2((unsigned)(p0)) % 1000u) * 1.0f), (_Bool)((unsigned)(p0)), {27u, (unsigned)((h2((unsigned)(s4)) ^ (unsigned)(p0))), 81u}})).m1))) % 3u) {
      case 0:
        (void)((void)await(f3((char)((0512u + (503u ^ (unsigned)(s4)))), (unsigned long)(((unsigned)(s4) + (unsigned)'0')))));
      case 1:
        {
          (void)await(f1(({ struct S0 q12 = (struct S0){(double)((double)(((unsigned)(s4) * (unsigned)(s4)) % 1000u) * 1.1f), (_Bool)(((unsigned)(s4) | 694u)), {83u, 66u, (unsigned)(((unsigned)(s4) | 462u))}}; q12.arr[0] = (unsigned)((unsigned)(long)(await(f1(q12, (short)(q12.arr[2]))))); q12; }), (short)(await(f3((char)((unsigned)(p0)), (unsigned long)(h0(((unsigned)E1 * (unsigned)(p0)))))))));
        }
      }
    }
    break;
  case 1:
    {
      (void)await(f1((struct S0){(double)((double)((unsigned)(s4) % 1000u) * 2.5e0), (_Bool)((unsigned)(p0)), {20u, (unsigned)(((unsigned)(s4) * (unsigned)(s4))), 35u}}, (short)(961ul)));
    }
    break;
  case 2:
    await(f1((struct S0){(double)((double)((((unsigned)(s4) & 1u) ? (unsigned)(s4) : (unsigned)(s4)) % 1000u) * 3.25), (_Bool)((unsigned)(p0)), {68u, 76u, 90u}}, (short)((unsigned)(long)(await(f1((struct S0){.m1 = (_Bool)(((unsigned)(s4) + (unsigned)(s4))), .arr = {[0] = 83u}}, (short)(h0(((unsigned)(p0) & (unsigned)(s4))))))))));
  case 3:
    {
      unsigned long y3 = (unsigned long)((unsigned)(h0(await(f3((char)(h2((((unsigned)(p0) & 1u) ? (unsigned)(p0) : (unsigned)(s4)))), (unsigned long)((unsigned)(s4))))) != await(leaf((h0((unsigned)(s4)) ^ (h1((unsigned)(p0)) ^ (unsigned)(p0)))))));
      p0 = (unsigned long)((unsigned)(long)(await(f3((char)((unsigned)(s4)), (unsigned long)(h1(((unsigned)(p0) * (unsigned)(s4)))))) != await(f3((char)((((unsigned)(s4) + (unsigned)(p0)) | ((unsigned)(p0) ^ (unsigned)(p0)))), (unsigned long)(((unsigned)(s4) | (unsigned)E1))))));
      mix((unsigned)(y3));
    }
    break;
  }
  (void)await(f1((struct S0){(double)((double)(((unsigned)(p0) & (unsigned)(p0)) % 1000u) * .25), (_Bool)(((unsigned)'\'' | (unsigned)(p0))), {13u, 38u, 13u}}, (short)((unsigned)(s4))));
  mix((unsigned)!(((void)(((h2((unsigned)(p0)) ^ (unsigned)(p0)) * 79u)), (await(f3((char)((h0(((unsigned)(s4) % 3u)) ^ 368u)), (unsigned long)(h0(((unsigned)(s4) - (unsigned)(p0)))))) >> 17u))));
  mix((unsigned)(s4));
  mix((unsigned)(p0));
  return (long)((((unsigned)(!((unsigned)(long)(await(f1((struct S0){(double)((double)(((unsigned)(p0) + (unsigned)(p0)) % 1000u) * 2.5e0), (_Bool)(((unsigned)(p0) * 25u)), {63u, 98u, 96u}}, (short)((unsigned)(p0)))))) && (mix(87u), ((unsigned)(long)(await(f1((struct S0){(double)((double)(((unsigned)(p0) >> 16u) % 1000u) * 1e1), (_Bool)(((unsigned)(s4) + (unsigned)(s4))), {61u, 79u, 36u}}, (short)(((01024u >> 7u) - (13u * 01170u))))))) & 1u)) % 27u)) & 0x3u);
}

static async unsigned f3(char p0, unsigned long p1) {
  unsigned long pk = 251u;
  unsigned lz = 8u;
  {
    unsigned i9 = 0;
    do
    {
      if (((unsigned)(p0)) % 3u != 1u)
      {
        {
          pk = pk * 1000003u ^ (i9);
          struct S0 v3[2] = {{.m0 = (double)((double)((lz | (unsigned)(p0)) % 1000u) * 2.5e0), .arr = {87u, 40u, 90u}}, {.m0 = (double)((double)(((unsigned)(p1) + (unsigned)(p1)) % 1000u) * 1e-3), .arr = {[0] = (unsigned)((lz & lz))}}};
          pk = pk * 1000003u ^ ((unsigned)(long)(v3[0].m0));
          pk = pk * 1000003u ^ ((unsigned)(v3[0].m1));
          pk = pk * 1000003u ^ (v3[0].arr[0]);
          pk = pk * 1000003u ^ (v3[0].arr[1]);
          pk = pk * 1000003u ^ (v3[0].arr[2]);
          pk = pk * 1000003u ^ ((unsigned)(long)(v3[1].m0));
          pk = pk * 1000003u ^ ((unsigned)(v3[1].m1));
          pk = pk * 1000003u ^ (v3[1].arr[0]);
          pk = pk * 1000003u ^ (v3[1].arr[1]);
          pk = pk * 1000003u ^ (v3[1].arr[2]);
        }
        await(f2((unsigned char)(h2((lz - (unsigned)(p1))))));
        await(ca_yield());
      }
      else
      {
        {
          await(f2((unsigned char)(lz)));
          char *n1 = &p0;
          pk = pk * 1000003u ^ ((i9 | i9));
          unsigned long a3 = await(f2((unsigned char)((513u | (unsigned)(p1)))));
          pk = pk * 1000003u ^ ((unsigned)(*n1));
          pk = pk * 1000003u ^ ((unsigned)(a3));
        }
        (void)((void)await(f2((unsigned char)(((unsigned)(p0) | (i9 ^ (unsigned)(p0)))))));
      }
      p1 = await(f2((unsigned char)((unsigned)(await(leafq(lz)) > (h1(lz) ^ lz)))));
    }
    while (++i9 < 1u && (((unsigned)((unsigned)(await(f2((unsigned char)(0x291u)))) > (i9 - i9))) & 1u));
  }
  for (unsigned i10 = 0; i10 < (((unsigned)(p1) | (unsigned)(p0))) % 3u && (((unsigned)(p1) % 1u)) != 1u; i10 += 1u + ((lz * 32u)) % 2u)
  {
    if (((unsigned)(await(f2((unsigned char)(h0(i10)))))) & 1u)
      p1 &= await(f2((unsigned char)(((872u >> 7u) | (unsigned)(p1)))));
    else
      p0 = (char)((((((unsigned)(p0) & 1u) ? (unsigned)(p1) : (unsigned)(p0)) ^ ((i10 & 1u) ? lz : (unsigned)(p1))) & (i10 % 49u)));
  }
  for (int i11 = await(f2((unsigned char)((lz % 32u)))); i11 < 3; i11++)
  {
    await(ca_yield());
    int n1 = await(f2((unsigned char)(((unsigned)(i11) & ((unsigned)sizeof(int) & (unsigned)(p1))))));
    {
      enum E v1[1][2] = {{(enum E)((lz + (unsigned)(i11)) % 5u), (enum E)(((unsigned)(i11) - (unsigned)(i11)) % 5u)}};
      p1 = (unsigned long)(((unsigned)(await(f2((unsigned char)((unsigned)(await(f2((unsigned char)((((unsigned)sizeof(struct S0) + (unsigned)(v1[0][1])) | (unsigned)(n1)))))))))) * 58u));
      n1 = (int)((unsigned)(await(f2((unsigned char)((unsigned)(i11))))));
      const unsigned a2 = (unsigned)((unsigned)(v1[0][1]));
      pk = pk * 1000003u ^ ((unsigned)(v1[0][0]));
      pk = pk * 1000003u ^ ((unsigned)(v1[0][1]));
      pk = pk * 1000003u ^ (a2);
    }
    pk = pk * 1000003u ^ ((unsigned)(n1));
  }
  (void)((void)await(f2((unsigned char)(((unsigned)(p0) ^ (((unsigned)(p1) & 1u) ? (unsigned)(p0) : 250u))))));
  char *a1 = &p0;
  pk = pk * 1000003u ^ ((unsigned)(*a1));
  pk = pk * 1000003u ^ (lz);
  pk = pk * 1000003u ^ ((unsigned)(p1));
  pk = pk * 1000003u ^ ((unsigned)(p0));
  return (unsigned)((((unsigned)(await(f2((unsigned char)((h2((unsigned)(*a1)) + ((unsigned)(*a1) - (unsigned)sizeof(union U)))))))) ^ (unsigned)(pk >> 0)) & 0x3u);
}

int main(void) {
  long r0 = ca_block_on(f4((unsigned long)(733u)));
  printf("r0=%lu ck=%lx\n", (unsigned long)r0, ck);
  printf("ck=%lx pendings=%lu rng=%u\n", ck, pendings, rng());
  return (int)(ck & 63u);
}

// CHECK: f0.1 %d 90 ck=93122c9982fa599d
// CHECK-NEXT: f0.1 %d 90 ck=447a2d16cbaeff68
// CHECK-NEXT: f0.1 %d 90 ck=5acccc457b90838
// CHECK-NEXT: r0=0 ck=9dbfe808a47fbf6f
// CHECK-NEXT: ck=9dbfe808a47fbf6f pendings=6305 rng=24950
// CHECK-NEXT: exit=47
