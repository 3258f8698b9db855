#include "registry/sha256pipeline.h"

#include "registry/sha256hasher.h"

#include <pthread.h>

namespace llmos {

Sha256Pipeline::Sha256Pipeline(std::size_t bufferSize)
    : m_bufferSize(bufferSize)
{
    for (std::size_t i = 0; i < kBuffers; ++i) {
        m_buffers.push_back(std::make_unique_for_overwrite<std::uint8_t[]>(bufferSize));
        m_free.push_back(i);
    }
    m_thread = std::thread([this] { hashPieces(); });
}

Sha256Pipeline::~Sha256Pipeline()
{
    stopAndJoin();
}

std::span<std::uint8_t> Sha256Pipeline::take()
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] { return !m_free.empty() || m_error; });
    if (m_error)
        std::rethrow_exception(m_error);
    m_taken = m_free.back();
    m_free.pop_back();
    return {m_buffers[m_taken].get(), m_bufferSize};
}

void Sha256Pipeline::submit(std::size_t size)
{
    {
        const std::lock_guard lock(m_mutex);
        m_queue.push_back({m_taken, size});
    }
    m_changed.notify_all();
}

std::string Sha256Pipeline::finishHex()
{
    {
        const std::lock_guard lock(m_mutex);
        m_closing = true;
    }
    m_changed.notify_all();
    m_thread.join();
    if (m_error)
        std::rethrow_exception(m_error);
    return m_digest;
}

void Sha256Pipeline::hashPieces()
{
    ::pthread_setname_np(::pthread_self(), "llmos-sha256");
    try {
        Sha256Hasher hasher;
        std::unique_lock lock(m_mutex);
        for (;;) {
            m_changed.wait(lock, [&] { return !m_queue.empty() || m_closing || m_abandoned; });
            if (m_abandoned || m_queue.empty())
                break;
            const Piece piece = m_queue.front();
            m_queue.pop_front();
            lock.unlock(); // the caller reads and writes meanwhile
            hasher.update(m_buffers[piece.buffer].get(), piece.size);
            lock.lock();
            m_free.push_back(piece.buffer);
            m_changed.notify_all();
        }
        if (!m_abandoned)
            m_digest = hasher.finishHex();
    } catch (...) {
        // Handed to the caller, which is waiting in take() or will call finishHex().
        const std::lock_guard lock(m_mutex);
        m_error = std::current_exception();
        m_changed.notify_all();
    }
}

void Sha256Pipeline::stopAndJoin() noexcept
{
    if (!m_thread.joinable())
        return;
    {
        const std::lock_guard lock(m_mutex);
        m_abandoned = true;
    }
    m_changed.notify_all();
    m_thread.join();
}

} // namespace llmos
