#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <thread>

struct sqlite3;

namespace llmos {

class SqliteStatement;

// One SQLite connection, closed by the destructor. A connection belongs to the thread
// that opened it: the registry never shares one between threads (each thread opens
// its own; with WAL, readers on other connections do not wait for a writer). Debug
// builds assert that rule on every use.
//
// Every SQLite failure becomes an llmos::Error whose `where` is the database file and
// whose detail names what was being done ("purpose") and SQLite's own message.
class SqliteDatabase {
public:
    enum class OpenMode { ReadWriteCreate, ReadWrite };

    explicit SqliteDatabase(std::string path, OpenMode mode = OpenMode::ReadWriteCreate);
    ~SqliteDatabase();
    SqliteDatabase(const SqliteDatabase &) = delete;
    SqliteDatabase &operator=(const SqliteDatabase &) = delete;
    SqliteDatabase(SqliteDatabase &&other) noexcept;
    SqliteDatabase &operator=(SqliteDatabase &&other) noexcept;

    const std::string &path() const noexcept { return m_path; }

    // Runs one or more statements that return no rows the caller needs.
    void execute(std::string_view sql, std::string_view purpose);
    SqliteStatement prepare(std::string_view sql, std::string_view purpose);
    // The first column of the first row of a query (pragmas, counts); empty when no row.
    std::string queryText(std::string_view sql, std::string_view purpose);
    std::int64_t queryInt(std::string_view sql, std::string_view purpose);

    std::int64_t changes() const noexcept;

    // Throws the Error for SQLite result code `rc` (see the class comment for its shape).
    [[noreturn]] void fail(int rc, std::string_view purpose) const;

    sqlite3 *handle() noexcept;

private:
    void close() noexcept;

    std::string m_path;
    sqlite3 *m_db = nullptr;
    std::thread::id m_owner;
};

} // namespace llmos
