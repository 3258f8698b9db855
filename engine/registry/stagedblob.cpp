#include "registry/stagedblob.h"

#include <unistd.h>
#include <utility>

namespace llmos {

StagedBlob::StagedBlob(std::string tempPath, int fd)
    : m_tempPath(std::move(tempPath))
    , m_fd(fd)
{
}

StagedBlob::~StagedBlob()
{
    // Unlink before closing: once the descriptor (and its lock) is gone, a recovery in
    // another process could already be removing the same name.
    if (!m_committed && !m_tempPath.empty())
        ::unlink(m_tempPath.c_str());
    if (m_fd >= 0)
        ::close(m_fd);
}

StagedBlob::StagedBlob(StagedBlob &&other) noexcept
    : m_tempPath(std::exchange(other.m_tempPath, {}))
    , m_fd(std::exchange(other.m_fd, -1))
    , m_sha256(std::move(other.m_sha256))
    , m_size(other.m_size)
    , m_committed(other.m_committed)
{
}

void StagedBlob::setContent(std::string sha256, std::uint64_t size)
{
    m_sha256 = std::move(sha256);
    m_size = size;
}

void StagedBlob::markCommitted() noexcept
{
    m_committed = true;
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
}

} // namespace llmos
