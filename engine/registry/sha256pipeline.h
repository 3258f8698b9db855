#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <thread>
#include <vector>

namespace llmos {

// SHA-256 of a stream of pieces, computed on a thread of its own, so that the caller's
// reading (and writing a copy) overlaps with the hashing instead of alternating with it.
// The caller takes a free buffer, fills it, submits it, and may go on reading it - to
// write it - until it takes the next buffer: a buffer is free again only once hashed.
// With kBuffers buffers the caller runs at most that many pieces ahead of the hasher.
//
// One caller thread. The destructor stops the hasher and joins it, so an exception or a
// cancel on the caller's side never leaves the thread behind.
class Sha256Pipeline {
public:
    static constexpr std::size_t kBuffers = 4;

    // Buffers of `bufferSize` bytes, left uninitialised: a small file touches only the
    // pages it fills (page faults, not hashing, dominate small files).
    explicit Sha256Pipeline(std::size_t bufferSize);
    ~Sha256Pipeline();
    Sha256Pipeline(const Sha256Pipeline &) = delete;
    Sha256Pipeline &operator=(const Sha256Pipeline &) = delete;

    // A free buffer, once the hasher is done with one; rethrows the hasher's error.
    std::span<std::uint8_t> take();
    // Queues the first `size` bytes of the buffer taken last for hashing, in order.
    void submit(std::size_t size);
    // Waits for every piece submitted and returns the lower-case hex digest; rethrows the
    // hasher's error.
    std::string finishHex();

private:
    struct Piece {
        std::size_t buffer = 0;
        std::size_t size = 0;
    };

    void hashPieces();
    void stopAndJoin() noexcept;

    std::size_t m_bufferSize;
    std::vector<std::unique_ptr<std::uint8_t[]>> m_buffers;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::vector<std::size_t> m_free;   // buffers the caller may take
    std::deque<Piece> m_queue;         // submitted, not hashed yet
    std::size_t m_taken = 0;           // the buffer taken last
    bool m_closing = false;            // no more pieces: finish the queue, then end
    bool m_abandoned = false;          // end now, the digest is not wanted
    std::exception_ptr m_error;
    std::string m_digest;
    std::thread m_thread;
};

} // namespace llmos
