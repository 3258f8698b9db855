#pragma once

#include "registry/modelrecord.h"

#include <string>
#include <vector>

namespace llmos {

class BlobStore;

// models/<id>/ of a stored model: every file under its own relative name as a hard link
// to its blob (a symbolic link where the file system refuses hard links), so code that
// loads "a model folder" works on it unchanged and nothing is copied twice.
//
// Made under a temporary name and renamed into place, so the folder either has every
// file or does not exist. An existing folder of that name is replaced.
void makeModelFolder(const std::string &folder, const std::vector<ModelFile> &files, const BlobStore &blobs);

// True when the folder holds every file, each the right size.
bool modelFolderIsComplete(const std::string &folder, const std::vector<ModelFile> &files);

} // namespace llmos
