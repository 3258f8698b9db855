#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace llmos {

class Tokenizer;

// Turns generated token ids into text deltas as they arrive. Decoding one token alone is
// wrong for most tokenizers (SentencePiece drops the space a "▁" stands for at the start
// of a decode; byte-level BPE splits a character across tokens), so each step decodes a
// short window that begins a few tokens back and emits only what the new token added,
// holding text back while it ends in an incomplete UTF-8 character (the approach of
// Hugging Face's text-generation-inference).
class IncrementalDecoder {
public:
    // `context`: the last prompt tokens, so the first generated token decodes in context.
    IncrementalDecoder(const Tokenizer &tokenizer, std::span<const std::int32_t> context);

    // The text token `id` completes; may be empty (the token is part of a character).
    std::string push(std::int32_t id);
    // What is still held back (an incomplete character at the end of the output).
    std::string flush();

private:
    std::string decode(std::size_t from, std::size_t to) const;

    const Tokenizer &m_tokenizer;
    std::vector<std::int32_t> m_ids;
    std::size_t m_prefixOffset = 0; // start of the decoding window
    std::size_t m_readOffset = 0;   // tokens before this have been emitted
};

// True when `text` ends inside a UTF-8 sequence, or with U+FFFD (which decoders put
// where bytes do not yet form a character).
bool endsWithIncompleteCharacter(const std::string &text);

// Stops generation at any of a list of strings, OpenAI-style: the text before the first
// match is kept, the match and everything after it are dropped. Text that might be the
// start of a stop string is held back until the next delta settles it, so a streaming
// client never sees part of a stop string.
class StopStringMatcher {
public:
    explicit StopStringMatcher(std::vector<std::string> stops);

    // Adds generated text; returns what can be shown now.
    std::string push(const std::string &delta);
    bool stopped() const noexcept { return m_stopped; }
    // At the end (no stop string seen): what was held back.
    std::string flush();

private:
    std::vector<std::string> m_stops;
    std::string m_pending;
    bool m_stopped = false;
};

} // namespace llmos
