#include "datasets/csvreader.h"

#include "datasets/textlines.h"
#include "tokenizer/utf8.h"
#include "util/error.h"

#include <fmt/format.h>

#include <set>
#include <string>
#include <vector>

namespace llmos {

namespace {

// Splits one complete record. Returns the reason when it is malformed.
std::string splitRecord(const std::string &record, char delimiter, std::vector<std::string> &fields)
{
    fields.assign(1, {});
    enum class At { FieldStart, Unquoted, Quoted, AfterQuote } at = At::FieldStart;
    for (std::size_t i = 0; i < record.size(); ++i) {
        const char c = record[i];
        switch (at) {
        case At::FieldStart:
        case At::Unquoted:
            if (c == delimiter) {
                fields.emplace_back();
                at = At::FieldStart;
            } else if (c == '"') {
                if (at == At::Unquoted) return fmt::format("a quote inside an unquoted field (byte {} of the row)", i + 1);
                at = At::Quoted;
            } else {
                fields.back().push_back(c);
                at = At::Unquoted;
            }
            break;
        case At::Quoted:
            if (c == '"') {
                if (i + 1 < record.size() && record[i + 1] == '"') {
                    fields.back().push_back('"');
                    ++i;
                } else {
                    at = At::AfterQuote;
                }
            } else {
                fields.back().push_back(c);
            }
            break;
        case At::AfterQuote:
            if (c != delimiter) return fmt::format("text after a closing quote (byte {} of the row)", i + 1);
            fields.emplace_back();
            at = At::FieldStart;
            break;
        }
    }
    if (at == At::Quoted) return "a quoted field is not closed before the end of the file";
    return {};
}

// Whether a quoted field is still open at the end of text, which then goes on past the
// newline. Only a quote at the start of a field opens one: a stray quote inside an
// unquoted field must not swallow the following lines (splitRecord reports it).
bool quoteOpenAfter(std::string_view text, char delimiter, bool open)
{
    enum class At { FieldStart, Unquoted, Quoted, AfterQuote } at = open ? At::Quoted : At::FieldStart;
    for (char c : text) {
        switch (at) {
        case At::FieldStart: at = c == '"' ? At::Quoted : c == delimiter ? At::FieldStart : At::Unquoted; break;
        case At::Unquoted: if (c == delimiter) at = At::FieldStart; break;
        case At::Quoted: if (c == '"') at = At::AfterQuote; break;
        case At::AfterQuote: at = c == '"' ? At::Quoted : c == delimiter ? At::FieldStart : At::Unquoted; break;
        }
    }
    return at == At::Quoted;
}

} // namespace

void readDelimited(LineReader &lines, char delimiter, const RowSink &sink)
{
    std::vector<std::string> header;
    std::vector<std::string> fields;
    std::string record;
    LineReader::Line line;
    while (nextRowLine(lines, line, sink)) {
        const std::uint64_t firstLine = line.number;
        record = std::move(line.text);
        bool open = quoteOpenAfter(record, delimiter, false);
        bool tooLong = false;
        while (open && lines.next(line)) {
            if (line.tooLong || record.size() + 1 + line.text.size() > lines.maxLineBytes()) {
                tooLong = true; // the record is lost: take the line as its end
                break;
            }
            record += '\n';
            record += line.text;
            open = quoteOpenAfter(line.text, delimiter, open);
        }
        if (tooLong) {
            sink.onBadRow({{}, firstLine, 0, tooLongReason(lines)});
            continue;
        }
        if (!utf8::isValid(record)) {
            sink.onBadRow({{}, firstLine, 0, "not valid UTF-8"});
            continue;
        }
        const std::string problem = splitRecord(record, delimiter, fields);
        if (header.empty()) {
            if (!problem.empty()) throw Error(ErrorKind::Format, fmt::format("{}: line {}", lines.path(), firstLine),
                                                "the header row is malformed: " + problem);
            std::set<std::string> seen;
            for (const auto &name : fields)
                if (name.empty() || !seen.insert(name).second)
                    throw Error(ErrorKind::Format, fmt::format("{}: line {}", lines.path(), firstLine),
                            "the header row must name every column once; \"" + name + "\" is empty or repeated");
            header = fields;
            continue;
        }
        if (!problem.empty()) {
            sink.onBadRow({{}, firstLine, 0, problem});
            continue;
        }
        if (fields.size() != header.size()) {
            sink.onBadRow({{}, firstLine, 0,
                    fmt::format("{} fields where the header names {} columns", fields.size(), header.size())});
            continue;
        }
        nlohmann::ordered_json row = nlohmann::ordered_json::object();
        for (std::size_t i = 0; i < header.size(); ++i) row[header[i]] = std::move(fields[i]);
        sink.onRow({firstLine, std::move(row)});
    }
}

} // namespace llmos
