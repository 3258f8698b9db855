#include "tokenizer/jsonfields.h"

#include "tokenizer/utf8.h"
#include "util/error.h"

#include <fmt/format.h>

#include <limits>

namespace llmos::jsonfields {

using nlohmann::json;

std::string path(const std::string &where, std::string_view key)
{
    if (where.empty()) return std::string(key);
    // The first step after the file name reads "tokenizer.json: model", later ones "model.merges".
    if (where.find(": ") == std::string::npos) return where + ": " + std::string(key);
    return where + "." + std::string(key);
}

std::string path(const std::string &where, std::size_t index)
{
    return fmt::format("{}[{}]", where, index);
}

void requireObject(const json &value, const std::string &where)
{
    if (!value.is_object()) throw Error(ErrorKind::Format, where, fmt::format("expected an object, found {}", value.type_name()));
}

const json &require(const json &object, std::string_view key, const std::string &where)
{
    requireObject(object, where);
    const auto it = object.find(key);
    if (it == object.end())
        throw Error(ErrorKind::Format, where, fmt::format("the field '{}' is missing", key));
    return *it;
}

std::string getString(const json &object, std::string_view key, const std::string &where)
{
    const json &value = require(object, key, where);
    if (!value.is_string())
        throw Error(ErrorKind::Format, path(where, key), fmt::format("expected a string, found {}", value.type_name()));
    return value.get<std::string>();
}

std::optional<std::string> optString(const json &object, std::string_view key, const std::string &where)
{
    requireObject(object, where);
    const auto it = object.find(key);
    if (it == object.end() || it->is_null()) return std::nullopt;
    if (!it->is_string())
        throw Error(ErrorKind::Format, path(where, key), fmt::format("expected a string, found {}", it->type_name()));
    return it->get<std::string>();
}

bool optBool(const json &object, std::string_view key, bool fallback, const std::string &where)
{
    requireObject(object, where);
    const auto it = object.find(key);
    if (it == object.end() || it->is_null()) return fallback;
    if (!it->is_boolean())
        throw Error(ErrorKind::Format, path(where, key), fmt::format("expected true or false, found {}", it->type_name()));
    return it->get<bool>();
}

std::uint64_t optUnsigned(const json &object, std::string_view key, std::uint64_t fallback, const std::string &where)
{
    requireObject(object, where);
    const auto it = object.find(key);
    if (it == object.end() || it->is_null()) return fallback;
    if (!it->is_number_unsigned())
        throw Error(ErrorKind::Format, path(where, key), fmt::format("expected a non-negative integer, found {}", it->dump()));
    return it->get<std::uint64_t>();
}

std::int32_t asTokenId(const json &value, const std::string &where)
{
    if (!value.is_number_integer())
        throw Error(ErrorKind::Format, where, fmt::format("expected a token id, found {}", value.dump()));
    if (value.is_number_unsigned()) {
        const auto v = value.get<std::uint64_t>();
        if (v > static_cast<std::uint64_t>(std::numeric_limits<std::int32_t>::max()))
            throw Error(ErrorKind::Format, where, fmt::format("token id {} is too large", v));
        return static_cast<std::int32_t>(v);
    }
    throw Error(ErrorKind::Format, where, fmt::format("token id {} is negative", value.get<std::int64_t>()));
}

std::string typeOf(const json &object, const std::string &where)
{
    return getString(object, "type", where);
}

char32_t getChar(const json &object, std::string_view key, const std::string &where)
{
    const std::string s = getString(object, key, where);
    if (s.empty() || !utf8::isValid(s) || utf8::countCodePoints(s) != 1)
        throw Error(ErrorKind::Format, path(where, key), fmt::format("expected a single character, found '{}'", s));
    std::size_t pos = 0;
    return utf8::next(s, pos);
}

std::shared_ptr<const Regex> getPattern(const json &object, std::string_view key, const std::string &where)
{
    const json &pattern = require(object, key, where);
    const std::string at = path(where, key);
    requireObject(pattern, at);
    if (pattern.size() == 1 && pattern.contains("String"))
        return std::make_shared<const Regex>(getString(pattern, "String", at), path(at, "String"), Regex::Syntax::Literal);
    if (pattern.size() == 1 && pattern.contains("Regex"))
        return std::make_shared<const Regex>(getString(pattern, "Regex", at), path(at, "Regex"));
    throw Error(ErrorKind::Format, at, "expected {\"String\": ...} or {\"Regex\": ...}");
}

} // namespace llmos::jsonfields
