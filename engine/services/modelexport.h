#pragma once

#include "formats/gguf/ggmltype.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace llmos {

class ModelRegistry;

enum class ModelExportFormat { HuggingFace, Gguf };

struct ModelExportRequest {
    std::string model;       // registry id or name
    ModelExportFormat format = ModelExportFormat::HuggingFace;
    std::string destination; // a new folder (Hugging Face) or a new .gguf file
    // Hugging Face: the largest shard in bytes.
    std::uint64_t maxShardBytes = 5'000'000'000;
    // GGUF: how 2-D weights are stored (F32, F16, BF16, Q8_0). A GGUF source is copied
    // as it is when this is not given.
    std::optional<GgmlType> ggufType;
    // When set, the export is registered under this name with a lineage edge from the
    // source (kind "export", or "quantize" for Q8_0).
    std::string registerAs;
    // Called with the fraction done; returning false cancels (Error(Cancelled), nothing
    // left behind).
    std::function<bool(double fraction)> progress;
};

struct ModelExportResult {
    std::string path;
    std::string registeredId; // empty unless registerAs was given
};

// Exports a registered model, so the files work in other tools: a Hugging Face folder
// (safetensors shards, index, config, tokenizer, chat template and a generated model
// card with the model's lineage) or a GGUF file that carries the tokenizer and chat
// template. The one place the CLI, the window and the server export from.
// A GGUF source becomes a Hugging Face folder through exportGgufAsHuggingFaceFolder
// (dequantized weights in the dtype its matrices hold, F16 for quantized ones; config,
// generation config, tokenizer.json and tokenizer_config.json with the chat template),
// then is sharded and carded like any folder; a vocabulary with no Hugging Face form is
// Error(Unsupported) naming it. Refused with Error(Unsupported): a PEFT adapter to GGUF
// (merge it first), re-encoding a GGUF to another type.
ModelExportResult exportRegisteredModel(ModelRegistry &registry, const ModelExportRequest &request);

} // namespace llmos
