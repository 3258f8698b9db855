#include "architectures/gpt2model.h"

#include "architectures/projection.h"
#include "util/error.h"

#include <string>

namespace llmos {

namespace {

bool isTanhGelu(const std::string &name)
{
    return name == "gelu_new" || name == "gelu_pytorch_tanh" || name == "gelu_fast";
}

torch::nn::LayerNorm layerNorm(const ModelConfig &config)
{
    return torch::nn::LayerNorm(torch::nn::LayerNormOptions({config.hiddenSize}).eps(config.normEps));
}

} // namespace

Gpt2Conv1dImpl::Gpt2Conv1dImpl(std::int64_t in, std::int64_t out)
{
    weight = register_parameter("weight", torch::empty({in, out}));
    bias = register_parameter("bias", torch::empty({out}));
}

torch::Tensor Gpt2Conv1dImpl::forward(const torch::Tensor &x)
{
    // Wᵀ of the [in, out] weight is a transposed view: no copy, BLAS reads it transposed.
    return hook.apply(x, linearRows(x, weight.t(), bias));
}

Gpt2AttentionImpl::Gpt2AttentionImpl(const ModelConfig &config)
    : m_heads(config.numHeads)
    , m_headDim(config.hiddenSize / config.numHeads)
{
    c_attn = register_module("c_attn", Gpt2Conv1d(config.hiddenSize, 3 * config.hiddenSize));
    c_proj = register_module("c_proj", Gpt2Conv1d(config.hiddenSize, config.hiddenSize));
}

torch::Tensor Gpt2AttentionImpl::forward(const torch::Tensor &x, const torch::Tensor &allowed, KvCache *cache,
                                         std::int64_t layer)
{
    const auto batch = x.size(0);
    const auto seq = x.size(1);
    const auto qkv = c_attn(x).split(m_heads * m_headDim, -1);
    auto heads = [&](const torch::Tensor &t) { return t.view({batch, seq, m_heads, m_headDim}).transpose(1, 2); };
    auto q = heads(qkv[0]);
    auto k = heads(qkv[1]);
    auto v = heads(qkv[2]);
    if (cache)
        std::tie(k, v) = cache->append(layer, k, v);
    const double probabilityDropout = is_training() ? dropout : 0;
    if (prefix) {
        auto widened = allowed;
        prependPrefix(*prefix, layer, k, v, widened);
        return c_proj(scaledDotProductAttention(q, k, v, widened, probabilityDropout));
    }
    return c_proj(scaledDotProductAttention(q, k, v, allowed, probabilityDropout));
}

Gpt2MlpImpl::Gpt2MlpImpl(const ModelConfig &config)
    : m_activation(config.hiddenAct)
{
    c_fc = register_module("c_fc", Gpt2Conv1d(config.hiddenSize, config.intermediateSize));
    c_proj = register_module("c_proj", Gpt2Conv1d(config.intermediateSize, config.hiddenSize));
}

torch::Tensor Gpt2MlpImpl::forward(const torch::Tensor &x)
{
    auto h = c_fc(x);
    if (isTanhGelu(m_activation))
        h = torch::gelu(h, "tanh");
    else if (m_activation == "gelu")
        h = torch::gelu(h);
    else
        h = torch::relu(h);
    return c_proj(h);
}

Gpt2BlockImpl::Gpt2BlockImpl(const ModelConfig &config)
{
    ln_1 = register_module("ln_1", layerNorm(config));
    attn = register_module("attn", Gpt2Attention(config));
    ln_2 = register_module("ln_2", layerNorm(config));
    mlp = register_module("mlp", Gpt2Mlp(config));
}

torch::Tensor Gpt2BlockImpl::forward(const torch::Tensor &x, const torch::Tensor &allowed, KvCache *cache,
                                     std::int64_t layer)
{
    const bool training = is_training();
    const auto h = x + dropoutWhileTraining(attn(ln_1(x), allowed, cache, layer), m_dropout, training);
    return h + dropoutWhileTraining(mlp(ln_2(h)), m_dropout, training);
}

Gpt2ModelImpl::Gpt2ModelImpl(const ModelConfig &config)
{
    wte = register_module("wte", TokenEmbedding(config.vocabSize, config.hiddenSize));
    wpe = register_module("wpe", TokenEmbedding(config.maxPositionEmbeddings, config.hiddenSize));
    auto h = register_module("h", torch::nn::ModuleList());
    for (std::int64_t i = 0; i < config.numLayers; ++i) {
        m_blocks.push_back(Gpt2Block(config));
        h->push_back(m_blocks.back());
    }
    ln_f = register_module("ln_f", layerNorm(config));
}

torch::Tensor Gpt2ModelImpl::forward(const torch::Tensor &ids, const torch::Tensor &positions,
                                     const torch::Tensor &allowed, KvCache *cache, const torch::Tensor &prompt,
                                     LayerCheckpointing *checkpointing)
{
    auto x = prompt.defined() ? torch::cat({prompt.to(wte->weight.dtype()), wte(ids)}, 1) + wpe(positions)
                              : wte(ids) + wpe(positions);
    x = dropoutWhileTraining(x, m_dropout, is_training());
    for (std::size_t i = 0; i < m_blocks.size(); ++i) {
        const auto layer = static_cast<std::int64_t>(i);
        if (checkpointing) {
            // By value: backward runs the block again after this call has returned.
            x = checkpointing->run([block = m_blocks[i].ptr(), allowed, layer](const torch::Tensor &input) {
                return block->forward(input, allowed, nullptr, layer);
            }, x);
        } else {
            x = m_blocks[i](x, allowed, cache, layer);
        }
    }
    return ln_f(x);
}

void Gpt2ModelImpl::setDropout(double probability)
{
    m_dropout = probability;
    for (auto &block : m_blocks)
        block->setDropout(probability);
}

void Gpt2ModelImpl::setAttentionPrefix(const std::shared_ptr<AttentionPrefix> &prefix)
{
    for (auto &block : m_blocks)
        block->setAttentionPrefix(prefix);
}

Gpt2LmHeadModelImpl::Gpt2LmHeadModelImpl(const ModelConfig &config)
    : CausalLmImpl(config)
{
    if (!isTanhGelu(config.hiddenAct) && config.hiddenAct != "gelu" && config.hiddenAct != "relu")
        throw Error(ErrorKind::Unsupported, "config.json: activation_function",
                    "\"" + config.hiddenAct + "\" is not supported (supported: gelu_new, gelu_pytorch_tanh, "
                    "gelu_fast, gelu, relu)");
    transformer = register_module("transformer", Gpt2Model(config));
    if (!config.tieWordEmbeddings)
        lm_head = register_module("lm_head", TokenEmbedding(config.vocabSize, config.hiddenSize));
}

torch::Tensor Gpt2LmHeadModelImpl::hiddenStates(const torch::Tensor &ids, const torch::Tensor &attentionMask,
                                                KvCache *cache)
{
    const auto past = checkInputs(ids, attentionMask, cache);
    const auto batch = ids.size(0);
    const auto input = promptInput(ids, attentionMask, past);
    const auto seq = input.seq;
    const auto &mask = input.attentionMask;
    const auto positions = positionIds(batch, seq, past, mask, ids.device());
    const auto limit = config().maxPositionEmbeddings;
    const auto highest = mask.defined() ? idRange(positions.contiguous()).second : past + seq - 1;
    if (highest >= limit)
        throw Error(ErrorKind::InvalidInput, "GPT-2 forward",
                    "positions beyond " + std::to_string(limit) + " (n_positions): GPT-2 has no embedding for them; "
                    "shorten the input");
    return transformer(ids, positions, allowedKeys(seq, past, mask, ids.device()), cache, input.prompt,
                       layerCheckpointing(cache));
}

} // namespace llmos
