#include "methods/freezefinetuning.h"

#include "methods/linearlayer.h"
#include "methods/trainability.h"
#include "util/error.h"

namespace llmos {

namespace {

// Whether the dotted components `part` appear, whole, inside `name`.
bool containsComponents(const std::string &name, const std::string &part)
{
    const auto dotted = "." + name + ".";
    return dotted.find("." + part + ".") != std::string::npos;
}

bool isEmbedding(const std::string &name)
{
    for (const char *table : {"wte", "wpe", "embed_tokens", "embeddings"})
        if (containsComponents(name, table))
            return true;
    return false;
}

} // namespace

FreezeFineTuning::FreezeFineTuning(std::int64_t layers, std::vector<std::string> modules)
    : m_layers(layers)
    , m_modules(std::move(modules))
{
}

bool FreezeFineTuning::frozen(const std::string &parameterName) const
{
    if (const auto layer = layerIndexOf(parameterName); layer && *layer < m_layers)
        return true;
    for (const auto &module : m_modules) {
        if (module == "embeddings" ? isEmbedding(parameterName) : containsComponents(parameterName, module))
            return true;
    }
    return false;
}

void FreezeFineTuning::attach(const TrainingTarget &target)
{
    // A name that matches nothing is a typo the user wants to hear about, not a no-op.
    for (const auto &module : m_modules) {
        bool matched = false;
        for (const auto &item : target.model.named_parameters(/*recurse=*/true))
            if (module == "embeddings" ? isEmbedding(item.key()) : containsComponents(item.key(), module))
                matched = true;
        if (!matched)
            throw Error(ErrorKind::InvalidInput, "method.modules",
                        "\"" + module + "\" names no part of the model (use embeddings, lm_head, norm, or a part "
                                        "of a parameter name such as self_attn)");
    }
    selectTrainable(target, [&](const std::string &name) { return !frozen(name); });
}

} // namespace llmos
