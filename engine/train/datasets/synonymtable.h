#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace llmos {

// A user's list of interchangeable words for synonym replacement (textaugmenter.h): one
// group per line, its words separated by commas or tabs ("big, large, huge"). Spaces
// around a word are trimmed; blank lines and lines starting with '#' are skipped; a
// UTF-8 BOM and CRLF line ends are fine. Matching is exact (case-sensitive), as a word
// is replaced only by words of its own group.
class SynonymTable {
public:
    SynonymTable() = default;

    // Throws Error(NotFound / Io) for a file that cannot be read and Error(Format) naming
    // "<path>: line N" for a group of fewer than two words, an empty entry ("a,,b"), a
    // word with spaces inside (words are whitespace-separated, so it could never match)
    // or a word already listed in another group (which group would it belong to?), and
    // for a file with no group at all.
    static SynonymTable load(const std::string &path);

    // The other words of `word`'s group; empty when it has none.
    std::vector<std::string_view> alternatives(std::string_view word) const;
    bool contains(std::string_view word) const { return m_groupOf.contains(std::string(word)); }
    std::size_t groupCount() const { return m_groups.size(); }
    bool empty() const { return m_groups.empty(); }

private:
    // Adds one line's group; `where` names it in errors.
    void addLine(std::string_view line, const std::string &where);

    std::vector<std::vector<std::string>> m_groups;
    std::unordered_map<std::string, std::size_t> m_groupOf;
    std::vector<std::string> m_groupLines; // each group's "<path>: line N"
};

} // namespace llmos
