/* An async function defined in a header (rejected). */
async int in_header(void) { return 1; }
