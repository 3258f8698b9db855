#include "training/activationcheckpointing.h"

#include "training/cpugenerator.h"

#include <torch/csrc/autograd/custom_function.h>

#include <mutex>

namespace llmos {

namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

// The layer, kept with the recorded step until backward. AutogradContext keeps non-tensor
// state only as IValues; a capsule is the one that carries a C++ object.
struct SavedLayer : torch::CustomClassHolder {
    explicit SavedLayer(LayerCheckpointing::Layer function) : layer(std::move(function)) {}
    LayerCheckpointing::Layer layer;
};

class RecomputedLayer : public torch::autograd::Function<RecomputedLayer> {
public:
    // `trained` are inputs so that the step is recorded and returns their gradients.
    static torch::Tensor forward(AutogradContext *ctx, const c10::intrusive_ptr<SavedLayer> &saved,
                                 const torch::Tensor &x, torch::TensorList trained)
    {
        ctx->saved_data["layer"] = c10::IValue::make_capsule(saved);
        ctx->saved_data["rng"] = cpuGeneratorState();
        variable_list kept{x};
        kept.insert(kept.end(), trained.begin(), trained.end()); // references, not copies
        ctx->save_for_backward(kept);
        // Autograd stays on here so that the layer takes the kernels a plain training pass
        // takes (fused projections, for one, serve only passes without autograd) and the
        // output matches it bit for bit. What it records is dropped with the detach, so
        // only x stays: the graph lives as long as this one layer runs.
        torch::AutoGradMode sameKernels(true);
        return saved->layer(x.detach()).detach();
    }

    static variable_list backward(AutogradContext *ctx, variable_list outputGrads)
    {
        const auto saved = ctx->get_saved_variables();
        const auto &x = saved.at(0);
        // One gradient per forward input: the layer (none), x, then each trained tensor.
        variable_list grads(saved.size() + 1);
        const auto &outputGrad = outputGrads.at(0);
        if (!outputGrad.defined())
            return grads;

        const auto layer = ctx->saved_data["layer"].toCapsule();
        torch::Tensor input;
        torch::Tensor output;
        {
            const GeneratorStateRestorer restorer;
            setCpuGeneratorState(ctx->saved_data["rng"].toTensor());
            torch::AutoGradMode recording(true);
            input = x.detach().requires_grad_(x.requires_grad());
            output = static_cast<SavedLayer *>(layer.get())->layer(input);
        }
        if (!output.requires_grad())
            return grads; // nothing in this layer is trained and its input needs no gradient

        variable_list wanted;
        if (x.requires_grad())
            wanted.push_back(input);
        wanted.insert(wanted.end(), saved.begin() + 1, saved.end());
        const auto computed = torch::autograd::grad({output}, wanted, {outputGrad}, /*retain_graph=*/false,
                                                    /*create_graph=*/false, /*allow_unused=*/true);
        std::size_t next = 0;
        if (x.requires_grad())
            grads[1] = computed[next++];
        for (std::size_t i = 1; i < saved.size(); ++i)
            grads[i + 1] = computed[next++];
        return grads;
    }
};

} // namespace

ActivationCheckpointing::ActivationCheckpointing(std::vector<torch::Tensor> trained)
    : m_trained(std::move(trained))
{
}

torch::Tensor ActivationCheckpointing::run(const Layer &layer, const torch::Tensor &x)
{
    return RecomputedLayer::apply(c10::make_intrusive<SavedLayer>(layer), x, torch::TensorList(m_trained));
}

} // namespace llmos
