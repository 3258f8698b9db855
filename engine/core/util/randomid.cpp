#include "util/randomid.h"

#include <cstdint>
#include <random>

namespace llmos {

std::string randomId(std::string_view prefix)
{
    // One generator per thread: opening it is the expensive part.
    thread_local std::random_device device;
    std::uint64_t bits = (static_cast<std::uint64_t>(device()) << 32) ^ device();
    std::string id(prefix);
    for (std::size_t i = 0; i < kRandomIdLength; ++i) {
        id += kIdAlphabet[bits & 31];
        bits >>= 5;
    }
    return id;
}

bool isSafeFolderName(std::string_view text) noexcept
{
    if (text.empty() || text.size() > 64 || text.front() == '.')
        return false;
    for (char c : text) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
                        || c == '_' || c == '.';
        if (!ok)
            return false;
    }
    return true;
}

} // namespace llmos
