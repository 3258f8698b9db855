#pragma once

#include "architectures/causallm.h"

#include <torch/torch.h>

#include <vector>

namespace llmos {

// Activation checkpointing for the decoder loops of GPT-2 and Llama (causallm.h): the
// forward pass runs each layer, drops what it recorded and keeps only its input; backward runs
// the layer again, this time recording, and takes the gradients from that recomputation.
// Per layer, memory falls from all of its activations to its input [batch, seq, hidden],
// at the price of one more forward pass of every layer.
//
// libtorch 1.13's C++ API has no torch::utils::checkpoint, hence this. Two details make
// the gradients equal to those of a plain run:
// - The trained parameters are inputs of the recorded step (`trained`): gradients reach
//   parameters inside the layer (LoRA, adapters, BitFit biases, its own weights) and those
//   it reads from outside (prefix tuning's keys and values), even when the layer's input
//   needs no gradient (frozen embeddings), which would otherwise leave no backward at all.
// - The recomputation sees the CPU generator in the state the first pass saw, so dropout
//   masks (LoRA dropout) come out the same; the generator's state is put back afterwards,
//   so the rest of the run draws the same numbers as without checkpointing.
// CPU only, as the trainer is: a CUDA generator is not saved.
class ActivationCheckpointing : public LayerCheckpointing {
public:
    // `trained`: every parameter the optimizer steps (requires_grad); other tensors get no
    // gradient through a checkpointed layer.
    explicit ActivationCheckpointing(std::vector<torch::Tensor> trained);

    torch::Tensor run(const Layer &layer, const torch::Tensor &x) override;

private:
    std::vector<torch::Tensor> m_trained;
};

} // namespace llmos
