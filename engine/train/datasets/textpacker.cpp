#include "datasets/textpacker.h"

#include "tokenizer/tokenizer.h"
#include "util/error.h"

namespace llmos {

TextPacker::TextPacker(const Tokenizer &tokenizer, std::size_t maxSeqLen) : m_tokenizer(tokenizer), m_maxSeqLen(maxSeqLen)
{
    if (maxSeqLen == 0) throw Error(ErrorKind::InvalidInput, "max_seq_len", "must be at least 1");
    if (!tokenizer.specialTokens().eos)
        throw Error(ErrorKind::Unsupported, "tokenizer",
                "has no end-of-sequence token, which packing needs between documents; "
                "name one (eos_token) in tokenizer_config.json");
    m_eos = *tokenizer.specialTokens().eos;
}

std::size_t TextPacker::add(std::string_view document, std::uint64_t line)
{
    const auto ids = m_tokenizer.encode(document, false);
    if (m_pending.empty()) m_pendingLine = line;
    m_pending.insert(m_pending.end(), ids.begin(), ids.end());
    m_pending.push_back(m_eos);
    cutFullBlocks();
    return ids.size() + 1;
}

void TextPacker::cutFullBlocks()
{
    std::size_t at = 0;
    while (m_pending.size() - at >= m_maxSeqLen) {
        TokenizedExample block;
        block.inputIds.assign(m_pending.begin() + static_cast<std::ptrdiff_t>(at),
                m_pending.begin() + static_cast<std::ptrdiff_t>(at + m_maxSeqLen));
        block.labels = block.inputIds;
        block.line = m_pendingLine;
        m_blocks.push_back(std::move(block));
        at += m_maxSeqLen;
    }
    m_pending.erase(m_pending.begin(), m_pending.begin() + static_cast<std::ptrdiff_t>(at));
}

std::vector<TokenizedExample> TextPacker::finish()
{
    if (!m_pending.empty()) {
        TokenizedExample block;
        block.inputIds = std::move(m_pending);
        block.labels = block.inputIds;
        block.line = m_pendingLine;
        m_blocks.push_back(std::move(block));
        m_pending.clear();
    }
    return std::move(m_blocks);
}

} // namespace llmos
