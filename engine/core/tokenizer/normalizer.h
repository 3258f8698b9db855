#pragma once

#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <string_view>

namespace llmos {

// A tokenizer.json "normalizer": rewrites text (valid UTF-8) before pre-tokenization.
class Normalizer {
public:
    virtual ~Normalizer() = default;
    virtual std::string normalize(std::string_view text) const = 0;

    // Builds the normalizer a tokenizer.json object describes (null gives nullptr).
    // Throws Error(Format) for malformed objects and Error(Unsupported) for types we
    // do not implement, naming the type.
    static std::unique_ptr<Normalizer> fromJson(const nlohmann::json &object, const std::string &where);
};

} // namespace llmos
