// examples/chat.c in its self-test mode: a chat server broadcasting lines
// through channels (readers into one shared inbox, a broadcaster fanning
// out with ca_chan_try_send into per-client queues, a writer per client)
// and its clients in one process: three users each receive the others'
// lines, each sender's in order; during a flood the user that never reads
// is disconnected while the others get every line; the server stops
// through its cancellation token and closes the last connection; no
// descriptor left open, clean under ASan+UBSan and valgrind.
// RUN: %cawait-cc -Wall -Werror -gdwarf-4 %S/../../../examples/chat.c -o %t && %t | FileCheck %s
// RUN: %cawait-cc -fsanitize=address,undefined -fno-sanitize-recover=all %S/../../../examples/chat.c -o %t.san && %t.san | FileCheck %s
// RUN: %valgrind %t | FileCheck %s
// CHECK:      connected: user1, user2, user3, and user4 (which will not read)
// CHECK-NEXT: user1 received:
// CHECK-NEXT:   user2: line 1 from user2
// CHECK-NEXT:   user2: line 2 from user2
// CHECK-NEXT:   user3: line 1 from user3
// CHECK-NEXT:   user3: line 2 from user3
// CHECK-NEXT: user2 received:
// CHECK-NEXT:   user1: line 1 from user1
// CHECK-NEXT:   user1: line 2 from user1
// CHECK-NEXT:   user3: line 1 from user3
// CHECK-NEXT:   user3: line 2 from user3
// CHECK-NEXT: user3 received:
// CHECK-NEXT:   user1: line 1 from user1
// CHECK-NEXT:   user1: line 2 from user1
// CHECK-NEXT:   user2: line 1 from user2
// CHECK-NEXT:   user2: line 2 from user2
// CHECK-NEXT: user1 flooded 2000 lines: user2 and user3 received 2000 and 2000; user4 was disconnected with its queue full
// CHECK-NEXT: stop: user3's connection was closed by the server
// CHECK-NEXT: server stopped: 4 users, 2006 lines broadcast, 1 disconnected for a full queue, 0 aborted
// CHECK-NEXT: descriptors left open: 0
// CHECK-NEXT: chat: ok
// CHECK-EMPTY:
