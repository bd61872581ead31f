#ifndef EWA_ALLOCATION_COUNTER_H
#define EWA_ALLOCATION_COUNTER_H

/// The number of heap allocations (malloc, calloc, realloc, posix_memalign, aligned_alloc,
/// memalign) made by the whole process since it started, or -1 where the counter is not available
/// (it interposes glibc's allocator, so Linux only).
long long ewa_allocation_count(void);

/// The heap allocations made by the calling thread since it started, or -1 where the counter is
/// not available.
long long ewa_thread_allocation_count(void);

#endif
