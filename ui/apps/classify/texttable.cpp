#include "apps/classify/texttable.h"

#include "datasets/rowreader.h"
#include "util/error.h"

#include <nlohmann/json.hpp>

namespace llmos {

namespace {

QString cellText(const nlohmann::ordered_json &value)
{
    if (value.is_string())
        return QString::fromStdString(value.get<std::string>());
    if (value.is_null())
        return {};
    return QString::fromStdString(value.dump());
}

} // namespace

TextTable readTextTable(const QString &path, int maxRows)
{
    TextTable table;
    DatasetSpec spec;
    spec.path = path.toStdString();
    RowSink sink;
    sink.onBadRow = [&](BadRow &&) { ++table.badRows; };
    sink.onRow = [&](SourceRow &&row) {
        if (!row.value.is_object())
            return;
        if (table.columns.isEmpty())
            for (const auto &[key, value] : row.value.items())
                table.columns << QString::fromStdString(key);
        if (static_cast<int>(table.rows.size()) >= maxRows) {
            table.truncated = true;
            return;
        }
        QStringList cells;
        for (const auto &column : table.columns) {
            const auto it = row.value.find(column.toStdString());
            cells << (it == row.value.end() ? QString() : cellText(*it));
        }
        table.rows.push_back(std::move(cells));
    };
    try {
        readDatasetRows(spec, sink);
    } catch (const Error &error) {
        table.error = QString::fromStdString(error.what());
    }
    return table;
}

QString csvLine(const QStringList &cells)
{
    QStringList quoted;
    for (auto cell : cells) {
        if (cell.contains(QLatin1Char(',')) || cell.contains(QLatin1Char('"')) || cell.contains(QLatin1Char('\n')) ||
            cell.contains(QLatin1Char('\r')))
            cell = QLatin1Char('"') + cell.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
        quoted << cell;
    }
    return quoted.join(QLatin1Char(',')) + QLatin1Char('\n');
}

} // namespace llmos
