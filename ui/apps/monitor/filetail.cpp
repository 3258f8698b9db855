#include "apps/monitor/filetail.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace llmos {

QStringList csvCells(const QString &line)
{
    QStringList cells;
    QString cell;
    bool quoted = false;
    for (int i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < line.size() && line[i + 1] == QLatin1Char('"'))
                cell += c, ++i;
            else if (c == QLatin1Char('"'))
                quoted = false;
            else
                cell += c;
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            cells << cell;
            cell.clear();
        } else {
            cell += c;
        }
    }
    cells << cell;
    return cells;
}

TailRead readNewItems(const QString &path, const QString &textField, TailState state, int maxItems)
{
    TailRead read;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        read.error = file.errorString();
        read.state = state;
        return read;
    }
    if (file.size() < state.offset) // replaced or truncated: from the start again
        state = TailState{};
    file.seek(state.offset);
    const auto suffix = QFileInfo(path).suffix().toLower();
    while (!file.atEnd() && read.items.size() < maxItems) {
        const auto before = file.pos();
        const auto bytes = file.readLine(1 << 20);
        if (!bytes.endsWith('\n')) { // an incomplete last line: read it when it is whole
            file.seek(before);
            break;
        }
        state.offset = file.pos();
        const auto line = QString::fromUtf8(bytes).trimmed();
        if (line.isEmpty())
            continue;
        if (suffix == QStringLiteral("jsonl") || suffix == QStringLiteral("ndjson")) {
            const auto object = QJsonDocument::fromJson(bytes).object();
            const auto value = object.value(textField);
            if (value.isString())
                read.items << value.toString();
            else
                ++read.unreadable;
        } else if (suffix == QStringLiteral("csv")) {
            if (state.csvColumns.isEmpty()) {
                state.csvColumns = csvCells(line);
                continue;
            }
            const int column = state.csvColumns.indexOf(textField);
            const auto cells = csvCells(line);
            if (column >= 0 && column < cells.size())
                read.items << cells[column];
            else
                ++read.unreadable;
        } else {
            read.items << line; // plain text: one item a line
        }
    }
    read.state = state;
    return read;
}

TailRead readNewFiles(const QString &folder, TailState state, int maxItems)
{
    TailRead read;
    const QDir dir(folder);
    if (!dir.exists()) {
        read.error = QCoreApplication::translate("llmos::FileTail", "the folder is not there");
        read.state = state;
        return read;
    }
    const auto names = dir.entryList({QStringLiteral("*.txt"), QStringLiteral("*.md")}, QDir::Files, QDir::Name);
    for (const auto &name : names) {
        if (state.seenFiles.contains(name))
            continue;
        if (read.items.size() >= maxItems)
            break;
        QFile file(dir.filePath(name));
        if (file.size() > (1 << 20) || !file.open(QIODevice::ReadOnly)) {
            ++read.unreadable;
        } else {
            const auto text = QString::fromUtf8(file.readAll()).trimmed();
            if (!text.isEmpty())
                read.items << text;
        }
        state.seenFiles.insert(name);
    }
    read.state = state;
    return read;
}

} // namespace llmos
