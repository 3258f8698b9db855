// The router and access policy without a network (engine/serve/apirouter.h): routes with
// parameters, keys and their scope, what a handler's exceptions become (an engine error's
// path never reaches the client), an error after an event stream began; and the request
// workers' bounded queue.
#include "serve/apierror.h"
#include "serve/apirouter.h"
#include "serve/requestworkers.h"
#include "util/error.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <future>
#include <thread>

using namespace llmos;
using namespace llmos::serve;
using nlohmann::json;

namespace {

// Keeps what a handler wrote.
class RecordingWriter final : public ResponseWriter {
public:
    void send(HttpResponse r) override
    {
        response = std::move(r);
        m_answered = true;
    }
    bool beginEvents(std::vector<std::pair<std::string, std::string>>) override
    {
        m_answered = true;
        streaming = true;
        return true;
    }
    bool sendEvent(std::string_view data) override
    {
        events.emplace_back(data);
        return true;
    }
    void endEvents() override { ended = true; }
    bool clientGone() const override { return false; }
    bool answered() const override { return m_answered; }

    HttpResponse response;
    bool streaming = false;
    bool ended = false;
    std::vector<std::string> events;

private:
    bool m_answered = false;
};

HttpRequest request(std::string method, std::string target, std::string key = {})
{
    HttpRequest r{std::move(method), std::move(target), {}, {{"host", "127.0.0.1:8080"}}};
    if (!key.empty())
        r.headers.emplace_back("authorization", "Bearer " + key);
    return r;
}

RecordingWriter run(const ApiRouter &router, const HttpRequest &r)
{
    RecordingWriter writer;
    router.dispatch(r, writer);
    return writer;
}

ApiRouter routerWithKeys()
{
    AccessPolicy policy;
    policy.addKey("manager", KeyScope::Management);
    policy.addKey("app", KeyScope::Inference);
    ApiRouter router(std::move(policy));
    router.add("GET", "/api/models/{id}", RouteAccess::Management, "test route",
               [](const HttpRequest &, const RouteParams &params, ResponseWriter &writer) {
                   writer.send({200, "text/plain", params.find("id")->second, {}});
               });
    router.add("GET", "/v1/models", RouteAccess::Inference, "test route", [](const HttpRequest &, const RouteParams &, ResponseWriter &writer) {
        writer.send({200, "text/plain", "models", {}});
    });
    return router;
}

} // namespace

TEST(ApiRouter, RoutesCaptureParametersAndKeysHaveScopes)
{
    const auto router = routerWithKeys();
    EXPECT_EQ(run(router, request("GET", "/api/models/m-1?x=1", "manager")).response.body, "m-1");
    EXPECT_EQ(run(router, request("GET", "/api/models/m-1", "app")).response.status, 403);
    EXPECT_EQ(run(router, request("GET", "/api/models/m-1")).response.status, 401);
    EXPECT_EQ(run(router, request("GET", "/v1/models", "app")).response.status, 200);
    EXPECT_EQ(run(router, request("GET", "/v1/models", "manager")).response.status, 200);
    EXPECT_EQ(run(router, request("GET", "/api/models/m-1/extra", "manager")).response.status, 404);
    EXPECT_EQ(run(router, request("POST", "/v1/models", "manager")).response.status, 405);
    const auto envelope = json::parse(run(router, request("GET", "/v1/models", "bad")).response.body);
    EXPECT_EQ(envelope["error"]["type"], "authentication_error");
    EXPECT_EQ(envelope["error"]["code"], "invalid_api_key");
}

TEST(ApiRouter, HandlerExceptionsBecomeEnvelopesWithoutPaths)
{
    ApiRouter router{AccessPolicy{}};
    router.add("GET", "/engine", RouteAccess::Open, "test route", [](const HttpRequest &, const RouteParams &, ResponseWriter &) {
        throw Error(ErrorKind::NotFound, "/home/alice/models/secret/config.json", "the file is missing");
    });
    router.add("GET", "/bug", RouteAccess::Open, "test route", [](const HttpRequest &, const RouteParams &, ResponseWriter &) {
        throw std::runtime_error("std::vector at /home/alice/src/thing.cpp:12");
    });
    const auto engine = run(router, request("GET", "/engine"));
    EXPECT_EQ(engine.response.status, 404);
    EXPECT_EQ(engine.response.body.find("alice"), std::string::npos) << engine.response.body;
    EXPECT_NE(engine.response.body.find("the file is missing"), std::string::npos);
    const auto bug = run(router, request("GET", "/bug"));
    EXPECT_EQ(bug.response.status, 500);
    EXPECT_EQ(bug.response.body.find("alice"), std::string::npos) << bug.response.body;
}

TEST(ApiRouter, AFailureAfterTheStreamBeganEndsItWithAnErrorEvent)
{
    ApiRouter router{AccessPolicy{}};
    router.add("GET", "/stream", RouteAccess::Open, "test route", [](const HttpRequest &, const RouteParams &, ResponseWriter &writer) {
        writer.beginEvents();
        writer.sendEvent("{\"piece\": 1}");
        throw Error(ErrorKind::Internal, "model", "the model failed mid-way");
    });
    const auto writer = run(router, request("GET", "/stream"));
    ASSERT_TRUE(writer.streaming);
    ASSERT_EQ(writer.events.size(), 2u);
    EXPECT_EQ(json::parse(writer.events[1])["error"]["type"], "server_error");
    EXPECT_TRUE(writer.ended);
}

TEST(RequestWorkers, RefusesWhenTheQueueIsFull)
{
    RequestWorkers workers(1, 1);
    std::promise<void> release;
    auto released = release.get_future().share();
    std::promise<void> running;
    ASSERT_TRUE(workers.tryPost([&] {
        running.set_value();
        released.wait();
    }));
    running.get_future().wait(); // the one thread is busy
    EXPECT_TRUE(workers.tryPost([] {}));  // waits in the queue
    EXPECT_EQ(workers.queued(), 1u);
    EXPECT_FALSE(workers.tryPost([] {})); // the queue is full
    release.set_value();
    workers.stop();
    EXPECT_EQ(workers.queued(), 0u);
    EXPECT_FALSE(workers.tryPost([] {}));
}

// A key's requests in progress are capped; the next is a 429 until one ends. Without keys
// (loopback, one user) there is no cap.
TEST(ApiRouter, RequestsInProgressPerKeyAreCapped)
{
    AccessPolicy policy;
    policy.addKey("k", KeyScope::Inference);
    policy.addKey("other", KeyScope::Inference);
    ApiRouter router(std::move(policy), nullptr, 1);
    std::promise<void> entered, release;
    auto released = release.get_future().share();
    router.add("GET", "/slow", RouteAccess::Inference, "test route",
               [&](const HttpRequest &r, const RouteParams &, ResponseWriter &writer) {
                   if (r.target == "/slow?hold") {
                       entered.set_value();
                       released.wait();
                   }
                   writer.send({200, "text/plain", "done", {}});
               });
    std::thread holder([&] { run(router, request("GET", "/slow?hold", "k")); });
    entered.get_future().wait();
    const auto refused = run(router, request("GET", "/slow", "k"));
    EXPECT_EQ(refused.response.status, 429);
    EXPECT_EQ(json::parse(refused.response.body)["error"]["code"], "too_many_requests");
    EXPECT_EQ(run(router, request("GET", "/slow", "other")).response.status, 200) << "another key is not held up";
    release.set_value();
    holder.join();
    EXPECT_EQ(run(router, request("GET", "/slow", "k")).response.status, 200) << "free again once it ended";
}

TEST(HttpRequest, QueryParametersAreFoundByName)
{
    const auto r = request("DELETE", "/api/models/m?xforce=true&force=true&flag");
    EXPECT_EQ(r.query("force"), "true");
    EXPECT_EQ(r.query("xforce"), "true");
    EXPECT_EQ(r.query("flag"), "");
    EXPECT_FALSE(r.query("absent").has_value());
    EXPECT_FALSE(request("GET", "/plain").query("force").has_value());
}

TEST(AccessPolicy, AKeyKnownOnlyByItsDigestIsAccepted)
{
    AccessPolicy policy;
    EXPECT_FALSE(policy.addKeyDigest("not-a-digest", KeyScope::Inference));
    EXPECT_FALSE(policy.addKeyDigest(std::string(64, 'A'), KeyScope::Inference)); // upper case is not how it is kept
    ASSERT_TRUE(policy.addKeyDigest(AccessPolicy::digestOf("sk-window"), KeyScope::Inference));
    EXPECT_EQ(policy.keyCount(), 1u);
    const auto caller = policy.callerOf(request("GET", "/v1/models", "sk-window"));
    ASSERT_TRUE(caller);
    EXPECT_EQ(caller->key, 0);
    EXPECT_EQ(caller->scope, KeyScope::Inference);
    EXPECT_FALSE(policy.callerOf(request("GET", "/v1/models", "sk-windo")));
}

// The window's request log: one record per answered request, with the key's index, the
// route's pattern and the path without its query (which may carry anything), the model
// and tokens a generation handler notes; a stream is recorded when it ends.
TEST(ApiRouter, TheObserverGetsOneRecordPerRequest)
{
    auto router = routerWithKeys();
    router.add("POST", "/v1/stream", RouteAccess::Inference, "test route",
               [](const HttpRequest &, const RouteParams &, ResponseWriter &writer) {
                   writer.beginEvents();
                   writer.noteUsage("tiny", 3, 0.25);
                   writer.noteUsage("tiny", 2, 0.5); // a second choice: tokens add up, the first time stays
                   writer.sendEvent("[DONE]");
                   writer.endEvents();
               });
    std::vector<RequestRecord> records;
    router.setObserver([&records](const RequestRecord &record) { records.push_back(record); });

    run(router, request("GET", "/api/models/m-1?secret=1", "manager"));
    run(router, request("GET", "/api/models/m-1", "app"));
    run(router, request("POST", "/v1/stream", "app"));
    run(router, request("GET", "/nowhere"));
    ASSERT_EQ(records.size(), 4u);
    EXPECT_EQ(records[0].path, "/api/models/m-1");
    EXPECT_EQ(records[0].route, "/api/models/{id}");
    EXPECT_EQ(records[0].status, 200);
    EXPECT_EQ(records[0].key, 0);
    EXPECT_EQ(records[0].method, "GET");
    EXPECT_EQ(records[1].status, 403);
    EXPECT_EQ(records[1].key, 1); // the inference key, refused a management route
    EXPECT_EQ(records[2].status, 200);
    EXPECT_EQ(records[2].key, 1);
    EXPECT_EQ(records[2].model, "tiny");
    EXPECT_EQ(records[2].tokens, 5);
    EXPECT_DOUBLE_EQ(records[2].timeToFirstToken, 0.25);
    EXPECT_EQ(records[3].status, 404);
    EXPECT_EQ(records[3].route, "unmatched");
    for (const auto &record : records)
        EXPECT_GE(record.seconds, 0.0);
}
