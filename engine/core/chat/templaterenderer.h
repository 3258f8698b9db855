#pragma once

#include "chat/chattemplatelimits.h"
#include "chat/templateast.h"
#include "chat/templatevalue.h"
#include "util/error.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace llmos {

// Evaluates a parsed chat template against a set of variables: one renderer per render()
// call, so rendering from several threads at once shares only the read-only AST.
// Everything a template can do is here: there is no path to files, the environment or
// host objects, and every loop, string and recursion is charged to the budgets.
class TemplateRenderer {
public:
    TemplateRenderer(std::string_view source, const std::string &name, const ChatTemplateLimits &limits,
                     const ChatRenderOptions &options);

    std::string render(const TemplateBody &body, const TemplateValue::Dict &variables);

private:
    enum class Flow { Normal, Break, Continue };
    // Few names per frame: a vector beats a hash map for the per-iteration frames of loops.
    class Frame {
    public:
        TemplateValue &operator[](const std::string &name);
        const TemplateValue *find(const std::string &name) const;

    private:
        std::vector<std::pair<std::string, TemplateValue>> m_entries;
    };
    using Args = std::vector<TemplateValue>;
    using Kwargs = std::vector<std::pair<std::string, TemplateValue>>;
    friend class RenderDepth;

    [[noreturn]] void fail(std::size_t offset, const std::string &detail, ErrorKind kind = ErrorKind::InvalidInput) const;
    std::string where(std::size_t offset) const;
    void step(std::size_t offset, std::uint64_t count = 1);
    void chargeBytes(std::size_t offset, std::size_t bytes);
    TemplateValue makeString(std::size_t offset, std::string text);
    TemplateValue makeList(std::size_t offset, TemplateValue::List items);
    TemplateValue makeDict(std::size_t offset, TemplateValue::Dict entries);
    void emit(std::size_t offset, std::string_view text);

    Flow renderBody(const TemplateBody &body);
    Flow renderNode(const TemplateNode &node);
    Flow renderFor(const TemplateNode &node);
    void renderSet(const TemplateNode &node);
    std::string capture(const TemplateBody &body);

    TemplateValue lookup(const std::string &name) const;
    void assign(const std::string &name, TemplateValue value);

    TemplateValue eval(const TemplateExpr &expr);
    TemplateValue evalBinary(const TemplateExpr &expr);
    TemplateValue evalCall(const TemplateExpr &expr);
    TemplateValue evalMember(const TemplateExpr &expr, const TemplateValue &object, const std::string &name);
    TemplateValue evalIndex(std::size_t offset, const TemplateValue &object, const TemplateValue &key);
    TemplateValue evalSlice(const TemplateExpr &expr);
    void evalArguments(const TemplateExpr &expr, std::size_t first, Args &args, Kwargs &kwargs);
    TemplateValue arithmetic(std::size_t offset, const std::string &op, const TemplateValue &a, const TemplateValue &b);
    bool lessThan(std::size_t offset, const TemplateValue &a, const TemplateValue &b);
    bool contains(std::size_t offset, const TemplateValue &container, const TemplateValue &item);
    std::vector<TemplateValue> iterate(std::size_t offset, const TemplateValue &value, const char *what);

    TemplateValue callBuiltin(std::size_t offset, const std::string &name, const Args &args, const Kwargs &kwargs);
    TemplateValue callMacro(std::size_t offset, const TemplateNode &macro, const Args &args, const Kwargs &kwargs);
    TemplateValue callMethod(std::size_t offset, const TemplateValue &object, const std::string &name, const Args &args,
                             const Kwargs &kwargs);
    TemplateValue applyFilter(std::size_t offset, const std::string &name, const TemplateValue &value, const Args &args,
                              const Kwargs &kwargs);
    bool applyTest(std::size_t offset, const std::string &name, const TemplateValue &value, const Args &args);
    std::string strftime(std::size_t offset, const std::string &format) const;

    std::string_view m_source;
    const std::string &m_name;
    ChatTemplateLimits m_limits;
    ChatRenderOptions m_options;
    std::uint64_t m_steps = 0;
    int m_depth = 0;
    std::string *m_out = nullptr;
    std::vector<Frame *> m_frames; // innermost last; a macro call sees the globals and its own frame
};

} // namespace llmos
