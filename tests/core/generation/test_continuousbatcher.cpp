// ContinuousBatcher on tiny random models (Llama and GPT-2): concurrent callers whose
// sequences join and leave one running batch get what each would get alone (greedy and
// seeded sampling), sequences of different lengths and prompts share steps (the counters
// show batches bigger than one), a caller that cancels or whose callback says stop ends
// alone, and bad requests are refused before anything runs.
#include "generation/continuousbatcher.h"
#include "generation/textgenerator.h"
#include "tinymodel.h"
#include "util/error.h"

#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <latch>
#include <thread>

using namespace llmos;

namespace {


GenerationRequest request(const TextGenerator &generator, const std::string &prompt, std::int64_t maxNewTokens,
                          double temperature = 0, std::uint64_t seed = 0)
{
    GenerationRequest r;
    r.promptIds = generator.encode(prompt);
    r.maxNewTokens = maxNewTokens;
    r.sampling.temperature = temperature;
    r.sampling.seed = seed;
    r.ignoreEos = true;
    return r;
}

class BatcherFamilies : public ::testing::TestWithParam<test::TinyFamily> {
protected:
    TextGenerator open() const
    {
        return TextGenerator::open(test::sharedTinyModel(GetParam()), {.device = "cpu"});
    }
};

} // namespace

// Eight callers at once, prompts of different lengths, greedy and sampled, asking for
// different numbers of tokens: each gets exactly what generate() gives it alone.
TEST_P(BatcherFamilies, ConcurrentCallersGetWhatTheyWouldGetAlone)
{
    const auto generator = open();
    ContinuousBatcher batcher(generator);
    const std::vector<std::string> prompts = {"Once upon a time", "A", "The quick brown fox jumps over", "Hello",
                                              "In the beginning was the word, and", "xyz", "Tell me", "42"};
    std::vector<GenerationRequest> requests;
    for (std::size_t i = 0; i < prompts.size(); ++i)
        requests.push_back(request(generator, prompts[i], 6 + 3 * static_cast<std::int64_t>(i),
                                   i % 2 ? 0.8 : 0.0, 100 + i));
    std::vector<GenerationResult> alone;
    for (const auto &r : requests)
        alone.push_back(generator.generate(r));

    std::latch start(static_cast<std::ptrdiff_t>(requests.size()));
    std::vector<std::future<GenerationResult>> together;
    for (const auto &r : requests)
        together.push_back(std::async(std::launch::async, [&, r] {
            start.arrive_and_wait();
            return batcher.generate(std::span(&r, 1)).front();
        }));
    for (std::size_t i = 0; i < requests.size(); ++i) {
        const auto result = together[i].get();
        EXPECT_EQ(result.ids, alone[i].ids) << "request " << i;
        EXPECT_EQ(result.text, alone[i].text) << "request " << i;
        EXPECT_EQ(result.finishReason, FinishReason::Length);
        EXPECT_GT(result.timeToFirstToken, 0.0);
    }
    const auto counters = batcher.counters();
    EXPECT_GT(counters.mostRows, 1u) << "the callers never shared a step";
    EXPECT_LT(counters.steps, 6u + 9 + 12 + 15 + 18 + 21 + 24 + 27) << "no step was shared";
}

// A caller that arrives while another is mid-way joins the running batch at once (it
// does not wait for the first to end) and both still get their own output. The batch is
// held at its third step until the second caller waits to join, so the order is certain.
TEST_P(BatcherFamilies, ALateCallerJoinsTheRunningBatch)
{
    const auto generator = open();
    std::atomic<int> steps{0};
    ContinuousBatcher *self = nullptr;
    ContinuousBatcherOptions options;
    options.beforeStep = [&](std::int64_t, const std::stop_token &) {
        if (++steps == 3)
            while (self->waitingCalls() == 0)
                std::this_thread::yield();
    };
    ContinuousBatcher batcher(generator, options);
    self = &batcher;
    const auto longRequest = request(generator, "Once upon a time there was", 40);
    const auto shortRequest = request(generator, "Hi", 5, 0.7, 3);
    auto first = std::async(std::launch::async, [&] { return batcher.generate(std::span(&longRequest, 1)).front(); });
    while (steps.load() < 3)
        std::this_thread::yield();
    const auto second = batcher.generate(std::span(&shortRequest, 1)).front();
    const auto firstResult = first.get();
    EXPECT_EQ(second.ids, generator.generate(shortRequest).ids);
    EXPECT_EQ(firstResult.ids, generator.generate(longRequest).ids);
    EXPECT_EQ(batcher.counters().mostRows, 2u) << "the late caller waited for the first to finish";
}

// n choices in one call, next to another call: results in request order, each its own.
TEST_P(BatcherFamilies, SeveralSequencesOfOneCall)
{
    const auto generator = open();
    ContinuousBatcher batcher(generator);
    std::vector<GenerationRequest> choices = {request(generator, "The", 8, 1.0, 1), request(generator, "The", 8, 1.0, 2),
                                              request(generator, "The", 12, 1.0, 3)};
    const auto other = request(generator, "Another prompt entirely", 10);
    auto otherResult = std::async(std::launch::async, [&] { return batcher.generate(std::span(&other, 1)).front(); });
    std::vector<std::size_t> seen; // sequences of the tokens delivered (not the text released at the end)
    const auto results = batcher.generate(choices, [&](const GeneratedToken &token) {
        if (token.id != GeneratedToken::kNoToken)
            seen.push_back(token.sequence);
        return true;
    });
    ASSERT_EQ(results.size(), 3u);
    const auto alone = generator.generateBatch(choices);
    for (std::size_t i = 0; i < 3; ++i)
        EXPECT_EQ(results[i].ids, alone[i].ids) << "choice " << i;
    EXPECT_EQ(otherResult.get().ids, generator.generate(other).ids);
    for (std::size_t i = 0; i < 3; ++i)
        EXPECT_EQ(std::count(seen.begin(), seen.end(), i), static_cast<long>(results[i].ids.size()));
}

// The same call twice gives the same sequences: nothing in a step depends on timing.
TEST_P(BatcherFamilies, TheSameCallTwiceGivesTheSameSequences)
{
    const auto generator = open();
    ContinuousBatcher batcher(generator);
    std::vector<GenerationRequest> choices;
    for (std::uint64_t i = 0; i < 3; ++i) {
        choices.push_back(request(generator, "Once", 8, 1.0, 11 + i));
        choices.back().ignoreEos = false; // sequences may end at different steps
    }
    const auto first = batcher.generate(choices);
    const auto again = batcher.generate(choices);
    for (std::size_t i = 0; i < 3; ++i)
        EXPECT_EQ(first[i].ids, again[i].ids) << "choice " << i;
}

// Cancelling one caller ends its sequence at the next step; the caller beside it goes on
// to the end. The batch is held until both run, and the cancel comes from within a step,
// so the order is certain however fast the tiny model is.
TEST_P(BatcherFamilies, ACancelledCallerEndsAloneWhileTheOtherGoesOn)
{
    const auto generator = open();
    std::stop_source source;
    ContinuousBatcher *self = nullptr;
    std::atomic<int> steps{0};
    ContinuousBatcherOptions options;
    options.beforeStep = [&](std::int64_t rows, const std::stop_token &) {
        ++steps;
        if (rows == 1 && steps == 1)
            while (self->waitingCalls() == 0) // the second caller is queued: both run from the next step
                std::this_thread::yield();
        if (rows == 2 && !source.stop_requested())
            source.request_stop();
    };
    ContinuousBatcher batcher(generator, options);
    self = &batcher;
    const auto cancel = request(generator, "Cancel me", 200);
    const auto keep = request(generator, "Keep going", 40);
    auto cancelled = std::async(std::launch::async, [&] {
        return batcher.generate(std::span(&cancel, 1), {}, source.get_token()).front();
    });
    while (steps.load() == 0)
        std::this_thread::yield();
    const auto kept = batcher.generate(std::span(&keep, 1)).front();
    const auto c = cancelled.get();
    EXPECT_EQ(c.finishReason, FinishReason::Cancelled);
    EXPECT_LE(c.ids.size(), 3u); // the first token, the step it waited in, the step that saw the cancel
    EXPECT_EQ(kept.finishReason, FinishReason::Length);
    EXPECT_EQ(kept.ids, generator.generate(keep).ids);
}

// A callback that says stop ends its sequence a step or two later (the batch runs on while
// the caller's thread takes the tokens; here it is held until the caller has answered).
TEST_P(BatcherFamilies, ACallbackThatSaysStopEndsItsSequence)
{
    const auto generator = open();
    std::atomic<bool> saidStop{false};
    ContinuousBatcherOptions options;
    options.beforeStep = [&](std::int64_t, const std::stop_token &) {
        while (!saidStop.load())
            std::this_thread::yield();
    };
    ContinuousBatcher batcher(generator, options);
    const auto stopped = request(generator, "Stop me", 200);
    const auto result = batcher.generate(std::span(&stopped, 1), [&](const GeneratedToken &) {
        saidStop = true;
        return false;
    }).front();
    EXPECT_EQ(result.finishReason, FinishReason::CallbackStopped);
    EXPECT_LE(result.ids.size(), 2u);
}

// A call whose client has gone while it waits to join (the batch is full) ends cancelled
// at once, without waiting for room: the batch is held until it has.
TEST_P(BatcherFamilies, AnAbandonedWaitingCallEndsWithoutJoining)
{
    const auto generator = open();
    std::atomic<bool> waitingEnded{false};
    std::atomic<bool> held{false};
    ContinuousBatcherOptions options;
    options.maxRows = 1;
    options.beforeStep = [&](std::int64_t, const std::stop_token &stopping) {
        held = true;
        while (!waitingEnded.load() && !stopping.stop_requested())
            std::this_thread::yield();
    };
    ContinuousBatcher batcher(generator, options);
    const auto running = request(generator, "Running", 20);
    const auto waiting = request(generator, "Waiting", 20);
    auto first = std::async(std::launch::async, [&] { return batcher.generate(std::span(&running, 1)).front(); });
    while (!held.load()) // the first call runs (and is held) before the second arrives
        std::this_thread::yield();
    std::atomic<bool> gone{false};
    auto second = std::async(std::launch::async, [&] {
        auto result = batcher.generate(std::span(&waiting, 1), {}, {}, [&] { return gone.load(); }).front();
        waitingEnded = true;
        return result;
    });
    while (batcher.waitingCalls() == 0)
        std::this_thread::yield();
    gone = true;
    const auto abandoned = second.get();
    EXPECT_EQ(abandoned.finishReason, FinishReason::Cancelled);
    EXPECT_TRUE(abandoned.ids.empty());
    EXPECT_EQ(first.get().ids, generator.generate(running).ids);
}

TEST_P(BatcherFamilies, BadRequestsAreRefusedBeforeAnythingRuns)
{
    const auto generator = open();
    ContinuousBatcher batcher(generator);
    auto bad = request(generator, "x", 4);
    bad.promptIds.push_back(1 << 30);
    try {
        batcher.generate(std::span(&bad, 1));
        FAIL() << "an id outside the vocabulary was accepted";
    } catch (const Error &e) {
        EXPECT_EQ(e.kind(), ErrorKind::InvalidInput);
    }
    EXPECT_EQ(batcher.counters().steps, 0u);
    const auto none = request(generator, "zero tokens", 0);
    const auto result = batcher.generate(std::span(&none, 1)).front();
    EXPECT_TRUE(result.ids.empty());
    EXPECT_EQ(result.finishReason, FinishReason::Length);
}

// The batcher going away ends what runs and what waits as cancelled rather than leaving
// its callers waiting. One row at most, so the second call waits; the batch is held at its
// first step until the destructor asks it to stop.
TEST_P(BatcherFamilies, DestroyingTheBatcherCancelsWhatRunsAndWaits)
{
    const auto generator = open();
    std::promise<void> held;
    ContinuousBatcherOptions options;
    options.maxRows = 1;
    options.beforeStep = [&, first = true](std::int64_t, const std::stop_token &stopping) mutable {
        if (!first)
            return;
        first = false;
        held.set_value();
        while (!stopping.stop_requested())
            std::this_thread::yield();
    };
    auto batcher = std::make_unique<ContinuousBatcher>(generator, options);
    const auto running = request(generator, "on and on", 50);
    const auto waiting = request(generator, "my turn", 50);
    auto a = std::async(std::launch::async, [&] { return batcher->generate(std::span(&running, 1)).front(); });
    held.get_future().wait();
    auto b = std::async(std::launch::async, [&] { return batcher->generate(std::span(&waiting, 1)).front(); });
    while (batcher->waitingCalls() == 0)
        std::this_thread::yield();
    batcher.reset();
    const auto ra = a.get();
    const auto rb = b.get();
    EXPECT_EQ(ra.finishReason, FinishReason::Cancelled);
    EXPECT_LE(ra.ids.size(), 2u); // the first token, and the step it was held at
    EXPECT_EQ(rb.finishReason, FinishReason::Cancelled);
    EXPECT_TRUE(rb.ids.empty());
}

INSTANTIATE_TEST_SUITE_P(Tiny, BatcherFamilies, ::testing::Values(test::TinyFamily::Llama, test::TinyFamily::Gpt2),
                         [](const auto &info) { return info.param == test::TinyFamily::Llama ? "Llama" : "Gpt2"; });
