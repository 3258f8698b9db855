#include "recipe/jsonfieldreader.h"

#include "util/error.h"

#include <cmath>
#include <sstream>

namespace llmos {

namespace {

const nlohmann::json &emptyObject()
{
    static const nlohmann::json empty = nlohmann::json::object();
    return empty;
}

std::string formatNumber(double value)
{
    std::ostringstream out;
    out << value;
    return out.str();
}

} // namespace

JsonFieldReader::JsonFieldReader(const nlohmann::json &value, std::string source, std::string path)
    : m_value(value.is_null() ? emptyObject() : value), m_source(std::move(source)), m_path(std::move(path))
{
    if (!m_value.is_object())
        throw Error(ErrorKind::InvalidInput, m_path.empty() ? m_source : m_source + ": " + m_path,
                    "must be a JSON object, not " + std::string(value.type_name()));
}

std::string JsonFieldReader::where(const std::string &key) const
{
    return m_source + ": " + (m_path.empty() ? key : m_path + "." + key);
}

void JsonFieldReader::fail(const std::string &key, const std::string &detail) const
{
    throw Error(ErrorKind::InvalidInput, where(key), detail);
}

bool JsonFieldReader::has(const std::string &key) const
{
    const auto it = m_value.find(key);
    return it != m_value.end() && !it->is_null();
}

const nlohmann::json *JsonFieldReader::find(const std::string &key)
{
    m_read.insert(key);
    const auto it = m_value.find(key);
    if (it == m_value.end() || it->is_null())
        return nullptr;
    return &*it;
}

std::string JsonFieldReader::string(const std::string &key, const std::string &fallback)
{
    const auto *value = find(key);
    if (!value)
        return fallback;
    if (!value->is_string())
        fail(key, "must be a string, not " + std::string(value->type_name()));
    return value->get<std::string>();
}

std::string JsonFieldReader::requiredString(const std::string &key)
{
    if (!has(key))
        fail(key, "is required: give a string");
    auto text = string(key, {});
    if (text.empty())
        fail(key, "must not be empty");
    return text;
}

std::string JsonFieldReader::choice(const std::string &key, std::initializer_list<const char *> allowed,
                                    const std::string &fallback)
{
    const auto text = string(key, fallback);
    std::string list;
    for (const char *option : allowed) {
        if (text == option)
            return text;
        list += (list.empty() ? "" : ", ") + std::string(option);
    }
    fail(key, "\"" + text + "\" is not one of: " + list);
}

bool JsonFieldReader::boolean(const std::string &key, bool fallback)
{
    const auto *value = find(key);
    if (!value)
        return fallback;
    if (!value->is_boolean())
        fail(key, "must be true or false, not " + std::string(value->type_name()));
    return value->get<bool>();
}

std::int64_t JsonFieldReader::integer(const std::string &key, std::int64_t fallback, std::int64_t min,
                                      std::int64_t max)
{
    const auto *value = find(key);
    if (!value)
        return fallback;
    std::int64_t result = 0;
    if (value->is_number_integer() && !(value->is_number_unsigned() && value->get<std::uint64_t>() > INT64_MAX))
        result = value->get<std::int64_t>();
    else if (value->is_number_float() && std::nearbyint(value->get<double>()) == value->get<double>()
             && std::abs(value->get<double>()) < 9e15)
        result = static_cast<std::int64_t>(value->get<double>());
    else
        fail(key, "must be a whole number from " + std::to_string(min) + " to " + std::to_string(max));
    if (result < min || result > max)
        fail(key, "must be " + std::to_string(min) + ".." + std::to_string(max) + ", not " + std::to_string(result));
    return result;
}

double JsonFieldReader::number(const std::string &key, double fallback, double min, double max, bool minExclusive)
{
    const auto *value = find(key);
    if (!value)
        return fallback;
    if (!value->is_number())
        fail(key, "must be a number, not " + std::string(value->type_name()));
    const double result = value->get<double>();
    const bool below = minExclusive ? !(result > min) : !(result >= min);
    if (!std::isfinite(result) || below || !(result <= max))
        fail(key, "must be in " + std::string(minExclusive ? "(" : "[") + formatNumber(min) + ", " + formatNumber(max)
                      + "], not " + formatNumber(result));
    return result;
}

const nlohmann::json &JsonFieldReader::object(const std::string &key)
{
    const auto *value = find(key);
    if (!value)
        return emptyObject();
    if (!value->is_object())
        fail(key, "must be a JSON object, not " + std::string(value->type_name()));
    return *value;
}

JsonFieldReader JsonFieldReader::child(const std::string &key)
{
    const auto &value = object(key);
    return JsonFieldReader(value, m_source, m_path.empty() ? key : m_path + "." + key);
}

void JsonFieldReader::finish() const
{
    for (auto it = m_value.begin(); it != m_value.end(); ++it)
        if (!m_read.contains(it.key()))
            fail(it.key(), "is not a known setting here; check its spelling against docs/recipes.md");
}

} // namespace llmos
