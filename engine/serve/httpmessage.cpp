#include "serve/httpmessage.h"

namespace llmos::serve {

std::string_view HttpRequest::path() const
{
    const std::string_view all(target);
    return all.substr(0, all.find('?'));
}

std::optional<std::string_view> HttpRequest::query(std::string_view name) const
{
    const std::string_view all(target);
    const auto mark = all.find('?');
    if (mark == std::string_view::npos)
        return std::nullopt;
    auto rest = all.substr(mark + 1);
    while (!rest.empty()) {
        const auto amp = rest.find('&');
        const auto pair = rest.substr(0, amp);
        const auto equals = pair.find('=');
        if (pair.substr(0, equals) == name)
            return equals == std::string_view::npos ? std::string_view() : pair.substr(equals + 1);
        if (amp == std::string_view::npos)
            break;
        rest = rest.substr(amp + 1);
    }
    return std::nullopt;
}

std::optional<std::string_view> HttpRequest::header(std::string_view lowerCaseName) const
{
    for (const auto &[name, value] : headers)
        if (name == lowerCaseName)
            return value;
    return std::nullopt;
}

} // namespace llmos::serve
