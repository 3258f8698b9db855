#include "methods/methodoptions.h"

#include "util/error.h"

#include <cmath>

namespace llmos {

MethodOptions::MethodOptions(const nlohmann::json &spec)
    : m_spec(spec)
{
    if (!spec.is_object())
        throw Error(ErrorKind::InvalidInput, "method",
                    "must be an object such as {\"kind\": \"lora\", \"rank\": 8}");
    const auto *kind = take("kind");
    if (!kind || !kind->is_string() || kind->get<std::string>().empty())
        throw Error(ErrorKind::InvalidInput, where("kind"),
                    "must be one of full, freeze, bitfit, lora, adalora, adapter, prefix, prompt");
    m_kind = kind->get<std::string>();
}

const nlohmann::json *MethodOptions::take(const std::string &name)
{
    m_read.insert(name);
    const auto found = m_spec.find(name);
    if (found == m_spec.end() || found->is_null())
        return nullptr;
    return &*found;
}

bool MethodOptions::has(const std::string &name) const
{
    const auto found = m_spec.find(name);
    return found != m_spec.end() && !found->is_null();
}

const nlohmann::json &MethodOptions::raw(const std::string &name)
{
    static const nlohmann::json null;
    const auto *value = take(name);
    return value ? *value : null;
}

std::int64_t MethodOptions::integer(const std::string &name, std::int64_t fallback, std::int64_t min, std::int64_t max)
{
    const auto range = std::to_string(min) + ".." + std::to_string(max);
    const auto *value = take(name);
    if (!value)
        return fallback;
    std::int64_t result = 0;
    if (value->is_number_integer()) {
        if (value->is_number_unsigned() && value->get<std::uint64_t>() > static_cast<std::uint64_t>(max))
            throw Error(ErrorKind::InvalidInput, where(name), "must be " + range);
        result = value->get<std::int64_t>();
    } else if (value->is_number_float() && std::isfinite(value->get<double>())
               && value->get<double>() == std::floor(value->get<double>())
               && std::fabs(value->get<double>()) < 9.0e15) {
        result = static_cast<std::int64_t>(value->get<double>()); // 8.0 is an integer too
    } else {
        throw Error(ErrorKind::InvalidInput, where(name), "must be a whole number " + range);
    }
    if (result < min || result > max)
        throw Error(ErrorKind::InvalidInput, where(name), "must be " + range + ", not " + std::to_string(result));
    return result;
}

double MethodOptions::number(const std::string &name, double fallback, double min, double max)
{
    const auto *value = take(name);
    if (!value)
        return fallback;
    const auto range = nlohmann::json(min).dump() + ".." + nlohmann::json(max).dump();
    if (!value->is_number() || !std::isfinite(value->get<double>()))
        throw Error(ErrorKind::InvalidInput, where(name), "must be a number " + range);
    const double result = value->get<double>();
    if (result < min || result > max)
        throw Error(ErrorKind::InvalidInput, where(name), "must be " + range + ", not " + value->dump());
    return result;
}

bool MethodOptions::flag(const std::string &name, bool fallback)
{
    const auto *value = take(name);
    if (!value)
        return fallback;
    if (!value->is_boolean())
        throw Error(ErrorKind::InvalidInput, where(name), "must be true or false");
    return value->get<bool>();
}

std::string MethodOptions::text(const std::string &name, const std::string &fallback)
{
    const auto *value = take(name);
    if (!value)
        return fallback;
    if (!value->is_string())
        throw Error(ErrorKind::InvalidInput, where(name), "must be a string");
    return value->get<std::string>();
}

std::string MethodOptions::choice(const std::string &name, const std::string &fallback, const std::vector<std::string> &allowed)
{
    const auto value = text(name, fallback);
    for (const auto &candidate : allowed)
        if (candidate == value)
            return value;
    std::string list;
    for (const auto &candidate : allowed)
        list += (list.empty() ? "" : ", ") + candidate;
    throw Error(ErrorKind::InvalidInput, where(name), "must be one of " + list + ", not \"" + value + "\"");
}

std::vector<std::string> MethodOptions::names(const std::string &name, const std::vector<std::string> &fallback)
{
    const auto *value = take(name);
    if (!value)
        return fallback;
    if (value->is_string())
        return {value->get<std::string>()};
    if (!value->is_array())
        throw Error(ErrorKind::InvalidInput, where(name), "must be a list of names such as [\"q_proj\", \"v_proj\"]");
    std::vector<std::string> result;
    for (std::size_t i = 0; i < value->size(); ++i) {
        const auto &item = (*value)[i];
        if (!item.is_string() || item.get<std::string>().empty())
            throw Error(ErrorKind::InvalidInput, where(name) + "[" + std::to_string(i) + "]", "must be a non-empty string");
        result.push_back(item.get<std::string>());
    }
    return result;
}

std::vector<std::int64_t> MethodOptions::integers(const std::string &name, std::int64_t min, std::int64_t max)
{
    const auto *value = take(name);
    if (!value)
        return {};
    if (value->is_number())
        return {integer(name, 0, min, max)};
    if (!value->is_array())
        throw Error(ErrorKind::InvalidInput, where(name), "must be a list of whole numbers such as [0, 1, 2]");
    std::vector<std::int64_t> result;
    for (std::size_t i = 0; i < value->size(); ++i) {
        const auto &item = (*value)[i];
        if (!item.is_number_integer() || item.get<std::int64_t>() < min || item.get<std::int64_t>() > max
            || (item.is_number_unsigned() && item.get<std::uint64_t>() > static_cast<std::uint64_t>(max)))
            throw Error(ErrorKind::InvalidInput, where(name) + "[" + std::to_string(i) + "]",
                        "must be a whole number " + std::to_string(min) + ".." + std::to_string(max));
        result.push_back(item.get<std::int64_t>());
    }
    return result;
}

void MethodOptions::finish() const
{
    for (const auto &[key, value] : m_spec.items())
        if (!m_read.contains(key))
            throw Error(ErrorKind::InvalidInput, where(key),
                        "is not an option of method \"" + m_kind + "\"; check the spelling");
}

} // namespace llmos
