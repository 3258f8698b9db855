#include "tokenizer/bpewordcounts.h"

#include "tokenizer/bpetokenizerjson.h"
#include "tokenizer/pretokenizer.h"
#include "tokenizer/textpieces.h"
#include "tokenizer/utf8.h"
#include "util/error.h"

namespace llmos {

BpeWordCounts::BpeWordCounts(std::string_view splitPattern)
{
    try {
        m_preTokenizer = PreTokenizer::fromJson(byteLevelPreTokenizerJson(splitPattern), "split pattern");
    } catch (const Error &e) {
        throw Error(ErrorKind::InvalidInput, e.where(), e.detail() + "; give a regex that PCRE2 compiles");
    }
}

BpeWordCounts::~BpeWordCounts() = default;
BpeWordCounts::BpeWordCounts(BpeWordCounts &&) noexcept = default;
BpeWordCounts &BpeWordCounts::operator=(BpeWordCounts &&) noexcept = default;

void BpeWordCounts::add(std::string_view text)
{
    ++m_documents;
    m_bytes += text.size();
    TextPieces pieces(1);
    pieces.front().atStart = true;
    if (utf8::isValid(text))
        pieces.front().text.assign(text);
    else
        pieces.front().text = utf8::sanitize(text);
    m_preTokenizer->preTokenize(pieces);
    for (TextPiece &piece : pieces) {
        // try_emplace copies the key only for a word not seen before.
        auto [it, inserted] = m_counts.try_emplace(std::move(piece.text), 0);
        ++it->second;
    }
}

} // namespace llmos
