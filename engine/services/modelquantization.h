#pragma once

#include "model/weightquantization.h"
#include "services/derivedmodel.h"

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace llmos {

class ModelRegistry;

// What quantizing a registered model is doing, in order.
enum class QuantizationStage { Quantizing, MeasuringOriginal, MeasuringQuantized, Registering };
const char *quantizationStageName(QuantizationStage stage) noexcept; // "quantizing", ...

struct ModelQuantizationRequest {
    std::string model; // registry id or name: a Llama-family model (a folder or a GGUF file)
    WeightQuantization scheme;
    std::string name;  // the new model's name; empty: "<model>-int8" or "<model>-q4g<group>"
    // A text file (as `llmos eval` reads one) to compare perplexity on; empty: none.
    std::string perplexityData;
    std::int64_t perplexityExamples = 200; // rows of it at most (0: all)
    // Called at each stage with the fraction of the whole done; false cancels
    // (Error(Cancelled), nothing registered, nothing left behind).
    std::function<bool(QuantizationStage stage, double fraction)> progress;
};

struct ModelQuantizationReport {
    std::string sourceId, sourceName;
    std::string modelId, modelName; // the registered quantized model
    WeightQuantization scheme;
    DerivedModelComparison comparison; // size, decode speed, agreement, perplexity
};

nlohmann::json toJson(const ModelQuantizationReport &report);

// Quantizes a registered model's linear weights (causallmquantization.h), registers the
// result (origin "quantized", lineage "quantize" from the source, the source's tags and
// tokenizer files) and measures what changed: size, decode speed, agreement, and
// perplexity when data is given. The report is kept with the new model (see
// quantizationReportPath). Blocking: run it on a worker. Throws Error: NotFound (the
// model), Unsupported (an adapter, a GPT-2 model), InvalidInput (a scheme that does not
// fit, a name in use), Cancelled.
ModelQuantizationReport quantizeRegisteredModel(ModelRegistry &registry, const ModelQuantizationRequest &request);

// The model at `sourcePath` (a folder or a GGUF file) quantized into `folder`: the
// compressed-tensors weights and config, and the source's tokenizer files. What
// quantizeRegisteredModel registers, and what `llmos benchmark --quantize` runs.
void writeQuantizedModel(const std::string &sourcePath, const WeightQuantization &scheme, const std::string &folder);

// Where the report of the quantization that made model `modelId` is kept:
// <registry home>/quantizations/<modelId>.json.
std::string quantizationReportPath(const std::string &registryHome, const std::string &modelId);

} // namespace llmos
