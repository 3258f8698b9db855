#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace llmos {

struct TemplateToken {
    enum class Kind {
        Text,        // literal output (already trimmed by whitespace control)
        VarBegin,    // {{
        VarEnd,      // }}
        BlockBegin,  // {%
        BlockEnd,    // %}
        Name,
        String,      // text holds the unescaped value
        Integer,
        Float,
        Operator,    // ( ) [ ] { } . , : | ~ + - * / // % ** = == != < <= > >=
        End,
    };
    Kind kind;
    std::string text;
    std::size_t offset; // byte offset in the template source, for error positions
};

// Splits a chat template into tokens, applying the whitespace rules transformers renders
// with: trim_blocks and lstrip_blocks on, `-` markers, one trailing newline dropped.
// {% raw %} blocks and comments are resolved here. Errors are Error(Format) naming the
// line and column.
class TemplateLexer {
public:
    TemplateLexer(std::string_view source, std::string name);

    std::vector<TemplateToken> tokenize();

private:
    [[noreturn]] void fail(std::size_t offset, const std::string &detail) const;
    void lexTag(std::size_t &pos, TemplateToken::Kind endKind, std::vector<TemplateToken> &out);
    bool tryRaw(std::size_t &pos, std::vector<TemplateToken> &out);
    std::size_t readString(std::size_t pos, std::string &value) const;

    std::string_view m_source;
    std::string m_name;
    bool m_stripNextLeading = false; // a `-%}`/`-}}` asked to drop the next text's leading space
};

} // namespace llmos
