#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace llmos {

// Writes a file so that readers only ever see the old file or the complete new one:
// data goes to a temp file in the destination folder, is fsync'ed, renamed over the
// destination, and the folder is fsync'ed. If commit() is never reached (an error,
// an exception, a cancel) the destructor removes the temp file.
class AtomicFileWriter {
public:
    explicit AtomicFileWriter(std::string destination);
    ~AtomicFileWriter();
    AtomicFileWriter(const AtomicFileWriter &) = delete;
    AtomicFileWriter &operator=(const AtomicFileWriter &) = delete;

    void write(std::span<const std::uint8_t> bytes);
    void write(const void *data, std::size_t size);
    std::uint64_t bytesWritten() const noexcept { return m_written; }
    void commit();

    const std::string &tempPath() const noexcept { return m_tempPath; }

private:
    std::string m_destination;
    std::string m_tempPath;
    int m_fd = -1;
    std::uint64_t m_written = 0;
    bool m_committed = false;
};

// The whole of `text` written to `destination` through an AtomicFileWriter.
void writeFileAtomically(const std::string &destination, std::string_view text);

} // namespace llmos
