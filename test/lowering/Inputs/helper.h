/* A quoted include next to the source, resolved from the lowered file. */
static inline int twice(int x) { return 2 * x; }
