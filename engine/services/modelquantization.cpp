#include "services/modelquantization.h"

#include "architectures/causallmloader.h"
#include "architectures/causallmquantization.h"
#include "registry/modelregistry.h"
#include "training/tokenizercompanions.h"
#include "util/error.h"
#include "util/partialfolder.h"

#include <nlohmann/json.hpp>

#include <filesystem>

namespace llmos {

namespace {

namespace fs = std::filesystem;

std::string defaultSuffix(const WeightQuantization &scheme)
{
    return scheme.bits == 8 ? "-int8" : "-q4g" + std::to_string(scheme.group);
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
    auto json = toJson(r.comparison);
    json["source"] = {{"id", r.sourceId}, {"name", r.sourceName}};
    json["model"] = {{"id", r.modelId}, {"name", r.modelName}};
    json["scheme"] = {{"bits", r.scheme.bits}, {"group", r.scheme.group}, {"quantized_head", r.scheme.quantizedHead},
                      {"description", r.scheme.describe()}};
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
    const auto source = openDerivationSource(registry, request.model, request.name,
                                              defaultSuffix(request.scheme), "quantize");
    report(QuantizationStage::Quantizing, 0.0);
    PartialFolder staging(fs::path(registry.home()) / "quantized");
    writeQuantizedModel(source.path, request.scheme, staging.path().string());

    ModelQuantizationReport result;
    result.sourceId = source.model.id;
    result.sourceName = source.model.name;
    result.modelName = source.name;
    const auto quantizedPath = staging.path().string();
    result.scheme = *loadModelConfig((staging.path() / "config.json").string()).quantization;
    ComparisonOptions comparison;
    comparison.perplexityData = request.perplexityData;
    comparison.perplexityExamples = request.perplexityExamples;
    comparison.progress = [&](bool derived) {
        report(derived ? QuantizationStage::MeasuringQuantized : QuantizationStage::MeasuringOriginal,
               derived ? 0.6 : 0.25);
        return true;
    };
    result.comparison = compareDerivedModel(source.path, quantizedPath, comparison);

    report(QuantizationStage::Registering, 0.95);
    result.modelId = registerDerivedModel(registry, source, quantizedPath, ModelOrigin::Quantized,
                                          LineageKind::Quantize,
                                          result.scheme.describe() + " weight-only quantization of " + source.model.name,
                                          toJson(result), "quantizations");
    report(QuantizationStage::Registering, 1.0);
    return result;
}

} // namespace llmos
