#include "tokenizer/bpetokenizerjson.h"

#include "tokenizer/bpetrainer.h"
#include "tokenizer/bpewordcounts.h"

#include <fmt/format.h>

namespace llmos {

namespace {

using nlohmann::ordered_json;

ordered_json byteLevel(bool useRegex)
{
    return {{"type", "ByteLevel"}, {"add_prefix_space", false}, {"trim_offsets", true}, {"use_regex", useRegex}};
}

void appendJsonString(std::string &out, std::string_view text)
{
    out += nlohmann::json(text).dump(); // tokens are valid UTF-8: byte-level symbols and checked specials
}

ordered_json addedTokensJson(const TrainedBpe &trained)
{
    ordered_json added = ordered_json::array();
    for (std::size_t id = 0; id < trained.specialCount; ++id)
        added.push_back(addedTokenJson(id, trained.tokens[id], false, true));
    return added;
}

} // namespace

nlohmann::ordered_json addedTokenJson(std::size_t id, const std::string &content, bool normalized, bool special)
{
    return {{"id", id},           {"content", content},       {"single_word", false}, {"lstrip", false},
            {"rstrip", false},    {"normalized", normalized}, {"special", special}};
}

nlohmann::json byteLevelPreTokenizerJson(std::string_view splitPattern)
{
    if (splitPattern == BpeWordCounts::kGpt2Pattern)
        return byteLevel(true);
    return {{"type", "Sequence"},
            {"pretokenizers",
             {{{"type", "Split"}, {"pattern", {{"Regex", splitPattern}}}, {"behavior", "Isolated"}, {"invert", false}},
              byteLevel(false)}}};
}

std::string bpeTokenizerJsonText(const std::string &headJson, const std::string &modelJson,
                                 const std::vector<std::string> &tokens,
                                 const std::vector<std::pair<std::int32_t, std::int32_t>> &merges)
{
    std::string text = headJson;
    text.pop_back(); // the closing brace: "model" follows
    std::string modelText = modelJson;
    modelText.pop_back();
    text += ",\"model\":";
    text += modelText;
    text += ",\"vocab\":{";
    for (std::size_t id = 0; id < tokens.size(); ++id) {
        if (id)
            text.push_back(',');
        appendJsonString(text, tokens[id]);
        text += fmt::format(":{}", id);
    }
    text += "},\"merges\":[";
    for (std::size_t i = 0; i < merges.size(); ++i) {
        if (i)
            text.push_back(',');
        text.push_back('[');
        appendJsonString(text, tokens[static_cast<std::size_t>(merges[i].first)]);
        text.push_back(',');
        appendJsonString(text, tokens[static_cast<std::size_t>(merges[i].second)]);
        text.push_back(']');
    }
    text += "]}}";
    return text;
}

std::string bpeTokenizerJson(const TrainedBpe &trained)
{
    ordered_json head{{"version", "1.0"}, {"truncation", nullptr}, {"padding", nullptr}};
    head["added_tokens"] = addedTokensJson(trained);
    head["normalizer"] = nullptr;
    head["pre_tokenizer"] = byteLevelPreTokenizerJson(trained.splitPattern);
    // Only trims offsets; ids pass through. What Hugging Face's byte-level trainers write.
    head["post_processor"] = {
        {"type", "ByteLevel"}, {"add_prefix_space", true}, {"trim_offsets", false}, {"use_regex", true}};
    head["decoder"] = {{"type", "ByteLevel"}, {"add_prefix_space", true}, {"trim_offsets", true}, {"use_regex", true}};
    const ordered_json model{{"type", "BPE"},
                             {"dropout", nullptr},
                             {"unk_token", nullptr},
                             {"continuing_subword_prefix", nullptr},
                             {"end_of_word_suffix", nullptr},
                             {"fuse_unk", false},
                             {"byte_fallback", false},
                             {"ignore_merges", false}};

    return bpeTokenizerJsonText(head.dump(), model.dump(), trained.tokens, trained.merges) + "\n";
}

} // namespace llmos
