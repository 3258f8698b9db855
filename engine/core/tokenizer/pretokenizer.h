#pragma once

#include "tokenizer/textpieces.h"

#include <nlohmann/json.hpp>

#include <memory>
#include <string>

namespace llmos {

// A tokenizer.json "pre_tokenizer": cuts normalized text into the words the model
// tokenizes one by one.
class PreTokenizer {
public:
    virtual ~PreTokenizer() = default;

    // Splits one text piece and appends the parts to out.
    virtual void split(const TextPiece &piece, TextPieces &out) const = 0;

    // Splits every text piece of pieces in place; token pieces stay as they are.
    void preTokenize(TextPieces &pieces) const;

    // nullptr for null. Throws Error(Format) or Error(Unsupported) naming the type.
    static std::unique_ptr<PreTokenizer> fromJson(const nlohmann::json &object, const std::string &where);
};

} // namespace llmos
