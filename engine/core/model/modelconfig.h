#pragma once

#include "model/weightquantization.h"

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace llmos {

enum class ModelFamily { Gpt2, Llama, Bert };

const char *modelFamilyName(ModelFamily family) noexcept;

struct RopeScaling {
    std::string type; // "linear", "llama3", "dynamic", ...
    double factor = 1.0;
    double lowFreqFactor = 1.0;   // llama3
    double highFreqFactor = 4.0;  // llama3
    std::int64_t originalMaxPositionEmbeddings = 0; // llama3

    bool operator==(const RopeScaling &) const = default;
};

// A Hugging Face config.json read into one typed shape for the three families we run.
// GPT-2's own field names (n_embd, n_layer, ...) are mapped onto the common ones.
struct ModelConfig {
    ModelFamily family = ModelFamily::Llama;
    std::string modelType;                 // config "model_type": gpt2, llama, mistral, qwen2, bert
    std::vector<std::string> architectures; // e.g. "LlamaForCausalLM"
    std::int64_t vocabSize = 0;
    std::int64_t hiddenSize = 0;
    std::int64_t intermediateSize = 0;
    std::int64_t numLayers = 0;
    std::int64_t numHeads = 0;
    std::int64_t numKeyValueHeads = 0;
    std::int64_t headDim = 0;
    std::int64_t maxPositionEmbeddings = 0;
    double normEps = 1e-5;
    std::string hiddenAct;
    bool tieWordEmbeddings = false;
    // Llama family
    double ropeTheta = 10000.0;
    std::optional<RopeScaling> ropeScaling;
    bool attentionBias = false; // q/k/v projections carry biases (Qwen2)
    bool mlpBias = false;       // gate/up/down projections carry biases (config "mlp_bias")
    std::optional<std::int64_t> slidingWindow;
    // BERT
    std::int64_t typeVocabSize = 0;
    std::vector<std::string> labels; // id2label, in id order, for classifiers
    // Token ids the config names (generation_config.json may override).
    std::optional<std::int64_t> bosTokenId;
    std::vector<std::int64_t> eosTokenIds;
    std::optional<std::int64_t> padTokenId;
    std::string torchDtype;
    // Weights stored quantized (quantization_config), or nullopt for float weights.
    std::optional<WeightQuantization> quantization;

    bool operator==(const ModelConfig &) const = default;
};

// Reads and checks a config. Impossible values (zero or negative sizes, hidden size not
// divisible by heads, kv heads not dividing heads, unknown model_type) throw
// Error(Format/Unsupported) whose `where` names the file and the field.
ModelConfig parseModelConfig(const nlohmann::json &config, const std::string &sourceName);
ModelConfig loadModelConfig(const std::string &path);

// The config.json a config was read from, in Hugging Face's field names, such that
// parseModelConfig(modelConfigToJson(c), name) == c for every config parseModelConfig
// returns. Fields at their defaults are left out where the parser supplies them.
nlohmann::json modelConfigToJson(const ModelConfig &config);

} // namespace llmos
