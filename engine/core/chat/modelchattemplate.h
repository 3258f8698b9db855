#pragma once

#include <optional>
#include <string>

namespace llmos {

// A model's own chat template and where it was found, for messages and the UI.
struct ChatTemplateSource {
    std::string text;
    std::string origin; // "<folder>/chat_template.jinja", "<folder>/tokenizer_config.json", "<file>.gguf"
};

// Looks where transformers and llama.cpp keep a model's chat template: in a folder,
// chat_template.jinja (newer transformers) then tokenizer_config.json's chat_template;
// in a .gguf file, the tokenizer.chat_template key. Empty when the model has none.
// Throws Error(Format) for a malformed tokenizer_config.json or GGUF file.
std::optional<ChatTemplateSource> findChatTemplate(const std::string &modelPath);

} // namespace llmos
