#include "architectures/ggufhuggingfaceexport.h"

#include "architectures/causallm.h"
#include "architectures/causallmloader.h"
#include "architectures/bertsaver.h"
#include "architectures/causallmsaver.h"
#include "architectures/ggufbert.h"
#include "architectures/ggufllamalayout.h"
#include "architectures/ggufcausallm.h"
#include "architectures/ggufparameters.h"
#include "formats/gguf/gguffile.h"
#include "model/modelconfig.h"
#include "tokenizer/gguftokenizerexport.h"
#include "util/atomicfile.h"
#include "util/error.h"
#include "util/partialfolder.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <limits>
#include <map>
#include <optional>

namespace llmos {

namespace {

namespace fs = std::filesystem;

// The largest finite F16 value.
constexpr double kLargestHalf = 65504.0;

Error cancelled(const std::string &destination)
{
    return Error(ErrorKind::Cancelled, destination, "the export was cancelled; nothing was written");
}

// The first parameter holding a value F16 cannot store, if any.
std::optional<std::string> parameterBeyondHalf(const torch::nn::Module &model)
{
    torch::NoGradGuard noGrad;
    for (const auto &item : model.named_parameters(/*recurse=*/true))
        if (item.value().numel() > 0 && item.value().abs().max().item<double>() > kLargestHalf)
            return item.key();
    return std::nullopt;
}

// The dtype to store: the caller's, else the file's weights' (ggufWeightsDtype). F16 only
// when every value fits it (firstBeyondHalf names a parameter that does not, if any):
// otherwise BF16, which keeps F32's range, for the default, and an error for an F16 the
// caller asked for (F16 would turn those values into infinities).
DType storedDtype(const GgufFile &file, const GgufToHuggingFaceOptions &options,
                  const std::function<std::optional<std::string>()> &firstBeyondHalf)
{
    const DType wanted = options.storeAs.value_or(ggufWeightsDtype(file));
    if (wanted != DType::F16)
        return wanted;
    const auto overflowing = firstBeyondHalf();
    if (!overflowing)
        return wanted;
    if (!options.storeAs)
        return DType::BF16;
    throw Error(ErrorKind::InvalidInput, file.sourceName() + ": " + *overflowing,
                "holds values beyond ±65504, which F16 cannot store; export as BF16 or F32");
}

DType storedDtype(const torch::nn::Module &model, const GgufFile &file, const GgufToHuggingFaceOptions &options)
{
    return storedDtype(file, options, [&] { return parameterBeyondHalf(model); });
}

// A general.sampling.* value, checked: a hostile file must not write a generation
// config that transformers or our own loader then refuses.
double samplingValue(const GgufFile &file, std::string_view key, double lowest, double highest,
                     std::string_view expected)
{
    const double value = ggufDecimal(file, key);
    if (!std::isfinite(value) || value < lowest || value > highest)
        throw Error(ErrorKind::Format, file.sourceName() + ": " + std::string(key),
                    fmt::format("is {}; expected {}", value, expected));
    return value;
}

// What transformers' generate() reads: the special ids, and llama.cpp's
// general.sampling.* recommendations under their generation_config.json names.
nlohmann::ordered_json generationConfig(const GgufFile &file, const ModelConfig &config)
{
    nlohmann::ordered_json out = nlohmann::ordered_json::object();
    const nlohmann::json ids = modelConfigToJson(config); // spelled as config.json spells them
    for (const char *field : {"bos_token_id", "eos_token_id", "pad_token_id"})
        if (ids.contains(field))
            out[field] = ids.at(field);

    constexpr double kNoLimit = std::numeric_limits<double>::max();
    bool recommended = false;
    bool greedy = false;
    if (file.find("general.sampling.temp")) {
        const double temperature = samplingValue(file, "general.sampling.temp", 0, kNoLimit, "0 or more");
        greedy = temperature == 0;
        if (!greedy) // transformers warns about a temperature it will not use
            out["temperature"] = temperature;
        recommended = true;
    }
    if (file.find("general.sampling.top_k")) {
        const std::int64_t topK = file.getInt("general.sampling.top_k");
        if (topK < 0)
            throw Error(ErrorKind::Format, file.sourceName() + ": general.sampling.top_k",
                        fmt::format("is {}; expected 0 (no limit) or more", topK));
        out["top_k"] = topK;
        recommended = true;
    }
    for (const auto &[key, field] :
         {std::pair{"general.sampling.top_p", "top_p"}, std::pair{"general.sampling.min_p", "min_p"}})
        if (file.find(key)) {
            out[field] = samplingValue(file, key, 0, 1, "a probability from 0 to 1");
            recommended = true;
        }
    if (file.find("general.sampling.penalty_repeat")) {
        out["repetition_penalty"] = samplingValue(file, "general.sampling.penalty_repeat",
                                                  std::numeric_limits<double>::min(), kNoLimit, "more than 0");
        recommended = true;
    }
    // llama.cpp samples with these unless the temperature is 0; transformers only when
    // told to.
    if (recommended)
        out["do_sample"] = !greedy;
    return out;
}

// Loads with the export's progress (one step per parameter, as many again for writing)
// and turns a cancel into the export's own message.
template<typename Load>
auto loadWithProgress(const Load &load, const GgufToHuggingFaceOptions &options, const std::string &destination,
                      std::uint64_t &steps)
{
    try {
        return load([&](std::size_t done, std::size_t total) {
            steps = 2 * static_cast<std::uint64_t>(total);
            return !options.progress || options.progress(done, steps);
        });
    } catch (const Error &e) {
        if (e.kind() == ErrorKind::Cancelled)
            throw cancelled(destination);
        throw;
    }
}

// sentence-transformers' pooling files for an encoder whose GGUF names MEAN or CLS
// pooling, so that TextEmbedder (and sentence-transformers) pool the folder as the file.
void writePoolingFiles(const fs::path &folder, const GgufFile &file, std::int64_t hidden)
{
    const auto pooling = ggufPoolingType(file);
    if (pooling != GgufPoolingType::Mean && pooling != GgufPoolingType::Cls)
        return;
    fs::create_directories(folder / "1_Pooling");
    const nlohmann::ordered_json config{{"word_embedding_dimension", hidden},
                                        {"pooling_mode_cls_token", pooling == GgufPoolingType::Cls},
                                        {"pooling_mode_mean_tokens", pooling == GgufPoolingType::Mean},
                                        {"pooling_mode_max_tokens", false},
                                        {"pooling_mode_mean_sqrt_len_tokens", false}};
    writeFileAtomically((folder / "1_Pooling" / "config.json").string(), config.dump(2) + "\n");
    const nlohmann::ordered_json modules = nlohmann::ordered_json::array(
        {{{"idx", 0}, {"name", "0"}, {"path", ""}, {"type", "sentence_transformers.models.Transformer"}},
         {{"idx", 1}, {"name", "1"}, {"path", "1_Pooling"}, {"type", "sentence_transformers.models.Pooling"}}});
    writeFileAtomically((folder / "modules.json").string(), modules.dump(2) + "\n");
}

// A "bert" GGUF: the encoder (with its pooling files) or the classifier, and its tokenizer.
void exportBertAsHuggingFaceFolder(const GgufFile &file, const fs::path &to, const std::string &destination,
                                   const GgufToHuggingFaceOptions &options)
{
    const BertConfig config = bertConfigFromGguf(file);
    const bool classifier = ggufHasBertClassifier(file);
    PartialFolder partial(to);
    writeGgufTokenizerAsHuggingFace(file, partial.path().string(), config.model.maxPositionEmbeddings);
    std::uint64_t steps = 0;
    if (classifier) {
        auto model = loadWithProgress(
            [&](const GgufLoadProgress &p) { return loadBertClassifierFromGguf(file, p); }, options, destination,
            steps);
        saveBertClassifier(*model, config, partial.path().string(), storedDtype(*model, file, options));
    } else {
        auto model = loadWithProgress([&](const GgufLoadProgress &p) { return loadBertModelFromGguf(file, p); },
                                      options, destination, steps);
        saveBertModel(*model, partial.path().string(), storedDtype(*model, file, options));
        writePoolingFiles(partial.path(), file, config.model.hiddenSize);
    }
    if (options.progress && !options.progress(steps, steps))
        throw cancelled(destination);
    partial.moveTo(to);
}

} // namespace

DType ggufWeightsDtype(const GgufFile &file)
{
    bool allF32 = true;
    bool anyBf16 = false;
    bool anyOther = false;
    for (const auto &tensor : file.tensors()) {
        if (tensor.shape.size() < 2)
            continue;
        if (tensor.type == GgmlType::F32)
            continue;
        allF32 = false;
        (tensor.type == GgmlType::BF16 ? anyBf16 : anyOther) = true;
    }
    if (allF32)
        return DType::F32;
    return anyBf16 && !anyOther ? DType::BF16 : DType::F16;
}

void exportGgufAsHuggingFaceFolder(const std::string &ggufPath, const std::string &destination,
                                   const GgufToHuggingFaceOptions &options)
{
    const fs::path to = PartialFolder::newDestination(destination);
    if (options.storeAs && *options.storeAs != DType::F32 && *options.storeAs != DType::F16 &&
        *options.storeAs != DType::BF16)
        throw Error(ErrorKind::InvalidInput, destination,
                    "cannot store weights as " + std::string(dtypeName(*options.storeAs)) +
                        " in a Hugging Face folder (choose F32, F16 or BF16)");
    const GgufFile file = GgufFile::open(ggufPath);
    if (file.findString(ggufkey::kArchitecture) == "bert")
        return exportBertAsHuggingFaceFolder(file, to, destination, options);
    // What can be refused is checked before minutes of dequantizing: the architecture,
    // the sampling recommendations, every tensor's name and shape, and the tokenizer
    // (written first).
    const ModelConfig config = modelConfigFromGguf(file);
    const std::string generation = generationConfig(file, config).dump(2) + "\n";
    // The module for the config with its parameters allocated but never written: their
    // names and shapes, without the memory of the weights. The weights are then made and
    // written one parameter at a time, so a model larger than the memory left (a 7B
    // model is 28 GB in fp32) exports on a laptop.
    const CausalLm skeleton = buildCausalLm(config);
    const auto layout = ggufCausalLmLayout(config, file.getString(ggufkey::kArchitecture));
    checkGgufParameters(*skeleton, file, layout);
    ParameterShapes shapes;
    std::map<std::string, std::vector<std::int64_t>> shapeOf;
    for (const auto &item : skeleton->named_parameters(/*recurse=*/true)) {
        shapes.emplace_back(item.key(), item.value().sizes().vec());
        shapeOf.emplace(item.key(), item.value().sizes().vec());
    }
    const auto valueOf = [&](const std::string &name) { return ggufParameterValue(file, layout, name, shapeOf.at(name)); };

    PartialFolder partial(to);
    writeGgufTokenizerAsHuggingFace(file, partial.path().string(), config.maxPositionEmbeddings);

    // One step per parameter checked against F16's range (when that is the dtype and the
    // file does not store the parameter as F16 already), one per parameter written.
    const auto storesHalf = [&](const std::string &name) {
        return ggufTensorFor(file, layout, name, shapeOf.at(name)).type == GgmlType::F16;
    };
    std::size_t scans = 0;
    const bool mayScan = options.storeAs.value_or(ggufWeightsDtype(file)) == DType::F16;
    if (mayScan)
        for (const auto &[name, shape] : shapes)
            scans += storesHalf(name) ? 0 : 1;
    const std::uint64_t total = scans + shapes.size();
    std::uint64_t done = 0;
    const auto step = [&] {
        if (options.progress && !options.progress(++done, total))
            throw cancelled(destination);
    };
    const DType storeAs = storedDtype(file, options, [&]() -> std::optional<std::string> {
        torch::NoGradGuard noGrad;
        for (const auto &[name, shape] : shapes) {
            if (storesHalf(name))
                continue;
            const bool beyond = valueOf(name).abs().max().item<double>() > kLargestHalf;
            step();
            if (beyond)
                return name;
        }
        return std::nullopt;
    });
    done = scans; // a value beyond F16 ends the scan early
    saveParametersAsHuggingFace(shapes, valueOf, modelConfigToJson(config), partial.path().string(), storeAs,
                                [&](std::size_t, std::size_t) {
                                    step();
                                    return true;
                                });
    writeFileAtomically((partial.path() / "generation_config.json").string(), generation);
    partial.moveTo(to);
}

} // namespace llmos
