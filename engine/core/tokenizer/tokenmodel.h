#pragma once

#include "tokenizer/vocabulary.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace llmos {

// A tokenizer.json "model": turns one pre-tokenized word into ids.
class TokenModel {
public:
    virtual ~TokenModel() = default;

    // Appends the ids of word (valid UTF-8, non-empty) to out.
    virtual void tokenize(std::string_view word, std::vector<std::int32_t> &out) const = 0;

    const Vocabulary &vocabulary() const noexcept { return m_vocab; }
    std::optional<std::int32_t> unkId() const noexcept { return m_unkId; }

    // BPE or WordPiece; others are Error(Unsupported). idBound limits ids (see Vocabulary).
    static std::unique_ptr<TokenModel> fromJson(const nlohmann::json &object, const std::string &where,
                                                std::size_t idBound);

protected:
    // The id of the unknown token named by the file; Error(Format) when the vocab lacks it.
    static std::int32_t requireUnkToken(const Vocabulary &vocab, const std::string &unk, const std::string &where);

    Vocabulary m_vocab;
    std::optional<std::int32_t> m_unkId;
};

} // namespace llmos
