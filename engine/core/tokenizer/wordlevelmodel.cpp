#include "tokenizer/wordlevelmodel.h"

#include "tokenizer/jsonfields.h"

namespace llmos {

namespace jf = jsonfields;
using nlohmann::json;

WordLevelModel::WordLevelModel(const json &object, const std::string &where, std::size_t idBound, ModelTables *tables)
{
    m_vocab = loadVocabulary(object, where, idBound, tables);
    m_unkId = requireUnkToken(m_vocab, jf::optString(object, "unk_token", where).value_or("<unk>"), where);
}

void WordLevelModel::tokenize(std::string_view word, std::vector<std::int32_t> &out) const
{
    out.push_back(m_vocab.find(word).value_or(*m_unkId));
}

} // namespace llmos
