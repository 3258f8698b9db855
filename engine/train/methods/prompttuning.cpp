#include "methods/prompttuning.h"

#include "methods/adapterfolder.h"
#include "methods/linearlayer.h"
#include "methods/trainability.h"
#include "util/error.h"

namespace llmos {

PromptEmbeddingImpl::PromptEmbeddingImpl(torch::Tensor initial)
{
    embedding = register_parameter("embedding", std::move(initial));
}

PromptTuning::PromptTuning(PromptOptions options)
    : m_options(std::move(options))
{
}

void PromptTuning::attach(const TrainingTarget &target)
{
    auto *lm = findCausalLm(target.model);
    if (!lm)
        throw Error(ErrorKind::Unsupported, "method.kind",
                    "prompt tuning needs a decoder (GPT-2 or the Llama family); use LoRA for this model");
    // The input embeddings: the untied head is no input table, so look for the table by name.
    torch::Tensor table;
    for (const auto &item : lm->named_parameters(/*recurse=*/true))
        if (item.key().ends_with("wte.weight") || item.key().ends_with("embed_tokens.weight"))
            table = item.value();
    if (!table.defined())
        table = lm->outputEmbedding();
    const auto tokens = m_options.virtualTokens;
    torch::Tensor initial;
    {
        torch::NoGradGuard noGrad;
        if (m_options.init == "text") {
            auto ids = m_options.initTokenIds;
            if (ids.empty() && !m_options.initText.empty() && target.tokenize)
                ids = target.tokenize(m_options.initText);
            if (ids.empty())
                throw Error(ErrorKind::InvalidInput, "method.init_text",
                            "init \"text\" needs a non-empty init_text (or init_token_ids)");
            for (const auto id : ids)
                if (id < 0 || id >= table.size(0))
                    throw Error(ErrorKind::InvalidInput, "method.init_token_ids",
                                "token id " + std::to_string(id) + " is outside the vocabulary of "
                                    + std::to_string(table.size(0)));
            std::vector<std::int64_t> filled;
            for (std::int64_t i = 0; i < tokens; ++i)
                filled.push_back(ids[static_cast<std::size_t>(i) % ids.size()]);
            initial = table.index_select(0, torch::tensor(filled, torch::kLong).to(table.device())).clone();
        } else {
            initial = torch::randn({tokens, table.size(1)}, table.options());
        }
    }
    m_prompt = std::make_shared<PromptEmbeddingImpl>(initial);
    lm->register_module("prompt_encoder", m_prompt);
    lm->setInputPrompt(m_prompt);
    selectTrainable(target, [](const std::string &name) { return name.find("prompt_encoder.") != std::string::npos; });
}

void PromptTuning::saveAdapter(const TrainingTarget &target, const std::filesystem::path &folder,
                               const std::string &baseModelNameOrPath) const
{
    if (!m_prompt)
        throw Error(ErrorKind::Internal, folder.string(), "prompt adapter saved before it was attached");
    auto config = peftConfigBase("PROMPT_TUNING", target, baseModelNameOrPath);
    config["num_virtual_tokens"] = m_options.virtualTokens;
    config["token_dim"] = target.config.hiddenSize;
    config["num_transformer_submodules"] = 1;
    config["num_attention_heads"] = target.config.numHeads;
    config["num_layers"] = target.config.numLayers;
    config["prompt_tuning_init"] = m_options.init == "text" ? "TEXT" : "RANDOM";
    config["prompt_tuning_init_text"] = m_options.init == "text" ? nlohmann::json(m_options.initText) : nullptr;
    config["tokenizer_name_or_path"] = m_options.init == "text" ? nlohmann::json(baseModelNameOrPath) : nullptr;
    std::vector<std::pair<std::string, torch::Tensor>> tensors;
    tensors.emplace_back("prompt_embeddings", m_prompt->embedding);
    appendTaskHead(target, tensors);
    writeAdapterFolder(folder, config, tensors);
}

void PromptTuning::mergeIntoBase(const TrainingTarget &)
{
    throw Error(ErrorKind::Unsupported, "method prompt",
                "prompt tuning adds virtual input tokens that no base weight can hold; save the adapter instead "
                "(\"merge\": false)");
}

} // namespace llmos
