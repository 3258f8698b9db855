#include "architectures/ggufbertlayout.h"

#include "architectures/gguftensornames.h"

#include <array>

namespace llmos {

namespace {

constexpr std::string_view kTaskPrefix = "bert.";
constexpr std::string_view kLayerPrefix = "encoder.layer.";

// A layer's parameters, name after "encoder.layer.N." -> GGUF name after "blk.N.".
constexpr std::array<std::pair<std::string_view, std::string_view>, 16> kLayerTensors{{
    {"attention.self.query.weight", "attn_q.weight"},
    {"attention.self.query.bias", "attn_q.bias"},
    {"attention.self.key.weight", "attn_k.weight"},
    {"attention.self.key.bias", "attn_k.bias"},
    {"attention.self.value.weight", "attn_v.weight"},
    {"attention.self.value.bias", "attn_v.bias"},
    {"attention.output.dense.weight", "attn_output.weight"},
    {"attention.output.dense.bias", "attn_output.bias"},
    {"attention.output.LayerNorm.weight", "attn_output_norm.weight"},
    {"attention.output.LayerNorm.bias", "attn_output_norm.bias"},
    {"intermediate.dense.weight", "ffn_up.weight"},
    {"intermediate.dense.bias", "ffn_up.bias"},
    {"output.dense.weight", "ffn_down.weight"},
    {"output.dense.bias", "ffn_down.bias"},
    {"output.LayerNorm.weight", "layer_output_norm.weight"},
    {"output.LayerNorm.bias", "layer_output_norm.bias"},
}};

constexpr std::array<std::pair<std::string_view, std::string_view>, 9> kModelTensors{{
    {"embeddings.word_embeddings.weight", "token_embd.weight"},
    {"embeddings.position_embeddings.weight", "position_embd.weight"},
    {"embeddings.token_type_embeddings.weight", "token_types.weight"},
    {"embeddings.LayerNorm.weight", "token_embd_norm.weight"},
    {"embeddings.LayerNorm.bias", "token_embd_norm.bias"},
    {"pooler.dense.weight", kGgufPoolerWeight},
    {"pooler.dense.bias", "cls.bias"},
    {"classifier.weight", kGgufClassifierWeight},
    {"classifier.bias", "cls.output.bias"},
}};

} // namespace

std::optional<std::string> ggufBertTensorName(std::string_view parameter)
{
    if (parameter.starts_with(kTaskPrefix))
        parameter.remove_prefix(kTaskPrefix.size());
    return ggufTensorNameFrom(parameter, kLayerPrefix, kModelTensors, kLayerTensors);
}

} // namespace llmos
