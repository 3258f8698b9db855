#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3_stmt;

namespace llmos {

class SqliteDatabase;

// A prepared statement, finalized by the destructor. Parameters and columns are
// numbered as SQLite numbers them: parameters from 1, columns from 0. The bind
// functions carry the type in their name so that an `int` never picks an overload
// by accident.
class SqliteStatement {
public:
    SqliteStatement(SqliteDatabase &db, sqlite3_stmt *statement, std::string purpose) noexcept;
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;
    SqliteStatement(SqliteStatement &&other) noexcept;
    SqliteStatement &operator=(SqliteStatement &&other) = delete;

    SqliteStatement &bindInt(int index, std::int64_t value);
    SqliteStatement &bindReal(int index, double value);
    SqliteStatement &bindText(int index, std::string_view value);
    SqliteStatement &bindNull(int index);
    // NULL when the text is empty: optional references (run, dataset, in-place path).
    SqliteStatement &bindTextOrNull(int index, std::string_view value);

    // Advances to the next row: true while there is one.
    bool step();
    // Steps to the end, for statements that return no rows (INSERT, UPDATE, DELETE).
    void run();
    // Makes the statement ready to run again with new parameters.
    void reset();

    std::int64_t columnInt(int column) const;
    double columnReal(int column) const;
    std::string columnText(int column) const; // "" for NULL
    bool columnIsNull(int column) const;

private:
    SqliteDatabase *m_db;
    sqlite3_stmt *m_statement;
    std::string m_purpose;
};

} // namespace llmos
