#include "tokenizer/tokenizer.h"

#include "util/error.h"

#include <fmt/format.h>

namespace llmos {

const std::string &Tokenizer::checkedToken(std::int32_t id, const std::string &where) const
{
    const std::size_t size = vocabSize();
    if (id < 0 || static_cast<std::size_t>(id) >= size)
        throw Error(ErrorKind::InvalidInput, where,
                    fmt::format("token id {} is outside the vocabulary (valid ids are 0 to {})", id,
                                size == 0 ? 0 : size - 1));
    const std::string *token = tokenOf(id);
    if (!token)
        throw Error(ErrorKind::InvalidInput, where,
                    fmt::format("token id {} is not used by this vocabulary", id));
    return *token;
}

std::string Tokenizer::decode(std::span<const std::int32_t> ids, bool skipSpecialTokens) const
{
    for (std::size_t i = 0; i < ids.size(); ++i) checkedToken(ids[i], fmt::format("token ids[{}]", i));
    return decodeChecked(ids, skipSpecialTokens);
}

std::string Tokenizer::idToToken(std::int32_t id) const
{
    return checkedToken(id, "token id");
}

} // namespace llmos
