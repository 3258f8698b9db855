#include "chat/templatelexer.h"

#include "formats/strictjson.h"
#include "util/error.h"

#include <cctype>

namespace llmos {

namespace {

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool isNameStart(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool isNameChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }
bool isDigit(char c) { return c >= '0' && c <= '9'; }

void appendUtf8(std::string &out, unsigned long cp)
{
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// lstrip_blocks: when only spaces and tabs stand between the start of a source line and
// a block tag at `tag`, they are not output. Decided on the source, as the reference
// does, so a line whose newline trim_blocks already removed still counts as a line.
void lstripBeforeTag(std::string &text, std::string_view source, std::size_t tag)
{
    std::size_t i = tag;
    while (i > 0 && (source[i - 1] == ' ' || source[i - 1] == '\t')) --i;
    if (i != 0 && source[i - 1] != '\n') return;
    std::size_t count = tag - i;
    while (count > 0 && !text.empty() && (text.back() == ' ' || text.back() == '\t')) {
        text.pop_back();
        --count;
    }
}

} // namespace

TemplateLexer::TemplateLexer(std::string_view source, std::string name)
    : m_source(source), m_name(std::move(name))
{
    // Jinja's keep_trailing_newline=False: one final newline is not part of the output.
    if (!m_source.empty() && m_source.back() == '\n') {
        m_source.remove_suffix(1);
        if (!m_source.empty() && m_source.back() == '\r') m_source.remove_suffix(1);
    }
}

void TemplateLexer::fail(std::size_t offset, const std::string &detail) const
{
    throw Error(ErrorKind::Format, m_name + ": " + lineColumn(m_source, offset), detail);
}

std::vector<TemplateToken> TemplateLexer::tokenize()
{
    std::vector<TemplateToken> out;
    std::size_t pos = 0;
    const std::size_t n = m_source.size();
    std::string text;
    std::size_t textStart = 0;

    auto flushText = [&]() {
        if (!text.empty()) out.push_back({TemplateToken::Kind::Text, std::move(text), textStart});
        text.clear();
    };
    auto appendText = [&](std::size_t from, std::size_t to) {
        if (text.empty()) textStart = from;
        std::size_t start = from;
        if (m_stripNextLeading) {
            while (start < to && isSpace(m_source[start])) ++start;
            if (start < to) m_stripNextLeading = false;
        }
        text.append(m_source.substr(start, to - start));
    };

    while (pos < n) {
        const std::size_t open = m_source.find('{', pos);
        if (open == std::string_view::npos || open + 1 >= n) {
            appendText(pos, n);
            break;
        }
        const char kind = m_source[open + 1];
        if (kind != '{' && kind != '%' && kind != '#') {
            appendText(pos, open + 1);
            pos = open + 1;
            continue;
        }
        appendText(pos, open);
        const bool dashBefore = open + 2 < n && m_source[open + 2] == '-';
        const bool plusBefore = open + 2 < n && m_source[open + 2] == '+';
        if (dashBefore) {
            while (!text.empty() && isSpace(text.back())) text.pop_back();
        } else if (kind != '{' && !plusBefore) {
            lstripBeforeTag(text, m_source, open);
        }
        m_stripNextLeading = false;

        if (kind == '#') {
            const std::size_t close = m_source.find("#}", open + 2);
            if (close == std::string_view::npos) fail(open, "comment `{#` is never closed with `#}`");
            pos = close + 2;
            if (close > open + 2 && m_source[close - 1] == '-') m_stripNextLeading = true;
            else if (pos < n && m_source[pos] == '\n') ++pos; // trim_blocks
            else if (pos + 1 < n && m_source[pos] == '\r' && m_source[pos + 1] == '\n') pos += 2;
            continue;
        }
        flushText();
        pos = open + 2 + ((dashBefore || plusBefore) ? 1 : 0);
        if (kind == '%' && tryRaw(pos, out)) continue;
        out.push_back({kind == '{' ? TemplateToken::Kind::VarBegin : TemplateToken::Kind::BlockBegin, {}, open});
        lexTag(pos, kind == '{' ? TemplateToken::Kind::VarEnd : TemplateToken::Kind::BlockEnd, out);
    }
    flushText();
    out.push_back({TemplateToken::Kind::End, {}, n});
    return out;
}

// `{% raw %}...{% endraw %}`: the content is text, not template. pos is just past `{%`.
bool TemplateLexer::tryRaw(std::size_t &pos, std::vector<TemplateToken> &out)
{
    std::size_t p = pos;
    while (p < m_source.size() && isSpace(m_source[p])) ++p;
    if (m_source.substr(p, 3) != "raw" || (p + 3 < m_source.size() && isNameChar(m_source[p + 3]))) return false;
    p += 3;
    while (p < m_source.size() && isSpace(m_source[p])) ++p;
    bool dashAfter = false;
    if (p < m_source.size() && m_source[p] == '-') {
        dashAfter = true;
        ++p;
    }
    if (m_source.substr(p, 2) != "%}") fail(p, "expected `%}` after `raw`");
    p += 2;
    const std::size_t bodyStart = p;
    // Find `{%[-] endraw [-]%}`.
    std::size_t search = p;
    while (true) {
        const std::size_t tag = m_source.find("{%", search);
        if (tag == std::string_view::npos) fail(pos, "`{% raw %}` is never closed with `{% endraw %}`");
        std::size_t q = tag + 2;
        const bool dashBefore = q < m_source.size() && m_source[q] == '-';
        if (dashBefore) ++q;
        while (q < m_source.size() && isSpace(m_source[q])) ++q;
        if (m_source.substr(q, 6) == "endraw") {
            q += 6;
            while (q < m_source.size() && isSpace(m_source[q])) ++q;
            bool dashClose = false;
            if (q < m_source.size() && m_source[q] == '-') {
                dashClose = true;
                ++q;
            }
            if (m_source.substr(q, 2) == "%}") {
                std::string body(m_source.substr(bodyStart, tag - bodyStart));
                if (dashAfter) {
                    std::size_t s = 0;
                    while (s < body.size() && isSpace(body[s])) ++s;
                    body.erase(0, s);
                } else if (!body.empty() && body.front() == '\n') {
                    body.erase(0, 1); // trim_blocks after `{% raw %}`
                }
                if (dashBefore) {
                    while (!body.empty() && isSpace(body.back())) body.pop_back();
                } else {
                    lstripBeforeTag(body, m_source, tag);
                }
                if (!body.empty()) out.push_back({TemplateToken::Kind::Text, std::move(body), bodyStart});
                pos = q + 2;
                if (dashClose) m_stripNextLeading = true;
                else if (pos < m_source.size() && m_source[pos] == '\n') ++pos;
                return true;
            }
        }
        search = tag + 2;
    }
}

std::size_t TemplateLexer::readString(std::size_t pos, std::string &value) const
{
    const char quote = m_source[pos];
    std::size_t p = pos + 1;
    while (true) {
        if (p >= m_source.size()) fail(pos, "string literal is never closed");
        const char c = m_source[p];
        if (c == quote) return p + 1;
        if (c != '\\') {
            value += c;
            ++p;
            continue;
        }
        if (p + 1 >= m_source.size()) fail(pos, "string literal is never closed");
        const char e = m_source[p + 1];
        p += 2;
        switch (e) {
        case 'n': value += '\n'; break;
        case 't': value += '\t'; break;
        case 'r': value += '\r'; break;
        case 'b': value += '\b'; break;
        case 'f': value += '\f'; break;
        case 'v': value += '\v'; break;
        case '0': value += '\0'; break;
        case '\\': value += '\\'; break;
        case '\'': value += '\''; break;
        case '"': value += '"'; break;
        case '\n': break; // line continuation
        case 'x':
        case 'u':
        case 'U': {
            const std::size_t digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
            if (p + digits > m_source.size()) fail(p - 2, "incomplete escape sequence in string literal");
            unsigned long cp = 0;
            for (std::size_t i = 0; i < digits; ++i) {
                const char h = m_source[p + i];
                const int d = isDigit(h) ? h - '0' : (h >= 'a' && h <= 'f') ? h - 'a' + 10 : (h >= 'A' && h <= 'F') ? h - 'A' + 10 : -1;
                if (d < 0) fail(p - 2, "invalid hexadecimal escape in string literal");
                cp = cp * 16 + static_cast<unsigned long>(d);
            }
            if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) fail(p - 2, "escape is not a Unicode scalar value");
            appendUtf8(value, cp);
            p += digits;
            break;
        }
        default:
            // Python keeps unknown escapes as written.
            value += '\\';
            value += e;
        }
    }
}

void TemplateLexer::lexTag(std::size_t &pos, TemplateToken::Kind endKind, std::vector<TemplateToken> &out)
{
    const std::string_view close = endKind == TemplateToken::Kind::VarEnd ? "}}" : "%}";
    const std::size_t tagStart = pos;
    int braceDepth = 0; // `{{ {'a': 1} }}`: a `}}` inside a dict literal does not end the tag
    const std::size_t n = m_source.size();
    while (true) {
        while (pos < n && isSpace(m_source[pos])) ++pos;
        if (pos >= n) fail(tagStart - 2, std::string("tag is never closed with `") + std::string(close) + "`");
        const char c = m_source[pos];
        const bool dashClose = c == '-' && m_source.substr(pos + 1, 2) == close;
        if (braceDepth == 0 && (m_source.substr(pos, 2) == close || dashClose)) {
            if (dashClose) ++pos;
            out.push_back({endKind, {}, pos});
            pos += 2;
            if (dashClose) {
                m_stripNextLeading = true;
            } else if (endKind == TemplateToken::Kind::BlockEnd) {
                if (pos < n && m_source[pos] == '\n') ++pos; // trim_blocks
                else if (pos + 1 < n && m_source[pos] == '\r' && m_source[pos + 1] == '\n') pos += 2;
            }
            return;
        }
        const std::size_t start = pos;
        if (c == '\'' || c == '"') {
            std::string value;
            pos = readString(pos, value);
            out.push_back({TemplateToken::Kind::String, std::move(value), start});
        } else if (isDigit(c)) {
            while (pos < n && (isDigit(m_source[pos]) || m_source[pos] == '_')) ++pos;
            bool isFloat = false;
            if (pos + 1 < n && m_source[pos] == '.' && isDigit(m_source[pos + 1])) {
                isFloat = true;
                ++pos;
                while (pos < n && (isDigit(m_source[pos]) || m_source[pos] == '_')) ++pos;
            }
            if (pos < n && (m_source[pos] == 'e' || m_source[pos] == 'E')) {
                std::size_t q = pos + 1;
                if (q < n && (m_source[q] == '+' || m_source[q] == '-')) ++q;
                if (q < n && isDigit(m_source[q])) {
                    isFloat = true;
                    pos = q;
                    while (pos < n && isDigit(m_source[pos])) ++pos;
                }
            }
            std::string digits;
            for (std::size_t i = start; i < pos; ++i)
                if (m_source[i] != '_') digits += m_source[i];
            out.push_back({isFloat ? TemplateToken::Kind::Float : TemplateToken::Kind::Integer, std::move(digits), start});
        } else if (isNameStart(c)) {
            while (pos < n && isNameChar(m_source[pos])) ++pos;
            out.push_back({TemplateToken::Kind::Name, std::string(m_source.substr(start, pos - start)), start});
        } else {
            static const char *const twoChar[] = {"//", "**", "==", "!=", "<=", ">="};
            std::string op(1, c);
            for (const char *t : twoChar)
                if (m_source.substr(pos, 2) == t) op = t;
            if (op.size() == 1 && std::string_view("()[]{}.,:|~+-*/%=<>").find(c) == std::string_view::npos)
                fail(pos, std::string("unexpected character `") + c + "` in a tag");
            if (c == '{') ++braceDepth;
            if (c == '}' && braceDepth > 0) --braceDepth;
            pos += op.size();
            out.push_back({TemplateToken::Kind::Operator, std::move(op), start});
        }
    }
}

} // namespace llmos
