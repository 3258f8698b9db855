// The built-in functions, filters, tests and methods of the chat-template interpreter:
// the subset of Jinja and Python that Hugging Face chat templates use. Each follows
// Jinja/Python semantics (what transformers renders with); where @huggingface/jinja, the
// reference for our fixtures, prints values differently, the printing follows it (see
// TemplateValue::toDisplayString).

#include "chat/templaterenderer.h"
#include "chat/templatestrings.h"
#include "util/error.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <ctime>

namespace llmos {

namespace {

using Kind = TemplateValue::Kind;

// Positional-or-keyword argument lookup, as Python binds them.
const TemplateValue *argument(const std::vector<TemplateValue> &args, const std::vector<std::pair<std::string, TemplateValue>> &kwargs,
                              std::size_t position, std::string_view name)
{
    if (position < args.size()) return &args[position];
    for (const auto &kw : kwargs)
        if (kw.first == name) return &kw.second;
    return nullptr;
}

bool flag(const TemplateValue *value, bool fallback)
{
    return value ? value->truthy() : fallback;
}

// Jinja's attribute lookup for filters (`map(attribute='a.b')`): dots walk into dicts,
// digits index lists.
TemplateValue attributePath(const TemplateValue &item, const std::string &path)
{
    TemplateValue value = item;
    std::size_t start = 0;
    while (start <= path.size()) {
        const std::size_t dot = std::min(path.find('.', start), path.size());
        const std::string part = path.substr(start, dot - start);
        if (value.isMapping()) {
            const TemplateValue *found = value.find(part);
            value = found ? *found : TemplateValue();
        } else if (value.isList() && !part.empty() && std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; })) {
            const auto index = std::strtoull(part.c_str(), nullptr, 10);
            value = index < value.asList().size() ? value.asList()[index] : TemplateValue();
        } else {
            return {};
        }
        start = dot + 1;
    }
    return value;
}

std::string lowered(const TemplateValue &value)
{
    return value.isString() ? templatestrings::lower(value.asString()) : std::string();
}

} // namespace

TemplateValue TemplateRenderer::callBuiltin(std::size_t offset, const std::string &name, const Args &args, const Kwargs &kwargs)
{
    if (name == "raise_exception") {
        // The template's own message is the most useful thing to show the user.
        const std::string message = args.empty() ? std::string("raise_exception() called") : args[0].toDisplayString();
        throw Error(ErrorKind::InvalidInput, where(offset) + " (raise_exception)", message);
    }
    if (name == "range") {
        if (args.empty() || args.size() > 3 || !kwargs.empty()) fail(offset, "range() takes 1 to 3 integer arguments");
        for (const auto &a : args)
            if (a.kind() != Kind::Int) fail(offset, std::string("range() arguments must be integers, not ") + a.kindName());
        const std::int64_t start = args.size() > 1 ? args[0].asInt() : 0;
        const std::int64_t stop = args.size() > 1 ? args[1].asInt() : args[0].asInt();
        const std::int64_t by = args.size() > 2 ? args[2].asInt() : 1;
        if (by == 0) fail(offset, "range() step must not be zero");
        // Count first, in floating point so huge bounds cannot overflow, and charge the
        // budget before building anything: range(10**9) fails at once.
        const double count = std::max(0.0, std::ceil((static_cast<double>(stop) - static_cast<double>(start)) / static_cast<double>(by)));
        if (count > static_cast<double>(m_limits.maxSteps - std::min(m_steps, m_limits.maxSteps))) step(offset, m_limits.maxSteps + 1);
        const auto n = static_cast<std::int64_t>(count);
        TemplateValue::List items;
        items.reserve(static_cast<std::size_t>(n));
        for (std::int64_t i = 0; i < n; ++i) items.push_back(TemplateValue::integer(start + i * by));
        return makeList(offset, std::move(items));
    }
    if (name == "namespace" || name == "dict") {
        TemplateValue::Dict entries;
        if (args.size() > 1) fail(offset, name + "() takes at most one positional argument");
        if (!args.empty()) {
            if (!args[0].isMapping()) fail(offset, name + "() takes a dict, not " + std::string(args[0].kindName()));
            entries = args[0].asDict();
        }
        for (const auto &keyword : kwargs) {
            auto existing = std::find_if(entries.begin(), entries.end(), [&](const auto &e) { return e.first == keyword.first; });
            if (existing != entries.end()) existing->second = keyword.second;
            else entries.emplace_back(keyword.first, keyword.second);
        }
        if (name == "dict") return makeDict(offset, std::move(entries));
        for (const auto &entry : entries)
            if (entry.second.holdsNamespace()) fail(offset, "a namespace cannot hold another namespace");
        step(offset, entries.size());
        return TemplateValue::ns(std::move(entries));
    }
    if (name == "strftime_now") {
        if (args.size() != 1 || !args[0].isString()) fail(offset, "strftime_now() takes one format string");
        return makeString(offset, strftime(offset, args[0].asString()));
    }
    fail(offset, "unknown function `" + name + "`");
}

std::string TemplateRenderer::strftime(std::size_t offset, const std::string &format) const
{
    // Our own formatter for the C-locale directives templates use: std::strftime is
    // locale-dependent and undefined for unknown directives.
    std::int64_t now = m_options.now ? *m_options.now
                                     : std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    const std::time_t t = static_cast<std::time_t>(now);
    std::tm tm{};
    if (!gmtime_r(&t, &tm)) fail(offset, "strftime_now(): time out of range");
    static const char *const months[] = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"};
    static const char *const days[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
    auto two = [](int v) { return (v < 10 ? "0" : "") + std::to_string(v); };
    std::string out;
    for (std::size_t i = 0; i < format.size(); ++i) {
        if (format[i] != '%' || i + 1 >= format.size()) {
            out += format[i];
            continue;
        }
        const char d = format[++i];
        switch (d) {
        case 'Y': out += std::to_string(tm.tm_year + 1900); break;
        case 'y': out += two((tm.tm_year + 1900) % 100); break;
        case 'm': out += two(tm.tm_mon + 1); break;
        case 'd': out += two(tm.tm_mday); break;
        case 'e': out += (tm.tm_mday < 10 ? " " : "") + std::to_string(tm.tm_mday); break;
        case 'H': out += two(tm.tm_hour); break;
        case 'I': out += two(tm.tm_hour % 12 == 0 ? 12 : tm.tm_hour % 12); break;
        case 'M': out += two(tm.tm_min); break;
        case 'S': out += two(tm.tm_sec); break;
        case 'p': out += tm.tm_hour < 12 ? "AM" : "PM"; break;
        case 'B': out += months[tm.tm_mon]; break;
        case 'b': out += std::string(months[tm.tm_mon]).substr(0, 3); break;
        case 'A': out += days[tm.tm_wday]; break;
        case 'a': out += std::string(days[tm.tm_wday]).substr(0, 3); break;
        case 'j': {
            const int day = tm.tm_yday + 1;
            out += (day < 100 ? (day < 10 ? "00" : "0") : "") + std::to_string(day);
            break;
        }
        case '%': out += '%'; break;
        default:
            out += '%';
            out += d;
        }
    }
    return out;
}

TemplateValue TemplateRenderer::callMethod(std::size_t offset, const TemplateValue &object, const std::string &name, const Args &args,
                                           const Kwargs &kwargs)
{
    auto stringArg = [&](std::size_t position, std::string_view argName) -> const std::string * {
        const TemplateValue *v = argument(args, kwargs, position, argName);
        if (!v || v->isNone()) return nullptr;
        if (!v->isString()) fail(offset, "." + name + "() needs a string argument, not " + std::string(v->kindName()));
        return &v->asString();
    };
    if (object.isString()) {
        const std::string &s = object.asString();
        step(offset, s.size() / 64);
        if (name == "strip" || name == "lstrip" || name == "rstrip")
            return makeString(offset, templatestrings::strip(s, stringArg(0, "chars"), name != "rstrip", name != "lstrip"));
        if (name == "upper") return makeString(offset, templatestrings::upper(s));
        if (name == "lower") return makeString(offset, templatestrings::lower(s));
        if (name == "title") return makeString(offset, templatestrings::title(s));
        if (name == "capitalize") return makeString(offset, templatestrings::capitalize(s));
        if (name == "startswith" || name == "endswith") {
            const TemplateValue *v = argument(args, kwargs, 0, "prefix");
            if (!v) fail(offset, "." + name + "() needs an argument");
            std::vector<std::string> candidates;
            if (v->isString()) candidates.push_back(v->asString());
            else if (v->isList())
                for (const auto &item : v->asList()) candidates.push_back(item.toDisplayString());
            else fail(offset, "." + name + "() needs a string or a tuple of strings");
            for (const auto &c : candidates) {
                const bool hit = name == "startswith" ? s.compare(0, c.size(), c) == 0 && s.size() >= c.size()
                                                      : s.size() >= c.size() && s.compare(s.size() - c.size(), c.size(), c) == 0;
                if (hit) return TemplateValue::boolean(true);
            }
            return TemplateValue::boolean(false);
        }
        if (name == "split" || name == "rsplit") {
            const std::string *sep = stringArg(0, "sep");
            if (sep && sep->empty()) fail(offset, "empty separator");
            const TemplateValue *max = argument(args, kwargs, 1, "maxsplit");
            const long long maxSplit = max && max->kind() == Kind::Int ? max->asInt() : -1;
            TemplateValue::List parts;
            for (auto &part : templatestrings::split(s, sep, name == "split" ? maxSplit : -1)) parts.push_back(TemplateValue::string(std::move(part)));
            return makeList(offset, std::move(parts));
        }
        if (name == "replace") {
            const std::string *from = stringArg(0, "old");
            const std::string *to = stringArg(1, "new");
            if (!from || !to) fail(offset, ".replace() needs two strings");
            const TemplateValue *count = argument(args, kwargs, 2, "count");
            std::string result = templatestrings::replace(s, *from, *to, count && count->kind() == Kind::Int ? count->asInt() : -1);
            return makeString(offset, std::move(result));
        }
        if (name == "join") {
            const TemplateValue *items = argument(args, kwargs, 0, "iterable");
            if (!items) fail(offset, ".join() needs a list");
            std::string out;
            bool first = true;
            for (const auto &item : iterate(offset, *items, "join")) {
                if (!first) out += s;
                first = false;
                out += item.toDisplayString();
                chargeBytes(offset, out.size());
            }
            return makeString(offset, std::move(out));
        }
        if (name == "find" || name == "count") {
            const std::string *needle = stringArg(0, "sub");
            if (!needle) fail(offset, "." + name + "() needs a string");
            if (name == "find") {
                const std::size_t at = s.find(*needle);
                return TemplateValue::integer(at == std::string::npos ? -1 : static_cast<std::int64_t>(templatestrings::length(std::string_view(s).substr(0, at))));
            }
            if (needle->empty()) return TemplateValue::integer(static_cast<std::int64_t>(templatestrings::length(s) + 1));
            std::int64_t n = 0;
            for (std::size_t at = s.find(*needle); at != std::string::npos; at = s.find(*needle, at + needle->size())) ++n;
            return TemplateValue::integer(n);
        }
    } else if (object.kind() == Kind::Dict) {
        if (name == "get") {
            const TemplateValue *key = argument(args, kwargs, 0, "key");
            if (!key) fail(offset, ".get() needs a key");
            const TemplateValue *found = key->isString() ? object.find(key->asString()) : nullptr;
            if (found) return *found;
            const TemplateValue *fallback = argument(args, kwargs, 1, "default");
            return fallback ? *fallback : TemplateValue::none();
        }
        if (name == "items" || name == "keys" || name == "values") {
            TemplateValue::List out;
            for (const auto &[k, v] : object.asDict()) {
                if (name == "items") out.push_back(TemplateValue::list({TemplateValue::string(k), v}));
                else if (name == "keys") out.push_back(TemplateValue::string(k));
                else out.push_back(v);
            }
            return makeList(offset, std::move(out));
        }
    }
    if (object.isUndefined()) fail(offset, "cannot call `." + name + "()` on an undefined value");
    fail(offset, std::string("unknown method `") + name + "` of a " + object.kindName() + " value");
}

bool TemplateRenderer::applyTest(std::size_t offset, const std::string &name, const TemplateValue &value, const Args &args)
{
    const Kind k = value.kind();
    if (name == "defined") return k != Kind::Undefined;
    if (name == "undefined") return k == Kind::Undefined;
    if (name == "none") return k == Kind::None;
    if (name == "string") return k == Kind::String;
    if (name == "number") return k == Kind::Int || k == Kind::Float;
    if (name == "integer") return k == Kind::Int;
    if (name == "float") return k == Kind::Float;
    if (name == "boolean") return k == Kind::Bool;
    if (name == "true") return k == Kind::Bool && value.asBool();
    if (name == "false") return k == Kind::Bool && !value.asBool();
    if (name == "mapping") return value.isMapping();
    if (name == "iterable") return k == Kind::List || k == Kind::String || value.isMapping();
    if (name == "sequence") return k == Kind::List || k == Kind::String || value.isMapping();
    if (name == "callable") return k == Kind::Callable;
    if (name == "lower") return k == Kind::String && templatestrings::lower(value.asString()) == value.asString();
    if (name == "upper") return k == Kind::String && templatestrings::upper(value.asString()) == value.asString();
    if (name == "odd" || name == "even" || name == "divisibleby") {
        if (k != Kind::Int) fail(offset, "`" + name + "` needs an integer, not " + std::string(value.kindName()));
        if (name == "odd") return value.asInt() % 2 != 0;
        if (name == "even") return value.asInt() % 2 == 0;
        if (args.size() != 1 || args[0].kind() != Kind::Int || args[0].asInt() == 0) fail(offset, "`divisibleby` needs a non-zero integer");
        if (args[0].asInt() == -1) return true;
        return value.asInt() % args[0].asInt() == 0;
    }
    if (args.size() == 1) {
        const TemplateValue &other = args[0];
        if (name == "equalto" || name == "eq" || name == "==" || name == "sameas") return value.equals(other);
        if (name == "ne" || name == "!=") return !value.equals(other);
        if (name == "lt" || name == "lessthan" || name == "<") return lessThan(offset, value, other);
        if (name == "gt" || name == "greaterthan" || name == ">") return lessThan(offset, other, value);
        if (name == "le" || name == "<=") return !lessThan(offset, other, value);
        if (name == "ge" || name == ">=") return !lessThan(offset, value, other);
        if (name == "in") return contains(offset, other, value);
    }
    fail(offset, "unknown test `" + name + "`");
}

TemplateValue TemplateRenderer::applyFilter(std::size_t offset, const std::string &name, const TemplateValue &value, const Args &args,
                                            const Kwargs &kwargs)
{
    const Kind k = value.kind();
    auto needString = [&]() -> const std::string & {
        if (k != Kind::String) fail(offset, "filter `" + name + "` needs a string, not " + std::string(value.kindName()));
        return value.asString();
    };
    if (name == "safe" || name == "e" || name == "escape" || name == "forceescape") {
        // Chat templates run without autoescape; escaping filters must not alter prompts.
        return name == "safe" ? value : makeString(offset, value.toDisplayString());
    }
    if (name == "string") return k == Kind::String ? value : makeString(offset, value.toDisplayString());
    if (name == "trim") {
        const TemplateValue *chars = argument(args, kwargs, 0, "chars");
        return makeString(offset, templatestrings::strip(needString(), chars && chars->isString() ? &chars->asString() : nullptr, true, true));
    }
    if (name == "upper") return makeString(offset, templatestrings::upper(needString()));
    if (name == "lower") return makeString(offset, templatestrings::lower(needString()));
    if (name == "capitalize") return makeString(offset, templatestrings::capitalize(needString()));
    if (name == "title") return makeString(offset, templatestrings::title(needString()));
    if (name == "wordcount") return TemplateValue::integer(static_cast<std::int64_t>(templatestrings::wordCount(needString())));
    if (name == "length" || name == "count") {
        switch (k) {
        case Kind::String: return TemplateValue::integer(static_cast<std::int64_t>(templatestrings::length(value.asString())));
        case Kind::List: return TemplateValue::integer(static_cast<std::int64_t>(value.asList().size()));
        case Kind::Dict:
        case Kind::Namespace: return TemplateValue::integer(static_cast<std::int64_t>(value.asDict().size()));
        case Kind::Undefined: return TemplateValue::integer(0);
        default: fail(offset, "filter `" + name + "` needs a string, list or dict, not " + std::string(value.kindName()));
        }
    }
    if (name == "default" || name == "d") {
        const TemplateValue *fallback = argument(args, kwargs, 0, "default_value");
        const bool boolean = flag(argument(args, kwargs, 1, "boolean"), false);
        if (k == Kind::Undefined || (boolean && !value.truthy())) return fallback ? *fallback : TemplateValue::string("");
        return value;
    }
    if (name == "first" || name == "last") {
        const std::vector<TemplateValue> items = iterate(offset, value, name == "first" ? "take the first of" : "take the last of");
        if (items.empty()) return {};
        return name == "first" ? items.front() : items.back();
    }
    if (name == "list") return makeList(offset, iterate(offset, value, "make a list of"));
    if (name == "reverse") {
        if (k == Kind::String) {
            std::u32string cps = templatestrings::decode(value.asString());
            std::reverse(cps.begin(), cps.end());
            return makeString(offset, templatestrings::encode(cps));
        }
        std::vector<TemplateValue> items = iterate(offset, value, "reverse");
        std::reverse(items.begin(), items.end());
        return makeList(offset, std::move(items));
    }
    if (name == "join") {
        const TemplateValue *sep = argument(args, kwargs, 0, "d");
        const TemplateValue *attribute = argument(args, kwargs, 1, "attribute");
        const std::string separator = sep ? sep->toDisplayString() : std::string();
        std::string out;
        bool first = true;
        for (const auto &item : iterate(offset, value, "join")) {
            if (!first) out += separator;
            first = false;
            out += (attribute ? attributePath(item, attribute->toDisplayString()) : item).toDisplayString();
            chargeBytes(offset, out.size());
        }
        return makeString(offset, std::move(out));
    }
    if (name == "replace") {
        const TemplateValue *from = argument(args, kwargs, 0, "old");
        const TemplateValue *to = argument(args, kwargs, 1, "new");
        const TemplateValue *count = argument(args, kwargs, 2, "count");
        if (!from || !to) fail(offset, "filter `replace` needs two strings");
        const std::string text = value.toDisplayString();
        const std::string f = from->toDisplayString(), t = to->toDisplayString();
        if (f.empty() && text.size() * (t.size() + 1) > m_limits.maxOutputBytes) chargeBytes(offset, m_limits.maxOutputBytes + 1);
        return makeString(offset, templatestrings::replace(text, f, t, count && count->kind() == Kind::Int ? count->asInt() : -1));
    }
    if (name == "indent") {
        const TemplateValue *width = argument(args, kwargs, 0, "width");
        const bool first = flag(argument(args, kwargs, 1, "first"), false);
        const bool blank = flag(argument(args, kwargs, 2, "blank"), false);
        std::string pad = width && width->isString() ? width->asString() : std::string(width && width->kind() == Kind::Int ? static_cast<std::size_t>(std::clamp<std::int64_t>(width->asInt(), 0, 1024)) : 4, ' ');
        const std::string text = value.toDisplayString();
        std::string out;
        std::size_t start = 0;
        bool firstLine = true;
        while (true) {
            const std::size_t nl = text.find('\n', start);
            const std::string_view line = std::string_view(text).substr(start, nl == std::string::npos ? std::string::npos : nl - start);
            if ((firstLine ? first : true) && (blank || !line.empty())) out += pad;
            out += line;
            chargeBytes(offset, out.size());
            if (nl == std::string::npos) break;
            out += '\n';
            start = nl + 1;
            firstLine = false;
        }
        return makeString(offset, std::move(out));
    }
    if (name == "int") {
        const TemplateValue *fallback = argument(args, kwargs, 0, "default");
        const TemplateValue dflt = fallback ? *fallback : TemplateValue::integer(0);
        switch (k) {
        case Kind::Int: return value;
        case Kind::Bool: return TemplateValue::integer(value.asBool() ? 1 : 0);
        case Kind::Float:
            if (!std::isfinite(value.asDouble()) || std::fabs(value.asDouble()) >= 9.2e18) return dflt;
            return TemplateValue::integer(static_cast<std::int64_t>(value.asDouble())); // truncates, as Python's int()
        case Kind::String: {
            const std::string text = templatestrings::strip(value.asString(), nullptr, true, true);
            char *end = nullptr;
            errno = 0;
            const long long parsed = std::strtoll(text.c_str(), &end, 10);
            if (!text.empty() && end == text.c_str() + text.size() && errno == 0) return TemplateValue::integer(parsed);
            const double d = std::strtod(text.c_str(), &end);
            if (!text.empty() && end == text.c_str() + text.size() && std::isfinite(d) && std::fabs(d) < 9.2e18)
                return TemplateValue::integer(static_cast<std::int64_t>(d));
            return dflt;
        }
        default: return dflt;
        }
    }
    if (name == "float") {
        const TemplateValue *fallback = argument(args, kwargs, 0, "default");
        const TemplateValue dflt = fallback ? *fallback : TemplateValue::number(0.0);
        if (value.isNumber()) return TemplateValue::number(value.asDouble());
        if (k == Kind::Bool) return TemplateValue::number(value.asBool() ? 1.0 : 0.0);
        if (k == Kind::String) {
            const std::string text = templatestrings::strip(value.asString(), nullptr, true, true);
            char *end = nullptr;
            const double d = std::strtod(text.c_str(), &end);
            if (!text.empty() && end == text.c_str() + text.size()) return TemplateValue::number(d);
        }
        return dflt;
    }
    if (name == "abs") {
        if (k == Kind::Int) {
            if (value.asInt() == std::numeric_limits<std::int64_t>::min()) fail(offset, "integer overflow");
            return TemplateValue::integer(std::llabs(value.asInt()));
        }
        if (k == Kind::Float) return TemplateValue::number(std::fabs(value.asDouble()));
        fail(offset, "filter `abs` needs a number, not " + std::string(value.kindName()));
    }
    if (name == "round") {
        if (!value.isNumber()) fail(offset, "filter `round` needs a number, not " + std::string(value.kindName()));
        const TemplateValue *precision = argument(args, kwargs, 0, "precision");
        const TemplateValue *method = argument(args, kwargs, 1, "method");
        const std::int64_t digits = precision && precision->kind() == Kind::Int ? std::clamp<std::int64_t>(precision->asInt(), -300, 300) : 0;
        const std::string how = method ? method->toDisplayString() : "common";
        if (value.kind() == Kind::Int && how == "common" && digits >= 0) return value; // Python's round(int) is that int
        const double scale = std::pow(10.0, static_cast<double>(digits));
        const double x = value.asDouble() * scale;
        double r;
        if (how == "common") r = std::nearbyint(x); // Python rounds half to even
        else if (how == "ceil") r = std::ceil(x);
        else if (how == "floor") r = std::floor(x);
        else fail(offset, "round method must be common, ceil or floor");
        return TemplateValue::number(r / scale);
    }
    if (name == "tojson") {
        const TemplateValue *indent = argument(args, kwargs, 0, "indent");
        const TemplateValue *ensureAscii = argument(args, kwargs, 1, "ensure_ascii");
        if (ensureAscii && ensureAscii->truthy()) fail(offset, "tojson(ensure_ascii=true) is not supported", ErrorKind::Unsupported);
        for (const auto &kw : kwargs)
            if (kw.first != "indent" && kw.first != "ensure_ascii" && !(kw.first == "sort_keys" && !kw.second.truthy()))
                fail(offset, "tojson(" + kw.first + "=...) is not supported", ErrorKind::Unsupported);
        const int spaces = indent && indent->kind() == Kind::Int ? static_cast<int>(std::clamp<std::int64_t>(indent->asInt(), 0, 64)) : -1;
        // Each element costs; the text is bounded like any other string.
        step(offset, static_cast<std::uint64_t>(value.depth()) * 4);
        return makeString(offset, value.toJson(spaces));
    }
    if (name == "items") {
        if (k == Kind::Undefined) return makeList(offset, {});
        if (!value.isMapping()) fail(offset, "filter `items` needs a dict, not " + std::string(value.kindName()));
        TemplateValue::List out;
        for (const auto &[key, v] : value.asDict()) out.push_back(TemplateValue::list({TemplateValue::string(key), v}));
        return makeList(offset, std::move(out));
    }
    if (name == "dictsort") {
        if (!value.isMapping()) fail(offset, "filter `dictsort` needs a dict, not " + std::string(value.kindName()));
        const bool caseSensitive = flag(argument(args, kwargs, 0, "case_sensitive"), false);
        const TemplateValue *by = argument(args, kwargs, 1, "by");
        const bool reverse = flag(argument(args, kwargs, 2, "reverse"), false);
        const bool byValue = by && by->toDisplayString() == "value";
        TemplateValue::List out;
        for (const auto &[key, v] : value.asDict()) out.push_back(TemplateValue::list({TemplateValue::string(key), v}));
        auto keyOf = [&](const TemplateValue &pair) {
            const TemplateValue &part = pair.asList()[byValue ? 1 : 0];
            return (!caseSensitive && part.isString()) ? TemplateValue::string(lowered(part)) : part;
        };
        std::stable_sort(out.begin(), out.end(), [&](const TemplateValue &a, const TemplateValue &b) {
            return reverse ? lessThan(offset, keyOf(b), keyOf(a)) : lessThan(offset, keyOf(a), keyOf(b));
        });
        return makeList(offset, std::move(out));
    }
    if (name == "sort") {
        const bool reverse = flag(argument(args, kwargs, 0, "reverse"), false);
        const bool caseSensitive = flag(argument(args, kwargs, 1, "case_sensitive"), false);
        const TemplateValue *attribute = argument(args, kwargs, 2, "attribute");
        std::vector<TemplateValue> items = iterate(offset, value, "sort");
        auto keyOf = [&](const TemplateValue &item) {
            TemplateValue key = attribute ? attributePath(item, attribute->toDisplayString()) : item;
            return (!caseSensitive && key.isString()) ? TemplateValue::string(lowered(key)) : key;
        };
        step(offset, items.size() * 8);
        std::stable_sort(items.begin(), items.end(), [&](const TemplateValue &a, const TemplateValue &b) {
            return reverse ? lessThan(offset, keyOf(b), keyOf(a)) : lessThan(offset, keyOf(a), keyOf(b));
        });
        return makeList(offset, std::move(items));
    }
    if (name == "unique") {
        const bool caseSensitive = flag(argument(args, kwargs, 0, "case_sensitive"), false);
        const TemplateValue *attribute = argument(args, kwargs, 1, "attribute");
        TemplateValue::List out, seen;
        for (const auto &item : iterate(offset, value, "take the unique items of")) {
            TemplateValue key = attribute ? attributePath(item, attribute->toDisplayString()) : item;
            if (!caseSensitive && key.isString()) key = TemplateValue::string(lowered(key));
            step(offset, seen.size());
            if (std::any_of(seen.begin(), seen.end(), [&](const TemplateValue &s) { return s.equals(key); })) continue;
            seen.push_back(key);
            out.push_back(item);
        }
        return makeList(offset, std::move(out));
    }
    if (name == "map") {
        const TemplateValue *attribute = nullptr;
        for (const auto &kw : kwargs)
            if (kw.first == "attribute") attribute = &kw.second;
        const TemplateValue *fallback = nullptr;
        for (const auto &kw : kwargs)
            if (kw.first == "default") fallback = &kw.second;
        TemplateValue::List out;
        for (const auto &item : iterate(offset, value, "map")) {
            if (attribute) {
                TemplateValue mapped = attributePath(item, attribute->toDisplayString());
                out.push_back(mapped.isUndefined() && fallback ? *fallback : mapped);
            } else {
                if (args.empty() || !args[0].isString()) fail(offset, "filter `map` needs attribute= or a filter name");
                out.push_back(applyFilter(offset, args[0].asString(), item, Args(args.begin() + 1, args.end()), {}));
            }
        }
        return makeList(offset, std::move(out));
    }
    if (name == "selectattr" || name == "rejectattr" || name == "select" || name == "reject") {
        const bool byAttribute = name == "selectattr" || name == "rejectattr";
        const bool keepMatches = name == "selectattr" || name == "select";
        std::size_t next = 0;
        std::string attribute;
        if (byAttribute) {
            if (args.empty()) fail(offset, "filter `" + name + "` needs an attribute name");
            attribute = args[0].toDisplayString();
            next = 1;
        }
        std::string test;
        if (args.size() > next) test = args[next].toDisplayString();
        const Args testArgs(args.begin() + static_cast<std::ptrdiff_t>(std::min(args.size(), next + 1)), args.end());
        TemplateValue::List out;
        for (const auto &item : iterate(offset, value, name.c_str())) {
            step(offset);
            const TemplateValue subject = byAttribute ? attributePath(item, attribute) : item;
            const bool match = test.empty() ? subject.truthy() : applyTest(offset, test, subject, testArgs);
            if (match == keepMatches) out.push_back(item);
        }
        return makeList(offset, std::move(out));
    }
    if (name == "sum" || name == "min" || name == "max") {
        const std::vector<TemplateValue> items = iterate(offset, value, name.c_str());
        if (name == "sum") {
            TemplateValue total = TemplateValue::integer(0);
            for (const auto &item : items) total = arithmetic(offset, "+", total, item);
            return total;
        }
        if (items.empty()) return {};
        TemplateValue best = items.front();
        for (const auto &item : items)
            if (name == "min" ? lessThan(offset, item, best) : lessThan(offset, best, item)) best = item;
        return best;
    }
    fail(offset, "unknown filter `" + name + "`");
}

} // namespace llmos
