// libFuzzer entry for the tokenizer.json loader and the encode/decode pipeline.
// Input: a tokenizer.json document, optionally followed by a NUL byte and a text to
// encode (itself any bytes, NULs included). Every failure must be an llmos::Error;
// anything else (a crash, another exception, a hang) is a bug.

#include "tokenizer/loadtokenizer.h"
#include "util/error.h"

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view input(reinterpret_cast<const char *>(data), size);
    const std::size_t nul = input.find('\0');
    const std::string_view document = input.substr(0, nul);
    const std::string_view text = nul == std::string_view::npos ? std::string_view("Hello, world! 123 \xE4\xB8\xAD\xFF") : input.substr(nul + 1);

    std::unique_ptr<llmos::Tokenizer> tokenizer;
    try {
        tokenizer = llmos::loadTokenizerJson(document, "fuzz.json");
    } catch (const llmos::Error &) {
        return 0;
    }
    try {
        const std::vector<std::int32_t> ids = tokenizer->encode(text, true);
        for (const std::int32_t id : ids)
            if (id < 0 || static_cast<std::size_t>(id) >= tokenizer->vocabSize()) __builtin_trap(); // encode made an id decode refuses
        tokenizer->decode(ids, false);
        tokenizer->decode(ids, true);
        tokenizer->encode(text, false);
    } catch (const llmos::Error &) {
    }
    // Hostile ids (taken from the text bytes) must be refused cleanly.
    try {
        std::vector<std::int32_t> ids;
        for (std::size_t i = 0; i + 4 <= text.size() && ids.size() < 64; i += 4)
            ids.push_back(static_cast<std::int32_t>(static_cast<std::uint32_t>(static_cast<unsigned char>(text[i])) |
                                                    static_cast<std::uint32_t>(static_cast<unsigned char>(text[i + 1])) << 8 |
                                                    static_cast<std::uint32_t>(static_cast<unsigned char>(text[i + 2])) << 16 |
                                                    static_cast<std::uint32_t>(static_cast<unsigned char>(text[i + 3])) << 24));
        tokenizer->decode(ids, false);
    } catch (const llmos::Error &) {
    }
    return 0;
}
