#pragma once

#include <cstddef>

namespace llmos {

// Tensor work frees and re-allocates the same large buffers every step (activations,
// gradients, logits). glibc's malloc serves blocks above a dynamic threshold (at most
// 32 MiB) with fresh mmap()s and trims the heap top above twice that, so each step pays
// for its buffers again in page faults: 18% of a training step's samples, and 2.5x the
// tokens/s once malloc keeps them (docs/PERFORMANCE.md, "Where the time goes").
//
// keepFreedMemoryForReuse() raises both thresholds (mallopt) so freed blocks up to
// `largestPooledBlock` stay in the process for the next step; it returns false when the
// C library refused (a non-glibc libc, or a sanitizer's allocator). The memory is given
// back by returnFreedMemoryToSystem(), which the job scheduler calls when a job ends, so
// a finished training run does not keep its peak resident.
bool keepFreedMemoryForReuse(std::size_t largestPooledBlock = std::size_t{1} << 30);

// Hands free heap pages back to the system (malloc_trim). Cheap when little is free.
void returnFreedMemoryToSystem();

} // namespace llmos
