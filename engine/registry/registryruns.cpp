// ModelRegistry's runs and datasets: the rows lineage points at.

#include "registry/modelregistry.h"

#include "registry/registryid.h"
#include "registry/registrystate.h"
#include "registry/sqlitestatement.h"
#include "registry/sqlitetransaction.h"
#include "formats/strictjson.h"
#include "util/error.h"

#include <nlohmann/json.hpp>

namespace llmos {

namespace {

constexpr const char *kDatasetColumns =
    "SELECT id, name, format, source_path, sha256, size_bytes, created_at, metadata FROM datasets ";

DatasetRecord readDataset(const SqliteStatement &q)
{
    DatasetRecord d;
    d.id = q.columnText(0);
    d.name = q.columnText(1);
    d.format = q.columnText(2);
    d.sourcePath = q.columnText(3);
    d.sha256 = q.columnText(4);
    d.sizeBytes = static_cast<std::uint64_t>(q.columnInt(5));
    d.createdAt = q.columnInt(6);
    d.metadataJson = q.columnText(7);
    return d;
}

void checkRunExists(SqliteDatabase &db, std::string_view runId)
{
    if (db.changes() == 0)
        throw Error(ErrorKind::NotFound, "run " + std::string(runId), "is not in the registry");
}

} // namespace

void ModelRegistry::recordRun(std::string_view runId, std::string_view kind, std::string_view recipeJson,
                              std::string_view status)
{
    if (!looksLikeRegistryId(runId, 'r'))
        throw Error(ErrorKind::InvalidInput, "run " + std::string(runId), "is not a run id (r-...)");
    parseJsonStrict(recipeJson, "run recipe");
    auto &s = *m_state;
    {
        const WriterLock lock = s.lockForWriting();
        auto q = s.db.prepare("INSERT OR IGNORE INTO runs (id, kind, recipe, status, created_at) "
                              "VALUES (?1, ?2, ?3, ?4, ?5)",
                              "recording a run");
        q.bindText(1, runId).bindText(2, kind).bindText(3, recipeJson).bindText(4, status).bindInt(5, unixTimeNow());
        q.run();
    }
    setRunStatus(runId, status);
}

std::string ModelRegistry::addRun(std::string_view kind, std::string_view recipeJson, std::string_view status)
{
    const std::string id = newRegistryId('r');
    recordRun(id, kind, recipeJson, status);
    return id;
}

void ModelRegistry::setRunStatus(std::string_view runId, std::string_view status)
{
    auto &s = *m_state;
    const WriterLock lock = s.lockForWriting();
    // started_at/finished_at follow the usual state names; other states only set status.
    auto q = s.db.prepare("UPDATE runs SET status = ?2, "
                          "started_at = CASE WHEN ?2 = 'running' AND started_at IS NULL THEN ?3 ELSE started_at END, "
                          "finished_at = CASE WHEN ?2 IN ('succeeded', 'failed', 'cancelled') THEN ?3 ELSE finished_at END "
                          "WHERE id = ?1",
                          "recording a run's status");
    q.bindText(1, runId).bindText(2, status).bindInt(3, unixTimeNow());
    q.run();
    checkRunExists(s.db, runId);
}

void ModelRegistry::setRunMetrics(std::string_view runId, std::string_view metricsJson)
{
    if (!parseJsonStrict(metricsJson, "run metrics").is_object())
        throw Error(ErrorKind::InvalidInput, "run metrics", "must be a JSON object");
    auto &s = *m_state;
    const WriterLock lock = s.lockForWriting();
    auto q = s.db.prepare("UPDATE runs SET metrics = ?2 WHERE id = ?1", "recording a run's metrics");
    q.bindText(1, runId).bindText(2, metricsJson);
    q.run();
    checkRunExists(s.db, runId);
}

std::string ModelRegistry::runMetrics(std::string_view runId) const
{
    auto q = m_state->db.prepare("SELECT metrics FROM runs WHERE id = ?1", "reading a run's metrics");
    q.bindText(1, runId);
    if (!q.step())
        throw Error(ErrorKind::NotFound, "run " + std::string(runId), "is not in the registry");
    return q.columnText(0);
}

DatasetRecord ModelRegistry::recordDataset(const DatasetRecord &dataset)
{
    checkDisplayText(dataset.name, 256, "dataset name");
    parseJsonStrict(dataset.metadataJson, "dataset metadata");
    auto &s = *m_state;
    const WriterLock lock = s.lockForWriting();
    SqliteTransaction transaction(s.db, "recording a dataset");
    {
        auto same = s.db.prepare(std::string(kDatasetColumns) + "WHERE sha256 = ?1 AND source_path = ?2 LIMIT 1",
                                 "finding a dataset by content");
        same.bindText(1, dataset.sha256).bindText(2, dataset.sourcePath);
        if (same.step())
            return readDataset(same);
    }
    DatasetRecord stored = dataset;
    stored.id = newRegistryId('d');
    stored.createdAt = unixTimeNow();
    // Names are unique: a second "train.jsonl" from another folder becomes "train.jsonl (2)".
    for (int n = 2;; ++n) {
        auto taken = s.db.prepare("SELECT 1 FROM datasets WHERE name = ?1", "checking a dataset name");
        taken.bindText(1, stored.name);
        if (!taken.step())
            break;
        stored.name = dataset.name + " (" + std::to_string(n) + ")";
    }
    auto q = s.db.prepare("INSERT INTO datasets (id, name, format, source_path, sha256, size_bytes, created_at, metadata) "
                          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                          "recording a dataset");
    q.bindText(1, stored.id).bindText(2, stored.name).bindText(3, stored.format).bindText(4, stored.sourcePath);
    q.bindText(5, stored.sha256).bindInt(6, static_cast<std::int64_t>(stored.sizeBytes)).bindInt(7, stored.createdAt);
    q.bindText(8, stored.metadataJson);
    q.run();
    transaction.commit();
    return stored;
}

std::vector<DatasetRecord> ModelRegistry::datasets() const
{
    auto q = m_state->db.prepare(std::string(kDatasetColumns) + "ORDER BY created_at DESC, name", "listing datasets");
    std::vector<DatasetRecord> all;
    while (q.step())
        all.push_back(readDataset(q));
    return all;
}

std::optional<DatasetRecord> ModelRegistry::findDataset(std::string_view idOrName) const
{
    auto q = m_state->db.prepare(std::string(kDatasetColumns) + "WHERE id = ?1 OR name = ?1 ORDER BY id = ?1 DESC LIMIT 1",
                                 "finding a dataset");
    q.bindText(1, idOrName);
    if (!q.step())
        return std::nullopt;
    return readDataset(q);
}

} // namespace llmos
