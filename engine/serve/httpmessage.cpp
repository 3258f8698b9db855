#include "serve/httpmessage.h"

namespace llmos::serve {

std::string_view HttpRequest::path() const
{
    const std::string_view all(target);
    return all.substr(0, all.find('?'));
}

std::optional<std::string_view> HttpRequest::header(std::string_view lowerCaseName) const
{
    for (const auto &[name, value] : headers)
        if (name == lowerCaseName)
            return value;
    return std::nullopt;
}

} // namespace llmos::serve
