#pragma once

#include "registry/modelrecord.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace llmos {

// What importing a path would register, worked out by reading and checking everything
// first and writing nothing: the model's format and facts, and the files to take, each
// with the real file behind it. A path that cannot be imported throws instead, so a
// refused import never touches the registry.
struct ImportPlan {
    struct File {
        std::string relativePath; // its name inside the model ("model.safetensors")
        std::string sourcePath;   // the regular file to read, links resolved (absolute)
        std::uint64_t size = 0;
        std::int64_t mtimeNs = 0;
    };

    std::string sourcePath; // what was offered, absolute
    ModelFormat format = ModelFormat::HuggingFace;
    std::string suggestedName;
    std::string family;
    std::string architecture;
    std::string dtype;
    std::string license;
    std::uint64_t parameterCount = 0;
    std::uint64_t contextLength = 0;
    std::string loadPath;      // see ModelRecord::loadPath
    std::string baseModelName; // a PEFT adapter's base_model_name_or_path
    std::string modelCardFile; // "README.md" when the model has a card
    std::map<std::string, std::string> metadata;
    std::vector<File> files;   // sorted by relativePath
    std::vector<std::string> warnings;

    std::uint64_t totalBytes() const noexcept;
};

// Checks a Hugging Face folder (config.json and safetensors, single or sharded, with
// tokenizer files, generation config, chat template and model card), a .safetensors
// file with config.json beside it, a .gguf file, or a PEFT adapter folder
// (adapter_config.json and adapter_model.safetensors): config and JSON files parse
// strictly, every safetensors header and the GGUF header validate, shard names stay in
// the folder. Refused, with an Error naming the file: pickle weights (when the folder
// holds nothing else), links leading out of the folder (except a Hugging Face cache
// snapshot's links into its own blobs/), non-regular files, hostile file names.
// Left out with a warning: pickle or other foreign weight files beside safetensors,
// subfolders, hidden files.
ImportPlan planImport(const std::string &path);

} // namespace llmos
