#include "services/modelexport.h"

#include "architectures/ggufexport.h"
#include "architectures/ggufhuggingfaceexport.h"
#include "formats/huggingfaceexport.h"
#include "registry/modelcard.h"
#include "registry/modelregistry.h"
#include "util/error.h"
#include "util/partialfolder.h"

#include <filesystem>

namespace llmos {

namespace {

namespace fs = std::filesystem;

// Progress of one phase of an export, as a part [from, to] of the whole.
std::function<bool(std::uint64_t, std::uint64_t)> phaseProgress(const ModelExportRequest &request, double from,
                                                                double to)
{
    if (!request.progress)
        return {};
    return [&request, from, to](std::uint64_t done, std::uint64_t total) {
        const double fraction = total ? static_cast<double>(done) / static_cast<double>(total) : 1.0;
        return request.progress(from + (to - from) * fraction);
    };
}

// A GGUF model becomes a Hugging Face folder in a staging folder next to the
// destination, which is then exported from like any other folder: the shards, the index
// and the model card come from one place (exportHuggingFaceFolder). The cost is writing
// the weights twice; the staging folder is removed whatever happens.
void exportGgufAsHuggingFace(const std::string &source, const ModelExportRequest &request,
                             HuggingFaceExportOptions options)
{
    const fs::path destination = PartialFolder::newDestination(request.destination);
    PartialFolder staging(destination);
    const fs::path converted = staging.path() / "model";
    GgufToHuggingFaceOptions conversion;
    // Dequantizing dominates; resharding is a copy.
    conversion.progress = phaseProgress(request, 0.0, 0.8);
    options.progress = phaseProgress(request, 0.8, 1.0);
    try {
        exportGgufAsHuggingFaceFolder(source, converted.string(), conversion);
    } catch (const Error &e) {
        if (e.kind() == ErrorKind::Cancelled) // say where the person expected the export
            throw Error(ErrorKind::Cancelled, request.destination, e.detail());
        throw;
    }
    exportHuggingFaceFolder(converted.string(), request.destination, options);
}

void exportHuggingFace(ModelRegistry &registry, const ModelRecord &model, const std::string &source,
                       const ModelExportRequest &request)
{
    HuggingFaceExportOptions options;
    options.maxShardBytes = request.maxShardBytes;
    options.modelCard = exportedModelCard(model, registry.lineage(model.id), registry.modelCard(model.id));
    if (model.format == ModelFormat::Gguf)
        return exportGgufAsHuggingFace(source, request, std::move(options));
    options.progress = phaseProgress(request, 0.0, 1.0);
    exportHuggingFaceFolder(source, request.destination, options);
}

void exportGguf(const ModelRecord &model, const std::string &source, const ModelExportRequest &request)
{
    std::error_code ec;
    if (fs::exists(request.destination, ec))
        throw Error(ErrorKind::InvalidInput, request.destination,
                    "already exists; export into a new file so nothing of yours is overwritten");
    if (model.format == ModelFormat::Peft)
        throw Error(ErrorKind::Unsupported, model.name,
                    "is a LoRA adapter; GGUF export needs a whole model (merge the adapter into its base first)");
    if (model.format == ModelFormat::Gguf) {
        if (request.ggufType)
            throw Error(ErrorKind::Unsupported, model.name,
                        "is already a GGUF file; re-encoding it is not supported (export the Hugging Face model it "
                        "came from, or copy it as it is by leaving out the type)");
        // Through a temporary name, so a full disk never leaves half a file at the destination.
        const fs::path partial = request.destination + ".partial";
        try {
            fs::copy_file(source, partial, fs::copy_options::overwrite_existing);
            fs::rename(partial, request.destination);
        } catch (...) {
            fs::remove(partial, ec); // a full disk leaves no half copy behind
            throw;
        }
        if (request.progress)
            request.progress(1.0);
        return;
    }
    GgufExportProgress progress;
    if (const auto phase = phaseProgress(request, 0.0, 1.0))
        progress = [phase](std::size_t done, std::size_t total) { return phase(done, total); };
    exportModelToGguf(source, request.destination, request.ggufType.value_or(GgmlType::F16), progress);
}

} // namespace

ModelExportResult exportRegisteredModel(ModelRegistry &registry, const ModelExportRequest &request)
{
    const ModelRecord model = registry.get(request.model);
    const std::string source = registry.resolve(model.id);
    if (request.format == ModelExportFormat::HuggingFace)
        exportHuggingFace(registry, model, source, request);
    else
        exportGguf(model, source, request);

    ModelExportResult result{request.destination, {}};
    if (!request.registerAs.empty()) {
        const bool quantized = request.ggufType == GgmlType::Q8_0;
        ImportOptions options;
        options.name = request.registerAs;
        options.origin = quantized ? ModelOrigin::Quantized : ModelOrigin::Exported;
        options.tags = model.tags;
        const ModelRecord registered = registry.importModel(request.destination, options);
        registry.addLineage(model.id, registered.id, quantized ? LineageKind::Quantize : LineageKind::Export);
        result.registeredId = registered.id;
    }
    return result;
}

} // namespace llmos
