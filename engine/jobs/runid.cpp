#include "jobs/runid.h"

#include <cstdint>
#include <random>

namespace llmos {

std::string newRunId()
{
    constexpr std::string_view alphabet = "0123456789abcdefghjkmnpqrstvwxyz"; // Crockford's base 32
    thread_local std::random_device device;
    std::uint64_t bits = (static_cast<std::uint64_t>(device()) << 32) ^ device();
    std::string id = "r-";
    for (int i = 0; i < 12; ++i) {
        id += alphabet[bits & 31];
        bits >>= 5;
    }
    return id;
}

bool isSafeRunIdText(std::string_view text) noexcept
{
    if (text.empty() || text.size() > 64 || text.front() == '.')
        return false;
    for (char c : text) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                        || c == '.';
        if (!ok)
            return false;
    }
    return true;
}

} // namespace llmos
