#pragma once

#include "registry/registryreports.h"

#include <functional>
#include <string>

namespace llmos {

class BlobStore;
class ModelCatalog;
class RegistryLayout;

// Brings the files on disk back in line with the database after a crash, so that every
// row has its files and no file lacks a row: removes abandoned temp blobs, blobs no row
// uses, model folders and manifests without a row (and temp ones), and writes a
// manifest for any row that lacks one. The caller holds the WriterLock: a live import
// in its commit phase also holds it, so nothing it is still writing is taken for debris.
RecoveryReport recoverRegistry(const RegistryLayout &layout, ModelCatalog &catalog, const BlobStore &blobs,
                               const std::function<void(const std::string &id)> &writeManifest);

} // namespace llmos
