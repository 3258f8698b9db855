#pragma once

#include "registry/sqlitedatabase.h"

#include <string>

namespace llmos {

// Opens (creating when absent) the registry database at `path` the way every
// connection to it must be set up: WAL journal (readers never wait for the writer),
// foreign keys on (SQLite has them off by default), a busy timeout, a quick integrity
// check, and the schema migrated to this build's version.
//
// A file that is not SQLite, is truncated or fails the check throws Error(Format)
// naming the file and saying that the registry can be rebuilt (ModelRegistry::rebuild);
// a file from a newer build throws Error(Unsupported). Neither changes the file.
SqliteDatabase openRegistryDatabase(const std::string &path);

// "ok", or SQLite's first complaint about the file (PRAGMA integrity_check).
std::string checkRegistryIntegrity(SqliteDatabase &db);

} // namespace llmos
