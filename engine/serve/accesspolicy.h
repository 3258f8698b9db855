#pragma once

#include "serve/httpmessage.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace llmos::serve {

// What a key may do: inference only (the /v1 endpoints), or everything (the management API too).
enum class KeyScope { Inference, Management };

// Who may call the server and from where (docs/api.md, "Security"):
//   - API keys, sent as "Authorization: Bearer KEY", kept only as SHA-256 digests and
//     compared in constant time; with no key configured every caller has full scope,
//     which is only allowed on a loopback address (ServerOptions::validate);
//   - a Host-header allow-list against DNS rebinding: a page on attacker.example that
//     resolves to 127.0.0.1 sends "Host: attacker.example" and gets 403;
//   - CORS: no Access-Control-Allow-Origin unless the origin is configured.
class AccessPolicy {
public:
    void addKey(const std::string &key, KeyScope scope);
    // A key known only by its digest (the window stores no key itself). False, and
    // nothing added, unless `digest` is 64 lower-case hex digits.
    bool addKeyDigest(const std::string &digest, KeyScope scope);
    // What a key is kept as: SHA-256, lower-case hex.
    static std::string digestOf(std::string_view key);
    static bool isDigest(std::string_view text);
    void allowHost(std::string host); // a name or address, without the port
    void allowOrigin(std::string origin); // "https://app.example", or "*"

    bool requiresKeys() const noexcept { return !m_keys.empty(); }

    // The request's bearer key: its index among the keys added (-1 when no key is
    // configured) and its scope; nullopt when keys are required and the request has none
    // or a wrong one. Full scope when no key is configured.
    struct Caller {
        int key;
        KeyScope scope;
    };
    std::optional<Caller> callerOf(const HttpRequest &request) const;
    std::size_t keyCount() const noexcept { return m_keys.size(); }

    // Whether the Host header names this server (a name or address allowed, any port).
    bool hostAllowed(const HttpRequest &request) const;

    // The Access-Control-Allow-Origin value for the request's Origin, if it may have one.
    std::optional<std::string> allowedOrigin(const HttpRequest &request) const;

private:
    struct StoredKey {
        std::string digest; // SHA-256 of the key, lower-case hex
        KeyScope scope;
    };
    std::vector<StoredKey> m_keys;
    std::vector<std::string> m_hosts{"localhost", "127.0.0.1", "::1", "[::1]"};
    std::vector<std::string> m_origins;
};

} // namespace llmos::serve
