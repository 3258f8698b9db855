#include "formats/strictjson.h"

#include "util/error.h"

#include <vector>

namespace llmos {

namespace {

using nlohmann::json;

// Builds the document through nlohmann's SAX interface, which is several times faster
// than a parser callback: the callback parser hands every key over as a fresh json
// value, and a separate set of keys per object doubled the work. Duplicates are found
// by the insertion into the object itself. Behaviour matches the callback it replaces:
// `depth` is the number of open containers at an event, as nlohmann counted it.
class StrictDomBuilder {
public:
    StrictDomBuilder(json &root, const std::string &sourceName, std::size_t maxDepth)
        : m_root(root), m_sourceName(sourceName), m_maxDepth(maxDepth)
    {
    }

    bool null() { return value(nullptr); }
    bool boolean(bool v) { return value(v); }
    bool number_integer(json::number_integer_t v) { return value(v); }
    bool number_unsigned(json::number_unsigned_t v) { return value(v); }
    bool number_float(json::number_float_t v, const json::string_t &) { return value(v); }
    bool string(json::string_t &v) { return value(std::move(v)); }
    bool binary(json::binary_t &v) { return value(std::move(v)); }

    bool start_object(std::size_t)
    {
        checkDepth(m_stack.size());
        m_stack.push_back({place(json::value_t::object), nullptr});
        return true;
    }
    bool end_object()
    {
        m_stack.pop_back();
        return true;
    }
    bool start_array(std::size_t)
    {
        checkDepth(m_stack.size());
        m_stack.push_back({place(json::value_t::array), nullptr});
        return true;
    }
    bool end_array()
    {
        m_stack.pop_back();
        return true;
    }
    bool key(json::string_t &key)
    {
        checkDepth(m_stack.size());
        Frame &frame = m_stack.back();
        auto &members = frame.value->get_ref<json::object_t &>();
        const auto [it, inserted] = members.emplace(key, nullptr);
        if (!inserted)
            throw Error(ErrorKind::Format, m_sourceName + ": " + pointer(), "duplicate key \"" + key + "\"");
        frame.key = &it->first;
        m_member = &it->second;
        return true;
    }

    template <class Exception>
    bool parse_error(std::size_t, const std::string &, const Exception &ex)
    {
        throw ex;
    }

private:
    struct Frame {
        json *value;
        const std::string *key; // the last key of an object, null for arrays
    };

    void checkDepth(std::size_t depth) const
    {
        if (depth > m_maxDepth)
            throw Error(ErrorKind::Format, m_sourceName,
                        "JSON nested deeper than " + std::to_string(m_maxDepth) + " levels");
    }

    // JSON Pointer style path of the object being parsed: the keys of the objects
    // around it (arrays add nothing), for error messages.
    std::string pointer() const
    {
        std::string path;
        for (std::size_t i = 0; i + 1 < m_stack.size(); ++i)
            if (m_stack[i].key) path += "/" + *m_stack[i].key;
        return path.empty() ? "/" : path;
    }

    template <class Value>
    bool value(Value &&v)
    {
        checkDepth(m_stack.size());
        place(std::forward<Value>(v));
        return true;
    }

    template <class Value>
    json *place(Value &&v)
    {
        if (m_stack.empty()) {
            m_root = json(std::forward<Value>(v));
            return &m_root;
        }
        json *parent = m_stack.back().value;
        if (parent->is_array()) {
            auto &items = parent->get_ref<json::array_t &>();
            items.emplace_back(std::forward<Value>(v));
            return &items.back();
        }
        *m_member = json(std::forward<Value>(v));
        return m_member;
    }

    json &m_root;
    const std::string &m_sourceName;
    const std::size_t m_maxDepth;
    std::vector<Frame> m_stack;
    json *m_member = nullptr;
};

} // namespace

std::string lineColumn(std::string_view text, std::size_t byteOffset)
{
    std::size_t line = 1, column = 1;
    const std::size_t end = std::min(byteOffset, text.size());
    for (std::size_t i = 0; i < end; ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

nlohmann::json parseJsonStrict(std::string_view text, const std::string &sourceName, JsonLimits limits)
{
    try {
        json root;
        StrictDomBuilder builder(root, sourceName, limits.maxDepth);
        json::sax_parse(text.begin(), text.end(), &builder);
        return root;
    } catch (const json::parse_error &e) {
        // e.byte is 1-based: the position just after the offending character.
        const std::size_t at = e.byte > 0 ? e.byte - 1 : 0;
        std::string detail = e.what();
        // nlohmann prefixes "[json.exception.parse_error.101] parse error at line 1, column 2: ".
        if (auto colon = detail.find(": "); colon != std::string::npos)
            detail = detail.substr(colon + 2);
        throw Error(ErrorKind::Format, sourceName + ": " + lineColumn(text, at), "invalid JSON: " + detail);
    } catch (const json::exception &e) {
        // Not a syntax error but a value nlohmann cannot hold, e.g. 1e400 (out_of_range.406).
        std::string detail = e.what();
        if (auto bracket = detail.find("] "); bracket != std::string::npos)
            detail = detail.substr(bracket + 2);
        throw Error(ErrorKind::Format, sourceName, "invalid JSON: " + detail);
    }
}

} // namespace llmos
