#include "registry/registryrebuild.h"

#include "registry/modelmanifest.h"
#include "registry/registryid.h"
#include "registry/registryrecovery.h"
#include "registry/registrystate.h"
#include "registry/sourcefile.h"
#include "registry/sqlitestatement.h"
#include "registry/sqlitetransaction.h"
#include "util/error.h"

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <set>

namespace fs = std::filesystem;

namespace llmos {

namespace {

std::string moveAside(const std::string &database)
{
    std::error_code ec;
    if (!fs::exists(database, ec))
        return {};
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &tm);
    const std::string aside = database + ".corrupt-" + stamp;
    // The -wal and -shm files belong to the old database: moved with it so that neither
    // SQLite nor a person pairs them with the new one.
    for (const char *suffix : {"", "-wal", "-shm"}) {
        if (!fs::exists(database + suffix, ec))
            continue;
        fs::rename(database + suffix, aside + suffix, ec);
        if (ec)
            throw Error(ErrorKind::Io, database + suffix, "cannot move the damaged database aside: " + ec.message());
    }
    return aside;
}

// Marks a stored model whose blobs are gone, or an in-place one whose files are, as
// missing; an in-place file of another size as changed.
ModelStatus statusOnDisk(const ModelRecord &m, const BlobStore &blobs)
{
    ModelStatus status = ModelStatus::Ready;
    for (const auto &f : m.files) {
        FileStamp stamp;
        if (!statRegularFile(f.sourcePath.empty() ? blobs.pathOf(f.sha256) : f.sourcePath, stamp))
            return ModelStatus::Missing;
        if (stamp.size != f.size)
            status = ModelStatus::Changed;
    }
    return status;
}

void setAside(const fs::path &manifest, const std::string &why, RebuildReport &report)
{
    report.skipped.push_back(manifest.filename().string() + ": " + why);
    std::error_code ec;
    fs::rename(manifest, manifest.string() + ".damaged", ec);
}

void insertPlaceholder(SqliteDatabase &db, const char *sql, const std::string &id)
{
    if (id.empty())
        return;
    auto s = db.prepare(sql, "restoring a run or dataset that lineage refers to");
    s.bindText(1, id);
    s.run();
}

} // namespace

RebuildReport rebuildRegistry(const RegistryLayout &layout)
{
    layout.createFolders();
    const WriterLock lock(layout.lockFile(), RegistryState::kLockTimeout);
    RebuildReport report;
    report.movedAside = moveAside(layout.databaseFile());

    std::vector<fs::path> files;
    std::error_code ec;
    for (const auto &entry : fs::directory_iterator(layout.manifestsFolder(), ec))
        if (entry.path().extension() == ".json")
            files.push_back(entry.path());
    std::sort(files.begin(), files.end());

    RegistryState state(layout);
    std::vector<ModelManifest> restored;
    std::set<std::string> names;
    std::vector<std::string> changedStatus;
    {
        SqliteTransaction transaction(state.db, "rebuilding the registry");
        for (const auto &file : files) {
            ModelManifest manifest;
            try {
                manifest = readModelManifest(file.string());
            } catch (const Error &e) {
                setAside(file, e.what(), report);
                continue;
            }
            ModelRecord &m = manifest.model;
            if (file.stem().string() != m.id) {
                setAside(file, "holds model " + m.id + ", not the one its name says", report);
                continue;
            }
            if (!names.insert(m.name).second) {
                setAside(file, "another manifest already uses the name " + m.name, report);
                continue;
            }
            const ModelStatus onDisk = statusOnDisk(m, state.blobs);
            if (onDisk != m.status) {
                m.status = onDisk;
                changedStatus.push_back(m.id);
            }
            state.catalog.insert(m);
            restored.push_back(std::move(manifest));
        }
        std::set<std::string> ids;
        for (const auto &r : restored)
            ids.insert(r.model.id);
        for (auto &r : restored) {
            for (auto edge : r.parents) {
                if (!ids.contains(edge.fromId))
                    edge.fromId.clear(); // its parent did not come back: keep the name only
                insertPlaceholder(state.db, "INSERT OR IGNORE INTO runs (id, kind, status, created_at) VALUES (?1, 'unknown', 'unknown', 0)",
                                  edge.runId);
                insertPlaceholder(state.db, "INSERT OR IGNORE INTO datasets (id, name, created_at) VALUES (?1, ?1, 0)",
                                  edge.datasetId);
                try {
                    state.lineage.add(edge);
                } catch (const Error &e) {
                    report.skipped.push_back(r.model.id + ".json: lineage from " + edge.fromName + " left out: " + e.what());
                }
            }
        }
        transaction.commit();
    }
    report.modelsRestored = restored.size();
    for (const auto &id : changedStatus)
        state.writeManifest(id);
    recoverRegistry(state.layout, state.catalog, state.blobs, [&](const std::string &id) { state.writeManifest(id); });
    return report;
}

} // namespace llmos
