#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace llmos {

// Checks a conversation before it reaches a chat template (BAD_INPUTS 27), so a bad
// request gets a 400 naming the message rather than a template error or a silent
// wrong prompt. Throws Error(InvalidInput) with where = "messages[i]" (or "messages"):
//  - messages is not a non-empty array;
//  - a message is not an object, or its role is missing, not a string or not in `roles`;
//  - content is missing (allowed only for an assistant message with tool_calls), or is
//    neither a string, null (assistant with tool_calls) nor a list of parts, each an
//    object with a string "type" and, for "text", a string "text";
//  - tool_calls is not a list of objects with a function {name: string, arguments};
//  - a tool message follows no assistant tool call.
struct ChatMessageRules {
    std::vector<std::string> roles = {"system", "user", "assistant", "tool"};
};

void validateChatMessages(const nlohmann::ordered_json &messages, const ChatMessageRules &rules = {});

} // namespace llmos
