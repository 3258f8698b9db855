#pragma once

#include "registry/lineageedge.h"
#include "registry/modelrecord.h"
#include "registry/registryreports.h"

#include <QObject>
#include <QStringList>

class QWidget;

namespace llmos {

class ModelLibrary;
class TaskRunner;
struct EvaluationRequest;
struct ModelQuantizationReport;

// The browser's conversations around long writes: the file dialogs of Import…, the
// Export and Delete dialogs, and a ProgressDialog (with Cancel) for each task the
// library starts. Dialogs open with open(), never exec(): no nested event loop in a
// slot. What happened leaves as notice(); the library's signals say what changed.
class ModelOperations : public QObject {
    Q_OBJECT
public:
    ModelOperations(ModelLibrary &library, QWidget *dialogParent);

    void chooseFolderToImport();
    void chooseFileToImport();
    void importPaths(const QStringList &paths);
    void exportModel(const ModelRecord &model);
    void deleteModel(const ModelRecord &model, const ModelLineage &lineage);
    // With a progress dialog; a notice tells what the check found.
    void checkFiles(const ModelRecord &model);
    // Asks what to evaluate on (EvaluateDialog), then evaluates with a progress dialog and
    // Cancel; the report is kept with the model (the Evaluations tab) and a notice gives
    // its figures.
    void evaluate(const ModelRecord &model);
    // Asks how (QuantizeDialog), then quantizes and registers with a progress dialog and
    // Cancel; a notice gives the size, speed and agreement the quantization measured.
    void quantize(const ModelRecord &model);
    // Without a dialog, for the check the browser makes by itself when an in-place
    // model is shown: a change shows in the details, as the model's status.
    void checkFilesQuietly(const ModelRecord &model);
    // Asks first (the damaged database is kept aside; runs and datasets come back only
    // as references), then rebuilds with a progress dialog.
    void rebuildRegistry();

Q_SIGNALS:
    // Paths chosen in the file dialogs (the window routes them back to importPaths()).
    void importRequested(const QStringList &paths);
    void notice(const QString &text);
    void warning(const QString &text);

private:
    // Shows `task` in a ProgressDialog and starts it; both go away when it is over.
    void run(TaskRunner *task);
    void reportCheck(const ModelRecord &model, const FileCheck &check);
    void reportRebuild(const RebuildReport &report);
    void runEvaluation(const ModelRecord &model, const EvaluationRequest &request);
    static QString quantizationSummary(const ModelQuantizationReport &report);

    ModelLibrary &m_library;
    QWidget *m_dialogParent;
};

} // namespace llmos
