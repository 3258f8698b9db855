// The SQLite layer under the registry: the RAII wrapper, how the registry database is
// opened (WAL, foreign keys), forward migrations, and damaged or newer files.

#include "registry/registrydatabase.h"
#include "registry/registrymigrations.h"
#include "registry/sqlitedatabase.h"
#include "registry/sqlitestatement.h"
#include "registry/sqlitetransaction.h"
#include "errorof.h"
#include "tempdir.h"
#include "util/error.h"

#include <gtest/gtest.h>

#include <array>
#include <filesystem>
#include <fstream>

using namespace llmos;
using llmos::test::errorOf;
using llmos::test::TempDir;

namespace {

bool contains(const std::string &text, const std::string &part)
{
    return text.find(part) != std::string::npos;
}

} // namespace

TEST(SqliteDatabase, BindsAndReadsEveryType)
{
    TempDir dir;
    SqliteDatabase db(dir.file("t.sqlite"));
    db.execute("CREATE TABLE t (i INTEGER, r REAL, s TEXT, n TEXT)", "test");
    auto insert = db.prepare("INSERT INTO t VALUES (?1, ?2, ?3, ?4)", "test");
    insert.bindInt(1, -(std::int64_t(1) << 40)).bindReal(2, 0.25).bindText(3, std::string("a\0b", 3)).bindTextOrNull(4, "");
    insert.run();
    auto select = db.prepare("SELECT i, r, s, n FROM t", "test");
    ASSERT_TRUE(select.step());
    EXPECT_EQ(select.columnInt(0), -(std::int64_t(1) << 40));
    EXPECT_EQ(select.columnReal(1), 0.25);
    EXPECT_EQ(select.columnText(2), std::string("a\0b", 3)); // embedded NUL kept
    EXPECT_TRUE(select.columnIsNull(3));
    EXPECT_FALSE(select.step());
}

TEST(SqliteDatabase, ErrorsNameTheFileAndThePurpose)
{
    TempDir dir;
    SqliteDatabase db(dir.file("t.sqlite"));
    const Error e = errorOf([&] { db.prepare("SELEC nonsense", "reading the frobnicators"); });
    EXPECT_EQ(e.where(), dir.file("t.sqlite"));
    EXPECT_TRUE(contains(e.detail(), "reading the frobnicators")) << e.what();
    EXPECT_TRUE(contains(e.detail(), "syntax error")) << e.what();

    db.execute("CREATE TABLE u (x TEXT UNIQUE)", "test");
    db.execute("INSERT INTO u VALUES ('a')", "test");
    const Error dup = errorOf([&] { db.execute("INSERT INTO u VALUES ('a')", "adding a duplicate"); });
    EXPECT_EQ(dup.kind(), ErrorKind::InvalidInput);
    EXPECT_TRUE(contains(dup.detail(), "UNIQUE")) << dup.what();
}

TEST(SqliteTransaction, RollsBackUnlessCommitted)
{
    TempDir dir;
    SqliteDatabase db(dir.file("t.sqlite"));
    db.execute("CREATE TABLE t (x INTEGER)", "test");
    try {
        SqliteTransaction transaction(db, "test");
        db.execute("INSERT INTO t VALUES (1)", "test");
        throw std::runtime_error("something failed halfway");
    } catch (const std::runtime_error &) {
    }
    EXPECT_EQ(db.queryInt("SELECT count(*) FROM t", "test"), 0);
    {
        SqliteTransaction transaction(db, "test");
        db.execute("INSERT INTO t VALUES (1)", "test");
        transaction.commit();
    }
    EXPECT_EQ(db.queryInt("SELECT count(*) FROM t", "test"), 1);
}

TEST(RegistryDatabase, NewDatabaseUsesWalForeignKeysAndTheCurrentSchema)
{
    TempDir dir;
    auto db = openRegistryDatabase(dir.file("registry.sqlite"));
    EXPECT_EQ(db.queryText("PRAGMA journal_mode", "test"), "wal");
    EXPECT_EQ(db.queryInt("PRAGMA foreign_keys", "test"), 1);
    EXPECT_GT(db.queryInt("PRAGMA busy_timeout", "test"), 0);
    EXPECT_EQ(db.queryInt("PRAGMA user_version", "test"), registrySchemaVersion());
    for (const char *table : {"models", "model_files", "tags", "datasets", "runs", "lineage"})
        EXPECT_EQ(db.queryInt("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '" + std::string(table) + "'",
                              "test"),
                  1)
            << table;
    // The browser's queries have indexes.
    for (const char *index : {"models_family", "models_name_nocase", "tags_tag", "model_files_blob", "lineage_from"})
        EXPECT_EQ(db.queryInt("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = '" + std::string(index) + "'",
                              "test"),
                  1)
            << index;
    EXPECT_EQ(checkRegistryIntegrity(db), "ok");
}

TEST(RegistryDatabase, EmptyVersionZeroFileIsMigratedAndAMigratedFileKeepsItsRows)
{
    TempDir dir;
    const std::string path = dir.file("registry.sqlite");
    {
        SqliteDatabase v0(path); // user_version 0, no tables: what a crash before v1 leaves
        v0.execute("PRAGMA user_version = 0", "test");
    }
    {
        auto db = openRegistryDatabase(path);
        EXPECT_EQ(db.queryInt("PRAGMA user_version", "test"), registrySchemaVersion());
        db.execute("INSERT INTO runs (id, kind, status, created_at) VALUES ('r-0', 'train', 'done', 1)", "test");
    }
    auto again = openRegistryDatabase(path);
    EXPECT_EQ(again.queryInt("PRAGMA user_version", "test"), registrySchemaVersion());
    EXPECT_EQ(again.queryText("SELECT metrics FROM runs", "test"), "{}");
    EXPECT_EQ(again.queryInt("SELECT count(*) FROM runs", "test"), 1);
}

TEST(RegistryDatabase, LaterMigrationsApplyInOrderAndAFailedOneChangesNothing)
{
    TempDir dir;
    const std::string path = dir.file("registry.sqlite");
    auto db = openRegistryDatabase(path);
    db.execute("INSERT INTO runs (id, kind, status, created_at) VALUES ('r-0', 'train', 'done', 1)", "test");

    std::vector<RegistryMigration> steps(registryMigrations().begin(), registryMigrations().end());
    const int current = registrySchemaVersion();
    // A next step whose second statement fails: its first must not survive.
    steps.push_back({current + 1, "a broken step", "CREATE TABLE half (x); INSERT INTO no_such_table VALUES (1);"});
    EXPECT_THROW(migrateRegistry(db, steps), Error);
    EXPECT_EQ(db.queryInt("PRAGMA user_version", "test"), current);
    EXPECT_EQ(db.queryInt("SELECT count(*) FROM sqlite_master WHERE name = 'half'", "test"), 0);

    steps.back() = {current + 1, "adding run notes", "ALTER TABLE runs ADD COLUMN notes TEXT NOT NULL DEFAULT '';"};
    steps.push_back({current + 2, "indexing run notes", "CREATE INDEX runs_notes ON runs (notes);"});
    migrateRegistry(db, steps);
    EXPECT_EQ(db.queryInt("PRAGMA user_version", "test"), current + 2);
    EXPECT_EQ(db.queryText("SELECT notes || kind FROM runs", "test"), "train");
    migrateRegistry(db, steps); // idempotent
    EXPECT_EQ(db.queryInt("PRAGMA user_version", "test"), current + 2);
}

TEST(RegistryDatabase, FileFromANewerBuildIsRefusedAndLeftAlone)
{
    TempDir dir;
    const std::string path = dir.file("registry.sqlite");
    {
        auto db = openRegistryDatabase(path);
        db.execute("PRAGMA user_version = 99", "test");
    }
    const Error e = errorOf([&] { openRegistryDatabase(path); });
    EXPECT_EQ(e.kind(), ErrorKind::Unsupported);
    EXPECT_EQ(e.where(), path);
    EXPECT_TRUE(contains(e.detail(), "newer llmos")) << e.what();
    EXPECT_TRUE(contains(e.detail(), "99")) << e.what();
    SqliteDatabase raw(path);
    EXPECT_EQ(raw.queryInt("PRAGMA user_version", "test"), 99);
}

TEST(RegistryDatabase, FileThatIsNotSqliteIsAFormatErrorOfferingARebuild)
{
    TempDir dir;
    const std::string path = dir.write("registry.sqlite", std::string(4096, 'x'));
    const Error e = errorOf([&] { openRegistryDatabase(path); });
    EXPECT_EQ(e.kind(), ErrorKind::Format);
    EXPECT_EQ(e.where(), path);
    EXPECT_TRUE(contains(e.detail(), "damaged")) << e.what();
    EXPECT_TRUE(contains(e.detail(), "rebuilt")) << e.what();
    EXPECT_EQ(llmos::test::readFile(path), std::string(4096, 'x')); // untouched
}

TEST(RegistryDatabase, TruncatedFileIsAFormatError)
{
    TempDir dir;
    const std::string path = dir.file("registry.sqlite");
    {
        auto db = openRegistryDatabase(path);
        auto insert = db.prepare("INSERT INTO runs (id, kind, recipe, status, created_at) VALUES (?1, 'k', ?2, 's', 0)", "test");
        for (int i = 0; i < 300; ++i) {
            insert.reset();
            insert.bindText(1, "r-" + std::to_string(i)).bindText(2, std::string(1000, 'r')).run();
        }
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)", "test");
    }
    const auto size = std::filesystem::file_size(path);
    ASSERT_GT(size, 100'000u);
    std::filesystem::resize_file(path, size / 2);
    const Error e = errorOf([&] { openRegistryDatabase(path); });
    EXPECT_EQ(e.kind(), ErrorKind::Format);
    EXPECT_TRUE(contains(e.detail(), "rebuilt")) << e.what();
}

TEST(RegistryDatabase, ReadersDoNotWaitForAWriter)
{
    TempDir dir;
    const std::string path = dir.file("registry.sqlite");
    auto writer = openRegistryDatabase(path);
    auto reader = openRegistryDatabase(path);
    reader.execute("PRAGMA busy_timeout = 0", "test"); // would fail at once if it had to wait
    SqliteTransaction transaction(writer, "test");
    writer.execute("INSERT INTO runs (id, kind, status, created_at) VALUES ('r-1', 'k', 's', 0)", "test");
    EXPECT_EQ(reader.queryInt("SELECT count(*) FROM runs", "test"), 0); // the last committed state
    transaction.commit();
    EXPECT_EQ(reader.queryInt("SELECT count(*) FROM runs", "test"), 1);
}

TEST(RegistryDatabase, ForeignKeysCascadeFromModels)
{
    TempDir dir;
    auto db = openRegistryDatabase(dir.file("registry.sqlite"));
    db.execute("INSERT INTO models (id, name, created_at, origin, format) VALUES ('m-1', 'a', 0, 'imported', 'hf')", "test");
    db.execute("INSERT INTO model_files (model_id, path, size, sha256) VALUES ('m-1', 'x', 1, '" + std::string(64, 'a') + "')", "test");
    db.execute("INSERT INTO tags VALUES ('m-1', 't')", "test");
    const Error e = errorOf([&] {
        db.execute("INSERT INTO tags VALUES ('m-404', 't')", "tagging a model that does not exist");
    });
    EXPECT_EQ(e.kind(), ErrorKind::InvalidInput);
    db.execute("DELETE FROM models WHERE id = 'm-1'", "test");
    EXPECT_EQ(db.queryInt("SELECT count(*) FROM model_files", "test"), 0);
    EXPECT_EQ(db.queryInt("SELECT count(*) FROM tags", "test"), 0);
}
