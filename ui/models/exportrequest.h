#pragma once

#include "formats/gguf/ggmltype.h"

#include <QString>

#include <cstdint>

namespace llmos {

// What the Export dialog asks for: a Hugging Face folder in shards of at most
// maxShardBytes, or one GGUF file with its 2-D weights stored as ggufType.
struct ExportRequest {
    enum class Format { HuggingFace, Gguf };

    Format format = Format::HuggingFace;
    QString destination; // the folder or file to create; must not exist
    std::uint64_t maxShardBytes = 5'000'000'000;
    GgmlType ggufType = GgmlType::F16;
};

} // namespace llmos
