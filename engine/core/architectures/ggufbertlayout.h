#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace llmos {

// How llama.cpp lays out BERT in GGUF (convert_hf_to_gguf.py's BertModel, gguf-py's
// tensor map and llama.cpp's encoder graph), shared by the GGUF loader and the exporter.
//
// The classification head follows llama.cpp's RANK pooling, which runs
// cls.output(tanh(cls(hidden of the first token))): that is BERT's pooler followed by its
// classifier, so pooler.dense is stored as "cls" and classifier as "cls.output". An
// encoder for embeddings carries neither (llama.cpp's converter drops the pooler).

// The GGUF name of one of BertModel's or BertForSequenceClassification's parameters
// (with or without the "bert." prefix), or nothing for a name the layout does not know.
std::optional<std::string> ggufBertTensorName(std::string_view parameter);

// <arch>.pooling_type values (gguf-py's PoolingType).
enum class GgufPoolingType : std::uint32_t { None = 0, Mean = 1, Cls = 2, Last = 3, Rank = 4 };

// The GGUF names of the classification head.
inline constexpr std::string_view kGgufPoolerWeight = "cls.weight";
inline constexpr std::string_view kGgufClassifierWeight = "cls.output.weight";

} // namespace llmos
