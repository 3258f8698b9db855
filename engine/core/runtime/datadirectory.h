#pragma once

#include <string>

namespace llmos {

// Where the workbench keeps its registry, blobs, runs and datasets:
// $LLMOS_HOME, else $XDG_DATA_HOME/llmos, else ~/.local/share/llmos.
std::string dataDirectory();

} // namespace llmos
