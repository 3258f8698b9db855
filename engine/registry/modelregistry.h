#pragma once

#include "registry/datasetrecord.h"
#include "registry/importoptions.h"
#include "registry/lineageedge.h"
#include "registry/modelquery.h"
#include "registry/modelrecord.h"
#include "registry/registryreports.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <stop_token>
#include <string>
#include <string_view>
#include <vector>

namespace llmos {

class RegistryState;

// The model registry: every model on this machine with its files, tags, card and
// lineage, kept under one home folder (normally dataDirectory(), i.e. $LLMOS_HOME):
// a SQLite database, content-addressed blobs, a folder of links per stored model and a
// manifest per model. This class is the one the GUI, the CLI and the server use.
//
// Threads: an object belongs to the thread that created it, because it holds that
// thread's own SQLite connection. Another thread opens its own ModelRegistry on the same
// home (cheap); with the WAL journal its reads never wait for a writer. Writes from any
// number of threads and processes are serialised by a lock file, held only for the
// short commit of each change - never while a file is copied or hashed.
//
// Errors are llmos::Error: NotFound for an unknown id or name, InvalidInput for a
// refused request (name taken, lineage cycle, removal that would orphan models),
// Format/Unsupported for files that cannot be imported, Io for the file system, and
// Format naming registry.sqlite when the database is damaged (see rebuild()).
class ModelRegistry {
public:
    // Opens the registry in `home` (creating it), migrates its schema, and recovers
    // from any process that died while writing: see recovery(). When a rebuild was cut
    // short, or the database is gone while the manifests are there, it rebuilds first.
    explicit ModelRegistry(const std::string &home);
    ~ModelRegistry();
    ModelRegistry(ModelRegistry &&) noexcept;
    ModelRegistry &operator=(ModelRegistry &&) noexcept;

    const std::string &home() const;
    const RecoveryReport &recovery() const noexcept { return m_recovery; }

    // ---- models ------------------------------------------------------------------------
    // Verifies and registers a model folder or file (see planImport() for what is
    // accepted). Nothing is written when it is refused or cancelled.
    ModelRecord importModel(const std::string &path, const ImportOptions &options = {});
    // Rows with tags (no files), filtered, sorted and paged.
    std::vector<ModelRecord> list(const ModelQuery &query = {}) const;
    std::size_t count(const ModelQuery &query = {}) const;
    std::vector<std::string> families() const;
    // By id, else by name; with files and tags.
    std::optional<ModelRecord> find(std::string_view idOrName) const;
    ModelRecord get(std::string_view idOrName) const; // Error(NotFound) when absent
    // Removes the model, its folder and the blobs no other model uses. A model that
    // others were made from is refused unless `force`; then their lineage keeps its
    // name without an id (the report lists them). In-place files are never deleted.
    RemovalReport remove(std::string_view idOrName, bool force = false);

    // The path to hand a loader: for a stored model its folder of links (or the GGUF
    // file in it), re-made if it was damaged; for an in-place one the original folder or
    // file. Error(NotFound) when the files are gone.
    std::string resolve(std::string_view idOrName);
    // The model card (README.md) text, when the model has one.
    std::optional<std::string> modelCard(std::string_view idOrName) const;
    // Compares the model's files with what was registered: for in-place files size and
    // time, then the hash of those whose time changed; for stored files that the blob
    // is there with its size. Records the resulting status (ready/changed/missing).
    FileCheck verifyInPlace(std::string_view idOrName, std::stop_token stop = {});

    // ---- tags ---------------------------------------------------------------------------
    void addTag(std::string_view idOrName, std::string_view tag);
    void removeTag(std::string_view idOrName, std::string_view tag);

    // ---- lineage ------------------------------------------------------------------------
    ModelLineage lineage(std::string_view idOrName) const;
    // Records that `to` was made from `from`. runId and datasetId, when given, must be
    // registered runs and datasets. Refuses cycles.
    void addLineage(std::string_view fromIdOrName, std::string_view toIdOrName, LineageKind kind,
                    std::string_view runId = {}, std::string_view datasetId = {});

    // ---- runs and datasets (registryruns.cpp) ---------------------------------------------
    // A run row under the id of its run folder (RunStore), so lineage names the run on
    // disk. Recording an id that is there (a resumed run) only updates its status.
    void recordRun(std::string_view runId, std::string_view kind, std::string_view recipeJson,
                   std::string_view status);
    // The same with a new id, for runs that have no folder.
    std::string addRun(std::string_view kind, std::string_view recipeJson, std::string_view status);
    void setRunStatus(std::string_view runId, std::string_view status);
    // The run's final metrics: a JSON object of name -> number.
    void setRunMetrics(std::string_view runId, std::string_view metricsJson);
    std::string runMetrics(std::string_view runId) const;

    // The row for this content at this path when one was recorded, else a new row named
    // dataset.name (with " (2)", " (3)", ... when that name is taken). id and createdAt
    // are the registry's; the result is the row as stored.
    DatasetRecord recordDataset(const DatasetRecord &dataset);
    // Newest first.
    std::vector<DatasetRecord> datasets() const;
    std::optional<DatasetRecord> findDataset(std::string_view idOrName) const;

    // Re-creates the database from the manifests and blobs in `home` after it was damaged
    // or lost; killed part-way, the next open finishes it. The old file (with its -wal and
    // -shm) is moved aside to registry.sqlite.corrupt-<time>; unreadable manifests are renamed *.json.damaged and
    // reported. Runs and datasets, which have no manifests, come back as placeholders
    // where lineage refers to them. Needs no working registry object.
    static RebuildReport rebuild(const std::string &home);

private:
    std::unique_ptr<RegistryState> m_state;
    RecoveryReport m_recovery;
};

} // namespace llmos
