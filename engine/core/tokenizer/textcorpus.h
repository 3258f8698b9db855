#pragma once

#include <cstdint>
#include <functional>
#include <stop_token>
#include <string>
#include <string_view>
#include <vector>

namespace llmos {

// How the files of a corpus hold their documents.
enum class CorpusFormat {
    // Plain text; handed on in pieces of about 1 MiB that end at a line end.
    Plain,
    // fortune(6) files: sayings separated by lines holding only "%". The ANSI colour
    // codes some files carry (fortunes-zh colours its titles) are dropped; strfile's
    // .dat indexes and the ROT13 off/ folders are skipped when a folder is read.
    Fortune,
};

// Text files read one document at a time, so a corpus of any size is never held whole.
class TextCorpus {
public:
    // paths: files, or folders whose regular files are read (recursively, sorted by
    // path, hidden files skipped, a file reached twice through links read once).
    // Throws Error(NotFound) for a path that does not exist or a folder with no files,
    // Error(InvalidInput) for no paths.
    TextCorpus(const std::vector<std::string> &paths, CorpusFormat format);

    const std::vector<std::string> &files() const noexcept { return m_files; }
    std::uint64_t totalBytes() const noexcept { return m_totalBytes; }

    using DocumentSink = std::function<void(std::string_view document)>;
    using Progress = std::function<void(std::uint64_t bytesRead, std::uint64_t totalBytes)>;
    // Calls sink for every non-blank document, in file order; progress after each block
    // read. Throws Error(Io) naming the file that cannot be read, Error(Cancelled) when
    // stop is requested.
    void forEachDocument(const DocumentSink &sink, const Progress &progress = {}, std::stop_token stop = {}) const;

    // "name" -> CorpusFormat; throws Error(InvalidInput) listing the names.
    static CorpusFormat formatNamed(std::string_view name);

private:
    std::vector<std::string> m_files;
    std::uint64_t m_totalBytes = 0;
    CorpusFormat m_format;
};

} // namespace llmos
