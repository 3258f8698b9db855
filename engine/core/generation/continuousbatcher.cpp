#include "generation/continuousbatcher.h"

#include "generation/generatorstate.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <random>
#include <thread>

namespace llmos {

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

} // namespace

// One caller's generate(): its sequences (advanced on the batch thread) and the queue of
// tokens its thread delivers. The caller blocks until `done`, so the requests it points
// at outlive the call.
struct BatchedCall {
    BatchedCall(std::span<const GenerationRequest> requests, const TextGenerator::State &state, std::stop_token stop)
        : requests(requests)
        , linked(std::move(stop), [this] { cancel.request_stop(); })
        , stopSequence(std::make_unique<std::atomic<bool>[]>(requests.size()))
    {
        std::random_device device;
        const auto fallbackSeed = (static_cast<std::uint64_t>(device()) << 32) ^ device();
        sequences.reserve(requests.size());
        for (std::size_t i = 0; i < requests.size(); ++i)
            sequences.emplace_back(requests[i], *state.tokenizer, fallbackSeed + i);
    }

    std::span<const GenerationRequest> requests;
    // Cancelled by the caller's stop token, or by the caller when its client is gone.
    std::stop_source cancel;
    std::stop_callback<std::function<void()>> linked;
    Clock::time_point submitted = Clock::now();
    std::vector<Sequence> sequences;        // the batch thread's until `done`
    std::size_t unfinished = 0;             // batch thread only
    std::unique_ptr<std::atomic<bool>[]> stopSequence; // set by the caller: its callback said stop

    std::mutex mutex;
    std::condition_variable changed;
    std::deque<GeneratedToken> tokens;
    bool done = false;
    std::exception_ptr error;

    // The callback the batch thread's sampling sees: hand the token over, and stop the
    // sequence if the caller's callback asked to (one token late).
    TokenCallback relay()
    {
        return [this](const GeneratedToken &token) {
            {
                std::lock_guard lock(mutex);
                tokens.push_back(token);
            }
            changed.notify_one();
            return !stopSequence[token.sequence].load();
        };
    }
};

struct ContinuousBatcher::Impl {
    Impl(const TextGenerator &generator, const TextGenerator::State &state, ContinuousBatcherOptions options)
        : generator(generator)
        , state(state)
        , options(options)
        , batchable(state.model->promptTokens() == 0)
    {
        if (batchable)
            thread = std::jthread([this](std::stop_token stop) { run(stop); });
    }

    ~Impl()
    {
        if (thread.joinable()) {
            thread.request_stop();
            wake.notify_all();
            thread.join();
        }
    }

    void run(std::stop_token stop);
    void admit(const std::shared_ptr<BatchedCall> &call);
    void merge(const std::shared_ptr<BatchedCall> &call, KvCache cache, torch::Tensor mask);
    void cancelRequested();
    void step(const std::stop_token &stop);
    void dropFinished();
    void complete(BatchedCall &call, std::exception_ptr error = {});
    // Takes a call out of the pending queue; false when it has joined the batch already.
    bool withdraw(const std::shared_ptr<BatchedCall> &call)
    {
        std::lock_guard lock(mutex);
        const auto it = std::find(pending.begin(), pending.end(), call);
        if (it == pending.end())
            return false;
        pending.erase(it);
        return true;
    }
    void failAll(std::exception_ptr error);

    const TextGenerator &generator;
    const TextGenerator::State &state;
    ContinuousBatcherOptions options;
    bool batchable;
    std::mutex serial; // calls one at a time when not batchable

    std::mutex mutex; // pending and counters
    std::condition_variable_any wake;
    std::deque<std::shared_ptr<BatchedCall>> pending;
    Counters counters;

    // The running batch: batch thread only.
    struct Row {
        std::shared_ptr<BatchedCall> call;
        std::size_t index; // the sequence's index in its call
        std::int64_t padding; // masked slots in front of this row's tokens
    };
    std::vector<Row> rows;
    KvCache cache{0};
    torch::Tensor mask;             // [rows, cached tokens], CPU, 0 on padding
    std::vector<std::int64_t> next; // each row's last token: the next step's input

    std::jthread thread;
};

ContinuousBatcher::ContinuousBatcher(const TextGenerator &generator, ContinuousBatcherOptions options)
    : m_impl(std::make_unique<Impl>(generator, *generator.m_state, options))
{
}

ContinuousBatcher::~ContinuousBatcher() = default;

const TextGenerator &ContinuousBatcher::generator() const noexcept
{
    return m_impl->generator;
}

std::size_t ContinuousBatcher::waitingCalls() const
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->pending.size();
}

ContinuousBatcher::Counters ContinuousBatcher::counters() const
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->counters;
}

std::vector<GenerationResult> ContinuousBatcher::generate(std::span<const GenerationRequest> requests,
                                                          const TokenCallback &onToken, std::stop_token stop,
                                                          const std::function<bool()> &abandoned)
{
    auto &impl = *m_impl;
    if (!impl.batchable) {
        std::lock_guard lock(impl.serial);
        return impl.generator.generateBatch(requests, onToken, std::move(stop));
    }
    for (std::size_t i = 0; i < requests.size(); ++i)
        impl.state.checkRequest(requests[i], i);
    if (requests.empty())
        return {};
    auto call = std::make_shared<BatchedCall>(requests, impl.state, stop);
    {
        std::lock_guard lock(impl.mutex);
        impl.pending.push_back(call);
    }
    impl.wake.notify_all();

    std::deque<GeneratedToken> delivered;
    for (;;) {
        bool done = false;
        {
            std::unique_lock lock(call->mutex);
            // A call that waits to join gets no tokens: the abandoned check runs on a timer.
            call->changed.wait_for(lock, std::chrono::milliseconds(100),
                                   [&] { return call->done || !call->tokens.empty(); });
            delivered.swap(call->tokens);
            done = call->done;
        }
        if (!done && abandoned && !call->cancel.stop_requested() && abandoned()) {
            call->cancel.request_stop();
            if (impl.withdraw(call)) {
                // Still waiting to join: it ends here, and the batch thread never sees it.
                for (std::size_t i = 0; i < call->sequences.size(); ++i)
                    impl.state.finish(call->sequences[i], i, FinishReason::Cancelled, call->relay());
                impl.complete(*call);
            } else {
                impl.wake.notify_all(); // the batch thread ends it at the next step
            }
        }
        for (const auto &token : delivered)
            if (onToken && !onToken(token))
                call->stopSequence[token.sequence] = true;
        delivered.clear();
        if (done)
            break;
    }
    if (call->error)
        std::rethrow_exception(call->error);
    std::vector<GenerationResult> results;
    results.reserve(call->sequences.size());
    for (auto &sequence : call->sequences)
        results.push_back(std::move(sequence.result));
    return results;
}

void ContinuousBatcher::Impl::run(std::stop_token stop)
{
    c10::InferenceMode inference;
    while (!stop.stop_requested()) {
        std::vector<std::shared_ptr<BatchedCall>> arrived;
        {
            std::unique_lock lock(mutex);
            wake.wait(lock, stop, [&] { return !pending.empty() || !rows.empty(); });
            // Calls cancelled while they waited to join go to admit(), which ends them at once.
            for (auto it = pending.begin(); it != pending.end();) {
                if ((*it)->cancel.stop_requested()) {
                    arrived.push_back(std::move(*it));
                    it = pending.erase(it);
                } else {
                    ++it;
                }
            }
            // Calls join while there is room; one larger than the limit runs alone.
            auto room = options.maxRows - static_cast<std::int64_t>(rows.size());
            while (!pending.empty()) {
                const auto wanted = static_cast<std::int64_t>(pending.front()->requests.size());
                if (wanted > room && !(rows.empty() && arrived.empty()))
                    break;
                room -= wanted;
                arrived.push_back(std::move(pending.front()));
                pending.pop_front();
            }
        }
        if (stop.stop_requested())
            break;
        for (const auto &call : arrived)
            admit(call);
        cancelRequested();
        dropFinished();
        if (rows.empty())
            continue;
        try {
            step(stop);
        } catch (...) {
            failAll(std::current_exception());
            continue;
        }
        dropFinished();
    }
    // Stopping: whatever runs or waits ends as cancelled.
    for (auto &row : rows) {
        auto &sequence = row.call->sequences[row.index];
        if (!sequence.finished)
            state.finish(sequence, row.index, FinishReason::Cancelled, row.call->relay());
    }
    dropFinished();
    std::lock_guard lock(mutex);
    for (auto &call : pending) {
        for (std::size_t i = 0; i < call->sequences.size(); ++i)
            state.finish(call->sequences[i], i, FinishReason::Cancelled, call->relay());
        complete(*call);
    }
    pending.clear();
}

// Prefills a call's prompts as a batch of their own and merges them into the running batch.
void ContinuousBatcher::Impl::admit(const std::shared_ptr<BatchedCall> &call)
{
    const auto relay = call->relay();
    auto &sequences = call->sequences;
    if (call->cancel.stop_requested()) {
        for (std::size_t i = 0; i < sequences.size(); ++i)
            state.finish(sequences[i], i, FinishReason::Cancelled, relay);
        complete(*call);
        return;
    }
    try {
        auto prompts = TextGenerator::State::leftPadded(call->requests);
        auto &model = *state.model.ptr();
        KvCache prefilled = model.makeCache();
        std::int64_t mostNew = 0;
        for (const auto &r : call->requests)
            mostNew = std::max(mostNew, r.maxNewTokens);
        prefilled.reserve(prompts.longest + mostNew);
        const auto hidden = model.hiddenStates(prompts.ids.to(state.device),
                                               prompts.padded ? prompts.mask : torch::Tensor(), &prefilled);
        const auto logits = model.logits(hidden.select(1, hidden.size(1) - 1)).to(torch::kCPU).contiguous();
        for (std::size_t i = 0; i < sequences.size(); ++i) {
            auto &sequence = sequences[i];
            if (call->requests[i].maxNewTokens == 0) {
                state.finish(sequence, i, FinishReason::Length, relay);
                continue;
            }
            const auto row = logits[static_cast<std::int64_t>(i)];
            state.sampleRow(sequence, i, std::span(row.data_ptr<float>(), static_cast<std::size_t>(row.numel())), relay);
            sequence.result.timeToFirstToken = secondsSince(call->submitted);
        }
        merge(call, std::move(prefilled), prompts.mask);
    } catch (...) {
        complete(*call, std::current_exception());
    }
}

void ContinuousBatcher::Impl::merge(const std::shared_ptr<BatchedCall> &call, KvCache prefilled, torch::Tensor newMask)
{
    const auto added = static_cast<std::int64_t>(call->sequences.size());
    call->unfinished = call->sequences.size();
    std::vector<std::int64_t> newPadding;
    for (std::int64_t i = 0; i < added; ++i)
        newPadding.push_back(newMask.size(1) - newMask[i].sum().item<std::int64_t>());
    if (rows.empty()) {
        cache = std::move(prefilled);
        mask = newMask;
    } else {
        // Left-align the shorter side with masked slots, so every row ends at the same column.
        const auto length = std::max(cache.length(), prefilled.length());
        if (const auto missing = length - cache.length(); missing > 0) {
            cache.padLeft(missing);
            mask = torch::cat({torch::zeros({mask.size(0), missing}, mask.options()), mask}, 1);
            for (auto &row : rows)
                row.padding += missing;
        }
        if (const auto missing = length - prefilled.length(); missing > 0) {
            prefilled.padLeft(missing);
            newMask = torch::cat({torch::zeros({added, missing}, newMask.options()), newMask}, 1);
            for (auto &padding : newPadding)
                padding += missing;
        }
        cache.reserve(length + 1);
        cache.appendBatch(prefilled);
        mask = torch::cat({mask, newMask}, 0);
    }
    for (std::size_t i = 0; i < call->sequences.size(); ++i) {
        const auto &ids = call->sequences[i].result.ids;
        rows.push_back({call, i, newPadding[i]});
        next.push_back(ids.empty() ? 0 : ids.back());
    }
}

// Sequences whose caller cancelled, or whose callback said stop, end here.
void ContinuousBatcher::Impl::cancelRequested()
{
    for (auto &row : rows) {
        auto &sequence = row.call->sequences[row.index];
        if (sequence.finished)
            continue;
        if (row.call->cancel.stop_requested())
            state.finish(sequence, row.index, FinishReason::Cancelled, row.call->relay());
        else if (row.call->stopSequence[row.index].load())
            state.finish(sequence, row.index, FinishReason::CallbackStopped, row.call->relay());
    }
}

void ContinuousBatcher::Impl::step(const std::stop_token &stop)
{
    const auto batch = static_cast<std::int64_t>(rows.size());
    if (options.beforeStep)
        options.beforeStep(batch, stop);
    const bool padded = std::any_of(rows.begin(), rows.end(), [](const Row &row) { return row.padding > 0; });
    mask = torch::cat({mask, torch::ones({batch, 1}, mask.options())}, 1);
    auto &model = *state.model.ptr();
    const auto input = torch::tensor(next, torch::kLong).view({batch, 1}).to(state.device);
    // Without padding the mask changes nothing, and leaving it out lets batch 1 take the
    // row-kernel path.
    const auto hidden = model.hiddenStates(input, padded ? mask : torch::Tensor(), &cache);
    const auto logits = model.logits(hidden.select(1, hidden.size(1) - 1)).to(torch::kCPU).contiguous();
    for (std::int64_t r = 0; r < batch; ++r) {
        auto &row = rows[static_cast<std::size_t>(r)];
        auto &sequence = row.call->sequences[row.index];
        const auto values = logits[r];
        state.sampleRow(sequence, row.index, std::span(values.data_ptr<float>(), static_cast<std::size_t>(values.numel())),
                        row.call->relay());
        next[static_cast<std::size_t>(r)] = sequence.result.ids.back();
    }
    std::lock_guard lock(mutex);
    ++counters.steps;
    counters.rows += static_cast<std::uint64_t>(batch);
    counters.mostRows = std::max(counters.mostRows, static_cast<std::uint64_t>(batch));
}

// Rows whose sequence finished leave the batch (their callers complete when their last
// one does); padding every remaining row has in front goes too.
void ContinuousBatcher::Impl::dropFinished()
{
    std::vector<std::int64_t> keep;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        auto &row = rows[r];
        if (!row.call->sequences[row.index].finished) {
            keep.push_back(static_cast<std::int64_t>(r));
            continue;
        }
        if (--row.call->unfinished == 0)
            complete(*row.call);
    }
    if (keep.size() == rows.size())
        return;
    if (keep.empty()) {
        rows.clear();
        next.clear();
        cache.clear();
        mask = torch::Tensor();
        return;
    }
    const auto index = torch::tensor(keep, torch::kLong);
    cache.keepRows(index);
    mask = mask.index_select(0, index);
    std::vector<Row> kept;
    std::vector<std::int64_t> keptNext;
    for (const auto r : keep) {
        kept.push_back(std::move(rows[static_cast<std::size_t>(r)]));
        keptNext.push_back(next[static_cast<std::size_t>(r)]);
    }
    rows = std::move(kept);
    next = std::move(keptNext);
    std::int64_t common = std::numeric_limits<std::int64_t>::max();
    for (const auto &row : rows)
        common = std::min(common, row.padding);
    if (common > 0) {
        cache.dropLeft(common);
        mask = mask.narrow(1, common, mask.size(1) - common).contiguous();
        for (auto &row : rows)
            row.padding -= common;
    }
}

void ContinuousBatcher::Impl::complete(BatchedCall &call, std::exception_ptr error)
{
    const auto total = secondsSince(call.submitted);
    for (auto &sequence : call.sequences)
        sequence.result.totalSeconds = total;
    {
        std::lock_guard lock(call.mutex);
        call.error = std::move(error);
        call.done = true;
    }
    call.changed.notify_one();
}

// The model failed in a step: every call in the batch gets the error, and the batch starts afresh.
void ContinuousBatcher::Impl::failAll(std::exception_ptr error)
{
    std::vector<BatchedCall *> calls;
    for (auto &row : rows)
        if (std::find(calls.begin(), calls.end(), row.call.get()) == calls.end())
            calls.push_back(row.call.get());
    for (auto *call : calls)
        complete(*call, error);
    rows.clear();
    next.clear();
    cache.clear();
    mask = torch::Tensor();
}

} // namespace llmos
