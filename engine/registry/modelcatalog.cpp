#include "registry/modelcatalog.h"

#include "registry/sqlitedatabase.h"
#include "registry/sqlitestatement.h"
#include "util/error.h"

#include <nlohmann/json.hpp>

namespace llmos {

namespace {

// The columns every read of a model row selects, in the order readRow() takes them; the
// last one gathers the tags (separated by the unit separator, which tags may not hold).
constexpr std::string_view kColumns =
    "m.id, m.name, m.family, m.architecture, m.parameter_count, m.dtype, m.context_length, m.size_bytes, "
    "m.license, m.description, m.created_at, m.status, m.origin, m.format, m.in_place, m.source_path, "
    "m.load_path, m.metadata, (SELECT group_concat(tag, char(31)) FROM (SELECT tag FROM tags WHERE model_id = m.id ORDER BY tag))";

std::map<std::string, std::string> metadataFromText(const std::string &text)
{
    std::map<std::string, std::string> out;
    const auto doc = nlohmann::json::parse(text, nullptr, false);
    if (doc.is_object())
        for (const auto &[k, v] : doc.items())
            if (v.is_string())
                out.emplace(k, v.get<std::string>());
    return out;
}

ModelRecord readRow(const SqliteStatement &s)
{
    ModelRecord m;
    m.id = s.columnText(0);
    m.name = s.columnText(1);
    m.family = s.columnText(2);
    m.architecture = s.columnText(3);
    m.parameterCount = static_cast<std::uint64_t>(s.columnInt(4));
    m.dtype = s.columnText(5);
    m.contextLength = static_cast<std::uint64_t>(s.columnInt(6));
    m.sizeBytes = static_cast<std::uint64_t>(s.columnInt(7));
    m.license = s.columnText(8);
    m.description = s.columnText(9);
    m.createdAt = s.columnInt(10);
    // The CHECK constraints keep these to known names.
    m.status = parseModelStatus(s.columnText(11)).value_or(ModelStatus::Ready);
    m.origin = parseModelOrigin(s.columnText(12)).value_or(ModelOrigin::Imported);
    m.format = parseModelFormat(s.columnText(13)).value_or(ModelFormat::HuggingFace);
    m.inPlace = s.columnInt(14) != 0;
    m.sourcePath = s.columnText(15);
    m.loadPath = s.columnText(16);
    m.metadata = metadataFromText(s.columnText(17));
    const std::string tags = s.columnText(18);
    for (std::size_t start = 0; start < tags.size();) {
        const std::size_t end = std::min(tags.find('\x1f', start), tags.size());
        m.tags.push_back(tags.substr(start, end - start));
        start = end + 1;
    }
    return m;
}

// LIKE pattern for "contains text", with LIKE's own wildcards escaped.
std::string containsPattern(std::string_view text)
{
    std::string pattern = "%";
    for (char c : text) {
        if (c == '%' || c == '_' || c == '\\')
            pattern += '\\';
        pattern += c;
    }
    return pattern + "%";
}

// WHERE clause and its parameters for a query; parameters are bound in order from 1.
struct Filter {
    std::string where;
    std::vector<std::string> texts; // bound as text, in order
    std::vector<std::int64_t> numbers; // bound after the texts

    explicit Filter(const ModelQuery &q)
    {
        std::vector<std::string> clauses;
        if (!q.text.empty()) {
            clauses.push_back("(m.name LIKE ?1 ESCAPE '\\' OR m.description LIKE ?1 ESCAPE '\\' "
                              "OR m.architecture LIKE ?1 ESCAPE '\\' OR m.family LIKE ?1 ESCAPE '\\')");
            texts.push_back(containsPattern(q.text));
        }
        auto text = [&](const std::string &clause, std::string value) {
            texts.push_back(std::move(value));
            clauses.push_back(clause + std::to_string(texts.size()));
        };
        if (!q.family.empty())
            text("m.family = ?", q.family);
        if (!q.tag.empty()) {
            text("EXISTS (SELECT 1 FROM tags t WHERE t.model_id = m.id AND t.tag = ?", q.tag);
            clauses.back() += ")";
        }
        if (q.origin)
            text("m.origin = ?", modelOriginName(*q.origin));
        if (q.format)
            text("m.format = ?", modelFormatName(*q.format));
        // Numbers go after the texts: their parameter numbers are only known now.
        auto number = [&](const std::string &clause, std::uint64_t value) {
            numbers.push_back(static_cast<std::int64_t>(value));
            clauses.push_back(clause + std::to_string(texts.size() + numbers.size()));
        };
        if (q.minSize)
            number("m.size_bytes >= ?", *q.minSize);
        if (q.maxSize)
            number("m.size_bytes <= ?", *q.maxSize);
        for (std::size_t i = 0; i < clauses.size(); ++i)
            where += (i == 0 ? " WHERE " : " AND ") + clauses[i];
    }

    void bind(SqliteStatement &s) const
    {
        int index = 1;
        for (const auto &t : texts)
            s.bindText(index++, t);
        for (auto n : numbers)
            s.bindInt(index++, n);
    }
};

std::string orderBy(const ModelQuery &q)
{
    std::string column;
    switch (q.sort) {
    case ModelQuery::Sort::Name: column = "m.name COLLATE NOCASE"; break;
    case ModelQuery::Sort::Created: column = "m.created_at"; break;
    case ModelQuery::Sort::Size: column = "m.size_bytes"; break;
    case ModelQuery::Sort::Parameters: column = "m.parameter_count"; break;
    }
    const char *direction = q.descending ? " DESC" : " ASC";
    // The name breaks ties so that pages never overlap.
    return " ORDER BY " + column + direction + ", m.name" + direction;
}

} // namespace

ModelCatalog::ModelCatalog(SqliteDatabase &db)
    : m_db(db)
{
}

void ModelCatalog::insert(const ModelRecord &m)
{
    auto row = m_db.prepare(
        "INSERT INTO models (id, name, family, architecture, parameter_count, dtype, context_length, size_bytes, "
        "license, description, created_at, status, origin, format, in_place, source_path, load_path, metadata) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
        "registering model " + m.name);
    row.bindText(1, m.id).bindText(2, m.name).bindText(3, m.family).bindText(4, m.architecture);
    row.bindInt(5, static_cast<std::int64_t>(m.parameterCount)).bindText(6, m.dtype);
    row.bindInt(7, static_cast<std::int64_t>(m.contextLength)).bindInt(8, static_cast<std::int64_t>(m.sizeBytes));
    row.bindText(9, m.license).bindText(10, m.description).bindInt(11, m.createdAt);
    row.bindText(12, modelStatusName(m.status)).bindText(13, modelOriginName(m.origin));
    row.bindText(14, modelFormatName(m.format)).bindInt(15, m.inPlace ? 1 : 0);
    row.bindText(16, m.sourcePath).bindText(17, m.loadPath);
    row.bindText(18, nlohmann::json(m.metadata).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    row.run();

    auto file = m_db.prepare("INSERT INTO model_files (model_id, path, size, sha256, source_path, mtime_ns) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                             "registering the files of model " + m.name);
    for (const auto &f : m.files) {
        file.reset();
        file.bindText(1, m.id).bindText(2, f.path).bindInt(3, static_cast<std::int64_t>(f.size)).bindText(4, f.sha256);
        file.bindTextOrNull(5, f.sourcePath).bindInt(6, f.mtimeNs);
        file.run();
    }
    for (const auto &tag : m.tags)
        addTag(m.id, tag);
}

bool ModelCatalog::remove(std::string_view id)
{
    auto s = m_db.prepare("DELETE FROM models WHERE id = ?1", "removing a model");
    s.bindText(1, id).run();
    return m_db.changes() > 0;
}

std::optional<std::string> ModelCatalog::findId(std::string_view idOrName) const
{
    // Ids win: model names shaped like ids are refused at import.
    auto s = m_db.prepare("SELECT id FROM models WHERE id = ?1 UNION ALL SELECT id FROM models WHERE name = ?1 LIMIT 1",
                          "looking up a model");
    s.bindText(1, idOrName);
    if (s.step())
        return s.columnText(0);
    return std::nullopt;
}

bool ModelCatalog::nameExists(std::string_view name) const
{
    auto s = m_db.prepare("SELECT 1 FROM models WHERE name = ?1", "looking up a model name");
    s.bindText(1, name);
    return s.step();
}

std::optional<ModelRecord> ModelCatalog::load(std::string_view id) const
{
    auto row = m_db.prepare("SELECT " + std::string(kColumns) + " FROM models m WHERE m.id = ?1", "reading a model");
    row.bindText(1, id);
    if (!row.step())
        return std::nullopt;
    ModelRecord m = readRow(row);
    auto files = m_db.prepare("SELECT path, size, sha256, source_path, mtime_ns FROM model_files WHERE model_id = ?1 "
                              "ORDER BY path",
                              "reading the files of model " + m.name);
    files.bindText(1, id);
    while (files.step())
        m.files.push_back({files.columnText(0), static_cast<std::uint64_t>(files.columnInt(1)), files.columnText(2),
                           files.columnText(3), files.columnInt(4)});
    return m;
}

std::vector<ModelRecord> ModelCatalog::list(const ModelQuery &query) const
{
    const Filter filter(query);
    std::string sql = "SELECT " + std::string(kColumns) + " FROM models m" + filter.where + orderBy(query);
    if (query.limit > 0 || query.offset > 0)
        sql += " LIMIT " + std::to_string(query.limit > 0 ? static_cast<std::int64_t>(query.limit) : -1) + " OFFSET "
               + std::to_string(query.offset);
    auto s = m_db.prepare(sql, "listing models");
    filter.bind(s);
    std::vector<ModelRecord> out;
    while (s.step())
        out.push_back(readRow(s));
    return out;
}

std::size_t ModelCatalog::count(const ModelQuery &query) const
{
    const Filter filter(query);
    auto s = m_db.prepare("SELECT count(*) FROM models m" + filter.where, "counting models");
    filter.bind(s);
    return s.step() ? static_cast<std::size_t>(s.columnInt(0)) : 0;
}

std::vector<std::string> ModelCatalog::families() const
{
    auto s = m_db.prepare("SELECT DISTINCT family FROM models WHERE family <> '' ORDER BY family", "listing model families");
    std::vector<std::string> out;
    while (s.step())
        out.push_back(s.columnText(0));
    return out;
}

void ModelCatalog::setStatus(std::string_view id, ModelStatus status)
{
    auto s = m_db.prepare("UPDATE models SET status = ?2 WHERE id = ?1", "recording a model's status");
    s.bindText(1, id).bindText(2, modelStatusName(status)).run();
}

bool ModelCatalog::addTag(std::string_view id, std::string_view tag)
{
    auto s = m_db.prepare("INSERT OR IGNORE INTO tags (model_id, tag) VALUES (?1, ?2)", "tagging a model");
    s.bindText(1, id).bindText(2, tag).run();
    return m_db.changes() > 0;
}

bool ModelCatalog::removeTag(std::string_view id, std::string_view tag)
{
    auto s = m_db.prepare("DELETE FROM tags WHERE model_id = ?1 AND tag = ?2", "removing a tag");
    s.bindText(1, id).bindText(2, tag).run();
    return m_db.changes() > 0;
}

bool ModelCatalog::isBlobUsed(std::string_view sha256) const
{
    auto s = m_db.prepare("SELECT 1 FROM model_files WHERE sha256 = ?1 AND source_path IS NULL LIMIT 1",
                          "checking whether a blob is in use");
    s.bindText(1, sha256);
    return s.step();
}

std::set<std::string> ModelCatalog::usedBlobs() const
{
    auto s = m_db.prepare("SELECT DISTINCT sha256 FROM model_files WHERE source_path IS NULL", "listing the blobs in use");
    std::set<std::string> out;
    while (s.step())
        out.insert(s.columnText(0));
    return out;
}

std::set<std::string> ModelCatalog::ids() const
{
    auto s = m_db.prepare("SELECT id FROM models", "listing model ids");
    std::set<std::string> out;
    while (s.step())
        out.insert(s.columnText(0));
    return out;
}

} // namespace llmos
