/* tinyscheme_bench.c - the no-suspend benchmark's driver for TinyScheme
 * (vendored under third_party/tinyscheme, BSD 3-clause). run.sh appends it
 * to scheme.c (built as a library: -DSTANDALONE=0); asyncify.py makes the
 * whole text async (main blocks on what it calls). A round has the
 * interpreter read a program's definitions and call its `run`: a recursive
 * Fibonacci, a merge sort of a 100-element list, table look-ups and string
 * building.
 *   tinyscheme_bench MODE ROUNDS     MODE: e */
#include <stdio.h>
#include <stdlib.h>

#include "scheme-private.h" /* the code itself comes before this file */

/* Only the interpreter's primitives: init.scm (cadr, map, assv...) is not
 * loaded. */
static const char program[] =
    "(define (fib n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))\n"
    "(define (split l)\n"
    "  (if (or (null? l) (null? (cdr l))) (cons l '())\n"
    "      (let ((r (split (cdr (cdr l)))))\n"
    "        (cons (cons (car l) (car r)) (cons (car (cdr l)) (cdr r))))))\n"
    "(define (merge a b)\n"
    "  (cond ((null? a) b) ((null? b) a)\n"
    "        ((< (car a) (car b)) (cons (car a) (merge (cdr a) b)))\n"
    "        (else (cons (car b) (merge a (cdr b))))))\n"
    "(define (sort l)\n"
    "  (if (or (null? l) (null? (cdr l))) l\n"
    "      (let ((p (split l))) (merge (sort (car p)) (sort (cdr p))))))\n"
    "(define (numbers n seed acc)\n"
    "  (if (= n 0) acc\n"
    "      (numbers (- n 1) (modulo (+ (* seed 1103) 12345) 65536)\n"
    "               (cons seed acc))))\n"
    "(define (weigh l i) (if (null? l) 0\n"
    "  (+ (* i (car l)) (weigh (cdr l) (+ i 1)))))\n"
    "(define (squares i acc) (if (= i 0) acc\n"
    "  (squares (- i 1) (cons (cons (* i i) (symbol->string 'entry)) acc))))\n"
    "(define table (squares 16 '()))\n"
    "(define (find k l) (if (= (car (car l)) k) (car l) (find k (cdr l))))\n"
    "(define (lookups k acc) (if (= k 0) acc\n"
    "  (lookups (- k 1) (+ acc (string-length\n"
    "    (cdr (find (* (+ 1 (modulo k 16)) (+ 1 (modulo k 16))) table)))))))\n"
    "(define (words k s) (if (= k 0) (string-length s)\n"
    "  (words (- k 1) (string-append s (symbol->string 'ab)))))\n"
    "(define (run) (+ (fib 10) (weigh (sort (numbers 100 7 '())) 1)\n"
    "                 (lookups 200 0) (words 50 \"\")))\n";

int main(int argc, char **argv) {
  char mode = argc > 1 ? argv[1][0] : 'e';
  long rounds = argc > 2 ? atol(argv[2]) : 10;
  scheme *sc = scheme_init_new();
  if (sc == NULL)
    return 1;
  scheme_set_output_port_file(sc, stdout);
  long sum = 0;
  for (long i = 0; i < rounds; i++) {
    scheme_load_string(sc, program);
    pointer v = scheme_apply0(sc, "run");
    sum += sc->retcode == 0 ? ivalue(v) : -1;
  }
  scheme_deinit(sc);
  free(sc);
  printf("mode %c rounds %ld sum %ld\n", mode, rounds, sum);
  return 0;
}
