#pragma once

#include "registry/modelquery.h"
#include "registry/modelrecord.h"

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace llmos {

class SqliteDatabase;

// The SQL behind models, model_files and tags on one connection. It neither locks nor
// starts transactions: ModelRegistry wraps its calls in those.
class ModelCatalog {
public:
    explicit ModelCatalog(SqliteDatabase &db);

    // Inserts the row, its files and its tags.
    void insert(const ModelRecord &model);
    bool remove(std::string_view id);

    // The id of the model with this id, or else this name.
    std::optional<std::string> findId(std::string_view idOrName) const;
    bool nameExists(std::string_view name) const;
    // The row with tags and files.
    std::optional<ModelRecord> load(std::string_view id) const;

    // Rows with tags, without files.
    std::vector<ModelRecord> list(const ModelQuery &query) const;
    std::size_t count(const ModelQuery &query) const;
    std::vector<std::string> families() const;

    void setStatus(std::string_view id, ModelStatus status);
    // False when nothing changed (the tag was there already / was not there).
    bool addTag(std::string_view id, std::string_view tag);
    bool removeTag(std::string_view id, std::string_view tag);

    // Whether any model's stored file uses this blob.
    bool isBlobUsed(std::string_view sha256) const;
    std::set<std::string> usedBlobs() const;
    std::set<std::string> ids() const;

private:
    SqliteDatabase &m_db;
};

} // namespace llmos
