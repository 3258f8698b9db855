#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace llmos {

// A tokenizer.json "post_processor": adds the special tokens around an encoded
// single sequence when encode() is asked for them (BOS for Llama, [CLS]/[SEP] for BERT).
class PostProcessor {
public:
    virtual ~PostProcessor() = default;

    virtual std::vector<std::int32_t> process(std::vector<std::int32_t> ids) const = 0;

    // The ids placed before and after the sequence, so the tokenizer can tell its BOS/EOS.
    virtual std::vector<std::int32_t> prefixIds() const = 0;
    virtual std::vector<std::int32_t> suffixIds() const = 0;

    // nullptr for null. Throws Error(Format) or Error(Unsupported) naming the type.
    static std::unique_ptr<PostProcessor> fromJson(const nlohmann::json &object, const std::string &where);
};

} // namespace llmos
