#include "registry/sqlitetransaction.h"

#include "registry/sqlitedatabase.h"

#include <sqlite3.h>

namespace llmos {

SqliteTransaction::SqliteTransaction(SqliteDatabase &db, std::string purpose)
    : m_db(db)
    , m_purpose(std::move(purpose))
{
    m_db.execute("BEGIN IMMEDIATE", "starting a transaction for " + m_purpose);
}

SqliteTransaction::~SqliteTransaction()
{
    if (m_open) {
        // Never throws: a failed rollback leaves the transaction to SQLite, which rolls
        // it back when the connection closes or the next BEGIN fails loudly.
        sqlite3_exec(m_db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    }
}

void SqliteTransaction::commit()
{
    m_db.execute("COMMIT", "committing " + m_purpose);
    m_open = false;
}

} // namespace llmos
