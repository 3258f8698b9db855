#include "serve/accesspolicy.h"

#include "registry/sha256hasher.h"

#include <algorithm>
#include <cctype>

namespace llmos::serve {

namespace {

std::string sha256Hex(std::string_view text)
{
    Sha256Hasher hasher;
    hasher.update(text.data(), text.size());
    return hasher.finishHex();
}

// Equal digests, in time that does not depend on where they first differ.
bool sameDigest(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    unsigned char differ = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        differ |= static_cast<unsigned char>(a[i] ^ b[i]);
    return differ == 0;
}

std::string lowerCase(std::string_view text)
{
    std::string lower(text);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    return lower;
}

// "example.org:8080" -> "example.org", "[::1]:8080" -> "[::1]", "::1" stays.
std::string withoutPort(std::string_view host)
{
    if (!host.empty() && host.front() == '[') {
        const auto close = host.find(']');
        return std::string(host.substr(0, close == std::string_view::npos ? host.size() : close + 1));
    }
    const auto colon = host.find(':');
    if (colon != std::string_view::npos && host.find(':', colon + 1) == std::string_view::npos)
        return std::string(host.substr(0, colon));
    return std::string(host);
}

} // namespace

void AccessPolicy::addKey(const std::string &key, KeyScope scope)
{
    m_keys.push_back({sha256Hex(key), scope});
}

bool AccessPolicy::addKeyDigest(const std::string &digest, KeyScope scope)
{
    if (!isDigest(digest))
        return false;
    m_keys.push_back({digest, scope});
    return true;
}

std::string AccessPolicy::digestOf(std::string_view key)
{
    return sha256Hex(key);
}

bool AccessPolicy::isDigest(std::string_view text)
{
    return text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

void AccessPolicy::allowHost(std::string host)
{
    m_hosts.push_back(lowerCase(withoutPort(host)));
}

void AccessPolicy::allowOrigin(std::string origin)
{
    m_origins.push_back(std::move(origin));
}

std::optional<AccessPolicy::Caller> AccessPolicy::callerOf(const HttpRequest &request) const
{
    if (m_keys.empty())
        return Caller{-1, KeyScope::Management};
    const auto authorization = request.header("authorization");
    constexpr std::string_view bearer = "Bearer ";
    if (!authorization || authorization->size() <= bearer.size()
        || lowerCase(authorization->substr(0, bearer.size())) != "bearer ")
        return std::nullopt;
    const auto digest = sha256Hex(authorization->substr(bearer.size()));
    std::optional<Caller> caller;
    for (std::size_t i = 0; i < m_keys.size(); ++i) // every key compared, so the time says nothing either
        if (sameDigest(m_keys[i].digest, digest) && !caller)
            caller = Caller{static_cast<int>(i), m_keys[i].scope};
    return caller;
}

bool AccessPolicy::hostAllowed(const HttpRequest &request) const
{
    const auto host = request.header("host");
    if (!host) // HTTP/1.0 clients may leave it out; a browser never does
        return true;
    const auto name = lowerCase(withoutPort(*host));
    return std::find(m_hosts.begin(), m_hosts.end(), name) != m_hosts.end();
}

std::optional<std::string> AccessPolicy::allowedOrigin(const HttpRequest &request) const
{
    const auto origin = request.header("origin");
    if (!origin)
        return std::nullopt;
    for (const auto &allowed : m_origins)
        if (allowed == "*" || allowed == *origin)
            return allowed == "*" ? std::string("*") : std::string(*origin);
    return std::nullopt;
}

} // namespace llmos::serve
