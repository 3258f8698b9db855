#include "architectures/rotaryembedding.h"

#include "util/error.h"

#include <cmath>
#include <numbers>
#include <vector>

namespace llmos {

namespace {

// Llama 3.1's frequency-dependent scaling (transformers' _compute_llama3_parameters):
// wavelengths shorter than original/high_freq_factor stay, longer than
// original/low_freq_factor are divided by `factor`, and the band between is blended.
double llama3Scaled(double frequency, const RopeScaling &s)
{
    const double original = static_cast<double>(s.originalMaxPositionEmbeddings);
    const double lowFreqWavelength = original / s.lowFreqFactor;
    const double highFreqWavelength = original / s.highFreqFactor;
    const double wavelength = 2 * std::numbers::pi / frequency;
    if (wavelength < highFreqWavelength)
        return frequency;
    if (wavelength > lowFreqWavelength)
        return frequency / s.factor;
    const double smooth = (original / wavelength - s.lowFreqFactor) / (s.highFreqFactor - s.lowFreqFactor);
    return (1 - smooth) * frequency / s.factor + smooth * frequency;
}

} // namespace

RotaryEmbedding::RotaryEmbedding(const ModelConfig &config)
{
    const auto half = config.headDim / 2;
    std::vector<float> frequencies;
    frequencies.reserve(static_cast<std::size_t>(half));
    const auto &scaling = config.ropeScaling;
    if (scaling && scaling->type != "linear" && scaling->type != "llama3")
        throw Error(ErrorKind::Unsupported, "config.json: rope_scaling.rope_type",
                    "\"" + scaling->type + "\" rotary scaling is not supported (supported: linear, llama3)");
    if (scaling && scaling->type == "llama3"
        && (scaling->originalMaxPositionEmbeddings <= 0 || scaling->highFreqFactor <= scaling->lowFreqFactor
            || scaling->lowFreqFactor <= 0))
        throw Error(ErrorKind::Format, "config.json: rope_scaling",
                    "llama3 scaling needs original_max_position_embeddings > 0 and "
                    "0 < low_freq_factor < high_freq_factor");
    for (std::int64_t i = 0; i < half; ++i) {
        double f = 1.0 / std::pow(config.ropeTheta, static_cast<double>(2 * i) / static_cast<double>(config.headDim));
        if (scaling && scaling->type == "linear")
            f /= scaling->factor;
        else if (scaling)
            f = llama3Scaled(f, *scaling);
        frequencies.push_back(static_cast<float>(f));
    }
    m_inverseFrequencies = torch::tensor(frequencies, torch::kFloat);
}

std::pair<torch::Tensor, torch::Tensor> RotaryEmbedding::cosSin(const torch::Tensor &positions) const
{
    const auto frequencies = m_inverseFrequencies.to(positions.device());
    const auto angles = positions.to(torch::kFloat).unsqueeze(-1) * frequencies; // [b, s, d/2]
    const auto full = torch::cat({angles, angles}, -1).unsqueeze(1);            // [b, 1, s, d]
    return {full.cos(), full.sin()};
}

void RotaryEmbedding::cosSinRow(std::int64_t position, float *cos, float *sin) const
{
    const auto half = m_inverseFrequencies.numel();
    const float *frequencies = m_inverseFrequencies.data_ptr<float>();
    const auto at = static_cast<float>(position); // fp32 angles, as cosSin computes them
    for (std::int64_t i = 0; i < half; ++i) {
        const float angle = at * frequencies[i];
        cos[i] = cos[i + half] = std::cos(angle);
        sin[i] = sin[i + half] = std::sin(angle);
    }
}

torch::Tensor RotaryEmbedding::apply(const torch::Tensor &x, const torch::Tensor &cos, const torch::Tensor &sin)
{
    const auto half = x.size(-1) / 2;
    const auto rotated = torch::cat({-x.narrow(-1, half, half), x.narrow(-1, 0, half)}, -1);
    return x * cos + rotated * sin;
}

} // namespace llmos
