#ifndef OMNISIM_CACHE_HINTS_H
#define OMNISIM_CACHE_HINTS_H

#include <pthread.h>
#include <stdint.h>

/// Asks the processor to start loading the cache line at `address` for reading: a hint with no
/// effect on what the program computes (it never faults, whatever the address), only on when
/// memory is waited for. Swift has no prefetch of its own; this is the compiler's builtin.
static inline __attribute__((always_inline)) void omnisim_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

/// The calling thread, as a number: the value `pthread_self()` returns, read without a call where
/// the C library keeps it at a known place (glibc on x86-64: the thread's control block holds its
/// own address 16 bytes in, at %fs:0x10, which is what glibc's `pthread_self()` returns). The
/// simulation's executor compares it on every synchronous actor call; elsewhere, the call.
static inline __attribute__((always_inline)) uintptr_t omnisim_current_thread(void) {
#if defined(__x86_64__) && defined(__GLIBC__)
    uintptr_t self;
    __asm__("mov %%fs:0x10, %0" : "=r"(self));
    return self;
#else
    return (uintptr_t)pthread_self();
#endif
}

#endif
