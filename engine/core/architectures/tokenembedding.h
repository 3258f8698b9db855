#pragma once

#include <torch/torch.h>

#include <cstdint>

namespace llmos {

// A token-embedding table [vocab, hidden], left empty until loaded (see projection.h).
class TokenEmbeddingImpl : public torch::nn::Module {
public:
    TokenEmbeddingImpl(std::int64_t count, std::int64_t dimension)
    {
        weight = register_parameter("weight", torch::empty({count, dimension}));
    }

    torch::Tensor forward(const torch::Tensor &ids) { return torch::embedding(weight, ids); }

    torch::Tensor weight;
};
TORCH_MODULE(TokenEmbedding);

} // namespace llmos
