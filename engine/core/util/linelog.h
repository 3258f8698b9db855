#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace llmos {

// An append-only file of text lines that a crash cannot leave half-written for good: a
// run's events.jsonl, a sweep's journal.jsonl. The reader of such a file knows where its
// last complete line ends; opening cuts the file there, so a line torn by a kill is
// dropped before anything is appended after it. A failed append cuts its partial line
// off again. Every error is Error(Io) naming the file and saying what failed.
class LineLog {
public:
    // Opens `path` (creating it, and syncing its folder so the new name survives a crash)
    // for appending after cutting it to `completeBytes`. `what` names the file in errors
    // ("the run's event log").
    LineLog(std::string path, std::uint64_t completeBytes, std::string what);
    ~LineLog();
    LineLog(const LineLog &) = delete;
    LineLog &operator=(const LineLog &) = delete;

    // `line` must end with '\n'.
    void append(const std::string &line);
    // fdatasync: what was appended is on the disk when this returns.
    void sync();
    // append + sync; when the sync fails the line is cut off again, so the file never
    // holds a line whose writer was told it failed.
    void appendDurably(const std::string &line);

    const std::string &path() const noexcept { return m_path; }

private:
    [[noreturn]] void fail(const std::string &what, int err) const;

    std::string m_path;
    std::string m_what;
    int m_fd = -1;
    std::uint64_t m_size = 0;
};

// A line log read back: its complete, non-blank lines, and what a kill left behind.
struct LineLogContents {
    struct Line {
        std::uint64_t number = 0; // 1-based, counting blank lines too
        std::size_t begin = 0;    // offsets into text, the newline excluded
        std::size_t end = 0;
    };
    std::string text;
    std::vector<Line> lines;
    std::uint64_t completeBytes = 0;          // where the last complete line ends
    std::optional<std::uint64_t> tornLine;    // the number of an incomplete last line

    std::string_view line(const Line &l) const { return std::string_view(text).substr(l.begin, l.end - l.begin); }
};

// Reads `path` (a missing file reads as empty); Error(Io) naming `what` when it cannot be read.
LineLogContents readLineLog(const std::string &path, const std::string &what);

} // namespace llmos
