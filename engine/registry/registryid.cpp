#include "registry/registryid.h"

#include "util/randomid.h"

#include <chrono>
#include <cstdint>
#include <ctime>

namespace llmos {

std::string newRegistryId(char prefix)
{
    return randomId(std::string{prefix, '-'});
}

bool looksLikeRegistryId(std::string_view text, char prefix) noexcept
{
    if (text.size() != kRandomIdLength + 2 || text[0] != prefix || text[1] != '-')
        return false;
    for (char c : text.substr(2))
        if (kIdAlphabet.find(c) == std::string_view::npos)
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
