#include "models/modeltaskwork.h"

#include "models/modeltext.h"
#include "registry/modelregistry.h"
#include "jobs/jobscheduler.h"
#include "services/demobuilder.h"
#include "services/modelexport.h"
#include "tasks/taskcancelled.h"
#include "util/error.h"

#include <QFileInfo>

#include <filesystem>

namespace llmos {

namespace {

// Runs `step`, turning the engine's own cancel (Error(Cancelled)) into the runner's.
template <typename Step> auto cancellable(Step &&step)
{
    try {
        return step();
    } catch (const Error &e) {
        if (e.kind() == ErrorKind::Cancelled)
            throw TaskCancelled();
        throw;
    }
}

double fraction(std::uint64_t done, std::uint64_t total)
{
    return total == 0 ? -1.0 : static_cast<double>(done) / static_cast<double>(total);
}

} // namespace

TaskRunner::Work ModelTaskWork::importModels(std::string home, QStringList paths,
                                             std::shared_ptr<QStringList> importedIds)
{
    return [home = std::move(home), paths = std::move(paths), importedIds](TaskContext &context) {
        ModelRegistry registry(home);
        const auto count = paths.size();
        for (qsizetype i = 0; i < count; ++i) {
            context.throwIfCancelled();
            const QString name = QFileInfo(paths.at(i)).fileName();
            const QString which = count > 1 ? tr("%1 (%2 of %3)").arg(name).arg(i + 1).arg(count) : name;
            context.setProgress(fraction(i, count), tr("Checking %1…").arg(which));
            ImportOptions options;
            options.stop = context.stopToken();
            options.progress = [&](const ImportProgress &p) {
                // The bar covers all paths; each path's share fills as its bytes are copied.
                const double part = p.bytesTotal == 0 ? 0.0 : fraction(p.bytesDone, p.bytesTotal);
                const double overall = (static_cast<double>(i) + part) / static_cast<double>(count);
                switch (p.stage) {
                case ImportStage::Verified:
                case ImportStage::Copying:
                    context.setProgress(overall,
                                        tr("Copying %1: %2 of %3")
                                            .arg(which, ModelText::size(p.bytesDone), ModelText::size(p.bytesTotal)));
                    break;
                case ImportStage::Storing:
                case ImportStage::Linking:
                case ImportStage::Recording:
                    context.setProgress(overall, tr("Registering %1…").arg(which));
                    break;
                case ImportStage::Done:
                    break;
                }
            };
            const ModelRecord model =
                cancellable([&] { return registry.importModel(paths.at(i).toStdString(), options); });
            importedIds->append(QString::fromStdString(model.id));
        }
        context.setProgress(1.0, tr("Imported"));
    };
}

TaskRunner::Work ModelTaskWork::removeModel(std::string home, std::string id, bool force)
{
    return [home = std::move(home), id = std::move(id), force](TaskContext &context) {
        // Removing is one short transaction and file deletions: it cannot stop halfway,
        // so Cancel only helps before it starts.
        context.setProgress(-1, tr("Deleting…"));
        ModelRegistry registry(home);
        context.throwIfCancelled();
        const RemovalReport report = registry.remove(id, force);
        context.setProgress(1.0, tr("Deleted; %1 freed").arg(ModelText::size(report.bytesFreed)));
    };
}

TaskRunner::Work ModelTaskWork::exportModel(std::string home, std::string id, ExportRequest request)
{
    return [home = std::move(home), id = std::move(id), request](TaskContext &context) {
        context.setProgress(-1, tr("Preparing…"));
        ModelRegistry registry(home);
        // The one export path the CLI and the server use too: it also writes the model
        // card with the lineage, and copies a GGUF source as it is.
        ModelExportRequest exportRequest;
        exportRequest.model = id;
        exportRequest.destination = request.destination.toStdString();
        exportRequest.format = request.format == ExportRequest::Format::HuggingFace ? ModelExportFormat::HuggingFace
                                                                                  : ModelExportFormat::Gguf;
        exportRequest.maxShardBytes = request.maxShardBytes;
        if (request.format == ExportRequest::Format::Gguf)
            exportRequest.ggufType = request.ggufType;
        exportRequest.progress = [&](double done) {
            context.setProgress(done, tr("Exporting: %1%").arg(static_cast<int>(done * 100)));
            return !context.stopRequested();
        };
        cancellable([&] { exportRegisteredModel(registry, exportRequest); });
        context.setProgress(1.0, tr("Exported"));
    };
}

TaskRunner::Work ModelTaskWork::quantizeModel(std::string home, std::string id, QuantizeChoice choice,
                                              std::shared_ptr<ModelQuantizationReport> report)
{
    return [home = std::move(home), id = std::move(id), choice, report](TaskContext &context) {
        context.setProgress(-1, tr("Preparing…"));
        ModelRegistry registry(home);
        ModelQuantizationRequest request;
        request.model = id;
        request.scheme = choice.scheme;
        request.name = choice.name.toStdString();
        request.perplexityData = choice.dataPath.toStdString();
        request.progress = [&](QuantizationStage stage, double done) {
            context.setProgress(done, quantizationStageText(stage));
            return !context.stopRequested();
        };
        *report = cancellable([&] { return quantizeRegisteredModel(registry, request); });
        context.setProgress(1.0, tr("Quantized"));
    };
}

QString ModelTaskWork::quantizationStageText(QuantizationStage stage)
{
    switch (stage) {
    case QuantizationStage::Quantizing: return tr("Quantizing and saving the weights…");
    case QuantizationStage::MeasuringOriginal: return tr("Measuring the original (speed, answers)…");
    case QuantizationStage::MeasuringQuantized: return tr("Measuring the quantized model…");
    case QuantizationStage::Registering: return tr("Registering the quantized model…");
    }
    return {};
}

TaskRunner::Work ModelTaskWork::checkFiles(std::string home, std::string id, std::shared_ptr<FileCheck> result)
{
    return [home = std::move(home), id = std::move(id), result](TaskContext &context) {
        // Unknown length: only files whose time changed are hashed, which the check
        // finds out as it goes.
        context.setProgress(-1, tr("Checking files…"));
        ModelRegistry registry(home);
        *result = cancellable([&] { return registry.verifyInPlace(id, context.stopToken()); });
        context.setProgress(1.0, tr("Checked"));
    };
}

TaskRunner::Work ModelTaskWork::rebuildRegistry(std::string home, std::shared_ptr<RebuildReport> result)
{
    return [home = std::move(home), result](TaskContext &context) {
        // One pass over the manifests that cannot stop halfway without leaving no
        // database at all: Cancel only helps before it starts.
        context.setProgress(-1, tr("Rebuilding the registry from the stored manifests…"));
        context.throwIfCancelled();
        *result = ModelRegistry::rebuild(home);
        context.setProgress(1.0, tr("Rebuilt"));
    };
}

TaskRunner::Work ModelTaskWork::buildDemo(std::string home, DemoOptions options)
{
    return [home = std::move(home), options = std::move(options)](TaskContext &context) {
        context.setProgress(0, ModelText::demoStage(DemoStage::Corpus));
        JobSchedulerOptions schedulerOptions;
        schedulerOptions.capacity = cpuCapacity(1ull << 30); // the window and the desktop keep 1 GiB
        schedulerOptions.capacity.threads = std::max(schedulerOptions.capacity.threads, options.threads);
        JobScheduler scheduler(RunStore((std::filesystem::path(home) / "runs").string()), schedulerOptions);
        cancellable([&] {
            llmos::buildDemo(scheduler, home, options,
                      [&](const DemoProgress &p) { context.setProgress(p.fraction, ModelText::demoStage(p.stage)); },
                      context.stopToken());
        });
    };
}

} // namespace llmos
