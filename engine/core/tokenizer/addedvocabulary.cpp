#include "tokenizer/addedvocabulary.h"

#include "tokenizer/normalizer.h"
#include "tokenizer/unicodeprops.h"
#include "tokenizer/utf8.h"

#include <algorithm>

namespace llmos {

void AddedVocabulary::add(AddedToken token)
{
    if (token.content.empty()) return; // the Rust library ignores empty tokens too
    const auto it = m_byContent.find(token.content);
    if (it != m_byContent.end()) {
        m_byId.erase(m_tokens[it->second].id);
        m_byId[token.id] = it->second;
        m_tokens[it->second] = std::move(token);
        return;
    }
    m_byContent.emplace(token.content, m_tokens.size());
    m_byId[token.id] = m_tokens.size();
    m_tokens.push_back(std::move(token));
}

void AddedVocabulary::finalize(const Normalizer *normalizer)
{
    m_raw.clear();
    m_normalized.clear();
    for (std::size_t i = 0; i < m_tokens.size(); ++i) {
        const AddedToken &t = m_tokens[i];
        if (!t.normalized)
            m_raw.insert(t.content, i);
        else
            m_normalized.insert(normalizer ? normalizer->normalize(t.content) : t.content, i);
    }
}

const AddedToken *AddedVocabulary::byId(std::int32_t id) const
{
    const auto it = m_byId.find(id);
    return it == m_byId.end() ? nullptr : &m_tokens[it->second];
}

const AddedToken *AddedVocabulary::byContent(std::string_view content) const
{
    const auto it = m_byContent.find(std::string(content));
    return it == m_byContent.end() ? nullptr : &m_tokens[it->second];
}

void AddedVocabulary::Matcher::clear()
{
    m_nodes.assign(1, Node{});
    std::fill(std::begin(m_firstByte), std::end(m_firstByte), false);
}

void AddedVocabulary::Matcher::insert(std::string_view text, std::size_t tokenIndex)
{
    if (text.empty()) return;
    if (m_nodes.empty()) m_nodes.emplace_back();
    m_firstByte[static_cast<unsigned char>(text[0])] = true;
    std::int32_t node = 0;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        std::int32_t child = -1;
        for (const auto &[b, index] : m_nodes[static_cast<std::size_t>(node)].children)
            if (b == byte) child = index;
        if (child < 0) {
            child = static_cast<std::int32_t>(m_nodes.size());
            m_nodes[static_cast<std::size_t>(node)].children.emplace_back(byte, child);
            m_nodes.emplace_back();
        }
        node = child;
    }
    // Two tokens that normalize to the same text: the first keeps the match.
    if (m_nodes[static_cast<std::size_t>(node)].token < 0)
        m_nodes[static_cast<std::size_t>(node)].token = static_cast<std::int32_t>(tokenIndex);
}

std::pair<std::int32_t, std::size_t> AddedVocabulary::Matcher::longestAt(std::string_view text, std::size_t pos) const
{
    std::pair<std::int32_t, std::size_t> best{-1, 0};
    std::int32_t node = 0;
    for (std::size_t i = pos; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        std::int32_t child = -1;
        for (const auto &[b, index] : m_nodes[static_cast<std::size_t>(node)].children)
            if (b == byte) {
                child = index;
                break;
            }
        if (child < 0) break;
        node = child;
        if (m_nodes[static_cast<std::size_t>(node)].token >= 0) best = {m_nodes[static_cast<std::size_t>(node)].token, i + 1 - pos};
    }
    return best;
}

namespace {

bool isWordChar(char32_t cp)
{
    return cp == '_' || unicode::isAlphanumeric(cp);
}

} // namespace

void AddedVocabulary::Matcher::splitOne(const TextPiece &piece, const std::vector<AddedToken> &tokens, TextPieces &out) const
{
    const std::string &text = piece.text;
    std::size_t emitted = 0; // text before this offset has been handed out
    std::size_t pos = 0;
    auto emitText = [&](std::size_t begin, std::size_t end) {
        if (begin < end) out.push_back({text.substr(begin, end - begin), -1, piece.atStart && begin == 0});
    };
    while (pos < text.size()) {
        if (!m_firstByte[static_cast<unsigned char>(text[pos])]) {
            ++pos;
            continue;
        }
        const auto [index, length] = longestAt(text, pos);
        if (index < 0) {
            ++pos;
            continue;
        }
        const AddedToken &token = tokens[static_cast<std::size_t>(index)];
        std::size_t start = pos;
        std::size_t stop = pos + length;
        pos = stop; // a match we then discard still consumes its text, as in the Rust iterator
        if (token.singleWord) {
            bool startOk = start == 0;
            if (!startOk) {
                std::size_t p = start;
                startOk = !isWordChar(utf8::previous(text, p));
            }
            bool stopOk = stop == text.size();
            if (!stopOk) {
                std::size_t p = stop;
                stopOk = !isWordChar(utf8::next(text, p));
            }
            if (!startOk || !stopOk) continue;
        }
        if (token.lstrip) {
            std::size_t s = start;
            while (s > emitted) {
                std::size_t p = s;
                if (!unicode::isWhitespace(utf8::previous(text, p))) break;
                s = p;
            }
            start = s;
        }
        if (token.rstrip) {
            while (stop < text.size()) {
                std::size_t p = stop;
                if (!unicode::isWhitespace(utf8::next(text, p))) break;
                stop = p;
            }
            pos = std::max(pos, stop);
        }
        emitText(emitted, start);
        out.push_back({text.substr(start, stop - start), token.id, piece.atStart && start == 0});
        emitted = stop;
    }
    emitText(emitted, text.size());
}

void AddedVocabulary::Matcher::split(TextPieces &pieces, const std::vector<AddedToken> &tokens) const
{
    if (m_nodes.size() <= 1) return;
    splitTextPieces(pieces, [&](const TextPiece &piece, TextPieces &out) { splitOne(piece, tokens, out); });
}

} // namespace llmos
