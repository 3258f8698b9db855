#include "apps/appmodels.h"

#include "registry/modelregistry.h"

namespace llmos {

std::optional<AppModelKind> appModelKind(const ModelRecord &model)
{
    if (model.format == ModelFormat::Peft)
        return std::nullopt;
    // A classifier head makes a classifier whatever its body: BERT or a decoder
    // (TextClassifier runs both).
    const bool classifier = model.architecture.find("ForSequenceClassification") != std::string::npos;
    if (model.family == "bert")
        return classifier ? AppModelKind::Classifier : AppModelKind::Embedding;
    if (model.family == "gpt2" || model.family == "llama")
        return classifier ? AppModelKind::Classifier : AppModelKind::Generative;
    return std::nullopt;
}

bool appRunsOn(AppModelKind needs, AppModelKind model)
{
    return needs == model || (needs == AppModelKind::Embedding && model == AppModelKind::Generative);
}

QStringList registeredModelsOfKind(const std::string &registryHome, AppModelKind kind)
{
    QStringList names;
    QStringList others;
    try {
        ModelRegistry registry(registryHome);
        for (const auto &model : registry.list()) {
            const auto modelKind = appModelKind(model);
            if (modelKind && appRunsOn(kind, *modelKind))
                (*modelKind == kind ? names : others) << QString::fromStdString(model.name);
        }
    } catch (const std::exception &) {
        // No registry yet (or a damaged one, which the Models page reports): nothing to offer.
    }
    return names + others;
}

} // namespace llmos
