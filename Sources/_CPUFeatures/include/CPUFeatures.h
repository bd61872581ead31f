#ifndef EWA_CPU_FEATURES_H
#define EWA_CPU_FEATURES_H

/// 1 when the processor and the operating system support x86-64-v3 (AVX, AVX2, BMI1, BMI2, F16C,
/// FMA, LZCNT, MOVBE, and the OS saving the AVX registers): what `-target-cpu haswell` code needs
/// of the arithmetic it emits. 0 on any other processor or architecture.
int ewa_cpu_supports_avx2(void);

#endif
