#pragma once

#include <span>
#include <string_view>

namespace llmos {

class SqliteDatabase;

// One step of the registry's schema: applied to a database at `version - 1`, leaves it
// at `version`. Steps are only ever added at the end; a released step never changes.
struct RegistryMigration {
    int version;
    std::string_view purpose; // for error messages: "creating the v1 tables"
    std::string_view sql;
};

// The registry's steps, v1 first.
std::span<const RegistryMigration> registryMigrations();
// The schema version this build writes (the last step's version).
int registrySchemaVersion();

// Brings `db` (PRAGMA user_version) up to the last of `migrations`. Each step runs in its
// own transaction together with the user_version bump, so a step killed halfway leaves
// the previous version, and running again redoes it. A database from a newer build (a
// version past the last step) is refused with Error(Unsupported) before anything changes.
void migrateRegistry(SqliteDatabase &db, std::span<const RegistryMigration> migrations = registryMigrations());

} // namespace llmos
