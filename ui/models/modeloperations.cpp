#include "models/modeloperations.h"

#include "models/deletemodeldialog.h"
#include "models/evaluatedialog.h"
#include "models/exportmodeldialog.h"
#include "models/modellibrary.h"
#include "models/quantizedialog.h"
#include "tasks/progressdialog.h"
#include "tasks/taskrunner.h"

#include "evaluation/modelevaluation.h"
#include "registry/modelregistry.h"
#include "services/modelquantization.h"
#include "util/randomid.h"

#include <QCoreApplication>
#include <QFileDialog>
#include <QFileInfo>

#include <filesystem>
#include <memory>
#include <QMessageBox>
#include <QPushButton>

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

void ModelOperations::checkFiles(const ModelRecord &model)
{
    TaskRunner *task = m_library.checkFiles(model, this);
    connect(&m_library, &ModelLibrary::filesChecked, task, [this, model](const QString &id, const FileCheck &check) {
        if (id == QString::fromStdString(model.id))
            reportCheck(model, check);
    });
    run(task);
}

void ModelOperations::evaluate(const ModelRecord &model)
{
    auto *dialog = new EvaluateDialog(model, m_dialogParent);
    dialog->setObjectName(QStringLiteral("evaluateDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, model] { runEvaluation(model, dialog->request()); });
    dialog->open();
}

void ModelOperations::runEvaluation(const ModelRecord &model, const EvaluationRequest &request)
{
    auto summary = std::make_shared<QString>();
    auto *task = new TaskRunner(
        tr("Evaluating %1").arg(QString::fromStdString(model.name)),
        [home = m_library.home(), model, request, summary](TaskContext &context) {
            EvaluationOptions options;
            options.task = request.task;
            options.data.path = request.dataPath.toStdString();
            options.data.fields.text = request.textField.toStdString();
            options.data.fields.label = request.labelField.toStdString();
            options.maxExamples = request.limit;
            options.stop = context.stopToken();
            options.onProgress = [&context](std::int64_t done, std::int64_t total) {
                context.setProgress(total > 0 ? double(done) / double(total) : -1.0,
                                    QCoreApplication::translate("llmos::ModelOperations", "%1 of %2").arg(done).arg(total));
            };
            std::string path;
            {
                ModelRegistry registry(home);
                path = registry.resolve(model.id);
            }
            auto report = evaluateModel(path, options);
            report.id = randomId("ev-");
            report.modelId = model.id;
            report.modelName = model.name;
            EvaluationStore((std::filesystem::path(home) / "evaluations").string()).save(report);
            *summary = QString::fromStdString(metricsSummary(report, ", "));
        },
        this);
    connect(task, &TaskRunner::succeeded, this, [this, model, summary, request] {
        Q_EMIT notice(tr("%1 on %2: %3 (kept on the Evaluations tab)")
                          .arg(QString::fromStdString(model.name), QFileInfo(request.dataPath).fileName(), *summary));
        m_library.requestDetails(QString::fromStdString(model.id));
    });
    run(task);
}

void ModelOperations::quantize(const ModelRecord &model)
{
    auto *dialog = new QuantizeDialog(model, m_dialogParent);
    dialog->setObjectName(QStringLiteral("quantizeDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, model] {
        auto report = std::make_shared<ModelQuantizationReport>();
        TaskRunner *task = m_library.quantizeModel(model, dialog->choice(), report, this);
        connect(task, &TaskRunner::succeeded, this, [this, report] { Q_EMIT notice(quantizationSummary(*report)); });
        run(task);
    });
    dialog->open();
}

QString ModelOperations::quantizationSummary(const ModelQuantizationReport &r)
{
    const auto &c = r.comparison;
    const auto ratio = [](double a, double b) { return b > 0 ? a / b : 0.0; };
    QString text = tr("Registered %1: %2 times smaller, decoding %3 times as fast, %4% of next-token choices as the "
                      "original's")
                       .arg(QString::fromStdString(r.modelName))
                       .arg(ratio(double(c.sourceBytes), double(c.derivedBytes)), 0, 'f', 1)
                       .arg(ratio(c.derivedTokensPerSecond, c.sourceTokensPerSecond), 0, 'f', 1)
                       .arg(c.greedyAgreement * 100, 0, 'f', 0);
    if (c.sourcePerplexity && c.derivedPerplexity)
        text += tr("; perplexity %1 → %2").arg(*c.sourcePerplexity, 0, 'f', 2).arg(*c.derivedPerplexity, 0, 'f', 2);
    return text;
}

void ModelOperations::checkFilesQuietly(const ModelRecord &model)
{
    TaskRunner *task = m_library.checkFiles(model, this);
    connect(task, &TaskRunner::finished, task, &QObject::deleteLater);
    task->start();
}

void ModelOperations::reportCheck(const ModelRecord &model, const FileCheck &check)
{
    const QString name = QString::fromStdString(model.name);
    if (check.changed.empty() && check.missing.empty()) {
        Q_EMIT notice(tr("The files of %1 are as they were when it was registered.").arg(name));
        return;
    }
    auto list = [](const std::vector<std::string> &paths) {
        QStringList names;
        for (const auto &path : paths)
            names << QString::fromStdString(path);
        return names.join(QStringLiteral(", "));
    };
    QStringList parts;
    if (!check.changed.empty())
        parts << tr("%n file(s) changed: %1", "", int(check.changed.size())).arg(list(check.changed));
    if (!check.missing.empty())
        parts << tr("%n file(s) missing: %1", "", int(check.missing.size())).arg(list(check.missing));
    Q_EMIT warning(tr("The files of %1 are not as they were when it was registered. %2. Import it again to "
                      "register what is there now.")
                       .arg(name, parts.join(QStringLiteral("; "))));
}

void ModelOperations::rebuildRegistry()
{
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Rebuild the model registry"),
                                tr("The registry's database is damaged. Rebuilding creates a new one from the "
                                   "manifests stored with each model's files."),
                                QMessageBox::Cancel, m_dialogParent);
    box->setObjectName(QStringLiteral("rebuildRegistryQuestion"));
    box->setInformativeText(tr("The damaged file is kept aside, not deleted. Models, their files, tags and lineage "
                               "come back; training runs and datasets come back only as names in the lineage."));
    QPushButton *rebuild = box->addButton(tr("Rebuild"), QMessageBox::AcceptRole);
    box->setDefaultButton(rebuild);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(rebuild, &QPushButton::clicked, this, [this] {
        TaskRunner *task = m_library.rebuildRegistry(this);
        connect(&m_library, &ModelLibrary::registryRebuilt, task, [this](const RebuildReport &report) {
            reportRebuild(report);
        });
        run(task);
    });
    box->open();
}

void ModelOperations::reportRebuild(const RebuildReport &report)
{
    QString text = tr("The registry was rebuilt: %n model(s) restored.", "", int(report.modelsRestored));
    if (!report.movedAside.empty())
        text += QLatin1Char(' ') + tr("The damaged database was kept as %1.").arg(QString::fromStdString(report.movedAside));
    if (report.skipped.empty()) {
        Q_EMIT notice(text);
        return;
    }
    QStringList skipped;
    for (const auto &s : report.skipped)
        skipped << QString::fromStdString(s);
    Q_EMIT warning(text + QLatin1Char(' ') + tr("Not restored: %1").arg(skipped.join(QStringLiteral("; "))));
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
