// Asks the processor (cpuid, through the compiler's runtime, which also checks with xgetbv that
// the operating system saves the AVX registers) whether the AVX2 build of the optimizer steps runs.
#include "CPUFeatures.h"

int ewa_cpu_supports_avx2(void) {
#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
  __builtin_cpu_init();
  return __builtin_cpu_supports("x86-64-v3") ? 1 : 0;
#else
  return 0;
#endif
}
