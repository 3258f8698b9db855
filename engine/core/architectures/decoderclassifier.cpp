#include "architectures/decoderclassifier.h"

#include "architectures/causallmloader.h"
#include "architectures/encoderinput.h"
#include "formats/safetensorsweights.h"
#include "util/error.h"

#include <algorithm>
#include <filesystem>
#include <string_view>

namespace llmos {

torch::Tensor lastTokenStates(const torch::Tensor &hidden, const torch::Tensor &attentionMask,
                              std::int64_t leadingVirtual)
{
    const auto last = attentionMask.sum(1) - 1 + leadingVirtual;
    const auto rows = torch::arange(hidden.size(0), torch::TensorOptions(torch::kInt64).device(hidden.device()));
    return hidden.index({rows, last});
}

void registerDecoderBody(torch::nn::Module &owner, const CausalLm &decoder)
{
    for (const auto &child : decoder->named_children())
        if (child.key() != "lm_head")
            owner.register_module(child.key(), child.value());
}

DecoderClassifierImpl::DecoderClassifierImpl(CausalLm decoder, std::int64_t labelCount)
    : m_decoder(std::move(decoder))
{
    registerDecoderBody(*this, m_decoder);
    score = register_module("score", Projection(m_decoder->config().hiddenSize, labelCount, false));
}

torch::Tensor DecoderClassifierImpl::forward(const torch::Tensor &ids, const torch::Tensor &attentionMask)
{
    return score->forward(lastTokenStates(m_decoder->hiddenStates(ids, attentionMask), attentionMask));
}

DecoderClassifier loadDecoderClassifier(const std::string &folder, ClassifierLabels &labels)
{
    const auto configPath = (std::filesystem::path(folder) / "config.json").string();
    const auto json = readJsonFile(configPath);
    const auto config = parseModelConfig(json, configPath);
    labels = readClassifierLabels(json, config, configPath);
    if (config.quantization)
        throw Error(ErrorKind::Unsupported, configPath + ": quantization_config",
                    "quantized classifiers are not supported; classify with the model it was quantized from");
    const auto weights = SafetensorsWeights::openFolder(folder);
    const bool declaresClassifier =
        std::any_of(config.architectures.begin(), config.architectures.end(),
                    [](const std::string &name) { return name.ends_with("ForSequenceClassification"); });
    if (!declaresClassifier && !weights.find("score.weight"))
        throw Error(ErrorKind::Unsupported, folder,
                    "is a language model without a classifier head (no score.weight); classification needs a "
                    "*ForSequenceClassification model, such as one fine-tuned for classification here");
    DecoderClassifier model(buildCausalLm(config), labels.count);
    // A classifier never runs the LM head, so a stored one (a converted checkpoint) may
    // stay unused.
    auto naming = causalLmNaming(config);
    naming.isIgnorable = [base = naming.isIgnorable](std::string_view name) {
        return name == "lm_head.weight" || base(name);
    };
    loadDecoderWeights(*model, config, weights, naming, "sequence classifier", configPath);
    model->fuseProjections();
    model->eval();
    return model;
}

} // namespace llmos
