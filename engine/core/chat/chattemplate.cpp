#include "chat/chattemplate.h"

#include "chat/templateparser.h"
#include "chat/templaterenderer.h"
#include "tokenizer/utf8.h"
#include "util/error.h"

namespace llmos {

struct ChatTemplate::Parsed {
    std::string name;
    std::string source;
    ChatTemplateLimits limits;
    TemplateBody body;
};

ChatTemplate::ChatTemplate(std::string source, std::string name, ChatTemplateLimits limits)
{
    auto parsed = std::make_unique<Parsed>();
    parsed->name = std::move(name);
    // Everything past here assumes valid UTF-8; invalid bytes become U+FFFD (BAD_INPUTS 23).
    parsed->source = utf8::isValid(source) ? std::move(source) : utf8::sanitize(source);
    parsed->limits = limits;
    parsed->body = TemplateParser(parsed->source, parsed->name).parse();
    m_parsed = std::move(parsed);
}

ChatTemplate::~ChatTemplate() = default;
ChatTemplate::ChatTemplate(ChatTemplate &&) noexcept = default;
ChatTemplate &ChatTemplate::operator=(ChatTemplate &&) noexcept = default;

namespace {

// Context strings may come from anywhere; the interpreter needs valid UTF-8.
nlohmann::ordered_json sanitized(const nlohmann::ordered_json &json, int depth)
{
    if (depth > TemplateValue::kMaxDepth)
        throw Error(ErrorKind::InvalidInput, "chat template context", "values are nested more than " + std::to_string(TemplateValue::kMaxDepth) + " levels deep");
    if (json.is_string()) {
        const auto &s = json.get_ref<const std::string &>();
        return utf8::isValid(s) ? json : nlohmann::ordered_json(utf8::sanitize(s));
    }
    if (json.is_array()) {
        nlohmann::ordered_json out = nlohmann::ordered_json::array();
        for (const auto &item : json) out.push_back(sanitized(item, depth + 1));
        return out;
    }
    if (json.is_object()) {
        nlohmann::ordered_json out = nlohmann::ordered_json::object();
        for (auto it = json.begin(); it != json.end(); ++it)
            out[utf8::isValid(it.key()) ? it.key() : utf8::sanitize(it.key())] = sanitized(it.value(), depth + 1);
        return out;
    }
    return json;
}

} // namespace

std::string ChatTemplate::render(const nlohmann::ordered_json &variables, const ChatRenderOptions &options) const
{
    if (!variables.is_object() && !variables.is_null())
        throw Error(ErrorKind::InvalidInput, m_parsed->name, "template variables must be a JSON object");
    const TemplateValue context = TemplateValue::fromJson(sanitized(variables.is_null() ? nlohmann::ordered_json::object() : variables, 0));
    TemplateRenderer renderer(m_parsed->source, m_parsed->name, m_parsed->limits, options);
    return renderer.render(m_parsed->body, context.asDict());
}

const std::string &ChatTemplate::name() const { return m_parsed->name; }
const std::string &ChatTemplate::source() const { return m_parsed->source; }

} // namespace llmos
