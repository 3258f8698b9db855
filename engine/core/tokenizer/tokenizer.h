#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace llmos {

// Ids of the special tokens a model uses, where the files say (or we can tell).
struct SpecialTokenIds {
    std::optional<std::int32_t> bos;
    std::optional<std::int32_t> eos;
    std::optional<std::int32_t> pad;
    std::optional<std::int32_t> unk;
};

// Text to token ids and back. Implementations are immutable after loading, so one
// tokenizer can serve several threads.
class Tokenizer {
public:
    virtual ~Tokenizer() = default;

    // Invalid UTF-8 in text is replaced by U+FFFD first (never an exception for
    // that). addSpecialTokens adds what the model wants around a sequence (BOS, or
    // [CLS] ... [SEP]). Throws Error(InvalidInput) only when a regex of the tokenizer
    // runs out of its backtracking budget on this text.
    virtual std::vector<std::int32_t> encode(std::string_view text, bool addSpecialTokens = true) const = 0;

    // Throws Error(InvalidInput) naming the id and its position when an id is
    // negative, >= vocabSize() or has no token.
    std::string decode(std::span<const std::int32_t> ids, bool skipSpecialTokens = false) const;

    // One past the largest id.
    virtual std::size_t vocabSize() const = 0;
    // Throws Error(InvalidInput) like decode().
    std::string idToToken(std::int32_t id) const;
    virtual std::optional<std::int32_t> tokenToId(std::string_view token) const = 0;
    // Special tokens are dropped by decode(ids, true).
    virtual bool isSpecial(std::int32_t id) const = 0;

    const SpecialTokenIds &specialTokens() const noexcept { return m_special; }
    // The loader fills in what tokenizer_config.json says.
    void setSpecialTokens(const SpecialTokenIds &ids) { m_special = ids; }

protected:
    // The token string of id, nullptr where there is none.
    virtual const std::string *tokenOf(std::int32_t id) const = 0;
    // decode() once every id has been checked.
    virtual std::string decodeChecked(std::span<const std::int32_t> ids, bool skipSpecialTokens) const = 0;

    SpecialTokenIds m_special;

private:
    const std::string &checkedToken(std::int32_t id, const std::string &where) const;
};

} // namespace llmos
