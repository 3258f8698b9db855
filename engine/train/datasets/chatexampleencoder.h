#pragma once

#include "datasets/datasetexample.h"
#include "datasets/tokenizedexample.h"

#include <cstddef>
#include <string>
#include <vector>

namespace llmos {

class ChatTemplate;
class Tokenizer;

// Turns a conversation into ids with the loss on assistant turns only.
//
// How the assistant spans are found: the template renders the conversation prefix by
// prefix. For assistant turn i, render(turns[0..i), add_generation_prompt=true) ends
// where the reply starts and render(turns[0..i]) ends where it ends (with the
// template's end-of-turn text, e.g. "<|im_end|>\n" or " </s>", which the model must
// learn to emit). Each prefix must be a prefix of the full rendering (true of ChatML,
// Llama-2/3, Mistral, Gemma...; a template that rewrites earlier turns later is
// refused). The full text is then cut at those character offsets and each piece is
// encoded on its own, so the labels fall exactly on the reply's tokens whatever the
// tokenizer merges across a boundary. Diffing ids of prefix renderings was the other
// choice; it breaks when a BPE merge crosses a boundary, and markers inserted into the
// text would change what the tokenizer sees.
class ChatExampleEncoder {
public:
    // The tokenizer and template must outlive the encoder.
    ChatExampleEncoder(const Tokenizer &tokenizer, const ChatTemplate &chatTemplate);

    // Untruncated ids and labels. Error(Unsupported) when the template is not
    // prefix-stable for this conversation, Error(InvalidInput) from the template.
    TokenizedExample encode(const std::vector<ChatTurn> &turns) const;

private:
    std::string render(const std::vector<ChatTurn> &turns, std::size_t count, bool generationPrompt) const;

    const Tokenizer &m_tokenizer;
    const ChatTemplate &m_template;
    std::string m_bosToken;
    std::string m_eosToken;
};

} // namespace llmos
