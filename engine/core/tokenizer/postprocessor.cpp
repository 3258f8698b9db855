#include "tokenizer/postprocessor.h"

#include "tokenizer/jsonfields.h"
#include "util/error.h"

#include <fmt/format.h>

namespace llmos {

namespace {

using nlohmann::json;
namespace jf = jsonfields;

// Every processor we know wraps a single sequence as prefix + ids + suffix; the
// types differ only in how the file spells them.
class WrappingPostProcessor : public PostProcessor {
public:
    WrappingPostProcessor(std::vector<std::int32_t> prefix, std::vector<std::int32_t> suffix)
        : m_prefix(std::move(prefix)), m_suffix(std::move(suffix))
    {
    }
    std::vector<std::int32_t> process(std::vector<std::int32_t> ids) const override
    {
        std::vector<std::int32_t> out;
        out.reserve(m_prefix.size() + ids.size() + m_suffix.size());
        out.insert(out.end(), m_prefix.begin(), m_prefix.end());
        out.insert(out.end(), ids.begin(), ids.end());
        out.insert(out.end(), m_suffix.begin(), m_suffix.end());
        return out;
    }
    std::vector<std::int32_t> prefixIds() const override { return m_prefix; }
    std::vector<std::int32_t> suffixIds() const override { return m_suffix; }

private:
    std::vector<std::int32_t> m_prefix;
    std::vector<std::int32_t> m_suffix;
};

class SequencePostProcessor : public PostProcessor {
public:
    explicit SequencePostProcessor(std::vector<std::unique_ptr<PostProcessor>> steps) : m_steps(std::move(steps)) {}
    std::vector<std::int32_t> process(std::vector<std::int32_t> ids) const override
    {
        for (const auto &step : m_steps) ids = step->process(std::move(ids));
        return ids;
    }
    std::vector<std::int32_t> prefixIds() const override
    {
        std::vector<std::int32_t> out;
        for (auto it = m_steps.rbegin(); it != m_steps.rend(); ++it) {
            const auto ids = (*it)->prefixIds();
            out.insert(out.end(), ids.begin(), ids.end());
        }
        return out;
    }
    std::vector<std::int32_t> suffixIds() const override
    {
        std::vector<std::int32_t> out;
        for (const auto &step : m_steps) {
            const auto ids = step->suffixIds();
            out.insert(out.end(), ids.begin(), ids.end());
        }
        return out;
    }

private:
    std::vector<std::unique_ptr<PostProcessor>> m_steps;
};

// ["[SEP]", 102]
std::int32_t tokenPairId(const json &object, std::string_view key, const std::string &where)
{
    const std::string at = jf::path(where, key);
    const json &pair = jf::require(object, key, where);
    if (!pair.is_array() || pair.size() != 2 || !pair[0].is_string())
        throw Error(ErrorKind::Format, at, "expected [\"token\", id]");
    return jf::asTokenId(pair[1], jf::path(at, 1));
}

std::unique_ptr<PostProcessor> templateFromJson(const json &object, const std::string &where)
{
    const std::string specialsAt = jf::path(where, "special_tokens");
    const json &specials = object.contains("special_tokens") ? object.at("special_tokens") : json::object();
    jf::requireObject(specials, specialsAt);
    const std::string singleAt = jf::path(where, "single");
    const json &single = jf::require(object, "single", where);
    if (!single.is_array()) throw Error(ErrorKind::Format, singleAt, "expected a list of template pieces");

    std::vector<std::int32_t> prefix;
    std::vector<std::int32_t> suffix;
    bool seenSequence = false;
    for (std::size_t i = 0; i < single.size(); ++i) {
        const std::string at = jf::path(singleAt, i);
        const json &piece = single[i];
        jf::requireObject(piece, at);
        if (piece.contains("Sequence")) {
            if (seenSequence) throw Error(ErrorKind::Format, at, "the single template names the sequence twice");
            seenSequence = true;
            continue;
        }
        if (!piece.contains("SpecialToken"))
            throw Error(ErrorKind::Format, at, "expected {\"SpecialToken\": ...} or {\"Sequence\": ...}");
        const std::string name = jf::getString(piece.at("SpecialToken"), "id", jf::path(at, "SpecialToken"));
        if (!specials.contains(name))
            throw Error(ErrorKind::Format, at,
                        fmt::format("the template uses special token '{}', which special_tokens does not define", name));
        const std::string defAt = jf::path(specialsAt, name);
        const json &ids = jf::require(specials.at(name), "ids", defAt);
        if (!ids.is_array()) throw Error(ErrorKind::Format, jf::path(defAt, "ids"), "expected a list of ids");
        std::vector<std::int32_t> &target = seenSequence ? suffix : prefix;
        for (std::size_t k = 0; k < ids.size(); ++k) target.push_back(jf::asTokenId(ids[k], jf::path(jf::path(defAt, "ids"), k)));
    }
    if (!seenSequence) throw Error(ErrorKind::Format, singleAt, "the single template has no {\"Sequence\": ...}");
    return std::make_unique<WrappingPostProcessor>(std::move(prefix), std::move(suffix));
}

} // namespace

std::unique_ptr<PostProcessor> PostProcessor::fromJson(const json &object, const std::string &where)
{
    if (object.is_null()) return nullptr;
    const std::string type = jf::typeOf(object, where);
    if (type == "TemplateProcessing") return templateFromJson(object, where);
    if (type == "BertProcessing" || type == "RobertaProcessing")
        return std::make_unique<WrappingPostProcessor>(std::vector<std::int32_t>{tokenPairId(object, "cls", where)},
                                                       std::vector<std::int32_t>{tokenPairId(object, "sep", where)});
    if (type == "ByteLevel") // only trims offsets, which we do not produce
        return std::make_unique<WrappingPostProcessor>(std::vector<std::int32_t>{}, std::vector<std::int32_t>{});
    if (type == "Sequence") {
        const std::string at = jf::path(where, "processors");
        const json &list = jf::require(object, "processors", where);
        if (!list.is_array()) throw Error(ErrorKind::Format, at, "expected a list of post-processors");
        std::vector<std::unique_ptr<PostProcessor>> steps;
        for (std::size_t i = 0; i < list.size(); ++i) {
            auto step = fromJson(list[i], jf::path(at, i));
            if (step) steps.push_back(std::move(step));
        }
        return std::make_unique<SequencePostProcessor>(std::move(steps));
    }
    throw Error(ErrorKind::Unsupported, jf::path(where, "type"),
                fmt::format("post_processor type '{}' is not supported", type));
}

} // namespace llmos
