#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <initializer_list>
#include <set>
#include <string>

namespace llmos {

// Reads one JSON object of a document strictly: every read names the field's path
// ("optimizer.lr") in its error, wrong types and out-of-range values are
// Error(InvalidInput), and finish() refuses keys nobody asked for, so a typo such as
// "learning_rate" is an error rather than a silently ignored setting.
class JsonFieldReader {
public:
    // `value` must be an object (or null, read as {}); `path` is its own path, empty for
    // the document itself. `source` (a file name) prefixes every error's `where`.
    JsonFieldReader(const nlohmann::json &value, std::string source, std::string path);

    bool has(const std::string &key) const;
    std::string string(const std::string &key, const std::string &fallback);
    std::string requiredString(const std::string &key);
    // One of `allowed`.
    std::string choice(const std::string &key, std::initializer_list<const char *> allowed, const std::string &fallback);
    bool boolean(const std::string &key, bool fallback);
    std::int64_t integer(const std::string &key, std::int64_t fallback, std::int64_t min, std::int64_t max);
    // Accepts JSON integers too. minExclusive: the value must be above `min`.
    double number(const std::string &key, double fallback, double min, double max, bool minExclusive = false);
    // The raw value of an object field (null when absent), marked as read.
    const nlohmann::json &object(const std::string &key);
    // A sub-reader for an object field; absent fields read as {}.
    JsonFieldReader child(const std::string &key);
    // Throws for the first key that was never read.
    void finish() const;

    // "<source>: <path>.<key>"
    std::string where(const std::string &key) const;
    [[noreturn]] void fail(const std::string &key, const std::string &detail) const;

private:
    const nlohmann::json *find(const std::string &key);

    const nlohmann::json &m_value;
    std::string m_source;
    std::string m_path;
    std::set<std::string> m_read;
};

} // namespace llmos
