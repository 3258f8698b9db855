#pragma once

#include "architectures/causallm.h"
#include "methods/finetuningmethod.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace llmos {

struct PromptOptions {
    std::int64_t virtualTokens = 20;
    // "random" (N(0, 1), PEFT's RANDOM) or "text": the embeddings of initText's tokens,
    // repeated to fill the virtual tokens and cut to their number (PEFT's TEXT).
    std::string init = "random";
    std::string initText;
    std::vector<std::int64_t> initTokenIds; // the text's ids, when the caller tokenised it
};

// The virtual-token table, PEFT's PromptEmbedding: "embedding" [tokens, hidden],
// registered once in the model as "prompt_encoder".
class PromptEmbeddingImpl : public torch::nn::Module, public InputPrompt {
public:
    explicit PromptEmbeddingImpl(torch::Tensor initial);
    std::int64_t tokens() const override { return embedding.size(0); }
    torch::Tensor embeddings() override { return embedding; }

    torch::Tensor embedding;
};

// Prompt tuning (Lester et al. 2021) for GPT-2 and the Llama family: only the virtual
// tokens train. The model's outputs gain virtualTokens() positions in front. Saved as
// PEFT's PROMPT_TUNING; not mergeable.
class PromptTuning : public FineTuningMethod {
public:
    explicit PromptTuning(PromptOptions options);
    std::string kind() const override { return "prompt"; }
    void attach(const TrainingTarget &target) override;
    std::int64_t virtualTokens() const override { return m_options.virtualTokens; }
    bool producesAdapter() const override { return true; }
    void saveAdapter(const TrainingTarget &target, const std::filesystem::path &folder,
                     const std::string &baseModelNameOrPath) const override;
    void mergeIntoBase(const TrainingTarget &target) override;

    const std::shared_ptr<PromptEmbeddingImpl> &prompt() const noexcept { return m_prompt; }

private:
    PromptOptions m_options;
    std::shared_ptr<PromptEmbeddingImpl> m_prompt;
};

} // namespace llmos
