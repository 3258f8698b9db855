#include "models/modeltask.h"

#include <array>
#include <string_view>

namespace llmos {

namespace {

bool endsWith(std::string_view text, std::string_view suffix)
{
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

bool contains(std::string_view text, std::string_view part)
{
    return text.find(part) != std::string_view::npos;
}

// GGUF names the architecture by family ("llama", "bert"); encoders are embedding models.
constexpr std::array kGgufEncoders{std::string_view("bert"), std::string_view("nomic-bert"),
                                   std::string_view("jina-bert-v2"), std::string_view("t5encoder")};

} // namespace

ModelTask taskOfModel(const ModelRecord &model)
{
    const std::string_view arch = model.architecture;
    if (arch.empty())
        return ModelTask::Other;
    if (contains(arch, "ForSequenceClassification") || contains(arch, "ForTokenClassification"))
        return ModelTask::Classification;
    if (contains(arch, "ForCausalLM") || contains(arch, "LMHeadModel") || contains(arch, "ForConditionalGeneration"))
        return ModelTask::TextGeneration;
    if (model.format == ModelFormat::Gguf) {
        for (const auto encoder : kGgufEncoders)
            if (arch == encoder)
                return ModelTask::Embeddings;
        return ModelTask::TextGeneration; // every other GGUF architecture is a decoder
    }
    // A bare encoder ("BertModel", "XLMRobertaModel") is what sentence embeddings use.
    if (endsWith(arch, "Model"))
        return ModelTask::Embeddings;
    return ModelTask::Other;
}

bool matchesTask(const ModelRecord &model, ModelTask task)
{
    return task == ModelTask::Any || taskOfModel(model) == task;
}

} // namespace llmos
