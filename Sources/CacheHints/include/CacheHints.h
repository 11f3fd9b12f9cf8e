#ifndef OMNISIM_CACHE_HINTS_H
#define OMNISIM_CACHE_HINTS_H

/// Asks the processor to start loading the cache line at `address` for reading: a hint with no
/// effect on what the program computes (it never faults, whatever the address), only on when
/// memory is waited for. Swift has no prefetch of its own; this is the compiler's builtin.
static inline __attribute__((always_inline)) void omnisim_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif
