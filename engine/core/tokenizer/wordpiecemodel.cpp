#include "tokenizer/wordpiecemodel.h"

#include "tokenizer/jsonfields.h"
#include "tokenizer/utf8.h"


#include <algorithm>

namespace llmos {

namespace jf = jsonfields;
using nlohmann::json;


WordPieceModel::WordPieceModel(const json &object, const std::string &where, std::size_t idBound, ModelTables *tables)
{
    m_vocab = loadVocabulary(object, where, idBound, tables);
    m_prefix = jf::optString(object, "continuing_subword_prefix", where).value_or("##");
    m_maxInputChars = jf::optUnsigned(object, "max_input_chars_per_word", 100, where);
    m_unkId = requireUnkToken(m_vocab, jf::optString(object, "unk_token", where).value_or("[UNK]"), where);
    m_vocab.forEach([this](const std::string &token, std::int32_t) { m_longestToken = std::max(m_longestToken, token.size()); });
}

void WordPieceModel::tokenize(std::string_view word, std::vector<std::int32_t> &out) const
{
    if (utf8::countCodePoints(word) > m_maxInputChars) {
        out.push_back(*m_unkId);
        return;
    }
    const std::size_t first = out.size();
    std::string candidate;
    std::size_t start = 0;
    while (start < word.size()) {
        // No token is longer than m_longestToken bytes, so longer candidates cannot match.
        std::size_t end = std::min(word.size(), start + m_longestToken);
        while (end < word.size() && (static_cast<unsigned char>(word[end]) & 0xC0) == 0x80) --end; // char boundary
        std::optional<std::int32_t> found;
        while (end > start) {
            candidate.clear();
            if (start > 0) candidate += m_prefix;
            candidate.append(word.substr(start, end - start));
            if ((found = m_vocab.find(candidate))) break;
            utf8::previous(word, end);
        }
        if (!found) {
            out.resize(first);
            out.push_back(*m_unkId);
            return;
        }
        out.push_back(*found);
        start = end;
    }
}

} // namespace llmos
