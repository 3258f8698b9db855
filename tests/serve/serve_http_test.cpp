// The API server over loopback (engine/serve/apiserver.h), as clients use it: a tiny
// random Llama with a ChatML template (tests/core/generation/tinymodel.h), OpenAI's
// request and response shapes, streaming, the error envelope with the right status for
// each bad input of docs/BAD_INPUTS.md's REST section that applies so far, keys and
// Host/CORS checks. Outputs are compared with the engine's own for the same request.
#include "httptestclient.h"
#include "tempdir.h"
#include "tinymodel.h"

#include "architectures/textclassifier.h"
#include "architectures/textembedder.h"
#include "generation/continuousbatcher.h"
#include "generation/textgenerator.h"
#include "jobs/jobscheduler.h"
#include "registry/modelregistry.h"
#include "referencemodels.h"
#include "registryfixtures.h"
#include "services/localscheduler.h"
#include "services/trainingjobs.h"
#include "trainingfixture.h"
#include "serve/apierror.h"
#include "serve/apiserver.h"
#include "serve/httpserver.h"
#include "serve/openaifinetuning.h"
#include "util/error.h"

#include <boost/asio.hpp>
#include <gtest/gtest.h>

#include <future>
#include <thread>

using namespace llmos;
using llmos::test::httpCall;
using llmos::test::postJson;
using nlohmann::json;

namespace {

const std::string &chatModel()
{
    static test::TempDir dir;
    static const std::string folder = [] {
        const auto path = dir.file("tiny-chat");
        test::writeTinyModel(path, test::TinyFamily::Llama);
        test::writeChatMlTokenizerConfig(path);
        return path;
    }();
    return folder;
}

struct Server {
    serve::ApiServer server;
    std::uint16_t port;

    explicit Server(serve::ServerOptions options = {})
        : server(prepared(std::move(options)))
        , port(server.start())
    {
    }

    static serve::ServerOptions prepared(serve::ServerOptions options)
    {
        options.port = 0;
        options.models = {{"tiny", chatModel()}};
        return options;
    }
};

json chatBody(json extra = json::object())
{
    json body{{"model", "tiny"},
              {"messages", json::array({{{"role", "user"}, {"content", "Hello there"}}})},
              {"max_tokens", 12},
              {"temperature", 1.0},
              {"seed", 5}};
    body.update(extra);
    return body;
}

// What the engine itself gives for the chat body's request.
std::string engineReply(std::int64_t maxTokens)
{
    const auto generator = TextGenerator::open(chatModel());
    GenerationRequest request;
    request.promptIds = generator.encodeChat(nlohmann::ordered_json::array({{{"role", "user"}, {"content", "Hello there"}}}));
    request.maxNewTokens = maxTokens;
    request.sampling.temperature = 1.0;
    request.sampling.seed = 5;
    return generator.generate(request).text;
}

void expectError(const test::HttpReply &reply, int status, const std::string &param = {}, const std::string &code = {})
{
    EXPECT_EQ(reply.status, status) << reply.body;
    json body;
    ASSERT_NO_THROW(body = reply.json()) << reply.body;
    ASSERT_TRUE(body.contains("error")) << reply.body;
    const auto &error = body["error"];
    EXPECT_TRUE(error["message"].is_string() && !error["message"].get<std::string>().empty()) << reply.body;
    EXPECT_TRUE(error.contains("type") && error.contains("param") && error.contains("code")) << reply.body;
    if (!param.empty()) {
        EXPECT_EQ(error["param"], param) << reply.body;
    }
    if (!code.empty()) {
        EXPECT_EQ(error["code"], code) << reply.body;
    }
}

} // namespace

// expectError with the caller's line in the failure message.
#define EXPECT_API_ERROR(...)                                                                                          \
    do {                                                                                                               \
        SCOPED_TRACE("request at line " + std::to_string(__LINE__));                                                   \
        expectError(__VA_ARGS__);                                                                                      \
    } while (false)

TEST(ServeHttp, ListsTheDeployedModels)
{
    Server s;
    const auto reply = httpCall(s.port, {"GET", "/v1/models"});
    ASSERT_EQ(reply.status, 200) << reply.body;
    const auto body = reply.json();
    EXPECT_EQ(body["object"], "list");
    ASSERT_EQ(body["data"].size(), 1u);
    EXPECT_EQ(body["data"][0]["id"], "tiny");
    EXPECT_EQ(body["data"][0]["object"], "model");
    EXPECT_EQ(httpCall(s.port, {"GET", "/v1/models/tiny"}).json()["id"], "tiny");
    EXPECT_API_ERROR(httpCall(s.port, {"GET", "/v1/models/other"}), 404, "model", "model_not_found");
    EXPECT_EQ(httpCall(s.port, {"GET", "/api/health"}).json()["status"], "ok");
}

TEST(ServeHttp, ChatCompletionIsTheEnginesReplyInOpenAisShape)
{
    Server s;
    const auto reply = postJson(s.port, "/v1/chat/completions", chatBody());
    ASSERT_EQ(reply.status, 200) << reply.body;
    const auto body = reply.json();
    EXPECT_EQ(body["object"], "chat.completion");
    EXPECT_EQ(body["model"], "tiny");
    EXPECT_EQ(body["id"].get<std::string>().rfind("chatcmpl-", 0), 0u);
    ASSERT_EQ(body["choices"].size(), 1u);
    const auto &choice = body["choices"][0];
    EXPECT_EQ(choice["message"]["role"], "assistant");
    EXPECT_EQ(choice["message"]["content"], engineReply(12));
    EXPECT_FALSE(choice["message"]["content"].get<std::string>().empty()) << "a reply worth comparing";
    EXPECT_TRUE(choice["finish_reason"] == "stop" || choice["finish_reason"] == "length");
    const auto &usage = body["usage"];
    EXPECT_GT(usage["prompt_tokens"].get<int>(), 0);
    EXPECT_GT(usage["completion_tokens"].get<int>(), 0);
    EXPECT_LE(usage["completion_tokens"].get<int>(), 12);
    EXPECT_EQ(usage["total_tokens"], usage["prompt_tokens"].get<int>() + usage["completion_tokens"].get<int>());
}

TEST(ServeHttp, StreamedChunksAddUpToTheSameReplyAndEndWithDone)
{
    Server s;
    const auto whole = postJson(s.port, "/v1/chat/completions", chatBody()).json();
    const auto reply = postJson(s.port, "/v1/chat/completions",
                                chatBody({{"stream", true}, {"stream_options", {{"include_usage", true}}}}));
    ASSERT_EQ(reply.status, 200) << reply.body;
    EXPECT_EQ(reply.header("content-type"), "text/event-stream");
    const auto events = reply.events();
    ASSERT_GE(events.size(), 3u) << reply.body;
    EXPECT_EQ(events.back(), "[DONE]");
    std::string text;
    std::string finish;
    for (std::size_t i = 0; i + 2 < events.size(); ++i) {
        const auto chunk = json::parse(events[i]);
        EXPECT_EQ(chunk["object"], "chat.completion.chunk");
        const auto &choice = chunk["choices"][0];
        if (i == 0)
            EXPECT_EQ(choice["delta"]["role"], "assistant");
        if (choice["delta"].contains("content"))
            text += choice["delta"]["content"].get<std::string>();
        if (!choice["finish_reason"].is_null())
            finish = choice["finish_reason"];
    }
    EXPECT_EQ(text, whole["choices"][0]["message"]["content"]);
    EXPECT_EQ(finish, whole["choices"][0]["finish_reason"]);
    const auto usage = json::parse(events[events.size() - 2]);
    EXPECT_TRUE(usage["choices"].empty());
    EXPECT_EQ(usage["usage"], whole["usage"]);
}

TEST(ServeHttp, TextCompletionsWithSeveralChoicesRepeatWithTheSeed)
{
    Server s;
    const json body{{"model", "tiny"}, {"prompt", "Once"}, {"max_tokens", 8}, {"n", 3}, {"seed", 11}, {"temperature", 1.0}};
    const auto first = postJson(s.port, "/v1/completions", body);
    ASSERT_EQ(first.status, 200) << first.body;
    const auto again = postJson(s.port, "/v1/completions", body).json();
    const auto choices = first.json()["choices"];
    ASSERT_EQ(choices.size(), 3u);
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_EQ(choices[i]["index"], i);
        EXPECT_EQ(choices[i]["text"], again["choices"][i]["text"]) << "same seed, same choice " << i;
    }
    EXPECT_EQ(first.json()["object"], "text_completion");
}

TEST(ServeHttp, BadRequestsGetTheEnvelopeNamingTheField)
{
    Server s;
    const std::string chat = "/v1/chat/completions";
    EXPECT_API_ERROR(postJson(s.port, chat, chatBody({{"max_tokens", 0}})), 400, "max_tokens");
    EXPECT_API_ERROR(postJson(s.port, chat, chatBody({{"max_tokens", 1000000000000LL}})), 400, "max_tokens");
    EXPECT_API_ERROR(postJson(s.port, chat, chatBody({{"n", 1000000}})), 400, "n");
    EXPECT_API_ERROR(postJson(s.port, chat, chatBody({{"temperature", -1}})), 400, "temperature");
    EXPECT_API_ERROR(postJson(s.port, chat, chatBody({{"top_p", 1.5}})), 400, "top_p");
    EXPECT_API_ERROR(postJson(s.port, chat, chatBody({{"stop", json::array({1, 2})}})), 400, "stop");
    EXPECT_API_ERROR(postJson(s.port, chat, chatBody({{"stop", std::vector<std::string>(1000, "x")}})), 400, "stop");
    EXPECT_API_ERROR(postJson(s.port, chat, chatBody({{"messages", "hi"}})), 400, "messages");
    EXPECT_API_ERROR(postJson(s.port, chat, chatBody({{"messages", json::array({{{"role", "wizard"}}})}})), 400, "messages");
    EXPECT_API_ERROR(postJson(s.port, chat, chatBody({{"model", "absent"}})), 404, "model", "model_not_found");
    EXPECT_API_ERROR(postJson(s.port, chat, chatBody({{"max_tokens", 4000}})), 400, "messages", "context_length_exceeded");
    EXPECT_API_ERROR(postJson(s.port, "/v1/completions", {{"model", "tiny"}, {"prompt", "x"}, {"max_tokens", 4000}}), 400,
                     "prompt", "context_length_exceeded");
    EXPECT_API_ERROR(postJson(s.port, "/v1/completions", {{"model", "tiny"}, {"prompt", ""}}), 400, "prompt");
    EXPECT_API_ERROR(postJson(s.port, "/v1/completions", {{"model", "tiny"}, {"prompt", json::array({1, 2, 3})}}), 400, "prompt");

    EXPECT_API_ERROR(httpCall(s.port, {"POST", chat, "{not json", {{"Content-Type", "application/json"}}}), 400);
    EXPECT_API_ERROR(httpCall(s.port, {"POST", chat, chatBody().dump(), {{"Content-Type", "text/plain"}}}), 400);
    EXPECT_API_ERROR(httpCall(s.port, {"POST", chat, std::string(100000, '[') + std::string(100000, ']'),
                                  {{"Content-Type", "application/json"}}}),
                400);
    EXPECT_API_ERROR(httpCall(s.port, {"POST", chat, "[1, 2]", {{"Content-Type", "application/json"}}}), 400);
    EXPECT_API_ERROR(httpCall(s.port, {"POST", chat, R"({"model": "tiny", "max_tokens": 1e400})",
                                       {{"Content-Type", "application/json"}}}),
                     400);
    EXPECT_API_ERROR(httpCall(s.port, {"POST", chat, "{\"model\": \"\xff\xfe\"}", {{"Content-Type", "application/json"}}}), 400);
    EXPECT_API_ERROR(httpCall(s.port, {"GET", "/v1/nothing-here"}), 404, {}, "unknown_route");
    EXPECT_API_ERROR(httpCall(s.port, {"DELETE", "/v1/models"}), 405);

    // The server is still there after all of it.
    EXPECT_EQ(postJson(s.port, chat, chatBody()).status, 200);
}

TEST(ServeHttp, OversizedHeadersAndBodiesAreRefusedAndTheConnectionClosed)
{
    serve::ServerOptions options;
    options.limits.maxBodyBytes = 1024;
    Server s(options);
    const auto bigHeader = test::rawExchange(
        s.port, "GET /v1/models HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + std::string(20000, 'a') + "\r\n\r\n");
    EXPECT_EQ(bigHeader.rfind("HTTP/1.1 431", 0), 0u) << bigHeader.substr(0, 200);
    // Refused from Content-Length alone: the body is never sent.
    const auto bigBody = test::rawExchange(s.port, "POST /v1/completions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                                   "Content-Type: application/json\r\nContent-Length: 5000000\r\n\r\n");
    EXPECT_EQ(bigBody.rfind("HTTP/1.1 413", 0), 0u) << bigBody.substr(0, 200);
    EXPECT_NE(bigBody.find("\"error\""), std::string::npos);
    EXPECT_EQ(httpCall(s.port, {"GET", "/v1/models"}).status, 200);
}

TEST(ServeHttp, KeysAreRequiredAndScoped)
{
    serve::ServerOptions options;
    options.keys = {{"full-secret", serve::KeyScope::Management}, {"app-secret", serve::KeyScope::Inference}};
    Server s(options);
    EXPECT_API_ERROR(httpCall(s.port, {"GET", "/v1/models"}), 401, {}, "invalid_api_key");
    EXPECT_API_ERROR(httpCall(s.port, {"GET", "/v1/models", {}, {{"Authorization", "Bearer wrong"}}}), 401);
    EXPECT_API_ERROR(httpCall(s.port, {"GET", "/v1/models", {}, {{"Authorization", "full-secret"}}}), 401);
    EXPECT_EQ(httpCall(s.port, {"GET", "/v1/models", {}, {{"Authorization", "Bearer app-secret"}}}).status, 200);
    EXPECT_EQ(postJson(s.port, "/v1/chat/completions", chatBody(), "full-secret").status, 200);
    EXPECT_EQ(httpCall(s.port, {"GET", "/api/health"}).status, 200) << "health needs no key";
}

TEST(ServeHttp, ForeignHostNamesAndOriginsAreRefused)
{
    serve::ServerOptions options;
    options.corsOrigins = {"https://app.example"};
    Server s(options);
    EXPECT_API_ERROR(httpCall(s.port, {"GET", "/v1/models", {}, {{"Host", "attacker.example"}}}), 403, {}, "host_not_allowed");
    EXPECT_EQ(httpCall(s.port, {"GET", "/v1/models", {}, {{"Host", "localhost:1234"}}}).status, 200);

    const auto evil = httpCall(s.port, {"GET", "/v1/models", {}, {{"Origin", "https://evil.example"}}});
    EXPECT_EQ(evil.header("access-control-allow-origin"), "");
    const auto app = httpCall(s.port, {"GET", "/v1/models", {}, {{"Origin", "https://app.example"}}});
    EXPECT_EQ(app.header("access-control-allow-origin"), "https://app.example");
    const auto preflight = httpCall(s.port, {"OPTIONS", "/v1/chat/completions", {}, {{"Origin", "https://app.example"}}});
    EXPECT_EQ(preflight.status, 204);
    EXPECT_NE(preflight.header("access-control-allow-headers").find("Authorization"), std::string::npos);
    EXPECT_API_ERROR(httpCall(s.port, {"OPTIONS", "/v1/chat/completions", {}, {{"Origin", "https://evil.example"}}}), 403);
}

TEST(ServeHttp, ReachableAddressesNeedAKey)
{
    serve::ServerOptions options;
    options.host = "0.0.0.0";
    EXPECT_THROW(options.validate(), Error);
    options.keys = {{"k", serve::KeyScope::Management}};
    EXPECT_NO_THROW(options.validate());
    options.host = "not-an-address";
    EXPECT_THROW(options.validate(), Error);
}

// Concurrent requests to one model run through its continuous batcher: each gets the
// answer it would get alone (whole or streamed), and /metrics counts the decode steps and
// the sequences they decoded.
TEST(ServeHttp, ConcurrentRequestsAllGetTheirOwnAnswer)
{
    Server s;
    std::vector<std::thread> clients;
    std::vector<test::HttpReply> replies(6);
    for (int i = 0; i < 6; ++i)
        clients.emplace_back([&, i] {
            replies[static_cast<std::size_t>(i)] = postJson(s.port, "/v1/chat/completions",
                                                            chatBody({{"stream", i % 2 == 1}, {"seed", 5 + i}}));
        });
    for (auto &client : clients)
        client.join();
    const auto generator = TextGenerator::open(chatModel());
    for (int i = 0; i < 6; ++i) {
        const auto &reply = replies[static_cast<std::size_t>(i)];
        ASSERT_EQ(reply.status, 200) << "client " << i << ": " << reply.body;
        std::string text;
        if (i % 2 == 1) {
            for (const auto &event : reply.events()) {
                if (event == "[DONE]")
                    continue;
                const auto chunk = json::parse(event); // kept: the loop below reads into it
                for (const auto &choice : chunk["choices"])
                    text += choice["delta"].value("content", "");
            }
        } else {
            text = json::parse(reply.body)["choices"][0]["message"]["content"];
        }
        GenerationRequest request;
        request.promptIds = generator.encodeChat(
            nlohmann::ordered_json::array({{{"role", "user"}, {"content", "Hello there"}}}));
        request.maxNewTokens = 12;
        request.sampling.temperature = 1.0;
        request.sampling.seed = static_cast<std::uint64_t>(5 + i);
        EXPECT_EQ(text, generator.generate(request).text) << "client " << i;
    }
    const auto metrics = httpCall(s.port, {"GET", "/metrics"}).body;
    EXPECT_NE(metrics.find("llmos_decode_steps{model=\"tiny\"}"), std::string::npos) << metrics;
    EXPECT_NE(metrics.find("llmos_decode_sequences{model=\"tiny\"}"), std::string::npos) << metrics;
}

// A client that goes away mid-stream is seen by the handler (ResponseWriter::clientGone),
// which is what stops a generation; and stop() ends a handler still streaming to a
// client that stays.
TEST(ServeHttp, AHandlerSeesItsClientLeaveAndStopEndsTheRest)
{
    std::promise<bool> sawGone;
    auto seen = sawGone.get_future();
    serve::HttpServer server({}, [&](const serve::HttpRequest &, serve::ResponseWriter &writer) {
        writer.beginEvents();
        // Streams until the client is gone (for at most 20 s, so a broken watch fails the
        // test instead of hanging it).
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        for (int i = 0; !writer.clientGone() && std::chrono::steady_clock::now() < deadline; ++i)
            writer.sendEvent("{\"tick\": " + std::to_string(i) + "}");
        sawGone.set_value(writer.clientGone());
    });
    const auto port = server.start("127.0.0.1", 0);
    {
        namespace net = boost::asio;
        net::io_context ioc;
        net::ip::tcp::socket socket(ioc);
        socket.connect({net::ip::make_address("127.0.0.1"), port});
        net::write(socket, net::buffer(std::string("GET /stream HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")));
        char first[256];
        ASSERT_GT(socket.read_some(net::buffer(first)), 0u); // the stream has begun
    } // the socket closes here
    ASSERT_EQ(seen.wait_for(std::chrono::seconds(30)), std::future_status::ready);
    EXPECT_TRUE(seen.get());
    server.stop();
}

TEST(ServeHttp, MetricsCountRequestsTokensAndLatencyInPrometheusFormat)
{
    Server s;
    const auto chat = postJson(s.port, "/v1/chat/completions", chatBody()).json();
    postJson(s.port, "/v1/chat/completions", chatBody({{"n", 0}}));
    httpCall(s.port, {"GET", "/secret/../etc/passwd"});
    const auto reply = httpCall(s.port, {"GET", "/metrics"});
    ASSERT_EQ(reply.status, 200);
    EXPECT_EQ(reply.header("content-type").rfind("text/plain; version=0.0.4", 0), 0u);
    const auto &text = reply.body;
    auto has = [&](const std::string &line) { return text.find(line + "\n") != std::string::npos; };
    EXPECT_TRUE(has("llmos_http_requests_total{route=\"/v1/chat/completions\",method=\"POST\",status=\"200\"} 1")) << text;
    EXPECT_TRUE(has("llmos_http_requests_total{route=\"/v1/chat/completions\",method=\"POST\",status=\"400\"} 1")) << text;
    EXPECT_TRUE(has("llmos_http_requests_total{route=\"unmatched\",method=\"GET\",status=\"404\"} 1")) << text;
    EXPECT_TRUE(has("llmos_http_request_duration_seconds_count{route=\"/v1/chat/completions\",method=\"POST\",status=\"200\"} 1"))
        << text;
    EXPECT_TRUE(has("llmos_http_request_duration_seconds_bucket{route=\"/v1/chat/completions\",method=\"POST\",status=\"200\",le=\"+Inf\"} 1"))
        << text;
    EXPECT_TRUE(has("llmos_generated_tokens_total{model=\"tiny\"} " +
                    std::to_string(chat["usage"]["completion_tokens"].get<int>())))
        << text;
    EXPECT_TRUE(has("llmos_time_to_first_token_seconds_count{model=\"tiny\"} 1")) << text;
    EXPECT_NE(text.find("# TYPE llmos_http_requests_waiting gauge\nllmos_http_requests_waiting 0\n"), std::string::npos) << text;
    EXPECT_EQ(text.find("passwd"), std::string::npos) << "paths clients choose are not labels";
}

// /openapi.json lists every route the server answers, with its path parameters, and says
// which need no key.
TEST(ServeHttp, OpenApiDescribesEveryRoute)
{
    Server s;
    const auto reply = httpCall(s.port, {"GET", "/openapi.json"});
    ASSERT_EQ(reply.status, 200);
    const auto doc = reply.json();
    EXPECT_EQ(doc["openapi"], "3.0.3");
    const auto &paths = doc["paths"];
    for (const auto &[path, method] : std::vector<std::pair<std::string, std::string>>{
             {"/v1/models", "get"}, {"/v1/models/{model}", "get"}, {"/v1/chat/completions", "post"},
             {"/v1/completions", "post"}, {"/v1/embeddings", "post"}, {"/metrics", "get"}, {"/api/health", "get"},
             {"/openapi.json", "get"}}) {
        ASSERT_TRUE(paths.contains(path) && paths[path].contains(method)) << method << " " << path;
        EXPECT_FALSE(paths[path][method]["summary"].get<std::string>().empty()) << path;
    }
    EXPECT_EQ(paths["/v1/models/{model}"]["get"]["parameters"][0]["name"], "model");
    EXPECT_EQ(paths["/api/health"]["get"]["security"], json::array());
    EXPECT_FALSE(paths["/v1/chat/completions"]["post"].contains("security"));

    // Bodies: the request's schema names its required fields; the response's properties
    // are what a real answer holds.
    const auto &chat = paths["/v1/chat/completions"]["post"];
    const auto &request = chat["requestBody"]["content"]["application/json"]["schema"];
    EXPECT_EQ(request["required"], json::array({"model", "messages"}));
    EXPECT_TRUE(request["properties"].contains("max_tokens"));
    const auto &response = chat["responses"]["200"]["content"]["application/json"]["schema"];
    const auto answer = postJson(s.port, "/v1/chat/completions", chatBody()).json();
    for (const auto &[field, schema] : response["properties"].items())
        EXPECT_TRUE(answer.contains(field)) << field << " is described but not answered";
    EXPECT_EQ(paths["/metrics"]["get"]["responses"]["200"]["content"].begin().key(), "text/plain");
}

// The management API's model routes read the registry: management keys only, no paths of
// this machine in the answers, "deployed" for what this server offers.
TEST(ServeHttp, ManagementKeysListTheRegistryWithoutPaths)
{
    test::TempDir home;
    ModelRegistry registry(home.path());
    ImportOptions import;
    import.name = "tiny";
    registry.importModel(chatModel(), import);
    ImportOptions other;
    other.name = "other";
    registry.importModel(chatModel(), other);

    serve::ServerOptions options;
    options.keys = {{"admin", serve::KeyScope::Management}, {"app", serve::KeyScope::Inference}};
    options.registry = &registry;
    Server s(options);
    auto get = [&](const std::string &target, const std::string &key) {
        return httpCall(s.port, {"GET", target, {}, {{"Authorization", "Bearer " + key}}});
    };
    const auto list = get("/api/models", "admin");
    ASSERT_EQ(list.status, 200) << list.body;
    const auto models = list.json()["data"];
    ASSERT_EQ(models.size(), 2u);
    for (const auto &model : models)
        EXPECT_EQ(model["deployed"], model["name"] == "tiny") << model["name"];
    EXPECT_EQ(list.body.find(home.path()), std::string::npos) << "no paths of this machine";
    EXPECT_EQ(list.body.find(chatModel()), std::string::npos) << "no paths of this machine";

    const auto one = get("/api/models/other", "admin");
    ASSERT_EQ(one.status, 200) << one.body;
    EXPECT_EQ(one.json()["name"], "other");
    EXPECT_FALSE(one.json()["files"].empty());
    EXPECT_API_ERROR(get("/api/models/absent", "admin"), 404, "id", "model_not_found");
    EXPECT_API_ERROR(get("/api/models", "app"), 403, {}, "insufficient_scope");

    // Deploy "other" while the server runs; it answers on /v1 under its name; undeploy it.
    auto post = [&](const std::string &target, const std::string &key) {
        return httpCall(s.port, {"POST", target, {}, {{"Authorization", "Bearer " + key}}});
    };
    EXPECT_API_ERROR(post("/api/models/other/deploy", "app"), 403);
    const auto deployed = post("/api/models/other/deploy", "admin");
    ASSERT_EQ(deployed.status, 200) << deployed.body;
    EXPECT_EQ(postJson(s.port, "/v1/chat/completions", chatBody({{"model", "other"}}), "app").status, 200);
    EXPECT_EQ(get("/api/models/other", "admin").json()["deployed"], true);
    EXPECT_API_ERROR(post("/api/models/other/deploy", "admin"), 409, {}, "already_deployed");
    EXPECT_EQ(post("/api/models/other/undeploy", "admin").status, 200);
    EXPECT_API_ERROR(postJson(s.port, "/v1/chat/completions", chatBody({{"model", "other"}}), "app"), 404, "model",
                     "model_not_found");
    EXPECT_API_ERROR(post("/api/models/other/undeploy", "admin"), 404, "id", "not_deployed");
    EXPECT_API_ERROR(post("/api/models/absent/deploy", "admin"), 404, "id", "model_not_found");

    // An adapter is not something /v1 can run alone.
    const auto adapter = home.file("adapter");
    test::writeTinyAdapter(adapter, "tiny");
    ImportOptions asAdapter;
    asAdapter.name = "tiny-lora";
    registry.importModel(adapter, asAdapter);
    EXPECT_API_ERROR(post("/api/models/tiny-lora/deploy", "admin"), 400, "id", "adapter_not_deployable");

    // Deleting: not while deployed, then gone from the registry.
    auto remove = [&](const std::string &name) {
        return httpCall(s.port, {"DELETE", "/api/models/" + name, {}, {{"Authorization", "Bearer admin"}}});
    };
    ASSERT_EQ(post("/api/models/other/deploy", "admin").status, 200);
    EXPECT_API_ERROR(remove("other"), 409, "id", "model_deployed");
    ASSERT_EQ(post("/api/models/other/undeploy", "admin").status, 200);
    const auto removed = remove("other");
    ASSERT_EQ(removed.status, 200) << removed.body;
    EXPECT_EQ(removed.json()["deleted"], true);
    EXPECT_FALSE(registry.find("other").has_value());
    EXPECT_API_ERROR(remove("other"), 404, "id", "model_not_found");
}

// Idle models leave memory and come back on the next request; one in use stays.
TEST(ServeHttp, IdleModelsAreUnloadedAndReloadedOnDemand)
{
    serve::ModelPool pool({{"tiny", chatModel()}});
    EXPECT_TRUE(pool.loaded().empty()) << "nothing loads before its first request";
    std::string first;
    pool.withGenerator("tiny", [&](ContinuousBatcher &batcher) { first = batcher.generator().deviceName(); });
    EXPECT_EQ(pool.loaded(), std::vector<std::string>{"tiny"});
    EXPECT_EQ(pool.unloadIdle(std::chrono::hours(1)), 0u) << "used a moment ago";
    pool.withGenerator("tiny", [&](ContinuousBatcher &) {
        std::thread other([&] { EXPECT_EQ(pool.unloadIdle(std::chrono::seconds(0)), 0u) << "in use"; });
        other.join();
    });
    EXPECT_EQ(pool.unloadIdle(std::chrono::seconds(0)), 1u);
    EXPECT_TRUE(pool.loaded().empty());
    std::string again;
    pool.withGenerator("tiny", [&](ContinuousBatcher &batcher) { again = batcher.generator().deviceName(); });
    EXPECT_EQ(again, first);
    EXPECT_EQ(pool.loaded(), std::vector<std::string>{"tiny"});
}

// A server with the management API over a data folder of its own: registry, scheduler
// and training service, an "admin" (management) and an "app" (inference) key.
struct ManagedServer {
    using Tweak = std::function<void(serve::ServerOptions &)>;
    test::TrainingFixture fixture;
    test::TempDir home;
    JobScheduler scheduler{RunStore(home.file("runs")), localSchedulerOptions(2)};
    TrainingJobs training{scheduler, home.path(), 2};
    ModelRegistry registry{home.path()};
    Server s;
    const std::map<std::string, std::string> admin{{"Authorization", "Bearer admin"}};

    explicit ManagedServer(const Tweak &tweak = {}) : s(options(tweak)) {}

    serve::ServerOptions options(const Tweak &tweak)
    {
        serve::ServerOptions o;
        o.keys = {{"admin", serve::KeyScope::Management}, {"app", serve::KeyScope::Inference}};
        o.scheduler = &scheduler;
        o.training = &training;
        o.registry = &registry;
        if (tweak)
            tweak(o);
        return o;
    }
};

// A fine-tune end to end over the management API: submit a recipe, follow its events to the
// end, see the run succeed and its model registered; bad recipes and ids are refused.
TEST(ServeHttp, AFineTuneRunsEndToEndOverTheManagementApi)
{
    ManagedServer m;
    auto &[fixture, home, scheduler, training, registry, s, admin] = m;

    auto recipe = fixture.causalRecipe();
    recipe["output"]["name"] = "served-fine-tune";
    const auto submitted = postJson(s.port, "/api/jobs", recipe, "admin");
    ASSERT_EQ(submitted.status, 201) << submitted.body;
    const auto id = submitted.json()["id"].get<std::string>();

    const auto events = httpCall(s.port, {"GET", "/api/jobs/" + id + "/events", {}, admin});
    ASSERT_EQ(events.status, 200) << events.body;
    const auto data = events.events();
    ASSERT_GE(data.size(), 3u) << events.body;
    EXPECT_EQ(data.back(), "[DONE]");
    bool sawStep = false;
    std::uint64_t previous = 0;
    for (std::size_t i = 0; i + 1 < data.size(); ++i) {
        const auto event = json::parse(data[i]);
        EXPECT_GT(event["seq"].get<std::uint64_t>(), previous) << "in order, none twice";
        previous = event["seq"].get<std::uint64_t>();
        sawStep = sawStep || event.dump().find("\"loss\"") != std::string::npos;
    }
    EXPECT_TRUE(sawStep) << events.body;

    const auto run = httpCall(s.port, {"GET", "/api/jobs/" + id, {}, admin});
    ASSERT_EQ(run.status, 200);
    EXPECT_EQ(run.json()["state"], "succeeded") << run.body;
    EXPECT_TRUE(registry.find("served-fine-tune").has_value()) << "the fine-tune is registered";
    const auto list = httpCall(s.port, {"GET", "/api/jobs", {}, admin}).json();
    EXPECT_EQ(list["data"].size(), 1u);

    EXPECT_API_ERROR(httpCall(s.port, {"POST", "/api/jobs/" + id + "/cancel", {}, admin}), 409, "id", "job_state_conflict");
    EXPECT_API_ERROR(httpCall(s.port, {"GET", "/api/jobs/..%2F..%2Fetc", {}, admin}), 404);
    EXPECT_API_ERROR(httpCall(s.port, {"GET", "/api/jobs/r-aaaaaaaaaaaa", {}, admin}), 404);
    EXPECT_API_ERROR(postJson(s.port, "/api/jobs", {{"model", {{"path", "x"}}}}, "admin"), 400);
    EXPECT_API_ERROR(postJson(s.port, "/api/jobs", recipe, "app"), 403, {}, "insufficient_scope");

    const auto metrics = httpCall(s.port, {"GET", "/metrics", {}, admin}).body;
    EXPECT_NE(metrics.find("llmos_jobs{state=\"succeeded\"} 1\n"), std::string::npos) << metrics;
    EXPECT_NE(metrics.find("llmos_jobs{state=\"running\"} 0\n"), std::string::npos) << metrics;
}

// logprobs in OpenAI's two shapes: chat's content list with top_logprobs, completions'
// parallel lists; not with streaming yet; the bounds of top_logprobs.
TEST(ServeHttp, LogprobsComeInOpenAisShapes)
{
    Server s;
    const auto chat = postJson(s.port, "/v1/chat/completions", chatBody({{"logprobs", true}, {"top_logprobs", 2}}));
    ASSERT_EQ(chat.status, 200) << chat.body;
    const auto body = chat.json();
    ASSERT_TRUE(body["choices"][0]["logprobs"].is_object()) << chat.body;
    const auto &content = body["choices"][0]["logprobs"]["content"];
    ASSERT_FALSE(content.empty()) << chat.body;
    std::string text;
    for (const auto &entry : content) {
        EXPECT_LE(entry["logprob"].get<double>(), 0.0);
        ASSERT_EQ(entry["top_logprobs"].size(), 2u);
        EXPECT_GE(entry["top_logprobs"][0]["logprob"].get<double>(), entry["top_logprobs"][1]["logprob"].get<double>());
        EXPECT_GE(entry["top_logprobs"][0]["logprob"].get<double>(), entry["logprob"].get<double>() - 1e-9);
        text += entry["token"].get<std::string>();
    }
    const auto usage = body["usage"]["completion_tokens"].get<std::size_t>();
    EXPECT_TRUE(content.size() == usage || content.size() + 1 == usage) << "one entry a token, but a final stop token";
    EXPECT_EQ(postJson(s.port, "/v1/chat/completions", chatBody()).json()["choices"][0]["logprobs"], nullptr);

    const auto completion = postJson(s.port, "/v1/completions",
                                     {{"model", "tiny"}, {"prompt", "Once"}, {"max_tokens", 5}, {"logprobs", 1},
                                      {"temperature", 1.0}, {"seed", 2}});
    ASSERT_EQ(completion.status, 200) << completion.body;
    const auto completionBody = completion.json();
    const auto &lists = completionBody["choices"][0]["logprobs"];
    ASSERT_TRUE(lists.is_object()) << completion.body;
    EXPECT_EQ(lists["tokens"].size(), lists["token_logprobs"].size());
    EXPECT_EQ(lists["tokens"].size(), lists["top_logprobs"].size());
    EXPECT_EQ(lists["tokens"].size(), lists["text_offset"].size());

    EXPECT_API_ERROR(postJson(s.port, "/v1/chat/completions", chatBody({{"logprobs", true}, {"top_logprobs", 21}})), 400,
                     "top_logprobs");
    EXPECT_API_ERROR(postJson(s.port, "/v1/chat/completions", chatBody({{"top_logprobs", 2}})), 400, "top_logprobs");
}

// Streamed, the log-probabilities come with the chunks (a token whose text is held back
// rides with the next chunk that has text) and add up to what the whole answer gives:
// the same tokens and values for the same seed, for chat and completions.
TEST(ServeHttp, StreamedLogprobsAddUpToTheWholeAnswers)
{
    Server s;
    const auto whole = postJson(s.port, "/v1/chat/completions", chatBody({{"logprobs", true}, {"top_logprobs", 2}}));
    ASSERT_EQ(whole.status, 200) << whole.body;
    const auto streamed =
        postJson(s.port, "/v1/chat/completions", chatBody({{"logprobs", true}, {"top_logprobs", 2}, {"stream", true}}));
    ASSERT_EQ(streamed.status, 200) << streamed.body;
    json content = json::array();
    for (const auto &event : streamed.events()) {
        if (event == "[DONE]")
            continue;
        const auto chunk = json::parse(event); // kept: the loop below reads into it
        for (const auto &choice : chunk["choices"])
            if (choice["logprobs"].is_object())
                for (const auto &entry : choice["logprobs"]["content"])
                    content.push_back(entry);
    }
    const auto wholeBody = whole.json();
    const auto &expected = wholeBody["choices"][0]["logprobs"]["content"];
    ASSERT_EQ(content.size(), expected.size()) << streamed.body;
    for (std::size_t i = 0; i < content.size(); ++i) {
        EXPECT_EQ(content[i]["token"], expected[i]["token"]) << "token " << i;
        EXPECT_DOUBLE_EQ(content[i]["logprob"].get<double>(), expected[i]["logprob"].get<double>()) << "token " << i;
        EXPECT_EQ(content[i]["top_logprobs"].size(), 2u);
    }

    const json completion{{"model", "tiny"}, {"prompt", "Once"}, {"max_tokens", 10}, {"seed", 4}, {"logprobs", 1}};
    auto streamedCompletion = completion;
    streamedCompletion["stream"] = true;
    const auto wholeCompletion = postJson(s.port, "/v1/completions", completion).json();
    std::vector<double> values;
    std::vector<std::size_t> offsets;
    std::string text;
    for (const auto &event : postJson(s.port, "/v1/completions", streamedCompletion).events()) {
        if (event == "[DONE]")
            continue;
        const auto chunk = json::parse(event);
        for (const auto &choice : chunk["choices"]) {
            text += choice["text"].get<std::string>();
            if (!choice["logprobs"].is_object())
                continue;
            for (const auto &value : choice["logprobs"]["token_logprobs"])
                values.push_back(value);
            for (const auto &offset : choice["logprobs"]["text_offset"])
                offsets.push_back(offset);
        }
    }
    const auto &lists = wholeCompletion["choices"][0]["logprobs"];
    EXPECT_EQ(text, wholeCompletion["choices"][0]["text"]);
    EXPECT_EQ(values, lists["token_logprobs"].get<std::vector<double>>());
    EXPECT_EQ(offsets, lists["text_offset"].get<std::vector<std::size_t>>());
}

// A deployed model whose files are damaged on this machine is the server's failure, not
// the client's: a 500 that names the model but not where its files are; the other models
// go on answering.
TEST(ServeHttp, ADeployedModelThatCannotLoadIsA500WithoutItsPath)
{
    test::TempDir dir;
    const auto broken = dir.file("broken-model");
    std::filesystem::create_directories(broken);
    test::writeTinyModel(broken, test::TinyFamily::Llama);
    std::filesystem::remove(std::filesystem::path(broken) / "model.safetensors");
    serve::ServerOptions options;
    options.port = 0;
    options.models = {{"tiny", chatModel()}, {"broken", broken}};
    serve::ApiServer server(std::move(options));
    const auto port = server.start();
    const auto reply = postJson(port, "/v1/chat/completions", chatBody({{"model", "broken"}}));
    EXPECT_API_ERROR(reply, 500, "model", "model_load_failed");
    EXPECT_NE(reply.body.find("'broken' could not be loaded"), std::string::npos) << reply.body;
    EXPECT_EQ(reply.body.find(dir.path()), std::string::npos) << reply.body;
    EXPECT_EQ(postJson(port, "/v1/chat/completions", chatBody()).status, 200);
}

// A hyperparameter sweep over the management API: started from a sweep document, followed
// through its event stream to the end, shown with its leaderboard, its best trial promoted
// into the registry; the actions its state forbids are 409s, unknown or unsafe ids 404s,
// and a recipe named by a path on the server is refused.
TEST(ServeHttp, ASweepRunsEndToEndOverTheManagementApi)
{
    ManagedServer m;
    auto &[fixture, home, scheduler, training, registry, s, admin] = m;

    const json sweep{{"version", 1},
                     {"name", "served-sweep"},
                     {"recipe", fixture.causalRecipe()},
                     {"strategy", {{"kind", "grid"}}},
                     {"objective", {{"metric", "eval_loss"}}},
                     {"space", {{"optimizer.lr", {1e-3, 1e-2}}}}};
    const auto started = postJson(s.port, "/api/sweeps", sweep, "admin");
    ASSERT_EQ(started.status, 201) << started.body;
    const auto id = started.json()["id"].get<std::string>();

    const auto events = httpCall(s.port, {"GET", "/api/sweeps/" + id + "/events", {}, admin});
    ASSERT_EQ(events.status, 200) << events.body;
    const auto data = events.events();
    ASSERT_GE(data.size(), 2u) << events.body;
    EXPECT_EQ(data.back(), "[DONE]");
    int finishedTrials = 0;
    std::string last;
    for (std::size_t i = 0; i + 1 < data.size(); ++i) {
        const auto event = json::parse(data[i]);
        finishedTrials += event["event"] == "trial_finished";
        last = event["event"];
    }
    EXPECT_EQ(finishedTrials, 2) << events.body;
    EXPECT_EQ(last, "sweep_finished") << events.body;

    const auto shown = httpCall(s.port, {"GET", "/api/sweeps/" + id, {}, admin});
    ASSERT_EQ(shown.status, 200) << shown.body;
    const auto report = shown.json();
    EXPECT_EQ(report["status"], "finished");
    EXPECT_EQ(report["leaderboard"].size(), 2u);
    EXPECT_EQ(httpCall(s.port, {"GET", "/api/sweeps", {}, admin}).json()["data"].size(), 1u);
    const auto stillEvents = httpCall(s.port, {"GET", "/api/sweeps/" + id + "/events", {}, admin}).events();
    ASSERT_EQ(stillEvents.size(), 2u) << "a sweep not running: its summary, then the end";
    EXPECT_EQ(json::parse(stillEvents[0])["sweep"]["status"], "finished");

    const auto promoted = postJson(s.port, "/api/sweeps/" + id + "/promote", {{"name", "sweep-best"}}, "admin");
    ASSERT_EQ(promoted.status, 201) << promoted.body;
    EXPECT_TRUE(registry.find("sweep-best").has_value());
    EXPECT_API_ERROR(postJson(s.port, "/api/sweeps/" + id + "/promote", {{"name", "sweep-best"}}, "admin"), 409, "name",
                     "name_taken");

    EXPECT_API_ERROR(httpCall(s.port, {"POST", "/api/sweeps/" + id + "/resume", {}, admin}), 409, "id",
                     "sweep_state_conflict");
    EXPECT_API_ERROR(httpCall(s.port, {"POST", "/api/sweeps/" + id + "/stop", {}, admin}), 409, "id",
                     "sweep_state_conflict");
    EXPECT_API_ERROR(httpCall(s.port, {"GET", "/api/sweeps/..%2F..%2Fetc", {}, admin}), 404, "id", "sweep_not_found");
    EXPECT_API_ERROR(httpCall(s.port, {"GET", "/api/sweeps/s-aaaaaaaaaaaa", {}, admin}), 404, "id", "sweep_not_found");
    auto withPath = sweep;
    withPath.erase("recipe");
    withPath["recipe_path"] = "/etc/passwd";
    EXPECT_API_ERROR(postJson(s.port, "/api/sweeps", withPath, "admin"), 400, "recipe_path");
    auto badSpace = sweep;
    badSpace["space"] = {{"optimizer.lr", {{"log_uniform", {1.0}}}}};
    EXPECT_API_ERROR(postJson(s.port, "/api/sweeps", badSpace, "admin"), 400);
    EXPECT_API_ERROR(postJson(s.port, "/api/sweeps", sweep, "app"), 403, {}, "insufficient_scope");
}

// The encoder endpoints on the PyTorch reference's BERT models: embeddings (float and
// base64) as the engine's own embedder gives them; rerank ordering documents by the
// cosine of their embeddings with the query's, or by a cross-encoder's score; classify as the engine's classifier; and
// the errors: bad fields name themselves, a model of the wrong kind is a 400.
TEST(ServeHttp, EncoderModelsEmbedRerankAndClassify)
{
    REQUIRE_REFERENCE();
    const auto sentence = test::reference().folder("bert-sentence");
    const auto classifierFolder = test::reference().folder("bert-classifier");
    serve::ServerOptions options;
    options.port = 0;
    options.models = {{"sentence", sentence},
                       {"classifier", classifierFolder},
                       {"cross", test::reference().folder("bert-cross-encoder")},
                       {"tiny", chatModel()}};
    serve::ApiServer server(std::move(options));
    const auto port = server.start();

    const std::vector<std::string> texts{"the cat sat", "a dog ran far", "the cat sat on the mat"};
    const auto embedder = TextEmbedder::open(sentence);
    const auto expected = embedder.embed(texts);
    const auto floats = postJson(port, "/v1/embeddings", {{"model", "sentence"}, {"input", texts}});
    ASSERT_EQ(floats.status, 200) << floats.body;
    const auto floatBody = floats.json();
    ASSERT_EQ(floatBody["data"].size(), 3u);
    for (std::size_t i = 0; i < texts.size(); ++i) {
        const auto values = floatBody["data"][i]["embedding"].get<std::vector<float>>();
        EXPECT_EQ(values, expected[i].values) << "text " << i;
    }
    const auto base64 = postJson(port, "/v1/embeddings", {{"model", "sentence"}, {"input", texts[0]}, {"encoding_format", "base64"}});
    ASSERT_EQ(base64.status, 200) << base64.body;
    EXPECT_TRUE(base64.json()["data"][0]["embedding"].is_string());

    const auto reranked = postJson(port, "/v1/rerank",
                                   {{"model", "sentence"}, {"query", texts[0]}, {"documents", {texts[1], texts[2], texts[0]}},
                                    {"top_n", 2}});
    ASSERT_EQ(reranked.status, 200) << reranked.body;
    const auto results = reranked.json()["results"];
    ASSERT_EQ(results.size(), 2u);
    EXPECT_EQ(results[0]["index"], 2) << "the query itself is the most relevant document";
    EXPECT_NEAR(results[0]["relevance_score"].get<double>(), 1.0, 1e-5);
    EXPECT_GE(results[0]["relevance_score"].get<double>(), results[1]["relevance_score"].get<double>());
    EXPECT_EQ(results[0]["document"]["text"], texts[0]);
    const auto bare = postJson(port, "/v1/rerank",
                               {{"model", "sentence"}, {"query", "x"}, {"documents", {{{"text", "y"}}}}, {"return_documents", false}});
    ASSERT_EQ(bare.status, 200) << bare.body;
    EXPECT_FALSE(bare.json()["results"][0].contains("document"));

    const auto classifier = TextClassifier::open(classifierFolder);
    const auto classes = classifier.classify(texts);
    const auto classified = postJson(port, "/v1/classify", {{"model", "classifier"}, {"input", texts}});
    ASSERT_EQ(classified.status, 200) << classified.body;
    const auto data = classified.json()["data"];
    ASSERT_EQ(data.size(), 3u);
    for (std::size_t i = 0; i < texts.size(); ++i) {
        EXPECT_EQ(data[i]["label"], classifier.labels()[classes[i].best]);
        EXPECT_EQ(data[i]["num_classes"], classifier.labels().size());
        EXPECT_EQ(data[i]["probs"].get<std::vector<double>>(), classes[i].probabilities);
    }

    // A cross-encoder reads the query with each document: the reference's scores (sigmoid
    // of its one logit for the pair), in order.
    const auto &pairs = test::reference().encoder("bert-cross-encoder").at("pairs");
    const auto query = pairs[0].at("query").get<std::string>();
    ASSERT_EQ(pairs[1].at("query"), query);
    const auto crossed = postJson(port, "/v1/rerank",
                                  {{"model", "cross"}, {"query", query},
                                   {"documents", {pairs[0].at("document"), pairs[1].at("document")}}});
    ASSERT_EQ(crossed.status, 200) << crossed.body;
    const auto wanted = std::vector<double>{pairs[0].at("probabilities")[0].get<double>(),
                                            pairs[1].at("probabilities")[0].get<double>()};
    const auto crossResults = crossed.json()["results"];
    ASSERT_EQ(crossResults.size(), 2u);
    const std::size_t best = wanted[0] >= wanted[1] ? 0 : 1;
    EXPECT_EQ(crossResults[0]["index"], best);
    for (const auto &result : crossResults)
        EXPECT_NEAR(result["relevance_score"].get<double>(), wanted[result["index"].get<std::size_t>()], 1e-5);
    EXPECT_EQ(crossed.json()["usage"]["total_tokens"],
              pairs[0].at("ids").size() + pairs[1].at("ids").size()) << "each pair's tokens, specials included";

    EXPECT_API_ERROR(postJson(port, "/v1/rerank", {{"model", "sentence"}, {"query", ""}, {"documents", {"a"}}}), 400, "query");
    EXPECT_API_ERROR(postJson(port, "/v1/rerank", {{"model", "sentence"}, {"query", "q"}, {"documents", json::array()}}), 400,
                     "documents");
    EXPECT_API_ERROR(postJson(port, "/v1/rerank", {{"model", "sentence"}, {"query", "q"}, {"documents", {"a"}}, {"top_n", 0}}),
                     400, "top_n");
    EXPECT_API_ERROR(postJson(port, "/v1/classify", {{"model", "classifier"}, {"input", ""}}), 400, "input");
    EXPECT_EQ(postJson(port, "/v1/classify", {{"model", "tiny"}, {"input", "hi"}}).status, 400) << "a causal LM is no classifier";
    EXPECT_API_ERROR(postJson(port, "/v1/rerank", {{"model", "absent"}, {"query", "q"}, {"documents", {"a"}}}), 404, "model",
                     "model_not_found");
}

// Importing a model over the management API: a background job whose progress events end
// in success, the model then registered with its name and tags; a folder that is no model
// ends failed with the reason; bad bodies, unknown ids and cancelling an ended import are
// refused.
TEST(ServeHttp, AModelImportRunsInTheBackgroundWithProgress)
{
    ManagedServer m;
    auto &[fixture, home, scheduler, training, registry, s, admin] = m;
    test::TempDir sources;
    const auto folder = sources.file("to-import");
    test::writeTinyModel(folder, test::TinyFamily::Llama);

    const auto started = postJson(s.port, "/api/models/import",
                                  {{"path", folder}, {"name", "imported-tiny"}, {"tags", {"from-api"}}}, "admin");
    ASSERT_EQ(started.status, 202) << started.body;
    const auto id = started.json()["id"].get<std::string>();
    const auto events = httpCall(s.port, {"GET", "/api/models/imports/" + id + "/events", {}, admin});
    ASSERT_EQ(events.status, 200) << events.body;
    const auto data = events.events();
    ASSERT_GE(data.size(), 2u);
    EXPECT_EQ(data.back(), "[DONE]");
    const auto last = json::parse(data[data.size() - 2]);
    EXPECT_EQ(last["state"], "succeeded") << events.body;
    EXPECT_EQ(last["model"]["name"], "imported-tiny");
    EXPECT_EQ(last["bytes_done"], last["bytes_total"]);
    const auto record = registry.find("imported-tiny");
    ASSERT_TRUE(record.has_value());
    EXPECT_EQ(record->tags, std::vector<std::string>{"from-api"});
    EXPECT_EQ(httpCall(s.port, {"GET", "/api/models/imports/" + id, {}, admin}).json()["state"], "succeeded");
    EXPECT_API_ERROR(httpCall(s.port, {"POST", "/api/models/imports/" + id + "/cancel", {}, admin}), 409, "id",
                     "import_state_conflict");

    const auto empty = sources.file("not-a-model");
    std::filesystem::create_directories(empty);
    const auto failing = postJson(s.port, "/api/models/import", {{"path", empty}}, "admin");
    ASSERT_EQ(failing.status, 202) << failing.body;
    const auto failedEvents =
        httpCall(s.port, {"GET", "/api/models/imports/" + failing.json()["id"].get<std::string>() + "/events", {}, admin})
            .events();
    ASSERT_GE(failedEvents.size(), 2u);
    const auto failed = json::parse(failedEvents[failedEvents.size() - 2]);
    EXPECT_EQ(failed["state"], "failed");
    EXPECT_FALSE(failed["error"].get<std::string>().empty());

    EXPECT_API_ERROR(postJson(s.port, "/api/models/import", json::object(), "admin"), 400, "path");
    EXPECT_API_ERROR(postJson(s.port, "/api/models/import", {{"path", sources.file("absent")}}, "admin"), 400, "path");
    EXPECT_API_ERROR(postJson(s.port, "/api/models/import", {{"path", folder}, {"tags", "x"}}, "admin"), 400, "tags");
    EXPECT_API_ERROR(httpCall(s.port, {"GET", "/api/models/imports/imp-nothing", {}, admin}), 404, "id", "import_not_found");
    EXPECT_API_ERROR(postJson(s.port, "/api/models/import", {{"path", folder}}, "app"), 403, {}, "insufficient_scope");
}

// Model loads are admitted by memory: with room for one tiny model, using the second
// unloads the first (idle); while the first is in use, the second is refused with 503
// insufficient_memory (and Retry-After over HTTP), and the first keeps answering.
TEST(ServeHttp, ModelLoadsAreAdmittedByMemory)
{
    test::TempDir dir;
    const auto other = dir.file("other");
    test::writeTinyModel(other, test::TinyFamily::Llama, 11);
    const auto each = serve::ModelPool::loadEstimate(chatModel());
    ASSERT_GT(each, 0u);
    serve::ModelPool pool({{"tiny", chatModel()}, {"other", other}});
    pool.setMemoryProbe([each] { return each + each / 2; }); // room for one, as if the other held the rest
    pool.withGenerator("tiny", [](ContinuousBatcher &) {});
    EXPECT_EQ(pool.loaded(), std::vector<std::string>{"tiny"});
    pool.setMemoryProbe([each] { return each / 2; }); // with "tiny" loaded, half a model is free
    pool.withGenerator("other", [](ContinuousBatcher &) {});
    EXPECT_EQ(pool.loaded(), std::vector<std::string>{"other"}) << "the idle model made room";

    pool.withGenerator("other", [&](ContinuousBatcher &) {
        std::thread([&] {
            try {
                pool.withGenerator("tiny", [](ContinuousBatcher &) {});
                ADD_FAILURE() << "loaded although the model in use left no room";
            } catch (const serve::ApiError &error) {
                EXPECT_EQ(error.status(), 503);
                EXPECT_EQ(error.code(), "insufficient_memory");
            }
        }).join();
    });
    EXPECT_EQ(pool.loaded(), std::vector<std::string>{"other"});
}

// With the management API, every route's success is described, with a JSON schema (or an
// event stream), and the bodies the management routes take are described too.
TEST(ServeHttp, OpenApiDescribesTheManagementBodies)
{
    ManagedServer m;
    const auto doc = httpCall(m.s.port, {"GET", "/openapi.json"}).json();
    int described = 0;
    for (const auto &[path, methods] : doc["paths"].items())
        for (const auto &[method, operation] : methods.items()) {
            std::string success;
            for (const auto &[status, body] : operation["responses"].items())
                if (status.front() == '2')
                    success = status;
            ASSERT_FALSE(success.empty()) << method << " " << path;
            const auto &ok = operation["responses"][success];
            if (path == "/openapi.json")
                continue;
            EXPECT_TRUE(ok.contains("content")) << method << " " << path << ": no schema for its answer";
            described += ok.contains("content");
        }
    EXPECT_GT(described, 25);
    const auto &import = doc["paths"]["/api/models/import"]["post"];
    EXPECT_EQ(import["requestBody"]["content"]["application/json"]["schema"]["required"], json::array({"path"}));
    EXPECT_TRUE(import["responses"].contains("202"));
    EXPECT_TRUE(doc["paths"]["/api/sweeps"]["post"].contains("requestBody"));
    EXPECT_TRUE(doc["paths"]["/api/jobs"]["post"]["responses"].contains("201"));
}

namespace {

// A multipart/form-data upload as the official clients send one.
test::HttpReply upload(std::uint16_t port, const std::string &filename, const std::string &content,
                       const std::string &purpose = "fine-tune", const std::string &key = "admin")
{
    const std::string boundary = "----llmos-test-boundary";
    std::string body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\n" + purpose +
                       "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" +
                       filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + content + "\r\n--" +
                       boundary + "--\r\n";
    return httpCall(port, {"POST", "/v1/files", body,
                           {{"Authorization", "Bearer " + key},
                            {"Content-Type", "multipart/form-data; boundary=" + boundary}}});
}

json changed(json body, const json &fields)
{
    body.update(fields);
    return body;
}

std::string chatExamples(int count)
{
    std::string lines;
    for (int i = 0; i < count; ++i)
        lines += json{{"messages", json::array({{{"role", "user"}, {"content", "tell me a joke " + std::to_string(i)}},
                                                {{"role", "assistant"}, {"content", "the fox jumps over the dog"}}})}}
                     .dump() +
                 "\n";
    return lines;
}

// A job that holds the scheduler's one worker until released, so that a job submitted
// after it stays queued for as long as a test needs.
struct WorkersHeld {
    std::promise<void> release;
    std::shared_future<void> released = release.get_future().share();

    explicit WorkersHeld(JobScheduler &scheduler)
    {
        auto started = std::make_shared<std::promise<void>>();
        auto running = started->get_future();
        JobSpec spec;
        spec.name = "holder";
        spec.kind = "test";
        spec.body = [future = released, started](JobContext &) {
            started->set_value();
            future.wait();
            return JobOutcome::Succeeded;
        };
        scheduler.submit(std::move(spec));
        running.wait();
    }
    ~WorkersHeld() { release.set_value(); }
};

} // namespace

// OpenAI's fine-tuning API end to end: chat examples uploaded as a multipart form (bad files
// refused with their lines), a job on a registered model that trains with a validation
// file, its events, checkpoints and OpenAI-shaped job object, the fine-tuned model served at
// once; cancel, files in use, pagination and the errors of each route.
TEST(ServeHttp, AnOpenAiFineTuningJobRunsEndToEnd)
{
    ManagedServer m;
    auto &[fixture, home, scheduler, training, registry, s, admin] = m;
    const auto modelFolder = home.file("chat-model");
    test::writeTinyModel(modelFolder, test::TinyFamily::Llama);
    test::writeChatMlTokenizerConfig(modelFolder);
    ImportOptions importing;
    importing.name = "tiny-chat";
    registry.importModel(modelFolder, importing);

    // Uploads: a good file, one with a bad line (refused, not kept), a wrong purpose.
    const auto uploaded = upload(s.port, "/home/someone/jokes.jsonl", chatExamples(6));
    ASSERT_EQ(uploaded.status, 200) << uploaded.body;
    const auto file = uploaded.json();
    EXPECT_EQ(file["object"], "file");
    EXPECT_EQ(file["filename"], "jokes.jsonl") << "no folder is kept";
    EXPECT_EQ(file["purpose"], "fine-tune");
    EXPECT_EQ(file["bytes"], chatExamples(6).size());
    const auto fileId = file["id"].get<std::string>();
    const auto validation = upload(s.port, "valid.jsonl", chatExamples(2)).json()["id"].get<std::string>();
    const auto bad = upload(s.port, "bad.jsonl", chatExamples(1) + "{\"text\": \"no messages\"}\n");
    EXPECT_API_ERROR(bad, 400, "file", "invalid_file_format");
    EXPECT_NE(bad.body.find("line 2"), std::string::npos) << bad.body;
    EXPECT_API_ERROR(upload(s.port, "a.jsonl", chatExamples(1), "assistants"), 400, "purpose", "invalid_purpose");
    EXPECT_API_ERROR(upload(s.port, "a.jsonl", chatExamples(1), "fine-tune", "app"), 403, {}, "insufficient_scope");
    EXPECT_EQ(httpCall(s.port, {"GET", "/v1/files", {}, admin}).json()["data"].size(), 2u) << "the bad file is gone";
    const auto content = httpCall(s.port, {"GET", "/v1/files/" + fileId + "/content", {}, admin});
    EXPECT_EQ(content.body, chatExamples(6));
    EXPECT_API_ERROR(httpCall(s.port, {"GET", "/v1/files/file-..%2F..%2Fetc", {}, admin}), 404, "file_id", "file_not_found");

    const json request{{"model", "tiny-chat"},
                       {"training_file", fileId},
                       {"validation_file", validation},
                       {"suffix", "jokes"},
                       {"seed", 3},
                       {"method", {{"type", "supervised"},
                                   {"supervised", {{"hyperparameters", {{"n_epochs", 2}, {"batch_size", 2}}}}}}},
                       {"llmos_recipe", {{"training", {{"checkpoint_every", 2}}}, {"optimizer", {{"lr", 1e-2}}}}}};
    EXPECT_API_ERROR(postJson(s.port, "/v1/fine_tuning/jobs", changed(request, {{"model", "nope"}}), "admin"), 404,
                     "model", "model_not_found");
    EXPECT_API_ERROR(postJson(s.port, "/v1/fine_tuning/jobs",
                              changed(request, {{"training_file", "file-aaaaaaaaaaaaaaaaaaaaaaaa"}}), "admin"),
                     404, "training_file", "file_not_found");

    std::string jobId, cancelledId;
    {
        WorkersHeld held(scheduler);
        const auto created = postJson(s.port, "/v1/fine_tuning/jobs", request, "admin");
        ASSERT_EQ(created.status, 200) << created.body;
        EXPECT_EQ(created.json()["status"], "queued");
        EXPECT_TRUE(created.json()["fine_tuned_model"].is_null());
        jobId = created.json()["id"].get<std::string>();
        EXPECT_API_ERROR(httpCall(s.port, {"DELETE", "/v1/files/" + fileId, {}, admin}), 409, "file_id", "file_in_use");

        cancelledId = postJson(s.port, "/v1/fine_tuning/jobs", request, "admin").json()["id"].get<std::string>();
        const auto cancelled = httpCall(s.port, {"POST", "/v1/fine_tuning/jobs/" + cancelledId + "/cancel", {}, admin});
        ASSERT_EQ(cancelled.status, 200) << cancelled.body;
        EXPECT_EQ(cancelled.json()["status"], "cancelled");
        EXPECT_API_ERROR(httpCall(s.port, {"POST", "/v1/fine_tuning/jobs/" + cancelledId + "/cancel", {}, admin}), 409,
                         "fine_tuning_job_id", "job_state_conflict");
    }
    ASSERT_EQ(scheduler.wait(*serve::runIdOfFineTuningJob(jobId)), JobState::Succeeded);

    const auto job = httpCall(s.port, {"GET", "/v1/fine_tuning/jobs/" + jobId, {}, admin}).json();
    EXPECT_EQ(job["object"], "fine_tuning.job");
    EXPECT_EQ(job["status"], "succeeded") << job.dump();
    EXPECT_EQ(job["model"], "tiny-chat");
    EXPECT_EQ(job["training_file"], fileId);
    EXPECT_EQ(job["validation_file"], validation);
    EXPECT_EQ(job["hyperparameters"], (json{{"n_epochs", 2}, {"batch_size", 2}, {"learning_rate_multiplier", 1.0}}));
    EXPECT_GT(job["trained_tokens"].get<std::int64_t>(), 0);
    EXPECT_TRUE(job["finished_at"].is_number_integer());
    const auto fineTuned = job["fine_tuned_model"].get<std::string>();
    EXPECT_TRUE(fineTuned.starts_with("ft:tiny-chat:jokes:")) << fineTuned;
    EXPECT_TRUE(registry.find(fineTuned).has_value()) << "registered under the job's name";

    // Events, newest first, in pages.
    const auto events = httpCall(s.port, {"GET", "/v1/fine_tuning/jobs/" + jobId + "/events?limit=100", {}, admin}).json();
    ASSERT_GE(events["data"].size(), 4u) << events.dump();
    EXPECT_EQ(events["data"][0]["message"], "The job has successfully completed");
    bool sawTrainLoss = false, sawValidLoss = false;
    for (const auto &event : events["data"]) {
        EXPECT_EQ(event["object"], "fine_tuning.job.event");
        sawTrainLoss = sawTrainLoss || event["data"].contains("train_loss");
        sawValidLoss = sawValidLoss || event["data"].contains("valid_loss");
        EXPECT_EQ(event["message"].get<std::string>().find(home.path()), std::string::npos) << "no local paths";
    }
    EXPECT_TRUE(sawTrainLoss && sawValidLoss) << events.dump();
    const auto first = httpCall(s.port, {"GET", "/v1/fine_tuning/jobs/" + jobId + "/events?limit=2", {}, admin}).json();
    ASSERT_EQ(first["data"].size(), 2u);
    EXPECT_TRUE(first["has_more"].get<bool>());
    const auto next = httpCall(s.port, {"GET", "/v1/fine_tuning/jobs/" + jobId + "/events?limit=2&after=" +
                                                   first["data"][1]["id"].get<std::string>(), {}, admin}).json();
    EXPECT_EQ(next["data"][0], events["data"][2]);
    EXPECT_API_ERROR(httpCall(s.port, {"GET", "/v1/fine_tuning/jobs/" + jobId + "/events?limit=0", {}, admin}), 400, "limit");

    const auto checkpoints = httpCall(s.port, {"GET", "/v1/fine_tuning/jobs/" + jobId + "/checkpoints", {}, admin}).json();
    ASSERT_FALSE(checkpoints["data"].empty()) << checkpoints.dump();
    EXPECT_EQ(checkpoints["data"][0]["object"], "fine_tuning.job.checkpoint");
    EXPECT_EQ(checkpoints["data"][0]["step_number"].get<int>() % 2, 0) << "every 2 steps";
    EXPECT_TRUE(checkpoints["data"][0]["metrics"].contains("train_loss")) << checkpoints.dump();

    // The fine-tuned model is served at once.
    const auto models = httpCall(s.port, {"GET", "/v1/models", {}, admin}).json();
    EXPECT_NE(models.dump().find(fineTuned), std::string::npos) << models.dump();
    auto chat = chatBody();
    chat["model"] = fineTuned;
    const auto reply = postJson(s.port, "/v1/chat/completions", chat, "app");
    ASSERT_EQ(reply.status, 200) << reply.body;
    EXPECT_EQ(reply.json()["model"], fineTuned);

    const auto jobs = httpCall(s.port, {"GET", "/v1/fine_tuning/jobs", {}, admin}).json();
    ASSERT_EQ(jobs["data"].size(), 2u);
    EXPECT_EQ(jobs["data"][0]["id"], cancelledId) << "newest first";
    EXPECT_EQ(jobs["data"][0]["status"], "cancelled");
    EXPECT_FALSE(jobs["has_more"].get<bool>());
    EXPECT_API_ERROR(httpCall(s.port, {"GET", "/v1/fine_tuning/jobs/ftjob-nope", {}, admin}), 404, "fine_tuning_job_id");
    EXPECT_API_ERROR(httpCall(s.port, {"GET", "/v1/fine_tuning/jobs/ftjob-..%2F..", {}, admin}), 404);

    // Once the jobs have ended the file can go.
    const auto deleted = httpCall(s.port, {"DELETE", "/v1/files/" + fileId, {}, admin});
    ASSERT_EQ(deleted.status, 200) << deleted.body;
    EXPECT_TRUE(deleted.json()["deleted"].get<bool>());
    EXPECT_API_ERROR(httpCall(s.port, {"GET", "/v1/files/" + fileId, {}, admin}), 404, "file_id", "file_not_found");
}

// Uploads have their own, larger body limit (and only on their path), and a body that is
// not a well-formed form is refused with what is wrong.
TEST(ServeHttp, UploadsHaveTheirOwnLimitAndFormsAreChecked)
{
    ManagedServer m([](serve::ServerOptions &o) {
        o.limits.maxBodyBytes = 1024;
        o.limits.maxUploadBytes = 64 * 1024;
    });
    const auto port = m.s.port;
    const auto examples = chatExamples(100); // about 12 KB: above the body limit, below the upload limit
    ASSERT_GT(examples.size(), 1024u);
    const auto accepted = upload(port, "big.jsonl", examples);
    EXPECT_EQ(accepted.status, 200) << accepted.body;
    EXPECT_API_ERROR(upload(port, "huge.jsonl", chatExamples(600)), 413, {}, "request_too_large");
    EXPECT_API_ERROR(postJson(port, "/api/jobs", {{"pad", std::string(2000, 'x')}}, "admin"), 413);
    EXPECT_API_ERROR(httpCall(port, {"POST", "/v1/files", "--x\r\n", {{"Authorization", "Bearer admin"},
                                                                         {"Content-Type", "multipart/form-data; boundary=x"}}}),
                     400, {}, "invalid_multipart");
    EXPECT_API_ERROR(httpCall(port, {"POST", "/v1/files", "{}", {{"Authorization", "Bearer admin"},
                                                                 {"Content-Type", "application/json"}}}),
                     400, {}, "invalid_content_type");
}

