#pragma once

#include "tokenizer/addedvocabulary.h"
#include "tokenizer/decoder.h"
#include "tokenizer/normalizer.h"
#include "tokenizer/postprocessor.h"
#include "tokenizer/pretokenizer.h"
#include "tokenizer/tokenizer.h"
#include "tokenizer/tokenmodel.h"

#include <memory>

namespace llmos {

// A Hugging Face tokenizer.json, run the way the Rust `tokenizers` library runs it:
// added tokens → normalizer → pre-tokenizer → model → post-processor, and the
// decoder on the way back. Truncation and padding settings are ignored: they shape
// batches, not the ids of one text.
class HfTokenizer : public Tokenizer {
public:
    // Throws Error(Format) for malformed documents (where = "source: json.path") and
    // Error(Unsupported) for components we do not implement.
    static std::unique_ptr<HfTokenizer> fromJson(std::string_view text, const std::string &sourceName);

    std::vector<std::int32_t> encode(std::string_view text, bool addSpecialTokens = true) const override;
    std::size_t vocabSize() const override { return m_vocabSize; }
    std::optional<std::int32_t> tokenToId(std::string_view token) const override;
    bool isSpecial(std::int32_t id) const override;

protected:
    const std::string *tokenOf(std::int32_t id) const override;
    std::string decodeChecked(std::span<const std::int32_t> ids, bool skipSpecialTokens) const override;

private:
    // tables: what the fast loader read of the model (null on the DOM-only way).
    HfTokenizer(const nlohmann::json &root, const std::string &sourceName, ModelTables *tables, std::size_t idBound);
    static std::size_t idBoundOf(const nlohmann::json &root, std::size_t vocabEntries);
    void loadAddedTokens(const nlohmann::json &list, const std::string &where);
    void guessSpecialTokens();

    std::unique_ptr<Normalizer> m_normalizer;
    std::unique_ptr<PreTokenizer> m_preTokenizer;
    std::unique_ptr<TokenModel> m_model;
    std::unique_ptr<PostProcessor> m_postProcessor;
    std::unique_ptr<Decoder> m_decoder;
    AddedVocabulary m_added;
    std::size_t m_vocabSize = 0;
    std::size_t m_idBound = 0;
};

} // namespace llmos
