#include "datasets/synonymtable.h"

#include "datasets/linereader.h"
#include "util/error.h"

#include <fmt/format.h>

namespace llmos {

namespace {

// A synonym line is a short list of words; anything longer is not a synonym file.
constexpr std::size_t kMaxLineBytes = 64u << 10;

std::string_view trimmed(std::string_view text)
{
    const auto first = text.find_first_not_of(" \t\r");
    if (first == std::string_view::npos)
        return {};
    const auto last = text.find_last_not_of(" \t\r");
    return text.substr(first, last - first + 1);
}

bool skipped(std::string_view line)
{
    const auto text = trimmed(line);
    return text.empty() || text.front() == '#';
}

} // namespace

SynonymTable SynonymTable::load(const std::string &path)
{
    LineReader lines(path, kMaxLineBytes);
    SynonymTable table;
    LineReader::Line line;
    while (lines.next(line)) {
        const auto where = fmt::format("{}: line {}", path, line.number);
        if (line.tooLong)
            throw Error(ErrorKind::Format, where,
                        fmt::format("the line is over {} KiB; a synonym line lists a few words of one group",
                                    kMaxLineBytes >> 10));
        if (!skipped(line.text))
            table.addLine(line.text, where);
    }
    if (table.empty())
        throw Error(ErrorKind::Format, path,
                    "holds no synonym group; write one group per line, e.g. \"big, large, huge\"");
    return table;
}

void SynonymTable::addLine(std::string_view line, const std::string &where)
{
    std::vector<std::string> group;
    std::size_t start = 0;
    while (start <= line.size()) {
        const auto end = line.find_first_of(",\t", start);
        const auto word = trimmed(line.substr(start, end == std::string_view::npos ? end : end - start));
        if (word.empty())
            throw Error(ErrorKind::Format, where,
                        "an empty entry between separators; separate the words of a group by single commas or tabs");
        if (word.find_first_of(" \t\v\f") != std::string_view::npos)
            throw Error(ErrorKind::Format, where,
                        fmt::format("\"{}\" has a space inside; only single words can be replaced", word));
        std::string text(word);
        if (const auto other = m_groupOf.find(text); other != m_groupOf.end())
            throw Error(ErrorKind::Format, where,
                        fmt::format("\"{}\" is already in the group of {}; put each word in one group only", text,
                                    m_groupLines[other->second]));
        for (const auto &earlier : group)
            if (earlier == text)
                throw Error(ErrorKind::Format, where, fmt::format("\"{}\" is listed twice", text));
        group.push_back(std::move(text));
        if (end == std::string_view::npos)
            break;
        start = end + 1;
    }
    if (group.size() < 2)
        throw Error(ErrorKind::Format, where,
                    fmt::format("the group \"{}\" has one word; a group lists two or more interchangeable words, "
                                "separated by commas or tabs",
                                group.front()));
    const auto index = m_groups.size();
    for (const auto &word : group)
        m_groupOf.emplace(word, index);
    m_groupLines.push_back(where);
    m_groups.push_back(std::move(group));
}

std::vector<std::string_view> SynonymTable::alternatives(std::string_view word) const
{
    std::vector<std::string_view> others;
    const auto it = m_groupOf.find(std::string(word));
    if (it == m_groupOf.end())
        return others;
    for (const auto &candidate : m_groups[it->second])
        if (candidate != word)
            others.push_back(candidate);
    return others;
}

} // namespace llmos
