#include "tokenizer/pretokenizer.h"

#include "tokenizer/bytelevelmap.h"
#include "tokenizer/jsonfields.h"
#include "tokenizer/unicodeprops.h"
#include "util/error.h"

#include <fmt/format.h>

#include <vector>

namespace llmos {

namespace {

using nlohmann::json;
namespace jf = jsonfields;

// The pattern GPT-2 and the HF ByteLevel pre-tokenizer use.
const Regex &gpt2Regex()
{
    static const Regex regex(R"('s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+)",
                             "ByteLevel pre-tokenizer");
    return regex;
}

// Rust's \w is Alphabetic + marks + decimal digits + connector punctuation + join
// controls; PCRE2's UCP \w is narrower, so the Whitespace pre-tokenizer spells it out.
const Regex &whitespaceRegex()
{
    static const Regex regex(R"([\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\p{Join_Control}]+)"
                             R"(|[^\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\p{Join_Control}\p{White_Space}]+)",
                             "Whitespace pre-tokenizer");
    return regex;
}

SplitBehavior behaviorFrom(const json &object, const std::string &where, SplitBehavior fallback)
{
    const auto name = jf::optString(object, "behavior", where);
    if (!name) return fallback;
    if (*name == "Removed") return SplitBehavior::Removed;
    if (*name == "Isolated") return SplitBehavior::Isolated;
    if (*name == "MergedWithPrevious") return SplitBehavior::MergedWithPrevious;
    if (*name == "MergedWithNext") return SplitBehavior::MergedWithNext;
    if (*name == "Contiguous") return SplitBehavior::Contiguous;
    throw Error(ErrorKind::Format, jf::path(where, "behavior"),
                fmt::format("unknown split behavior '{}' (expected Removed, Isolated, MergedWithPrevious, "
                            "MergedWithNext or Contiguous)",
                            *name));
}

class ByteLevelPreTokenizer : public PreTokenizer {
public:
    ByteLevelPreTokenizer(bool addPrefixSpace, bool useRegex) : m_addPrefixSpace(addPrefixSpace), m_useRegex(useRegex) {}

    void split(const TextPiece &piece, TextPieces &out) const override
    {
        TextPiece prefixed = piece;
        if (m_addPrefixSpace && (prefixed.text.empty() || prefixed.text.front() != ' '))
            prefixed.text.insert(prefixed.text.begin(), ' ');
        const std::size_t first = out.size();
        if (m_useRegex)
            splitPiece(prefixed, matchesOf(gpt2Regex(), prefixed.text), SplitBehavior::Isolated, out);
        else
            out.push_back(std::move(prefixed));
        const ByteLevelMap &map = ByteLevelMap::instance();
        for (std::size_t i = first; i < out.size(); ++i) out[i].text = map.encode(out[i].text);
    }

private:
    bool m_addPrefixSpace;
    bool m_useRegex;
};

class SplitPreTokenizer : public PreTokenizer {
public:
    SplitPreTokenizer(std::shared_ptr<const Regex> pattern, SplitBehavior behavior, bool invert)
        : m_pattern(std::move(pattern)), m_behavior(behavior), m_invert(invert)
    {
    }
    void split(const TextPiece &piece, TextPieces &out) const override
    {
        splitPiece(piece, matchesOf(*m_pattern, piece.text, m_invert), m_behavior, out);
    }

private:
    std::shared_ptr<const Regex> m_pattern;
    SplitBehavior m_behavior;
    bool m_invert;
};

enum class PrependScheme { First, Always, Never };

class MetaspacePreTokenizer : public PreTokenizer {
public:
    MetaspacePreTokenizer(char32_t replacement, PrependScheme scheme, bool splitWords)
        : m_replacement(replacement), m_scheme(scheme), m_split(splitWords)
    {
        utf8::append(m_replacementUtf8, replacement);
    }

    void split(const TextPiece &piece, TextPieces &out) const override
    {
        TextPiece replaced{{}, -1, piece.atStart};
        replaced.text.reserve(piece.text.size() + 8);
        for (const char c : piece.text) {
            if (c == ' ')
                replaced.text += m_replacementUtf8;
            else
                replaced.text.push_back(c);
        }
        const bool startsWithReplacement = replaced.text.starts_with(m_replacementUtf8);
        if (!startsWithReplacement &&
            (m_scheme == PrependScheme::Always || (m_scheme == PrependScheme::First && piece.atStart)))
            replaced.text.insert(0, m_replacementUtf8);
        if (!m_split) {
            out.push_back(std::move(replaced));
            return;
        }
        const char32_t replacement = m_replacement;
        splitPiece(replaced, matchesOf([replacement](char32_t c) { return c == replacement; }, replaced.text),
                   SplitBehavior::MergedWithNext, out);
    }

private:
    char32_t m_replacement;
    std::string m_replacementUtf8;
    PrependScheme m_scheme;
    bool m_split;
};

// Splits on characters chosen by a predicate (WhitespaceSplit, Punctuation, Digits, ...).
template <class Pred>
class CharClassPreTokenizer : public PreTokenizer {
public:
    CharClassPreTokenizer(Pred pred, SplitBehavior behavior) : m_pred(pred), m_behavior(behavior) {}
    void split(const TextPiece &piece, TextPieces &out) const override
    {
        splitPiece(piece, matchesOf(m_pred, piece.text), m_behavior, out);
    }

private:
    Pred m_pred;
    SplitBehavior m_behavior;
};

template <class Pred>
std::unique_ptr<PreTokenizer> splitOnChars(Pred pred, SplitBehavior behavior)
{
    return std::make_unique<CharClassPreTokenizer<Pred>>(pred, behavior);
}

class WhitespacePreTokenizer : public PreTokenizer {
public:
    void split(const TextPiece &piece, TextPieces &out) const override
    {
        splitPiece(piece, matchesOf(whitespaceRegex(), piece.text, true), SplitBehavior::Removed, out);
    }
};

class SequencePreTokenizer : public PreTokenizer {
public:
    explicit SequencePreTokenizer(std::vector<std::unique_ptr<PreTokenizer>> steps) : m_steps(std::move(steps)) {}
    void split(const TextPiece &piece, TextPieces &out) const override
    {
        TextPieces current{piece};
        for (const auto &step : m_steps) step->preTokenize(current);
        for (TextPiece &p : current) out.push_back(std::move(p));
    }

private:
    std::vector<std::unique_ptr<PreTokenizer>> m_steps;
};

PrependScheme prependSchemeFrom(const json &object, const std::string &where)
{
    const auto scheme = jf::optString(object, "prepend_scheme", where);
    if (!scheme) // files written before prepend_scheme existed carry add_prefix_space
        return jf::optBool(object, "add_prefix_space", true, where) ? PrependScheme::Always : PrependScheme::Never;
    if (*scheme == "first") return PrependScheme::First;
    if (*scheme == "always") return PrependScheme::Always;
    if (*scheme == "never") return PrependScheme::Never;
    throw Error(ErrorKind::Format, jf::path(where, "prepend_scheme"),
                fmt::format("unknown prepend_scheme '{}' (expected first, always or never)", *scheme));
}

} // namespace

void PreTokenizer::preTokenize(TextPieces &pieces) const
{
    splitTextPieces(pieces, [this](const TextPiece &piece, TextPieces &out) { split(piece, out); });
}

std::unique_ptr<PreTokenizer> PreTokenizer::fromJson(const json &object, const std::string &where)
{
    if (object.is_null()) return nullptr;
    const std::string type = jf::typeOf(object, where);
    if (type == "ByteLevel")
        return std::make_unique<ByteLevelPreTokenizer>(jf::optBool(object, "add_prefix_space", true, where),
                                                       jf::optBool(object, "use_regex", true, where));
    if (type == "Split")
        return std::make_unique<SplitPreTokenizer>(jf::getPattern(object, "pattern", where),
                                                   behaviorFrom(object, where, SplitBehavior::Isolated),
                                                   jf::optBool(object, "invert", false, where));
    if (type == "Metaspace")
        return std::make_unique<MetaspacePreTokenizer>(jf::getChar(object, "replacement", where),
                                                       prependSchemeFrom(object, where),
                                                       jf::optBool(object, "split", true, where));
    if (type == "Whitespace") return std::make_unique<WhitespacePreTokenizer>();
    if (type == "WhitespaceSplit") return splitOnChars(&unicode::isWhitespace, SplitBehavior::Removed);
    if (type == "BertPreTokenizer") {
        std::vector<std::unique_ptr<PreTokenizer>> steps;
        steps.push_back(splitOnChars(&unicode::isWhitespace, SplitBehavior::Removed));
        steps.push_back(splitOnChars(&unicode::isBertPunctuation, SplitBehavior::Isolated));
        return std::make_unique<SequencePreTokenizer>(std::move(steps));
    }
    if (type == "Punctuation")
        return splitOnChars(&unicode::isBertPunctuation, behaviorFrom(object, where, SplitBehavior::Isolated));
    if (type == "Digits")
        return splitOnChars(&unicode::isNumeric, jf::optBool(object, "individual_digits", false, where)
                                                     ? SplitBehavior::Isolated
                                                     : SplitBehavior::Contiguous);
    if (type == "CharDelimiterSplit") {
        const char32_t delimiter = jf::getChar(object, "delimiter", where);
        return splitOnChars([delimiter](char32_t c) { return c == delimiter; }, SplitBehavior::Removed);
    }
    if (type == "Sequence") {
        const std::string at = jf::path(where, "pretokenizers");
        const json &list = jf::require(object, "pretokenizers", where);
        if (!list.is_array()) throw Error(ErrorKind::Format, at, "expected a list of pre-tokenizers");
        std::vector<std::unique_ptr<PreTokenizer>> steps;
        for (std::size_t i = 0; i < list.size(); ++i) {
            auto step = fromJson(list[i], jf::path(at, i));
            if (step) steps.push_back(std::move(step));
        }
        return std::make_unique<SequencePreTokenizer>(std::move(steps));
    }
    throw Error(ErrorKind::Unsupported, jf::path(where, "type"),
                fmt::format("pre_tokenizer type '{}' is not supported", type));
}

} // namespace llmos
