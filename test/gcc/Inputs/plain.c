int plain_value(void) { return 42; }
