#pragma once

#include "architectures/causallm.h"
#include "methods/finetuningmethod.h"

#include <cstdint>
#include <memory>

namespace llmos {

struct PrefixOptions {
    std::int64_t virtualTokens = 20;
    bool projection = false;          // prefix_projection: the paper's reparameterisation MLP
    std::int64_t encoderHidden = 512; // its hidden width
};

// The trained prefixes of every layer, PEFT's PrefixEncoder: a table "embedding"
// [tokens, layers · 2 · kvWidth] holding layer l's keys in columns [2l·w, (2l+1)·w) and
// its values in the next w, each viewed [tokens, kvHeads, headDim]. With the
// reparameterisation the table is tanh-MLP(embedding [tokens, hidden]) instead
// ("transform_0", "transform_2" as PEFT's Sequential). Registered once in the model as
// "prefix_encoder"; the attention layers read it through AttentionPrefix.
class PrefixEncoderImpl : public torch::nn::Module, public AttentionPrefix {
public:
    PrefixEncoderImpl(const ModelConfig &config, const PrefixOptions &options, const torch::TensorOptions &tensors);
    std::int64_t tokens() const override { return m_tokens; }
    std::pair<torch::Tensor, torch::Tensor> keysValues(std::int64_t layer, std::int64_t batch) override;
    // The whole table [tokens, layers · 2 · kvWidth] (what PEFT saves as prompt_embeddings).
    torch::Tensor table();

    torch::Tensor embedding;
    torch::Tensor transform_0_weight, transform_0_bias, transform_2_weight, transform_2_bias;

private:
    std::int64_t m_tokens;
    std::int64_t m_kvHeads;
    std::int64_t m_headDim;
    bool m_projection;
};

// Prefix tuning (Li & Liang 2021) for GPT-2 and the Llama family: only the prefixes
// train. Saved as PEFT's PREFIX_TUNING (prompt_embeddings = the table); not mergeable.
class PrefixTuning : public FineTuningMethod {
public:
    explicit PrefixTuning(PrefixOptions options);
    std::string kind() const override { return "prefix"; }
    void attach(const TrainingTarget &target) override;
    bool producesAdapter() const override { return true; }
    void saveAdapter(const TrainingTarget &target, const std::filesystem::path &folder,
                     const std::string &baseModelNameOrPath) const override;
    void mergeIntoBase(const TrainingTarget &target) override;

    const std::shared_ptr<PrefixEncoderImpl> &encoder() const noexcept { return m_encoder; }

private:
    PrefixOptions m_options;
    std::shared_ptr<PrefixEncoderImpl> m_encoder;
};

} // namespace llmos
