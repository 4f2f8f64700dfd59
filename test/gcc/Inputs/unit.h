async_budget(64) int twice(int x);
