#include "tokenizer/tokenmodel.h"

#include "tokenizer/bpemodel.h"
#include "tokenizer/jsonfields.h"
#include "tokenizer/wordlevelmodel.h"
#include "tokenizer/wordpiecemodel.h"
#include "util/error.h"

#include <fmt/format.h>

namespace llmos {

std::int32_t TokenModel::requireUnkToken(const Vocabulary &vocab, const std::string &unk, const std::string &where)
{
    const auto id = vocab.find(unk);
    if (!id)
        throw Error(ErrorKind::Format, jsonfields::path(where, "unk_token"),
                    fmt::format("the unknown token '{}' is not in model.vocab", unk));
    return *id;
}

Vocabulary TokenModel::loadVocabulary(const nlohmann::json &object, const std::string &where, std::size_t idBound,
                                      ModelTables *tables)
{
    const nlohmann::json &vocab = jsonfields::require(object, "vocab", where);
    if (tables && tables->vocab) {
        Vocabulary read = std::move(*tables->vocab);
        tables->vocab.reset();
        return read;
    }
    return Vocabulary::fromJson(vocab, jsonfields::path(where, "vocab"), idBound);
}

std::unique_ptr<TokenModel> TokenModel::fromJson(const nlohmann::json &object, const std::string &where,
                                                 std::size_t idBound, ModelTables *tables)
{
    jsonfields::requireObject(object, where);
    std::string type;
    if (object.contains("type")) {
        type = jsonfields::typeOf(object, where);
    } else if (object.contains("merges")) { // old files leave the type out
        type = "BPE";
    } else if (object.contains("max_input_chars_per_word")) {
        type = "WordPiece";
    } else {
        throw Error(ErrorKind::Format, where, "the model has no 'type' and is not recognisable as BPE or WordPiece");
    }
    if (type == "BPE") return std::make_unique<BpeModel>(object, where, idBound, tables);
    if (type == "WordPiece") return std::make_unique<WordPieceModel>(object, where, idBound, tables);
    if (type == "WordLevel") return std::make_unique<WordLevelModel>(object, where, idBound, tables);
    throw Error(ErrorKind::Unsupported, jsonfields::path(where, "type"),
                fmt::format("model type '{}' is not supported (BPE, WordPiece and WordLevel are)", type));
}

} // namespace llmos
