#pragma once

#include <string>
#include <string_view>

namespace llmos {

// A new run id: "r-" and 12 characters of base 32 (util/randomid.h), the shape of the
// registry's run ids, so a run folder and its registry row share one id.
std::string newRunId();

// True for text that can name a folder under runs/ (util/randomid.h: isSafeFolderName).
bool isSafeRunIdText(std::string_view text) noexcept;

} // namespace llmos
