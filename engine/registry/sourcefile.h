#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

namespace llmos {

// A file offered for import, opened for one sequential read. Refuses what is not a
// regular file before reading a byte (a FIFO would block, /dev/zero never ends), and
// notices a file that is written to while it is read, so a half-old half-new copy is
// never registered under one hash.
class SourceFile {
public:
    // Big enough that a read costs little next to hashing it, small enough for frequent
    // progress and cancel checks.
    static constexpr std::size_t kBufferSize = 1 << 20;

    explicit SourceFile(std::string path);
    ~SourceFile();
    SourceFile(const SourceFile &) = delete;
    SourceFile &operator=(const SourceFile &) = delete;

    // Fills up to buffer.size() bytes; 0 at the end of the file as it was when opened.
    std::size_t read(std::span<std::uint8_t> buffer);

    const std::string &path() const noexcept { return m_path; }
    std::uint64_t size() const noexcept { return m_size; }
    std::int64_t mtimeNs() const noexcept { return m_mtimeNs; }

    // Throws Error(Io) when the size or modification time changed since the file was
    // opened, or fewer bytes were read than it had.
    void checkUnchanged() const;

private:
    std::string m_path;
    int m_fd = -1;
    std::uint64_t m_size = 0;
    std::int64_t m_mtimeNs = 0;
    std::uint64_t m_read = 0;
};

// Size and modification time (nanoseconds since the epoch) of a regular file, following
// links; false when it does not exist or is not a regular file.
struct FileStamp {
    std::uint64_t size = 0;
    std::int64_t mtimeNs = 0;
};
bool statRegularFile(const std::string &path, FileStamp &stamp);

} // namespace llmos
