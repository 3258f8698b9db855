#include "datasets/jsonarrayreader.h"

#include "datasets/jsonrow.h"
#include "util/error.h"

#include <fmt/format.h>

#include <string>

namespace llmos {

namespace {

class ArrayScanner {
public:
    ArrayScanner(const LineReader &lines, const RowSink &sink) : m_lines(lines), m_sink(sink) {}

    void scanLine(const std::string &text, std::uint64_t lineNumber)
    {
        for (std::size_t i = 0; i < text.size(); ++i) scanChar(text[i], lineNumber, i + 1);
        if (m_inElement) scanChar('\n', lineNumber, text.size() + 1);
    }

    void finish()
    {
        if (m_state != State::Done)
            throw Error(ErrorKind::Format, m_lines.path(),
                    m_state == State::BeforeArray ? "no JSON array found (the file is empty)"
                                                  : "the JSON array is not closed: the file ends inside it");
    }

private:
    enum class State { BeforeArray, BetweenElements, Done };

    [[noreturn]] void fail(std::uint64_t line, std::uint64_t column, const std::string &detail) const
    {
        throw Error(ErrorKind::Format, fmt::format("{}: line {}, column {}", m_lines.path(), line, column), detail);
    }

    void append(char c)
    {
        if (m_tooLong) return;
        if (m_element.size() >= m_lines.maxLineBytes()) {
            m_tooLong = true;
            m_element.clear();
            m_element.shrink_to_fit();
            return;
        }
        m_element.push_back(c);
    }

    void endElement()
    {
        if (m_tooLong)
            m_sink.onBadRow({{}, m_startLine, m_startColumn,
                    fmt::format("array element longer than the limit of {} bytes for one row", m_lines.maxLineBytes())});
        else
            parseJsonRow(m_element, m_startLine, m_startColumn, m_sink);
        m_element.clear();
        m_inElement = false;
        m_tooLong = false;
        m_expectComma = true;
    }

    void scanChar(char c, std::uint64_t line, std::uint64_t column)
    {
        const bool space = c == ' ' || c == '\t' || c == '\r' || c == '\n';
        if (m_inElement) {
            if (m_inString) {
                append(c);
                if (m_escape) m_escape = false;
                else if (c == '\\') m_escape = true;
                else if (c == '"') m_inString = false;
                return;
            }
            if (m_depth == 0 && (space || c == ',' || c == ']')) {
                endElement(); // a scalar element ends here
            } else {
                append(c);
                if (c == '"') m_inString = true;
                else if (c == '{' || c == '[') ++m_depth;
                else if (c == '}' || c == ']') {
                    if (m_depth == 0) fail(line, column, "unbalanced brackets in the JSON array");
                    if (--m_depth == 0) endElement();
                }
                return;
            }
        }
        if (space) return;
        switch (m_state) {
        case State::BeforeArray:
            if (c != '[') fail(line, column, "expected a JSON array of objects ('[') or JSON Lines");
            m_state = State::BetweenElements;
            return;
        case State::Done:
            fail(line, column, "text after the end of the JSON array");
        case State::BetweenElements:
            if (c == ']') {
                m_state = State::Done;
                return;
            }
            if (c == ',') {
                if (!m_expectComma) fail(line, column, "a comma without an element before it");
                m_expectComma = false;
                return;
            }
            if (m_expectComma) fail(line, column, "expected ',' or ']' between array elements");
            m_inElement = true;
            m_startLine = line;
            m_startColumn = column;
            append(c);
            if (c == '"') m_inString = true;
            else if (c == '{' || c == '[') m_depth = 1;
            return;
        }
    }

    const LineReader &m_lines;
    const RowSink &m_sink;
    State m_state = State::BeforeArray;
    bool m_inElement = false;
    bool m_inString = false;
    bool m_escape = false;
    bool m_expectComma = false;
    bool m_tooLong = false;
    int m_depth = 0;
    std::string m_element;
    std::uint64_t m_startLine = 0;
    std::uint64_t m_startColumn = 0;
};

} // namespace

void readJsonArray(LineReader &lines, const RowSink &sink)
{
    ArrayScanner scanner(lines, sink);
    LineReader::Line line;
    while (lines.next(line)) {
        if (line.tooLong)
            throw Error(ErrorKind::Format, fmt::format("{}: line {}", lines.path(), line.number),
                    fmt::format("the line is longer than {} bytes, so the JSON array cannot be read row by row; "
                                "convert the file to JSON Lines (one object per line)",
                            lines.maxLineBytes()));
        scanner.scanLine(line.text, line.number);
    }
    scanner.finish();
}

} // namespace llmos
