#include "httptestclient.h"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <algorithm>
#include <cctype>

#include <sys/socket.h>
#include <sys/time.h>

namespace llmos::test {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

std::string HttpReply::header(const std::string &lowerCaseName) const
{
    const auto it = headers.find(lowerCaseName);
    return it == headers.end() ? std::string() : it->second;
}

std::vector<std::string> HttpReply::events() const
{
    std::vector<std::string> data;
    std::size_t start = 0;
    while (start < body.size()) {
        const auto end = body.find("\n\n", start);
        const auto event = body.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (event.rfind("data: ", 0) == 0)
            data.push_back(event.substr(6));
        if (end == std::string::npos)
            break;
        start = end + 2;
    }
    return data;
}

HttpReply httpCall(std::uint16_t port, const HttpCall &call)
{
    net::io_context ioc;
    beast::tcp_stream stream(ioc);
    stream.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
    http::request<http::string_body> request{http::string_to_verb(call.method), call.target, 11};
    request.set(http::field::host, "127.0.0.1");
    for (const auto &[name, value] : call.headers)
        request.set(name, value);
    request.body() = call.body;
    request.prepare_payload();
    http::write(stream, request);
    beast::flat_buffer buffer;
    http::response_parser<http::string_body> parser;
    parser.body_limit(64 * 1024 * 1024);
    http::read(stream, buffer, parser);
    const auto &response = parser.get();
    HttpReply reply;
    reply.status = static_cast<int>(response.result_int());
    for (const auto &field : response) {
        std::string name(field.name_string().data(), field.name_string().size());
        std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
        reply.headers[name] = std::string(field.value().data(), field.value().size());
    }
    reply.body = response.body();
    beast::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
    return reply;
}

HttpReply postJson(std::uint16_t port, const std::string &target, const nlohmann::json &body, const std::string &key)
{
    HttpCall call{"POST", target, body.dump(), {{"Content-Type", "application/json"}}};
    if (!key.empty())
        call.headers["Authorization"] = "Bearer " + key;
    return httpCall(port, call);
}

std::string rawExchange(std::uint16_t port, const std::string &bytes)
{
    net::io_context ioc;
    beast::tcp_stream stream(ioc);
    stream.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
    const timeval tenSeconds{10, 0}; // a server that never closes fails the test, not hangs it
    setsockopt(stream.socket().native_handle(), SOL_SOCKET, SO_RCVTIMEO, &tenSeconds, sizeof tenSeconds);
    beast::error_code ec;
    net::write(stream.socket(), net::buffer(bytes), ec);
    std::string received;
    char chunk[4096];
    for (;;) {
        const auto n = stream.socket().read_some(net::buffer(chunk), ec);
        received.append(chunk, n);
        if (ec)
            break;
    }
    return received;
}

} // namespace llmos::test
