// Names the lowered code uses for itself: everything beginning with `ca__`,
// and f__init, f__poll, f__drop, f__frame, ... beside an async function f
// defined in the file (or started, or a task pool). Declaring one (defining
// it, for the frame ABI's functions and struct) is an error at the user's
// declaration, naming the pattern; the generated code
// would otherwise fail at lines the user never wrote, or refer to the
// user's name (a global ca__out read in a body would become the poll
// function's parameter).
// RUN: not %cawait-cc -fsyntax-only %s 2>&1 | FileCheck %s --implicit-check-not=error:
#include <cawait.h>

// CHECK: reserved-names.c:[[@LINE+1]]:5: error: 'ca__out' is reserved: names beginning with 'ca__' are those of cawait's generated code and runtime; rename it
int ca__out = 3;

// CHECK: reserved-names.c:[[@LINE+1]]:9: error: 'ca__tmp' is reserved
#define ca__tmp 1

async int leaf(int x) {
  await(ca_yield());
  return x;
}

// CHECK: reserved-names.c:[[@LINE+1]]:20: error: 'ca__f' is reserved
async int conn(int ca__f) {
  // CHECK: reserved-names.c:[[@LINE+1]]:7: error: 'ca__r1' is reserved
  int ca__r1 = await(leaf(ca__f));
  // CHECK: reserved-names.c:[[@LINE+1]]:8: error: 'ca__state' is reserved
  long ca__state = ca__out;
  {
    // CHECK: reserved-names.c:[[@LINE+1]]:9: error: 'ca__e1' is reserved
    int ca__e1 = 0;
    ca__r1 += ca__e1;
  }
// CHECK: reserved-names.c:[[@LINE+1]]:1: error: 'ca__resume1' is reserved
ca__resume1:
  return ca__r1 + (int)ca__state;
}

// CHECK: reserved-names.c:[[@LINE+1]]:6: error: 'conn__init' is the name of code cawait generates for async function 'conn' (names 'NAME__init', 'NAME__poll', 'NAME__drop', 'NAME__frame', ... are reserved beside it); rename it
void conn__init(void) {}
// CHECK: reserved-names.c:[[@LINE+1]]:5: error: 'conn__poll' is the name of code cawait generates for async function 'conn'
int conn__poll;
// CHECK: reserved-names.c:[[@LINE+1]]:13: error: 'conn__drop' is the name of code cawait generates for async function 'conn'
typedef int conn__drop;
// CHECK: reserved-names.c:[[@LINE+1]]:8: error: 'conn__frame' is the name of code cawait generates for async function 'conn'
struct conn__frame { int x; };
// CHECK: reserved-names.c:[[@LINE+1]]:12: error: 'conn__sync' is the name of code cawait generates for async function 'conn'
static int conn__sync(int x) { return x; }
// CHECK: reserved-names.c:[[@LINE+1]]:8: error: 'conn__ops' is the name of code cawait generates for async function 'conn'
enum { conn__ops = 1 };
// CHECK: reserved-names.c:[[@LINE+1]]:9: error: 'leaf__ca__aw1' is the name of code cawait generates for async function 'leaf'
#define leaf__ca__aw1 2

// A function declared only, written by hand (a leaf future): its frame ABI
// is the user's. Starting it generates its task thunks.
async int hand(void);
struct hand__frame { int unused; };
static void hand__init(struct hand__frame *f) { (void)f; }
static ca_poll hand__poll(struct hand__frame *f, ca_context *cx, int *out) {
  (void)f; (void)cx; *out = 1; return CA_READY;
}
static void hand__drop(struct hand__frame *f) { (void)f; }
// CHECK: reserved-names.c:[[@LINE+1]]:12: error: 'hand__task_vt' is the name of code cawait generates for async function 'hand'
static int hand__task_vt;

// CHECK: reserved-names.c:[[@LINE+1]]:14: error: 'pool__ca__slots' is the name of code cawait generates for task pool 'pool'
static char *pool__ca__slots;
CA_TASK_POOL(pool, leaf, 2);

// Not reserved: the frame ABI declared by hand (to drive a frame),
struct leaf__frame;
void leaf__init(struct leaf__frame *f, int x);
ca_poll leaf__poll(struct leaf__frame *f, ca_context *cx, int *out);
// members, other double underscores, a name beside a
// function that is not async.
struct s { int ca__member; };
int plain__init, conn_init, conn__initial, leaf__cax;
void other(void);
void other__init(void) {}

int main(void) {
  ca_task *t = ca_spawn(hand());
  ca_task_detach(t);
  return ca_block_on(conn(1)) + plain__init + conn_init + conn__initial +
         leaf__cax + (int)sizeof(struct s);
}
