#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>

namespace llmos {

// Pairs of (Hugging Face parameter name, GGUF tensor name).
using GgufNamePairs = std::span<const std::pair<std::string_view, std::string_view>>;

// How every family's layout names its tensors in GGUF: whole-model parameters by a table,
// and "<layerPrefix>N.<tail>" as "blk.N.<GGUF tail>" by the per-layer table. Nothing for
// a name neither table knows (or a layer index that is not a number).
std::optional<std::string> ggufTensorNameFrom(std::string_view parameter, std::string_view layerPrefix,
                                              GgufNamePairs modelTensors, GgufNamePairs layerTensors);

} // namespace llmos
