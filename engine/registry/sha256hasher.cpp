#include "registry/sha256hasher.h"

#include "registry/sha256pipeline.h"
#include "registry/sourcefile.h"
#include "util/error.h"

#include <openssl/evp.h>

#include <algorithm>


namespace llmos {

Sha256Hasher::Sha256Hasher()
    : m_context(EVP_MD_CTX_new())
{
    if (!m_context || EVP_DigestInit_ex(m_context, EVP_sha256(), nullptr) != 1)
        throw Error(ErrorKind::Internal, "SHA-256", "OpenSSL could not start a digest");
}

Sha256Hasher::~Sha256Hasher()
{
    EVP_MD_CTX_free(m_context);
}

void Sha256Hasher::update(std::span<const std::uint8_t> bytes)
{
    update(bytes.data(), bytes.size());
}

void Sha256Hasher::update(const void *data, std::size_t size)
{
    if (m_finished || EVP_DigestUpdate(m_context, data, size) != 1)
        throw Error(ErrorKind::Internal, "SHA-256", "OpenSSL could not hash the data");
}

std::string Sha256Hasher::finishHex()
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (m_finished || EVP_DigestFinal_ex(m_context, digest, &length) != 1)
        throw Error(ErrorKind::Internal, "SHA-256", "OpenSSL could not finish the digest");
    m_finished = true;
    static const char kHex[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(length * 2);
    for (unsigned int i = 0; i < length; ++i) {
        hex += kHex[digest[i] >> 4];
        hex += kHex[digest[i] & 0xf];
    }
    return hex;
}

std::string sha256OfStream(SourceFile &source, const std::function<void(std::span<const std::uint8_t>)> &sink,
                           const std::function<void(std::uint64_t)> &onBytes, std::stop_token stop)
{
    // Hashing is the slow part (about 1.4 GB/s with SHA instructions, slower without);
    // on its own thread it overlaps with the reading here and with writing the copy.
    // Reads never go past the size the file had when opened: no buffer needs more.
    Sha256Pipeline pipeline(std::clamp<std::uint64_t>(source.size(), 1, SourceFile::kBufferSize));
    std::uint64_t done = 0;
    for (;;) {
        const std::span<std::uint8_t> buffer = pipeline.take();
        const std::size_t n = source.read(buffer);
        if (n == 0)
            break;
        pipeline.submit(n);
        if (sink)
            sink(buffer.first(n));
        done += n;
        if (onBytes)
            onBytes(done);
        if (stop.stop_requested())
            throw Error(ErrorKind::Cancelled, source.path(), "cancelled; nothing was registered");
    }
    source.checkUnchanged();
    return pipeline.finishHex();
}

std::string sha256OfFile(const std::string &path, const std::function<void(std::uint64_t)> &onBytes, std::stop_token stop)
{
    SourceFile file(path);
    return sha256OfStream(file, {}, onBytes, stop);
}

bool isSha256Hex(std::string_view text) noexcept
{
    if (text.size() != 64)
        return false;
    for (char c : text)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    return true;
}

} // namespace llmos
