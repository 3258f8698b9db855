#pragma once

#include <string>
#include <string_view>

namespace llmos {

struct SweepSpec;

// A sweep on disk is the folder <root>/sweeps/<id>/ holding sweep.json (the sweep file
// with its recipe inlined, so it no longer depends on other files) and journal.jsonl
// (SweepJournal). <root> is $LLMOS_HOME in the application.

// "s-" and 12 characters of base 32, the shape of run ids.
std::string newSweepId();
// 1..64 characters of a-z, A-Z, 0-9, '-', '_' and '.', not starting with '.': keeps
// "../x" and "/etc" out of paths.
bool isSafeSweepId(std::string_view id) noexcept;

std::string sweepFolderPath(const std::string &root, const std::string &id);

// Creates the folder (a new id when `id` is empty) and writes sweep.json atomically;
// returns the folder. Throws Error(InvalidInput) for an unsafe id, Error(Io) when the
// folder exists already or cannot be made.
std::string createSweepFolder(const std::string &root, const SweepSpec &spec, std::string id = {});

// The sweep file kept in a sweep folder, parsed again (as strictly as at the start).
SweepSpec loadSweepFolder(const std::string &folder);

} // namespace llmos
