#include "architectures/checkpointparameters.h"

#include "formats/dtype.h"
#include "formats/tensorload.h"
#include "util/error.h"
#include "util/shapetext.h"

#include <filesystem>
#include <set>

namespace llmos {

namespace {

std::vector<std::int64_t> fileShape(const SafetensorsWeights::Entry &entry)
{
    return {entry.info->shape.begin(), entry.info->shape.end()};
}

std::string tensorWhere(const SafetensorsWeights::Entry &entry)
{
    return entry.file->path() + ": " + entry.info->name;
}

std::string folderOf(const SafetensorsWeights &weights)
{
    if (weights.files().empty())
        return "model weights";
    return std::filesystem::path(weights.files().front()->path()).parent_path().string();
}

} // namespace

const SafetensorsWeights::Entry *findStoredTensor(const SafetensorsWeights &weights, const CheckpointNaming &naming,
                                                  const std::string &parameter)
{
    for (const auto &name : naming.storedNames(parameter))
        if (const auto *entry = weights.find(name))
            return entry;
    return nullptr;
}

void checkVocabularyRows(const SafetensorsWeights::Entry *embedding, std::int64_t vocabSize,
                         const std::string &configName)
{
    if (!embedding)
        return; // reported as missing, with its expected shape, by loadCheckpointParameters
    const auto shape = fileShape(*embedding);
    if (shape.size() == 2 && shape[0] != vocabSize)
        throw Error(ErrorKind::Format, configName + ": vocab_size",
                    "says " + std::to_string(vocabSize) + " tokens but the embedding table " + embedding->info->name +
                        " has " + std::to_string(shape[0]) +
                        " rows; the config and the weights belong to different models");
}

void loadCheckpointParameters(torch::nn::Module &model, const SafetensorsWeights &weights,
                              const CheckpointNaming &naming, const std::string &description,
                              const std::string &configName)
{
    torch::NoGradGuard noGrad;
    std::set<std::string, std::less<>> used;
    for (auto &item : model.named_parameters(/*recurse=*/true)) {
        const auto &parameter = item.key();
        if (naming.loadedElsewhere && naming.loadedElsewhere(parameter))
            continue;
        auto &value = item.value();
        const std::vector<std::int64_t> expected(value.sizes().begin(), value.sizes().end());
        const auto *entry = findStoredTensor(weights, naming, parameter);
        if (!entry)
            throw Error(ErrorKind::NotFound, folderOf(weights) + ": " + parameter,
                        "is missing; a " + description + " needs it with shape " + shapeText(expected));
        if (fileShape(*entry) != expected)
            throw Error(ErrorKind::Format, tensorWhere(*entry),
                        "has shape " + shapeText(fileShape(*entry)) + " but " + configName + " implies " +
                            shapeText(expected));
        const auto dtype = entry->info->dtype;
        if (dtype != DType::F32 && dtype != DType::F16 && dtype != DType::BF16)
            throw Error(ErrorKind::Unsupported, tensorWhere(*entry),
                        "is " + std::string(dtypeName(dtype)) + "; model weights must be F32, F16 or BF16");
        value.set_data(toTorch(*entry).to(torch::kFloat));
        used.insert(entry->info->name);
    }

    for (const auto &[name, entry] : weights.tensors())
        if (!used.contains(name) && !naming.isIgnorable(name))
            throw Error(ErrorKind::Format, tensorWhere(entry),
                        "is not part of a " + description + " as " + configName +
                            " describes it (check num_hidden_layers / n_layer and the architecture)");
}

} // namespace llmos
