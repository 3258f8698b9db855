#include "architectures/ggufllamalayout.h"

#include "architectures/gguftensornames.h"
#include "architectures/rotaryembedding.h"
#include "util/error.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numbers>
#include <utility>
#include <vector>

namespace llmos {

namespace {

constexpr std::string_view kLayerPrefix = "model.layers.";

// A layer's parameters, Hugging Face name after "model.layers.N." -> GGUF name after "blk.N.".
constexpr std::array<std::pair<std::string_view, std::string_view>, 13> kLayerTensors{{
    {"input_layernorm.weight", "attn_norm.weight"},
    {"self_attn.q_proj.weight", "attn_q.weight"},
    {"self_attn.q_proj.bias", "attn_q.bias"},
    {"self_attn.k_proj.weight", "attn_k.weight"},
    {"self_attn.k_proj.bias", "attn_k.bias"},
    {"self_attn.v_proj.weight", "attn_v.weight"},
    {"self_attn.v_proj.bias", "attn_v.bias"},
    {"self_attn.o_proj.weight", "attn_output.weight"},
    {"self_attn.o_proj.bias", "attn_output.bias"},
    {"post_attention_layernorm.weight", "ffn_norm.weight"},
    {"mlp.gate_proj.weight", "ffn_gate.weight"},
    {"mlp.up_proj.weight", "ffn_up.weight"},
    {"mlp.down_proj.weight", "ffn_down.weight"},
}};

constexpr std::array<std::pair<std::string_view, std::string_view>, 3> kModelTensors{{
    {"model.embed_tokens.weight", "token_embd.weight"},
    {"model.norm.weight", "output_norm.weight"},
    {"lm_head.weight", "output.weight"},
}};

// Factors this close to 1 or to the largest factor are the unscaled and the fully
// scaled frequencies; the files store them as fp32.
constexpr double kFactorTolerance = 1e-5;
// How closely the frequencies of the scaling found must match the file's.
constexpr double kFrequencyTolerance = 1e-4;

ModelConfig withoutRopeScaling(ModelConfig config)
{
    config.ropeScaling.reset();
    return config;
}

std::vector<double> toDoubles(const torch::Tensor &t)
{
    const auto d = t.to(torch::kDouble).contiguous();
    return {d.data_ptr<double>(), d.data_ptr<double>() + d.numel()};
}

torch::Tensor splitHeads(const torch::Tensor &rows, std::int64_t heads, bool pairsInner)
{
    const auto shape = rows.sizes().vec();
    if (shape.empty() || heads <= 0 || shape[0] % (2 * heads) != 0)
        throw Error(ErrorKind::InvalidInput, "rope row permutation",
                    std::to_string(shape.empty() ? 0 : shape[0]) + " rows cannot be split into " +
                        std::to_string(heads) + " heads of two halves");
    const auto half = shape[0] / heads / 2;
    std::vector<std::int64_t> split{heads, pairsInner ? half : 2, pairsInner ? 2 : half};
    split.insert(split.end(), shape.begin() + 1, shape.end());
    return rows.reshape(split).transpose(1, 2).reshape(shape).contiguous();
}

} // namespace

std::string ggufKey(std::string_view architecture, std::string_view suffix)
{
    return std::string(architecture) + "." + std::string(suffix);
}

std::string ggufArchitectureFor(const ModelConfig &config)
{
    if (config.family == ModelFamily::Llama)
        return config.modelType == "qwen2" ? "qwen2" : "llama";
    throw Error(ErrorKind::Unsupported, "config.json: model_type",
                "\"" + config.modelType + "\" cannot be exported to GGUF yet (supported: llama, mistral, qwen2)");
}

bool ggufPermutesRope(std::string_view architecture)
{
    return architecture == "llama";
}

std::optional<std::string> ggufTensorName(std::string_view parameter)
{
    return ggufTensorNameFrom(parameter, kLayerPrefix, kModelTensors, kLayerTensors);
}

std::optional<std::int64_t> ropeHeadsOf(std::string_view parameter, const ModelConfig &config)
{
    if (parameter.ends_with(".self_attn.q_proj.weight") || parameter.ends_with(".self_attn.q_proj.bias"))
        return config.numHeads;
    if (parameter.ends_with(".self_attn.k_proj.weight") || parameter.ends_with(".self_attn.k_proj.bias"))
        return config.numKeyValueHeads;
    return std::nullopt;
}

torch::Tensor ropeRowsToGgml(const torch::Tensor &rows, std::int64_t heads)
{
    return splitHeads(rows, heads, /*pairsInner=*/false);
}

torch::Tensor ropeRowsFromGgml(const torch::Tensor &rows, std::int64_t heads)
{
    return splitHeads(rows, heads, /*pairsInner=*/true);
}

torch::Tensor ropeFrequencyFactors(const ModelConfig &config)
{
    const RotaryEmbedding unscaled(withoutRopeScaling(config));
    const RotaryEmbedding scaled(config);
    return (unscaled.inverseFrequencies().to(torch::kDouble) / scaled.inverseFrequencies().to(torch::kDouble))
        .to(torch::kFloat);
}

std::optional<RopeScaling> llama3ScalingFromFactors(const ModelConfig &config, const torch::Tensor &factors,
                                                    const std::string &where)
{
    const auto base = toDoubles(RotaryEmbedding(withoutRopeScaling(config)).inverseFrequencies());
    if (factors.dim() != 1 || factors.size(0) != static_cast<std::int64_t>(base.size()))
        throw Error(ErrorKind::Format, where,
                    "must hold one factor per rotary frequency (" + std::to_string(base.size()) + ")");
    const auto divisors = toDoubles(factors);
    const auto notLlama3 = [&](const std::string &why) {
        return Error(ErrorKind::Unsupported, where,
                     why + "; only Llama 3 style rope frequency factors (rope_scaling llama3) are supported");
    };
    double largest = 1;
    for (double f : divisors) {
        if (!std::isfinite(f) || f < 1 - kFactorTolerance)
            throw notLlama3("holds the factor " + std::to_string(f) + " (factors must be finite and at least 1)");
        largest = std::max(largest, f);
    }
    if (largest <= 1 + kFactorTolerance)
        return std::nullopt;

    // In Llama 3 scaling, with x = 1 / wavelength, a = low_freq_factor / original and
    // b = high_freq_factor / original: x >= b keeps the frequency (factor 1), x <= a
    // divides it by `factor`, and between them 1 / divisor = (1 - s) / factor + s with
    // s = (x - a) / (b - a). Find a and b from the frequencies in each band.
    double maxLow = 0;
    double minHigh = std::numeric_limits<double>::infinity();
    std::vector<std::pair<double, double>> middle; // (x, s)
    for (std::size_t i = 0; i < divisors.size(); ++i) {
        const double x = base[i] / (2 * std::numbers::pi);
        const double f = divisors[i];
        if (std::abs(f - 1) <= kFactorTolerance)
            minHigh = std::min(minHigh, x);
        else if (std::abs(f - largest) <= kFactorTolerance * largest)
            maxLow = std::max(maxLow, x);
        else
            middle.emplace_back(x, (1 / f - 1 / largest) / (1 - 1 / largest));
    }
    std::sort(middle.begin(), middle.end());
    double a = 0;
    double b = 0;
    if (middle.size() >= 2 && middle.back().second > middle.front().second) {
        const auto [x0, s0] = middle.front();
        const auto [x1, s1] = middle.back();
        const double width = (x1 - x0) / (s1 - s0);
        a = x0 - s0 * width;
        b = a + width;
    } else if (!middle.empty()) {
        // One point fixes a + s (b - a) only: choose a band that keeps every other
        // frequency on its side.
        const auto [x, s] = middle.front();
        double width = s > 0 ? x / s : x;
        if (maxLow > 0 && s > 0)
            width = std::min(width, (x - maxLow) / s);
        if (std::isfinite(minHigh) && s < 1)
            width = std::min(width, (minHigh - x) / (1 - s));
        width /= 2;
        a = x - s * width;
        b = a + width;
    } else if (std::isfinite(minHigh)) {
        a = maxLow + (minHigh - maxLow) / 3;
        b = maxLow + 2 * (minHigh - maxLow) / 3;
    } else {
        a = 2 * maxLow;
        b = 4 * a;
    }
    if (!(a > 0) || !(b > a) || 1 / a > 1e12)
        throw notLlama3("the factors do not form low, blended and high frequency bands");

    RopeScaling scaling;
    scaling.type = "llama3";
    scaling.factor = largest;
    scaling.originalMaxPositionEmbeddings = std::max<std::int64_t>(1, std::llround(1 / a));
    const auto original = static_cast<double>(scaling.originalMaxPositionEmbeddings);
    scaling.lowFreqFactor = a * original;
    scaling.highFreqFactor = b * original;

    ModelConfig scaled = config;
    scaled.ropeScaling = scaling;
    const auto got = toDoubles(RotaryEmbedding(scaled).inverseFrequencies());
    for (std::size_t i = 0; i < base.size(); ++i) {
        const double want = base[i] / divisors[i];
        if (std::abs(got[i] - want) > kFrequencyTolerance * want)
            throw notLlama3("frequency " + std::to_string(i) + " does not follow the low/blended/high pattern");
    }
    return scaling;
}

} // namespace llmos
