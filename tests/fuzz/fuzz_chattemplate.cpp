// libFuzzer entry for the chat-template interpreter (engine/core/chat). Input: the bytes
// of a template, rendered against a fixed small conversation with tight budgets. Every
// failure must be an llmos::Error; anything else (a crash, another exception, a hang,
// runaway memory) is a bug.

#include "chat/chattemplate.h"
#include "util/error.h"

#include <cstddef>
#include <cstdint>
#include <string>

namespace {

const nlohmann::ordered_json &variables()
{
    static const nlohmann::ordered_json value = nlohmann::ordered_json::parse(R"({
        "messages": [
            {"role": "system", "content": "You are helpful."},
            {"role": "user", "content": "Hi {{ x }} \u00e9 \ud83c\udf0d"},
            {"role": "assistant", "content": null, "tool_calls": [{"id": "call12345", "type": "function",
                "function": {"name": "f", "arguments": {"a": [1, 2.5, true, null]}}}]},
            {"role": "tool", "tool_call_id": "call12345", "content": "42"},
            {"role": "user", "content": [{"type": "text", "text": "parts"}, {"type": "image"}]}
        ],
        "tools": [{"type": "function", "function": {"name": "f", "description": "d", "parameters": {"type": "object"}}}],
        "bos_token": "<s>", "eos_token": "</s>", "add_generation_prompt": true
    })");
    return value;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    // Small budgets keep each input fast, so the fuzzer explores rather than waits.
    llmos::ChatTemplateLimits limits;
    limits.maxSteps = 200'000;
    limits.maxOutputBytes = 1 << 20;
    llmos::ChatRenderOptions options;
    options.now = 1721999100;
    try {
        const llmos::ChatTemplate chatTemplate(std::string(reinterpret_cast<const char *>(data), size), "fuzz.jinja", limits);
        const std::string output = chatTemplate.render(variables(), options);
        if (output.size() > limits.maxOutputBytes) __builtin_trap(); // the output budget did not hold
    } catch (const llmos::Error &) {
    }
    return 0;
}
