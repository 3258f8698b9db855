#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace llmos {

struct TemplateCallable;

// A value inside the chat-template interpreter: what Jinja calls an object, restricted to
// the kinds a chat template can see (JSON-like data, a namespace, a function). There is no
// way from a value to anything outside it, which is the point of the sandbox.
// Strings, lists and dicts are shared and immutable once built, so copying a value (as
// every variable lookup does) is cheap; only a namespace is mutable, as in Jinja.
class TemplateValue {
public:
    enum class Kind { Undefined, None, Bool, Int, Float, String, List, Dict, Namespace, Callable };
    using List = std::vector<TemplateValue>;
    // Insertion-ordered, as Python dicts are: tojson and items() must keep the caller's order.
    using Dict = std::vector<std::pair<std::string, TemplateValue>>;

    TemplateValue() = default;
    static TemplateValue none();
    static TemplateValue boolean(bool value);
    static TemplateValue integer(std::int64_t value);
    static TemplateValue number(double value);
    static TemplateValue string(std::string value);
    static TemplateValue list(List items);
    static TemplateValue dict(Dict entries);
    static TemplateValue ns(Dict entries);
    static TemplateValue callable(std::shared_ptr<const TemplateCallable> callable);
    // Throws Error(InvalidInput) for JSON nested deeper than kMaxDepth.
    static TemplateValue fromJson(const nlohmann::ordered_json &json);

    // How deep lists and dicts may nest. Printing, comparing and tojson recurse, so
    // a bound keeps a template that wraps a list in itself a million times from
    // overflowing the stack.
    static constexpr int kMaxDepth = 200;

    Kind kind() const noexcept { return m_kind; }
    bool isUndefined() const noexcept { return m_kind == Kind::Undefined; }
    bool isNone() const noexcept { return m_kind == Kind::None; }
    bool isString() const noexcept { return m_kind == Kind::String; }
    bool isList() const noexcept { return m_kind == Kind::List; }
    bool isNumber() const noexcept { return m_kind == Kind::Int || m_kind == Kind::Float; }
    // Dict or namespace: both hold attributes.
    bool isMapping() const noexcept { return m_kind == Kind::Dict || m_kind == Kind::Namespace; }

    bool asBool() const noexcept { return m_bool; }
    std::int64_t asInt() const noexcept { return m_int; }
    double asDouble() const noexcept { return m_kind == Kind::Int ? static_cast<double>(m_int) : m_float; }
    const std::string &asString() const;
    const List &asList() const;
    const Dict &asDict() const;
    Dict &namespaceEntries() const;
    const TemplateCallable &asCallable() const;

    // Attribute or key lookup in a dict or namespace; null when absent or not a mapping.
    const TemplateValue *find(std::string_view key) const;

    bool truthy() const;
    // Jinja's `==`: deep equality, with 1 == 1.0.
    bool equals(const TemplateValue &other) const;
    // How `{{ value }}` prints it, following @huggingface/jinja (the reference the fixtures
    // come from): none/undefined print nothing, booleans print as true/false, lists and
    // dicts as JSON with ", " and ": " separators.
    std::string toDisplayString() const;
    // The tojson filter: Python json.dumps(ensure_ascii=False) with key order kept;
    // indent < 0 means one line.
    std::string toJson(int indent = -1) const;
    const char *kindName() const noexcept;
    // 0 for scalars, 1 + the deepest element for lists and dicts.
    int depth() const noexcept { return m_depth; }
    // Whether a namespace is in this value: a namespace may not hold one, so that no
    // value can contain itself.
    bool holdsNamespace() const noexcept { return m_holdsNamespace; }

private:
    void appendJson(std::string &out, int indent, int level) const;
    static TemplateValue fromJsonAt(const nlohmann::ordered_json &json, int depth);
    void measureChildren();

    Kind m_kind = Kind::Undefined;
    bool m_bool = false;
    bool m_holdsNamespace = false;
    int m_depth = 0;
    std::int64_t m_int = 0;
    double m_float = 0.0;
    std::shared_ptr<const std::string> m_string;
    std::shared_ptr<const List> m_list;
    std::shared_ptr<Dict> m_dict;
    std::shared_ptr<const TemplateCallable> m_callable;
};

// A function value: a built-in global (by name) or a macro defined in the template.
struct TemplateCallable {
    std::string builtin;
    const void *macro = nullptr; // a TemplateNode of kind Macro, owned by the parsed template
};

// Shortest round-trip text of a double, with ".0" for integral values, like Python's repr.
std::string formatTemplateFloat(double value);

} // namespace llmos
