#include "serve/jsonresponse.h"

#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <random>

namespace llmos::serve {

std::string jsonText(const nlohmann::json &body)
{
    return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

HttpResponse jsonResponse(const nlohmann::json &body, int status)
{
    return {status, "application/json", jsonText(body), {}};
}

std::int64_t unixTime()
{
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::string responseId(const char *prefix)
{
    static std::atomic<std::uint64_t> counter{std::random_device{}()};
    std::mt19937_64 random(counter.fetch_add(0x9e3779b97f4a7c15ULL));
    static constexpr char digits[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    std::string id = prefix;
    for (int i = 0; i < 24; ++i)
        id += digits[random() % 36];
    return id;
}

} // namespace llmos::serve
