#include "services/modelquantization.h"

#include "architectures/causallmloader.h"
#include "architectures/causallmquantization.h"
#include "evaluation/modelevaluation.h"
#include "generation/benchmarkmodel.h"
#include "generation/textgenerator.h"
#include "registry/modelregistry.h"
#include "training/tokenizercompanions.h"
#include "util/atomicfile.h"
#include "util/error.h"
#include "util/partialfolder.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <filesystem>

namespace llmos {

namespace {

namespace fs = std::filesystem;

// Prompts whose greedy continuations the agreement is measured on: short and generic, in
// the two languages the demo models know.
const std::vector<std::string> kAgreementPrompts{"The", "Life is", "A man", "人生"};
constexpr std::int64_t kAgreementTokens = 48;
constexpr std::int64_t kSpeedPromptTokens = 16;
constexpr std::int64_t kSpeedNewTokens = 64;

std::string defaultName(const ModelRecord &source, const WeightQuantization &scheme)
{
    return source.name + (scheme.bits == 8 ? "-int8" : "-q4g" + std::to_string(scheme.group));
}

std::uint64_t weightFileBytes(const std::string &path)
{
    std::error_code ec;
    if (fs::is_regular_file(path, ec))
        return fs::file_size(path, ec);
    std::uint64_t total = 0;
    for (const auto &entry : fs::directory_iterator(path, ec))
        if (entry.path().extension() == ".safetensors")
            total += entry.file_size(ec);
    return total;
}

// The original model's greedy continuations of kAgreementPrompts, prompt included.
std::vector<std::vector<std::int64_t>> agreementSequences(const TextGenerator &original)
{
    std::vector<std::vector<std::int64_t>> sequences;
    for (const auto &prompt : kAgreementPrompts) {
        GenerationRequest request;
        request.promptIds = original.encode(prompt);
        request.maxNewTokens = kAgreementTokens;
        request.sampling.temperature = 0;
        request.ignoreEos = true;
        auto ids = request.promptIds;
        const auto result = original.generate(request);
        ids.insert(ids.end(), result.ids.begin(), result.ids.end());
        sequences.emplace_back(ids.begin(), ids.end());
    }
    return sequences;
}

// Each position's most likely next token, over every sequence, one model call each.
std::vector<std::int64_t> topTokens(const std::string &modelPath, const std::vector<std::vector<std::int64_t>> &sequences)
{
    auto model = loadCausalLm(modelPath);
    torch::NoGradGuard noGrad;
    std::vector<std::int64_t> out;
    for (const auto &ids : sequences) {
        const auto logits = model->forward(torch::tensor(ids, torch::kLong).unsqueeze(0))[0];
        const auto best = logits.argmax(-1).contiguous();
        out.insert(out.end(), best.data_ptr<std::int64_t>(), best.data_ptr<std::int64_t>() + best.numel());
    }
    return out;
}

std::optional<double> perplexityOf(const std::string &modelPath, const ModelQuantizationRequest &request)
{
    if (request.perplexityData.empty())
        return std::nullopt;
    EvaluationOptions options;
    options.task = EvaluationTask::Perplexity;
    options.data.path = request.perplexityData;
    options.maxExamples = request.perplexityExamples;
    return evaluateModel(modelPath, options).metrics.at("perplexity");
}

double decodeSpeed(const std::string &modelPath)
{
    const auto generator = TextGenerator::open(modelPath);
    return benchmarkGeneration(generator, 1, kSpeedPromptTokens, kSpeedNewTokens, 2).decodeTokensPerSecond;
}

} // namespace

const char *quantizationStageName(QuantizationStage stage) noexcept
{
    switch (stage) {
    case QuantizationStage::Quantizing: return "quantizing";
    case QuantizationStage::MeasuringOriginal: return "measuring-original";
    case QuantizationStage::MeasuringQuantized: return "measuring-quantized";
    case QuantizationStage::Registering: return "registering";
    }
    return "quantizing";
}

nlohmann::json toJson(const ModelQuantizationReport &r)
{
    nlohmann::json json{{"source", {{"id", r.sourceId}, {"name", r.sourceName}}},
                        {"model", {{"id", r.modelId}, {"name", r.modelName}}},
                        {"scheme", {{"bits", r.scheme.bits}, {"group", r.scheme.group},
                                    {"quantized_head", r.scheme.quantizedHead}, {"description", r.scheme.describe()}}},
                        {"bytes", {{"source", r.sourceBytes}, {"quantized", r.quantizedBytes}}},
                        {"decode_tokens_per_second", {{"source", r.sourceTokensPerSecond},
                                                      {"quantized", r.quantizedTokensPerSecond}}},
                        {"greedy_agreement", r.greedyAgreement},
                        {"agreement_positions", r.agreementPositions}};
    if (r.sourcePerplexity && r.quantizedPerplexity)
        json["perplexity"] = {{"source", *r.sourcePerplexity}, {"quantized", *r.quantizedPerplexity}};
    return json;
}

void writeQuantizedModel(const std::string &sourcePath, const WeightQuantization &scheme, const std::string &folder)
{
    {
        auto model = loadCausalLm(sourcePath);
        quantizeCausalLm(*model, scheme);
        saveQuantizedCausalLm(*model, folder);
    }
    copyTokenizerCompanions(sourcePath, folder);
}

std::string quantizationReportPath(const std::string &registryHome, const std::string &modelId)
{
    return (fs::path(registryHome) / "quantizations" / (modelId + ".json")).string();
}

ModelQuantizationReport quantizeRegisteredModel(ModelRegistry &registry, const ModelQuantizationRequest &request)
{
    const auto report = [&](QuantizationStage stage, double fraction) {
        if (request.progress && !request.progress(stage, fraction))
            throw Error(ErrorKind::Cancelled, request.model, "quantizing the model was cancelled");
    };
    const ModelRecord source = registry.get(request.model);
    if (source.format == ModelFormat::Peft)
        throw Error(ErrorKind::Unsupported, source.name,
                    "is a LoRA adapter; quantize a whole model (merge the adapter into its base first)");
    const auto name = request.name.empty() ? defaultName(source, request.scheme) : request.name;
    if (registry.find(name))
        throw Error(ErrorKind::InvalidInput, name, "is the name of a registered model already; choose another");
    const std::string sourcePath = registry.resolve(source.id);

    report(QuantizationStage::Quantizing, 0.0);
    PartialFolder staging(fs::path(registry.home()) / "quantized");
    writeQuantizedModel(sourcePath, request.scheme, staging.path().string());

    ModelQuantizationReport result;
    result.sourceId = source.id;
    result.sourceName = source.name;
    result.modelName = name;
    result.scheme = *loadModelConfig((staging.path() / "config.json").string()).quantization;
    result.sourceBytes = weightFileBytes(sourcePath);
    result.quantizedBytes = weightFileBytes(staging.path().string());

    report(QuantizationStage::MeasuringOriginal, 0.25);
    std::vector<std::vector<std::int64_t>> sequences;
    {
        const auto original = TextGenerator::open(sourcePath);
        sequences = agreementSequences(original);
        result.sourceTokensPerSecond =
            benchmarkGeneration(original, 1, kSpeedPromptTokens, kSpeedNewTokens, 2).decodeTokensPerSecond;
    }
    const auto expected = topTokens(sourcePath, sequences);
    result.sourcePerplexity = perplexityOf(sourcePath, request);

    report(QuantizationStage::MeasuringQuantized, 0.6);
    const auto quantizedPath = staging.path().string();
    result.quantizedTokensPerSecond = decodeSpeed(quantizedPath);
    const auto got = topTokens(quantizedPath, sequences);
    std::int64_t same = 0;
    for (std::size_t i = 0; i < expected.size(); ++i)
        same += expected[i] == got[i];
    result.agreementPositions = static_cast<std::int64_t>(expected.size());
    result.greedyAgreement = expected.empty() ? 1.0 : static_cast<double>(same) / static_cast<double>(expected.size());
    result.quantizedPerplexity = perplexityOf(quantizedPath, request);

    report(QuantizationStage::Registering, 0.95);
    ImportOptions options;
    options.name = name;
    options.origin = ModelOrigin::Quantized;
    options.tags = source.tags;
    options.description = result.scheme.describe() + " weight-only quantization of " + source.name;
    const ModelRecord registered = registry.importModel(quantizedPath, options);
    registry.addLineage(source.id, registered.id, LineageKind::Quantize);
    result.modelId = registered.id;
    const auto reportPath = quantizationReportPath(registry.home(), registered.id);
    fs::create_directories(fs::path(reportPath).parent_path());
    writeFileAtomically(reportPath, toJson(result).dump(2) + "\n");
    report(QuantizationStage::Registering, 1.0);
    return result;
}

} // namespace llmos
