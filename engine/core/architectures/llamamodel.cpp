#include "architectures/llamamodel.h"

#include "util/error.h"

namespace llmos {

LlamaAttentionImpl::LlamaAttentionImpl(const ModelConfig &config)
    : m_heads(config.numHeads)
    , m_keyValueHeads(config.numKeyValueHeads)
    , m_headDim(config.headDim)
{
    const auto hidden = config.hiddenSize;
    const bool bias = config.attentionBias;
    q_proj = register_module("q_proj", Projection(hidden, m_heads * m_headDim, bias));
    k_proj = register_module("k_proj", Projection(hidden, m_keyValueHeads * m_headDim, bias));
    v_proj = register_module("v_proj", Projection(hidden, m_keyValueHeads * m_headDim, bias));
    // Llama's attention_bias also puts a bias on o_proj; Qwen2 never does.
    o_proj = register_module("o_proj",
                             Projection(m_heads * m_headDim, hidden, bias && config.modelType != "qwen2"));
}

torch::Tensor LlamaAttentionImpl::forward(const torch::Tensor &x, const torch::Tensor &cos, const torch::Tensor &sin,
                                          const torch::Tensor &allowed, KvCache *cache, std::int64_t layer)
{
    const auto batch = x.size(0);
    const auto seq = x.size(1);
    auto heads = [&](const torch::Tensor &t, std::int64_t count) {
        return t.view({batch, seq, count, m_headDim}).transpose(1, 2);
    };
    const auto q = RotaryEmbedding::apply(heads(q_proj(x), m_heads), cos, sin);
    auto k = RotaryEmbedding::apply(heads(k_proj(x), m_keyValueHeads), cos, sin);
    auto v = heads(v_proj(x), m_keyValueHeads);
    if (cache)
        std::tie(k, v) = cache->append(layer, k, v);
    if (m_keyValueHeads != m_heads) {
        const auto group = m_heads / m_keyValueHeads;
        k = k.repeat_interleave(group, 1);
        v = v.repeat_interleave(group, 1);
    }
    return o_proj(scaledDotProductAttention(q, k, v, allowed));
}

LlamaMlpImpl::LlamaMlpImpl(const ModelConfig &config)
{
    gate_proj = register_module("gate_proj", Projection(config.hiddenSize, config.intermediateSize, false));
    up_proj = register_module("up_proj", Projection(config.hiddenSize, config.intermediateSize, false));
    down_proj = register_module("down_proj", Projection(config.intermediateSize, config.hiddenSize, false));
}

torch::Tensor LlamaMlpImpl::forward(const torch::Tensor &x)
{
    return down_proj(torch::silu(gate_proj(x)) * up_proj(x));
}

LlamaDecoderLayerImpl::LlamaDecoderLayerImpl(const ModelConfig &config)
{
    input_layernorm = register_module("input_layernorm", RmsNorm(config.hiddenSize, config.normEps));
    self_attn = register_module("self_attn", LlamaAttention(config));
    post_attention_layernorm = register_module("post_attention_layernorm", RmsNorm(config.hiddenSize, config.normEps));
    mlp = register_module("mlp", LlamaMlp(config));
}

torch::Tensor LlamaDecoderLayerImpl::forward(const torch::Tensor &x, const torch::Tensor &cos, const torch::Tensor &sin,
                                             const torch::Tensor &allowed, KvCache *cache, std::int64_t layer)
{
    const auto h = x + self_attn(input_layernorm(x), cos, sin, allowed, cache, layer);
    return h + mlp(post_attention_layernorm(h));
}

LlamaModelImpl::LlamaModelImpl(const ModelConfig &config)
    : m_rotary(config)
{
    embed_tokens = register_module("embed_tokens", TokenEmbedding(config.vocabSize, config.hiddenSize));
    auto layers = register_module("layers", torch::nn::ModuleList());
    for (std::int64_t i = 0; i < config.numLayers; ++i) {
        m_layers.push_back(LlamaDecoderLayer(config));
        layers->push_back(m_layers.back());
    }
    norm = register_module("norm", RmsNorm(config.hiddenSize, config.normEps));
}

torch::Tensor LlamaModelImpl::forward(const torch::Tensor &ids, const torch::Tensor &positions,
                                      const torch::Tensor &allowed, KvCache *cache)
{
    const auto [cos, sin] = m_rotary.cosSin(positions);
    auto x = embed_tokens(ids);
    for (std::size_t i = 0; i < m_layers.size(); ++i)
        x = m_layers[i](x, cos, sin, allowed, cache, static_cast<std::int64_t>(i));
    return norm(x);
}

LlamaForCausalLmImpl::LlamaForCausalLmImpl(const ModelConfig &config)
    : CausalLmImpl(config)
{
    if (config.hiddenAct != "silu")
        throw Error(ErrorKind::Unsupported, "config.json: hidden_act",
                    "\"" + config.hiddenAct + "\" is not supported for " + config.modelType + " (supported: silu)");
    model = register_module("model", LlamaModel(config));
    if (!config.tieWordEmbeddings)
        lm_head = register_module("lm_head", TokenEmbedding(config.vocabSize, config.hiddenSize));
}

torch::Tensor LlamaForCausalLmImpl::hiddenStates(const torch::Tensor &ids, const torch::Tensor &attentionMask,
                                                 KvCache *cache)
{
    const auto past = checkInputs(ids, attentionMask, cache);
    const auto batch = ids.size(0);
    const auto seq = ids.size(1);
    const auto positions = positionIds(batch, seq, past, attentionMask, ids.device());
    const auto window = config().slidingWindow.value_or(0);
    return model(ids, positions, allowedKeys(seq, past, attentionMask, ids.device(), window), cache);
}

} // namespace llmos
