#pragma once

#include <QSet>
#include <QString>
#include <QStringList>

namespace llmos {

// The items added to a growing file since the last read: each complete line of a text
// file, the text field of each JSON Lines object, or the text column of each CSV line
// (single-line records; the header names the columns). A file that got shorter was
// replaced or truncated: it is read again from its start. Plain file I/O: run on a worker.
struct TailState {
    qint64 offset = 0;
    QStringList csvColumns; // once the header has been read
    QSet<QString> seenFiles; // a watched folder's files already read
};

struct TailRead {
    QStringList items;
    int unreadable = 0; // lines that were not an object with the field, or a CSV row without the column
    TailState state;
    QString error;
};

TailRead readNewItems(const QString &path, const QString &textField, TailState state, int maxItems = 10000);

// The files that appeared in a watched folder since the last read: each new text file
// (.txt, .md) whole is one item, in name order; other files are left alone. Files over
// 1 MiB are counted as unreadable rather than read.
TailRead readNewFiles(const QString &folder, TailState state, int maxItems = 10000);

// One CSV record's cells (RFC 4180 quoting, on one line).
QStringList csvCells(const QString &line);

} // namespace llmos
