// Unknown plugin arguments and malformed values are errors.
// RUN: not %cawait-cc -fsyntax-only -fplugin-arg-cawait-nonsense=1 %s 2>&1 | FileCheck %s --check-prefix=UNKNOWN
// RUN: not %cawait-cc -fsyntax-only -fplugin-arg-cawait-frame-larger-than=big %s 2>&1 | FileCheck %s --check-prefix=VALUE
// RUN: not %cawait-cc -fsyntax-only -fplugin-arg-cawait-dump=discover,layuot %s 2>&1 | FileCheck %s --check-prefix=STAGE
// UNKNOWN: error: unknown cawait plugin argument 'nonsense=1' (known: emit=<path>, emit-normalized=<path>, frame-larger-than=<bytes>, frame-report, frame-usage=<path>, lowered-warnings, dump=<stages>)
// VALUE: error: -fplugin-arg-cawait-frame-larger-than= needs a number of bytes, not 'big'
// STAGE: error: -fplugin-arg-cawait-dump= takes discover, normalize, liveness or layout (comma separated), not 'layuot'
int main(void) { return 0; }
