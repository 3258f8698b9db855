#include "tokenizer/hftokenizer.h"

#include "formats/strictjson.h"
#include "tokenizer/jsonfields.h"
#include "tokenizer/tokenizerjson.h"
#include "tokenizer/utf8.h"
#include "util/error.h"

#include <fmt/format.h>

#include <algorithm>

namespace llmos {

namespace jf = jsonfields;
using nlohmann::json;

std::unique_ptr<HfTokenizer> HfTokenizer::fromJson(std::string_view text, const std::string &sourceName)
{
    // The fast way (tokenizerjson.h) when the document is plainly well formed. Its
    // vocabulary is built, and so checked, before anything else is looked at: a
    // repeated token there is a duplicate key, which parseJsonStrict would report
    // before any other problem.
    if (auto parts = readTokenizerJson(text)) {
        ModelTables tables;
        bool usable = true;
        const std::size_t idBound = idBoundOf(parts->root, parts->vocab ? parts->vocab->entries.size() : 0);
        if (parts->vocab) {
            tables.vocab = Vocabulary::fromEntries(*parts->vocab, idBound);
            usable = tables.vocab.has_value();
            parts->vocab.reset();
        }
        tables.merges = std::move(parts->merges);
        if (usable) return std::unique_ptr<HfTokenizer>(new HfTokenizer(parts->root, sourceName, &tables, idBound));
    }
    const json root = parseJsonStrict(text, sourceName);
    return std::unique_ptr<HfTokenizer>(new HfTokenizer(root, sourceName, nullptr, 0));
}

// Real files leave holes in their ids (cl100k skips a few), but a file must not
// claim id 2^31 and make us allocate for it: ids stay below twice the number of
// tokens it lists (plus some slack), so memory follows the size of the document.
std::size_t HfTokenizer::idBoundOf(const json &root, std::size_t vocabEntries)
{
    std::size_t listed = vocabEntries;
    if (root.is_object()) {
        if (const auto added = root.find("added_tokens"); added != root.end() && added->is_array()) listed += added->size();
        if (const auto model = root.find("model"); model != root.end() && model->is_object())
            if (const auto vocab = model->find("vocab"); vocab != model->end() && vocab->is_object()) listed += vocab->size();
    }
    return 2 * listed + 1024;
}

HfTokenizer::HfTokenizer(const json &root, const std::string &where, ModelTables *tables, std::size_t idBound)
{
    jf::requireObject(root, where);
    auto field = [&root](const char *key) -> const json & {
        static const json null;
        const auto it = root.find(key);
        return it == root.end() ? null : *it;
    };
    const json &added = field("added_tokens");
    if (!added.is_null() && !added.is_array())
        throw Error(ErrorKind::Format, jf::path(where, "added_tokens"), "expected a list of added tokens");

    const json &model = jf::require(root, "model", where);
    jf::requireObject(model, jf::path(where, "model"));
    m_idBound = tables ? idBound : idBoundOf(root, 0);

    m_normalizer = Normalizer::fromJson(field("normalizer"), jf::path(where, "normalizer"));
    m_preTokenizer = PreTokenizer::fromJson(field("pre_tokenizer"), jf::path(where, "pre_tokenizer"));
    m_model = TokenModel::fromJson(model, jf::path(where, "model"), m_idBound, tables);
    m_postProcessor = PostProcessor::fromJson(field("post_processor"), jf::path(where, "post_processor"));
    m_decoder = Decoder::fromJson(field("decoder"), jf::path(where, "decoder"));
    m_vocabSize = static_cast<std::size_t>(m_model->vocabulary().idLimit());
    if (added.is_array()) loadAddedTokens(added, jf::path(where, "added_tokens"));
    m_added.finalize(m_normalizer.get());

    if (m_postProcessor) {
        std::vector<std::int32_t> ids = m_postProcessor->prefixIds();
        const auto suffix = m_postProcessor->suffixIds();
        ids.insert(ids.end(), suffix.begin(), suffix.end());
        for (const std::int32_t id : ids)
            if (!tokenOf(id))
                throw Error(ErrorKind::Format, jf::path(where, "post_processor"),
                            fmt::format("adds token id {}, which is not in the vocabulary", id));
    }
    guessSpecialTokens();
}

void HfTokenizer::loadAddedTokens(const json &list, const std::string &where)
{
    const Vocabulary &vocab = m_model->vocabulary();
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string at = jf::path(where, i);
        const json &entry = list[i];
        AddedToken token;
        token.id = jf::asTokenId(jf::require(entry, "id", at), jf::path(at, "id"));
        token.content = jf::getString(entry, "content", at);
        token.special = jf::optBool(entry, "special", false, at);
        token.normalized = jf::optBool(entry, "normalized", !token.special, at);
        token.lstrip = jf::optBool(entry, "lstrip", false, at);
        token.rstrip = jf::optBool(entry, "rstrip", false, at);
        token.singleWord = jf::optBool(entry, "single_word", false, at);
        if (!utf8::isValid(token.content)) throw Error(ErrorKind::Format, jf::path(at, "content"), "not valid UTF-8");
        if (static_cast<std::size_t>(token.id) >= m_idBound)
            throw Error(ErrorKind::Format, jf::path(at, "id"),
                        fmt::format("added token '{}' has id {}, far beyond the vocabulary ({} model tokens and {} "
                                    "added tokens, so ids must be below {})",
                                    token.content, token.id, vocab.size(), list.size(), m_idBound));
        if (const auto modelId = vocab.find(token.content); modelId && *modelId != token.id)
            throw Error(ErrorKind::Format, jf::path(at, "id"),
                        fmt::format("added token '{}' has id {} but model.vocab gives it id {}", token.content,
                                    token.id, *modelId));
        if (const std::string *other = vocab.token(token.id); other && *other != token.content)
            throw Error(ErrorKind::Format, jf::path(at, "id"),
                        fmt::format("added token '{}' has id {}, which model.vocab gives to '{}'", token.content,
                                    token.id, *other));
        if (const AddedToken *other = m_added.byId(token.id); other && other->content != token.content)
            throw Error(ErrorKind::Format, jf::path(at, "id"),
                        fmt::format("added tokens '{}' and '{}' both have id {}", other->content, token.content, token.id));
        m_vocabSize = std::max(m_vocabSize, static_cast<std::size_t>(token.id) + 1);
        m_added.add(std::move(token));
    }
}

// tokenizer.json does not name BOS/EOS; the post-processor and the unk token tell
// most of it. tokenizer_config.json, when the loader finds one, overrides this.
void HfTokenizer::guessSpecialTokens()
{
    m_special.unk = m_model->unkId();
    if (m_postProcessor) {
        const auto prefix = m_postProcessor->prefixIds();
        const auto suffix = m_postProcessor->suffixIds();
        if (!prefix.empty()) m_special.bos = prefix.front();
        if (!suffix.empty()) m_special.eos = suffix.back();
    }
    auto firstOf = [this](std::initializer_list<std::string_view> names) -> std::optional<std::int32_t> {
        for (const auto name : names)
            if (const auto id = tokenToId(name)) return id;
        return std::nullopt;
    };
    if (!m_special.bos) m_special.bos = firstOf({"<s>", "<|begin_of_text|>", "<bos>", "[CLS]"});
    if (!m_special.eos) m_special.eos = firstOf({"</s>", "<|end_of_text|>", "<|endoftext|>", "<eos>", "[SEP]"});
    if (!m_special.pad) m_special.pad = firstOf({"<pad>", "[PAD]", "<|pad|>"});
}

std::vector<std::int32_t> HfTokenizer::encode(std::string_view text, bool addSpecialTokens) const
{
    TextPieces pieces;
    std::string clean = utf8::sanitize(text);
    const std::size_t length = clean.size();
    if (!clean.empty()) pieces.push_back({std::move(clean), -1, true});

    m_added.splitRaw(pieces);
    if (m_normalizer)
        splitTextPieces(pieces, [this](const TextPiece &piece, TextPieces &out) {
            out.push_back({m_normalizer->normalize(piece.text), -1, piece.atStart});
        });
    m_added.splitNormalized(pieces);
    if (m_preTokenizer) m_preTokenizer->preTokenize(pieces);

    std::vector<std::int32_t> ids;
    ids.reserve(length / 3 + 8);
    for (const TextPiece &piece : pieces) {
        if (piece.isToken())
            ids.push_back(piece.id);
        else
            m_model->tokenize(piece.text, ids);
    }
    if (addSpecialTokens && m_postProcessor) ids = m_postProcessor->process(std::move(ids));
    return ids;
}

std::optional<std::int32_t> HfTokenizer::tokenToId(std::string_view token) const
{
    if (const AddedToken *added = m_added.byContent(token)) return added->id;
    return m_model->vocabulary().find(token);
}

bool HfTokenizer::isSpecial(std::int32_t id) const
{
    const AddedToken *added = m_added.byId(id);
    return added && added->special;
}

const std::string *HfTokenizer::tokenOf(std::int32_t id) const
{
    if (const AddedToken *added = m_added.byId(id)) return &added->content;
    return m_model->vocabulary().token(id);
}

std::string HfTokenizer::decodeChecked(std::span<const std::int32_t> ids, bool skipSpecialTokens) const
{
    std::vector<std::string> tokens;
    tokens.reserve(ids.size());
    for (const std::int32_t id : ids) {
        const std::string *token = tokenOf(id);
        // The Rust library asks "is this token's text a special token", not "is this id".
        if (skipSpecialTokens) {
            const AddedToken *added = m_added.byContent(*token);
            if (added && added->special) continue;
        }
        tokens.push_back(*token);
    }
    if (m_decoder) return m_decoder->decode(std::move(tokens));
    std::string out;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (i) out.push_back(' ');
        out += tokens[i];
    }
    return out;
}

} // namespace llmos
