#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace llmos::test {

// A blocking HTTP/1.1 client over loopback for the server tests: one request per
// connection, the whole response (an event stream is read to its end).
struct HttpReply {
    int status = 0;
    std::map<std::string, std::string> headers; // lower-case names
    std::string body;

    nlohmann::json json() const { return nlohmann::json::parse(body); }
    std::string header(const std::string &lowerCaseName) const;
    // The data of each "data: ..." event of an event stream, in order.
    std::vector<std::string> events() const;
};

struct HttpCall {
    std::string method = "GET";
    std::string target;
    std::string body;
    std::map<std::string, std::string> headers; // Host defaults to 127.0.0.1
};

HttpReply httpCall(std::uint16_t port, const HttpCall &call);

// POST of a JSON body with Content-Type application/json (and a bearer key, when given).
HttpReply postJson(std::uint16_t port, const std::string &target, const nlohmann::json &body,
                   const std::string &key = {});

// Raw bytes out, everything the server sends back until it closes (or 10 s pass).
std::string rawExchange(std::uint16_t port, const std::string &bytes);

} // namespace llmos::test
