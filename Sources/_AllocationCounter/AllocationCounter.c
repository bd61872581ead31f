// Counts heap allocations by defining the allocator's entry points in the executable that links
// this target; the dynamic linker then resolves every library's malloc (the Swift runtime's
// included) to these, which count and forward to glibc's own implementation (__libc_malloc...).
#include "AllocationCounter.h"

#include <stdlib.h>

#if defined(__linux__) && defined(__GLIBC__)
#include <errno.h>
#include <stdatomic.h>
#include <stddef.h>

extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t count, size_t size);
extern void *__libc_realloc(void *pointer, size_t size);
extern void *__libc_memalign(size_t alignment, size_t size);
extern void __libc_free(void *pointer);

static atomic_llong allocations;
// This thread's count: a test running beside others on other threads sees only its own.
static _Thread_local long long threadAllocations;

static void counted(void) {
  atomic_fetch_add_explicit(&allocations, 1, memory_order_relaxed);
  threadAllocations += 1;
}

void *malloc(size_t size) {
  counted();
  return __libc_malloc(size);
}

void *calloc(size_t count, size_t size) {
  counted();
  return __libc_calloc(count, size);
}

void *realloc(void *pointer, size_t size) {
  counted();
  return __libc_realloc(pointer, size);
}

void *memalign(size_t alignment, size_t size) {
  counted();
  return __libc_memalign(alignment, size);
}

void *aligned_alloc(size_t alignment, size_t size) {
  counted();
  return __libc_memalign(alignment, size);
}

int posix_memalign(void **result, size_t alignment, size_t size) {
  if (alignment % sizeof(void *) != 0 || (alignment & (alignment - 1)) != 0) return EINVAL;
  counted();
  void *pointer = __libc_memalign(alignment, size);
  if (pointer == NULL && size != 0) return ENOMEM;
  *result = pointer;
  return 0;
}

void free(void *pointer) { __libc_free(pointer); }

long long ewa_allocation_count(void) {
  return atomic_load_explicit(&allocations, memory_order_relaxed);
}

long long ewa_thread_allocation_count(void) { return threadAllocations; }
#else
long long ewa_allocation_count(void) { return -1; }
long long ewa_thread_allocation_count(void) { return -1; }
#endif
