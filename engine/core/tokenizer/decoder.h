#pragma once

#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <vector>

namespace llmos {

// A tokenizer.json "decoder": turns the token strings of a decode() back into text.
// Works on the list as a whole (like decode_chain in the Rust library) because some
// steps join tokens (ByteLevel, Fuse, ByteFallback).
class Decoder {
public:
    virtual ~Decoder() = default;
    virtual void decodeChain(std::vector<std::string> &tokens) const = 0;

    // decodeChain, then the pieces joined.
    std::string decode(std::vector<std::string> tokens) const;

    // nullptr for null. Throws Error(Format) or Error(Unsupported) naming the type.
    static std::unique_ptr<Decoder> fromJson(const nlohmann::json &object, const std::string &where);
};

} // namespace llmos
