#include "training/scratchmodel.h"

#include "architectures/causallm.h"
#include "architectures/causallmloader.h"
#include "architectures/causallmsaver.h"

#include <torch/torch.h>

namespace llmos {

namespace {

bool isNormParameter(const std::string &name)
{
    return name.find("norm") != std::string::npos || name.find("ln_") != std::string::npos;
}

} // namespace

void writeScratchCausalLm(const ModelConfig &config, const std::string &folder, std::uint64_t seed,
                          double initializerRange)
{
    auto model = buildCausalLm(config);
    torch::manual_seed(seed);
    torch::NoGradGuard noGrad;
    for (auto &item : model->named_parameters()) {
        const auto &name = item.key();
        auto &parameter = item.value();
        if (name.ends_with("bias"))
            parameter.zero_();
        else if (isNormParameter(name))
            parameter.fill_(1.0);
        else
            parameter.normal_(0.0, initializerRange);
    }
    saveCausalLm(*model, folder);
}

} // namespace llmos
