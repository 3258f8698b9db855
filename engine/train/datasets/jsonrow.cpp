#include "datasets/jsonrow.h"

#include "formats/strictjson.h"
#include "tokenizer/utf8.h"
#include "util/error.h"

#include <charconv>
#include <string>

namespace llmos {

namespace {

// parseJsonStrict says where as "<source>: line L, column C"; read the numbers back.
std::uint64_t numberAfter(const std::string &where, std::string_view label)
{
    const auto at = where.rfind(label);
    if (at == std::string::npos) return 0;
    std::uint64_t value = 0;
    const char *begin = where.data() + at + label.size();
    std::from_chars(begin, where.data() + where.size(), value);
    return value;
}

const char *jsonTypeName(const nlohmann::ordered_json &value)
{
    return value.type_name();
}

} // namespace

void parseJsonRow(std::string_view text, std::uint64_t line, std::uint64_t column, const RowSink &sink)
{
    if (!utf8::isValid(text)) {
        sink.onBadRow({{}, line, column, "not valid UTF-8"});
        return;
    }
    nlohmann::json parsed;
    try {
        parsed = parseJsonStrict(text, "row");
    } catch (const Error &e) {
        const std::uint64_t innerLine = numberAfter(e.where(), "line ");
        const std::uint64_t innerColumn = numberAfter(e.where(), "column ");
        BadRow bad{{}, line, column, e.detail()};
        if (innerLine > 1) {
            bad.line = line + innerLine - 1;
            bad.column = innerColumn;
        } else if (innerColumn > 0) {
            bad.column = column + innerColumn - 1;
        }
        sink.onBadRow(std::move(bad));
        return;
    }
    if (!parsed.is_object()) {
        sink.onBadRow({{}, line, column, std::string("expected a JSON object, found ") + jsonTypeName(parsed)});
        return;
    }
    // Re-parse keeping key order (strict parsing already vetted duplicates and depth):
    // chat templates print keys in the caller's order.
    sink.onRow({line, nlohmann::ordered_json::parse(text)});
}

} // namespace llmos
