#include "sweep/searchspace.h"

#include "util/error.h"

#include <algorithm>
#include <cmath>

namespace llmos {

bool SearchParameter::canTake(const nlohmann::json &value) const
{
    switch (kind) {
    case ParameterKind::List:
    case ParameterKind::Choice:
        return indexOf(value).has_value();
    case ParameterKind::Uniform:
    case ParameterKind::LogUniform:
        return value.is_number() && value.get<double>() >= low && value.get<double>() <= high;
    case ParameterKind::Int:
        if (value.is_number_integer())
            return value.get<double>() >= low && value.get<double>() <= high;
        return value.is_number_float() && std::nearbyint(value.get<double>()) == value.get<double>()
               && value.get<double>() >= low && value.get<double>() <= high;
    }
    return false;
}

std::optional<std::size_t> SearchParameter::indexOf(const nlohmann::json &value) const
{
    for (std::size_t i = 0; i < values.size(); ++i)
        if (values[i] == value)
            return i;
    return std::nullopt;
}

SearchSpace::SearchSpace(std::vector<SearchParameter> parameters)
    : m_parameters(std::move(parameters))
{
}

const SearchParameter *SearchSpace::find(const std::string &path) const
{
    for (const auto &p : m_parameters)
        if (p.path == path)
            return &p;
    return nullptr;
}

// memo: 0 unknown, 1 active, 2 inactive, 3 being decided (a cycle, which the parser
// refuses; read as inactive so a bad space cannot recurse forever).
bool SearchSpace::isActive(std::size_t index, const Assignment &allValues, std::vector<int> &memo) const
{
    if (memo[index] != 0)
        return memo[index] == 1;
    memo[index] = 3;
    bool active = true;
    for (const auto &condition : m_parameters[index].when) {
        const auto it = std::find_if(m_parameters.begin(), m_parameters.end(),
                                     [&](const SearchParameter &p) { return p.path == condition.path; });
        const auto value = allValues.find(condition.path);
        if (it == m_parameters.end() || value == allValues.end()
            || !isActive(static_cast<std::size_t>(it - m_parameters.begin()), allValues, memo)
            || std::find(condition.values.begin(), condition.values.end(), value->second) == condition.values.end()) {
            active = false;
            break;
        }
    }
    memo[index] = active ? 1 : 2;
    return active;
}

Assignment SearchSpace::activeOnly(const Assignment &allValues) const
{
    std::vector<int> memo(m_parameters.size(), 0);
    Assignment active;
    for (std::size_t i = 0; i < m_parameters.size(); ++i) {
        const auto value = allValues.find(m_parameters[i].path);
        if (value != allValues.end() && isActive(i, allValues, memo))
            active.emplace(value->first, value->second);
    }
    return active;
}

std::optional<std::string> SearchSpace::conditionCycle() const
{
    // Depth-first search over "p depends on q" edges; a grey node met again is a cycle.
    std::vector<int> colour(m_parameters.size(), 0);
    std::optional<std::string> found;
    auto indexOf = [&](const std::string &path) -> std::optional<std::size_t> {
        for (std::size_t i = 0; i < m_parameters.size(); ++i)
            if (m_parameters[i].path == path)
                return i;
        return std::nullopt;
    };
    auto visit = [&](auto &self, std::size_t i) -> void {
        colour[i] = 1;
        for (const auto &condition : m_parameters[i].when) {
            const auto j = indexOf(condition.path);
            if (!j || found)
                continue;
            if (colour[*j] == 1)
                found = m_parameters[i].path;
            else if (colour[*j] == 0)
                self(self, *j);
        }
        colour[i] = 2;
    };
    for (std::size_t i = 0; i < m_parameters.size() && !found; ++i)
        if (colour[i] == 0)
            visit(visit, i);
    return found;
}

nlohmann::json applyAssignment(const nlohmann::json &recipe, const Assignment &assignment, const std::string &source)
{
    nlohmann::json result = recipe.is_null() ? nlohmann::json::object() : recipe;
    for (const auto &[path, value] : assignment) {
        nlohmann::json *node = &result;
        std::size_t start = 0;
        while (true) {
            const std::size_t dot = path.find('.', start);
            const std::string key = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
            if (node->is_null())
                *node = nlohmann::json::object();
            if (!node->is_object())
                throw Error(ErrorKind::InvalidInput, source + ": space." + path,
                            "cannot be set: " + path.substr(0, start == 0 ? 0 : start - 1) + " in the recipe is a "
                                + node->type_name() + ", not an object");
            if (dot == std::string::npos) {
                (*node)[key] = value;
                break;
            }
            node = &(*node)[key];
            start = dot + 1;
        }
    }
    return result;
}

nlohmann::json applyConfiguration(const nlohmann::json &recipe, const SearchSpace &space,
                                  const Assignment &assignment, const std::string &source)
{
    nlohmann::json result = applyAssignment(recipe, assignment, source);
    for (const auto &p : space.parameters()) {
        if (assignment.contains(p.path))
            continue;
        nlohmann::json *node = &result;
        std::size_t start = 0;
        for (std::size_t dot = p.path.find('.'); node && dot != std::string::npos; dot = p.path.find('.', start)) {
            const auto it = node->is_object() ? node->find(p.path.substr(start, dot - start)) : node->end();
            node = node->is_object() && it != node->end() ? &*it : nullptr;
            start = dot + 1;
        }
        if (node && node->is_object())
            node->erase(p.path.substr(start));
    }
    return result;
}

nlohmann::json assignmentToJson(const Assignment &assignment)
{
    nlohmann::json object = nlohmann::json::object();
    for (const auto &[path, value] : assignment)
        object[path] = value;
    return object;
}

std::string assignmentKey(const Assignment &assignment)
{
    // nlohmann::json keeps object keys sorted and prints numbers in their shortest
    // round-trip form, so equal assignments always give the same text.
    return assignmentToJson(assignment).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Assignment assignmentFromJson(const nlohmann::json &value, const std::string &where)
{
    if (!value.is_object())
        throw Error(ErrorKind::InvalidInput, where, std::string("must be an object of path: value, not ")
                                                        + value.type_name());
    Assignment assignment;
    for (auto it = value.begin(); it != value.end(); ++it)
        assignment.emplace(it.key(), it.value());
    return assignment;
}

std::string describeAssignment(const SearchSpace &space, const Assignment &assignment)
{
    std::string text;
    for (const auto &p : space.parameters()) {
        const auto it = assignment.find(p.path);
        if (it == assignment.end())
            continue;
        text += (text.empty() ? "" : ", ") + p.path + "=" + it->second.dump();
    }
    // Paths the space does not know (an old journal) still show.
    for (const auto &[path, value] : assignment)
        if (!space.find(path))
            text += (text.empty() ? "" : ", ") + path + "=" + value.dump();
    return text;
}

} // namespace llmos
