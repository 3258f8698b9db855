#pragma once

#include <string>

namespace llmos {

class SqliteDatabase;

// BEGIN IMMEDIATE ... COMMIT, rolled back by the destructor unless commit() was reached,
// so an exception anywhere between leaves the database as it was. IMMEDIATE takes the
// write lock at the start: a transaction that reads and then writes cannot fail halfway
// with SQLITE_BUSY because another connection started writing in between.
class SqliteTransaction {
public:
    SqliteTransaction(SqliteDatabase &db, std::string purpose);
    ~SqliteTransaction();
    SqliteTransaction(const SqliteTransaction &) = delete;
    SqliteTransaction &operator=(const SqliteTransaction &) = delete;

    void commit();

private:
    SqliteDatabase &m_db;
    std::string m_purpose;
    bool m_open = true;
};

} // namespace llmos
