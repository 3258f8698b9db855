#pragma once

#include "jobs/stoprequest.h"

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace llmos {

// What a training run tells its caller, as plain values: the job layer turns them into
// persisted events, the CLI prints them, the GUI charts them.

struct TrainingStepEvent {
    std::int64_t step = 0;       // 1-based optimizer step
    std::int64_t totalSteps = 0;
    std::int64_t epoch = 0;      // 0-based epoch the step's last batch came from
    double loss = 0;             // mean loss of the step's tokens (examples, for classification)
    double learningRate = 0;     // the rate this step used
    double gradNorm = 0;         // global L2 norm of the gradients before clipping
    double tokensPerSecond = 0;  // input tokens (padding excluded) over the step's wall time
    std::int64_t tokensSeen = 0; // input tokens (padding excluded) of every step so far
    double elapsedSeconds = 0;   // since the run (or the resumed run) started
};

struct EvaluationEvent {
    std::int64_t step = 0;
    // eval_loss and perplexity (causal LM); eval_loss, accuracy and macro_f1 (classification).
    std::map<std::string, double> metrics;
    // Classification: confusion[actual][predicted], in label-index order; empty otherwise.
    std::vector<std::vector<std::int64_t>> confusion;
    std::vector<std::string> labelNames;
};

// Every member may be empty.
struct TrainingCallbacks {
    std::function<void(const TrainingStepEvent &)> onStep;
    std::function<void(const EvaluationEvent &)> onEvaluation;
    std::function<void(const std::string &)> onLog;
    // After a checkpoint folder was written completely (it is the one a resume takes).
    std::function<void(std::int64_t step, const std::string &folder)> onCheckpoint;
    std::function<StopRequest()> stopCheck;
};

} // namespace llmos
