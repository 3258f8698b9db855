#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace llmos {

// A data file as rows of text cells, for the classifier app's batch view: CSV, TSV or JSON
// Lines (by extension), read with the engine's dataset readers; the columns are the first
// row's fields. Plain file I/O: run it on a worker.
struct TextTable {
    QStringList columns;
    std::vector<QStringList> rows;
    int badRows = 0;
    QString error; // set when the file could not be read at all
    bool truncated = false; // more rows than were read
};
TextTable readTextTable(const QString &path, int maxRows);

// One CSV line of cells, quoted where needed (RFC 4180).
QString csvLine(const QStringList &cells);

} // namespace llmos
