#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <stop_token>
#include <string>

struct evp_md_ctx_st;

namespace llmos {

// SHA-256 through OpenSSL's EVP interface (which uses the CPU's SHA instructions where
// present). Feed bytes with update(), then take the lower-case hex digest once.
class Sha256Hasher {
public:
    Sha256Hasher();
    ~Sha256Hasher();
    Sha256Hasher(const Sha256Hasher &) = delete;
    Sha256Hasher &operator=(const Sha256Hasher &) = delete;

    void update(std::span<const std::uint8_t> bytes);
    void update(const void *data, std::size_t size);
    std::string finishHex();

private:
    evp_md_ctx_st *m_context;
    bool m_finished = false;
};

class SourceFile;

// Reads `source` to its end in pieces of SourceFile::kBufferSize and returns the digest.
// Each piece goes to `sink` (may be empty), then onBytes (may be empty) is told the
// bytes read so far; a stop request throws Error(Cancelled); a file that changed while
// it was read throws Error(Io). The hashing runs on a second thread (Sha256Pipeline),
// overlapping with the reads and the sink; both callbacks run on the calling thread.
std::string sha256OfStream(SourceFile &source, const std::function<void(std::span<const std::uint8_t>)> &sink,
                           const std::function<void(std::uint64_t)> &onBytes, std::stop_token stop);
// The same for the file at `path`, with no sink.
std::string sha256OfFile(const std::string &path, const std::function<void(std::uint64_t)> &onBytes = {},
                         std::stop_token stop = {});

// True for 64 lower-case hex digits: the only blob names the store accepts.
bool isSha256Hex(std::string_view text) noexcept;

} // namespace llmos
