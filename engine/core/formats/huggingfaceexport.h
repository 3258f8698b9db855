#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace llmos {

struct HuggingFaceExportOptions {
    // Largest shard, in bytes of tensor data; the Hub's save_pretrained default is 5 GB.
    // A single tensor larger than this gets a shard of its own.
    std::uint64_t maxShardBytes = 5'000'000'000;
    // README.md of the export (a generated model card); without one the source's
    // README.md is copied when it has one.
    std::optional<std::string> modelCard;
    // Called with (tensor bytes written, tensor bytes in all); returning false cancels.
    std::function<bool(std::uint64_t done, std::uint64_t total)> progress;
};

// Writes the Hugging Face model folder `source` (single or sharded safetensors) to
// `destination` as save_pretrained lays it out: the tensors in shards of at most
// maxShardBytes, model.safetensors when one shard holds them all, else
// model-0000i-of-0000N.safetensors with model.safetensors.index.json
// (metadata.total_size and weight_map); every other file of the folder (config.json,
// generation_config.json, tokenizer files, chat_template.jinja, sentence-transformers
// modules, ...) copied as it is. A PEFT adapter folder keeps its
// adapter_model.safetensors unsharded. Tensors are copied byte for byte, so the export
// loads to identical values.
//
// `destination` must not exist. Everything is written into a temporary sibling folder
// that is renamed into place at the end: an error or a cancel (Error(Cancelled)) leaves
// nothing behind. Pickle weights in the source are refused, not copied.
void exportHuggingFaceFolder(const std::string &source, const std::string &destination,
                             const HuggingFaceExportOptions &options = {});

} // namespace llmos
