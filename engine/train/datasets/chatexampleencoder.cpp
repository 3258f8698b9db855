#include "datasets/chatexampleencoder.h"

#include "chat/chattemplate.h"
#include "tokenizer/tokenizer.h"
#include "util/error.h"

#include <fmt/format.h>

namespace llmos {

ChatExampleEncoder::ChatExampleEncoder(const Tokenizer &tokenizer, const ChatTemplate &chatTemplate)
    : m_tokenizer(tokenizer), m_template(chatTemplate)
{
    const SpecialTokenIds &special = tokenizer.specialTokens();
    if (special.bos) m_bosToken = tokenizer.idToToken(*special.bos);
    if (special.eos) m_eosToken = tokenizer.idToToken(*special.eos);
}

std::string ChatExampleEncoder::render(const std::vector<ChatTurn> &turns, std::size_t count, bool generationPrompt) const
{
    nlohmann::ordered_json messages = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < count; ++i) messages.push_back({{"role", turns[i].role}, {"content", turns[i].content}});
    const nlohmann::ordered_json variables{{"messages", std::move(messages)}, {"bos_token", m_bosToken},
            {"eos_token", m_eosToken}, {"add_generation_prompt", generationPrompt}};
    // A fixed time keeps strftime_now() templates reproducible between runs.
    return m_template.render(variables, ChatRenderOptions{.now = 0});
}

TokenizedExample ChatExampleEncoder::encode(const std::vector<ChatTurn> &turns) const
{
    const std::string full = render(turns, turns.size(), false);
    // Character spans [start, end) of the assistant replies, in order.
    std::vector<std::pair<std::size_t, std::size_t>> replies;
    auto checkedPrefix = [&](const std::string &prefix, std::size_t turn) {
        if (prefix.size() > full.size() || full.compare(0, prefix.size(), prefix) != 0)
            throw Error(ErrorKind::Unsupported, m_template.name(),
                    fmt::format("the chat template renders turn {} differently once later turns follow, so the "
                                "assistant replies cannot be located for loss masking",
                            turn));
        return prefix.size();
    };
    for (std::size_t i = 0; i < turns.size(); ++i) {
        if (turns[i].role != "assistant") continue;
        const std::size_t start = checkedPrefix(render(turns, i, true), i);
        const std::size_t end = checkedPrefix(render(turns, i + 1, false), i);
        if (end > start) replies.emplace_back(start, end);
    }
    TokenizedExample example;
    auto appendPiece = [&](std::size_t from, std::size_t to, bool learn) {
        if (to <= from) return;
        const auto ids = m_tokenizer.encode(std::string_view(full).substr(from, to - from), false);
        example.inputIds.insert(example.inputIds.end(), ids.begin(), ids.end());
        if (learn) example.labels.insert(example.labels.end(), ids.begin(), ids.end());
        else example.labels.insert(example.labels.end(), ids.size(), kIgnoreLabel);
    };
    std::size_t at = 0;
    for (const auto &[start, end] : replies) {
        appendPiece(at, start, false);
        appendPiece(start, end, true);
        at = end;
    }
    appendPiece(at, full.size(), false);
    return example;
}

} // namespace llmos
