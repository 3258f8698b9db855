#pragma once

#include "formats/dtype.h"

#include <nlohmann/json_fwd.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace at {
class Tensor;
}
namespace torch::nn {
class Module;
}

namespace llmos {

class CausalLmImpl;

// What saveCausalLm does, for any module: every parameter under its module name in
// model.safetensors as `storeAs`, then `config` (torch_dtype set) as config.json, with
// the same checks. The BERT saver shares it.
void saveModuleAsHuggingFace(const torch::nn::Module &model, nlohmann::json config, const std::string &folder,
                             DType storeAs);

// The same for parameters whose values are made one at a time: `parameters` names them
// with their shapes, in the order they are stored, and valueOf(name) gives each value (any
// float dtype, the shape given). Only one parameter is held at a time, so a model larger
// than the memory left is saved. progress(done, total) after each one; false stops with
// Error(Cancelled) and nothing is written.
using ParameterShapes = std::vector<std::pair<std::string, std::vector<std::int64_t>>>;
void saveParametersAsHuggingFace(const ParameterShapes &parameters,
                                 const std::function<at::Tensor(const std::string &)> &valueOf,
                                 nlohmann::json config, const std::string &folder, DType storeAs,
                                 const std::function<bool(std::size_t done, std::size_t total)> &progress = {});

// Writes `model` as a Hugging Face folder that loadCausalLm (and transformers) read
// back: config.json from its ModelConfig (torch_dtype set to `storeAs`) and
// model.safetensors holding every parameter under its module name, converted to
// `storeAs` (F32, F16 or BF16). A tied head is stored once, as the embeddings. The
// folder is created if needed; one that already holds other weights (shards, an index,
// another .safetensors) is refused with Error(InvalidInput) rather than mixed with them.
// Each file is written atomically, the weights first, so config.json appears only next
// to complete weights.
void saveCausalLm(const CausalLmImpl &model, const std::string &folder, DType storeAs = DType::F32);

} // namespace llmos
