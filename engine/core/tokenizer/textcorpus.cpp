#include "tokenizer/textcorpus.h"

#include "tokenizer/utf8.h"
#include "util/error.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <set>
#include <system_error>

namespace llmos {

namespace {

namespace fs = std::filesystem;

constexpr std::size_t kBlockSize = 1 << 20;
// A plain document is cut after the first line end past this size.
constexpr std::size_t kPlainDocumentSize = 1 << 20;
// A "saying" this long means the file is not in fortune format: hand it on anyway.
constexpr std::size_t kLongestSaying = 16 << 20;

bool isHidden(const fs::path &path)
{
    const std::string name = path.filename().string();
    return !name.empty() && name.front() == '.';
}

bool skippedInFolder(const fs::path &path, CorpusFormat format)
{
    // fortune's .dat files are strfile indexes, not text; off/ holds ROT13 sets.
    return format == CorpusFormat::Fortune && path.extension() == ".dat";
}

void addFile(const fs::path &path, std::set<fs::path> &seen, std::vector<std::string> &files, std::uint64_t &total)
{
    std::error_code ec;
    const fs::path canonical = fs::canonical(path, ec);
    if (ec || !seen.insert(canonical).second)
        return;
    // A pipe has no size: it is read all the same, and progress counts what came.
    if (fs::is_regular_file(canonical, ec)) {
        const auto size = fs::file_size(canonical, ec);
        if (ec)
            throw Error(ErrorKind::Io, path.string(), fmt::format("cannot read the file's size: {}", ec.message()));
        total += size;
    }
    files.push_back(path.string());
}

void addFolder(const fs::path &folder, CorpusFormat format, std::set<fs::path> &seen, std::vector<std::string> &files,
               std::uint64_t &total)
{
    std::vector<fs::path> found;
    std::error_code ec;
    fs::recursive_directory_iterator it(folder, fs::directory_options::follow_directory_symlink, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
        const fs::path &path = it->path();
        if (isHidden(path) || (format == CorpusFormat::Fortune && it->is_directory() && path.filename() == "off")) {
            if (it->is_directory())
                it.disable_recursion_pending();
            continue;
        }
        if (it->is_regular_file() && !skippedInFolder(path, format))
            found.push_back(path);
    }
    if (ec)
        throw Error(ErrorKind::Io, folder.string(), fmt::format("cannot list the folder: {}", ec.message()));
    std::sort(found.begin(), found.end());
    for (const fs::path &path : found)
        addFile(path, seen, files, total);
}

bool isBlank(std::string_view text)
{
    return std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

// ESC [ parameters final-byte: the colour codes of fortunes-zh.
std::string withoutAnsiCodes(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] == '\x1b' && i + 1 < text.size() && text[i + 1] == '[') {
            std::size_t j = i + 2;
            while (j < text.size() && (std::isdigit(static_cast<unsigned char>(text[j])) || text[j] == ';'))
                ++j;
            if (j < text.size() && std::isalpha(static_cast<unsigned char>(text[j]))) {
                i = j + 1;
                continue;
            }
        }
        out.push_back(text[i++]);
    }
    return out;
}

// The length of text without a UTF-8 sequence cut short at its end.
std::size_t wholeCharacters(std::string_view text)
{
    std::size_t start = text.size(); // walks back over continuation bytes to the last lead
    while (start > 0 && text.size() - start < 4 && (static_cast<unsigned char>(text[start - 1]) & 0xC0) == 0x80)
        --start;
    if (start == 0)
        return text.size();
    const auto lead = static_cast<unsigned char>(text[start - 1]);
    if (lead < 0xC0) // ASCII, or a stray continuation byte: nothing to wait for
        return text.size();
    return text.size() - (start - 1) < utf8::sequenceLength(lead) ? start - 1 : text.size();
}

// Turns a file's lines into documents.
class DocumentBuilder {
public:
    DocumentBuilder(CorpusFormat format, const TextCorpus::DocumentSink &sink)
        : m_format(format)
        , m_sink(sink)
    {
    }

    // A line with its line end, or a piece of a longer one (complete == false).
    void line(std::string_view text, bool complete)
    {
        if (m_format == CorpusFormat::Fortune) {
            if (complete && (text == "%\n" || text == "%\r\n" || text == "%"))
                return flush();
            m_document.append(text);
            if (m_document.size() >= kLongestSaying)
                flushWhole();
            return;
        }
        m_document.append(text);
        if (m_document.size() < kPlainDocumentSize)
            return;
        if (complete)
            return flush();
        flushWhole();
    }

    void flush()
    {
        emit(m_document);
        m_document.clear();
    }

private:
    // Hands on what is there but a UTF-8 sequence cut at the end, which waits for the rest.
    void flushWhole()
    {
        const std::size_t whole = wholeCharacters(m_document);
        emit(std::string_view(m_document).substr(0, whole));
        m_document.erase(0, whole);
    }

    void emit(std::string_view document) const
    {
        if (isBlank(document))
            return;
        if (m_format == CorpusFormat::Fortune && document.find('\x1b') != std::string_view::npos) {
            const std::string clean = withoutAnsiCodes(document);
            if (!isBlank(clean))
                m_sink(clean);
            return;
        }
        m_sink(document);
    }

    CorpusFormat m_format;
    const TextCorpus::DocumentSink &m_sink;
    std::string m_document;
};

struct FileCloser {
    void operator()(std::FILE *file) const { std::fclose(file); }
};

} // namespace

TextCorpus::TextCorpus(const std::vector<std::string> &paths, CorpusFormat format)
    : m_format(format)
{
    if (paths.empty())
        throw Error(ErrorKind::InvalidInput, "corpus", "no input files: give at least one file or folder");
    std::set<fs::path> seen;
    for (const std::string &path : paths) {
        std::error_code ec;
        const auto status = fs::status(path, ec);
        if (ec || !fs::exists(status))
            throw Error(ErrorKind::NotFound, path, "no such file or folder");
        const std::size_t before = m_files.size();
        if (fs::is_directory(status))
            addFolder(path, format, seen, m_files, m_totalBytes);
        else
            addFile(path, seen, m_files, m_totalBytes);
        if (m_files.size() == before && fs::is_directory(status))
            throw Error(ErrorKind::NotFound, path, "the folder holds no text files to read");
    }
}

void TextCorpus::forEachDocument(const DocumentSink &sink, const Progress &progress, std::stop_token stop) const
{
    std::uint64_t read = 0;
    std::string block(kBlockSize, '\0');
    for (const std::string &path : m_files) {
        const std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
        if (!file)
            throw Error(ErrorKind::Io, path, fmt::format("cannot open the file: {}", std::strerror(errno)));
        DocumentBuilder builder(m_format, sink);
        std::string pending; // the start of a line the block cut
        for (;;) {
            if (stop.stop_requested())
                throw Error(ErrorKind::Cancelled, path, "cancelled");
            const std::size_t got = std::fread(block.data(), 1, block.size(), file.get());
            if (got == 0) {
                if (std::ferror(file.get()))
                    throw Error(ErrorKind::Io, path, fmt::format("cannot read the file: {}", std::strerror(errno)));
                break;
            }
            read += got;
            std::string_view rest(block.data(), got);
            for (std::size_t end; (end = rest.find('\n')) != std::string_view::npos; rest.remove_prefix(end + 1)) {
                if (pending.empty()) {
                    builder.line(rest.substr(0, end + 1), true);
                } else {
                    pending.append(rest.substr(0, end + 1));
                    builder.line(pending, true);
                    pending.clear();
                }
            }
            pending.append(rest);
            if (pending.size() >= kBlockSize) { // a line longer than a block goes on in pieces
                builder.line(pending, false);
                pending.clear();
            }
            if (progress)
                progress(read, std::max(read, m_totalBytes));
        }
        if (!pending.empty())
            builder.line(pending, true);
        builder.flush();
    }
}

CorpusFormat TextCorpus::formatNamed(std::string_view name)
{
    if (name == "plain" || name == "text")
        return CorpusFormat::Plain;
    if (name == "fortune")
        return CorpusFormat::Fortune;
    throw Error(ErrorKind::InvalidInput, "format", fmt::format("unknown corpus format '{}' (plain or fortune)", name));
}

} // namespace llmos
