#include "bytetokenizer.h"

#include "tokenizer/bytelevelmap.h"

#include <nlohmann/json.hpp>

namespace llmos::test {

std::string byteTokenizerJson()
{
    nlohmann::json vocab = nlohmann::json::object();
    const auto &bytes = ByteLevelMap::instance();
    for (int b = 0; b < 256; ++b)
        vocab[bytes.encode(std::string(1, static_cast<char>(b)))] = b;
    auto special = [](int id, const char *content) {
        return nlohmann::json{{"id", id},          {"content", content}, {"single_word", false}, {"lstrip", false},
                              {"rstrip", false},   {"normalized", false}, {"special", true}};
    };
    const nlohmann::json document{{"version", "1.0"},
            {"truncation", nullptr},
            {"padding", nullptr},
            {"added_tokens",
             {special(kEndOfText, "<|endoftext|>"), special(kImStart, "<|im_start|>"), special(kImEnd, "<|im_end|>")}},
            {"normalizer", nullptr},
            {"pre_tokenizer", {{"type", "ByteLevel"}, {"add_prefix_space", false}, {"trim_offsets", true}, {"use_regex", true}}},
            {"post_processor", nullptr},
            {"decoder", {{"type", "ByteLevel"}, {"add_prefix_space", true}, {"trim_offsets", true}, {"use_regex", true}}},
            {"model",
             {{"type", "BPE"},
              {"dropout", nullptr},
              {"unk_token", nullptr},
              {"continuing_subword_prefix", nullptr},
              {"end_of_word_suffix", nullptr},
              {"fuse_unk", false},
              {"byte_fallback", false},
              {"vocab", vocab},
              {"merges", nlohmann::json::array()}}}};
    return document.dump(2);
}

} // namespace llmos::test
