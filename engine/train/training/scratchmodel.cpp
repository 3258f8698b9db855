#include "training/scratchmodel.h"

#include "architectures/causallm.h"
#include "architectures/causallmloader.h"
#include "architectures/causallmsaver.h"
#include "training/cpugenerator.h"

#include <torch/torch.h>

namespace llmos {

namespace {

bool isNormParameter(const std::string &name)
{
    return name.find("norm") != std::string::npos || name.find("ln_") != std::string::npos;
}

// Hugging Face's initialisation of GPT-2 and Llama: weights normal, biases 0, norm gains 1.
void initialise(torch::nn::Module &model, double initializerRange)
{
    torch::NoGradGuard noGrad;
    for (auto &item : model.named_parameters()) {
        const auto &name = item.key();
        auto &parameter = item.value();
        if (name.ends_with("bias"))
            parameter.zero_();
        else if (isNormParameter(name))
            parameter.fill_(1.0);
        else
            parameter.normal_(0.0, initializerRange);
    }
}

} // namespace

void writeScratchCausalLm(const ModelConfig &config, const std::string &folder, std::uint64_t seed,
                          double initializerRange)
{
    auto model = buildCausalLm(config);
    {
        // The same seed, the same weights, whatever else the process is doing.
        std::lock_guard<std::mutex> seeding(seedingMutex());
        torch::manual_seed(seed);
        initialise(*model, initializerRange);
    }
    saveCausalLm(*model, folder);
}

} // namespace llmos
