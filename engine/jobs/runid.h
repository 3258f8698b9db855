#pragma once

#include <string>
#include <string_view>

namespace llmos {

// A new run id: "r-" and 12 characters of base 32, the shape of the registry's run ids
// (registry/registryid.h) so a run folder and its registry row can share one id. The
// registry library needs SQLite, which llmos_jobs must not link, hence this twin.
std::string newRunId();

// True for text that can name a folder under runs/: 1..64 characters of a-z, A-Z, 0-9,
// '-', '_' and '.', not starting with '.'. Keeps "../x", "/etc" and the like out of paths.
bool isSafeRunIdText(std::string_view text) noexcept;

} // namespace llmos
