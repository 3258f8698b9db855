#pragma once

#include "models/exportrequest.h"
#include "models/modeldetails.h"
#include "models/modelfacets.h"
#include "models/modellist.h"
#include "models/quantizedialog.h"
#include "registry/registryreports.h"
#include "services/demobuilder.h"
#include "services/modelquantization.h"

#include <QObject>
#include <QStringList>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>
#include <string>

namespace llmos {

class RegistryWorker;
class TaskRunner;

// The model registry as the window sees it; it lives on the GUI thread and never
// blocks it. Queries (list, details, facets) and tag edits run on one named worker
// thread that owns its own ModelRegistry (see RegistryWorker); their answers come back
// as value snapshots through queued calls and leave through the signals below.
//
// Stale answers are dropped: each list or details request takes a serial, the worker
// skips a request that a newer one has replaced before it starts, and an answer that
// arrives after a newer request was made is not emitted. So a person typing in the
// search box sees only the answer to what the box says now.
//
// Import, delete and export can take long and can be cancelled: they are TaskRunners
// (each on its own thread, with its own ModelRegistry) that the caller starts and shows
// in a ProgressDialog. Every write ends with modelsChanged(), so views re-query.
//
// The destructor stops and joins the worker thread; app/ keeps this object alive
// longer than the window.
class ModelLibrary : public QObject {
    Q_OBJECT
public:
    explicit ModelLibrary(std::string home, QObject *parent = nullptr);
    ~ModelLibrary() override;

    const std::string &home() const { return m_home; }

    void requestList(const ModelFilter &filter);
    void requestDetails(const QString &id);
    void requestFacets();
    void addTag(const QString &id, const QString &tag);
    void removeTag(const QString &id, const QString &tag);

    // Not started: the caller connects a ProgressDialog, then calls start().
    TaskRunner *importModels(const QStringList &paths, QObject *parent);
    TaskRunner *removeModel(const ModelRecord &model, bool force, QObject *parent);
    TaskRunner *exportModel(const ModelRecord &model, const ExportRequest &request, QObject *parent);
    // What changed lands in `report` once the task has succeeded.
    TaskRunner *quantizeModel(const ModelRecord &model, const QuantizeChoice &choice,
                              std::shared_ptr<ModelQuantizationReport> report, QObject *parent);
    // Compares the model's files with what was registered (hashing those whose time
    // changed); filesChecked() tells what it found.
    TaskRunner *checkFiles(const ModelRecord &model, QObject *parent);
    // Re-creates a damaged database from the manifests; registryRebuilt() reports.
    TaskRunner *rebuildRegistry(QObject *parent);
    // Trains and registers the offline demo models (minutes; cancellable), as
    // demoOptions() say: by default the full demo from Debian's fortunes, with every core.
    TaskRunner *buildDemo(QObject *parent);
    DemoOptions &demoOptions() { return m_demoOptions; }

Q_SIGNALS:
    void listReady(const llmos::ModelList &list);
    void listFailed(const QString &reason);
    void detailsReady(const llmos::ModelDetails &details);
    void detailsFailed(const QString &reason);
    void facetsReady(const llmos::ModelFacets &facets);
    // A tag edit failed (the tag was refused, the model is gone, ...).
    void writeFailed(const QString &reason);
    // The registry changed through this library: re-query what is shown.
    void modelsChanged();
    // The ids of what an import registered (also when a later path of it failed).
    void modelsImported(const QStringList &ids);
    // The registry database does not open because it is damaged; rebuildRegistry() mends it.
    void registryDamaged(const QString &reason);
    void filesChecked(const QString &id, const llmos::FileCheck &check);
    void registryRebuilt(const llmos::RebuildReport &report);
    // Opening the registry mended what a process that died while writing left behind
    // (the database rebuilt from the manifests, leftovers removed): one sentence each.
    void registryRecovered(const QStringList &notes);

private:
    // Runs `work` on the worker thread; what it throws is handed to `onError` there.
    void post(std::function<void(RegistryWorker &)> work, std::function<void(const QString &)> onError);
    // Runs `deliver` on this object's thread.
    void deliver(std::function<void()> deliver);
    // A request of which only the latest counts: `read` runs on the worker unless a newer
    // request on the same counter replaced it; its answer (or what it threw) is emitted
    // through `ready` (or `failed`) unless a newer request was made meanwhile.
    template <typename Answer>
    void requestLatest(const std::shared_ptr<std::atomic<quint64>> &counter,
                       std::function<Answer(RegistryWorker &)> read, void (ModelLibrary::*ready)(const Answer &),
                       void (ModelLibrary::*failed)(const QString &));
    // A small write on the worker; modelsChanged() after it, writeFailed() if refused.
    void write(std::function<void(RegistryWorker &)> change);

    std::string m_home;
    DemoOptions m_demoOptions;
    QThread m_thread;
    RegistryWorker *m_worker = nullptr; // lives on m_thread, deleted there when it finishes
    // Shared with the worker's queued calls, which read them to skip replaced requests.
    std::shared_ptr<std::atomic<quint64>> m_listSerial = std::make_shared<std::atomic<quint64>>(0);
    std::shared_ptr<std::atomic<quint64>> m_detailsSerial = std::make_shared<std::atomic<quint64>>(0);
};

} // namespace llmos
