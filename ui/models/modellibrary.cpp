#include "models/modellibrary.h"

#include "models/modeltaskwork.h"
#include "models/registrydamaged.h"
#include "models/registryworker.h"
#include "tasks/taskrunner.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QMetaObject>

#include <algorithm>
#include <exception>
#include <filesystem>
#include <thread>

namespace llmos {

namespace {

QString messageOf(const std::exception_ptr &error)
{
    try {
        std::rethrow_exception(error);
    } catch (const std::exception &e) {
        return QString::fromUtf8(e.what());
    } catch (...) {
        return QCoreApplication::translate("llmos::ModelLibrary", "an unknown error stopped the request");
    }
}

} // namespace

ModelLibrary::ModelLibrary(std::string home, QObject *parent)
    : QObject(parent)
    , m_home(std::move(home))
{
    m_demoOptions.workFolder = (std::filesystem::path(m_home) / "demo").string();
    m_demoOptions.threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    m_thread.setObjectName(QStringLiteral("llmos-registry")); // the thread's name in top and gdb
    m_worker = new RegistryWorker(m_home);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

ModelLibrary::~ModelLibrary()
{
    // Queries are short; the one running finishes, the queued ones are dropped.
    m_thread.quit();
    m_thread.wait();
}

void ModelLibrary::post(std::function<void(RegistryWorker &)> work, std::function<void(const QString &)> onError)
{
    RegistryWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        m_worker,
        [this, worker, work = std::move(work), onError = std::move(onError)] {
            // The catch-all of every call on the worker thread: nothing escapes it.
            try {
                work(*worker);
                if (const QStringList notes = worker->takeRecoveryNotes(); !notes.isEmpty())
                    deliver([this, notes] { Q_EMIT registryRecovered(notes); });
            } catch (const RegistryDamaged &damaged) {
                const QString reason = QString::fromUtf8(damaged.what());
                deliver([this, reason] { Q_EMIT registryDamaged(reason); });
            } catch (...) {
                onError(messageOf(std::current_exception()));
            }
        },
        Qt::QueuedConnection);
}

void ModelLibrary::deliver(std::function<void()> deliver)
{
    // Posted from the worker to this object's thread. When this object is destroyed
    // first, the posted call is discarded with it.
    QMetaObject::invokeMethod(this, std::move(deliver), Qt::QueuedConnection);
}

template <typename Answer>
void ModelLibrary::requestLatest(const std::shared_ptr<std::atomic<quint64>> &counter,
                                 std::function<Answer(RegistryWorker &)> read,
                                 void (ModelLibrary::*ready)(const Answer &),
                                 void (ModelLibrary::*failed)(const QString &))
{
    const quint64 serial = ++*counter;
    post(
        [this, counter, serial, read = std::move(read), ready](RegistryWorker &worker) {
            if (*counter != serial)
                return; // replaced while it waited: a newer request follows
            Answer answer = read(worker);
            answer.serial = serial;
            deliver([this, counter, ready, answer = std::move(answer)] {
                if (answer.serial == *counter)
                    Q_EMIT(this->*ready)(answer);
            });
        },
        [this, counter, serial, failed](const QString &reason) {
            deliver([this, counter, serial, failed, reason] {
                if (serial == *counter)
                    Q_EMIT(this->*failed)(reason);
            });
        });
}

void ModelLibrary::requestList(const ModelFilter &filter)
{
    requestLatest<ModelList>(
        m_listSerial, [filter](RegistryWorker &worker) { return worker.list(filter); }, &ModelLibrary::listReady,
        &ModelLibrary::listFailed);
}

void ModelLibrary::requestDetails(const QString &id)
{
    requestLatest<ModelDetails>(
        m_detailsSerial, [id = id.toStdString()](RegistryWorker &worker) { return worker.details(id); },
        &ModelLibrary::detailsReady, &ModelLibrary::detailsFailed);
}

void ModelLibrary::requestFacets()
{
    post([this](RegistryWorker &worker) { deliver([this, facets = worker.facets()] { Q_EMIT facetsReady(facets); }); },
         [](const QString &) {
             // The list request that goes with it reports the same failure.
         });
}

void ModelLibrary::write(std::function<void(RegistryWorker &)> change)
{
    post(
        [this, change = std::move(change)](RegistryWorker &worker) {
            change(worker);
            deliver([this] { Q_EMIT modelsChanged(); });
        },
        [this](const QString &reason) { deliver([this, reason] { Q_EMIT writeFailed(reason); }); });
}

void ModelLibrary::addTag(const QString &id, const QString &tag)
{
    write([id = id.toStdString(), tag = tag.toStdString()](RegistryWorker &worker) { worker.addTag(id, tag); });
}

void ModelLibrary::removeTag(const QString &id, const QString &tag)
{
    write([id = id.toStdString(), tag = tag.toStdString()](RegistryWorker &worker) { worker.removeTag(id, tag); });
}

TaskRunner *ModelLibrary::importModels(const QStringList &paths, QObject *parent)
{
    auto ids = std::make_shared<QStringList>();
    const QString title = paths.size() == 1 ? tr("Import %1").arg(QFileInfo(paths.first()).fileName())
                                            : tr("Import %n models", "", int(paths.size()));
    auto *task = new TaskRunner(title, ModelTaskWork::importModels(m_home, paths, ids), parent);
    connect(task, &TaskRunner::finished, this, [this, ids] {
        // The worker wrote `ids` before it posted `finished`: it is complete here.
        if (!ids->isEmpty())
            Q_EMIT modelsImported(*ids);
        Q_EMIT modelsChanged();
    });
    return task;
}

TaskRunner *ModelLibrary::buildDemo(QObject *parent)
{
    auto *task = new TaskRunner(tr("Build the demo models"), ModelTaskWork::buildDemo(m_home, m_demoOptions), parent);
    connect(task, &TaskRunner::finished, this, &ModelLibrary::modelsChanged);
    return task;
}

TaskRunner *ModelLibrary::removeModel(const ModelRecord &model, bool force, QObject *parent)
{
    const QString name = QString::fromStdString(model.name);
    auto *task = new TaskRunner(tr("Delete %1").arg(name), ModelTaskWork::removeModel(m_home, model.id, force), parent);
    connect(task, &TaskRunner::finished, this, &ModelLibrary::modelsChanged);
    return task;
}

TaskRunner *ModelLibrary::exportModel(const ModelRecord &model, const ExportRequest &request, QObject *parent)
{
    const QString name = QString::fromStdString(model.name);
    return new TaskRunner(tr("Export %1").arg(name), ModelTaskWork::exportModel(m_home, model.id, request), parent);
}

TaskRunner *ModelLibrary::quantizeModel(const ModelRecord &model, const QuantizeChoice &choice,
                                        std::shared_ptr<ModelQuantizationReport> report, QObject *parent)
{
    auto *task = new TaskRunner(tr("Quantize %1").arg(QString::fromStdString(model.name)),
                                ModelTaskWork::quantizeModel(m_home, model.id, choice, std::move(report)), parent);
    connect(task, &TaskRunner::finished, this, &ModelLibrary::modelsChanged);
    return task;
}

TaskRunner *ModelLibrary::checkFiles(const ModelRecord &model, QObject *parent)
{
    const QString name = QString::fromStdString(model.name);
    const QString id = QString::fromStdString(model.id);
    auto check = std::make_shared<FileCheck>();
    auto *task = new TaskRunner(tr("Check the files of %1").arg(name), ModelTaskWork::checkFiles(m_home, model.id, check),
                                parent);
    connect(task, &TaskRunner::succeeded, this, [this, id, check] {
        Q_EMIT filesChecked(id, *check);
        Q_EMIT modelsChanged(); // the check records the model's status
    });
    return task;
}

TaskRunner *ModelLibrary::rebuildRegistry(QObject *parent)
{
    auto report = std::make_shared<RebuildReport>();
    auto *task = new TaskRunner(tr("Rebuild the model registry"), ModelTaskWork::rebuildRegistry(m_home, report), parent);
    connect(task, &TaskRunner::succeeded, this, [this, report] {
        // The worker may still hold the old database open (renamed aside): let go of it
        // before the re-query below, which is queued behind this on the same thread.
        post([](RegistryWorker &worker) { worker.close(); }, [](const QString &) {});
        Q_EMIT registryRebuilt(*report);
        Q_EMIT modelsChanged();
    });
    return task;
}

} // namespace llmos
