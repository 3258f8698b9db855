#include "registry/modelregistry.h"

#include "registry/modelfolder.h"
#include "registry/modelimporter.h"
#include "registry/registryid.h"
#include "registry/registryrebuild.h"
#include "registry/registryrecovery.h"
#include "registry/registrystate.h"
#include "registry/sha256hasher.h"
#include "registry/sourcefile.h"
#include "registry/sqlitestatement.h"
#include "registry/sqlitetransaction.h"
#include "formats/strictjson.h"
#include "util/error.h"
#include "util/mappedfile.h"

#include <filesystem>

namespace fs = std::filesystem;

namespace llmos {

namespace {

// A card is shown, not parsed: anything past this is cut.
constexpr std::size_t kMaxCardBytes = 4u << 20;

// For an in-place model: what loaders take. A lone .safetensors file was imported with
// its config beside it, so its folder is the model.
std::string inPlaceTarget(const ModelRecord &m)
{
    if (m.format == ModelFormat::HuggingFace && fs::path(m.sourcePath).extension() == ".safetensors")
        return fs::path(m.sourcePath).parent_path().string();
    return m.sourcePath;
}

} // namespace

ModelRegistry::ModelRegistry(const std::string &home)
{
    RegistryLayout layout(home);
    layout.createFolders();
    // Migration and recovery write: both under the writer lock.
    WriterLock lock(layout.lockFile(), RegistryState::kLockTimeout);
    std::string rebuiltBecause = rebuildDueReason(layout);
    RebuildReport rebuilt;
    if (!rebuiltBecause.empty())
        rebuilt = rebuildRegistryLocked(layout);
    m_state = std::make_unique<RegistryState>(std::move(layout));
    m_recovery = recoverRegistry(m_state->layout, m_state->catalog, m_state->blobs,
                                 [this](const std::string &id) { m_state->writeManifest(id); });
    m_recovery.rebuiltBecause = std::move(rebuiltBecause);
    m_recovery.rebuild = std::move(rebuilt);
}

ModelRegistry::~ModelRegistry() = default;
ModelRegistry::ModelRegistry(ModelRegistry &&) noexcept = default;
ModelRegistry &ModelRegistry::operator=(ModelRegistry &&) noexcept = default;

const std::string &ModelRegistry::home() const
{
    return m_state->layout.home();
}

ModelRecord ModelRegistry::importModel(const std::string &path, const ImportOptions &options)
{
    return ModelImporter(*m_state).run(path, options);
}

std::vector<ModelRecord> ModelRegistry::list(const ModelQuery &query) const
{
    return m_state->catalog.list(query);
}

std::size_t ModelRegistry::count(const ModelQuery &query) const
{
    return m_state->catalog.count(query);
}

std::vector<std::string> ModelRegistry::families() const
{
    return m_state->catalog.families();
}

std::optional<ModelRecord> ModelRegistry::find(std::string_view idOrName) const
{
    const auto id = m_state->catalog.findId(idOrName);
    return id ? m_state->catalog.load(*id) : std::nullopt;
}

ModelRecord ModelRegistry::get(std::string_view idOrName) const
{
    return m_state->requireModel(idOrName);
}

RemovalReport ModelRegistry::remove(std::string_view idOrName, bool force)
{
    auto &s = *m_state;
    const WriterLock lock = s.lockForWriting();
    RemovalReport report;
    report.removed = s.requireModel(idOrName);
    const std::string &id = report.removed.id;
    const auto children = s.lineage.children(id);
    for (const auto &edge : children)
        report.orphaned.push_back(edge.toName);
    if (!children.empty() && !force) {
        std::string names;
        for (const auto &edge : children)
            names += (names.empty() ? "" : ", ") + edge.toName + " (" + lineageKindName(edge.kind) + ")";
        throw Error(ErrorKind::InvalidInput, "model " + report.removed.name,
                    std::to_string(children.size()) + " model(s) were made from it: " + names
                        + ". Remove those first, or remove with force: their lineage then keeps this model's name only");
    }
    {
        SqliteTransaction transaction(s.db, "removing model " + report.removed.name);
        s.catalog.remove(id);
        transaction.commit();
    }
    // The row is gone: from here on a crash leaves only files recovery removes.
    std::error_code ec;
    fs::remove(s.layout.manifestFile(id), ec);
    fs::remove_all(s.layout.modelFolder(id), ec);
    for (const auto &file : report.removed.files) {
        if (!file.sourcePath.empty() || s.catalog.isBlobUsed(file.sha256) || !s.blobs.contains(file.sha256))
            continue;
        s.blobs.remove(file.sha256);
        report.bytesFreed += file.size;
    }
    for (const auto &edge : children)
        s.writeManifest(edge.toId); // their parent edge lost its id
    return report;
}

std::string ModelRegistry::resolve(std::string_view idOrName)
{
    auto &s = *m_state;
    const ModelRecord m = s.requireModel(idOrName);
    if (m.inPlace) {
        const std::string target = inPlaceTarget(m);
        if (!fs::exists(target))
            throw Error(ErrorKind::NotFound, target,
                        "model " + m.name + " was registered in place here, and it is gone; import it again or remove it");
        return target;
    }
    const std::string folder = s.layout.modelFolder(m.id);
    if (!modelFolderIsComplete(folder, m.files)) {
        // Someone deleted links, or a power cut lost them: the blobs make them again.
        const WriterLock lock = s.lockForWriting();
        for (const auto &f : m.files)
            if (!s.blobs.contains(f.sha256))
                throw Error(ErrorKind::NotFound, s.blobs.pathOf(f.sha256),
                            "the stored copy of " + f.path + " of model " + m.name
                                + " is gone from the blob store; remove the model and import it again");
        makeModelFolder(folder, m.files, s.blobs);
    }
    return m.loadPath.empty() ? folder : folder + "/" + m.loadPath;
}

std::optional<std::string> ModelRegistry::modelCard(std::string_view idOrName) const
{
    const ModelRecord m = get(idOrName);
    const auto card = m.metadata.find("model_card");
    if (card == m.metadata.end())
        return std::nullopt;
    for (const auto &f : m.files) {
        if (f.path != card->second)
            continue;
        const std::string path = f.sourcePath.empty() ? m_state->blobs.pathOf(f.sha256) : f.sourcePath;
        FileStamp stamp;
        if (!statRegularFile(path, stamp))
            return std::nullopt;
        std::string text = readWholeFile(path);
        if (text.size() > kMaxCardBytes)
            text.resize(kMaxCardBytes);
        return text;
    }
    return std::nullopt;
}

FileCheck ModelRegistry::verifyInPlace(std::string_view idOrName, std::stop_token stop)
{
    auto &s = *m_state;
    const ModelRecord m = s.requireModel(idOrName);
    FileCheck check;
    // Hashing happens without the lock; only the status update takes it.
    for (const auto &f : m.files) {
        if (f.sourcePath.empty()) {
            FileStamp stamp;
            if (!statRegularFile(s.blobs.pathOf(f.sha256), stamp))
                check.missing.push_back(f.path);
            else if (stamp.size != f.size)
                check.changed.push_back(f.path);
            continue;
        }
        FileStamp stamp;
        if (!statRegularFile(f.sourcePath, stamp)) {
            check.missing.push_back(f.path);
        } else if (stamp.size != f.size) {
            check.changed.push_back(f.path);
        } else if (stamp.mtimeNs != f.mtimeNs) {
            (sha256OfFile(f.sourcePath, {}, stop) == f.sha256 ? check.touched : check.changed).push_back(f.path);
        }
    }
    check.status = !check.missing.empty() ? ModelStatus::Missing
                   : !check.changed.empty() ? ModelStatus::Changed
                                            : ModelStatus::Ready;
    if (check.status != m.status) {
        const WriterLock lock = s.lockForWriting();
        SqliteTransaction transaction(s.db, "recording the status of model " + m.name);
        s.catalog.setStatus(m.id, check.status);
        s.writeManifest(m.id);
        transaction.commit();
    }
    return check;
}

void ModelRegistry::addTag(std::string_view idOrName, std::string_view tag)
{
    checkTag(tag);
    auto &s = *m_state;
    const WriterLock lock = s.lockForWriting();
    const std::string id = s.requireId(idOrName);
    SqliteTransaction transaction(s.db, "tagging a model");
    if (s.catalog.addTag(id, tag)) {
        s.writeManifest(id); // reads the uncommitted row: the manifest matches the commit
        transaction.commit();
    }
}

void ModelRegistry::removeTag(std::string_view idOrName, std::string_view tag)
{
    auto &s = *m_state;
    const WriterLock lock = s.lockForWriting();
    const std::string id = s.requireId(idOrName);
    SqliteTransaction transaction(s.db, "removing a tag");
    if (!s.catalog.removeTag(id, tag))
        throw Error(ErrorKind::NotFound, "tag \"" + std::string(tag) + "\"", "is not on model " + std::string(idOrName));
    s.writeManifest(id);
    transaction.commit();
}

ModelLineage ModelRegistry::lineage(std::string_view idOrName) const
{
    const std::string id = m_state->requireId(idOrName);
    return {m_state->lineage.ancestors(id), m_state->lineage.descendants(id)};
}

void ModelRegistry::addLineage(std::string_view fromIdOrName, std::string_view toIdOrName, LineageKind kind,
                               std::string_view runId, std::string_view datasetId)
{
    auto &s = *m_state;
    const WriterLock lock = s.lockForWriting();
    const ModelRecord from = s.requireModel(fromIdOrName);
    const ModelRecord to = s.requireModel(toIdOrName);
    LineageEdge edge{from.id, from.name, to.id, to.name, kind, std::string(runId), std::string(datasetId), unixTimeNow(), 1};
    SqliteTransaction transaction(s.db, "recording lineage");
    auto exists = [&](const char *sql, std::string_view id) {
        auto q = s.db.prepare(sql, "checking a lineage reference");
        q.bindText(1, id);
        return q.step();
    };
    if (!runId.empty() && !exists("SELECT 1 FROM runs WHERE id = ?1", runId))
        throw Error(ErrorKind::NotFound, "run " + std::string(runId), "is not in the registry");
    if (!datasetId.empty() && !exists("SELECT 1 FROM datasets WHERE id = ?1", datasetId))
        throw Error(ErrorKind::NotFound, "dataset " + std::string(datasetId), "is not in the registry");
    s.lineage.add(edge);
    s.writeManifest(to.id);
    transaction.commit();
}

RebuildReport ModelRegistry::rebuild(const std::string &home)
{
    return rebuildRegistry(RegistryLayout(home));
}

} // namespace llmos
