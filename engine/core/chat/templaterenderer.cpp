#include "chat/templaterenderer.h"

#include "chat/templatestrings.h"
#include "formats/strictjson.h"
#include "util/error.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace llmos {

// Counts render-time recursion (blocks, expressions, macro calls) against maxDepth.
class RenderDepth {
public:
    RenderDepth(TemplateRenderer &renderer, std::size_t offset) : m_renderer(renderer)
    {
        if (++m_renderer.m_depth > m_renderer.m_limits.maxDepth)
            m_renderer.fail(offset, "template recursion is deeper than " + std::to_string(m_renderer.m_limits.maxDepth) +
                                        " levels (a macro calling itself without end?)");
    }
    ~RenderDepth() { --m_renderer.m_depth; }
    RenderDepth(const RenderDepth &) = delete;
    RenderDepth &operator=(const RenderDepth &) = delete;

private:
    TemplateRenderer &m_renderer;
};

namespace {

using Kind = TemplateValue::Kind;

} // namespace

TemplateValue &TemplateRenderer::Frame::operator[](const std::string &name)
{
    for (auto &entry : m_entries)
        if (entry.first == name) return entry.second;
    return m_entries.emplace_back(name, TemplateValue()).second;
}

const TemplateValue *TemplateRenderer::Frame::find(const std::string &name) const
{
    for (const auto &entry : m_entries)
        if (entry.first == name) return &entry.second;
    return nullptr;
}

TemplateRenderer::TemplateRenderer(std::string_view source, const std::string &name, const ChatTemplateLimits &limits,
                                   const ChatRenderOptions &options)
    : m_source(source), m_name(name), m_limits(limits), m_options(options)
{
}

std::string TemplateRenderer::where(std::size_t offset) const
{
    return m_name + ": " + lineColumn(m_source, offset);
}

void TemplateRenderer::fail(std::size_t offset, const std::string &detail, ErrorKind kind) const
{
    throw Error(kind, where(offset), detail);
}

void TemplateRenderer::step(std::size_t offset, std::uint64_t count)
{
    m_steps += count;
    if (m_steps > m_limits.maxSteps)
        fail(offset, "template exceeded its budget of " + std::to_string(m_limits.maxSteps) +
                         " operations (an endless or very large loop?)");
}

void TemplateRenderer::chargeBytes(std::size_t offset, std::size_t bytes)
{
    if (bytes > m_limits.maxOutputBytes)
        fail(offset, "template built a string of more than " + std::to_string(m_limits.maxOutputBytes) + " bytes");
    step(offset, bytes / 64);
}

TemplateValue TemplateRenderer::makeString(std::size_t offset, std::string text)
{
    chargeBytes(offset, text.size());
    return TemplateValue::string(std::move(text));
}

TemplateValue TemplateRenderer::makeList(std::size_t offset, TemplateValue::List items)
{
    step(offset, items.size());
    TemplateValue value = TemplateValue::list(std::move(items));
    if (value.depth() > TemplateValue::kMaxDepth)
        fail(offset, "lists and dicts are nested more than " + std::to_string(TemplateValue::kMaxDepth) + " levels deep");
    return value;
}

TemplateValue TemplateRenderer::makeDict(std::size_t offset, TemplateValue::Dict entries)
{
    step(offset, entries.size());
    TemplateValue value = TemplateValue::dict(std::move(entries));
    if (value.depth() > TemplateValue::kMaxDepth)
        fail(offset, "lists and dicts are nested more than " + std::to_string(TemplateValue::kMaxDepth) + " levels deep");
    return value;
}

void TemplateRenderer::emit(std::size_t offset, std::string_view text)
{
    if (m_out->size() + text.size() > m_limits.maxOutputBytes)
        fail(offset, "template output exceeds the limit of " + std::to_string(m_limits.maxOutputBytes) + " bytes");
    step(offset, text.size() / 64);
    m_out->append(text);
}

std::string TemplateRenderer::render(const TemplateBody &body, const TemplateValue::Dict &variables)
{
    Frame globals;
    for (const auto &[name, value] : variables) globals[name] = value;
    std::string out;
    m_out = &out;
    m_frames = {&globals};
    m_steps = 0;
    m_depth = 0;
    renderBody(body); // a break or continue outside a loop ends nothing, as in Jinja
    m_out = nullptr;
    m_frames.clear();
    return out;
}

TemplateRenderer::Flow TemplateRenderer::renderBody(const TemplateBody &body)
{
    for (const auto &node : body) {
        const Flow flow = renderNode(*node);
        if (flow != Flow::Normal) return flow;
    }
    return Flow::Normal;
}

TemplateRenderer::Flow TemplateRenderer::renderNode(const TemplateNode &node)
{
    RenderDepth depth(*this, node.offset);
    step(node.offset);
    switch (node.kind) {
    case TemplateNode::Kind::Text: emit(node.offset, node.text); return Flow::Normal;
    case TemplateNode::Kind::Output: {
        const TemplateValue value = eval(*node.expr);
        emit(node.offset, value.toDisplayString());
        return Flow::Normal;
    }
    case TemplateNode::Kind::If:
        for (std::size_t i = 0; i < node.bodies.size(); ++i) {
            if (i < node.conditions.size() && !eval(*node.conditions[i]).truthy()) continue;
            return renderBody(node.bodies[i]);
        }
        return Flow::Normal;
    case TemplateNode::Kind::For: return renderFor(node);
    case TemplateNode::Kind::Set: renderSet(node); return Flow::Normal;
    case TemplateNode::Kind::Macro: {
        auto callable = std::make_shared<TemplateCallable>();
        callable->macro = &node;
        assign(node.text, TemplateValue::callable(std::move(callable)));
        return Flow::Normal;
    }
    case TemplateNode::Kind::Break: return Flow::Break;
    case TemplateNode::Kind::Continue: return Flow::Continue;
    }
    return Flow::Normal;
}

std::vector<TemplateValue> TemplateRenderer::iterate(std::size_t offset, const TemplateValue &value, const char *what)
{
    switch (value.kind()) {
    case Kind::Undefined: return {}; // Jinja iterates an undefined value as empty
    case Kind::List: return value.asList();
    case Kind::Dict:
    case Kind::Namespace: {
        std::vector<TemplateValue> keys;
        for (const auto &entry : value.asDict()) keys.push_back(TemplateValue::string(entry.first));
        return keys;
    }
    case Kind::String: {
        std::vector<TemplateValue> chars;
        for (const char32_t cp : templatestrings::decode(value.asString()))
            chars.push_back(TemplateValue::string(templatestrings::encode(std::u32string_view(&cp, 1))));
        step(offset, chars.size());
        return chars;
    }
    default: fail(offset, std::string("cannot ") + what + " a " + value.kindName() + " value");
    }
}

TemplateRenderer::Flow TemplateRenderer::renderFor(const TemplateNode &node)
{
    // Lists are walked in place; only dicts and strings are turned into item lists.
    const TemplateValue iterable = eval(*node.expr);
    std::vector<TemplateValue> materialized;
    if (!iterable.isList()) materialized = iterate(node.offset, iterable, "loop over");
    const std::vector<TemplateValue> &all = iterable.isList() ? iterable.asList() : materialized;
    auto bind = [&](Frame &frame, const TemplateValue &item) {
        if (node.targets.size() == 1) {
            frame[node.targets[0]] = item;
            return;
        }
        if (!item.isList() || item.asList().size() != node.targets.size())
            fail(node.offset, "cannot unpack " + std::string(item.kindName()) + " into " + std::to_string(node.targets.size()) + " loop variables");
        for (std::size_t i = 0; i < node.targets.size(); ++i) frame[node.targets[i]] = item.asList()[i];
    };

    // `for x in xs if cond`: the filter runs first, so loop.length counts what is left.
    std::vector<TemplateValue> filtered;
    if (node.filter) {
        for (const auto &item : all) {
            step(node.offset);
            Frame frame;
            bind(frame, item);
            m_frames.push_back(&frame);
            bool keep = false;
            try {
                keep = eval(*node.filter).truthy();
            } catch (...) {
                m_frames.pop_back();
                throw;
            }
            m_frames.pop_back();
            if (keep) filtered.push_back(item);
        }
    }
    const std::vector<TemplateValue> &items = node.filter ? filtered : all;

    if (items.empty()) {
        // The else body is outside the loop: a break there belongs to an enclosing loop.
        if (node.bodies.size() > 1) return renderBody(node.bodies[1]);
        return Flow::Normal;
    }
    const auto length = static_cast<std::int64_t>(items.size());
    for (std::int64_t i = 0; i < length; ++i) {
        step(node.offset, 4); // an iteration costs a frame and its bindings, more than one operation
        Frame frame;
        bind(frame, items[static_cast<std::size_t>(i)]);
        if (node.usesLoop) {
        TemplateValue::Dict loop = {
            {"index", TemplateValue::integer(i + 1)},
            {"index0", TemplateValue::integer(i)},
            {"revindex", TemplateValue::integer(length - i)},
            {"revindex0", TemplateValue::integer(length - i - 1)},
            {"first", TemplateValue::boolean(i == 0)},
            {"last", TemplateValue::boolean(i == length - 1)},
            {"length", TemplateValue::integer(length)},
            {"depth", TemplateValue::integer(1)},
            {"depth0", TemplateValue::integer(0)},
            {"previtem", i > 0 ? items[static_cast<std::size_t>(i - 1)] : TemplateValue()},
            {"nextitem", i + 1 < length ? items[static_cast<std::size_t>(i + 1)] : TemplateValue()},
        };
        frame["loop"] = TemplateValue::dict(std::move(loop));
        }
        m_frames.push_back(&frame);
        Flow flow;
        try {
            flow = renderBody(node.bodies[0]);
        } catch (...) {
            m_frames.pop_back();
            throw;
        }
        m_frames.pop_back();
        if (flow == Flow::Break) break;
    }
    return Flow::Normal;
}

std::string TemplateRenderer::capture(const TemplateBody &body)
{
    std::string buffer;
    std::string *saved = m_out;
    m_out = &buffer;
    try {
        renderBody(body);
    } catch (...) {
        m_out = saved;
        throw;
    }
    m_out = saved;
    return buffer;
}

void TemplateRenderer::renderSet(const TemplateNode &node)
{
    TemplateValue value = node.expr ? eval(*node.expr) : TemplateValue::string(capture(node.bodies[0]));
    if (!node.text.empty()) {
        // set ns.attribute = value
        const TemplateValue target = lookup(node.targets[0]);
        if (target.kind() != Kind::Namespace)
            fail(node.offset, "cannot set attribute `" + node.text + "` of `" + node.targets[0] + "`: only a namespace() has assignable attributes");
        // A namespace holding a namespace could come to hold itself; refusing that keeps
        // every value a finite tree.
        if (value.holdsNamespace()) fail(node.offset, "a namespace cannot hold another namespace");
        if (value.depth() + 1 > TemplateValue::kMaxDepth) fail(node.offset, "value is nested too deeply");
        auto &entries = target.namespaceEntries();
        for (auto &entry : entries) {
            if (entry.first == node.text) {
                entry.second = std::move(value);
                return;
            }
        }
        step(node.offset, entries.size());
        entries.emplace_back(node.text, std::move(value));
        return;
    }
    if (node.targets.size() == 1) {
        assign(node.targets[0], std::move(value));
        return;
    }
    if (!value.isList() || value.asList().size() != node.targets.size())
        fail(node.offset, "cannot unpack " + std::string(value.kindName()) + " into " + std::to_string(node.targets.size()) + " names");
    for (std::size_t i = 0; i < node.targets.size(); ++i) assign(node.targets[i], value.asList()[i]);
}

TemplateValue TemplateRenderer::lookup(const std::string &name) const
{
    for (auto it = m_frames.rbegin(); it != m_frames.rend(); ++it)
        if (const TemplateValue *found = (*it)->find(name)) return *found;
    static const char *const builtins[] = {"range", "namespace", "dict", "raise_exception", "strftime_now"};
    for (const char *builtin : builtins) {
        if (name == builtin) {
            auto callable = std::make_shared<TemplateCallable>();
            callable->builtin = name;
            return TemplateValue::callable(std::move(callable));
        }
    }
    return {};
}

void TemplateRenderer::assign(const std::string &name, TemplateValue value)
{
    (*m_frames.back())[name] = std::move(value);
}

TemplateValue TemplateRenderer::eval(const TemplateExpr &expr)
{
    RenderDepth depth(*this, expr.offset);
    step(expr.offset);
    switch (expr.kind) {
    case TemplateExpr::Kind::Literal: return expr.value;
    case TemplateExpr::Kind::Name: return lookup(expr.name);
    case TemplateExpr::Kind::List:
    case TemplateExpr::Kind::Tuple: {
        TemplateValue::List items;
        items.reserve(expr.children.size());
        for (const auto &child : expr.children) items.push_back(eval(*child));
        return makeList(expr.offset, std::move(items));
    }
    case TemplateExpr::Kind::Dict: {
        TemplateValue::Dict entries;
        for (std::size_t i = 0; i + 1 < expr.children.size(); i += 2) {
            const TemplateValue key = eval(*expr.children[i]);
            if (key.isList() || key.isMapping() || key.isUndefined() || key.kind() == Kind::Callable)
                fail(expr.children[i]->offset, std::string("a dict key must be a string or number, not ") + key.kindName());
            std::string name = key.toDisplayString();
            TemplateValue value = eval(*expr.children[i + 1]);
            auto existing = std::find_if(entries.begin(), entries.end(), [&](const auto &e) { return e.first == name; });
            if (existing != entries.end()) existing->second = std::move(value);
            else entries.emplace_back(std::move(name), std::move(value));
        }
        return makeDict(expr.offset, std::move(entries));
    }
    case TemplateExpr::Kind::Member: return evalMember(expr, eval(*expr.children[0]), expr.name);
    case TemplateExpr::Kind::Index: {
        const TemplateValue object = eval(*expr.children[0]);
        return evalIndex(expr.offset, object, eval(*expr.children[1]));
    }
    case TemplateExpr::Kind::Slice: return evalSlice(expr);
    case TemplateExpr::Kind::Call: return evalCall(expr);
    case TemplateExpr::Kind::Filter: {
        const TemplateValue value = eval(*expr.children[0]);
        Args args;
        Kwargs kwargs;
        evalArguments(expr, 1, args, kwargs);
        return applyFilter(expr.offset, expr.name, value, args, kwargs);
    }
    case TemplateExpr::Kind::Test: {
        const TemplateValue value = eval(*expr.children[0]);
        Args args;
        Kwargs kwargs;
        evalArguments(expr, 1, args, kwargs);
        if (!kwargs.empty()) fail(expr.offset, "tests take no keyword arguments");
        return TemplateValue::boolean(applyTest(expr.offset, expr.name, value, args) != expr.negated);
    }
    case TemplateExpr::Kind::Unary: {
        const TemplateValue operand = eval(*expr.children[0]);
        if (expr.name == "not") return TemplateValue::boolean(!operand.truthy());
        if (operand.kind() == Kind::Int) {
            if (expr.name == "+") return operand;
            if (operand.asInt() == std::numeric_limits<std::int64_t>::min()) fail(expr.offset, "integer overflow");
            return TemplateValue::integer(-operand.asInt());
        }
        if (operand.kind() == Kind::Float) return TemplateValue::number(expr.name == "-" ? -operand.asDouble() : operand.asDouble());
        fail(expr.offset, "cannot apply unary `" + expr.name + "` to a " + operand.kindName() + " value");
    }
    case TemplateExpr::Kind::Binary: return evalBinary(expr);
    case TemplateExpr::Kind::Conditional:
        if (eval(*expr.children[1]).truthy()) return eval(*expr.children[0]);
        return expr.children[2] ? eval(*expr.children[2]) : TemplateValue();
    }
    return {};
}

void TemplateRenderer::evalArguments(const TemplateExpr &expr, std::size_t first, Args &args, Kwargs &kwargs)
{
    for (std::size_t i = first; i < expr.children.size(); ++i) args.push_back(eval(*expr.children[i]));
    for (const auto &[name, value] : expr.keywords) kwargs.emplace_back(name, eval(*value));
}

TemplateValue TemplateRenderer::evalMember(const TemplateExpr &expr, const TemplateValue &object, const std::string &name)
{
    // Only our own data has attributes: a dict's keys, a namespace's attributes. Anything
    // else (`''.__class__`, `range.__globals__`) is undefined, so there is nothing to
    // climb out of the sandbox with.
    if (object.isMapping()) {
        const TemplateValue *found = object.find(name);
        return found ? *found : TemplateValue();
    }
    if (object.isUndefined()) fail(expr.offset, "`" + name + "` of an undefined value");
    return {};
}

TemplateValue TemplateRenderer::evalIndex(std::size_t offset, const TemplateValue &object, const TemplateValue &key)
{
    switch (object.kind()) {
    case Kind::List: {
        if (key.kind() != Kind::Int) {
            if (key.isString()) return {};
            fail(offset, std::string("list indices must be integers, not ") + key.kindName());
        }
        const auto &items = object.asList();
        std::int64_t i = key.asInt();
        const auto size = static_cast<std::int64_t>(items.size());
        if (i < 0) i += size;
        if (i < 0 || i >= size) return {};
        return items[static_cast<std::size_t>(i)];
    }
    case Kind::String: {
        if (key.kind() != Kind::Int) fail(offset, std::string("string indices must be integers, not ") + key.kindName());
        const std::u32string cps = templatestrings::decode(object.asString());
        step(offset, cps.size() / 64);
        std::int64_t i = key.asInt();
        const auto size = static_cast<std::int64_t>(cps.size());
        if (i < 0) i += size;
        if (i < 0 || i >= size) return {};
        return TemplateValue::string(templatestrings::encode(std::u32string_view(cps).substr(static_cast<std::size_t>(i), 1)));
    }
    case Kind::Dict:
    case Kind::Namespace: {
        if (key.isString()) {
            const TemplateValue *found = object.find(key.asString());
            return found ? *found : TemplateValue();
        }
        if (key.kind() == Kind::Int) {
            const TemplateValue *found = object.find(std::to_string(key.asInt()));
            return found ? *found : TemplateValue();
        }
        return {};
    }
    case Kind::Undefined: fail(offset, "subscript of an undefined value");
    default: return {};
    }
}

TemplateValue TemplateRenderer::evalSlice(const TemplateExpr &expr)
{
    const TemplateValue object = eval(*expr.children[0]);
    std::int64_t bounds[3] = {0, 0, 1};
    bool given[3] = {false, false, false};
    for (int i = 0; i < 3; ++i) {
        if (!expr.children[static_cast<std::size_t>(i + 1)]) continue;
        const TemplateValue v = eval(*expr.children[static_cast<std::size_t>(i + 1)]);
        if (v.isNone() || v.isUndefined()) continue;
        if (v.kind() != Kind::Int) fail(expr.offset, "slice bounds must be integers");
        bounds[i] = v.asInt();
        given[i] = true;
    }
    const std::int64_t stepBy = given[2] ? bounds[2] : 1;
    if (stepBy == 0) fail(expr.offset, "slice step cannot be zero");
    if (stepBy == std::numeric_limits<std::int64_t>::min()) fail(expr.offset, "slice step is out of range");

    auto select = [&](std::int64_t size, auto &&take) {
        // Python's slice.indices().
        auto clamp = [&](std::int64_t v, bool isGiven, std::int64_t lowDefault, std::int64_t highDefault) {
            if (!isGiven) return stepBy > 0 ? lowDefault : highDefault;
            if (v < 0) {
                v += size;
                if (v < 0) v = stepBy > 0 ? 0 : -1;
            } else if (v >= size) {
                v = stepBy > 0 ? size : size - 1;
            }
            return v;
        };
        const std::int64_t start = clamp(bounds[0], given[0], 0, size - 1);
        const std::int64_t stop = clamp(bounds[1], given[1], size, -1);
        for (std::int64_t i = start; stepBy > 0 ? i < stop : i > stop; i += stepBy) {
            take(static_cast<std::size_t>(i));
            if ((stepBy > 0 && i > std::numeric_limits<std::int64_t>::max() - stepBy) ||
                (stepBy < 0 && i < std::numeric_limits<std::int64_t>::min() - stepBy))
                break;
        }
    };
    if (object.isList()) {
        const auto &items = object.asList();
        TemplateValue::List out;
        select(static_cast<std::int64_t>(items.size()), [&](std::size_t i) { out.push_back(items[i]); });
        return makeList(expr.offset, std::move(out));
    }
    if (object.isString()) {
        const std::u32string cps = templatestrings::decode(object.asString());
        std::u32string out;
        select(static_cast<std::int64_t>(cps.size()), [&](std::size_t i) { out.push_back(cps[i]); });
        return makeString(expr.offset, templatestrings::encode(out));
    }
    if (object.isUndefined()) fail(expr.offset, "slice of an undefined value");
    fail(expr.offset, std::string("cannot slice a ") + object.kindName() + " value");
}

bool TemplateRenderer::lessThan(std::size_t offset, const TemplateValue &a, const TemplateValue &b)
{
    if (a.isNumber() && b.isNumber()) {
        if (a.kind() == Kind::Int && b.kind() == Kind::Int) return a.asInt() < b.asInt();
        return a.asDouble() < b.asDouble();
    }
    if (a.isString() && b.isString()) return a.asString() < b.asString(); // UTF-8 byte order is code point order
    if (a.kind() == Kind::Bool && b.kind() == Kind::Bool) return a.asBool() < b.asBool();
    if (a.isList() && b.isList()) {
        const auto &x = a.asList(), &y = b.asList();
        for (std::size_t i = 0; i < x.size() && i < y.size(); ++i) {
            step(offset);
            if (lessThan(offset, x[i], y[i])) return true;
            if (lessThan(offset, y[i], x[i])) return false;
        }
        return x.size() < y.size();
    }
    fail(offset, std::string("cannot compare ") + a.kindName() + " with " + b.kindName());
}

bool TemplateRenderer::contains(std::size_t offset, const TemplateValue &container, const TemplateValue &item)
{
    switch (container.kind()) {
    case Kind::String:
        if (!item.isString()) fail(offset, std::string("`in <string>` needs a string on the left, not ") + item.kindName());
        step(offset, container.asString().size() / 64);
        return container.asString().find(item.asString()) != std::string::npos;
    case Kind::List:
        for (const auto &element : container.asList()) {
            step(offset);
            if (element.equals(item)) return true;
        }
        return false;
    case Kind::Dict:
    case Kind::Namespace: return item.isString() && container.find(item.asString()) != nullptr;
    case Kind::Undefined: return false;
    default: fail(offset, std::string("`in` needs a string, list or dict on the right, not ") + container.kindName());
    }
}

TemplateValue TemplateRenderer::evalBinary(const TemplateExpr &expr)
{
    const std::string &op = expr.name;
    if (op == "and") {
        TemplateValue left = eval(*expr.children[0]);
        return left.truthy() ? eval(*expr.children[1]) : left;
    }
    if (op == "or") {
        TemplateValue left = eval(*expr.children[0]);
        return left.truthy() ? left : eval(*expr.children[1]);
    }
    const TemplateValue a = eval(*expr.children[0]);
    const TemplateValue b = eval(*expr.children[1]);
    if (op == "==") return TemplateValue::boolean(a.equals(b));
    if (op == "!=") return TemplateValue::boolean(!a.equals(b));
    if (op == "<") return TemplateValue::boolean(lessThan(expr.offset, a, b));
    if (op == ">") return TemplateValue::boolean(lessThan(expr.offset, b, a));
    if (op == "<=") return TemplateValue::boolean(!lessThan(expr.offset, b, a));
    if (op == ">=") return TemplateValue::boolean(!lessThan(expr.offset, a, b));
    if (op == "in") return TemplateValue::boolean(contains(expr.offset, b, a));
    if (op == "not in") return TemplateValue::boolean(!contains(expr.offset, b, a));
    if (op == "~") return makeString(expr.offset, a.toDisplayString() + b.toDisplayString());
    return arithmetic(expr.offset, op, a, b);
}

TemplateValue TemplateRenderer::arithmetic(std::size_t offset, const std::string &op, const TemplateValue &a, const TemplateValue &b)
{
    if (op == "+") {
        if (a.isString() && b.isString()) {
            chargeBytes(offset, a.asString().size() + b.asString().size());
            return TemplateValue::string(a.asString() + b.asString());
        }
        if (a.isList() && b.isList()) {
            TemplateValue::List items = a.asList();
            items.insert(items.end(), b.asList().begin(), b.asList().end());
            return makeList(offset, std::move(items));
        }
        // Like the reference implementation, a string plus a number or boolean concatenates.
        if ((a.isString() && (b.isNumber() || b.kind() == Kind::Bool)) || (b.isString() && (a.isNumber() || a.kind() == Kind::Bool)))
            return makeString(offset, a.toDisplayString() + b.toDisplayString());
    }
    if (op == "*") {
        const TemplateValue *sequence = a.isString() || a.isList() ? &a : b.isString() || b.isList() ? &b : nullptr;
        const TemplateValue *count = sequence == &a ? &b : &a;
        if (sequence && count->kind() == Kind::Int) {
            const std::int64_t n = std::max<std::int64_t>(0, count->asInt());
            if (sequence->isString()) {
                const std::size_t size = sequence->asString().size();
                if (size && static_cast<std::uint64_t>(n) > m_limits.maxOutputBytes / size)
                    fail(offset, "template built a string of more than " + std::to_string(m_limits.maxOutputBytes) + " bytes");
                std::string out;
                for (std::int64_t i = 0; i < n; ++i) out += sequence->asString();
                return makeString(offset, std::move(out));
            }
            const std::size_t size = sequence->asList().size();
            if (size && static_cast<std::uint64_t>(n) > m_limits.maxSteps / size) step(offset, m_limits.maxSteps + 1);
            TemplateValue::List items;
            for (std::int64_t i = 0; i < n; ++i) {
                step(offset, size);
                items.insert(items.end(), sequence->asList().begin(), sequence->asList().end());
            }
            return makeList(offset, std::move(items));
        }
    }
    if (!a.isNumber() || !b.isNumber())
        fail(offset, std::string("cannot apply `") + op + "` to " + a.kindName() + " and " + b.kindName());

    const bool ints = a.kind() == Kind::Int && b.kind() == Kind::Int;
    if (ints) {
        const std::int64_t x = a.asInt(), y = b.asInt();
        std::int64_t r = 0;
        if (op == "+" && !__builtin_add_overflow(x, y, &r)) return TemplateValue::integer(r);
        if (op == "-" && !__builtin_sub_overflow(x, y, &r)) return TemplateValue::integer(r);
        if (op == "*" && !__builtin_mul_overflow(x, y, &r)) return TemplateValue::integer(r);
        if (op == "//" || op == "%") {
            if (y == 0) fail(offset, "division by zero");
            if (x == std::numeric_limits<std::int64_t>::min() && y == -1) fail(offset, "integer overflow");
            // Python floors the quotient and gives the remainder the divisor's sign.
            std::int64_t q = x / y, m = x % y;
            if (m != 0 && ((m < 0) != (y < 0))) {
                --q;
                m += y;
            }
            return TemplateValue::integer(op == "//" ? q : m);
        }
        if (op == "**" && y >= 0) {
            std::int64_t result = 1, base = x, e = y;
            bool overflow = false;
            while (e > 0 && !overflow) {
                if (e & 1) overflow = __builtin_mul_overflow(result, base, &result);
                e >>= 1;
                if (e > 0 && !overflow) overflow = __builtin_mul_overflow(base, base, &base);
            }
            if (!overflow) return TemplateValue::integer(result);
        }
        if (op == "+" || op == "-" || op == "*" || op == "**") {
            if (op != "**") fail(offset, "integer overflow");
        }
    }
    const double x = a.asDouble(), y = b.asDouble();
    if (op == "+") return TemplateValue::number(x + y);
    if (op == "-") return TemplateValue::number(x - y);
    if (op == "*") return TemplateValue::number(x * y);
    if (op == "/") {
        if (y == 0) fail(offset, "division by zero");
        return TemplateValue::number(x / y);
    }
    if (op == "//") {
        if (y == 0) fail(offset, "division by zero");
        return TemplateValue::number(std::floor(x / y));
    }
    if (op == "%") {
        if (y == 0) fail(offset, "division by zero");
        double m = std::fmod(x, y);
        if (m != 0 && ((m < 0) != (y < 0))) m += y;
        return TemplateValue::number(m);
    }
    if (op == "**") return TemplateValue::number(std::pow(x, y));
    fail(offset, "unknown operator `" + op + "`");
}

TemplateValue TemplateRenderer::evalCall(const TemplateExpr &expr)
{
    const TemplateExpr &callee = *expr.children[0];
    Args args;
    Kwargs kwargs;
    if (callee.kind == TemplateExpr::Kind::Member) {
        // obj.method(...): strings, lists and dicts have the handful of Python methods
        // chat templates use; nothing else is callable through an attribute.
        const TemplateValue object = eval(*callee.children[0]);
        const TemplateValue *attribute = object.isMapping() ? object.find(callee.name) : nullptr;
        if (!attribute || attribute->kind() != Kind::Callable) {
            evalArguments(expr, 1, args, kwargs);
            return callMethod(expr.offset, object, callee.name, args, kwargs);
        }
    }
    const TemplateValue function = eval(callee);
    evalArguments(expr, 1, args, kwargs);
    if (function.kind() != Kind::Callable) {
        const std::string name = callee.kind == TemplateExpr::Kind::Name ? "`" + callee.name + "`" : "this value";
        fail(expr.offset, name + " is " + (function.isUndefined() ? "undefined" : std::string("a ") + function.kindName()) + ", not a function");
    }
    const TemplateCallable &callable = function.asCallable();
    if (callable.macro) return callMacro(expr.offset, *static_cast<const TemplateNode *>(callable.macro), args, kwargs);
    return callBuiltin(expr.offset, callable.builtin, args, kwargs);
}

TemplateValue TemplateRenderer::callMacro(std::size_t offset, const TemplateNode &macro, const Args &args, const Kwargs &kwargs)
{
    RenderDepth depth(*this, offset);
    if (args.size() > macro.targets.size())
        fail(offset, "macro `" + macro.text + "` takes " + std::to_string(macro.targets.size()) + " arguments, got " + std::to_string(args.size()));
    Frame frame;
    std::vector<Frame *> saved = m_frames;
    // A macro sees the template's globals and its own arguments, not the caller's locals.
    m_frames = {saved.front(), &frame};
    try {
        for (std::size_t i = 0; i < macro.targets.size(); ++i) {
            const std::string &param = macro.targets[i];
            auto keyword = std::find_if(kwargs.begin(), kwargs.end(), [&](const auto &kw) { return kw.first == param; });
            if (i < args.size()) frame[param] = args[i];
            else if (keyword != kwargs.end()) frame[param] = keyword->second;
            else if (macro.conditions[i]) frame[param] = eval(*macro.conditions[i]);
            else frame[param] = TemplateValue();
        }
        for (const auto &kw : kwargs)
            if (std::find(macro.targets.begin(), macro.targets.end(), kw.first) == macro.targets.end())
                fail(offset, "macro `" + macro.text + "` has no parameter `" + kw.first + "`");
        std::string out = capture(macro.bodies[0]);
        m_frames = std::move(saved);
        return TemplateValue::string(std::move(out));
    } catch (...) {
        m_frames = std::move(saved);
        throw;
    }
}

} // namespace llmos
