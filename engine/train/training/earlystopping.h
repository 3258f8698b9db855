#pragma once

#include "recipe/trainingrecipe.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace llmos {

// Stops a run when a validation metric has not improved for `patience` evaluations in a
// row. Its state goes into checkpoints so that a resumed run stops where the
// uninterrupted one would.
class EarlyStopping {
public:
    explicit EarlyStopping(EarlyStoppingSettings settings);

    // Records an evaluation; true when the run should stop now.
    bool update(const std::map<std::string, double> &metrics);
    std::optional<double> best() const noexcept { return m_best; }
    std::int64_t evaluationsWithoutImprovement() const noexcept { return m_bad; }

    nlohmann::json state() const;
    void restore(const nlohmann::json &state);

private:
    EarlyStoppingSettings m_settings;
    bool m_minimize;
    std::optional<double> m_best;
    std::int64_t m_bad = 0;
};

} // namespace llmos
