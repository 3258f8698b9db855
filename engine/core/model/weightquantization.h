#pragma once

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace llmos {

// How a model's linear weights are stored when they are quantized (weight-only;
// activations stay fp32): int8 with one scale per output channel, or 4-bit with one scale
// per `group` consecutive input columns. Symmetric, no zero points: w ≈ q · scale.
// On disk it is the compressed-tensors layout (llm-compressor, read by vLLM and
// transformers): config.json "quantization_config" with quant_method
// "compressed-tensors", format "int-quantized" (int8 `weight` + `weight_scale`) or
// "pack-quantized" (`weight_packed` int32 words of eight 4-bit values, `weight_scale`,
// `weight_shape`).
struct WeightQuantization {
    int bits = 8;                // 8 or 4
    std::int64_t group = 0;      // 4-bit: columns per scale (a multiple of 32); 8-bit: 0 (per channel)
    bool quantizedHead = true;   // the LM head too (not in the config's "ignore" list)

    bool operator==(const WeightQuantization &) const = default;
    // "int8 per channel", "4-bit, groups of 32", for people.
    std::string describe() const;
};

// config.json's quantization_config: nullopt when absent or null. Other methods (GPTQ,
// AWQ, bitsandbytes, FP8, activation quantization) -> Error(Unsupported) naming the
// field and what is supported; malformed -> Error(Format).
std::optional<WeightQuantization> readQuantizationConfig(const nlohmann::json &config, const std::string &sourceName);

// The quantization_config object for `scheme`, which readQuantizationConfig reads back.
nlohmann::json quantizationConfigJson(const WeightQuantization &scheme);

} // namespace llmos
