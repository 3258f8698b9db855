#pragma once

#include "architectures/gpt2model.h"
#include "architectures/projection.h"

#include <torch/torch.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace llmos {

// One linear layer of a model seen the same way whatever its class: a Projection
// (weight [out, in]) or GPT-2's Conv1D (weight stored [in, out]). Methods that hook,
// merge into or add biases to linear layers work through this.
class LinearLayer {
public:
    LinearLayer(std::string name, std::shared_ptr<ProjectionImpl> projection);
    LinearLayer(std::string name, std::shared_ptr<Gpt2Conv1dImpl> conv);

    // The module's path in the model, e.g. "model.layers.0.self_attn.q_proj".
    const std::string &name() const noexcept { return m_name; }
    std::int64_t in() const;
    std::int64_t out() const;
    // W as [out, in] (a transposed view for GPT-2) and the bias (undefined when none).
    torch::Tensor weight() const;
    torch::Tensor bias() const;
    // The layer's "weight" parameter itself, in its stored layout.
    torch::Tensor storedWeight() const;
    // Whether the weight is stored [in, out] (GPT-2's Conv1D, PEFT's fan_in_fan_out).
    bool transposed() const noexcept { return m_conv != nullptr; }
    // The decoder layer the module belongs to ("...layers.3..." -> 3), if any.
    std::optional<std::int64_t> layerIndex() const;

    // W += delta ([out, in]), in place: fused views of the weight stay intact.
    void addToWeight(const torch::Tensor &delta);
    // Registers a zero bias [out] as the parameter "bias" when the layer has none, so it
    // is saved under the checkpoint's name (".bias"); returns the bias.
    torch::Tensor ensureBias();

    void setHook(std::shared_ptr<ProjectionHookImpl> hook);
    void clearHook();
    bool hooked() const;

private:
    std::string m_name;
    std::shared_ptr<ProjectionImpl> m_projection;
    std::shared_ptr<Gpt2Conv1dImpl> m_conv;
};

// Every linear layer in `model`, in module order.
std::vector<LinearLayer> findLinearLayers(torch::nn::Module &model);

// PEFT's target_modules for the layers hooked: each one's last name component
// ("q_proj"), once, in first-seen order, so a reader need not know our defaults.
std::vector<std::string> targetModuleNames(const std::vector<LinearLayer> &layers);

// The decoder layer a parameter or module name belongs to: "transformer.h.3.attn" -> 3,
// "model.layers.0.mlp" -> 0, "bert.encoder.layer.2.output" -> 2.
std::optional<std::int64_t> layerIndexOf(const std::string &name);

// PEFT's rule for target_modules: the name is the target or ends with "." + target.
bool nameMatchesTarget(const std::string &name, const std::string &target);

// The causal LM inside a training target: the model itself or its first such submodule.
class CausalLmImpl;
CausalLmImpl *findCausalLm(torch::nn::Module &model);

} // namespace llmos
