#include "training/trainingdropout.h"

#include "architectures/bertmodel.h"
#include "architectures/causallm.h"
#include "training/bertsequenceclassifier.h"

namespace llmos {

bool applyTrainingDropout(torch::nn::Module &network, double probability)
{
    bool applied = false;
    for (const auto &module : network.modules(/*include_self=*/true)) {
        if (auto *decoder = dynamic_cast<CausalLmImpl *>(module.get())) {
            decoder->setDropout(probability);
            applied = true;
        } else if (auto *encoder = dynamic_cast<BertModelImpl *>(module.get())) {
            encoder->setDropout(probability);
            applied = true;
        } else if (auto *classifier = dynamic_cast<BertSequenceClassifierImpl *>(module.get())) {
            classifier->dropout = probability;
        }
    }
    return applied;
}

} // namespace llmos
