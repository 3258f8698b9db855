#include "architectures/encoderinput.h"

#include "formats/strictjson.h"
#include "tokenizer/tokenizer.h"
#include "util/error.h"
#include "util/mappedfile.h"

#include <algorithm>
#include <optional>

namespace llmos {

namespace {

// A text as the tokenizer wraps it: the special tokens before and after its content.
struct WrappedText {
    std::vector<std::int32_t> prefix, content, suffix;
};

// Finds the content inside the post-processor's wrapping; nullopt when it cannot be told
// apart (a tokenizer whose specials change the content's own tokens).
std::optional<WrappedText> wrapped(const Tokenizer &tokenizer, std::string_view text)
{
    const auto full = tokenizer.encode(text, true);
    WrappedText parts{{}, tokenizer.encode(text, false), {}};
    if (parts.content.size() > full.size())
        return std::nullopt;
    const auto specials = full.size() - parts.content.size();
    for (std::size_t start = 0; start <= specials; ++start) {
        const auto begin = full.begin() + static_cast<std::ptrdiff_t>(start);
        if (!std::equal(parts.content.begin(), parts.content.end(), begin))
            continue;
        parts.prefix.assign(full.begin(), begin);
        parts.suffix.assign(begin + static_cast<std::ptrdiff_t>(parts.content.size()), full.end());
        return parts;
    }
    return std::nullopt;
}

void append(std::vector<std::int32_t> &to, const std::vector<std::int32_t> &ids)
{
    to.insert(to.end(), ids.begin(), ids.end());
}

// Right-padded rows of ids (and token types, when given) into one batch.
EncoderInput batched(const std::vector<std::vector<std::int32_t>> &encoded,
                     const std::vector<std::vector<std::int32_t>> *types)
{
    EncoderInput input;
    std::size_t longest = 0;
    for (const auto &ids : encoded)
        longest = std::max(longest, ids.size());
    const auto rows = static_cast<std::int64_t>(encoded.size());
    input.ids = torch::zeros({rows, static_cast<std::int64_t>(longest)}, torch::kLong);
    input.mask = torch::zeros({rows, static_cast<std::int64_t>(longest)}, torch::kLong);
    if (types)
        input.typeIds = torch::zeros({rows, static_cast<std::int64_t>(longest)}, torch::kLong);
    auto ids = input.ids.accessor<std::int64_t, 2>();
    auto mask = input.mask.accessor<std::int64_t, 2>();
    for (std::int64_t row = 0; row < rows; ++row) {
        input.tokens.push_back(static_cast<std::int64_t>(encoded[row].size()));
        for (std::size_t i = 0; i < encoded[row].size(); ++i) {
            ids[row][static_cast<std::int64_t>(i)] = encoded[row][i];
            mask[row][static_cast<std::int64_t>(i)] = 1;
        }
    }
    if (types) {
        auto typeIds = input.typeIds.accessor<std::int64_t, 2>();
        for (std::int64_t row = 0; row < rows; ++row)
            for (std::size_t i = 0; i < (*types)[row].size(); ++i)
                typeIds[row][static_cast<std::int64_t>(i)] = (*types)[row][i];
    }
    return input;
}

} // namespace

std::vector<std::int32_t> encodeTruncated(const Tokenizer &tokenizer, std::string_view text, std::size_t maxTokens,
                                          bool &truncated)
{
    auto full = tokenizer.encode(text, true);
    truncated = full.size() > maxTokens;
    if (!truncated)
        return full;
    // The post-processor wraps the content in special tokens; the cut falls inside the
    // content so the specials stay.
    if (auto parts = wrapped(tokenizer, text); parts && full.size() - parts->content.size() < maxTokens) {
        parts->content.resize(maxTokens - (full.size() - parts->content.size()));
        std::vector<std::int32_t> kept = parts->prefix;
        append(kept, parts->content);
        append(kept, parts->suffix);
        return kept;
    }
    full.resize(maxTokens); // no recognisable wrapping: keep the head
    return full;
}

EncoderInput encoderPairInput(const Tokenizer &tokenizer, std::span<const std::pair<std::string, std::string>> pairs,
                              std::size_t maxTokens)
{
    if (pairs.empty())
        throw Error(ErrorKind::InvalidInput, "encoder input", "no text pairs given");
    std::vector<std::vector<std::int32_t>> encoded, types;
    std::vector<bool> truncated;
    for (std::size_t i = 0; i < pairs.size(); ++i) {
        const auto where = "encoder input: pair " + std::to_string(i);
        auto first = wrapped(tokenizer, pairs[i].first);
        if (!first)
            throw Error(ErrorKind::Unsupported, where, "the tokenizer's special tokens cannot be told from the text");
        auto second = tokenizer.encode(pairs[i].second, false);
        if (first->content.empty() || second.empty())
            throw Error(ErrorKind::InvalidInput, where, "both texts of a pair must give tokens");
        const auto specials = first->prefix.size() + 2 * first->suffix.size();
        if (specials + 2 > maxTokens)
            throw Error(ErrorKind::InvalidInput, where, "the model reads too few tokens for a pair");
        auto &a = first->content;
        truncated.push_back(a.size() + second.size() + specials > maxTokens);
        while (a.size() + second.size() + specials > maxTokens)
            (a.size() > second.size() ? a : second).pop_back();
        std::vector<std::int32_t> ids = first->prefix;
        append(ids, a);
        append(ids, first->suffix);
        std::vector<std::int32_t> typeIds(ids.size(), 0);
        append(ids, second);
        append(ids, first->suffix);
        typeIds.resize(ids.size(), 1);
        encoded.push_back(std::move(ids));
        types.push_back(std::move(typeIds));
    }
    auto input = batched(encoded, &types);
    input.truncated = std::move(truncated);
    return input;
}

EncoderInput encoderInput(const Tokenizer &tokenizer, std::span<const std::string> texts, std::size_t maxTokens)
{
    if (texts.empty())
        throw Error(ErrorKind::InvalidInput, "encoder input", "no texts given");
    std::vector<std::vector<std::int32_t>> encoded;
    std::vector<bool> truncated;
    for (const auto &text : texts) {
        bool cut = false;
        encoded.push_back(encodeTruncated(tokenizer, text, maxTokens, cut));
        if (encoded.back().empty())
            throw Error(ErrorKind::InvalidInput, "encoder input: text " + std::to_string(encoded.size() - 1),
                        "gives no tokens, and the tokenizer adds no special tokens");
        truncated.push_back(cut);
    }
    auto input = batched(encoded, nullptr);
    input.truncated = std::move(truncated);
    return input;
}

nlohmann::json readJsonFile(const std::string &path)
{
    MappedFile file(path);
    const auto bytes = file.bytes();
    return parseJsonStrict(std::string_view(reinterpret_cast<const char *>(bytes.data()), bytes.size()), path);
}

} // namespace llmos
