#pragma once

#include "charts/runmetrichistory.h"

#include "jobs/jobevent.h"

#include <cmath>
#include <cstdint>
#include <memory>
#include <string>

namespace llmos::chartfixtures {

// Feeds a RunMetricHistory the events a run would send, numbered in order, on a clock
// the test moves.
class RunFeed {
public:
    explicit RunFeed(std::string runId)
        : m_runId(std::move(runId))
        , m_history(std::make_shared<RunMetricHistory>(m_runId))
    {
    }

    std::shared_ptr<RunMetricHistory> history() const { return m_history; }
    std::int64_t now() const { return m_ms; }
    void at(std::int64_t ms) { m_ms = ms; }
    void advance(std::int64_t ms) { m_ms += ms; }

    void state(JobState from, JobState to, std::string reason = {})
    {
        send(JobStateChanged{from, to, std::move(reason)});
    }
    void step(std::int64_t step, double epoch, MetricValues values)
    {
        send(StepMetrics{step, epoch, std::move(values)});
    }
    void eval(std::int64_t step, double epoch, MetricValues values)
    {
        send(EvalMetrics{step, epoch, std::move(values)});
    }
    void log(LogLine line) { send(std::move(line)); }

private:
    void send(JobEventPayload payload) { m_history->append({m_runId, ++m_sequence, m_ms, std::move(payload)}); }

    std::string m_runId;
    std::shared_ptr<RunMetricHistory> m_history;
    std::uint64_t m_sequence = 0;
    std::int64_t m_ms = 1'700'000'000'000;
};

// Reproducible noise in [-1, 1).
inline double noise(std::uint64_t i, int seed)
{
    std::uint64_t x = i * 0x9E3779B97F4A7C15ull + static_cast<std::uint64_t>(seed) * 0xBF58476D1CE4E5B9ull;
    x ^= x >> 31;
    x *= 0x94D049BB133111EBull;
    x ^= x >> 29;
    return static_cast<double>(x >> 11) / static_cast<double>(1ull << 52) - 1.0;
}

struct TrainingShape {
    std::int64_t totalSteps = 1000;
    std::int64_t stepsPerEpoch = 400;
    std::int64_t evalEvery = 100;
    std::int64_t checkpointEvery = 250;
    std::int64_t stepMs = 100;
    std::int64_t tokensPerStep = 4096;
    double finalLoss = 0.6;
    int seed = 1;
};

// Steps [from, to] of a plausible fine-tuning run: loss falling with noise, warm-up then
// cosine learning rate, gradient norm, throughput and cumulative tokens; evaluations and
// checkpoints at their intervals. The run must be running.
inline void feedTraining(RunFeed &feed, std::int64_t from, std::int64_t to, const TrainingShape &shape = {})
{
    for (std::int64_t s = from; s <= to; ++s) {
        feed.advance(shape.stepMs);
        const double progress = static_cast<double>(s) / static_cast<double>(shape.totalSteps);
        const double loss =
            shape.finalLoss + 2.4 * std::exp(-6 * progress) + 0.12 * noise(static_cast<std::uint64_t>(s), shape.seed);
        const double warmup = std::min(1.0, static_cast<double>(s) / 50.0);
        const double lr = 2e-4 * warmup * 0.5 * (1 + std::cos(3.14159265358979 * std::min(1.0, progress)));
        feed.step(s, static_cast<double>(s) / static_cast<double>(shape.stepsPerEpoch),
                  {{"loss", loss},
                   {"lr", lr},
                   {"grad_norm", 1.2 + 0.3 * noise(static_cast<std::uint64_t>(s) + 7, shape.seed)},
                   {"tokens_per_s", 40000 + 2000 * noise(static_cast<std::uint64_t>(s) + 13, shape.seed)},
                   {"tokens_seen", static_cast<double>(s * shape.tokensPerStep)}});
        if (shape.evalEvery > 0 && s % shape.evalEvery == 0) {
            feed.advance(shape.stepMs * 3);
            feed.eval(s, 0, {{"eval_loss", loss + 0.08 + 0.02 * progress}, {"perplexity", std::exp(loss + 0.08)}});
        }
        if (shape.checkpointEvery > 0 && s % shape.checkpointEvery == 0)
            feed.log(checkpointSavedLine(s, "/runs/x/checkpoints/step-" + std::to_string(s)));
    }
}

} // namespace llmos::chartfixtures
