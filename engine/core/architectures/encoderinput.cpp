#include "architectures/encoderinput.h"

#include "formats/strictjson.h"
#include "tokenizer/tokenizer.h"
#include "util/error.h"
#include "util/mappedfile.h"

#include <algorithm>

namespace llmos {

std::vector<std::int32_t> encodeTruncated(const Tokenizer &tokenizer, std::string_view text, std::size_t maxTokens,
                                          bool &truncated)
{
    auto full = tokenizer.encode(text, true);
    truncated = full.size() > maxTokens;
    if (!truncated)
        return full;
    // The post-processor wraps the content in special tokens; find where the content
    // starts so the cut falls inside it and the specials stay.
    const auto content = tokenizer.encode(text, false);
    if (content.size() < full.size() && full.size() - content.size() < maxTokens) {
        const auto specials = full.size() - content.size();
        for (std::size_t start = 0; start <= specials; ++start) {
            if (!std::equal(content.begin(), content.end(), full.begin() + static_cast<std::ptrdiff_t>(start)))
                continue;
            std::vector<std::int32_t> kept(full.begin(), full.begin() + static_cast<std::ptrdiff_t>(start));
            kept.insert(kept.end(), content.begin(),
                        content.begin() + static_cast<std::ptrdiff_t>(maxTokens - specials));
            kept.insert(kept.end(), full.begin() + static_cast<std::ptrdiff_t>(start + content.size()), full.end());
            return kept;
        }
    }
    full.resize(maxTokens); // no recognisable wrapping: keep the head
    return full;
}

EncoderInput encoderInput(const Tokenizer &tokenizer, std::span<const std::string> texts, std::size_t maxTokens)
{
    if (texts.empty())
        throw Error(ErrorKind::InvalidInput, "encoder input", "no texts given");
    std::vector<std::vector<std::int32_t>> encoded;
    EncoderInput input;
    std::size_t longest = 0;
    for (const auto &text : texts) {
        bool truncated = false;
        encoded.push_back(encodeTruncated(tokenizer, text, maxTokens, truncated));
        if (encoded.back().empty())
            throw Error(ErrorKind::InvalidInput, "encoder input: text " + std::to_string(input.tokens.size()),
                        "gives no tokens, and the tokenizer adds no special tokens");
        input.tokens.push_back(static_cast<std::int64_t>(encoded.back().size()));
        input.truncated.push_back(truncated);
        longest = std::max(longest, encoded.back().size());
    }
    const auto rows = static_cast<std::int64_t>(texts.size());
    input.ids = torch::zeros({rows, static_cast<std::int64_t>(longest)}, torch::kLong);
    input.mask = torch::zeros({rows, static_cast<std::int64_t>(longest)}, torch::kLong);
    auto ids = input.ids.accessor<std::int64_t, 2>();
    auto mask = input.mask.accessor<std::int64_t, 2>();
    for (std::int64_t row = 0; row < rows; ++row)
        for (std::size_t i = 0; i < encoded[row].size(); ++i) {
            ids[row][static_cast<std::int64_t>(i)] = encoded[row][i];
            mask[row][static_cast<std::int64_t>(i)] = 1;
        }
    return input;
}

nlohmann::json readJsonFile(const std::string &path)
{
    MappedFile file(path);
    const auto bytes = file.bytes();
    return parseJsonStrict(std::string_view(reinterpret_cast<const char *>(bytes.data()), bytes.size()), path);
}

} // namespace llmos
