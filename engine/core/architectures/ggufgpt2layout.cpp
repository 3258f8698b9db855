#include "architectures/ggufgpt2layout.h"

#include "architectures/gguftensornames.h"

#include <array>

namespace llmos {

namespace {

constexpr std::string_view kLayerPrefix = "transformer.h.";

// A block's parameters, name after "transformer.h.N." -> GGUF name after "blk.N.".
constexpr std::array<std::pair<std::string_view, std::string_view>, 12> kLayerTensors{{
    {"ln_1.weight", "attn_norm.weight"},
    {"ln_1.bias", "attn_norm.bias"},
    {"attn.c_attn.weight", "attn_qkv.weight"},
    {"attn.c_attn.bias", "attn_qkv.bias"},
    {"attn.c_proj.weight", "attn_output.weight"},
    {"attn.c_proj.bias", "attn_output.bias"},
    {"ln_2.weight", "ffn_norm.weight"},
    {"ln_2.bias", "ffn_norm.bias"},
    {"mlp.c_fc.weight", "ffn_up.weight"},
    {"mlp.c_fc.bias", "ffn_up.bias"},
    {"mlp.c_proj.weight", "ffn_down.weight"},
    {"mlp.c_proj.bias", "ffn_down.bias"},
}};

constexpr std::array<std::pair<std::string_view, std::string_view>, 5> kModelTensors{{
    {"transformer.wte.weight", "token_embd.weight"},
    {"transformer.wpe.weight", "position_embd.weight"},
    {"transformer.ln_f.weight", "output_norm.weight"},
    {"transformer.ln_f.bias", "output_norm.bias"},
    {"lm_head.weight", "output.weight"},
}};

} // namespace

std::optional<std::string> ggufGpt2TensorName(std::string_view parameter)
{
    return ggufTensorNameFrom(parameter, kLayerPrefix, kModelTensors, kLayerTensors);
}

bool ggufGpt2Transposes(std::string_view parameter)
{
    return parameter.starts_with(kLayerPrefix) &&
           (parameter.ends_with(".c_attn.weight") || parameter.ends_with(".c_proj.weight") ||
            parameter.ends_with(".c_fc.weight"));
}

} // namespace llmos
