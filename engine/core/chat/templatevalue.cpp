#include "chat/templatevalue.h"

#include "util/error.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <stdexcept>

namespace llmos {

namespace {

const std::string kEmptyString;
const TemplateValue::List kEmptyList;
TemplateValue::Dict kEmptyDict;

void appendJsonString(std::string &out, const std::string &text)
{
    // Like json.dumps(ensure_ascii=False): only quotes, backslashes and control
    // characters are escaped; UTF-8 passes through unchanged.
    out += '"';
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        default:
            if (u < 0x20) {
                static const char *hex = "0123456789abcdef";
                out += "\\u00";
                out += hex[u >> 4];
                out += hex[u & 15];
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

void appendNewline(std::string &out, int indent, int level)
{
    out += '\n';
    out.append(static_cast<std::size_t>(indent) * static_cast<std::size_t>(level), ' ');
}

} // namespace

std::string formatTemplateFloat(double value)
{
    if (std::isnan(value)) return "NaN";
    if (std::isinf(value)) return value > 0 ? "Infinity" : "-Infinity";
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    std::string text(buffer, result.ptr);
    if (text.find_first_of(".eEn") == std::string::npos) text += ".0";
    return text;
}

TemplateValue TemplateValue::none()
{
    TemplateValue v;
    v.m_kind = Kind::None;
    return v;
}

TemplateValue TemplateValue::boolean(bool value)
{
    TemplateValue v;
    v.m_kind = Kind::Bool;
    v.m_bool = value;
    return v;
}

TemplateValue TemplateValue::integer(std::int64_t value)
{
    TemplateValue v;
    v.m_kind = Kind::Int;
    v.m_int = value;
    return v;
}

TemplateValue TemplateValue::number(double value)
{
    TemplateValue v;
    v.m_kind = Kind::Float;
    v.m_float = value;
    return v;
}

TemplateValue TemplateValue::string(std::string value)
{
    TemplateValue v;
    v.m_kind = Kind::String;
    v.m_string = std::make_shared<const std::string>(std::move(value));
    return v;
}

TemplateValue TemplateValue::list(List items)
{
    TemplateValue v;
    v.m_kind = Kind::List;
    v.m_list = std::make_shared<const List>(std::move(items));
    v.measureChildren();
    return v;
}

TemplateValue TemplateValue::dict(Dict entries)
{
    TemplateValue v;
    v.m_kind = Kind::Dict;
    v.m_dict = std::make_shared<Dict>(std::move(entries));
    v.measureChildren();
    return v;
}

TemplateValue TemplateValue::ns(Dict entries)
{
    TemplateValue v = dict(std::move(entries));
    v.m_kind = Kind::Namespace;
    v.m_holdsNamespace = true;
    return v;
}

TemplateValue TemplateValue::callable(std::shared_ptr<const TemplateCallable> callable)
{
    TemplateValue v;
    v.m_kind = Kind::Callable;
    v.m_callable = std::move(callable);
    return v;
}

void TemplateValue::measureChildren()
{
    int deepest = 0;
    auto measure = [&](const TemplateValue &child) {
        deepest = std::max(deepest, child.m_depth);
        m_holdsNamespace = m_holdsNamespace || child.m_holdsNamespace;
    };
    if (m_list)
        for (const auto &item : *m_list) measure(item);
    if (m_dict)
        for (const auto &entry : *m_dict) measure(entry.second);
    m_depth = deepest + 1;
}

TemplateValue TemplateValue::fromJson(const nlohmann::ordered_json &json)
{
    return fromJsonAt(json, 0);
}

TemplateValue TemplateValue::fromJsonAt(const nlohmann::ordered_json &json, int depth)
{
    if (depth > kMaxDepth)
        throw Error(ErrorKind::InvalidInput, "chat template context",
                    "values are nested more than " + std::to_string(kMaxDepth) + " levels deep");
    switch (json.type()) {
    case nlohmann::ordered_json::value_t::null: return none();
    case nlohmann::ordered_json::value_t::boolean: return boolean(json.get<bool>());
    case nlohmann::ordered_json::value_t::number_integer: return integer(json.get<std::int64_t>());
    case nlohmann::ordered_json::value_t::number_unsigned: {
        const auto u = json.get<std::uint64_t>();
        if (u > static_cast<std::uint64_t>(INT64_MAX)) return number(static_cast<double>(u));
        return integer(static_cast<std::int64_t>(u));
    }
    case nlohmann::ordered_json::value_t::number_float: return number(json.get<double>());
    case nlohmann::ordered_json::value_t::string: return string(json.get<std::string>());
    case nlohmann::ordered_json::value_t::array: {
        List items;
        items.reserve(json.size());
        for (const auto &item : json) items.push_back(fromJsonAt(item, depth + 1));
        return list(std::move(items));
    }
    case nlohmann::ordered_json::value_t::object: {
        Dict entries;
        entries.reserve(json.size());
        for (auto it = json.begin(); it != json.end(); ++it) entries.emplace_back(it.key(), fromJsonAt(it.value(), depth + 1));
        return dict(std::move(entries));
    }
    default: return none(); // binary and discarded values have no template meaning
    }
}

const std::string &TemplateValue::asString() const { return m_string ? *m_string : kEmptyString; }
const TemplateValue::List &TemplateValue::asList() const { return m_list ? *m_list : kEmptyList; }
const TemplateValue::Dict &TemplateValue::asDict() const { return m_dict ? *m_dict : kEmptyDict; }

TemplateValue::Dict &TemplateValue::namespaceEntries() const
{
    if (m_kind != Kind::Namespace || !m_dict) throw std::logic_error("not a namespace");
    return *m_dict;
}

const TemplateCallable &TemplateValue::asCallable() const
{
    if (!m_callable) throw std::logic_error("not a callable");
    return *m_callable;
}

const TemplateValue *TemplateValue::find(std::string_view key) const
{
    if (!isMapping() || !m_dict) return nullptr;
    for (const auto &[k, v] : *m_dict)
        if (k == key) return &v;
    return nullptr;
}

bool TemplateValue::truthy() const
{
    switch (m_kind) {
    case Kind::Undefined:
    case Kind::None: return false;
    case Kind::Bool: return m_bool;
    case Kind::Int: return m_int != 0;
    case Kind::Float: return m_float != 0.0;
    case Kind::String: return !asString().empty();
    case Kind::List: return !asList().empty();
    case Kind::Dict: return !asDict().empty();
    case Kind::Namespace:
    case Kind::Callable: return true;
    }
    return false;
}

bool TemplateValue::equals(const TemplateValue &other) const
{
    if (isNumber() && other.isNumber()) {
        if (m_kind == Kind::Int && other.m_kind == Kind::Int) return m_int == other.m_int;
        return asDouble() == other.asDouble();
    }
    // Undefined compares equal to none, as in the reference implementation.
    if ((isUndefined() || isNone()) && (other.isUndefined() || other.isNone())) return true;
    if (m_kind != other.m_kind) return false;
    switch (m_kind) {
    case Kind::Bool: return m_bool == other.m_bool;
    case Kind::String: return asString() == other.asString();
    case Kind::List: {
        const auto &a = asList(), &b = other.asList();
        if (a.size() != b.size()) return false;
        for (std::size_t i = 0; i < a.size(); ++i)
            if (!a[i].equals(b[i])) return false;
        return true;
    }
    case Kind::Dict: {
        const auto &a = asDict(), &b = other.asDict();
        if (a.size() != b.size()) return false;
        for (const auto &[k, v] : a) {
            const TemplateValue *w = other.find(k);
            if (!w || !v.equals(*w)) return false;
        }
        return true;
    }
    case Kind::Namespace: return m_dict == other.m_dict;
    case Kind::Callable: return m_callable == other.m_callable;
    default: return false;
    }
}

std::string TemplateValue::toDisplayString() const
{
    switch (m_kind) {
    case Kind::Undefined:
    case Kind::None: return {};
    case Kind::Bool: return m_bool ? "true" : "false";
    case Kind::Int: return std::to_string(m_int);
    case Kind::Float: return formatTemplateFloat(m_float);
    case Kind::String: return asString();
    case Kind::Callable: return {};
    default: return toJson();
    }
}

std::string TemplateValue::toJson(int indent) const
{
    std::string out;
    appendJson(out, indent, 0);
    return out;
}

void TemplateValue::appendJson(std::string &out, int indent, int level) const
{
    switch (m_kind) {
    case Kind::Undefined:
    case Kind::None:
    case Kind::Callable: out += "null"; return;
    case Kind::Bool: out += m_bool ? "true" : "false"; return;
    case Kind::Int: out += std::to_string(m_int); return;
    case Kind::Float: out += formatTemplateFloat(m_float); return;
    case Kind::String: appendJsonString(out, asString()); return;
    case Kind::List: {
        const auto &items = asList();
        if (items.empty()) { out += "[]"; return; }
        out += '[';
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (i) out += indent >= 0 ? "," : ", ";
            if (indent >= 0) appendNewline(out, indent, level + 1);
            items[i].appendJson(out, indent, level + 1);
        }
        if (indent >= 0) appendNewline(out, indent, level);
        out += ']';
        return;
    }
    case Kind::Dict:
    case Kind::Namespace: {
        const auto &entries = asDict();
        if (entries.empty()) { out += "{}"; return; }
        out += '{';
        for (std::size_t i = 0; i < entries.size(); ++i) {
            if (i) out += indent >= 0 ? "," : ", ";
            if (indent >= 0) appendNewline(out, indent, level + 1);
            appendJsonString(out, entries[i].first);
            out += ": ";
            entries[i].second.appendJson(out, indent, level + 1);
        }
        if (indent >= 0) appendNewline(out, indent, level);
        out += '}';
        return;
    }
    }
}

const char *TemplateValue::kindName() const noexcept
{
    switch (m_kind) {
    case Kind::Undefined: return "undefined";
    case Kind::None: return "none";
    case Kind::Bool: return "boolean";
    case Kind::Int: return "integer";
    case Kind::Float: return "float";
    case Kind::String: return "string";
    case Kind::List: return "list";
    case Kind::Dict: return "dict";
    case Kind::Namespace: return "namespace";
    case Kind::Callable: return "function";
    }
    return "value";
}

} // namespace llmos
