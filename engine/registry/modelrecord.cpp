#include "registry/modelrecord.h"

#include "registry/enumnames.h"
#include "registry/registryid.h"
#include "registry/sha256hasher.h"
#include "tokenizer/jsonfields.h"
#include "tokenizer/utf8.h"
#include "util/error.h"

#include <nlohmann/json.hpp>

#include <limits>

namespace llmos {

namespace {

namespace jf = jsonfields;

constexpr EnumNames<ModelOrigin, 6> kOrigins{{
    {ModelOrigin::Imported, "imported"},
    {ModelOrigin::FineTuned, "fine-tuned"},
    {ModelOrigin::Quantized, "quantized"},
    {ModelOrigin::Merged, "merged"},
    {ModelOrigin::Adapter, "adapter"},
    {ModelOrigin::Exported, "exported"},
}};
constexpr EnumNames<ModelFormat, 3> kFormats{{
    {ModelFormat::HuggingFace, "hf"},
    {ModelFormat::Gguf, "gguf"},
    {ModelFormat::Peft, "peft"},
}};
constexpr EnumNames<ModelStatus, 3> kStatuses{{
    {ModelStatus::Ready, "ready"},
    {ModelStatus::Changed, "changed"},
    {ModelStatus::Missing, "missing"},
}};

template<typename Enum>
Enum enumField(const nlohmann::json &object, std::string_view key, const std::string &where,
               std::optional<Enum> (*parse)(std::string_view) noexcept)
{
    const std::string value = jf::getString(object, key, where);
    const auto parsed = parse(value);
    if (!parsed)
        throw Error(ErrorKind::Format, jf::path(where, key), "has the unknown value \"" + value + "\"");
    return *parsed;
}

std::string optText(const nlohmann::json &object, std::string_view key, const std::string &where)
{
    return jf::optString(object, key, where).value_or("");
}

std::int64_t optTime(const nlohmann::json &object, std::string_view key, const std::string &where)
{
    const std::uint64_t value = jf::optUnsigned(object, key, 0, where);
    if (value > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
        throw Error(ErrorKind::Format, jf::path(where, key), "is out of range");
    return static_cast<std::int64_t>(value);
}

std::vector<std::string> stringArray(const nlohmann::json &object, std::string_view key, const std::string &where)
{
    std::vector<std::string> out;
    const auto it = object.find(key);
    if (it == object.end())
        return out;
    const std::string at = jf::path(where, key);
    if (!it->is_array())
        throw Error(ErrorKind::Format, at, "must be an array of strings");
    for (std::size_t i = 0; i < it->size(); ++i) {
        if (!(*it)[i].is_string())
            throw Error(ErrorKind::Format, jf::path(at, i), "must be a string");
        out.push_back((*it)[i].get<std::string>());
    }
    return out;
}

ModelFile fileFromJson(const nlohmann::json &json, const std::string &where)
{
    ModelFile file;
    file.path = jf::getString(json, "path", where);
    checkModelFilePath(file.path, jf::path(where, "path"));
    file.size = jf::optUnsigned(json, "size", 0, where);
    file.sha256 = jf::getString(json, "sha256", where);
    if (!isSha256Hex(file.sha256))
        throw Error(ErrorKind::Format, jf::path(where, "sha256"), "is not 64 lower-case hex digits");
    file.sourcePath = optText(json, "source_path", where);
    if (!file.sourcePath.empty() && file.sourcePath.front() != '/')
        throw Error(ErrorKind::Format, jf::path(where, "source_path"), "must be an absolute path");
    file.mtimeNs = optTime(json, "mtime_ns", where);
    return file;
}

} // namespace

const char *modelOriginName(ModelOrigin origin) noexcept { return enumName(kOrigins, origin); }
const char *modelFormatName(ModelFormat format) noexcept { return enumName(kFormats, format); }
const char *modelStatusName(ModelStatus status) noexcept { return enumName(kStatuses, status); }
std::optional<ModelOrigin> parseModelOrigin(std::string_view name) noexcept { return parseEnumName(kOrigins, name); }
std::optional<ModelFormat> parseModelFormat(std::string_view name) noexcept { return parseEnumName(kFormats, name); }
std::optional<ModelStatus> parseModelStatus(std::string_view name) noexcept { return parseEnumName(kStatuses, name); }

void checkModelFilePath(std::string_view path, const std::string &where)
{
    auto refuse = [&](const std::string &why) {
        throw Error(ErrorKind::Format, where, "file name \"" + std::string(path) + "\" " + why);
    };
    if (path.empty())
        refuse("is empty");
    if (path.front() == '/')
        refuse("is an absolute path");
    if (!utf8::isValid(path))
        refuse("is not valid UTF-8");
    for (unsigned char c : path) {
        if (c < 0x20 || c == 0x7f)
            refuse("contains a control character");
        if (c == '\\')
            refuse("contains a backslash");
    }
    std::size_t start = 0;
    while (start <= path.size()) {
        const std::size_t end = std::min(path.find('/', start), path.size());
        const std::string_view part = path.substr(start, end - start);
        if (part.empty() || part == "." || part == "..")
            refuse("has an empty, \".\" or \"..\" part, which could lead out of the model's folder");
        start = end + 1;
    }
}

void checkDisplayText(std::string_view text, std::size_t maxBytes, const char *what)
{
    const std::string shown(text.substr(0, 80));
    if (text.empty())
        throw Error(ErrorKind::InvalidInput, what, "is empty");
    if (text.size() > maxBytes)
        throw Error(ErrorKind::InvalidInput, std::string(what) + " \"" + shown + "...\"",
                    "is longer than " + std::to_string(maxBytes) + " bytes");
    if (!utf8::isValid(text))
        throw Error(ErrorKind::InvalidInput, what, "is not valid UTF-8 text");
    for (unsigned char c : text)
        if (c < 0x20 || c == 0x7f)
            throw Error(ErrorKind::InvalidInput, std::string(what) + " \"" + shown + "\"", "contains a control character");
    if (text.front() == ' ' || text.back() == ' ')
        throw Error(ErrorKind::InvalidInput, std::string(what) + " \"" + shown + "\"", "starts or ends with a space");
}

void checkModelName(std::string_view name)
{
    checkDisplayText(name, 256, "model name");
    if (looksLikeRegistryId(name, 'm'))
        throw Error(ErrorKind::InvalidInput, "model name \"" + std::string(name) + "\"",
                    "looks like a model id; choose another name so that ids and names are never confused");
}

void checkTag(std::string_view tag)
{
    checkDisplayText(tag, 100, "tag");
}

nlohmann::json toJson(const ModelFile &file)
{
    nlohmann::json j{{"path", file.path}, {"size", file.size}, {"sha256", file.sha256}};
    if (!file.sourcePath.empty()) {
        j["source_path"] = file.sourcePath;
        j["mtime_ns"] = file.mtimeNs;
    }
    return j;
}

nlohmann::json toJson(const ModelRecord &m)
{
    nlohmann::json files = nlohmann::json::array();
    for (const auto &f : m.files)
        files.push_back(toJson(f));
    return {{"id", m.id},
            {"name", m.name},
            {"family", m.family},
            {"architecture", m.architecture},
            {"parameter_count", m.parameterCount},
            {"dtype", m.dtype},
            {"context_length", m.contextLength},
            {"size_bytes", m.sizeBytes},
            {"license", m.license},
            {"description", m.description},
            {"created_at", m.createdAt},
            {"created", isoTimeUtc(m.createdAt)},
            {"status", modelStatusName(m.status)},
            {"origin", modelOriginName(m.origin)},
            {"format", modelFormatName(m.format)},
            {"in_place", m.inPlace},
            {"source_path", m.sourcePath},
            {"load_path", m.loadPath},
            {"metadata", m.metadata},
            {"tags", m.tags},
            {"files", std::move(files)}};
}

ModelRecord modelRecordFromJson(const nlohmann::json &json, const std::string &where)
{
    jf::requireObject(json, where);
    ModelRecord m;
    m.id = jf::getString(json, "id", where);
    if (!looksLikeRegistryId(m.id, 'm'))
        throw Error(ErrorKind::Format, jf::path(where, "id"), "is not a model id (m- and 12 base-32 characters)");
    m.name = jf::getString(json, "name", where);
    if (m.name.empty())
        throw Error(ErrorKind::Format, jf::path(where, "name"), "is empty");
    m.family = optText(json, "family", where);
    m.architecture = optText(json, "architecture", where);
    m.parameterCount = jf::optUnsigned(json, "parameter_count", 0, where);
    m.dtype = optText(json, "dtype", where);
    m.contextLength = jf::optUnsigned(json, "context_length", 0, where);
    m.sizeBytes = jf::optUnsigned(json, "size_bytes", 0, where);
    m.license = optText(json, "license", where);
    m.description = optText(json, "description", where);
    m.createdAt = optTime(json, "created_at", where);
    m.status = enumField(json, "status", where, &parseModelStatus);
    m.origin = enumField(json, "origin", where, &parseModelOrigin);
    m.format = enumField(json, "format", where, &parseModelFormat);
    m.inPlace = jf::optBool(json, "in_place", false, where);
    m.sourcePath = optText(json, "source_path", where);
    m.loadPath = optText(json, "load_path", where);
    if (!m.loadPath.empty())
        checkModelFilePath(m.loadPath, jf::path(where, "load_path"));
    if (const auto it = json.find("metadata"); it != json.end()) {
        const std::string at = jf::path(where, "metadata");
        jf::requireObject(*it, at);
        for (const auto &[k, v] : it->items())
            m.metadata.emplace(k, jf::getString(*it, k, at));
    }
    m.tags = stringArray(json, "tags", where);
    if (const auto it = json.find("files"); it != json.end()) {
        const std::string at = jf::path(where, "files");
        if (!it->is_array())
            throw Error(ErrorKind::Format, at, "must be an array");
        for (std::size_t i = 0; i < it->size(); ++i)
            m.files.push_back(fileFromJson((*it)[i], jf::path(at, i)));
    }
    return m;
}

} // namespace llmos
