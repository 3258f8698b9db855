#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace llmos {

// Reads the options of a recipe's "method" object with their type and range checked.
// Every failure is Error(InvalidInput) whose `where` is the field ("method.rank"), so a
// user sees which line of the recipe to fix. finish() rejects the keys no reader asked
// for, catching typos ("rnak") that would otherwise silently fall back to a default.
class MethodOptions {
public:
    explicit MethodOptions(const nlohmann::json &spec);

    const std::string &kind() const { return m_kind; }

    std::int64_t integer(const std::string &name, std::int64_t fallback, std::int64_t min, std::int64_t max);
    double number(const std::string &name, double fallback, double min, double max);
    bool flag(const std::string &name, bool fallback);
    std::string choice(const std::string &name, const std::string &fallback, const std::vector<std::string> &allowed);
    std::string text(const std::string &name, const std::string &fallback);
    // A list of non-empty strings; a single string is accepted as a one-element list.
    std::vector<std::string> names(const std::string &name, const std::vector<std::string> &fallback);
    // A list of whole numbers in min..max; a single number is accepted as a one-element list.
    std::vector<std::int64_t> integers(const std::string &name, std::int64_t min, std::int64_t max);
    bool has(const std::string &name) const;
    // The value itself (marked as read), for shapes the typed readers do not cover.
    const nlohmann::json &raw(const std::string &name);

    void finish() const;

private:
    const nlohmann::json *take(const std::string &name);
    static std::string where(const std::string &name) { return "method." + name; }

    const nlohmann::json &m_spec;
    std::string m_kind;
    std::set<std::string> m_read;
};

} // namespace llmos
