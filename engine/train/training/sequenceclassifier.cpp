#include "training/sequenceclassifier.h"

#include "architectures/bertloader.h"
#include "architectures/causallmloader.h"
#include "formats/tensorload.h"
#include "training/bertsequenceclassifier.h"
#include "training/decodersequenceclassifier.h"
#include "util/atomicfile.h"

#include <nlohmann/json.hpp>

#include <filesystem>

namespace llmos {

void SequenceClassifierImpl::save(const std::string &folder, ModelConfig config,
                                  const std::vector<std::string> &labelNames, const std::string &architecture) const
{
    std::filesystem::create_directories(folder);
    std::vector<std::pair<std::string, at::Tensor>> tensors;
    for (const auto &item : named_parameters())
        tensors.emplace_back(item.key(), item.value().detach().contiguous());
    // Weights first, config last: a folder with a config.json has complete weights.
    writeSafetensors(folder + "/model.safetensors", tensors);
    config.labels = labelNames;
    config.architectures = {architecture};
    writeFileAtomically(folder + "/config.json", modelConfigToJson(config).dump(2));
}

std::shared_ptr<SequenceClassifierImpl> loadSequenceClassifier(const std::string &path, std::int64_t labelCount,
                                                               ModelConfig &config)
{
    const auto configPath = std::filesystem::is_directory(path) ? path + "/config.json" : std::string();
    if (!configPath.empty() && loadModelConfig(configPath).family == ModelFamily::Bert) {
        auto encoder = loadBertModel(path);
        config = encoder->config();
        return std::make_shared<BertSequenceClassifierImpl>(std::move(encoder), labelCount);
    }
    auto decoder = loadCausalLm(path);
    config = decoder->config();
    return std::make_shared<DecoderSequenceClassifierImpl>(std::move(decoder), labelCount);
}

} // namespace llmos
