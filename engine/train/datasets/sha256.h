#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace llmos {

// SHA-256 (FIPS 180-4), incremental. Written here rather than taken from the registry's
// OpenSSL hasher because llmos_datasets must build where the registry does not
// (LLMOS_ENGINE_ONLY, no OpenSSL); the hash only has to notice a changed file, so
// plain C++ speed is enough.
class Sha256 {
public:
    Sha256();
    void update(const void *data, std::size_t size);
    void update(std::string_view bytes) { update(bytes.data(), bytes.size()); }
    // Lower-case hex; the object must not be updated afterwards.
    std::string finishHex();

private:
    void block(const std::uint8_t *data);

    std::array<std::uint32_t, 8> m_state;
    std::array<std::uint8_t, 64> m_buffer{};
    std::size_t m_buffered = 0;
    std::uint64_t m_length = 0;
};

} // namespace llmos
