// Hostile and broken templates and conversations (BAD_INPUTS 26, 27): each must end in
// an llmos::Error that says what and where, never in a crash, a hang or escaped data.

#include "chat/chatmessages.h"
#include "chat/chattemplate.h"
#include "util/error.h"

#include <gtest/gtest.h>

#include <chrono>

namespace {

using nlohmann::ordered_json;

const ordered_json kMessages = ordered_json::parse(R"({"messages": [{"role": "user", "content": "hi"}], "bos_token": "<s>"})");

// Renders `source` and returns the Error it must throw.
llmos::Error renderError(const std::string &source, const llmos::ChatTemplateLimits &limits = {}, const ordered_json &variables = kMessages)
{
    try {
        const llmos::ChatTemplate chatTemplate(source, "t.jinja", limits);
        const std::string output = chatTemplate.render(variables);
        ADD_FAILURE() << "expected an error, rendered " << output.size() << " bytes: " << output.substr(0, 200);
    } catch (const llmos::Error &e) {
        return e;
    }
    return llmos::Error(llmos::ErrorKind::Internal, "", "");
}

bool contains(const std::string &text, const std::string &part)
{
    return text.find(part) != std::string::npos;
}

TEST(ChatTemplateErrors, RaiseExceptionCarriesTheTemplatesMessageAndPosition)
{
    const auto e = renderError("{% if messages[0].role != 'system' %}\n  {{ raise_exception('System message required!') }}\n{% endif %}");
    EXPECT_EQ(e.kind(), llmos::ErrorKind::InvalidInput);
    EXPECT_EQ(e.detail(), "System message required!");
    EXPECT_TRUE(contains(e.where(), "t.jinja: line 2, column")) << e.where();
}

TEST(ChatTemplateErrors, UnknownFilterTestAndMethod)
{
    auto e = renderError("{{ 'a' | nofilter }}");
    EXPECT_EQ(e.kind(), llmos::ErrorKind::InvalidInput);
    EXPECT_TRUE(contains(e.detail(), "unknown filter `nofilter`")) << e.detail();
    EXPECT_TRUE(contains(e.where(), "line 1, column")) << e.where();

    e = renderError("{{ 'a' is strange }}");
    EXPECT_TRUE(contains(e.detail(), "unknown test `strange`")) << e.detail();

    e = renderError("{{ messages[0].content.nomethod() }}");
    EXPECT_TRUE(contains(e.detail(), "unknown method `nomethod`")) << e.detail();

    e = renderError("{{ messages.append(1) }}");
    EXPECT_TRUE(contains(e.detail(), "unknown method `append`")) << e.detail();

    e = renderError("{{ nothing() }}");
    EXPECT_TRUE(contains(e.detail(), "`nothing` is undefined, not a function")) << e.detail();
}

TEST(ChatTemplateErrors, HugeLoopRunsOutOfBudgetQuickly)
{
    const auto start = std::chrono::steady_clock::now();
    auto e = renderError("{% for i in range(1000000000) %}x{% endfor %}");
    EXPECT_EQ(e.kind(), llmos::ErrorKind::InvalidInput);
    EXPECT_TRUE(contains(e.detail(), "budget of 10000000 operations")) << e.detail();

    // Nested loops over data, no range(): the budget still stops them.
    ordered_json variables = kMessages;
    variables["xs"] = ordered_json::array();
    for (int i = 0; i < 1000; ++i) variables["xs"].push_back(i);
    e = renderError("{% for a in xs %}{% for b in xs %}{% for c in xs %}{% endfor %}{% endfor %}{% endfor %}", {}, variables);
    EXPECT_TRUE(contains(e.detail(), "budget")) << e.detail();
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20));
}

TEST(ChatTemplateErrors, OutputAndStringSizesAreBounded)
{
    llmos::ChatTemplateLimits limits;
    limits.maxOutputBytes = 1 << 20;
    auto e = renderError("{% for i in range(100000) %}{{ 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' }}{% endfor %}", limits);
    EXPECT_TRUE(contains(e.detail(), "output exceeds the limit of 1048576 bytes")) << e.detail();

    // Doubling a string 40 times would be a terabyte; it stops at the limit instead.
    e = renderError("{% set ns = namespace(s='x') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s|length }}");
    EXPECT_TRUE(contains(e.detail(), "string of more than")) << e.detail();

    e = renderError("{{ 'x' * 1000000000000 }}");
    EXPECT_TRUE(contains(e.detail(), "string of more than")) << e.detail();

    e = renderError("{{ [1, 2] * 100000000000 }}");
    EXPECT_TRUE(contains(e.detail(), "budget")) << e.detail();
}

TEST(ChatTemplateErrors, SandboxEscapesRenderNothingOrFail)
{
    // Attribute chains that would reach Python internals in an unsandboxed Jinja: our
    // values have no such attributes, so each is empty or an error, never data.
    const char *payloads[] = {
        "{{ ''.__class__ }}",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
        "{{ self._TemplateReference__context }}",
        "{{ range.__globals__['os'] }}",
        "{{ namespace.__init__.__globals__ }}",
        "{{ messages.__class__.__base__ }}",
        "{{ config.items() }}",
        "{{ lipsum.__globals__ }}",
        "{{ request.application.__globals__ }}",
    };
    for (const char *payload : payloads) {
        SCOPED_TRACE(payload);
        try {
            EXPECT_EQ(llmos::ChatTemplate(payload).render(kMessages), "");
        } catch (const llmos::Error &e) {
            EXPECT_EQ(e.kind(), llmos::ErrorKind::InvalidInput) << e.detail();
        }
    }
}

TEST(ChatTemplateErrors, IncludeImportExtendsAreRefusedAtParseTime)
{
    for (const char *source : {"{% include 'other.jinja' %}", "x\n{% import 'macros.jinja' as m %}", "{% extends 'base.jinja' %}",
                               "{% from 'm.jinja' import f %}"}) {
        SCOPED_TRACE(source);
        try {
            llmos::ChatTemplate chatTemplate(source, "t.jinja");
            ADD_FAILURE() << "parsed";
        } catch (const llmos::Error &e) {
            EXPECT_EQ(e.kind(), llmos::ErrorKind::Unsupported);
            EXPECT_TRUE(contains(e.detail(), "not allowed")) << e.detail();
            EXPECT_TRUE(contains(e.where(), "t.jinja: line")) << e.where();
        }
    }
}

TEST(ChatTemplateErrors, ParseErrorsNameLineAndColumn)
{
    struct Case {
        const char *source;
        const char *where;
        const char *detail;
    } cases[] = {
        {"{% if x %}\n  {{ x + }}\n{% endif %}", "t.jinja: line 2, column 10", "expected an expression"},
        {"{% for m in messages %}\n{{ m }}", "t.jinja: line 2, column", "`{% endfor %}`"},
        {"ok\n{% frobnicate %}", "t.jinja: line 2, column 4", "unknown statement `frobnicate`"},
        {"{{ 'unterminated }}", "t.jinja: line 1, column 4", "string literal is never closed"},
        {"{{ x", "t.jinja: line 1, column 1", "never closed"},
        {"{# comment", "t.jinja: line 1, column 1", "never closed"},
        {"{{ a ? b }}", "t.jinja: line 1, column 6", "unexpected character"},
        {"{% endif %}", "t.jinja: line 1, column 4", "unknown statement `endif`"},
    };
    for (const auto &c : cases) {
        SCOPED_TRACE(c.source);
        try {
            llmos::ChatTemplate chatTemplate(c.source, "t.jinja");
            ADD_FAILURE() << "parsed";
        } catch (const llmos::Error &e) {
            EXPECT_EQ(e.kind(), llmos::ErrorKind::Format);
            EXPECT_TRUE(contains(e.where(), c.where)) << e.where();
            EXPECT_TRUE(contains(e.detail(), c.detail)) << e.detail();
        }
    }
}

TEST(ChatTemplateErrors, DeepNestingAndRecursionAreBounded)
{
    for (const std::string &source : {"{{ " + std::string(100000, '(') + "1" + std::string(100000, ')') + " }}",
                                      "{{ 1" + [] { std::string s; for (int i = 0; i < 100000; ++i) s += "+1"; return s; }() + " }}",
                                      "{{ " + [] { std::string s; for (int i = 0; i < 100000; ++i) s += "not "; return s; }() + "x }}",
                                      [] { std::string s; for (int i = 0; i < 10000; ++i) s += "{% if x %}"; return s; }(),
                                      "{{ x" + [] { std::string s; for (int i = 0; i < 100000; ++i) s += ".a"; return s; }() + " }}",
                                      "{{ " + std::string(100000, '[') + std::string(100000, ']') + " }}"}) {
        try {
            llmos::ChatTemplate chatTemplate(source);
            ADD_FAILURE() << "parsed";
        } catch (const llmos::Error &e) {
            EXPECT_EQ(e.kind(), llmos::ErrorKind::Format);
            EXPECT_TRUE(contains(e.detail(), "nested more than")) << e.detail();
        }
    }
    auto e = renderError("{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}");
    EXPECT_TRUE(contains(e.detail(), "recursion is deeper than")) << e.detail();

    // A namespace may not hold itself (or any namespace), so no value is cyclic.
    e = renderError("{% set ns = namespace(a=1) %}{% set ns.a = ns %}{{ ns|tojson }}");
    EXPECT_TRUE(contains(e.detail(), "cannot hold another namespace")) << e.detail();
    e = renderError("{% set ns = namespace(a=1) %}{% set ns.a = [[ns]] %}");
    EXPECT_TRUE(contains(e.detail(), "cannot hold another namespace")) << e.detail();
}

TEST(ChatTemplateErrors, TypeErrorsAreErrors)
{
    EXPECT_TRUE(contains(renderError("{{ 1 / 0 }}").detail(), "division by zero"));
    EXPECT_TRUE(contains(renderError("{{ 'a' - 1 }}").detail(), "cannot apply `-`"));
    EXPECT_TRUE(contains(renderError("{{ 9223372036854775807 + 1 }}").detail(), "overflow"));
    EXPECT_TRUE(contains(renderError("{% for a, b in [1, 2] %}{% endfor %}").detail(), "cannot unpack"));
    EXPECT_TRUE(contains(renderError("{% set x = 1 %}{% set x.a = 2 %}").detail(), "only a namespace()"));
    EXPECT_TRUE(contains(renderError("{{ undefined_thing.attribute }}").detail(), "undefined value"));
    EXPECT_TRUE(contains(renderError("{{ 'abc'[::0] }}").detail(), "slice step cannot be zero"));
}

llmos::Error messagesError(const char *json)
{
    try {
        llmos::validateChatMessages(ordered_json::parse(json));
        ADD_FAILURE() << "accepted " << json;
    } catch (const llmos::Error &e) {
        EXPECT_EQ(e.kind(), llmos::ErrorKind::InvalidInput);
        return e;
    }
    return llmos::Error(llmos::ErrorKind::Internal, "", "");
}

TEST(ChatMessages, ValidationNamesTheMessageIndex)
{
    EXPECT_NO_THROW(llmos::validateChatMessages(ordered_json::parse(
        R"([{"role": "system", "content": "s"}, {"role": "user", "content": [{"type": "text", "text": "hi"}, {"type": "image"}]},
            {"role": "assistant", "content": null, "tool_calls": [{"type": "function", "function": {"name": "f", "arguments": {}}}]},
            {"role": "tool", "content": "42"}, {"role": "assistant", "content": "done"}])")));

    auto e = messagesError("[]");
    EXPECT_EQ(e.where(), "messages");
    EXPECT_TRUE(contains(e.detail(), "empty"));

    e = messagesError(R"({"role": "user"})");
    EXPECT_EQ(e.where(), "messages");

    e = messagesError(R"([{"role": "user", "content": "a"}, {"role": "wizard", "content": "b"}])");
    EXPECT_EQ(e.where(), "messages[1]");
    EXPECT_TRUE(contains(e.detail(), "unknown role \"wizard\"")) << e.detail();

    e = messagesError(R"([{"role": "user", "content": "a"}, {"role": "assistant", "content": "b"}, {"role": "user"}])");
    EXPECT_EQ(e.where(), "messages[2]");
    EXPECT_TRUE(contains(e.detail(), "no \"content\"")) << e.detail();

    e = messagesError(R"([{"content": "a"}])");
    EXPECT_EQ(e.where(), "messages[0]");
    EXPECT_TRUE(contains(e.detail(), "no \"role\""));

    e = messagesError(R"([{"role": "user", "content": 42}])");
    EXPECT_EQ(e.where(), "messages[0]");

    e = messagesError(R"([{"role": "user", "content": [{"type": "text"}]}])");
    EXPECT_TRUE(contains(e.detail(), "content part 0")) << e.detail();

    e = messagesError(R"([{"role": "user", "content": "a"}, {"role": "tool", "content": "42"}])");
    EXPECT_EQ(e.where(), "messages[1]");
    EXPECT_TRUE(contains(e.detail(), "tool message")) << e.detail();

    e = messagesError(R"([{"role": "assistant", "content": null, "tool_calls": [{"function": {"arguments": "{}"}}]}])");
    EXPECT_TRUE(contains(e.detail(), "tool_calls[0].function has no string \"name\"")) << e.detail();

    e = messagesError(R"(["hello"])");
    EXPECT_EQ(e.where(), "messages[0]");
}

TEST(ChatMessages, TemplateThatCannotRenderAToolMessageFailsCleanly)
{
    // Mistral v0.1 knows only user and assistant: a tool turn is its raise_exception.
    const llmos::ChatTemplate mistral(
        "{{ bos_token }}{% for message in messages %}{% if message['role'] == 'user' %}{{ '[INST] ' + message['content'] + ' [/INST]' }}"
        "{% elif message['role'] == 'assistant' %}{{ message['content'] + eos_token }}{% else %}{{ raise_exception('Only user and assistant roles are supported!') }}"
        "{% endif %}{% endfor %}");
    const auto variables = ordered_json::parse(R"({"messages": [{"role": "user", "content": "a"}, {"role": "tool", "content": "42"}]})");
    try {
        mistral.render(variables);
        ADD_FAILURE() << "rendered";
    } catch (const llmos::Error &e) {
        EXPECT_EQ(e.kind(), llmos::ErrorKind::InvalidInput);
        EXPECT_EQ(e.detail(), "Only user and assistant roles are supported!");
    }
}

} // namespace
