#include "tokenizer/sentencepiecetokenizer.h"

#include "tokenizer/utf8.h"
#include "util/error.h"

#include <fmt/format.h>

#ifdef LLMOS_HAVE_SENTENCEPIECE
#include <sentencepiece_processor.h>
#endif

namespace llmos {

#ifdef LLMOS_HAVE_SENTENCEPIECE

struct SentencePieceTokenizer::Processor {
    sentencepiece::SentencePieceProcessor sp;
};

SentencePieceTokenizer::SentencePieceTokenizer() : m_processor(std::make_unique<Processor>()) {}
SentencePieceTokenizer::~SentencePieceTokenizer() = default;

std::unique_ptr<SentencePieceTokenizer> SentencePieceTokenizer::fromSerialized(std::string_view bytes,
                                                                              const std::string &sourceName,
                                                                              const Options &options)
{
    std::unique_ptr<SentencePieceTokenizer> t(new SentencePieceTokenizer());
    const auto status = t->m_processor->sp.LoadFromSerializedProto(bytes);
    if (!status.ok())
        throw Error(ErrorKind::Format, sourceName,
                    fmt::format("not a readable SentencePiece model: {}", status.ToString()));
    const auto &sp = t->m_processor->sp;
    t->m_pieceCount = static_cast<std::size_t>(std::max(0, sp.GetPieceSize()));
    t->m_vocabSize = t->m_pieceCount;
    for (const AddedToken &token : options.addedTokens) {
        // An added token either names a piece of the model or extends the vocabulary.
        if (static_cast<std::size_t>(token.id) < t->m_pieceCount) {
            if (sp.IdToPiece(token.id) != token.content)
                throw Error(ErrorKind::Format, sourceName,
                            fmt::format("added token '{}' has id {}, which the model gives to '{}'", token.content,
                                        token.id, sp.IdToPiece(token.id)));
        } else if (static_cast<std::size_t>(token.id) >= t->m_pieceCount + options.addedTokens.size()) {
            throw Error(ErrorKind::Format, sourceName,
                        fmt::format("added token '{}' has id {}, beyond the vocabulary of {} pieces", token.content,
                                    token.id, t->m_pieceCount));
        }
        t->m_vocabSize = std::max(t->m_vocabSize, static_cast<std::size_t>(token.id) + 1);
        AddedToken raw = token;
        raw.normalized = false; // SentencePiece normalizes inside Encode; match on the raw text
        t->m_added.add(std::move(raw));
    }
    t->m_added.finalize(nullptr);
    t->m_addBos = options.addBos.value_or(true) && sp.bos_id() >= 0;
    t->m_addEos = options.addEos.value_or(false) && sp.eos_id() >= 0;
    auto id = [](int v) -> std::optional<std::int32_t> { return v >= 0 ? std::optional<std::int32_t>(v) : std::nullopt; };
    t->m_special = {id(sp.bos_id()), id(sp.eos_id()), id(sp.pad_id()), id(sp.unk_id())};
    return t;
}

std::vector<std::int32_t> SentencePieceTokenizer::encode(std::string_view text, bool addSpecialTokens) const
{
    TextPieces pieces;
    std::string clean = utf8::sanitize(text);
    if (!clean.empty()) pieces.push_back({std::move(clean), -1, true});
    m_added.splitRaw(pieces);

    std::vector<std::int32_t> ids;
    if (addSpecialTokens && m_addBos) ids.push_back(m_processor->sp.bos_id());
    std::vector<int> part;
    for (const TextPiece &piece : pieces) {
        if (piece.isToken()) {
            ids.push_back(piece.id);
            continue;
        }
        part.clear();
        const auto status = m_processor->sp.Encode(piece.text, &part);
        if (!status.ok())
            throw Error(ErrorKind::Internal, "SentencePiece", fmt::format("encoding failed: {}", status.ToString()));
        ids.insert(ids.end(), part.begin(), part.end());
    }
    if (addSpecialTokens && m_addEos) ids.push_back(m_processor->sp.eos_id());
    return ids;
}

std::optional<std::int32_t> SentencePieceTokenizer::tokenToId(std::string_view token) const
{
    if (const AddedToken *added = m_added.byContent(token)) return added->id;
    const int id = m_processor->sp.PieceToId(token);
    // PieceToId answers unk for anything unknown; only the unk piece itself maps to it.
    if (id == m_processor->sp.unk_id() && m_processor->sp.IdToPiece(id) != token) return std::nullopt;
    return id;
}

bool SentencePieceTokenizer::isSpecial(std::int32_t id) const
{
    if (const AddedToken *added = m_added.byId(id)) return added->special;
    return static_cast<std::size_t>(id) < m_pieceCount && m_processor->sp.IsControl(id);
}

const std::string *SentencePieceTokenizer::tokenOf(std::int32_t id) const
{
    if (const AddedToken *added = m_added.byId(id)) return &added->content;
    if (id < 0 || static_cast<std::size_t>(id) >= m_pieceCount) return nullptr;
    return &m_processor->sp.IdToPiece(id);
}

std::string SentencePieceTokenizer::decodeChecked(std::span<const std::int32_t> ids, bool skipSpecialTokens) const
{
    // SentencePiece drops control pieces (<s>, </s>) when decoding, so runs of
    // ordinary ids go to it and special tokens are written (or skipped) here.
    std::string out;
    std::vector<int> run;
    auto flush = [&]() {
        if (run.empty()) return;
        std::string text;
        const auto status = m_processor->sp.Decode(run, &text);
        if (!status.ok())
            throw Error(ErrorKind::Internal, "SentencePiece", fmt::format("decoding failed: {}", status.ToString()));
        out += text;
        run.clear();
    };
    for (const std::int32_t id : ids) {
        const AddedToken *added = m_added.byId(id);
        const bool special = isSpecial(id);
        if (!added && !special) {
            run.push_back(id);
            continue;
        }
        flush();
        if (!(skipSpecialTokens && special)) out += *tokenOf(id);
    }
    flush();
    return out;
}

#else

struct SentencePieceTokenizer::Processor {};

SentencePieceTokenizer::SentencePieceTokenizer() = default;
SentencePieceTokenizer::~SentencePieceTokenizer() = default;

std::unique_ptr<SentencePieceTokenizer> SentencePieceTokenizer::fromSerialized(std::string_view, const std::string &sourceName,
                                                                              const Options &)
{
    throw Error(ErrorKind::Unsupported, sourceName,
                "this build has no SentencePiece library, so tokenizer.model files cannot be read; use the model's "
                "tokenizer.json instead");
}

std::vector<std::int32_t> SentencePieceTokenizer::encode(std::string_view, bool) const { return {}; }
std::optional<std::int32_t> SentencePieceTokenizer::tokenToId(std::string_view) const { return std::nullopt; }
bool SentencePieceTokenizer::isSpecial(std::int32_t) const { return false; }
const std::string *SentencePieceTokenizer::tokenOf(std::int32_t) const { return nullptr; }
std::string SentencePieceTokenizer::decodeChecked(std::span<const std::int32_t>, bool) const { return {}; }

#endif

} // namespace llmos
