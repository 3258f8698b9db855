#include "architectures/llamamodel.h"

#include "architectures/rowkernels.h"
#include "util/error.h"

#include <algorithm>
#include <optional>
#include <vector>

namespace llmos {

namespace {

// W x (+ bias) (+ residual) for each row of x on the team, however W is stored.
torch::Tensor multiplyRows(DecodeTeam &team, const ProjectionImpl &projection, const torch::Tensor &x,
                           const torch::Tensor &residual = {})
{
    if (projection.quantized)
        return team.multiplyRows(*projection.quantized, x, projection.bias, residual);
    return team.multiplyRows(projection.weight, x, projection.bias, residual);
}

torch::Tensor multiplyRows(DecodeTeam &team, const FusedProjection &projection, const torch::Tensor &x)
{
    if (const auto *quantized = projection.quantized())
        return team.multiplyRows(*quantized, x, projection.bias());
    return team.multiplyRows(projection.weight(), x, projection.bias());
}

} // namespace

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

torch::Tensor LlamaAttentionImpl::forwardRows(const torch::Tensor &normed, const torch::Tensor &residual,
                                              const rowkernels::DecodeRows &rows, KvCache &cache, std::int64_t layer,
                                              DecodeTeam &team)
{
    const auto count = rows.count;
    auto qkv = multiplyRows(team, m_qkv, normed.view({count, -1}));
    const auto width = qkv.size(1);
    float *base = qkv.data_ptr<float>();
    // Query and key heads are consecutive in the fused output: one pass rotates both.
    for (std::int64_t b = 0; b < count; ++b)
        rowkernels::rotateHalf(base + b * width, rows.cos(b), rows.sin(b), m_heads + m_keyValueHeads, m_headDim);
    const auto keys = base + m_heads * m_headDim;
    const auto values = keys + m_keyValueHeads * m_headDim;
    const auto cached = cache.appendRows(layer, keys, values, count, width, m_keyValueHeads, m_headDim);

    const auto qDim = m_heads * m_headDim;
    auto attended = torch::empty({count, qDim}, torch::kFloat);
    float *out = attended.data_ptr<float>();
    // Heads of all rows are independent: the team splits them once the cache is long
    // enough to matter.
    const auto bytesPerHead = 2 * cached.tokens * m_headDim * static_cast<std::int64_t>(sizeof(float));
    team.forRows(count * m_heads, bytesPerHead, 1, [&](std::int64_t begin, std::int64_t end) {
        thread_local std::vector<float> scores;
        scores.resize(static_cast<std::size_t>(cached.tokens));
        for (auto item = begin; item < end;) {
            const auto b = item / m_heads;
            const auto firstHead = item % m_heads;
            const auto endHead = std::min(m_heads, firstHead + (end - item));
            rowkernels::attendOneQuery(base + b * width, cached.row(b, m_headDim, rows.pad(b)), m_heads,
                                       m_keyValueHeads, m_headDim, firstHead, endHead, out + b * qDim, scores.data());
            item += endHead - firstHead;
        }
    });
    // The residual add rides on the matrix-vector products: residual + W a.
    return multiplyRows(team, *o_proj, attended, residual.reshape({count, -1})).view(residual.sizes());
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

torch::Tensor LlamaMlpImpl::forwardRows(const torch::Tensor &normed, const torch::Tensor &residual, std::int64_t count,
                                        DecodeTeam &team)
{
    const auto *quantized = m_gateUp.quantized();
    const auto &gateUpWeight = m_gateUp.weight();
    if (!quantized && !DecodeTeam::handles(gateUpWeight, normed[0]))
        return residual + forward(normed);
    // Gate row i and up row i go to the same thread, which applies SwiGLU to them at once:
    // one job instead of a product and then a serial pass over the activations. Each block
    // of weight rows serves every sequence of the step while it is in the L1 cache.
    const auto width = (quantized ? quantized->rows() : gateUpWeight.size(0)) / 2;
    const auto cols = quantized ? quantized->cols() : gateUpWeight.size(1);
    auto gateUp = torch::empty({2, width}, torch::kFloat);
    auto activated = torch::empty({count, width}, torch::kFloat);
    const float *x = normed.data_ptr<float>();
    float *gateRow = gateUp.data_ptr<float>();
    float *upRow = gateRow + width;
    float *out = activated.data_ptr<float>();
    // Biases only with mlp_bias (a BitFit-merged model).
    const auto &gateUpBias = m_gateUp.bias();
    const float *gateBias = gateUpBias.defined() ? gateUpBias.data_ptr<float>() : nullptr;
    const float *upBias = gateBias ? gateBias + width : nullptr;
    // Rows [block, blockEnd) of the gate and up products of one input.
    const auto products = [&](const float *input, std::int64_t block, std::int64_t blockEnd) {
        if (quantized) {
            rowkernels::quantizedMatVecRows(quantized->product(0, input, gateBias, nullptr, gateRow), block, blockEnd);
            rowkernels::quantizedMatVecRows(quantized->product(width, input, upBias, nullptr, upRow), block, blockEnd);
            return;
        }
        const float *weights = gateUpWeight.data_ptr<float>();
        rowkernels::matVecRows({weights, cols, input, gateBias, nullptr, gateRow}, block, blockEnd);
        rowkernels::matVecRows({weights + width * cols, cols, input, upBias, nullptr, upRow}, block, blockEnd);
    };
    const auto bytesPerRow =
        2 * (quantized ? quantized->bytesPerRow() : cols * static_cast<std::int64_t>(sizeof(float)));
    team.forRows(width, bytesPerRow, rowkernels::kMatVecRowsAtOnce, [&](std::int64_t begin, std::int64_t end) {
        for (auto block = begin; block < end; block += rowkernels::kMatVecRowsAtOnce) {
            const auto blockEnd = std::min(end, block + rowkernels::kMatVecRowsAtOnce);
            for (std::int64_t b = 0; b < count; ++b) {
                products(x + b * cols, block, blockEnd);
                rowkernels::siluGate(gateRow + block, upRow + block, out + b * width + block, blockEnd - block);
            }
        }
    });
    return multiplyRows(team, *down_proj, activated, residual.reshape({count, -1})).view(residual.sizes());
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

torch::Tensor LlamaDecoderLayerImpl::forwardRows(const torch::Tensor &x, const rowkernels::DecodeRows &rows,
                                                 KvCache &cache, std::int64_t layer, DecodeTeam &team)
{
    const auto h = self_attn->forwardRows(input_layernorm->forwardRows(x, rows.count), x, rows, cache, layer, team);
    return mlp->forwardRows(post_attention_layernorm->forwardRows(h, rows.count), h, rows.count, team);
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
    if (cache && x.size(1) == 1 && rowReady()) {
        if (const auto padding = rowPathPadding(allowed, ids.size(0))) {
            // One token per sequence: the row path, each row at its own position.
            const auto count = ids.size(0);
            const auto headDim = 2 * m_rotary.inverseFrequencies().numel();
            thread_local std::vector<float> angles;
            angles.resize(static_cast<std::size_t>(count * 2 * headDim));
            const auto rowPositions = positions.to(torch::kLong).contiguous(); // kept: read through a pointer
            const auto *position = rowPositions.data_ptr<std::int64_t>();
            for (std::int64_t b = 0; b < count; ++b)
                m_rotary.cosSinRow(position[b], angles.data() + b * 2 * headDim,
                                   angles.data() + b * 2 * headDim + headDim);
            const rowkernels::DecodeRows rows{count, angles.data(), padding->data(), headDim};
            x = x.contiguous();
            for (std::size_t i = 0; i < m_layers.size(); ++i)
                x = m_layers[i]->forwardRows(x, rows, *cache, static_cast<std::int64_t>(i), team);
            return norm->forwardRows(x, count);
        }
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

std::optional<std::vector<std::int64_t>> LlamaModelImpl::rowPathPadding(const torch::Tensor &allowed,
                                                                         std::int64_t rows)
{
    if (rows > kMostRowPathSequences)
        return std::nullopt;
    std::vector<std::int64_t> padding(static_cast<std::size_t>(rows), 0);
    if (!allowed.defined())
        return padding;
    // [rows, 1, 1, keys]: row b may attend keys [padding_b, keys) and none before.
    if (allowed.dim() != 4 || allowed.size(0) != rows || allowed.size(2) != 1)
        return std::nullopt;
    const auto mask = allowed.reshape({rows, -1}).to(torch::kCPU, torch::kBool).contiguous();
    const auto keys = mask.size(1);
    const bool *at = mask.data_ptr<bool>();
    for (std::int64_t b = 0; b < rows; ++b) {
        const bool *row = at + b * keys;
        std::int64_t first = 0;
        while (first < keys && !row[first])
            ++first;
        if (first == keys || !std::all_of(row + first, row + keys, [](bool allowedKey) { return allowedKey; }))
            return std::nullopt; // a hole or a window: the tensor path handles it
        padding[static_cast<std::size_t>(b)] = first;
    }
    return padding;
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
