/* caller.c - mid awaits leaf (a budget: leaf's body is in leaf.c), and top,
 * defined before mid, embeds mid's frame: mid's frame, and so leaf's budget
 * frame inside it, are needed at top's definition, before mid's. */
#include "leaf.h"
#include <stdio.h>

async int mid(int x);

async int top(int x) { return await(mid(x)) + 1; }

async int mid(int x) { return await(leaf(x)) * 2; }

int main(void) {
  printf("top %d\n", ca_block_on(top(20)));
  return 0;
}
