#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace llmos {

// How llama.cpp lays out GPT-2 in GGUF (convert_hf_to_gguf.py's GPT2Model and gguf-py's
// tensor map), shared by the GGUF loader and the exporter so that the two cannot drift.

// The GGUF name of one of Gpt2LmHeadModel's parameters (transformer.h.3.attn.c_attn.weight
// -> blk.3.attn_qkv.weight), or nothing for a name the layout does not know.
std::optional<std::string> ggufGpt2TensorName(std::string_view parameter);

// True for the Conv1D weights (c_attn, c_proj, c_fc), which transformers stores [in, out]
// and llama.cpp's converter transposes to [out, in] like any linear weight.
bool ggufGpt2Transposes(std::string_view parameter);

} // namespace llmos
