#pragma once

#include "model/modelconfig.h"

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace llmos {

// What `llmos inspect` (and later the model browser) shows about a model on disk,
// read from headers only: no tensor data is loaded.
struct ModelInspection {
    struct Tensor {
        std::string name;
        std::string dtype;                // safetensors or ggml type name
        std::vector<std::uint64_t> shape; // row-major (torch order)
        std::uint64_t bytes = 0;
        std::string file;                 // the shard holding it, for sharded folders
    };

    std::string path;
    std::string format;        // "huggingface-folder", "safetensors" or "gguf"
    std::string architecture;  // e.g. "LlamaForCausalLM", or GGUF general.architecture
    std::string family;        // gpt2 / llama / bert when known
    std::uint64_t parameterCount = 0;
    std::uint64_t tensorBytes = 0;
    std::map<std::string, std::uint64_t> dtypeCounts; // dtype -> number of tensors
    std::vector<Tensor> tensors;
    std::vector<std::string> files;
    std::map<std::string, std::string> metadata; // safetensors __metadata__ or GGUF key/values as text
    std::optional<ModelConfig> config;
    std::vector<std::string> warnings;
};

// Inspects a Hugging Face folder, a .safetensors file or a .gguf file. Pickle
// checkpoints are refused. Throws llmos::Error.
ModelInspection inspectModel(const std::string &path);

nlohmann::json toJson(const ModelInspection &inspection);

} // namespace llmos
