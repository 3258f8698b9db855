#include "tokenizer/tokenizerjson.h"

#include "formats/strictjson.h"

#include <limits>
#include <utility>

namespace llmos {

namespace {

using nlohmann::json;

// A SAX handler that builds the DOM like parseJsonStrict, except for model.vocab and
// model.merges. It never throws for the document's sake: it stops (returns false) on
// anything unusual and the caller goes the slow way.
class TokenizerSax {
public:
    TokenizerSax(TokenizerJsonParts &parts, std::size_t maxDepth) : m_parts(parts), m_maxDepth(maxDepth) {}

    bool null() { return scalar(nullptr); }
    bool boolean(bool v) { return scalar(v); }
    bool number_integer(json::number_integer_t v) { return scalar(v); }
    bool number_unsigned(json::number_unsigned_t v)
    {
        if (m_mode == Mode::Vocab) {
            m_parts.vocab->entries.push_back({m_keyOffset, m_keyLength, v});
            return true;
        }
        return scalar(v);
    }
    bool number_float(json::number_float_t v, const json::string_t &) { return scalar(v); }
    bool binary(json::binary_t &) { return false; }

    bool string(json::string_t &v)
    {
        switch (m_mode) {
        case Mode::Merges: {
            std::uint32_t offset = 0;
            if (!append(m_parts.merges->text, v, offset)) return false;
            m_parts.merges->entries.push_back({offset, static_cast<std::uint32_t>(v.size()), 0, 0, false});
            return true;
        }
        case Mode::MergePair:
            if (m_pairCount == 2 || !append(m_parts.merges->text, v, m_pair[m_pairCount].first)) return false;
            m_pair[m_pairCount++].second = static_cast<std::uint32_t>(v.size());
            return true;
        case Mode::Vocab:
            return false;
        case Mode::Dom:
            break;
        }
        return scalar(std::move(v));
    }

    bool start_object(std::size_t)
    {
        const Capture pending = std::exchange(m_pending, Capture::None);
        if (m_mode != Mode::Dom) return false;
        if (m_stack.size() > m_maxDepth) return false;
        json *object = place(json::value_t::object);
        if (pending == Capture::Vocab && !m_parts.vocab) {
            m_parts.vocab.emplace();
            m_mode = Mode::Vocab;
            return true;
        }
        m_stack.push_back({object, nullptr});
        return true;
    }
    bool end_object()
    {
        if (m_mode == Mode::Vocab) {
            m_mode = Mode::Dom;
            return true;
        }
        if (m_mode != Mode::Dom) return false;
        m_stack.pop_back();
        return true;
    }
    bool start_array(std::size_t)
    {
        const Capture pending = std::exchange(m_pending, Capture::None);
        if (m_mode == Mode::Merges) {
            m_mode = Mode::MergePair;
            m_pairCount = 0;
            return true;
        }
        if (m_mode != Mode::Dom) return false;
        if (m_stack.size() > m_maxDepth) return false;
        json *array = place(json::value_t::array);
        if (pending == Capture::Merges && !m_parts.merges) {
            m_parts.merges.emplace();
            m_mode = Mode::Merges;
            return true;
        }
        m_stack.push_back({array, nullptr});
        return true;
    }
    bool end_array()
    {
        switch (m_mode) {
        case Mode::Merges:
            m_mode = Mode::Dom;
            return true;
        case Mode::MergePair:
            if (m_pairCount != 2) return false;
            m_parts.merges->entries.push_back({m_pair[0].first, m_pair[0].second, m_pair[1].first, m_pair[1].second, true});
            m_mode = Mode::Merges;
            return true;
        case Mode::Vocab:
            return false;
        case Mode::Dom:
            break;
        }
        m_stack.pop_back();
        return true;
    }
    bool key(json::string_t &key)
    {
        m_pending = Capture::None;
        if (m_mode == Mode::Vocab) {
            // Repeated tokens are found when the vocabulary is built.
            if (!append(m_parts.vocab->text, key, m_keyOffset)) return false;
            m_keyLength = static_cast<std::uint32_t>(key.size());
            return true;
        }
        if (m_mode != Mode::Dom || m_stack.size() > m_maxDepth) return false;
        Frame &frame = m_stack.back();
        auto &members = frame.value->get_ref<json::object_t &>();
        const auto [it, inserted] = members.emplace(key, nullptr);
        if (!inserted) return false; // parseJsonStrict will name the duplicate
        frame.key = &it->first;
        m_member = &it->second;
        // Members of the top-level "model" object.
        if (m_stack.size() == 2 && m_stack[0].key && *m_stack[0].key == "model") {
            if (key == "vocab") m_pending = Capture::Vocab;
            if (key == "merges") m_pending = Capture::Merges;
        }
        return true;
    }

    template <class Exception>
    bool parse_error(std::size_t, const std::string &, const Exception &)
    {
        return false;
    }

private:
    enum class Mode { Dom, Vocab, Merges, MergePair };
    enum class Capture { None, Vocab, Merges };
    struct Frame {
        json *value;
        const std::string *key;
    };

    // Offsets are 32-bit: the loader refuses files of 1 GiB and more anyway.
    static bool append(std::string &text, const std::string &s, std::uint32_t &offset)
    {
        if (text.size() + s.size() > std::numeric_limits<std::uint32_t>::max()) return false;
        offset = static_cast<std::uint32_t>(text.size());
        text += s;
        return true;
    }

    template <class Value>
    bool scalar(Value &&v)
    {
        m_pending = Capture::None;
        if (m_mode != Mode::Dom || m_stack.size() > m_maxDepth) return false;
        place(std::forward<Value>(v));
        return true;
    }

    template <class Value>
    json *place(Value &&v)
    {
        if (m_stack.empty()) {
            m_parts.root = json(std::forward<Value>(v));
            return &m_parts.root;
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

    TokenizerJsonParts &m_parts;
    const std::size_t m_maxDepth;
    std::vector<Frame> m_stack;
    json *m_member = nullptr;
    Mode m_mode = Mode::Dom;
    Capture m_pending = Capture::None;
    std::uint32_t m_keyOffset = 0;
    std::uint32_t m_keyLength = 0;
    std::pair<std::uint32_t, std::uint32_t> m_pair[2]{};
    int m_pairCount = 0;
};

} // namespace

std::optional<TokenizerJsonParts> readTokenizerJson(std::string_view text)
{
    TokenizerJsonParts parts;
    TokenizerSax sax(parts, JsonLimits{}.maxDepth);
    try {
        if (!json::sax_parse(text.begin(), text.end(), &sax)) return std::nullopt;
    } catch (const json::exception &) {
        return std::nullopt;
    }
    return parts;
}

} // namespace llmos
