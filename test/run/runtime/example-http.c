// examples/http.c in its self-test mode: an HTTP/1.1 server with
// keep-alive and its client in one process (several requests over one
// kept-alive connection, 404s, Connection: close and HTTP/1.0 closing the
// connection, three concurrent clients), stopped through a cancellation
// token while a kept-alive connection is idle; no descriptor left open,
// clean under ASan+UBSan and valgrind.
// RUN: %cawait-cc -Wall -Werror -gdwarf-4 %S/../../../examples/http.c -o %t && %t | FileCheck %s
// RUN: %cawait-cc -fsanitize=address,undefined -fno-sanitize-recover=all %S/../../../examples/http.c -o %t.san && %t.san | FileCheck %s
// RUN: %valgrind %t | FileCheck %s
// CHECK:      one kept-alive connection:
// CHECK-NEXT:   GET / -> 200, 75 bytes (the page)
// CHECK-NEXT:   GET /missing -> 404, 10 bytes: not found
// CHECK-NEXT:   GET / -> 200, 75 bytes (the page)
// CHECK-NEXT:   GET /index.html -> 404, 10 bytes: not found
// CHECK-NEXT:   GET / -> 200, 75 bytes (the page)
// CHECK-NEXT: GET / with Connection: close -> 200, 75 bytes (the page), Connection: close, then end of stream
// CHECK-NEXT: GET / over HTTP/1.0 -> 200, 75 bytes (the page), Connection: close, then end of stream
// CHECK-NEXT: three clients at once:
// CHECK-NEXT:   client 0: GET / -> 200, 75 bytes (the page); GET /client/0 -> 404, 10 bytes: not found
// CHECK-NEXT:   client 1: GET / -> 200, 75 bytes (the page); GET /client/1 -> 404, 10 bytes: not found
// CHECK-NEXT:   client 2: GET / -> 200, 75 bytes (the page); GET /client/2 -> 404, 10 bytes: not found
// CHECK-NEXT: stop: the idle kept-alive connection was closed by the server
// CHECK-NEXT: server stopped: 7 connections, 14 requests, 0 aborted
// CHECK-NEXT: descriptors left open: 0
// CHECK-NEXT: http: ok
// CHECK-EMPTY:
