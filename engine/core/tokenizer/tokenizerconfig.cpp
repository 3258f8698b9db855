#include "tokenizer/tokenizerconfig.h"

#include "formats/strictjson.h"
#include "tokenizer/jsonfields.h"
#include "util/error.h"

#include <charconv>

namespace llmos {

namespace jf = jsonfields;
using nlohmann::json;

namespace {

// "bos_token": "<s>" or {"__type": "AddedToken", "content": "<s>", ...} or null.
std::optional<std::string> tokenName(const json &root, const char *key, const std::string &where)
{
    const auto it = root.find(key);
    if (it == root.end() || it->is_null()) return std::nullopt;
    if (it->is_string()) return it->get<std::string>();
    if (it->is_object()) return jf::getString(*it, "content", jf::path(where, key));
    throw Error(ErrorKind::Format, jf::path(where, key), "expected a token string or an object with 'content'");
}

std::optional<bool> optionalBool(const json &root, const char *key, const std::string &where)
{
    if (!root.contains(key) || root.at(key).is_null()) return std::nullopt;
    return jf::optBool(root, key, false, where);
}

// "chat_template": "..." or [{"name": "default", "template": "..."}, {"name": "tool_use", ...}].
std::optional<std::string> chatTemplateOf(const json &root, const std::string &where)
{
    const auto it = root.find("chat_template");
    if (it == root.end() || it->is_null()) return std::nullopt;
    if (it->is_string()) return it->get<std::string>();
    const std::string at = jf::path(where, "chat_template");
    if (!it->is_array() || it->empty())
        throw Error(ErrorKind::Format, at, "expected a template string or a list of {name, template}");
    std::optional<std::string> first;
    for (std::size_t i = 0; i < it->size(); ++i) {
        const std::string entryAt = at + "[" + std::to_string(i) + "]";
        const json &entry = (*it)[i];
        jf::requireObject(entry, entryAt);
        auto source = jf::getString(entry, "template", entryAt);
        if (jf::getString(entry, "name", entryAt) == "default") return source;
        if (!first) first = std::move(source);
    }
    return first;
}

} // namespace

TokenizerConfig TokenizerConfig::fromJson(std::string_view text, const std::string &where)
{
    const json root = parseJsonStrict(text, where);
    jf::requireObject(root, where);
    TokenizerConfig config;
    config.bosToken = tokenName(root, "bos_token", where);
    config.eosToken = tokenName(root, "eos_token", where);
    config.padToken = tokenName(root, "pad_token", where);
    config.unkToken = tokenName(root, "unk_token", where);
    config.addBosToken = optionalBool(root, "add_bos_token", where);
    config.addEosToken = optionalBool(root, "add_eos_token", where);
    config.chatTemplate = chatTemplateOf(root, where);
    if (root.contains("added_tokens_decoder") && !root.at("added_tokens_decoder").is_null()) {
        const std::string at = jf::path(where, "added_tokens_decoder");
        const json &decoder = root.at("added_tokens_decoder");
        jf::requireObject(decoder, at);
        for (const auto &[key, entry] : decoder.items()) {
            const std::string entryAt = jf::path(at, key);
            AddedToken token;
            const auto [end, ec] = std::from_chars(key.data(), key.data() + key.size(), token.id);
            if (ec != std::errc() || end != key.data() + key.size() || token.id < 0)
                throw Error(ErrorKind::Format, entryAt, "the key must be a token id");
            token.content = jf::getString(entry, "content", entryAt);
            token.special = jf::optBool(entry, "special", false, entryAt);
            token.normalized = jf::optBool(entry, "normalized", !token.special, entryAt);
            token.lstrip = jf::optBool(entry, "lstrip", false, entryAt);
            token.rstrip = jf::optBool(entry, "rstrip", false, entryAt);
            token.singleWord = jf::optBool(entry, "single_word", false, entryAt);
            config.addedTokens.push_back(std::move(token));
        }
    }
    return config;
}

} // namespace llmos
