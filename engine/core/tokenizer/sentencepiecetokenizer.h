#pragma once

#include "tokenizer/addedvocabulary.h"
#include "tokenizer/tokenizer.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace llmos {

// A SentencePiece tokenizer.model, run by libsentencepiece itself so the ids are the
// library's. Extra tokens from tokenizer_config.json (added_tokens_decoder) are
// split out first, like the Hugging Face slow tokenizers do.
//
// libsentencepiece is reached through the module libllmos_sentencepiece.so, loaded on
// first use with dlopen(RTLD_LOCAL | RTLD_DEEPBIND) so its private protobuf never meets
// libtorch's. It is looked for at $LLMOS_SENTENCEPIECE_MODULE, then
// <program folder>/../lib/llmos/, <program folder>/, the build tree and the install
// prefix's lib/llmos/.
class SentencePieceTokenizer : public Tokenizer {
public:
    struct Options {
        std::optional<bool> addBos; // default: when the model has a BOS
        std::optional<bool> addEos; // default: no
        std::vector<AddedToken> addedTokens;
    };

    // Throws Error(Format) when bytes are not a SentencePiece model and
    // Error(Unsupported) when libllmos_sentencepiece.so cannot be loaded.
    static std::unique_ptr<SentencePieceTokenizer> fromSerialized(std::string_view bytes, const std::string &sourceName,
                                                                  const Options &options);
    ~SentencePieceTokenizer() override;

    // Empty when libllmos_sentencepiece.so is loaded (loading it on the first call),
    // else why it cannot be (for `llmos doctor`).
    static std::string unavailableReason();

    std::vector<std::int32_t> encode(std::string_view text, bool addSpecialTokens = true) const override;
    std::size_t vocabSize() const override { return m_vocabSize; }
    std::optional<std::int32_t> tokenToId(std::string_view token) const override;
    bool isSpecial(std::int32_t id) const override;

protected:
    const std::string *tokenOf(std::int32_t id) const override;
    std::string decodeChecked(std::span<const std::int32_t> ids, bool skipSpecialTokens) const override;

private:
    SentencePieceTokenizer();

    struct Processor;
    std::unique_ptr<Processor> m_processor;
    std::vector<std::string> m_pieces;       // by id, so tokenOf can hand out stable strings
    std::vector<bool> m_control;             // by id: a control piece (<s>, </s>)
    AddedVocabulary m_added;
    std::size_t m_pieceCount = 0;
    std::size_t m_vocabSize = 0;
    bool m_addBos = false;
    bool m_addEos = false;
};

} // namespace llmos
