#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <memory>
#include <stop_token>
#include <string>
#include <vector>

namespace llmos {

// Reads a text file line by line in fixed chunks, so a file of any size costs one
// chunk plus the longest accepted line. Every reader of datasets sits on this one, so
// they all agree on the details that make a file "the same" as its clean version:
// a UTF-8 BOM at the start is dropped, "\r\n" counts as "\n", and a last line without
// a newline is still a line.
//
// A line longer than maxLineBytes is not kept: its bytes are skipped up to the next
// newline and the line comes back with tooLong set and empty text (BAD_INPUTS 30: one
// 2 GB line must not become a 2 GB allocation).
//
// Throws Error(Cancelled) when stop is requested (checked per line and per chunk) and
// Error(Io) when the file cannot be read.
class LineReader {
public:
    struct Line {
        std::string text;
        std::uint64_t number = 0; // 1-based
        std::uint64_t offset = 0; // byte offset of the line's start in the file
        bool tooLong = false;
    };
    using Progress = std::function<void(std::uint64_t done, std::uint64_t total)>;

    LineReader(const std::string &path, std::size_t maxLineBytes, std::stop_token stop = {}, Progress progress = {});
    ~LineReader();
    LineReader(const LineReader &) = delete;
    LineReader &operator=(const LineReader &) = delete;

    // The next line, false at the end of the file.
    bool next(Line &line);

    const std::string &path() const { return m_path; }
    std::uint64_t fileSize() const { return m_size; }
    std::size_t maxLineBytes() const { return m_maxLineBytes; }

private:
    bool fill();

    std::string m_path;
    std::size_t m_maxLineBytes;
    std::stop_token m_stop;
    Progress m_progress;
    std::FILE *m_file = nullptr;
    std::uint64_t m_size = 0;
    std::vector<char> m_chunk;
    std::size_t m_pos = 0;
    std::size_t m_end = 0;
    std::uint64_t m_chunkOffset = 0; // file offset of m_chunk[0]
    std::uint64_t m_lineNumber = 0;
    bool m_atStart = true;
    bool m_eof = false;
};

} // namespace llmos
