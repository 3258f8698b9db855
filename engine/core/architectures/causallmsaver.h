#pragma once

#include "formats/dtype.h"

#include <nlohmann/json_fwd.hpp>

#include <string>

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
