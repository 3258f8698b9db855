#include "methods/prefixtuning.h"

#include "methods/adapterfolder.h"
#include "methods/linearlayer.h"
#include "methods/trainability.h"
#include "util/error.h"

#include <cmath>

namespace llmos {

namespace {

std::int64_t headDimOf(const ModelConfig &config)
{
    return config.headDim > 0 ? config.headDim : config.hiddenSize / config.numHeads;
}

std::int64_t kvHeadsOf(const ModelConfig &config)
{
    return config.numKeyValueHeads > 0 ? config.numKeyValueHeads : config.numHeads;
}

torch::Tensor linearInit(std::int64_t out, std::int64_t in, const torch::TensorOptions &options)
{
    auto w = torch::empty({out, in}, options);
    torch::nn::init::kaiming_uniform_(w, std::sqrt(5.0));
    return w;
}

} // namespace

PrefixEncoderImpl::PrefixEncoderImpl(const ModelConfig &config, const PrefixOptions &options,
                                     const torch::TensorOptions &tensors)
    : m_tokens(options.virtualTokens)
    , m_kvHeads(kvHeadsOf(config))
    , m_headDim(headDimOf(config))
    , m_projection(options.projection)
{
    torch::NoGradGuard noGrad;
    const auto width = config.numLayers * 2 * m_kvHeads * m_headDim;
    // nn.Embedding's N(0, 1), as PEFT.
    if (!m_projection) {
        embedding = register_parameter("embedding", torch::randn({m_tokens, width}, tensors));
        return;
    }
    const auto hidden = config.hiddenSize;
    const auto bound0 = 1.0 / std::sqrt(static_cast<double>(hidden));
    const auto bound2 = 1.0 / std::sqrt(static_cast<double>(options.encoderHidden));
    embedding = register_parameter("embedding", torch::randn({m_tokens, hidden}, tensors));
    transform_0_weight = register_parameter("transform_0_weight", linearInit(options.encoderHidden, hidden, tensors));
    transform_0_bias = register_parameter("transform_0_bias",
                                          torch::empty({options.encoderHidden}, tensors).uniform_(-bound0, bound0));
    transform_2_weight = register_parameter("transform_2_weight", linearInit(width, options.encoderHidden, tensors));
    transform_2_bias = register_parameter("transform_2_bias", torch::empty({width}, tensors).uniform_(-bound2, bound2));
}

torch::Tensor PrefixEncoderImpl::table()
{
    if (!m_projection)
        return embedding;
    const auto h = torch::tanh(torch::nn::functional::linear(embedding, transform_0_weight, transform_0_bias));
    return torch::nn::functional::linear(h, transform_2_weight, transform_2_bias);
}

std::pair<torch::Tensor, torch::Tensor> PrefixEncoderImpl::keysValues(std::int64_t layer, std::int64_t batch)
{
    const auto width = m_kvHeads * m_headDim;
    torch::Tensor keys;
    torch::Tensor values;
    if (!m_projection) {
        keys = embedding.narrow(1, 2 * layer * width, width);
        values = embedding.narrow(1, (2 * layer + 1) * width, width);
    } else {
        // Only this layer's rows of the last linear: L times less work than the table.
        const auto h = torch::tanh(torch::nn::functional::linear(embedding, transform_0_weight, transform_0_bias));
        const auto rows = transform_2_weight.narrow(0, 2 * layer * width, 2 * width);
        const auto bias = transform_2_bias.narrow(0, 2 * layer * width, 2 * width);
        const auto both = torch::nn::functional::linear(h, rows, bias);
        keys = both.narrow(1, 0, width);
        values = both.narrow(1, width, width);
    }
    const auto shape = [&](const torch::Tensor &t) {
        return t.reshape({m_tokens, m_kvHeads, m_headDim}).permute({1, 0, 2}).unsqueeze(0).expand(
            {batch, m_kvHeads, m_tokens, m_headDim});
    };
    return {shape(keys), shape(values)};
}

PrefixTuning::PrefixTuning(PrefixOptions options)
    : m_options(options)
{
}

void PrefixTuning::attach(const TrainingTarget &target)
{
    auto *lm = findCausalLm(target.model);
    if (!lm)
        throw Error(ErrorKind::Unsupported, "method.kind",
                    "prefix tuning needs a decoder (GPT-2 or the Llama family); use LoRA for this model");
    const auto &reference = lm->outputEmbedding();
    m_encoder = std::make_shared<PrefixEncoderImpl>(target.config, m_options, reference.options());
    lm->setAttentionPrefix(m_encoder); // throws Unsupported for families without prefixes
    lm->register_module("prefix_encoder", m_encoder);
    selectTrainable(target, [](const std::string &name) { return name.find("prefix_encoder.") != std::string::npos; });
}

void PrefixTuning::saveAdapter(const TrainingTarget &target, const std::filesystem::path &folder,
                               const std::string &baseModelNameOrPath) const
{
    if (!m_encoder)
        throw Error(ErrorKind::Internal, folder.string(), "prefix adapter saved before it was attached");
    auto config = peftConfigBase("PREFIX_TUNING", target, baseModelNameOrPath);
    config["num_virtual_tokens"] = m_options.virtualTokens;
    // PEFT's layout for grouped-query attention: the key/value width, kv heads.
    config["token_dim"] = kvHeadsOf(target.config) * headDimOf(target.config);
    config["num_transformer_submodules"] = 1;
    config["num_attention_heads"] = kvHeadsOf(target.config);
    config["num_layers"] = target.config.numLayers;
    config["encoder_hidden_size"] = m_options.encoderHidden;
    config["prefix_projection"] = m_options.projection;
    std::vector<std::pair<std::string, torch::Tensor>> tensors;
    torch::NoGradGuard noGrad;
    tensors.emplace_back("prompt_embeddings", m_encoder->table());
    appendTaskHead(target, tensors);
    writeAdapterFolder(folder, config, tensors);
}

void PrefixTuning::mergeIntoBase(const TrainingTarget &)
{
    throw Error(ErrorKind::Unsupported, "method prefix",
                "prefix tuning adds attention inputs that no base weight can hold; save the adapter instead "
                "(\"merge\": false)");
}

} // namespace llmos
