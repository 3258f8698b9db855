#include "registry/sqlitedatabase.h"

#include "registry/sqlitestatement.h"
#include "util/error.h"

#include <sqlite3.h>

#include <cassert>
#include <utility>

namespace llmos {

namespace {

// SQLite's primary result code decides the kind a caller can act on: a damaged file is
// a Format problem (rebuild it), a full disk or a lock an Io one, a broken constraint
// an invalid request.
ErrorKind kindOf(int rc)
{
    switch (rc & 0xff) {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT: return ErrorKind::Format;
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
    case SQLITE_TOOBIG: return ErrorKind::InvalidInput;
    case SQLITE_MISUSE:
    case SQLITE_RANGE:
    case SQLITE_ERROR: return ErrorKind::Internal; // SQL our code wrote is wrong
    default: return ErrorKind::Io; // BUSY, LOCKED, FULL, IOERR, CANTOPEN, READONLY, PERM, NOMEM
    }
}

std::string advice(int rc)
{
    switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return "; another process kept the database locked for too long, try again";
    case SQLITE_FULL: return "; the disk is full";
    case SQLITE_READONLY: return "; the file or its folder is read-only";
    default: return "";
    }
}

} // namespace

SqliteDatabase::SqliteDatabase(std::string path, OpenMode mode)
    : m_path(std::move(path))
    , m_owner(std::this_thread::get_id())
{
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
    if (mode == OpenMode::ReadWriteCreate)
        flags |= SQLITE_OPEN_CREATE;
    const int rc = sqlite3_open_v2(m_path.c_str(), &m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        // sqlite3_open_v2 hands back a handle even on failure; it carries the message.
        const std::string message = m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc);
        close();
        throw Error(kindOf(rc), m_path, "cannot open the database: " + message + advice(rc));
    }
    sqlite3_extended_result_codes(m_db, 1);
}

SqliteDatabase::~SqliteDatabase()
{
    close();
}

SqliteDatabase::SqliteDatabase(SqliteDatabase &&other) noexcept
    : m_path(std::move(other.m_path))
    , m_db(std::exchange(other.m_db, nullptr))
    , m_owner(other.m_owner)
{
}

SqliteDatabase &SqliteDatabase::operator=(SqliteDatabase &&other) noexcept
{
    if (this != &other) {
        close();
        m_path = std::move(other.m_path);
        m_db = std::exchange(other.m_db, nullptr);
        m_owner = other.m_owner;
    }
    return *this;
}

void SqliteDatabase::close() noexcept
{
    if (m_db) {
        // sqlite3_close_v2 defers the close until every statement is finalized, so a
        // statement that outlives its database by mistake does not crash.
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
}

sqlite3 *SqliteDatabase::handle() noexcept
{
    assert(std::this_thread::get_id() == m_owner && "a registry connection is used by the thread that opened it");
    return m_db;
}

void SqliteDatabase::fail(int rc, std::string_view purpose) const
{
    std::string message = m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc);
    throw Error(kindOf(rc), m_path,
                "SQLite failed while " + std::string(purpose) + ": " + message + advice(rc));
}

void SqliteDatabase::execute(std::string_view sql, std::string_view purpose)
{
    const std::string text(sql);
    const int rc = sqlite3_exec(handle(), text.c_str(), nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK)
        fail(rc, purpose);
}

SqliteStatement SqliteDatabase::prepare(std::string_view sql, std::string_view purpose)
{
    sqlite3_stmt *statement = nullptr;
    const int rc = sqlite3_prepare_v2(handle(), sql.data(), static_cast<int>(sql.size()), &statement, nullptr);
    if (rc != SQLITE_OK)
        fail(rc, purpose);
    return SqliteStatement(*this, statement, std::string(purpose));
}

std::string SqliteDatabase::queryText(std::string_view sql, std::string_view purpose)
{
    auto statement = prepare(sql, purpose);
    return statement.step() ? statement.columnText(0) : std::string();
}

std::int64_t SqliteDatabase::queryInt(std::string_view sql, std::string_view purpose)
{
    auto statement = prepare(sql, purpose);
    return statement.step() ? statement.columnInt(0) : 0;
}

std::int64_t SqliteDatabase::changes() const noexcept
{
    return m_db ? sqlite3_changes64(m_db) : 0;
}

} // namespace llmos
