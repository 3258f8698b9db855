#include "architectures/bertsaver.h"

#include "architectures/causallmsaver.h"
#include "model/modelconfig.h"

#include <nlohmann/json.hpp>

namespace llmos {

void saveBertModel(const BertModelImpl &model, const std::string &folder, DType storeAs)
{
    auto config = modelConfigToJson(model.config());
    config["architectures"] = {"BertModel"};
    saveModuleAsHuggingFace(model, std::move(config), folder, storeAs);
}

void saveBertClassifier(const BertForSequenceClassificationImpl &model, const BertConfig &config,
                        const std::string &folder, DType storeAs)
{
    auto json = modelConfigToJson(config.model);
    json["architectures"] = {"BertForSequenceClassification"};
    json["num_labels"] = model.numLabels();
    if (!config.problemType.empty())
        json["problem_type"] = config.problemType;
    saveModuleAsHuggingFace(model, std::move(json), folder, storeAs);
}

} // namespace llmos
