#include "registry/sqlitestatement.h"

#include "registry/sqlitedatabase.h"

#include <sqlite3.h>

#include <utility>

namespace llmos {

SqliteStatement::SqliteStatement(SqliteDatabase &db, sqlite3_stmt *statement, std::string purpose) noexcept
    : m_db(&db)
    , m_statement(statement)
    , m_purpose(std::move(purpose))
{
}

SqliteStatement::~SqliteStatement()
{
    if (m_statement)
        sqlite3_finalize(m_statement);
}

SqliteStatement::SqliteStatement(SqliteStatement &&other) noexcept
    : m_db(other.m_db)
    , m_statement(std::exchange(other.m_statement, nullptr))
    , m_purpose(std::move(other.m_purpose))
{
}

SqliteStatement &SqliteStatement::bindInt(int index, std::int64_t value)
{
    if (const int rc = sqlite3_bind_int64(m_statement, index, value); rc != SQLITE_OK)
        m_db->fail(rc, m_purpose);
    return *this;
}

SqliteStatement &SqliteStatement::bindReal(int index, double value)
{
    if (const int rc = sqlite3_bind_double(m_statement, index, value); rc != SQLITE_OK)
        m_db->fail(rc, m_purpose);
    return *this;
}

SqliteStatement &SqliteStatement::bindText(int index, std::string_view value)
{
    // SQLITE_TRANSIENT: SQLite copies the text, so the caller's string may go away.
    const int rc = sqlite3_bind_text64(m_statement, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    if (rc != SQLITE_OK)
        m_db->fail(rc, m_purpose);
    return *this;
}

SqliteStatement &SqliteStatement::bindNull(int index)
{
    if (const int rc = sqlite3_bind_null(m_statement, index); rc != SQLITE_OK)
        m_db->fail(rc, m_purpose);
    return *this;
}

SqliteStatement &SqliteStatement::bindTextOrNull(int index, std::string_view value)
{
    return value.empty() ? bindNull(index) : bindText(index, value);
}

bool SqliteStatement::step()
{
    const int rc = sqlite3_step(m_statement);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    // The statement's error is also the connection's; reset so it can be used again.
    const int code = sqlite3_extended_errcode(sqlite3_db_handle(m_statement));
    sqlite3_reset(m_statement);
    m_db->fail(code ? code : rc, m_purpose);
}

void SqliteStatement::run()
{
    while (step()) {
    }
}

void SqliteStatement::reset()
{
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
}

std::int64_t SqliteStatement::columnInt(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

double SqliteStatement::columnReal(int column) const
{
    return sqlite3_column_double(m_statement, column);
}

std::string SqliteStatement::columnText(int column) const
{
    const auto *text = sqlite3_column_text(m_statement, column);
    if (!text)
        return {};
    return std::string(reinterpret_cast<const char *>(text), static_cast<std::size_t>(sqlite3_column_bytes(m_statement, column)));
}

bool SqliteStatement::columnIsNull(int column) const
{
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

} // namespace llmos
