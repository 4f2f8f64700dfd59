// examples/streams.c in its self-test mode: a TCP line protocol whose
// connections' lines are streams (CA_LINES_STREAM); a listener subscribes
// and two sensors send lines (one malformed each, one too long: skipped);
// every line taken goes through a Tee sink (ca_join of two sends through
// async function pointers with a budget) to the log and to the bus, which
// the broadcaster iterates as a stream (CA_CHAN_STREAM) to the listener,
// each sensor's lines in order; the server stops through its token; the
// generator pipeline parse -> filter -> aggregate summarizes the log, with
// malloc forbidden while it runs (NO_ALLOC_BEGIN/END). Clean under
// ASan+UBSan and valgrind.
// RUN: %cawait-cc -Wall -Wextra -Werror -include %S/../Inputs/forbid-malloc.h '-DNO_ALLOC_BEGIN()=(forbidden = 1)' '-DNO_ALLOC_END()=(forbidden = 0)' %S/../../../examples/streams.c -o %t && %t | FileCheck %s
// RUN: %cawait-cc -g -fsanitize=address,undefined -fno-sanitize-recover=all %S/../../../examples/streams.c -o %t.san && %t.san | FileCheck %s
// RUN: %valgrind %t | FileCheck %s
// The frame report `make demo` prints: the adapters' frames nest in their
// consumers', the Tee's two sends sit in its frame, the pipeline's three
// generators nest in one another.
// RUN: %cawait-cc -O2 -fplugin-arg-cawait-frame-report -c %S/../../../examples/streams.c -o %t.o 2>&1 | FileCheck %s --check-prefix=REPORT
// CHECK:      listener subscribed
// CHECK-NEXT: sensors: 6 and 6 lines taken
// CHECK-NEXT: listener received 12 lines, each sensor's in order
// CHECK-NEXT: server stopped: 12 readings, 1 too long, 0 aborted
// CHECK-NEXT: summary of 12 logged lines, readings >= 50:
// CHECK-NEXT:   cpu   count 2  min 75  max 90  mean 82
// CHECK-NEXT:   disk  count 2  min 55  max 95  mean 75
// CHECK-NEXT:   mem   count 3  min 60  max 80  mean 70
// CHECK-NEXT: streams: ok
// CHECK-EMPTY:
// REPORT-DAG: remark: frame of 'tee_send': 368 bytes
// REPORT-DAG: note: suspend point 1 holds 't' at 336 (8 bytes), 'line' at 344 (8 bytes), ca_join of 2 branches at 0 (336 bytes), branch 0: frame budget of 'send' at 32 (144 bytes), branch 1: frame budget of 'send' at 176 (144 bytes)
// REPORT-DAG: remark: frame of 'lines': 112 bytes
// REPORT-DAG: remark: frame of 'bus_messages': 104 bytes
// REPORT-DAG: frame of 'lines' at 624 (112 bytes), frame of 'tee_send' at 0 (368 bytes)
// REPORT-DAG: suspend point 1 holds 's' at 104 (8 bytes), 'm' at 176 (32 bytes), frame of 'bus_messages' at 0 (104 bytes)
// REPORT-DAG: remark: frame of 'parsed': 16 bytes
// REPORT-DAG: remark: frame of 'at_least': 24 bytes
// REPORT-DAG: note: suspend point 1 holds 'min' at 16 (4 bytes), frame of 'parsed' at 0 (16 bytes)
// REPORT-DAG: remark: frame of 'summaries': 280 bytes
