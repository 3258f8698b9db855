// libFuzzer entry point for config.json and model.safetensors.index.json parsing
// (links llmos_core only). The first byte picks the document kind.

#include "formats/safetensorsweights.h"
#include "formats/strictjson.h"
#include "model/modelconfig.h"
#include "util/error.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    const std::string_view text(reinterpret_cast<const char *>(data) + 1, size - 1);
    try {
        if (data[0] & 1)
            (void)llmos::parseShardIndex(text, "model.safetensors.index.json", "/nonexistent-fuzz-folder");
        else
            (void)llmos::parseModelConfig(llmos::parseJsonStrict(text, "config.json"), "config.json");
    } catch (const llmos::Error &) {
    }
    return 0;
}
