#include "registry/registrymigrations.h"

#include "registry/sqlitedatabase.h"
#include "registry/sqlitetransaction.h"
#include "util/error.h"

#include <array>
#include <string>

namespace llmos {

namespace {

// v1: models with their files and tags, datasets, runs, and the lineage between models.
// Text columns hold the enums by name (origin, format, status, kind) so a person reading
// the file with the sqlite3 shell understands it; CHECKs keep them to the known names.
constexpr std::string_view kVersion1 = R"sql(
CREATE TABLE models (
  id              TEXT PRIMARY KEY,
  name            TEXT NOT NULL UNIQUE,
  family          TEXT NOT NULL DEFAULT '',
  architecture    TEXT NOT NULL DEFAULT '',
  parameter_count INTEGER NOT NULL DEFAULT 0,
  dtype           TEXT NOT NULL DEFAULT '',
  context_length  INTEGER NOT NULL DEFAULT 0,
  size_bytes      INTEGER NOT NULL DEFAULT 0,
  license         TEXT NOT NULL DEFAULT '',
  description     TEXT NOT NULL DEFAULT '',
  created_at      INTEGER NOT NULL,
  status          TEXT NOT NULL DEFAULT 'ready' CHECK (status IN ('ready', 'changed', 'missing')),
  origin          TEXT NOT NULL CHECK (origin IN ('imported', 'fine-tuned', 'quantized', 'merged', 'adapter', 'exported')),
  format          TEXT NOT NULL CHECK (format IN ('hf', 'gguf', 'peft')),
  in_place        INTEGER NOT NULL DEFAULT 0 CHECK (in_place IN (0, 1)),
  source_path     TEXT NOT NULL DEFAULT '',
  load_path       TEXT NOT NULL DEFAULT '',
  metadata        TEXT NOT NULL DEFAULT '{}'
);
-- The model browser sorts by name, size and date and filters by family and origin.
CREATE INDEX models_name_nocase ON models (name COLLATE NOCASE);
CREATE INDEX models_family ON models (family);
CREATE INDEX models_origin ON models (origin);
CREATE INDEX models_created ON models (created_at);
CREATE INDEX models_size ON models (size_bytes);
CREATE INDEX models_parameters ON models (parameter_count);

-- A stored file lives in the blob store under its sha256; an in-place one at source_path.
CREATE TABLE model_files (
  model_id    TEXT NOT NULL REFERENCES models (id) ON DELETE CASCADE,
  path        TEXT NOT NULL,
  size        INTEGER NOT NULL,
  sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
  source_path TEXT,
  mtime_ns    INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (model_id, path)
) WITHOUT ROWID;
-- "Is this blob still used?" when a model is removed and during recovery.
CREATE INDEX model_files_blob ON model_files (sha256) WHERE source_path IS NULL;

CREATE TABLE tags (
  model_id TEXT NOT NULL REFERENCES models (id) ON DELETE CASCADE,
  tag      TEXT NOT NULL,
  PRIMARY KEY (model_id, tag)
) WITHOUT ROWID;
CREATE INDEX tags_tag ON tags (tag, model_id);

CREATE TABLE datasets (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  format      TEXT NOT NULL DEFAULT '',
  source_path TEXT NOT NULL DEFAULT '',
  sha256      TEXT NOT NULL DEFAULT '',
  size_bytes  INTEGER NOT NULL DEFAULT 0,
  created_at  INTEGER NOT NULL,
  metadata    TEXT NOT NULL DEFAULT '{}'
);

CREATE TABLE runs (
  id          TEXT PRIMARY KEY,
  kind        TEXT NOT NULL,
  recipe      TEXT NOT NULL DEFAULT '{}',
  status      TEXT NOT NULL,
  created_at  INTEGER NOT NULL,
  started_at  INTEGER,
  finished_at INTEGER
);
CREATE INDEX runs_status ON runs (status);

-- from_model becomes NULL when the parent is removed (with force); from_name keeps
-- what it was called, so a fine-tune still says what it came from.
CREATE TABLE lineage (
  id         INTEGER PRIMARY KEY,
  from_model TEXT REFERENCES models (id) ON DELETE SET NULL,
  from_name  TEXT NOT NULL,
  to_model   TEXT NOT NULL REFERENCES models (id) ON DELETE CASCADE,
  kind       TEXT NOT NULL CHECK (kind IN ('fine-tune', 'lora', 'merge', 'quantize', 'export')),
  run_id     TEXT REFERENCES runs (id) ON DELETE SET NULL,
  dataset_id TEXT REFERENCES datasets (id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL,
  CHECK (from_model IS NULL OR from_model <> to_model)
);
CREATE INDEX lineage_from ON lineage (from_model);
CREATE INDEX lineage_to ON lineage (to_model);
CREATE UNIQUE INDEX lineage_edge ON lineage (from_model, to_model, kind);
)sql";

// v2: a run's final metrics (JSON object of name -> number), and datasets found by content.
constexpr std::string_view kVersion2 = R"sql(
ALTER TABLE runs ADD COLUMN metrics TEXT NOT NULL DEFAULT '{}';
CREATE INDEX datasets_sha256 ON datasets (sha256);
)sql";

// v3: lineage edges of kind 'prune' (a model made by removing layers or weights). SQLite
// cannot change a CHECK in place, so the table is copied; nothing refers to its rows.
constexpr std::string_view kVersion3 = R"sql(
CREATE TABLE lineage_v3 (
  id         INTEGER PRIMARY KEY,
  from_model TEXT REFERENCES models (id) ON DELETE SET NULL,
  from_name  TEXT NOT NULL,
  to_model   TEXT NOT NULL REFERENCES models (id) ON DELETE CASCADE,
  kind       TEXT NOT NULL CHECK (kind IN ('fine-tune', 'lora', 'merge', 'quantize', 'export', 'prune')),
  run_id     TEXT REFERENCES runs (id) ON DELETE SET NULL,
  dataset_id TEXT REFERENCES datasets (id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL,
  CHECK (from_model IS NULL OR from_model <> to_model)
);
INSERT INTO lineage_v3 (id, from_model, from_name, to_model, kind, run_id, dataset_id, created_at)
  SELECT id, from_model, from_name, to_model, kind, run_id, dataset_id, created_at FROM lineage;
DROP TABLE lineage;
ALTER TABLE lineage_v3 RENAME TO lineage;
CREATE INDEX lineage_from ON lineage (from_model);
CREATE INDEX lineage_to ON lineage (to_model);
CREATE UNIQUE INDEX lineage_edge ON lineage (from_model, to_model, kind);
)sql";

constexpr std::array kMigrations{
    RegistryMigration{1, "creating the registry's tables (schema v1)", kVersion1},
    RegistryMigration{2, "adding run metrics (schema v2)", kVersion2},
    RegistryMigration{3, "allowing pruned models in the lineage (schema v3)", kVersion3},
};

} // namespace

std::span<const RegistryMigration> registryMigrations()
{
    return kMigrations;
}

int registrySchemaVersion()
{
    return kMigrations.back().version;
}

void migrateRegistry(SqliteDatabase &db, std::span<const RegistryMigration> migrations)
{
    const int latest = migrations.empty() ? 0 : migrations.back().version;
    auto currentVersion = [&] {
        return static_cast<int>(db.queryInt("PRAGMA user_version", "reading the schema version"));
    };
    if (const int found = currentVersion(); found > latest)
        throw Error(ErrorKind::Unsupported, db.path(),
                    "was written by a newer llmos (registry schema version " + std::to_string(found)
                        + "; this build knows versions up to " + std::to_string(latest)
                        + "). Use that newer llmos, or point LLMOS_HOME at another folder; the file was not changed");
    for (const auto &step : migrations) {
        if (currentVersion() >= step.version)
            continue;
        SqliteTransaction transaction(db, std::string(step.purpose));
        // Another process may have migrated between our read and our BEGIN IMMEDIATE.
        if (currentVersion() >= step.version)
            continue;
        if (currentVersion() != step.version - 1)
            throw Error(ErrorKind::Internal, db.path(),
                        "schema version " + std::to_string(currentVersion()) + " has no migration to version "
                            + std::to_string(step.version));
        db.execute(step.sql, step.purpose);
        // user_version lives in the database header, which the transaction covers: the
        // bump commits together with the step or not at all.
        db.execute("PRAGMA user_version = " + std::to_string(step.version), "recording the schema version");
        transaction.commit();
    }
}

} // namespace llmos
