// Language features beyond what the reference fixtures exercise. Expected values are
// Python Jinja2's (ImmutableSandboxedEnvironment, trim_blocks, lstrip_blocks,
// loopcontrols, transformers' tojson), printed the way @huggingface/jinja prints values
// (true/false, lists as JSON): the conventions ChatTemplate follows.

#include "chat/chattemplate.h"
#include "util/error.h"

#include <gtest/gtest.h>

#include <thread>

namespace {

using nlohmann::ordered_json;

struct FeatureCase {
    const char *name;
    const char *source;
    const char *variables;
    const char *expected;
};

class ChatTemplateFeature : public testing::TestWithParam<FeatureCase> {};

TEST_P(ChatTemplateFeature, RendersLikeJinja)
{
    const FeatureCase &c = GetParam();
    const llmos::ChatTemplate chatTemplate(c.source, c.name);
    llmos::ChatRenderOptions options;
    options.now = 1721999100; // 2024-07-26 13:05:00 UTC
    try {
        EXPECT_EQ(chatTemplate.render(ordered_json::parse(c.variables), options), c.expected);
    } catch (const llmos::Error &e) {
        FAIL() << e.where() << ": " << e.detail();
    }
}

const FeatureCase kFeatures[] = {
    {"raw", "{% raw %}{{ x }}{% endraw %}", "{}", "{{ x }}"},
    {"round", "{{ 3.14159|round(2) }}|{{ 2.5|round }}|{{ 7|round }}", "{}", "3.14|2.0|7"},
    {"wordcount", "{{ 'one two  three'|wordcount }}", "{}", "3"},
    {"macro", "{% macro f(a, b='x') %}[{{a}}-{{b}}]{% endmacro %}{{ f(1) }}{{ f(2, b=3) }}", "{}", "[1-x][2-3]"},
    {"loop_variables",
     "{% for x in xs %}{{ loop.index }}{{ loop.index0 }}{{ loop.revindex }}{{ loop.revindex0 }}{{ loop.length }}{{ loop.first }}{{ loop.last }};{% endfor %}",
     R"({"xs": ["a","b","c"]})", "10323truefalse;21213falsefalse;32103falsetrue;"},
    {"loop_neighbours", "{% for x in xs %}{{ loop.previtem }}>{{ x }}>{{ loop.nextitem }} {% endfor %}", R"({"xs": [1,2,3]})", ">1>2 1>2>3 2>3> "},
    {"slicing", "{{ 'abcdef'[::-1] }}|{{ 'abcdef'[1:] }}|{{ 'abcdef'[:-2] }}|{{ 'abcdef'[::2] }}|{{ [1,2,3,4][1:3] }}", "{}", "fedcba|bcdef|abcd|ace|[2, 3]"},
    {"case_filters", "{{ s|upper }}|{{ s|lower }}|{{ s|title }}|{{ s|capitalize }}|{{ s|length }}", R"({"s": "hÉllo wörld"})",
     "HÉLLO WÖRLD|héllo wörld|Héllo Wörld|Héllo wörld|11"},
    {"list_filters", "{{ [3,1,2]|sort|join(',') }}|{{ ['b','A','c']|sort|join }}|{{ [1,2,2,3,1]|unique|join }}|{{ [1,2,3]|reverse|join }}", "{}", "1,2,3|Abc|123|321"},
    {"dict_access", "{{ d|dictsort }}|{{ d|items|list }}|{{ d.keys()|list }}|{{ d.values()|list }}", R"({"d": {"b": 1, "a": 2}})",
     R"([["a", 2], ["b", 1]]|[["b", 1], ["a", 2]]|["b", "a"]|[1, 2])"},
    {"selectattr_map",
     "{{ xs|selectattr('role', 'equalto', 'user')|map(attribute='content')|join('/') }}|{{ xs|rejectattr('role', 'equalto', 'user')|list|length }}",
     R"({"xs": [{"role":"user","content":"u1"},{"role":"assistant","content":"a1"},{"role":"user","content":"u2"}]})", "u1/u2|1"},
    {"tojson", "{{ x|tojson }}|{{ x|tojson(indent=2) }}", R"({"x": {"z": [1, 2.5, "é\"\n"], "a": null, "t": true}})",
     "{\"z\": [1, 2.5, \"é\\\"\\n\"], \"a\": null, \"t\": true}|{\n  \"z\": [\n    1,\n    2.5,\n    \"é\\\"\\n\"\n  ],\n  \"a\": null,\n  \"t\": true\n}"},
    {"namespace_break_continue",
     "{% set ns = namespace(n=0, s='') %}{% for i in range(5) %}{% if i == 3 %}{% break %}{% endif %}{% if i == 1 %}{% continue %}{% endif %}{% set ns.n = ns.n + i %}{% set ns.s = ns.s ~ i %}{% endfor %}{{ ns.n }}/{{ ns.s }}",
     "{}", "2/02"},
    {"trim_and_lstrip_blocks", "a\n  {% if true %}\n    b\n  {% endif %}\nc\n", "{}", "a\n    b\nc"},
    {"whitespace_control", "a  {{- ' b ' -}}  c {%- if true -%}   d   {%- endif %} e", "{}", "a b cd e"},
    {"comments", "{# comment #}x{#- trimmed -#}  y", "{}", "xy"},
    {"strftime_now", "{{ strftime_now('%Y-%m-%d %d %b %B %H:%M') }}", "{}", "2024-07-26 26 Jul July 13:05"},
    {"string_methods",
     "{{ ' x '.strip() }}|{{ 'a,b,,c'.split(',') }}|{{ ' a  b '.split() }}|{{ 'xxaxx'.lstrip('x') }}|{{ 'xxaxx'.rstrip('x') }}|{{ 'ab'.startswith('a') }}{{ 'ab'.endswith('a') }}|{{ 'aXbX'.replace('X', '-') }}",
     "{}", R"(x|["a", "b", "", "c"]|["a", "b"]|axx|xxa|truefalse|a-b-)"},
    {"dict_get", "{{ d.get('a') }}|{{ d.get('zz', 'dflt') }}|{{ d.get('zz') is none }}", R"({"d": {"a": 1}})", "1|dflt|true"},
    {"arithmetic", "{{ 7 // 2 }} {{ -7 // 2 }} {{ 7 % 3 }} {{ -7 % 3 }} {{ 2 ** 10 }} {{ 10 / 4 }} {{ 1 + 2.5 }} {{ 'a' ~ 1 ~ 2.0 }}", "{}",
     "3 -4 1 2 1024 2.5 3.5 a12.0"},
    {"tests",
     "{{ 5 is divisibleby 5 }}{{ 4 is odd }}{{ 4 is even }}{{ none is none }}{{ x is defined }}{{ y is undefined }}{{ 'a' is string }}{{ 1 is number }}{{ {} is mapping }}{{ [] is iterable }}{{ true is boolean }}{{ false is false }}",
     R"({"x": 1})", "truefalsetruetruetruetruetruetruetruetruetruetrue"},
    {"membership", "{{ 'b' in 'abc' }}{{ 'z' not in 'abc' }}{{ 2 in [1,2] }}{{ 'k' in {'k': 1} }}", "{}", "truetruetruetrue"},
    {"conditional_default", "{{ x if x else 'none' }}|{{ y or 'fallback' }}|{{ y|default('d') }}|{{ ''|default('e', true) }}", R"({"x": 0})", "none|fallback|d|e"},
    {"set_unpack_and_block", "{% set a, b = [1, 2] %}{{ a + b }}{% set c %}block {{ a }}{% endset %}|{{ c }}", "{}", "3|block 1"},
    {"indent", "{{ 'a\\nb\\n\\nc'|indent(2) }}|{{ 'a\\nb'|indent(2, true) }}", "{}", "a\n  b\n\n  c|  a\n  b"},
    {"conversions", "{{ '3'|int + 1 }} {{ '2.7'|float }} {{ -2.7|int }} {{ 'x'|int }} {{ 3|float }} {{ -3|abs }}", "{}", "4 2.7 -2 0 3.0 3"},
    {"first_last_length", "{{ [1,2,3]|first }}{{ [1,2,3]|last }}{{ 'abc'|first }}{{ [1,2,3]|length }}{{ [1,2,3]|count }}{{ 'ab'|list }}", "{}", R"(13a33["a", "b"])"},
    {"for_else_items", "{% for k, v in d.items() %}{{ k }}={{ v }};{% else %}empty{% endfor %}{% for x in [] %}x{% else %}empty{% endfor %}", R"({"d": {"x": 1, "y": 2}})",
     "x=1;y=2;empty"},
    {"loop_filter", "{% for x in xs if x > 1 %}{{ loop.index }}:{{ x }} {% endfor %}", R"({"xs": [1,2,3]})", "1:2 2:3 "},
    {"code_points", "{{ 'Hello'|replace('l', 'L', 1) }}{{ 'é😀a'[1] }}{{ 'é😀a'|length }}{{ 'é😀a'[::-1] }}", "{}", "HeLlo😀3a😀é"},
    {"subscripts", "{{ messages[0]['content'] }}{{ messages[0].content }}{{ messages|length }}{{ messages.0.role }}", R"({"messages": [{"role": "user", "content": "hi"}]})",
     "hihi1user"},
    {"generation_marker", "{%- generation %}kept{% endgeneration -%}", "{}", "kept"},
    {"undefined_prints_nothing", "[{{ nothing }}][{{ none }}]", "{}", "[][]"},
    {"sandbox_attributes", "[{{ ''.__class__ }}][{{ range.__globals__ }}][{{ namespace.__init__ }}][{{ {}.__class__ }}]", "{}", "[][][][]"},
};

INSTANTIATE_TEST_SUITE_P(Features, ChatTemplateFeature, testing::ValuesIn(kFeatures),
                         [](const testing::TestParamInfo<FeatureCase> &info) { return std::string(info.param.name); });

TEST(ChatTemplate, RendersFromManyThreadsAtOnce)
{
    const llmos::ChatTemplate chatTemplate(
        "{% set ns = namespace(n=0) %}{% for m in messages %}{% set ns.n = ns.n + 1 %}<{{ m.role }}>{{ m.content|trim }}{% endfor %}{{ ns.n }}");
    const ordered_json variables = ordered_json::parse(R"({"messages": [{"role": "user", "content": " a "}, {"role": "assistant", "content": "b"}]})");
    const std::string expected = "<user>a<assistant>b2";
    std::vector<std::thread> threads;
    std::atomic<int> mismatches{0};
    for (int t = 0; t < 8; ++t)
        threads.emplace_back([&] {
            for (int i = 0; i < 200; ++i)
                if (chatTemplate.render(variables) != expected) ++mismatches;
        });
    for (auto &thread : threads) thread.join();
    EXPECT_EQ(mismatches.load(), 0);
}

TEST(ChatTemplate, KeepsTheCallersKeyOrderInToJson)
{
    const llmos::ChatTemplate chatTemplate("{{ tools|tojson }}");
    const ordered_json variables = ordered_json::parse(R"({"tools": [{"type": "function", "function": {"name": "f", "description": "d", "parameters": {}}}]})");
    EXPECT_EQ(chatTemplate.render(variables), R"([{"type": "function", "function": {"name": "f", "description": "d", "parameters": {}}}])");
}

TEST(ChatTemplate, InvalidUtf8BecomesReplacementCharacters)
{
    const llmos::ChatTemplate chatTemplate("[{{ text }}]\xff");
    ordered_json variables;
    variables["text"] = std::string("a\xc3(b");
    EXPECT_EQ(chatTemplate.render(variables), "[a\xef\xbf\xbd(b]\xef\xbf\xbd");
}

} // namespace
