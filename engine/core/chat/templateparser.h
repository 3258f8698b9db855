#pragma once

#include "chat/templateast.h"
#include "chat/templatelexer.h"

#include <string>
#include <string_view>
#include <vector>

namespace llmos {

// Recursive-descent parser for the Jinja subset of chat templates. Statements that reach
// outside the template (include, import, extends, from) are refused here, so the
// evaluator never has to think about them. Nesting is bounded so that neither parsing
// nor evaluation can exhaust the stack. Errors: Error(Format or Unsupported) with
// "name: line L, column C".
class TemplateParser {
public:
    static constexpr int kMaxNesting = 64;      // blocks inside blocks, parentheses inside parentheses
    static constexpr int kMaxExprHeight = 128;  // operators chained in one expression

    TemplateParser(std::string_view source, std::string name);

    TemplateBody parse();

private:
    [[noreturn]] void fail(std::size_t offset, const std::string &detail, bool unsupported = false) const;
    const TemplateToken &peek(std::size_t ahead = 0) const;
    const TemplateToken &next();
    bool atOperator(std::string_view op) const;
    bool atName(std::string_view name) const;
    void expectOperator(std::string_view op);
    std::string expectName();
    void expectBlockEnd();

    // Parses until a block tag whose keyword is in `stops`; returns that keyword (the
    // `{%` and keyword consumed) or "" at the end of input when stops is empty.
    TemplateBody parseBody(const std::vector<std::string_view> &stops, std::string &stoppedAt);
    std::unique_ptr<TemplateNode> parseStatement(std::size_t blockOffset);
    std::unique_ptr<TemplateNode> parseIf(std::size_t offset);
    std::unique_ptr<TemplateNode> parseFor(std::size_t offset);
    std::unique_ptr<TemplateNode> parseSet(std::size_t offset);
    std::unique_ptr<TemplateNode> parseMacro(std::size_t offset);

    TemplateExprPtr parseExpression(bool allowConditional = true);
    TemplateExprPtr parseOr();
    TemplateExprPtr parseAnd();
    TemplateExprPtr parseNot();
    TemplateExprPtr parseCompare();
    TemplateExprPtr parseAdd();
    TemplateExprPtr parseConcat();
    TemplateExprPtr parseMultiply();
    TemplateExprPtr parsePower();
    TemplateExprPtr parseUnary(bool withFilters = true);
    TemplateExprPtr parsePostfix(TemplateExprPtr node, bool withFilters);
    TemplateExprPtr parsePrimary();
    void parseCallArguments(TemplateExpr &call);
    TemplateExprPtr makeNode(TemplateExpr::Kind kind, std::size_t offset, std::string name = {});
    // Appends child (which may be null) and keeps parent.height within kMaxExprHeight.
    void adopt(TemplateExpr &parent, TemplateExprPtr child);
    void adoptKeyword(TemplateExpr &parent, std::string name, TemplateExprPtr child);

    std::string_view m_source;
    std::string m_name;
    std::vector<TemplateToken> m_tokens;
    std::size_t m_pos = 0;
    int m_depth = 0;
    friend class TemplateParserDepth;
};

} // namespace llmos
