#pragma once

#include <string>

namespace llmos {

// Makes the renames, links and unlinks already done in `folder` durable: a power cut can
// undo them, even after the files' own fsyncs, until the folder itself is synced.
// Error(Io) naming the folder when that fails.
void syncFolder(const std::string &folder);

} // namespace llmos
