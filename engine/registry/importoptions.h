#pragma once

#include "registry/modelrecord.h"

#include <cstdint>
#include <functional>
#include <stop_token>
#include <string>
#include <vector>

namespace llmos {

// Where an import is. Stages come in this order; Copying repeats for every piece of
// every file, Storing once per file.
enum class ImportStage {
    Verified,  // the source was parsed and checked; nothing written yet
    Copying,   // bytes copied (or, in place, hashed) so far
    Storing,   // a file moved into the blob store
    Linking,   // the model's folder of links was made
    Recording, // the manifest was written; the database commit comes next
    Done,      // committed: the model is registered
};

const char *importStageName(ImportStage stage) noexcept;

struct ImportProgress {
    ImportStage stage = ImportStage::Verified;
    std::uint64_t bytesDone = 0;  // over all files
    std::uint64_t bytesTotal = 0;
    std::string file;             // the file concerned, relative to the model
};

struct ImportOptions {
    std::string name;        // empty: from the source (folder name, GGUF general.name, ...)
    std::string description;
    // Reference the files where they are instead of copying them into the store; the
    // registry then checks them for changes (verifyInPlace) and never deletes them.
    bool inPlace = false;
    ModelOrigin origin = ModelOrigin::Imported;
    std::vector<std::string> tags;
    // Called on the importing thread; may be empty. An exception from it aborts the import
    // (except from the Done call: the model is registered by then).
    std::function<void(const ImportProgress &)> progress;
    // Checked between pieces of a file: a stop request ends the import with
    // Error(Cancelled) and the registry as it was.
    std::stop_token stop;
};

} // namespace llmos
