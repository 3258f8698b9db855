#include "models/registryworker.h"

#include <filesystem>

#include "model/modelinspection.h"
#include "models/recoverynotes.h"
#include "models/registrydamaged.h"
#include "registry/modelregistry.h"
#include "util/error.h"

#include <algorithm>
#include <set>
#include <utility>

namespace llmos {

RegistryWorker::RegistryWorker(std::string home)
    : m_home(std::move(home))
{
}

RegistryWorker::~RegistryWorker() = default;

ModelRegistry &RegistryWorker::registry()
{
    // Opening migrates and recovers, which can take a moment: here, never on the GUI thread.
    if (!m_registry) {
        try {
            m_registry = std::make_unique<ModelRegistry>(m_home);
            m_recoveryNotes = RecoveryNotes::describe(m_registry->recovery());
        } catch (const Error &e) {
            // A database that is not SQLite, truncated or failing its check: the one
            // failure a rebuild from the manifests mends (see ModelRegistry::rebuild).
            if (e.kind() == ErrorKind::Format)
                throw RegistryDamaged(e.what());
            throw;
        }
    }
    return *m_registry;
}

ModelList RegistryWorker::list(const ModelFilter &filter)
{
    ModelRegistry &r = registry();
    auto models = r.list(filter.query);
    if (filter.task != ModelTask::Any)
        std::erase_if(models, [&](const ModelRecord &m) { return !matchesTask(m, filter.task); });
    ModelList list;
    list.filter = filter;
    list.registered = filter.narrows() ? r.count() : models.size();
    list.models = std::make_shared<const std::vector<ModelRecord>>(std::move(models));
    return list;
}

ModelDetails RegistryWorker::details(const std::string &id)
{
    ModelRegistry &r = registry();
    ModelDetails details;
    details.model = r.get(id);
    if (const auto card = r.modelCard(id))
        details.card = QString::fromStdString(*card);
    details.lineage = r.lineage(id);
    // Headers only (a few kilobytes a file), so this stays quick for any model size.
    try {
        details.inspection = std::make_shared<const ModelInspection>(inspectModel(r.resolve(id)));
    } catch (const std::exception &e) {
        details.inspectionError = QString::fromUtf8(e.what());
    }
    details.evaluations = EvaluationStore((std::filesystem::path(m_home) / "evaluations").string()).reportsOf(id);
    return details;
}

ModelFacets RegistryWorker::facets()
{
    ModelRegistry &r = registry();
    ModelFacets facets;
    for (const auto &family : r.families())
        facets.families << QString::fromStdString(family);
    // The registry has no list of tags; the rows carry theirs (list() reads them in one
    // query), which stays within tens of milliseconds at 10,000 models.
    std::set<std::string> tags;
    for (const auto &model : r.list())
        tags.insert(model.tags.begin(), model.tags.end());
    for (const auto &tag : tags)
        facets.tags << QString::fromStdString(tag);
    return facets;
}

void RegistryWorker::close()
{
    m_registry.reset();
}

QStringList RegistryWorker::takeRecoveryNotes()
{
    return std::exchange(m_recoveryNotes, {});
}

void RegistryWorker::addTag(const std::string &id, const std::string &tag)
{
    registry().addTag(id, tag);
}

void RegistryWorker::removeTag(const std::string &id, const std::string &tag)
{
    registry().removeTag(id, tag);
}

} // namespace llmos
