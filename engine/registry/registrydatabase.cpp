#include "registry/registrydatabase.h"

#include "registry/registrymigrations.h"
#include "registry/sqlitestatement.h"
#include "util/error.h"

namespace llmos {

namespace {

// Long enough for another process's import commit (a few renames and one transaction);
// writers are serialised by the registry's lock file first, so this rarely waits at all.
constexpr int kBusyTimeoutMs = 10'000;

[[noreturn]] void throwDamaged(const std::string &path, const std::string &why)
{
    throw Error(ErrorKind::Format, path,
                "the registry database is damaged (" + why
                    + "). It can be rebuilt from the model manifests and blobs beside it "
                      "(llmos models rebuild); the damaged file is then kept as registry.sqlite.corrupt-<time>");
}

} // namespace

SqliteDatabase openRegistryDatabase(const std::string &path)
{
    SqliteDatabase db(path);
    std::string check;
    try {
        db.execute("PRAGMA busy_timeout = " + std::to_string(kBusyTimeoutMs), "setting the busy timeout");
        // The first statement that reads the file: garbage fails here with "file is not a database".
        const std::string mode = db.queryText("PRAGMA journal_mode = WAL", "switching to the WAL journal");
        if (mode != "wal")
            throw Error(ErrorKind::Io, path, "cannot use the WAL journal (SQLite kept \"" + mode
                                                 + "\"); is the folder on a network or read-only file system?");
        // FULL: a commit is on disk before it returns. Removal deletes blobs right after
        // its commit, so a commit a power cut could still undo would leave rows without
        // files. Registry commits are few; the fsync is cheap next to an import.
        db.execute("PRAGMA synchronous = FULL", "setting the sync mode");
        db.execute("PRAGMA foreign_keys = ON", "enabling foreign keys");
        // quick_check reads every page (so truncation shows) without the index
        // cross-checks that make integrity_check slow on large files.
        check = db.queryText("PRAGMA quick_check(1)", "checking the database");
        if (check == "ok")
            migrateRegistry(db);
    } catch (const Error &e) {
        if (e.kind() == ErrorKind::Format)
            throwDamaged(path, e.detail());
        throw;
    }
    if (check != "ok")
        throwDamaged(path, check);
    return db;
}

std::string checkRegistryIntegrity(SqliteDatabase &db)
{
    return db.queryText("PRAGMA integrity_check(1)", "checking the database");
}

} // namespace llmos
