#include "sweep/gridsampler.h"

#include "util/error.h"

#include <set>

namespace llmos {

std::size_t gridProductSize(const SearchSpace &space, std::size_t cap)
{
    std::size_t size = 1;
    for (const auto &p : space.parameters()) {
        if (p.values.empty())
            return 0;
        if (size > cap / p.values.size())
            return cap + 1;
        size *= p.values.size();
    }
    return size;
}

std::vector<Assignment> enumerateGrid(const SearchSpace &space, std::size_t limit)
{
    const auto &parameters = space.parameters();
    for (const auto &p : parameters)
        if (!p.isCategorical() || p.values.empty())
            throw Error(ErrorKind::Internal, "space." + p.path, "a grid needs a list of values for every parameter");
    std::vector<Assignment> grid;
    std::set<std::string> seen;
    std::vector<std::size_t> position(parameters.size(), 0);
    while (grid.size() < limit) {
        Assignment all;
        for (std::size_t i = 0; i < parameters.size(); ++i)
            all.emplace(parameters[i].path, parameters[i].values[position[i]]);
        auto active = space.activeOnly(all);
        if (seen.insert(assignmentKey(active)).second)
            grid.push_back(std::move(active));
        // An odometer whose last wheel turns fastest.
        std::size_t wheel = parameters.size();
        while (wheel > 0) {
            --wheel;
            if (++position[wheel] < parameters[wheel].values.size())
                break;
            position[wheel] = 0;
            if (wheel == 0)
                return grid;
        }
        if (parameters.empty())
            return grid;
    }
    return grid;
}

GridSampler::GridSampler(std::vector<Assignment> grid)
    : m_grid(std::move(grid))
{
}

std::optional<Assignment> GridSampler::suggest(int trialNumber, const std::vector<TrialRecord> &)
{
    if (trialNumber < 0 || static_cast<std::size_t>(trialNumber) >= m_grid.size())
        return std::nullopt;
    return m_grid[static_cast<std::size_t>(trialNumber)];
}

} // namespace llmos
