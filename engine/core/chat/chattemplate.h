#pragma once

#include "chat/chattemplatelimits.h"

#include <nlohmann/json.hpp>

#include <memory>
#include <string>

namespace llmos {

// A model's chat template (tokenizer_config.json "chat_template" or chat_template.jinja),
// parsed once and rendered for many conversations.
//
// Chat templates are Jinja, and no Jinja library exists for C++ in our dependencies, so
// this is our own interpreter: a hand-written lexer and recursive-descent parser
// (templatelexer, templateparser) and a tree-walking evaluator (templaterenderer,
// templatefilters) over a small value type (templatevalue). It covers the subset Hugging
// Face templates use, renders byte-identically to @huggingface/jinja on the templates in
// tests/data/chat, and is a sandbox: no file or host access (include/import/extends are
// refused at parse time), no attributes beyond our own data, and budgets on operations,
// output size and recursion (ChatTemplateLimits).
//
// Thread safety: render() is const and keeps its state on the stack; one ChatTemplate
// may be rendered from many threads at once.
class ChatTemplate {
public:
    // Parses `source`. Errors: Error(Format) for syntax errors and Error(Unsupported) for
    // refused statements, with where = "<name>: line L, column C".
    explicit ChatTemplate(std::string source, std::string name = "chat_template", ChatTemplateLimits limits = {});
    ~ChatTemplate();
    ChatTemplate(ChatTemplate &&) noexcept;
    ChatTemplate &operator=(ChatTemplate &&) noexcept;

    // Renders with `variables`, a JSON object: messages, bos_token, eos_token,
    // add_generation_prompt, tools and whatever else the template reads. Object key
    // order is kept (tojson prints keys in the caller's order). Errors: Error(InvalidInput)
    // for raise_exception() (detail = the template's message), type errors and exceeded
    // budgets; where names the template line and column.
    std::string render(const nlohmann::ordered_json &variables, const ChatRenderOptions &options = {}) const;

    const std::string &name() const;
    const std::string &source() const;

private:
    struct Parsed;
    std::unique_ptr<const Parsed> m_parsed;
};

} // namespace llmos
