#pragma once

#include "generation/textgenerator.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <stop_token>
#include <vector>

namespace llmos {

struct ContinuousBatcherOptions {
    // Sequences decoded together at most; a call with more runs alone.
    std::int64_t maxRows = 16;
    // Called on the batch thread before each decode step with the rows it will decode and
    // the batch thread's stop token (tracing; tests hold the batch here to order events).
    std::function<void(std::int64_t rows, const std::stop_token &stopping)> beforeStep;
};

// Continuous batching: the generations of many callers on one model run together. One
// thread of its own owns a running batch (one KV cache, left-padded, with an attention
// mask); between decode steps it prefills the calls that arrived and merges them into the
// batch, and drops the sequences that finished, so a new request waits for at most one
// step, not for the others to end, and N concurrent streams share each step's pass over
// the weights. Each sequence keeps its own sampler, seed, stops and logprobs, so what a
// request produces does not depend on what else is in the batch (up to the float
// rounding of a batched matmul). When one sequence is left and it has no padding, the
// model's batch-1 fast path runs as it does for generate().
//
// generate() blocks its caller like TextGenerator::generateBatch and calls `onToken` on
// the caller's thread (tokens are handed over through a queue), so a slow client never
// holds up the batch. Models with prompt-tuning virtual tokens are not batched across
// calls: their calls run one at a time.
class ContinuousBatcher {
public:
    // `generator` must outlive the batcher.
    explicit ContinuousBatcher(const TextGenerator &generator, ContinuousBatcherOptions options = {});
    // Stops the batch thread; calls still running end with FinishReason::Cancelled.
    ~ContinuousBatcher();

    ContinuousBatcher(const ContinuousBatcher &) = delete;
    ContinuousBatcher &operator=(const ContinuousBatcher &) = delete;

    const TextGenerator &generator() const noexcept;

    // As TextGenerator::generateBatch: results in request order; the same errors for bad
    // requests (thrown before anything runs); an error of the model while this call's
    // sequences run is rethrown here. `abandoned` (optional) is asked every 100 ms while
    // the call waits, also before it joins the batch: true cancels it (a client that has
    // gone).
    std::vector<GenerationResult> generate(std::span<const GenerationRequest> requests, const TokenCallback &onToken = {},
                                           std::stop_token stop = {}, const std::function<bool()> &abandoned = {});

    // Decode steps run and the sequences they decoded (their ratio is the mean batch).
    struct Counters {
        std::uint64_t steps = 0;
        std::uint64_t rows = 0;
        std::uint64_t mostRows = 0; // the largest batch of one step
    };
    Counters counters() const;
    // Calls waiting to join the batch (it is full, or they arrived during a step).
    std::size_t waitingCalls() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace llmos
