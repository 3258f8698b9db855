#include "tokenizer/normalizer.h"

#include "tokenizer/bytelevelmap.h"
#include "tokenizer/jsonfields.h"
#include "tokenizer/unicodeprops.h"
#include "tokenizer/utf8.h"
#include "util/error.h"

#include <fmt/format.h>

#include <vector>

namespace llmos {

namespace {

using nlohmann::json;
namespace jf = jsonfields;

class UnicodeNormalizer : public Normalizer {
public:
    explicit UnicodeNormalizer(unicode::NormalForm form) : m_form(form) {}
    std::string normalize(std::string_view text) const override { return unicode::normalize(text, m_form); }

private:
    unicode::NormalForm m_form;
};

class LowercaseNormalizer : public Normalizer {
public:
    std::string normalize(std::string_view text) const override { return unicode::lowercase(text); }
};

class PrependNormalizer : public Normalizer {
public:
    explicit PrependNormalizer(std::string prefix) : m_prefix(std::move(prefix)) {}
    std::string normalize(std::string_view text) const override
    {
        if (text.empty()) return {};
        return m_prefix + std::string(text);
    }

private:
    std::string m_prefix;
};

class ReplaceNormalizer : public Normalizer {
public:
    ReplaceNormalizer(std::shared_ptr<const Regex> pattern, std::string content)
        : m_pattern(std::move(pattern)), m_content(std::move(content))
    {
    }
    std::string normalize(std::string_view text) const override { return m_pattern->replaceAll(text, m_content); }

private:
    std::shared_ptr<const Regex> m_pattern;
    std::string m_content;
};

class StripNormalizer : public Normalizer {
public:
    StripNormalizer(bool left, bool right) : m_left(left), m_right(right) {}
    std::string normalize(std::string_view text) const override
    {
        std::size_t begin = 0;
        std::size_t end = text.size();
        if (m_left) {
            while (begin < end) {
                std::size_t pos = begin;
                if (!unicode::isWhitespace(utf8::next(text, pos))) break;
                begin = pos;
            }
        }
        if (m_right) {
            while (end > begin) {
                std::size_t pos = end;
                if (!unicode::isWhitespace(utf8::previous(text, pos))) break;
                end = pos;
            }
        }
        return std::string(text.substr(begin, end - begin));
    }

private:
    bool m_left;
    bool m_right;
};

// Removes combining marks; meant to follow NFD/NFKD.
class StripAccentsNormalizer : public Normalizer {
public:
    std::string normalize(std::string_view text) const override
    {
        std::string out;
        out.reserve(text.size());
        std::size_t pos = 0;
        while (pos < text.size()) {
            const std::size_t begin = pos;
            const char32_t cp = utf8::next(text, pos);
            if (!unicode::isMark(cp)) out.append(text.substr(begin, pos - begin));
        }
        return out;
    }
};

class BertNormalizer : public Normalizer {
public:
    BertNormalizer(bool cleanText, bool chineseChars, bool stripAccents, bool lowercase)
        : m_cleanText(cleanText), m_chineseChars(chineseChars), m_stripAccents(stripAccents), m_lowercase(lowercase)
    {
    }

    std::string normalize(std::string_view text) const override
    {
        std::string out;
        out.reserve(text.size());
        std::size_t pos = 0;
        while (pos < text.size()) {
            const std::size_t begin = pos;
            const char32_t cp = utf8::next(text, pos);
            if (m_cleanText) {
                if (cp == 0 || cp == 0xFFFD || (cp != '\t' && cp != '\n' && cp != '\r' && unicode::isOther(cp))) continue;
                if (cp == '\t' || cp == '\n' || cp == '\r' || unicode::isWhitespace(cp)) {
                    out.push_back(' ');
                    continue;
                }
            }
            if (m_chineseChars && unicode::isChineseChar(cp)) {
                out.push_back(' ');
                out.append(text.substr(begin, pos - begin));
                out.push_back(' ');
                continue;
            }
            out.append(text.substr(begin, pos - begin));
        }
        if (m_stripAccents) {
            const std::string decomposed = unicode::normalize(out, unicode::NormalForm::Nfd);
            out.clear();
            pos = 0;
            while (pos < decomposed.size()) {
                const std::size_t begin = pos;
                const char32_t cp = utf8::next(decomposed, pos);
                if (!unicode::isMarkNonspacing(cp)) out.append(decomposed, begin, pos - begin);
            }
        }
        if (m_lowercase) out = unicode::lowercase(out);
        return out;
    }

private:
    bool m_cleanText;
    bool m_chineseChars;
    bool m_stripAccents;
    bool m_lowercase;
};

class ByteLevelNormalizer : public Normalizer {
public:
    std::string normalize(std::string_view text) const override { return ByteLevelMap::instance().encode(text); }
};

class SequenceNormalizer : public Normalizer {
public:
    explicit SequenceNormalizer(std::vector<std::unique_ptr<Normalizer>> steps) : m_steps(std::move(steps)) {}
    std::string normalize(std::string_view text) const override
    {
        std::string current(text);
        for (const auto &step : m_steps) current = step->normalize(current);
        return current;
    }

private:
    std::vector<std::unique_ptr<Normalizer>> m_steps;
};

} // namespace

std::unique_ptr<Normalizer> Normalizer::fromJson(const json &object, const std::string &where)
{
    if (object.is_null()) return nullptr;
    const std::string type = jf::typeOf(object, where);
    if (type == "NFC") return std::make_unique<UnicodeNormalizer>(unicode::NormalForm::Nfc);
    if (type == "NFD") return std::make_unique<UnicodeNormalizer>(unicode::NormalForm::Nfd);
    if (type == "NFKC") return std::make_unique<UnicodeNormalizer>(unicode::NormalForm::Nfkc);
    if (type == "NFKD") return std::make_unique<UnicodeNormalizer>(unicode::NormalForm::Nfkd);
    if (type == "Lowercase") return std::make_unique<LowercaseNormalizer>();
    if (type == "StripAccents") return std::make_unique<StripAccentsNormalizer>();
    if (type == "ByteLevel") return std::make_unique<ByteLevelNormalizer>();
    if (type == "Prepend") return std::make_unique<PrependNormalizer>(jf::getString(object, "prepend", where));
    if (type == "Replace")
        return std::make_unique<ReplaceNormalizer>(jf::getPattern(object, "pattern", where),
                                                   jf::getString(object, "content", where));
    if (type == "Strip")
        return std::make_unique<StripNormalizer>(jf::optBool(object, "strip_left", true, where),
                                                 jf::optBool(object, "strip_right", true, where));
    if (type == "BertNormalizer") {
        const bool lowercase = jf::optBool(object, "lowercase", true, where);
        // strip_accents: null means "follow lowercase", as in BERT's original code.
        return std::make_unique<BertNormalizer>(jf::optBool(object, "clean_text", true, where),
                                                jf::optBool(object, "handle_chinese_chars", true, where),
                                                jf::optBool(object, "strip_accents", lowercase, where), lowercase);
    }
    if (type == "Sequence") {
        const std::string at = jf::path(where, "normalizers");
        const json &list = jf::require(object, "normalizers", where);
        if (!list.is_array()) throw Error(ErrorKind::Format, at, "expected a list of normalizers");
        std::vector<std::unique_ptr<Normalizer>> steps;
        for (std::size_t i = 0; i < list.size(); ++i) {
            auto step = fromJson(list[i], jf::path(at, i));
            if (step) steps.push_back(std::move(step));
        }
        return std::make_unique<SequenceNormalizer>(std::move(steps));
    }
    throw Error(ErrorKind::Unsupported, jf::path(where, "type"), fmt::format("normalizer type '{}' is not supported", type));
}

} // namespace llmos
