#include "util/heaptuning.h"

#include <algorithm>
#include <climits>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace llmos {

bool keepFreedMemoryForReuse(std::size_t largestPooledBlock)
{
#if defined(__GLIBC__)
    // mallopt takes an int; glibc also caps the mmap threshold at what its heaps allow
    // and says so by returning 0.
    const int bytes = static_cast<int>(std::min<std::size_t>(largestPooledBlock, INT_MAX));
    const bool mmapSet = mallopt(M_MMAP_THRESHOLD, bytes) == 1;
    const bool trimSet = mallopt(M_TRIM_THRESHOLD, bytes) == 1;
    return mmapSet && trimSet;
#else
    (void)largestPooledBlock;
    return false;
#endif
}

void returnFreedMemoryToSystem()
{
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

} // namespace llmos
