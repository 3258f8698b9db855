#include "serve/httpserver.h"

#include "serve/apierror.h"
#include "serve/requestworkers.h"
#include "util/error.h"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <future>
#include <optional>
#include <thread>
#include <vector>

namespace llmos::serve {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

namespace {

// Header values come from handlers; CR or LF in one would split the response.
std::string headerSafe(std::string_view text)
{
    std::string safe;
    safe.reserve(text.size());
    for (const char c : text)
        if (c != '\r' && c != '\n')
            safe.push_back(c);
    return safe;
}

std::string statusLine(int status)
{
    const auto reason = http::obsolete_reason(http::int_to_status(static_cast<unsigned>(status)));
    return "HTTP/1.1 " + std::to_string(status) + " " + std::string(reason.data(), reason.size()) + "\r\n";
}

std::string serialize(const HttpResponse &response, bool keepAlive)
{
    std::string out = statusLine(response.status);
    out += "Content-Type: " + headerSafe(response.contentType) + "\r\n";
    out += "Content-Length: " + std::to_string(response.body.size()) + "\r\n";
    out += keepAlive ? "Connection: keep-alive\r\n" : "Connection: close\r\n";
    for (const auto &[name, value] : response.headers)
        out += headerSafe(name) + ": " + headerSafe(value) + "\r\n";
    out += "\r\n";
    out += response.body;
    return out;
}

std::string lowerCase(std::string_view text)
{
    std::string lower(text);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    return lower;
}

} // namespace

class Session;

struct HttpServer::Impl {
    Impl(ServerLimits l, Dispatch d)
        : limits(l)
        , dispatch(std::move(d))
    {
    }

    void accept();
    void closeEverything(); // on the I/O thread

    ServerLimits limits;
    Dispatch dispatch;
    net::io_context ioc{1};
    std::optional<net::executor_work_guard<net::io_context::executor_type>> work;
    tcp::acceptor acceptor{ioc};
    std::thread ioThread;
    std::unique_ptr<RequestWorkers> workers;
    std::atomic<int> connections{0};
    int uploadsReading = 0; // touched on the I/O thread only
    std::vector<std::weak_ptr<Session>> sessions; // touched on the I/O thread only
    bool stopped = false;
};

// One connection. Everything but the *FromWorker calls runs on the I/O thread.
class Session : public std::enable_shared_from_this<Session> {
public:
    Session(tcp::socket socket, HttpServer::Impl &server)
        : m_stream(std::move(socket))
        , m_server(server)
    {
        ++m_server.connections;
    }
    ~Session() { --m_server.connections; }

    void start() { readRequest(); }

    // Writes `bytes` from a request thread and waits until they are written or failed.
    bool writeFromWorker(std::string bytes)
    {
        if (m_gone)
            return false;
        auto done = std::make_shared<std::promise<bool>>();
        auto written = done->get_future();
        net::post(m_stream.get_executor(), [self = shared_from_this(), data = std::make_shared<std::string>(std::move(bytes)), done] {
            if (self->m_gone) {
                done->set_value(false);
                return;
            }
            self->m_stream.expires_after(self->m_server.limits.writeTimeout);
            net::async_write(self->m_stream, net::buffer(*data), [self, data, done](beast::error_code ec, std::size_t) {
                self->m_stream.expires_never();
                if (ec)
                    self->m_gone = true;
                done->set_value(!ec);
            });
        });
        return written.get();
    }

    // After the handler: read the next request, or close.
    void handlerDoneFromWorker(bool close)
    {
        net::post(m_stream.get_executor(), [self = shared_from_this(), close] { self->handlerDone(close); });
    }

    bool gone() const noexcept { return m_gone; }
    bool keepAlive() const noexcept { return m_keepAlive; }

    void close()
    {
        m_gone = true;
        beast::error_code ignored;
        m_stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
        m_stream.close();
    }

private:
    // The header first: its path says how large the body may be (uploads are larger).
    void readRequest()
    {
        const auto &limits = m_server.limits;
        m_parser.emplace();
        m_bodyLimit = limits.maxBodyBytes;
        m_parser->header_limit(static_cast<std::uint32_t>(limits.maxHeaderBytes));
        // Beast checks Content-Length against the limit when the header ends; the limit
        // for this path is checked in onHeader.
        m_parser->body_limit(std::max(limits.maxBodyBytes, limits.uploadPaths.empty() ? 0 : limits.maxUploadBytes));
        m_stream.expires_after(limits.readTimeout);
        http::async_read_header(m_stream, m_buffer, *m_parser,
                                [self = shared_from_this()](beast::error_code ec, std::size_t) { self->onHeader(ec); });
    }

    void onHeader(beast::error_code ec)
    {
        if (ec)
            return onRead(ec);
        const auto &limits = m_server.limits;
        const auto &header = m_parser->get();
        const std::string_view target(header.target().data(), header.target().size());
        const auto path = target.substr(0, target.find('?'));
        const bool upload = header.method() == http::verb::post &&
                            std::find(limits.uploadPaths.begin(), limits.uploadPaths.end(), path) != limits.uploadPaths.end();
        const auto limit = upload ? limits.maxUploadBytes : limits.maxBodyBytes;
        m_bodyLimit = limit;
        if (const auto length = m_parser->content_length(); length && *length > limit)
            return onRead(http::error::body_limit);
        m_parser->body_limit(limit); // for chunked bodies
        if (upload) {
            if (m_server.uploadsReading >= limits.maxConcurrentUploads)
                return refuse(ApiError(429, "other uploads are being received; try again shortly", {}, "server_busy"));
            ++m_server.uploadsReading;
            m_readingUpload = true;
            m_stream.expires_after(limits.uploadReadTimeout);
        }
        http::async_read(m_stream, m_buffer, *m_parser,
                         [self = shared_from_this()](beast::error_code ec, std::size_t) { self->onRead(ec); });
    }

    void onRead(beast::error_code ec)
    {
        m_stream.expires_never();
        if (m_readingUpload) {
            m_readingUpload = false;
            --m_server.uploadsReading;
        }
        if (ec == http::error::header_limit)
            return refuse(ApiError(431, "the request's headers are larger than " +
                                            std::to_string(m_server.limits.maxHeaderBytes) + " bytes"));
        if (ec == http::error::body_limit)
            return refuse(ApiError(413, "the request's body is larger than " + std::to_string(m_bodyLimit) + " bytes", {},
                                   "request_too_large"));
        if (ec == http::error::end_of_stream || ec == net::error::eof || ec == beast::error::timeout
            || ec == net::error::operation_aborted || ec == net::error::connection_reset || m_server.stopped)
            return close();
        if (ec)
            return refuse(ApiError(400, "the request is not valid HTTP/1.1: " + ec.message()));

        auto message = m_parser->release();
        m_keepAlive = message.keep_alive();
        HttpRequest request;
        request.method = std::string(message.method_string().data(), message.method_string().size());
        request.target = std::string(message.target().data(), message.target().size());
        for (const auto &field : message)
            request.headers.emplace_back(lowerCase({field.name_string().data(), field.name_string().size()}),
                                         std::string(field.value().data(), field.value().size()));
        request.body = std::move(message.body());

        watchForDisconnect();
        auto self = shared_from_this();
        const bool queued = m_server.workers->tryPost([self, request = std::move(request)] { self->handle(request); });
        if (!queued)
            refuse(ApiError(429, "the server is busy: too many requests are waiting; try again shortly", {},
                            "server_busy"));
    }

    void handle(const HttpRequest &request); // on a request thread; below

    // While a handler works, a read that completes only if the client sends more (kept for
    // the next request) or goes away (the handler's clientGone()).
    void watchForDisconnect()
    {
        m_watching = true;
        m_stream.async_read_some(m_buffer.prepare(4096), [self = shared_from_this()](beast::error_code ec, std::size_t n) {
            self->m_watching = false;
            if (!ec) {
                self->m_buffer.commit(n);
                if (self->m_resumeAfterWatch) {
                    self->m_resumeAfterWatch = false;
                    self->readRequest();
                } else if (self->m_buffer.size() < (1u << 20)) {
                    self->watchForDisconnect();
                }
                return;
            }
            if (ec == net::error::operation_aborted && self->m_resumeAfterWatch && !self->m_gone) {
                self->m_resumeAfterWatch = false; // cancelled by handlerDone: read the next request
                self->readRequest();
                return;
            }
            self->m_gone = true;
        });
    }

    void handlerDone(bool closeAfter)
    {
        if (closeAfter || m_gone || m_server.stopped)
            return close();
        if (m_watching) {
            m_resumeAfterWatch = true;
            beast::error_code ignored;
            m_stream.socket().cancel(ignored); // the watch ends with operation_aborted, then reads on
            return;
        }
        readRequest();
    }

    // An answer from the I/O thread itself (a request refused before any handler ran);
    // the connection closes after it.
    void refuse(const ApiError &error)
    {
        auto data = std::make_shared<std::string>(serialize(errorResponse(error), false));
        m_stream.expires_after(m_server.limits.writeTimeout);
        net::async_write(m_stream, net::buffer(*data), [self = shared_from_this(), data](beast::error_code, std::size_t) {
            self->close();
        });
    }

    beast::tcp_stream m_stream;
    beast::flat_buffer m_buffer;
    std::optional<http::request_parser<http::string_body>> m_parser;
    std::size_t m_bodyLimit = 0;    // of the request being read, for the 413's message
    bool m_readingUpload = false;   // counted in Impl::uploadsReading
    HttpServer::Impl &m_server;
    std::atomic<bool> m_gone{false};
    bool m_keepAlive = true;
    bool m_watching = false;
    bool m_resumeAfterWatch = false;
};

namespace {

// The ResponseWriter of one request, on its request thread.
class SessionWriter final : public ResponseWriter {
public:
    explicit SessionWriter(Session &session)
        : m_session(session)
    {
    }

    void send(HttpResponse response) override
    {
        if (m_answered)
            return;
        m_answered = true;
        m_close = !m_session.keepAlive();
        m_session.writeFromWorker(serialize(response, !m_close));
    }

    bool beginEvents(std::vector<std::pair<std::string, std::string>> headers) override
    {
        if (m_answered)
            return !m_session.gone();
        m_answered = true;
        m_close = true; // an event stream ends when the connection does
        std::string head = statusLine(200);
        head += "Content-Type: text/event-stream\r\nCache-Control: no-cache\r\nConnection: close\r\n"
                "X-Accel-Buffering: no\r\n";
        for (const auto &[name, value] : headers)
            head += headerSafe(name) + ": " + headerSafe(value) + "\r\n";
        head += "\r\n";
        return m_session.writeFromWorker(std::move(head));
    }

    bool sendEvent(std::string_view data) override
    {
        std::string event = "data: ";
        event += data;
        event += "\n\n";
        return m_session.writeFromWorker(std::move(event));
    }

    void endEvents() override {}

    bool clientGone() const override { return m_session.gone(); }
    bool answered() const override { return m_answered; }
    bool closeAfter() const noexcept { return m_close; }

private:
    Session &m_session;
    bool m_answered = false;
    bool m_close = false;
};

} // namespace

void Session::handle(const HttpRequest &request)
{
    SessionWriter writer(*this);
    try {
        m_server.dispatch(request, writer);
        if (!writer.answered())
            writer.send(errorResponse(ApiError(500, "the server gave no answer to this request")));
    } catch (...) { // dispatch does not throw; a writer failure must not end the thread
        m_gone = true;
    }
    handlerDoneFromWorker(writer.closeAfter());
}

void HttpServer::Impl::accept()
{
    acceptor.async_accept(net::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
        if (stopped || !acceptor.is_open())
            return;
        if (!ec) {
            if (connections.load() >= limits.maxConnections) {
                beast::error_code ignored;
                socket.shutdown(tcp::socket::shutdown_both, ignored);
                socket.close(ignored);
            } else {
                std::erase_if(sessions, [](const auto &weak) { return weak.expired(); });
                auto session = std::make_shared<Session>(std::move(socket), *this);
                sessions.push_back(session);
                session->start();
            }
        }
        accept();
    });
}

void HttpServer::Impl::closeEverything()
{
    stopped = true;
    beast::error_code ignored;
    acceptor.close(ignored);
    for (auto &weak : sessions)
        if (auto session = weak.lock())
            session->close();
}

HttpServer::HttpServer(ServerLimits limits, Dispatch dispatch)
    : m_impl(std::make_unique<Impl>(limits, std::move(dispatch)))
{
}

HttpServer::~HttpServer()
{
    stop();
}

std::uint16_t HttpServer::start(const std::string &host, std::uint16_t port)
{
    auto &impl = *m_impl;
    beast::error_code ec;
    const auto address = net::ip::make_address(host, ec);
    if (ec)
        throw Error(ErrorKind::InvalidInput, "--host " + host, "is not an IP address (use 127.0.0.1, ::1 or 0.0.0.0)");
    const tcp::endpoint endpoint(address, port);
    const auto where = host + ":" + std::to_string(port);
    impl.acceptor.open(endpoint.protocol(), ec);
    if (!ec)
        impl.acceptor.set_option(net::socket_base::reuse_address(true), ec);
    if (!ec)
        impl.acceptor.bind(endpoint, ec);
    if (!ec)
        impl.acceptor.listen(net::socket_base::max_listen_connections, ec);
    if (ec)
        throw Error(ErrorKind::Io, where, "cannot listen there: " + ec.message());
    const auto bound = impl.acceptor.local_endpoint().port();

    impl.workers = std::make_unique<RequestWorkers>(impl.limits.requestThreads, impl.limits.maxQueuedRequests);
    impl.work.emplace(impl.ioc.get_executor());
    impl.accept();
    impl.ioThread = std::thread([&impl] { impl.ioc.run(); });
    pthread_setname_np(impl.ioThread.native_handle(), "llmos-http");
    return bound;
}

void HttpServer::stop()
{
    auto &impl = *m_impl;
    if (!impl.ioThread.joinable())
        return;
    net::post(impl.ioc, [&impl] { impl.closeEverything(); });
    impl.workers->stop(); // handlers see their clients gone and return; their writes fail fast
    impl.work.reset();
    net::post(impl.ioc, [&impl] { impl.closeEverything(); }); // connections a last read reopened
    impl.ioThread.join();
}

int HttpServer::openConnections() const
{
    return m_impl->connections.load();
}

std::size_t HttpServer::queuedRequests() const
{
    return m_impl->workers ? m_impl->workers->queued() : 0;
}

} // namespace llmos::serve
