#pragma once

#include "tokenizer/regex.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

// Typed reads from a tokenizer.json object. Every failure is Error(Format) whose
// `where` is the JSON path ("tokenizer.json: model.merges[12]"), so a user can find
// the broken spot.
namespace llmos::jsonfields {

std::string path(const std::string &where, std::string_view key);
std::string path(const std::string &where, std::size_t index);

const nlohmann::json &require(const nlohmann::json &object, std::string_view key, const std::string &where);
void requireObject(const nlohmann::json &value, const std::string &where);

std::string getString(const nlohmann::json &object, std::string_view key, const std::string &where);
std::optional<std::string> optString(const nlohmann::json &object, std::string_view key, const std::string &where);
bool optBool(const nlohmann::json &object, std::string_view key, bool fallback, const std::string &where);
std::uint64_t optUnsigned(const nlohmann::json &object, std::string_view key, std::uint64_t fallback,
                          const std::string &where);
std::int32_t asTokenId(const nlohmann::json &value, const std::string &where);

// The "type" field of a component, or an error naming the component.
std::string typeOf(const nlohmann::json &object, const std::string &where);

// A single character field (Metaspace replacement, Strip content).
char32_t getChar(const nlohmann::json &object, std::string_view key, const std::string &where);

// {"String": "..."} or {"Regex": "..."}; strings are matched literally.
std::shared_ptr<const Regex> getPattern(const nlohmann::json &object, std::string_view key, const std::string &where);

} // namespace llmos::jsonfields
