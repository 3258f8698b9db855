#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace llmos {

// One configuration of a sweep: a value for each *active* parameter, keyed by the recipe
// path it sets ("optimizer.lr"). A parameter whose `when` does not hold is absent, so two
// configurations that differ only in a parameter nobody uses are the same configuration.
using Assignment = std::map<std::string, nlohmann::json>;

enum class ParameterKind {
    List,       // a plain JSON list: a grid axis, or a choice for random and TPE
    Choice,     // {"choice": [...]}: the same, in object form so it can carry `when`
    Uniform,    // {"uniform": [low, high]}
    LogUniform, // {"log_uniform": [low, high]}: uniform in log(value), low > 0
    Int,        // {"int": [low, high]}, whole numbers, optionally "log": true
};

// `path` must hold one of `values` for the parameter that carries the condition to be used.
struct ParameterCondition {
    std::string path;
    std::vector<nlohmann::json> values;
};

struct SearchParameter {
    std::string path;
    ParameterKind kind = ParameterKind::List;
    std::vector<nlohmann::json> values; // List, Choice
    double low = 0;                     // Uniform, LogUniform, Int (inclusive bounds)
    double high = 0;
    bool log = false;                     // Int on a log scale (LogUniform always is)
    std::vector<ParameterCondition> when; // all of them must hold

    bool isCategorical() const { return kind == ParameterKind::List || kind == ParameterKind::Choice; }
    bool isLogScale() const { return kind == ParameterKind::LogUniform || (kind == ParameterKind::Int && log); }
    // True when a configuration could give this parameter `value`.
    bool canTake(const nlohmann::json &value) const;
    // The position of `value` in `values` (categorical parameters); nullopt when absent.
    std::optional<std::size_t> indexOf(const nlohmann::json &value) const;
};

// The parameters of a sweep, in the order of the sweep file (the grid's first axis is
// the first parameter). The sweep file's parser checks paths and conditions; the space
// itself assumes they are sound.
class SearchSpace {
public:
    SearchSpace() = default;
    explicit SearchSpace(std::vector<SearchParameter> parameters);

    const std::vector<SearchParameter> &parameters() const { return m_parameters; }
    const SearchParameter *find(const std::string &path) const;

    // Given a value for every parameter, keeps the active ones: those whose conditions
    // name active parameters holding one of the listed values.
    Assignment activeOnly(const Assignment &allValues) const;
    // A parameter whose conditions lead back to itself (p when q, q when p), if any.
    std::optional<std::string> conditionCycle() const;

private:
    bool isActive(std::size_t index, const Assignment &allValues, std::vector<int> &memo) const;

    std::vector<SearchParameter> m_parameters;
};

// A copy of `recipe` with every path of `assignment` set, creating objects on the way
// ("training.early_stopping.patience" creates "early_stopping"). Throws Error(InvalidInput,
// "<source>: space.<path>") when a part of the path is a value that is not an object.
nlohmann::json applyAssignment(const nlohmann::json &recipe, const Assignment &assignment,
                               const std::string &source = "sweep");

// The recipe of a configuration: applyAssignment, and the paths of the space's inactive
// parameters removed from the recipe, so they take the recipe's default. A parameter
// switched off by its `when` is absent from the trial as a whole: LoRA's "rank" does not
// reach a "full" trial even when the base recipe's method has one.
nlohmann::json applyConfiguration(const nlohmann::json &recipe, const SearchSpace &space,
                                  const Assignment &assignment, const std::string &source = "sweep");

// A stable one-line text of an assignment, the same for equal assignments on every run
// and platform: compact JSON with the paths sorted. Used to find duplicates.
std::string assignmentKey(const Assignment &assignment);
nlohmann::json assignmentToJson(const Assignment &assignment);
// Throws Error(InvalidInput, where) when `value` is not an object.
Assignment assignmentFromJson(const nlohmann::json &value, const std::string &where);

// "optimizer.lr=0.001, method.kind=\"lora\"" in the space's order, for messages and tables.
std::string describeAssignment(const SearchSpace &space, const Assignment &assignment);

} // namespace llmos
