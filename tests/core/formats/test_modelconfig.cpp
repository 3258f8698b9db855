#include "formats/strictjson.h"
#include "model/modelconfig.h"
#include "util/error.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace llmos;
using nlohmann::json;

namespace {

json llama()
{
    return json{{"model_type", "llama"}, {"architectures", {"LlamaForCausalLM"}}, {"vocab_size", 32000},
                {"hidden_size", 64}, {"intermediate_size", 128}, {"num_hidden_layers", 2},
                {"num_attention_heads", 8}, {"num_key_value_heads", 2}, {"rms_norm_eps", 1e-6},
                {"rope_theta", 500000.0}, {"max_position_embeddings", 4096}, {"bos_token_id", 1},
                {"eos_token_id", {2, 3}}, {"tie_word_embeddings", false}, {"torch_dtype", "bfloat16"}};
}

std::string errorOf(const json &doc)
{
    try {
        parseModelConfig(doc, "config.json");
    } catch (const Error &e) {
        return e.what();
    }
    return "(no error)";
}

} // namespace

TEST(ModelConfig, ReadsLlama)
{
    auto doc = llama();
    doc["rope_scaling"] = {{"rope_type", "llama3"}, {"factor", 8.0}, {"low_freq_factor", 1.0},
                           {"high_freq_factor", 4.0}, {"original_max_position_embeddings", 8192}};
    const auto c = parseModelConfig(doc, "config.json");
    EXPECT_EQ(c.family, ModelFamily::Llama);
    EXPECT_EQ(c.headDim, 8);
    EXPECT_EQ(c.numKeyValueHeads, 2);
    EXPECT_DOUBLE_EQ(c.ropeTheta, 500000.0);
    ASSERT_TRUE(c.ropeScaling);
    EXPECT_EQ(c.ropeScaling->type, "llama3");
    EXPECT_EQ(c.eosTokenIds, (std::vector<std::int64_t>{2, 3}));
    EXPECT_FALSE(c.attentionBias);
}

TEST(ModelConfig, Qwen2HasAttentionBiasAndMistralIsLlamaFamily)
{
    auto doc = llama();
    doc["model_type"] = "qwen2";
    EXPECT_TRUE(parseModelConfig(doc, "config.json").attentionBias);
    doc["model_type"] = "mistral";
    doc["sliding_window"] = 4096;
    const auto m = parseModelConfig(doc, "config.json");
    EXPECT_EQ(m.family, ModelFamily::Llama);
    EXPECT_EQ(m.slidingWindow, 4096);
}

TEST(ModelConfig, ReadsGpt2FieldNames)
{
    const json doc{{"model_type", "gpt2"}, {"vocab_size", 50257}, {"n_embd", 768}, {"n_layer", 12},
                   {"n_head", 12}, {"n_positions", 1024}, {"n_inner", nullptr}, {"layer_norm_epsilon", 1e-5}};
    const auto c = parseModelConfig(doc, "config.json");
    EXPECT_EQ(c.family, ModelFamily::Gpt2);
    EXPECT_EQ(c.intermediateSize, 3072);
    EXPECT_EQ(c.headDim, 64);
    EXPECT_TRUE(c.tieWordEmbeddings);
}

TEST(ModelConfig, ReadsBertWithLabels)
{
    const json doc{{"model_type", "bert"}, {"vocab_size", 30522}, {"hidden_size", 32},
                   {"num_hidden_layers", 2}, {"num_attention_heads", 4}, {"intermediate_size", 64},
                   {"id2label", {{"1", "positive"}, {"0", "negative"}}}};
    const auto c = parseModelConfig(doc, "config.json");
    EXPECT_EQ(c.family, ModelFamily::Bert);
    EXPECT_EQ(c.typeVocabSize, 2);
    EXPECT_EQ(c.labels, (std::vector<std::string>{"negative", "positive"}));
}

struct ConfigCase {
    const char *name;
    const char *field;
    json value; // null = remove the field
    const char *expected;
};

class ModelConfigRefusal : public ::testing::TestWithParam<ConfigCase> {};

TEST_P(ModelConfigRefusal, NamesTheField)
{
    const auto &c = GetParam();
    auto doc = llama();
    if (c.value.is_null())
        doc.erase(c.field);
    else
        doc[c.field] = c.value;
    const std::string message = errorOf(doc);
    EXPECT_NE(message.find(std::string("config.json: ") + c.field), std::string::npos) << message;
    EXPECT_NE(message.find(c.expected), std::string::npos) << message;
}

INSTANTIATE_TEST_SUITE_P(
    Table, ModelConfigRefusal,
    ::testing::Values(ConfigCase{"zero_heads", "num_attention_heads", 0, "must be positive"},
                      ConfigCase{"negative_hidden", "hidden_size", -64, "must be positive"},
                      ConfigCase{"hidden_not_divisible", "num_attention_heads", 7, "not divisible"},
                      ConfigCase{"kv_not_dividing", "num_key_value_heads", 3, "do not divide"},
                      ConfigCase{"missing_vocab", "vocab_size", nullptr, "is missing"},
                      ConfigCase{"string_layers", "num_hidden_layers", "2", "whole number"},
                      ConfigCase{"huge_layers", "num_hidden_layers", 1e6, "whole number"},
                      ConfigCase{"too_many_layers", "num_hidden_layers", 100000, "supported maximum"},
                      ConfigCase{"unknown_type", "model_type", "mamba", "not supported"},
                      ConfigCase{"eos_outside_vocab", "eos_token_id", 32000, "outside the vocabulary"},
                      ConfigCase{"bad_rope_scaling", "rope_scaling", "linear", "must be an object"},
                      ConfigCase{"zero_theta", "rope_theta", 0, "must be positive"}),
    [](const auto &info) { return std::string(info.param.name); });
