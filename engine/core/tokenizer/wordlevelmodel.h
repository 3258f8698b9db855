#pragma once

#include "tokenizer/tokenmodel.h"

namespace llmos {

// WordLevel: the whole word is a token, or unk.
class WordLevelModel : public TokenModel {
public:
    WordLevelModel(const nlohmann::json &object, const std::string &where, std::size_t idBound, ModelTables *tables = nullptr);

    void tokenize(std::string_view word, std::vector<std::int32_t> &out) const override;
};

} // namespace llmos
