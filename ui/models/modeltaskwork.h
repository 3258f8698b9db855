#pragma once

#include "services/demobuilder.h"

#include "models/exportrequest.h"
#include "models/quantizedialog.h"
#include "services/modelquantization.h"
#include "registry/registryreports.h"
#include "tasks/taskrunner.h"

#include <QCoreApplication>
#include <QStringList>

#include <memory>
#include <string>

namespace llmos {

// The long registry writes the browser starts, as work for a TaskRunner. Each opens its
// own ModelRegistry on the runner's thread, reports progress in words, and checks the
// cancel flag through the engine's stop token or progress callback; a cancel the engine
// reports as Error(Cancelled) ends the task as Cancelled, not Failed.
class ModelTaskWork {
    Q_DECLARE_TR_FUNCTIONS(llmos::ModelTaskWork)
public:
    // Imports each path in turn; the id of every model registered is appended to
    // `importedIds` (read it once the task has finished).
    static TaskRunner::Work importModels(std::string home, QStringList paths, std::shared_ptr<QStringList> importedIds);
    static TaskRunner::Work removeModel(std::string home, std::string id, bool force);
    static TaskRunner::Work exportModel(std::string home, std::string id, ExportRequest request);
    // Quantizes and registers (services/modelquantization.h); what changed is written to
    // `report` (read it once the task has succeeded).
    static TaskRunner::Work quantizeModel(std::string home, std::string id, QuantizeChoice choice,
                                          std::shared_ptr<ModelQuantizationReport> report);
    // What the check found is written to `result` (read it once the task has succeeded).
    static TaskRunner::Work checkFiles(std::string home, std::string id, std::shared_ptr<FileCheck> result);
    static TaskRunner::Work rebuildRegistry(std::string home, std::shared_ptr<RebuildReport> result);
    // Builds the offline demo (services/demobuilder.h): its training runs are kept under
    // home/runs like any other; the models land in the registry at home.
    static TaskRunner::Work buildDemo(std::string home, DemoOptions options);

private:
    static QString quantizationStageText(QuantizationStage stage);
};

} // namespace llmos
