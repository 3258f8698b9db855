#pragma once

#include <cstdint>
#include <string>

namespace llmos {

// A file copied into blobs/tmp/ and hashed, waiting to move to its content address.
// While it exists it holds an exclusive flock on its temp file: recovery in another
// process removes only temp files whose lock it can take, i.e. whose writer has died.
// Destroying an uncommitted StagedBlob removes the temp file.
class StagedBlob {
public:
    StagedBlob(std::string tempPath, int fd);
    ~StagedBlob();
    StagedBlob(StagedBlob &&other) noexcept;
    StagedBlob &operator=(StagedBlob &&other) = delete;
    StagedBlob(const StagedBlob &) = delete;
    StagedBlob &operator=(const StagedBlob &) = delete;

    const std::string &tempPath() const noexcept { return m_tempPath; }
    const std::string &sha256() const noexcept { return m_sha256; }
    std::uint64_t size() const noexcept { return m_size; }
    int fd() const noexcept { return m_fd; }
    bool isCommitted() const noexcept { return m_committed; }

    void setContent(std::string sha256, std::uint64_t size);
    // Called by BlobStore once the temp file was renamed or dropped.
    void markCommitted() noexcept;

private:
    std::string m_tempPath;
    int m_fd = -1;
    std::string m_sha256;
    std::uint64_t m_size = 0;
    bool m_committed = false;
};

} // namespace llmos
