#pragma once

#include "datasets/tokenizedexample.h"

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace llmos {

class Tokenizer;

// Causal-LM pre-training: documents are encoded, each followed by EOS (so the model
// learns where a document ends and attention across the seam is at least marked), and
// the stream is cut into blocks of maxSeqLen tokens. No padding is wasted; the last
// block may be shorter. Labels equal the ids (every token is learned).
class TextPacker {
public:
    // Error(Unsupported) when the tokenizer has no EOS token to separate documents.
    TextPacker(const Tokenizer &tokenizer, std::size_t maxSeqLen);

    // Returns the document's token count (with its EOS).
    std::size_t add(std::string_view document, std::uint64_t line);
    std::vector<TokenizedExample> finish();

private:
    void cutFullBlocks();

    const Tokenizer &m_tokenizer;
    std::size_t m_maxSeqLen;
    std::int32_t m_eos;
    std::vector<std::int32_t> m_pending;
    std::uint64_t m_pendingLine = 0;
    std::vector<TokenizedExample> m_blocks;
};

} // namespace llmos
