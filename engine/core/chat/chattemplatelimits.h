#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

namespace llmos {

// Budgets that keep a hostile chat template (BAD_INPUTS 26) from running forever,
// filling memory or overflowing the stack. Exceeding one is Error(InvalidInput) with
// the template line and column.
struct ChatTemplateLimits {
    // Expression evaluations, loop iterations, list elements and every 64 bytes of
    // string built count as steps.
    std::uint64_t maxSteps = 10'000'000;
    // Rendered output, and any single string built on the way.
    std::size_t maxOutputBytes = 16u << 20;
    // Render-time recursion: nested blocks, nested expressions and macro calls.
    int maxDepth = 400;
};

struct ChatRenderOptions {
    // What strftime_now() formats, in seconds since the epoch (UTC). Unset: the clock.
    // Tests and reproducible prompts pass a fixed time.
    std::optional<std::int64_t> now;
};

} // namespace llmos
