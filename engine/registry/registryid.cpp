#include "registry/registryid.h"

#include <chrono>
#include <cstdint>
#include <ctime>
#include <random>

namespace llmos {

namespace {
constexpr std::string_view kAlphabet = "0123456789abcdefghjkmnpqrstvwxyz"; // Crockford's base 32
constexpr std::size_t kIdLength = 12;
} // namespace

std::string newRegistryId(char prefix)
{
    // The kernel's generator; one per thread, as opening it is the expensive part.
    thread_local std::random_device device;
    std::uint64_t bits = (static_cast<std::uint64_t>(device()) << 32) ^ device();
    std::string id{prefix, '-'};
    for (std::size_t i = 0; i < kIdLength; ++i) {
        id += kAlphabet[bits & 31];
        bits >>= 5;
    }
    return id;
}

bool looksLikeRegistryId(std::string_view text, char prefix) noexcept
{
    if (text.size() != kIdLength + 2 || text[0] != prefix || text[1] != '-')
        return false;
    for (char c : text.substr(2))
        if (kAlphabet.find(c) == std::string_view::npos)
            return false;
    return true;
}

std::int64_t unixTimeNow()
{
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::string isoTimeUtc(std::int64_t unixSeconds)
{
    const std::time_t t = static_cast<std::time_t>(unixSeconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return text;
}

} // namespace llmos
