#pragma once

#include "tokenizer/tokenmodel.h"

namespace llmos {

// BERT's WordPiece: greedy longest match from the left, later pieces carry the
// continuing prefix ("##"); a word with any unmatched part, or longer than
// max_input_chars_per_word characters, becomes the unk token.
class WordPieceModel : public TokenModel {
public:
    WordPieceModel(const nlohmann::json &object, const std::string &where, std::size_t idBound, ModelTables *tables = nullptr);

    void tokenize(std::string_view word, std::vector<std::int32_t> &out) const override;

private:
    std::string m_prefix;
    std::size_t m_maxInputChars = 100;
    std::size_t m_longestToken = 0; // bytes; bounds the inner search so long words stay linear
};

} // namespace llmos
