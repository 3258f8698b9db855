#pragma once

#include "sweep/sweepfile.h"

#include <string>

namespace llmos::test {

// A classification recipe the sweep tests vary; it trains 450 steps and evaluates every 50.
inline const char *kSweepRecipe = R"({
  "model": {"path": "/models/tiny"},
  "dataset": {"path": "/data/topics.csv", "kind": "classification"},
  "task": {"kind": "classification"},
  "method": {"kind": "lora", "rank": 8},
  "training": {"max_steps": 450, "eval_every": 50}
})";

// A sweep document with kSweepRecipe inline and `rest` ("\"space\": {...}, ...").
inline std::string sweepText(const std::string &rest)
{
    return std::string("{\"recipe\": ") + kSweepRecipe + ", " + rest + "}";
}

inline SweepSpec parseSweep(const std::string &rest)
{
    return parseSweepText(sweepText(rest), "sweep.json", ".");
}

} // namespace llmos::test
