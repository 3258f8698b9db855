#include "chat/templateparser.h"

#include "formats/strictjson.h"
#include "util/error.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>

namespace llmos {

// Counts how deep the parser has recursed; refuses to go past kMaxNesting.
class TemplateParserDepth {
public:
    TemplateParserDepth(TemplateParser &parser, std::size_t offset) : m_parser(parser)
    {
        if (++m_parser.m_depth > TemplateParser::kMaxNesting)
            m_parser.fail(offset, "template is nested more than " + std::to_string(TemplateParser::kMaxNesting) + " levels deep");
    }
    ~TemplateParserDepth() { --m_parser.m_depth; }
    TemplateParserDepth(const TemplateParserDepth &) = delete;
    TemplateParserDepth &operator=(const TemplateParserDepth &) = delete;

private:
    TemplateParser &m_parser;
};

namespace {

using Kind = TemplateToken::Kind;

// Names that end an expression rather than continue it (`x if c else y`, `a and b`).
bool isKeyword(std::string_view name)
{
    return name == "if" || name == "else" || name == "elif" || name == "and" || name == "or" || name == "not" ||
           name == "in" || name == "is" || name == "for" || name == "recursive";
}

bool mentions(const TemplateExpr *expr, std::string_view name)
{
    if (!expr) return false;
    if (expr->kind == TemplateExpr::Kind::Name && expr->name == name) return true;
    for (const auto &child : expr->children)
        if (mentions(child.get(), name)) return true;
    for (const auto &keyword : expr->keywords)
        if (mentions(keyword.second.get(), name)) return true;
    return false;
}

bool mentions(const TemplateBody &body, std::string_view name)
{
    for (const auto &node : body) {
        if (mentions(node->expr.get(), name) || mentions(node->filter.get(), name)) return true;
        for (const auto &condition : node->conditions)
            if (mentions(condition.get(), name)) return true;
        for (const auto &inner : node->bodies)
            if (mentions(inner, name)) return true;
    }
    return false;
}

} // namespace

TemplateParser::TemplateParser(std::string_view source, std::string name)
    : m_source(source), m_name(std::move(name))
{
}

void TemplateParser::fail(std::size_t offset, const std::string &detail, bool unsupported) const
{
    throw Error(unsupported ? ErrorKind::Unsupported : ErrorKind::Format, m_name + ": " + lineColumn(m_source, offset), detail);
}

const TemplateToken &TemplateParser::peek(std::size_t ahead) const
{
    const std::size_t i = std::min(m_pos + ahead, m_tokens.size() - 1);
    return m_tokens[i];
}

const TemplateToken &TemplateParser::next()
{
    const TemplateToken &t = peek();
    if (m_pos < m_tokens.size() - 1) ++m_pos;
    return t;
}

bool TemplateParser::atOperator(std::string_view op) const
{
    return peek().kind == Kind::Operator && peek().text == op;
}

bool TemplateParser::atName(std::string_view name) const
{
    return peek().kind == Kind::Name && peek().text == name;
}

void TemplateParser::expectOperator(std::string_view op)
{
    if (!atOperator(op)) fail(peek().offset, "expected `" + std::string(op) + "`" + (peek().text.empty() ? "" : ", found `" + peek().text + "`"));
    next();
}

std::string TemplateParser::expectName()
{
    if (peek().kind != Kind::Name) fail(peek().offset, "expected a name");
    return next().text;
}

void TemplateParser::expectBlockEnd()
{
    if (peek().kind != Kind::BlockEnd) fail(peek().offset, "expected `%}`" + (peek().text.empty() ? "" : ", found `" + peek().text + "`"));
    next();
}

TemplateExprPtr TemplateParser::makeNode(TemplateExpr::Kind kind, std::size_t offset, std::string name)
{
    auto node = std::make_unique<TemplateExpr>();
    node->kind = kind;
    node->offset = offset;
    node->name = std::move(name);
    return node;
}

void TemplateParser::adopt(TemplateExpr &parent, TemplateExprPtr child)
{
    if (child) {
        parent.height = std::max(parent.height, child->height + 1);
        if (parent.height > kMaxExprHeight)
            fail(parent.offset, "expression is nested more than " + std::to_string(kMaxExprHeight) + " levels deep");
    }
    parent.children.push_back(std::move(child));
}

void TemplateParser::adoptKeyword(TemplateExpr &parent, std::string name, TemplateExprPtr child)
{
    parent.height = std::max(parent.height, child->height + 1);
    if (parent.height > kMaxExprHeight)
        fail(parent.offset, "expression is nested more than " + std::to_string(kMaxExprHeight) + " levels deep");
    parent.keywords.emplace_back(std::move(name), std::move(child));
}

TemplateBody TemplateParser::parse()
{
    m_tokens = TemplateLexer(m_source, m_name).tokenize();
    m_pos = 0;
    std::string stopped;
    return parseBody({}, stopped);
}

TemplateBody TemplateParser::parseBody(const std::vector<std::string_view> &stops, std::string &stoppedAt)
{
    TemplateParserDepth depth(*this, peek().offset);
    TemplateBody body;
    while (true) {
        const TemplateToken &t = peek();
        switch (t.kind) {
        case Kind::End:
            if (!stops.empty()) {
                std::string expected;
                for (const auto &s : stops) expected += (expected.empty() ? "`{% " : " or `{% ") + std::string(s) + " %}`";
                fail(t.offset, "template ended; expected " + expected);
            }
            stoppedAt.clear();
            return body;
        case Kind::Text: {
            auto node = std::make_unique<TemplateNode>();
            node->kind = TemplateNode::Kind::Text;
            node->offset = t.offset;
            node->text = t.text;
            next();
            body.push_back(std::move(node));
            break;
        }
        case Kind::VarBegin: {
            next();
            auto node = std::make_unique<TemplateNode>();
            node->kind = TemplateNode::Kind::Output;
            node->offset = t.offset;
            node->expr = parseExpression();
            if (peek().kind != Kind::VarEnd) fail(peek().offset, "expected `}}`" + (peek().text.empty() ? "" : ", found `" + peek().text + "`"));
            next();
            body.push_back(std::move(node));
            break;
        }
        case Kind::BlockBegin: {
            const std::size_t offset = t.offset;
            next();
            if (peek().kind != Kind::Name) fail(peek().offset, "expected a statement name after `{%`");
            const std::string keyword = peek().text;
            if (std::find(stops.begin(), stops.end(), keyword) != stops.end()) {
                next();
                stoppedAt = keyword;
                return body;
            }
            if (auto node = parseStatement(offset)) body.push_back(std::move(node));
            break;
        }
        default:
            fail(t.offset, "unexpected `" + t.text + "`");
        }
    }
}

std::unique_ptr<TemplateNode> TemplateParser::parseStatement(std::size_t offset)
{
    const std::string keyword = peek().text;
    const std::size_t keywordOffset = peek().offset;
    if (keyword == "if") return parseIf(offset);
    if (keyword == "for") return parseFor(offset);
    if (keyword == "set") return parseSet(offset);
    if (keyword == "macro") return parseMacro(offset);
    if (keyword == "break" || keyword == "continue") {
        next();
        expectBlockEnd();
        auto node = std::make_unique<TemplateNode>();
        node->kind = keyword == "break" ? TemplateNode::Kind::Break : TemplateNode::Kind::Continue;
        node->offset = offset;
        return node;
    }
    if (keyword == "generation" || keyword == "endgeneration") {
        // transformers' marker for assistant-token masks; it renders nothing.
        next();
        expectBlockEnd();
        return nullptr;
    }
    if (keyword == "include" || keyword == "import" || keyword == "extends" || keyword == "from")
        fail(keywordOffset, "`{% " + keyword + " %}` is not allowed: a chat template cannot read other files", true);
    if (keyword == "block" || keyword == "call" || keyword == "filter" || keyword == "with" || keyword == "autoescape")
        fail(keywordOffset, "`{% " + keyword + " %}` is not supported in chat templates", true);
    fail(keywordOffset, "unknown statement `" + keyword + "`");
}

std::unique_ptr<TemplateNode> TemplateParser::parseIf(std::size_t offset)
{
    next(); // if
    auto node = std::make_unique<TemplateNode>();
    node->kind = TemplateNode::Kind::If;
    node->offset = offset;
    node->conditions.push_back(parseExpression());
    expectBlockEnd();
    while (true) {
        std::string stopped;
        node->bodies.push_back(parseBody({"elif", "else", "endif"}, stopped));
        if (stopped == "endif") {
            expectBlockEnd();
            return node;
        }
        if (stopped == "elif") {
            node->conditions.push_back(parseExpression());
            expectBlockEnd();
            continue;
        }
        expectBlockEnd(); // else
        node->bodies.push_back(parseBody({"endif"}, stopped));
        expectBlockEnd();
        return node;
    }
}

std::unique_ptr<TemplateNode> TemplateParser::parseFor(std::size_t offset)
{
    next(); // for
    auto node = std::make_unique<TemplateNode>();
    node->kind = TemplateNode::Kind::For;
    node->offset = offset;
    const bool parenthesized = atOperator("(");
    if (parenthesized) next();
    node->targets.push_back(expectName());
    while (atOperator(",")) {
        next();
        node->targets.push_back(expectName());
    }
    if (parenthesized) expectOperator(")");
    if (!atName("in")) fail(peek().offset, "expected `in` in a for loop");
    next();
    node->expr = parseExpression(false);
    if (atName("if")) {
        next();
        node->filter = parseExpression(false);
    }
    if (atName("recursive")) fail(peek().offset, "recursive loops are not supported in chat templates", true);
    expectBlockEnd();
    std::string stopped;
    node->bodies.push_back(parseBody({"else", "endfor"}, stopped));
    node->usesLoop = mentions(node->bodies[0], "loop");
    if (stopped == "else") {
        expectBlockEnd();
        node->bodies.push_back(parseBody({"endfor"}, stopped));
    }
    expectBlockEnd();
    return node;
}

std::unique_ptr<TemplateNode> TemplateParser::parseSet(std::size_t offset)
{
    next(); // set
    auto node = std::make_unique<TemplateNode>();
    node->kind = TemplateNode::Kind::Set;
    node->offset = offset;
    node->targets.push_back(expectName());
    if (atOperator(".")) {
        next();
        node->text = expectName(); // set ns.attribute = ...
    } else {
        while (atOperator(",")) {
            next();
            node->targets.push_back(expectName());
        }
    }
    if (atOperator("=")) {
        next();
        node->expr = parseExpression();
        expectBlockEnd();
        return node;
    }
    if (node->targets.size() != 1 || !node->text.empty()) fail(peek().offset, "expected `=` in a set statement");
    expectBlockEnd();
    std::string stopped;
    node->bodies.push_back(parseBody({"endset"}, stopped));
    expectBlockEnd();
    return node;
}

std::unique_ptr<TemplateNode> TemplateParser::parseMacro(std::size_t offset)
{
    next(); // macro
    auto node = std::make_unique<TemplateNode>();
    node->kind = TemplateNode::Kind::Macro;
    node->offset = offset;
    node->text = expectName();
    expectOperator("(");
    while (!atOperator(")")) {
        node->targets.push_back(expectName());
        if (atOperator("=")) {
            next();
            node->conditions.push_back(parseExpression());
        } else {
            node->conditions.push_back(nullptr);
        }
        if (!atOperator(",")) break;
        next();
    }
    expectOperator(")");
    expectBlockEnd();
    std::string stopped;
    node->bodies.push_back(parseBody({"endmacro"}, stopped));
    expectBlockEnd();
    return node;
}

TemplateExprPtr TemplateParser::parseExpression(bool allowConditional)
{
    TemplateParserDepth depth(*this, peek().offset);
    TemplateExprPtr node = parseOr();
    while (allowConditional && atName("if")) {
        const std::size_t offset = peek().offset;
        next();
        auto conditional = makeNode(TemplateExpr::Kind::Conditional, offset);
        adopt(*conditional, std::move(node));
        adopt(*conditional, parseOr());
        if (atName("else")) {
            next();
            adopt(*conditional, parseExpression());
        } else {
            adopt(*conditional, nullptr);
        }
        node = std::move(conditional);
    }
    return node;
}

TemplateExprPtr TemplateParser::parseOr()
{
    TemplateExprPtr node = parseAnd();
    while (atName("or")) {
        auto binary = makeNode(TemplateExpr::Kind::Binary, next().offset, "or");
        adopt(*binary, std::move(node));
        adopt(*binary, parseAnd());
        node = std::move(binary);
    }
    return node;
}

TemplateExprPtr TemplateParser::parseAnd()
{
    TemplateExprPtr node = parseNot();
    while (atName("and")) {
        auto binary = makeNode(TemplateExpr::Kind::Binary, next().offset, "and");
        adopt(*binary, std::move(node));
        adopt(*binary, parseNot());
        node = std::move(binary);
    }
    return node;
}

TemplateExprPtr TemplateParser::parseNot()
{
    if (atName("not")) {
        TemplateParserDepth depth(*this, peek().offset);
        auto unary = makeNode(TemplateExpr::Kind::Unary, next().offset, "not");
        adopt(*unary, parseNot());
        return unary;
    }
    return parseCompare();
}

TemplateExprPtr TemplateParser::parseCompare()
{
    TemplateExprPtr node = parseAdd();
    while (true) {
        std::string op;
        const std::size_t offset = peek().offset;
        if (peek().kind == Kind::Operator &&
            (peek().text == "==" || peek().text == "!=" || peek().text == "<" || peek().text == "<=" || peek().text == ">" || peek().text == ">=")) {
            op = next().text;
        } else if (atName("in")) {
            next();
            op = "in";
        } else if (atName("not") && peek(1).kind == Kind::Name && peek(1).text == "in") {
            next();
            next();
            op = "not in";
        } else {
            return node;
        }
        auto binary = makeNode(TemplateExpr::Kind::Binary, offset, op);
        adopt(*binary, std::move(node));
        adopt(*binary, parseAdd());
        node = std::move(binary);
    }
}

TemplateExprPtr TemplateParser::parseAdd()
{
    TemplateExprPtr node = parseConcat();
    while (atOperator("+") || atOperator("-")) {
        auto binary = makeNode(TemplateExpr::Kind::Binary, peek().offset, next().text);
        adopt(*binary, std::move(node));
        adopt(*binary, parseConcat());
        node = std::move(binary);
    }
    return node;
}

TemplateExprPtr TemplateParser::parseConcat()
{
    TemplateExprPtr node = parseMultiply();
    while (atOperator("~")) {
        auto binary = makeNode(TemplateExpr::Kind::Binary, next().offset, "~");
        adopt(*binary, std::move(node));
        adopt(*binary, parseMultiply());
        node = std::move(binary);
    }
    return node;
}

TemplateExprPtr TemplateParser::parseMultiply()
{
    TemplateExprPtr node = parsePower();
    while (atOperator("*") || atOperator("/") || atOperator("//") || atOperator("%")) {
        auto binary = makeNode(TemplateExpr::Kind::Binary, peek().offset, next().text);
        adopt(*binary, std::move(node));
        adopt(*binary, parsePower());
        node = std::move(binary);
    }
    return node;
}

TemplateExprPtr TemplateParser::parsePower()
{
    TemplateExprPtr node = parseUnary();
    while (atOperator("**")) {
        auto binary = makeNode(TemplateExpr::Kind::Binary, next().offset, "**");
        adopt(*binary, std::move(node));
        adopt(*binary, parseUnary());
        node = std::move(binary);
    }
    return node;
}

TemplateExprPtr TemplateParser::parseUnary(bool withFilters)
{
    // As in Jinja, `-x|abs` is `(-x)|abs`: the sign binds tighter than filters and tests.
    if (atOperator("-") || atOperator("+")) {
        TemplateParserDepth depth(*this, peek().offset);
        auto unary = makeNode(TemplateExpr::Kind::Unary, peek().offset, next().text);
        adopt(*unary, parseUnary(false));
        return parsePostfix(std::move(unary), withFilters);
    }
    return parsePostfix(parsePrimary(), withFilters);
}

void TemplateParser::parseCallArguments(TemplateExpr &call)
{
    expectOperator("(");
    while (!atOperator(")")) {
        if (peek().kind == Kind::Name && peek(1).kind == Kind::Operator && peek(1).text == "=") {
            std::string name = next().text;
            next(); // =
            adoptKeyword(call, std::move(name), parseExpression());
        } else {
            if (!call.keywords.empty()) fail(peek().offset, "a positional argument cannot follow a keyword argument");
            adopt(call, parseExpression());
        }
        if (!atOperator(",")) break;
        next();
    }
    expectOperator(")");
}

TemplateExprPtr TemplateParser::parsePostfix(TemplateExprPtr node, bool withFilters)
{
    while (true) {
        const std::size_t offset = peek().offset;
        if (atOperator(".")) {
            next();
            if (peek().kind == Kind::Integer) {
                // `items.0` is items[0] in Jinja.
                auto index = makeNode(TemplateExpr::Kind::Index, offset);
                auto key = makeNode(TemplateExpr::Kind::Literal, peek().offset);
                key->value = TemplateValue::integer(std::strtoll(next().text.c_str(), nullptr, 10));
                adopt(*index, std::move(node));
                adopt(*index, std::move(key));
                node = std::move(index);
                continue;
            }
            auto member = makeNode(TemplateExpr::Kind::Member, offset, expectName());
            adopt(*member, std::move(node));
            node = std::move(member);
        } else if (atOperator("[")) {
            next();
            TemplateParserDepth depth(*this, offset);
            TemplateExprPtr parts[3];
            int colons = 0;
            for (int i = 0; i < 3; ++i) {
                if (!atOperator(":") && !atOperator("]")) parts[i] = parseExpression();
                if (i < 2 && atOperator(":")) {
                    next();
                    ++colons;
                } else {
                    break;
                }
            }
            expectOperator("]");
            if (colons == 0) {
                if (!parts[0]) fail(offset, "empty subscript");
                auto index = makeNode(TemplateExpr::Kind::Index, offset);
                adopt(*index, std::move(node));
                adopt(*index, std::move(parts[0]));
                node = std::move(index);
            } else {
                auto slice = makeNode(TemplateExpr::Kind::Slice, offset);
                adopt(*slice, std::move(node));
                for (auto &part : parts) adopt(*slice, std::move(part));
                node = std::move(slice);
            }
        } else if (atOperator("(")) {
            TemplateParserDepth depth(*this, offset);
            auto call = makeNode(TemplateExpr::Kind::Call, offset);
            adopt(*call, std::move(node));
            parseCallArguments(*call);
            node = std::move(call);
        } else if (withFilters && atOperator("|")) {
            next();
            auto filter = makeNode(TemplateExpr::Kind::Filter, offset, expectName());
            adopt(*filter, std::move(node));
            if (atOperator("(")) {
                TemplateParserDepth depth(*this, offset);
                parseCallArguments(*filter);
            }
            node = std::move(filter);
        } else if (withFilters && atName("is")) {
            next();
            auto test = makeNode(TemplateExpr::Kind::Test, offset);
            if (atName("not")) {
                next();
                test->negated = true;
            }
            // `is none`, `is true`: these test names are also literals.
            test->name = expectName();
            adopt(*test, std::move(node));
            if (atOperator("(")) {
                TemplateParserDepth depth(*this, offset);
                parseCallArguments(*test);
            } else if (peek().kind == Kind::String || peek().kind == Kind::Integer || peek().kind == Kind::Float ||
                       (peek().kind == Kind::Name && !isKeyword(peek().text))) {
                // `x is divisibleby 3`, `x is equalto 'y'`: one argument without parentheses.
                adopt(*test, parsePrimary());
            }
            node = std::move(test);
        } else {
            return node;
        }
    }
}

TemplateExprPtr TemplateParser::parsePrimary()
{
    const TemplateToken &t = peek();
    const std::size_t offset = t.offset;
    switch (t.kind) {
    case Kind::String: {
        auto literal = makeNode(TemplateExpr::Kind::Literal, offset);
        std::string text = next().text;
        while (peek().kind == Kind::String) text += next().text; // 'a' 'b' is 'ab'
        literal->value = TemplateValue::string(std::move(text));
        return literal;
    }
    case Kind::Integer: {
        auto literal = makeNode(TemplateExpr::Kind::Literal, offset);
        const std::string &digits = next().text;
        std::int64_t value = 0;
        const auto result = std::from_chars(digits.data(), digits.data() + digits.size(), value);
        if (result.ec == std::errc())
            literal->value = TemplateValue::integer(value);
        else
            literal->value = TemplateValue::number(std::strtod(digits.c_str(), nullptr)); // too big for 64 bits
        return literal;
    }
    case Kind::Float: {
        auto literal = makeNode(TemplateExpr::Kind::Literal, offset);
        literal->value = TemplateValue::number(std::strtod(next().text.c_str(), nullptr));
        return literal;
    }
    case Kind::Name: {
        const std::string name = next().text;
        auto literal = makeNode(TemplateExpr::Kind::Literal, offset);
        if (name == "true" || name == "True") literal->value = TemplateValue::boolean(true);
        else if (name == "false" || name == "False") literal->value = TemplateValue::boolean(false);
        else if (name == "none" || name == "None") literal->value = TemplateValue::none();
        else return makeNode(TemplateExpr::Kind::Name, offset, name);
        return literal;
    }
    case Kind::Operator: {
        if (t.text == "(") {
            next();
            TemplateParserDepth depth(*this, offset);
            if (atOperator(")")) {
                next();
                return makeNode(TemplateExpr::Kind::Tuple, offset);
            }
            TemplateExprPtr first = parseExpression();
            if (!atOperator(",")) {
                expectOperator(")");
                return first;
            }
            auto tuple = makeNode(TemplateExpr::Kind::Tuple, offset);
            adopt(*tuple, std::move(first));
            while (atOperator(",")) {
                next();
                if (atOperator(")")) break;
                adopt(*tuple, parseExpression());
            }
            expectOperator(")");
            return tuple;
        }
        if (t.text == "[") {
            next();
            TemplateParserDepth depth(*this, offset);
            auto list = makeNode(TemplateExpr::Kind::List, offset);
            while (!atOperator("]")) {
                adopt(*list, parseExpression());
                if (!atOperator(",")) break;
                next();
            }
            expectOperator("]");
            return list;
        }
        if (t.text == "{") {
            next();
            TemplateParserDepth depth(*this, offset);
            auto dict = makeNode(TemplateExpr::Kind::Dict, offset);
            while (!atOperator("}")) {
                adopt(*dict, parseExpression());
                expectOperator(":");
                adopt(*dict, parseExpression());
                if (!atOperator(",")) break;
                next();
            }
            expectOperator("}");
            return dict;
        }
        break;
    }
    default: break;
    }
    if (t.kind == Kind::VarEnd || t.kind == Kind::BlockEnd || t.kind == Kind::End) fail(offset, "expected an expression");
    fail(offset, "unexpected `" + t.text + "` in an expression");
}

} // namespace llmos
