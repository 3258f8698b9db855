// libFuzzer entry point for the GGUF reader (links llmos_core only, no torch).
// Every input must end as a parsed file or an llmos::Error; anything else (a crash, a
// sanitizer report, an uncaught exception, an allocation beyond -rss_limit_mb) is a bug.

#include "formats/gguf/ggmlconvert.h"
#include "formats/gguf/gguffile.h"
#include "tokenizer/gguftokenizer.h"
#include "util/error.h"

#include <cstddef>
#include <cstdint>
#include <span>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    try {
        const llmos::GgufFile file = llmos::GgufFile::fromBytes(std::span(data, size), "fuzz.gguf");
        // Touch what a loader would: every value's description and every tensor's data.
        for (const llmos::GgufKeyValue &kv : file.metadata())
            (void)kv.value.describe();
        for (const llmos::GgufTensorInfo &t : file.tensors()) {
            if (llmos::canDequantize(t.type))
                (void)file.dequantize(t);
        }
        // and the tokenizer, which reads tokens, scores, types, merges and ids.
        if (file.find("tokenizer.ggml.model"))
            (void)llmos::loadGgufTokenizer(file);
    } catch (const llmos::Error &) {
    }
    return 0;
}
