#include "charts/chartcsv.h"

#include "charts/runmetrichistory.h"

#include <QSaveFile>

#include <charconv>
#include <cmath>
#include <string>

namespace llmos {

namespace {

constexpr std::size_t kFlushBytes = 1 << 20;

void appendNumber(std::string &out, double value)
{
    if (std::isnan(value)) {
        out += "nan";
        return;
    }
    char buffer[32];
    // Whole numbers (steps, token counts) without a decimal point or exponent.
    if (std::abs(value) < 9e15 && value == std::floor(value)) {
        const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, static_cast<long long>(value));
        out.append(buffer, end);
        return;
    }
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.append(buffer, end);
}

void appendField(std::string &out, const QString &text)
{
    const std::string utf8 = text.toStdString();
    if (utf8.find_first_of(",\"\r\n") == std::string::npos) {
        out += utf8;
        return;
    }
    out += '"';
    for (char c : utf8) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
}

} // namespace

bool writeChartCsv(const QString &path, const QList<CsvRun> &runs, const QStringList &metrics, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    std::string out = kChartCsvHeader;
    out += '\n';
    bool ok = true;
    const auto flush = [&] {
        ok = ok && file.write(out.data(), static_cast<qint64>(out.size())) == static_cast<qint64>(out.size());
        out.clear();
    };
    for (const CsvRun &run : runs) {
        if (!run.history)
            continue;
        for (const QString &metric : metrics) {
            const std::string name = metric.toStdString();
            const MetricTable *table = run.history->tableOf(name);
            if (!table)
                continue;
            const MetricTable::Column &column = *table->column(name);
            std::string prefix;
            appendField(prefix, run.runId);
            prefix += ',';
            appendField(prefix, metric);
            prefix += ',';
            const auto &step = table->axis(XAxis::Step);
            const auto &epoch = table->axis(XAxis::Epoch);
            const auto &tokens = table->axis(XAxis::TokensSeen);
            const auto &wall = table->axis(XAxis::WallTime);
            for (std::size_t row = 0; row < table->rowCount(); ++row) {
                if (!table->reported(column, row))
                    continue;
                out += prefix;
                appendNumber(out, step[row]);
                out += ',';
                appendNumber(out, epoch[row]);
                out += ',';
                if (!std::isnan(tokens[row]))
                    appendNumber(out, tokens[row]);
                out += ',';
                appendNumber(out, wall[row]);
                out += ',';
                appendNumber(out, column.values[row]);
                out += '\n';
                if (out.size() >= kFlushBytes)
                    flush();
            }
        }
    }
    flush();
    if (!ok || !file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

} // namespace llmos
