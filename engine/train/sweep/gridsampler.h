#pragma once

#include "sweep/sampler.h"

#include <cstddef>
#include <vector>

namespace llmos {

// Every combination of the list parameters, the first parameter changing slowest (like
// nested loops in file order). A parameter switched off by its `when` is dropped from a
// combination, and a combination equal to an earlier one is skipped, so "rank" under
// method "full" does not repeat the same run once per rank. Stops after `limit`
// configurations. Every parameter must be a list or a choice.
std::vector<Assignment> enumerateGrid(const SearchSpace &space, std::size_t limit);

// Configurations of the product before duplicates are removed (the size check of the
// sweep file); stops counting past `cap`.
std::size_t gridProductSize(const SearchSpace &space, std::size_t cap);

// Trial k gets the k-th configuration of the grid.
class GridSampler : public Sampler {
public:
    explicit GridSampler(std::vector<Assignment> grid);
    std::optional<Assignment> suggest(int trialNumber, const std::vector<TrialRecord> &history) override;

private:
    std::vector<Assignment> m_grid;
};

} // namespace llmos
