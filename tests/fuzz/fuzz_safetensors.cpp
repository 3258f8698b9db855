// libFuzzer entry point for the safetensors header parser (links llmos_core only).
// Every input must end as a validated header or an llmos::Error.

#include "formats/safetensorsheader.h"
#include "util/error.h"

#include <cstddef>
#include <cstdint>
#include <span>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    try {
        const auto header = llmos::parseSafetensorsHeader(std::span(data, size), "fuzz.safetensors");
        std::uint64_t total = 0;
        for (const auto &t : header.tensors)
            total += t.byteSize() + t.elementCount();
        (void)total;
    } catch (const llmos::Error &) {
    }
    return 0;
}
