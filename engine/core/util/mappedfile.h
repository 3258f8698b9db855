#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

namespace llmos {

// A read-only memory map of a whole regular file. Refuses what is not a regular file
// (directories, FIFOs, devices such as /dev/random) before reading a byte, so a
// hostile path cannot make the reader block or read forever.
class MappedFile {
public:
    explicit MappedFile(const std::string &path);
    ~MappedFile();
    MappedFile(const MappedFile &) = delete;
    MappedFile &operator=(const MappedFile &) = delete;
    MappedFile(MappedFile &&other) noexcept;
    MappedFile &operator=(MappedFile &&other) noexcept;

    const std::string &path() const noexcept { return m_path; }
    std::span<const std::uint8_t> bytes() const noexcept { return {m_data, m_size}; }
    std::size_t size() const noexcept { return m_size; }

private:
    void release() noexcept;

    std::string m_path;
    const std::uint8_t *m_data = nullptr;
    std::size_t m_size = 0;
};

// The whole file as a string (through MappedFile, so the same refusals apply).
std::string readWholeFile(const std::string &path);

} // namespace llmos
