#include "models/modeloperations.h"

#include "models/deletemodeldialog.h"
#include "models/exportmodeldialog.h"
#include "models/modellibrary.h"
#include "tasks/progressdialog.h"
#include "tasks/taskrunner.h"

#include <QFileDialog>

namespace llmos {

ModelOperations::ModelOperations(ModelLibrary &library, QWidget *dialogParent)
    : QObject(dialogParent)
    , m_library(library)
    , m_dialogParent(dialogParent)
{
}

void ModelOperations::chooseFolderToImport()
{
    auto *dialog = new QFileDialog(m_dialogParent, tr("Import a model folder"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::Directory);
    dialog->setOption(QFileDialog::ShowDirsOnly);
    connect(dialog, &QFileDialog::filesSelected, this, &ModelOperations::importRequested);
    dialog->open();
}

void ModelOperations::chooseFileToImport()
{
    auto *dialog = new QFileDialog(m_dialogParent, tr("Import a model file"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFiles);
    dialog->setNameFilters({tr("Model files (*.gguf *.safetensors)"), tr("All files (*)")});
    connect(dialog, &QFileDialog::filesSelected, this, &ModelOperations::importRequested);
    dialog->open();
}

void ModelOperations::importPaths(const QStringList &paths)
{
    if (!paths.isEmpty())
        run(m_library.importModels(paths, this));
}

void ModelOperations::exportModel(const ModelRecord &model)
{
    auto *dialog = new ExportModelDialog(model, m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, model] {
        const ExportRequest request = dialog->request();
        TaskRunner *task = m_library.exportModel(model, request, this);
        connect(task, &TaskRunner::succeeded, this, [this, model, request] {
            Q_EMIT notice(tr("Exported %1 to %2").arg(QString::fromStdString(model.name), request.destination));
        });
        run(task);
    });
    dialog->open();
}

void ModelOperations::deleteModel(const ModelRecord &model, const ModelLineage &lineage)
{
    auto *dialog = new DeleteModelDialog(model, lineage, m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, model] {
        TaskRunner *task = m_library.removeModel(model, dialog->force(), this);
        connect(task, &TaskRunner::succeeded, this,
                [this, model] { Q_EMIT notice(tr("Deleted %1").arg(QString::fromStdString(model.name))); });
        run(task);
    });
    dialog->open();
}

void ModelOperations::run(TaskRunner *task)
{
    auto *dialog = new ProgressDialog(*task, m_dialogParent);
    dialog->setObjectName(QStringLiteral("modelTaskProgress"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // The dialog refers to the task, so the task goes only after the dialog has: a
    // failure keeps the dialog (and so the task) until the person has read it.
    connect(dialog, &QObject::destroyed, task, &QObject::deleteLater);
    dialog->open();
    task->start();
}

} // namespace llmos
