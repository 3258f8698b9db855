#include "chat/chatmessages.h"

#include "util/error.h"

#include <algorithm>

namespace llmos {

namespace {

[[noreturn]] void reject(std::size_t index, const std::string &detail)
{
    throw Error(ErrorKind::InvalidInput, "messages[" + std::to_string(index) + "]", detail);
}

void validateParts(std::size_t index, const nlohmann::ordered_json &parts)
{
    for (std::size_t p = 0; p < parts.size(); ++p) {
        const auto &part = parts[p];
        const std::string at = "content part " + std::to_string(p);
        if (!part.is_object()) reject(index, at + " is not an object");
        const auto type = part.find("type");
        if (type == part.end() || !type->is_string()) reject(index, at + " has no string \"type\"");
        if (*type == "text") {
            const auto text = part.find("text");
            if (text == part.end() || !text->is_string()) reject(index, at + " is of type text but has no string \"text\"");
        }
    }
}

} // namespace

void validateChatMessages(const nlohmann::ordered_json &messages, const ChatMessageRules &rules)
{
    if (!messages.is_array()) throw Error(ErrorKind::InvalidInput, "messages", "messages must be a list of {role, content} objects");
    if (messages.empty()) throw Error(ErrorKind::InvalidInput, "messages", "messages is empty; a conversation needs at least one message");
    bool openToolCall = false;
    for (std::size_t i = 0; i < messages.size(); ++i) {
        const auto &message = messages[i];
        if (!message.is_object()) reject(i, "message is not an object");
        const auto role = message.find("role");
        if (role == message.end()) reject(i, "message has no \"role\"");
        if (!role->is_string()) reject(i, "\"role\" is not a string");
        const std::string &name = role->get_ref<const std::string &>();
        if (std::find(rules.roles.begin(), rules.roles.end(), name) == rules.roles.end()) {
            std::string allowed;
            for (const auto &r : rules.roles) allowed += (allowed.empty() ? "" : ", ") + r;
            reject(i, "unknown role \"" + name + "\" (expected one of: " + allowed + ")");
        }
        const auto toolCalls = message.find("tool_calls");
        const bool hasToolCalls = toolCalls != message.end() && !toolCalls->is_null();
        if (hasToolCalls) {
            if (name != "assistant") reject(i, "only an assistant message may have tool_calls");
            if (!toolCalls->is_array()) reject(i, "\"tool_calls\" is not a list");
            for (std::size_t c = 0; c < toolCalls->size(); ++c) {
                const auto &call = (*toolCalls)[c];
                const std::string at = "tool_calls[" + std::to_string(c) + "]";
                if (!call.is_object()) reject(i, at + " is not an object");
                const auto function = call.find("function");
                if (function == call.end() || !function->is_object()) reject(i, at + " has no \"function\" object");
                const auto fname = function->find("name");
                if (fname == function->end() || !fname->is_string()) reject(i, at + ".function has no string \"name\"");
                if (function->find("arguments") == function->end()) reject(i, at + ".function has no \"arguments\"");
            }
        }
        const auto content = message.find("content");
        if (content == message.end() || content->is_null()) {
            if (!hasToolCalls) reject(i, "message has no \"content\"");
        } else if (content->is_array()) {
            validateParts(i, *content);
        } else if (!content->is_string()) {
            reject(i, "\"content\" must be a string or a list of content parts");
        }
        if (name == "tool" && !openToolCall) reject(i, "tool message does not follow an assistant message with tool_calls");
        if (hasToolCalls) openToolCall = true;
        else if (name != "tool") openToolCall = false;
    }
}

} // namespace llmos
