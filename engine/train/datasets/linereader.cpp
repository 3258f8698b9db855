#include "datasets/linereader.h"

#include "util/error.h"

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace llmos {

namespace {
constexpr std::size_t kChunkBytes = 1u << 20;
constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
} // namespace

LineReader::LineReader(const std::string &path, std::size_t maxLineBytes, std::stop_token stop, Progress progress)
    : m_path(path), m_maxLineBytes(maxLineBytes), m_stop(std::move(stop)), m_progress(std::move(progress)),
      m_chunk(kChunkBytes)
{
    m_file = std::fopen(path.c_str(), "rb");
    if (!m_file)
        throw Error(errno == ENOENT ? ErrorKind::NotFound : ErrorKind::Io, path,
                std::string("cannot open the file: ") + std::strerror(errno));
    std::error_code ec;
    m_size = std::filesystem::file_size(path, ec);
    if (ec) m_size = 0;
}

LineReader::~LineReader()
{
    if (m_file) std::fclose(m_file);
}

bool LineReader::fill()
{
    if (m_eof) return false;
    if (m_stop.stop_requested()) throw Error(ErrorKind::Cancelled, m_path, "reading was cancelled");
    m_chunkOffset += m_end;
    m_pos = 0;
    m_end = std::fread(m_chunk.data(), 1, m_chunk.size(), m_file);
    if (m_end < m_chunk.size()) {
        if (std::ferror(m_file)) throw Error(ErrorKind::Io, atByte(m_path, m_chunkOffset + m_end), "read failed");
        m_eof = true;
    }
    if (m_progress) m_progress(m_chunkOffset + m_end, m_size);
    return m_end > 0;
}

bool LineReader::next(Line &line)
{
    if (m_stop.stop_requested()) throw Error(ErrorKind::Cancelled, m_path, "reading was cancelled");
    line.text.clear();
    line.tooLong = false;
    line.offset = m_chunkOffset + m_pos;
    bool sawAnything = false;
    for (;;) {
        if (m_pos == m_end && !fill()) break;
        sawAnything = true;
        const char *begin = m_chunk.data() + m_pos;
        const void *newline = std::memchr(begin, '\n', m_end - m_pos);
        const std::size_t take = newline ? static_cast<const char *>(newline) - begin : m_end - m_pos;
        // The cap is checked before appending, so an overlong line never grows the string.
        if (!line.tooLong && line.text.size() + take > m_maxLineBytes + 1) { // +1: a '\r' still to strip
            line.tooLong = true;
            line.text.clear();
            line.text.shrink_to_fit();
        }
        if (!line.tooLong) line.text.append(begin, take);
        m_pos += take;
        if (newline) {
            ++m_pos;
            break;
        }
    }
    if (!sawAnything) return false;
    if (!line.tooLong && !line.text.empty() && line.text.back() == '\r') line.text.pop_back();
    if (!line.tooLong && line.text.size() > m_maxLineBytes) {
        line.tooLong = true;
        line.text.clear();
    }
    if (m_atStart) {
        m_atStart = false;
        if (line.text.starts_with(kUtf8Bom)) line.text.erase(0, kUtf8Bom.size());
    }
    line.number = ++m_lineNumber;
    return true;
}

} // namespace llmos
