#include "services/derivedmodel.h"

#include "architectures/causallmloader.h"
#include "evaluation/modelevaluation.h"
#include "generation/benchmarkmodel.h"
#include "generation/textgenerator.h"
#include "registry/modelregistry.h"
#include "util/atomicfile.h"
#include "util/error.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <filesystem>
#include <vector>

namespace llmos {

namespace {

namespace fs = std::filesystem;

// Prompts whose greedy continuations the agreement is measured on: short and generic, in
// the two languages the demo models know.
const std::vector<std::string> kAgreementPrompts{"The", "Life is", "A man", "人生"};
constexpr std::int64_t kAgreementTokens = 48;
constexpr std::int64_t kSpeedPromptTokens = 16;
constexpr std::int64_t kSpeedNewTokens = 64;

// The source's greedy continuations of kAgreementPrompts, prompt included.
std::vector<std::vector<std::int64_t>> agreementSequences(const TextGenerator &source)
{
    std::vector<std::vector<std::int64_t>> sequences;
    for (const auto &prompt : kAgreementPrompts) {
        GenerationRequest request;
        request.promptIds = source.encode(prompt);
        request.maxNewTokens = kAgreementTokens;
        request.sampling.temperature = 0;
        request.ignoreEos = true;
        auto ids = request.promptIds;
        const auto result = source.generate(request);
        ids.insert(ids.end(), result.ids.begin(), result.ids.end());
        sequences.emplace_back(ids.begin(), ids.end());
    }
    return sequences;
}

// Each position's most likely next token over every sequence, one model call each.
std::vector<std::int64_t> topTokens(const std::string &modelPath, const std::vector<std::vector<std::int64_t>> &sequences)
{
    auto model = loadCausalLm(modelPath);
    torch::NoGradGuard noGrad;
    std::vector<std::int64_t> out;
    for (const auto &ids : sequences) {
        const auto best = model->forward(torch::tensor(ids, torch::kLong).unsqueeze(0))[0].argmax(-1).contiguous();
        out.insert(out.end(), best.data_ptr<std::int64_t>(), best.data_ptr<std::int64_t>() + best.numel());
    }
    return out;
}

std::optional<double> perplexityOf(const std::string &modelPath, const ComparisonOptions &options)
{
    if (options.perplexityData.empty())
        return std::nullopt;
    EvaluationOptions evaluation;
    evaluation.task = EvaluationTask::Perplexity;
    evaluation.data.path = options.perplexityData;
    evaluation.maxExamples = options.perplexityExamples;
    return evaluateModel(modelPath, evaluation).metrics.at("perplexity");
}

double decodeSpeed(const TextGenerator &generator)
{
    return benchmarkGeneration(generator, 1, kSpeedPromptTokens, kSpeedNewTokens, 2).decodeTokensPerSecond;
}

void step(const ComparisonOptions &options, bool derived)
{
    if (options.progress && !options.progress(derived))
        throw Error(ErrorKind::Cancelled, "comparison", "measuring the models was cancelled");
}

} // namespace

DerivationSource openDerivationSource(ModelRegistry &registry, const std::string &model, const std::string &name,
                                      const std::string &defaultSuffix, const std::string &what)
{
    DerivationSource source{registry.get(model), {}, name};
    if (source.model.format == ModelFormat::Peft)
        throw Error(ErrorKind::Unsupported, source.model.name,
                    "is a LoRA adapter; " + what + " a whole model (merge the adapter into its base first)");
    if (source.name.empty())
        source.name = source.model.name + defaultSuffix;
    if (registry.find(source.name))
        throw Error(ErrorKind::InvalidInput, source.name, "is the name of a registered model already; choose another");
    source.path = registry.resolve(source.model.id);
    return source;
}

std::string registerDerivedModel(ModelRegistry &registry, const DerivationSource &source, const std::string &folder,
                                 ModelOrigin origin, LineageKind kind, const std::string &description,
                                 nlohmann::json report, const std::string &reportFolder)
{
    ImportOptions options;
    options.name = source.name;
    options.origin = origin;
    options.tags = source.model.tags;
    options.description = description;
    const ModelRecord registered = registry.importModel(folder, options);
    registry.addLineage(source.model.id, registered.id, kind);
    report["model"] = {{"id", registered.id}, {"name", registered.name}};
    const auto path = fs::path(registry.home()) / reportFolder / (registered.id + ".json");
    fs::create_directories(path.parent_path());
    writeFileAtomically(path.string(), report.dump(2) + "\n");
    return registered.id;
}

std::uint64_t weightFileBytes(const std::string &modelPath)
{
    std::error_code ec;
    if (fs::is_regular_file(modelPath, ec))
        return fs::file_size(modelPath, ec);
    std::uint64_t total = 0;
    for (const auto &entry : fs::directory_iterator(modelPath, ec))
        if (entry.path().extension() == ".safetensors")
            total += entry.file_size(ec);
    return total;
}

DerivedModelComparison compareDerivedModel(const std::string &sourcePath, const std::string &derivedPath,
                                           const ComparisonOptions &options)
{
    DerivedModelComparison result;
    result.sourceBytes = weightFileBytes(sourcePath);
    result.derivedBytes = weightFileBytes(derivedPath);

    step(options, false);
    std::vector<std::vector<std::int64_t>> sequences;
    {
        const auto source = TextGenerator::open(sourcePath);
        sequences = agreementSequences(source);
        result.sourceTokensPerSecond = decodeSpeed(source);
    }
    const auto expected = topTokens(sourcePath, sequences);
    result.sourcePerplexity = perplexityOf(sourcePath, options);

    step(options, true);
    result.derivedTokensPerSecond = decodeSpeed(TextGenerator::open(derivedPath));
    const auto got = topTokens(derivedPath, sequences);
    std::int64_t same = 0;
    for (std::size_t i = 0; i < expected.size(); ++i)
        same += expected[i] == got[i];
    result.agreementPositions = static_cast<std::int64_t>(expected.size());
    result.greedyAgreement = expected.empty() ? 1.0 : static_cast<double>(same) / static_cast<double>(expected.size());
    result.derivedPerplexity = perplexityOf(derivedPath, options);
    return result;
}

nlohmann::json toJson(const DerivedModelComparison &c)
{
    nlohmann::json json{{"bytes", {{"source", c.sourceBytes}, {"derived", c.derivedBytes}}},
                        {"decode_tokens_per_second", {{"source", c.sourceTokensPerSecond}, {"derived", c.derivedTokensPerSecond}}},
                        {"greedy_agreement", c.greedyAgreement},
                        {"agreement_positions", c.agreementPositions}};
    if (c.sourcePerplexity && c.derivedPerplexity)
        json["perplexity"] = {{"source", *c.sourcePerplexity}, {"derived", *c.derivedPerplexity}};
    return json;
}

} // namespace llmos
