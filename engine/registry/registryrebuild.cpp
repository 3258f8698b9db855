#include "registry/registryrebuild.h"

#include "registry/foldersync.h"
#include "registry/modelmanifest.h"
#include "registry/registryid.h"
#include "registry/registryrecovery.h"
#include "registry/registrystate.h"
#include "registry/sourcefile.h"
#include "registry/sqlitestatement.h"
#include "registry/sqlitetransaction.h"
#include "util/atomicfile.h"
#include "util/error.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <set>
#include <unistd.h>

namespace fs = std::filesystem;

namespace llmos {

namespace {

// The first of <database>.corrupt-<time>[.n] that no file (nor its -wal or -shm) has:
// a rebuild that was cut short and redone within the same second must not overwrite
// what the first attempt set aside.
std::string asideName(const std::string &database)
{
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &tm);
    const std::string base = database + ".corrupt-" + stamp;
    std::error_code ec;
    std::string name = base;
    for (int n = 1; fs::exists(name, ec) || fs::exists(name + "-wal", ec) || fs::exists(name + "-shm", ec); ++n)
        name = base + "." + std::to_string(n);
    return name;
}

// Moves the old database aside; returns where ("" when there was none). Its -wal and
// -shm go first: a -wal left behind beside a new database would be replayed into it.
std::string moveAside(const std::string &database)
{
    std::error_code ec;
    std::string aside;
    for (const char *suffix : {"-wal", "-shm", ""}) {
        if (!fs::exists(database + suffix, ec))
            continue;
        if (aside.empty())
            aside = asideName(database);
        fs::rename(database + suffix, aside + suffix, ec);
        if (ec)
            throw Error(ErrorKind::Io, database + suffix, "cannot move the old database aside: " + ec.message());
    }
    return aside;
}

void removeDatabaseFiles(const std::string &database)
{
    for (const char *suffix : {"", "-wal", "-shm", "-journal"}) {
        std::error_code ec;
        fs::remove(database + suffix, ec);
        if (ec)
            throw Error(ErrorKind::Io, database + suffix, "cannot remove an unfinished rebuild's database: " + ec.message());
    }
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

// The lineage edges of the restored models. Runs and datasets have no manifests: those
// the edges name come back as placeholders.
void restoreLineage(RegistryState &state, const std::vector<ModelManifest> &restored, RebuildReport &report)
{
    std::set<std::string> ids;
    for (const auto &r : restored)
        ids.insert(r.model.id);
    for (const auto &r : restored) {
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
}

// Fills the (new, empty) database of `state` from the manifests in one transaction, and
// rewrites the manifests of models whose files turned out missing or changed.
void restoreFromManifests(RegistryState &state, RebuildReport &report)
{
    std::vector<fs::path> files;
    std::error_code ec;
    for (const auto &entry : fs::directory_iterator(state.layout.manifestsFolder(), ec))
        if (entry.path().extension() == ".json")
            files.push_back(entry.path());
    if (ec)
        throw Error(ErrorKind::Io, state.layout.manifestsFolder(), "cannot list the manifests: " + ec.message());
    std::sort(files.begin(), files.end());

    std::vector<ModelManifest> restored;
    std::set<std::string> names;
    std::vector<std::string> changedStatus;
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
    restoreLineage(state, restored, report);
    transaction.commit();
    report.modelsRestored = restored.size();
    for (const auto &id : changedStatus)
        state.writeManifest(id);
}

// Builds the new database under a temporary name, whole in one file, so that it can
// replace the old one with a single rename.
void buildRebuiltDatabase(const RegistryLayout &layout, RebuildReport &report)
{
    const std::string rebuilt = layout.rebuiltDatabaseFile();
    removeDatabaseFiles(rebuilt); // an earlier attempt's, cut short
    RegistryState state(layout, rebuilt);
    restoreFromManifests(state, report);
    // Leaving WAL mode checkpoints and deletes the -wal; openRegistryDatabase turns WAL
    // back on when the file is opened under its real name.
    const std::string mode = state.db.queryText("PRAGMA journal_mode = DELETE", "finishing the rebuilt database");
    if (mode != "delete")
        throw Error(ErrorKind::Io, rebuilt, "cannot finish the rebuilt database (SQLite kept the \"" + mode + "\" journal)");
}

} // namespace

std::string rebuildDueReason(const RegistryLayout &layout)
{
    std::error_code ec;
    if (fs::exists(layout.rebuildMarkerFile(), ec))
        return "a rebuild of the database from the manifests was cut short";
    if (fs::exists(layout.databaseFile(), ec))
        return {};
    for (const auto &entry : fs::directory_iterator(layout.manifestsFolder(), ec))
        if (entry.path().extension() == ".json")
            return "the database is gone, but the models' manifests are there";
    return {};
}

RebuildReport rebuildRegistry(const RegistryLayout &layout)
{
    layout.createFolders();
    const WriterLock lock(layout.lockFile(), RegistryState::kLockTimeout);
    return rebuildRegistryLocked(layout);
}

RebuildReport rebuildRegistryLocked(const RegistryLayout &layout)
{
    // Until the marker is gone again the manifests, not the database, are the truth: an
    // open that finds it rebuilds again rather than "recover" against a database that
    // is old, half-built or missing, which would delete every blob it does not list.
    {
        AtomicFileWriter marker(layout.rebuildMarkerFile());
        const std::string why = "rebuilding registry.sqlite from manifests/; if this file stays, the next open rebuilds again\n";
        marker.write(why.data(), why.size());
        marker.commit();
    }
    RebuildReport report;
    buildRebuiltDatabase(layout, report);
    report.movedAside = moveAside(layout.databaseFile());
    if (::rename(layout.rebuiltDatabaseFile().c_str(), layout.databaseFile().c_str()) != 0)
        throw Error(ErrorKind::Io, layout.databaseFile(),
                    std::string("cannot move the rebuilt database into place: ") + std::strerror(errno));
    syncFolder(layout.home());
    if (::unlink(layout.rebuildMarkerFile().c_str()) != 0)
        throw Error(ErrorKind::Io, layout.rebuildMarkerFile(),
                    std::string("cannot remove the rebuild's marker: ") + std::strerror(errno));
    syncFolder(layout.home());

    RegistryState state(layout);
    recoverRegistry(state.layout, state.catalog, state.blobs, [&](const std::string &id) { state.writeManifest(id); });
    return report;
}

} // namespace llmos
