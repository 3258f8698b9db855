#include "architectures/llamamodel.h"

#include "architectures/rowkernels.h"
#include "util/error.h"

#include <vector>

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
    const auto qDim = m_heads * m_headDim;
    const auto kvDim = m_keyValueHeads * m_headDim;
    torch::Tensor q;
    torch::Tensor k;
    torch::Tensor v;
    if (m_qkv.usable()) { // false while a fine-tuning hook sits on q, k or v
        const auto qkv = m_qkv.forward(x);
        q = qkv.narrow(-1, 0, qDim);
        k = qkv.narrow(-1, qDim, kvDim);
        v = qkv.narrow(-1, qDim + kvDim, kvDim);
    } else {
        q = q_proj(x);
        k = k_proj(x);
        v = v_proj(x);
    }
    q = RotaryEmbedding::apply(heads(q, m_heads), cos, sin);
    k = RotaryEmbedding::apply(heads(k, m_keyValueHeads), cos, sin);
    v = heads(v, m_keyValueHeads);
    if (cache)
        std::tie(k, v) = cache->append(layer, k, v);
    auto attended = allowed;
    if (prefix) // after the cache and the rotation: prefixes are neither cached nor positioned
        prependPrefix(*prefix, layer, k, v, attended);
    if (m_keyValueHeads != m_heads) {
        const auto group = m_heads / m_keyValueHeads;
        k = k.repeat_interleave(group, 1);
        v = v.repeat_interleave(group, 1);
    }
    return o_proj(scaledDotProductAttention(q, k, v, attended, is_training() ? dropout : 0));
}

torch::Tensor LlamaAttentionImpl::forwardRow(const torch::Tensor &normed, const torch::Tensor &residual,
                                             const float *cos, const float *sin, KvCache &cache, std::int64_t layer,
                                             DecodeTeam &team)
{
    auto qkv = team.multiply(m_qkv.weight(), normed, m_qkv.bias());
    float *q = qkv.data_ptr<float>();
    float *k = q + m_heads * m_headDim;
    float *v = k + m_keyValueHeads * m_headDim;
    // Query and key heads are consecutive in the fused output: one pass rotates both.
    rowkernels::rotateHalf(q, cos, sin, m_heads + m_keyValueHeads, m_headDim);
    const auto cached = cache.appendRow(layer, k, v, m_keyValueHeads, m_headDim);

    auto attended = torch::empty({m_heads * m_headDim}, torch::kFloat);
    float *out = attended.data_ptr<float>();
    // Heads are independent: the team splits them once the cache is long enough to matter.
    const auto bytesPerHead = 2 * cached.tokens * m_headDim * static_cast<std::int64_t>(sizeof(float));
    team.forRows(m_heads, bytesPerHead, 1, [&](std::int64_t begin, std::int64_t end) {
        thread_local std::vector<float> scores;
        scores.resize(static_cast<std::size_t>(cached.tokens));
        rowkernels::attendOneQuery(q, cached, m_heads, m_keyValueHeads, m_headDim, begin, end, out, scores.data());
    });
    // The residual add rides on the matrix-vector product: residual + W a.
    return team.multiply(o_proj->weight, attended, o_proj->bias, residual).view(residual.sizes());
}

LlamaMlpImpl::LlamaMlpImpl(const ModelConfig &config)
{
    const bool bias = config.mlpBias;
    gate_proj = register_module("gate_proj", Projection(config.hiddenSize, config.intermediateSize, bias));
    up_proj = register_module("up_proj", Projection(config.hiddenSize, config.intermediateSize, bias));
    down_proj = register_module("down_proj", Projection(config.intermediateSize, config.hiddenSize, bias));
}

torch::Tensor LlamaMlpImpl::forward(const torch::Tensor &x)
{
    if (m_gateUp.usable()) {
        const auto gateUp = m_gateUp.forward(x);
        const auto half = gateUp.size(-1) / 2;
        return down_proj(torch::silu(gateUp.narrow(-1, 0, half)) * gateUp.narrow(-1, half, half));
    }
    return down_proj(torch::silu(gate_proj(x)) * up_proj(x));
}

torch::Tensor LlamaMlpImpl::forwardRow(const torch::Tensor &normed, const torch::Tensor &residual,
                                       DecodeTeam &team)
{
    const auto &gateUpWeight = m_gateUp.weight();
    if (!DecodeTeam::handles(gateUpWeight, normed))
        return residual + forward(normed);
    // Gate row i and up row i go to the same thread, which applies SwiGLU to them at once:
    // one job instead of a product and then a serial pass over the activations.
    const auto width = gateUpWeight.size(0) / 2;
    const auto cols = gateUpWeight.size(1);
    auto gateUp = torch::empty({2, width}, torch::kFloat);
    auto activated = torch::empty({width}, torch::kFloat);
    const float *x = normed.data_ptr<float>();
    const float *weights = gateUpWeight.data_ptr<float>();
    float *gate = gateUp.data_ptr<float>();
    float *up = gate + width;
    float *out = activated.data_ptr<float>();
    // Biases only with mlp_bias (a BitFit-merged model).
    const auto &gateUpBias = m_gateUp.bias();
    const float *gateBias = gateUpBias.defined() ? gateUpBias.data_ptr<float>() : nullptr;
    const float *upBias = gateBias ? gateBias + width : nullptr;
    const rowkernels::MatVec gateProduct{weights, cols, x, gateBias, nullptr, gate};
    const rowkernels::MatVec upProduct{weights + width * cols, cols, x, upBias, nullptr, up};
    const auto bytesPerRow = 2 * cols * static_cast<std::int64_t>(sizeof(float));
    team.forRows(width, bytesPerRow, rowkernels::kMatVecRowsAtOnce, [&](std::int64_t begin, std::int64_t end) {
        rowkernels::matVecRows(gateProduct, begin, end);
        rowkernels::matVecRows(upProduct, begin, end);
        rowkernels::siluGate(gate + begin, up + begin, out + begin, end - begin);
    });
    return team.multiply(down_proj->weight, activated, down_proj->bias, residual).view(residual.sizes());
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
    const bool training = is_training();
    const auto h = x + dropoutWhileTraining(self_attn(input_layernorm(x), cos, sin, allowed, cache, layer), m_dropout,
                                            training);
    return h + dropoutWhileTraining(mlp(post_attention_layernorm(h)), m_dropout, training);
}

torch::Tensor LlamaDecoderLayerImpl::forwardRow(const torch::Tensor &x, const float *cos, const float *sin,
                                                KvCache &cache, std::int64_t layer, DecodeTeam &team)
{
    const auto h = self_attn->forwardRow(input_layernorm->forwardRow(x), x, cos, sin, cache, layer, team);
    return mlp->forwardRow(post_attention_layernorm->forwardRow(h), h, team);
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
                                      const torch::Tensor &allowed, KvCache *cache, DecodeTeam &team,
                                      const torch::Tensor &prompt, LayerCheckpointing *checkpointing)
{
    auto x = embed_tokens(ids);
    if (prompt.defined())
        x = torch::cat({prompt.to(x.dtype()), x}, 1);
    x = dropoutWhileTraining(x, m_dropout, is_training());
    if (cache && !allowed.defined() && x.size(1) == 1 && ids.numel() == 1 && rowReady()) {
        const auto headDim = 2 * m_rotary.inverseFrequencies().numel();
        thread_local std::vector<float> angles;
        angles.resize(static_cast<std::size_t>(2 * headDim));
        float *cosRow = angles.data();
        float *sinRow = cosRow + headDim;
        m_rotary.cosSinRow(positions.item<std::int64_t>(), cosRow, sinRow);
        for (std::size_t i = 0; i < m_layers.size(); ++i)
            x = m_layers[i]->forwardRow(x, cosRow, sinRow, *cache, static_cast<std::int64_t>(i), team);
        return norm->forwardRow(x);
    }
    const auto [cos, sin] = m_rotary.cosSin(positions);
    for (std::size_t i = 0; i < m_layers.size(); ++i) {
        const auto index = static_cast<std::int64_t>(i);
        if (checkpointing) {
            // By value: backward runs the layer again after this call has returned.
            x = checkpointing->run([layer = m_layers[i].ptr(), cos, sin, allowed, index](const torch::Tensor &input) {
                return layer->forward(input, cos, sin, allowed, nullptr, index);
            }, x);
        } else {
            x = m_layers[i](x, cos, sin, allowed, cache, index);
        }
    }
    return norm(x);
}

void LlamaModelImpl::setDropout(double probability)
{
    m_dropout = probability;
    for (auto &layer : m_layers)
        layer->setDropout(probability);
}

void LlamaModelImpl::setAttentionPrefix(const std::shared_ptr<AttentionPrefix> &prefix)
{
    for (auto &layer : m_layers)
        layer->setAttentionPrefix(prefix);
}

void LlamaModelImpl::fuseProjections()
{
    for (auto &layer : m_layers)
        layer->fuseProjections();
}

bool LlamaModelImpl::rowReady() const
{
    if (torch::GradMode::is_enabled())
        return false;
    const auto &w = embed_tokens->weight;
    if (!w.device().is_cpu() || w.scalar_type() != torch::kFloat)
        return false;
    for (const auto &layer : m_layers)
        if (!layer->rowReady())
            return false;
    return true;
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
    const auto input = promptInput(ids, attentionMask, past);
    const auto positions = positionIds(batch, input.seq, past, input.attentionMask, ids.device());
    const auto window = config().slidingWindow.value_or(0);
    return model(ids, positions, allowedKeys(input.seq, past, input.attentionMask, ids.device(), window), cache,
                 decodeTeam(), input.prompt, layerCheckpointing(cache));
}

} // namespace llmos
