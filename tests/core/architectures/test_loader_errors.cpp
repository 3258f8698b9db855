// Loading checks (BAD_INPUTS 13, 14) and the scoring API's contract, on tiny models the
// tests write themselves: no Python needed.
#include "architectures/causallmloader.h"
#include "architectures/rotaryembedding.h"
#include "architectures/tokenscorer.h"
#include "formats/tensorload.h"
#include "checkpointfixtures.h"
#include "rowpathtesting.h"
#include "tempdir.h"
#include "util/error.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <cmath>
#include <functional>
#include <numbers>

using namespace llmos;

namespace {

using test::errorOf;
using test::replaced;
using test::Tensors;
using test::without;
using test::writeModel;

// Llama with 2 layers, hidden 8, 2 query heads sharing 1 key/value head (head dim 4).
nlohmann::json tinyLlamaConfig()
{
    return {{"model_type", "llama"},     {"architectures", {"LlamaForCausalLM"}},
            {"vocab_size", 11},          {"hidden_size", 8},
            {"intermediate_size", 12},   {"num_hidden_layers", 2},
            {"num_attention_heads", 2},  {"num_key_value_heads", 1},
            {"rms_norm_eps", 1e-5},      {"tie_word_embeddings", false}};
}

// Every tensor of that model, named and shaped as written here (not by the loader).
Tensors tinyLlamaTensors()
{
    torch::manual_seed(7);
    auto r = [](std::vector<std::int64_t> shape) { return torch::randn(shape) * 0.5; };
    Tensors t{{"model.embed_tokens.weight", r({11, 8})}};
    for (int i = 0; i < 2; ++i) {
        const std::string p = "model.layers." + std::to_string(i) + ".";
        t.emplace_back(p + "input_layernorm.weight", torch::ones({8}));
        t.emplace_back(p + "self_attn.q_proj.weight", r({8, 8}));
        t.emplace_back(p + "self_attn.k_proj.weight", r({4, 8}));
        t.emplace_back(p + "self_attn.v_proj.weight", r({4, 8}));
        t.emplace_back(p + "self_attn.o_proj.weight", r({8, 8}));
        t.emplace_back(p + "post_attention_layernorm.weight", torch::ones({8}));
        t.emplace_back(p + "mlp.gate_proj.weight", r({12, 8}));
        t.emplace_back(p + "mlp.up_proj.weight", r({12, 8}));
        t.emplace_back(p + "mlp.down_proj.weight", r({8, 12}));
    }
    t.emplace_back("model.norm.weight", torch::ones({8}));
    t.emplace_back("lm_head.weight", r({11, 8}));
    return t;
}

// Loads the folder and returns the Error it throws (fails the test if none).
Error loadError(const test::TempDir &dir)
{
    try {
        loadCausalLm(dir.path());
    } catch (const Error &e) {
        return e;
    }
    ADD_FAILURE() << "loading " << dir.path() << " succeeded";
    return Error(ErrorKind::Internal, "", "");
}

TEST(CausalLmLoader, LoadsACompleteModel)
{
    test::TempDir dir;
    writeModel(dir, tinyLlamaConfig(), tinyLlamaTensors());
    auto model = loadCausalLm(dir.path());
    torch::NoGradGuard noGrad;
    const auto logits = model->forward(torch::tensor({{1, 2, 3}}, torch::kLong));
    EXPECT_EQ(logits.sizes(), (std::vector<std::int64_t>{1, 3, 11}));
    EXPECT_FALSE(model->is_training());
}

TEST(CausalLmLoader, MissingTensorIsNamed)
{
    test::TempDir dir;
    writeModel(dir, tinyLlamaConfig(), without(tinyLlamaTensors(), "model.layers.1.mlp.up_proj.weight"));
    const auto e = loadError(dir);
    EXPECT_EQ(e.kind(), ErrorKind::NotFound);
    EXPECT_NE(e.where().find("model.layers.1.mlp.up_proj.weight"), std::string::npos) << e.what();
    EXPECT_NE(e.detail().find("[12, 8]"), std::string::npos) << e.detail();
}

TEST(CausalLmLoader, WrongShapeIsNamed)
{
    test::TempDir dir;
    writeModel(dir, tinyLlamaConfig(),
               replaced(tinyLlamaTensors(), "model.layers.0.self_attn.k_proj.weight", torch::zeros({8, 8})));
    const auto e = loadError(dir);
    EXPECT_EQ(e.kind(), ErrorKind::Format);
    EXPECT_NE(e.where().find("model.layers.0.self_attn.k_proj.weight"), std::string::npos) << e.what();
    EXPECT_NE(e.detail().find("[8, 8]"), std::string::npos) << e.detail();
    EXPECT_NE(e.detail().find("[4, 8]"), std::string::npos) << e.detail();
}

TEST(CausalLmLoader, FirstMismatchInModelOrderIsReported)
{
    test::TempDir dir;
    auto tensors = without(tinyLlamaTensors(), "model.layers.1.self_attn.q_proj.weight");
    tensors = replaced(tensors, "model.layers.0.mlp.down_proj.weight", torch::zeros({12, 8}));
    writeModel(dir, tinyLlamaConfig(), tensors);
    const auto e = loadError(dir);
    EXPECT_NE(e.where().find("model.layers.0.mlp.down_proj.weight"), std::string::npos) << e.what();
}

TEST(CausalLmLoader, VocabularyAndEmbeddingDisagreeNamesTheConfigField)
{
    test::TempDir dir;
    writeModel(dir, tinyLlamaConfig(), replaced(tinyLlamaTensors(), "model.embed_tokens.weight", torch::zeros({12, 8})));
    const auto e = loadError(dir);
    EXPECT_EQ(e.kind(), ErrorKind::Format);
    EXPECT_TRUE(e.where().ends_with("config.json: vocab_size")) << e.where();
    EXPECT_NE(e.detail().find("12 rows"), std::string::npos) << e.detail();
}

TEST(CausalLmLoader, LayerBeyondTheConfigIsRefused)
{
    test::TempDir dir;
    auto tensors = tinyLlamaTensors();
    tensors.emplace_back("model.layers.2.input_layernorm.weight", torch::ones({8}));
    writeModel(dir, tinyLlamaConfig(), tensors);
    const auto e = loadError(dir);
    EXPECT_EQ(e.kind(), ErrorKind::Format);
    EXPECT_NE(e.where().find("model.layers.2.input_layernorm.weight"), std::string::npos) << e.what();
}

TEST(CausalLmLoader, UnsupportedDtypeIsNamed)
{
    test::TempDir dir;
    writeModel(dir, tinyLlamaConfig(),
               replaced(tinyLlamaTensors(), "model.norm.weight", torch::ones({8}, torch::kDouble)));
    const auto e = loadError(dir);
    EXPECT_EQ(e.kind(), ErrorKind::Unsupported);
    EXPECT_NE(e.where().find("model.norm.weight"), std::string::npos) << e.what();
}

TEST(CausalLmLoader, RecomputedBuffersAreIgnored)
{
    test::TempDir dir;
    auto tensors = tinyLlamaTensors();
    tensors.emplace_back("model.layers.0.self_attn.rotary_emb.inv_freq", torch::ones({2}));
    writeModel(dir, tinyLlamaConfig(), tensors);
    EXPECT_NO_THROW(loadCausalLm(dir.path()));
}

// A tied head reads the embedding table even when the file also stores lm_head.weight
// (transformers does the same: tying replaces the head).
TEST(CausalLmLoader, TiedHeadUsesTheEmbeddings)
{
    test::TempDir dir;
    auto config = tinyLlamaConfig();
    config["tie_word_embeddings"] = true;
    const auto tensors = tinyLlamaTensors();
    writeModel(dir, config, tensors);
    auto tied = loadCausalLm(dir.path());

    test::TempDir untiedDir;
    auto untiedTensors = replaced(tensors, "lm_head.weight", tensors.front().second.clone());
    writeModel(untiedDir, tinyLlamaConfig(), untiedTensors);
    auto untied = loadCausalLm(untiedDir.path());

    torch::NoGradGuard noGrad;
    const auto ids = torch::tensor({{4, 1, 9, 2}}, torch::kLong);
    EXPECT_TRUE(torch::allclose(tied->forward(ids), untied->forward(ids), 1e-6, 1e-6));
    EXPECT_EQ(tied->named_parameters().find("lm_head.weight"), nullptr);
}

TEST(CausalLmLoader, NonCausalAndUnknownVariantsAreUnsupported)
{
    {
        test::TempDir dir;
        writeModel(dir,
                   {{"model_type", "bert"}, {"vocab_size", 11}, {"hidden_size", 8}, {"intermediate_size", 12},
                    {"num_hidden_layers", 1}, {"num_attention_heads", 2}},
                   {{"x", torch::zeros({1})}});
        EXPECT_EQ(loadError(dir).kind(), ErrorKind::Unsupported);
    }
    {
        test::TempDir dir;
        auto config = tinyLlamaConfig();
        config["rope_scaling"] = {{"rope_type", "yarn"}, {"factor", 4.0}};
        writeModel(dir, config, tinyLlamaTensors());
        const auto e = loadError(dir);
        EXPECT_EQ(e.kind(), ErrorKind::Unsupported);
        EXPECT_NE(e.where().find("rope_scaling"), std::string::npos);
    }
    {
        test::TempDir dir;
        auto config = tinyLlamaConfig();
        config["hidden_act"] = "gelu";
        writeModel(dir, config, tinyLlamaTensors());
        EXPECT_EQ(loadError(dir).kind(), ErrorKind::Unsupported);
    }
}

// Llama 3.1 scaling with head dim 8, theta 10^4: wavelengths 2π·10^(i) for i = 0..3.
// original 64, low 1, high 4 -> short (< 16) kept, long (> 64) divided by 8, 62.8 blended.
TEST(RotaryEmbedding, Llama3ScalingTreatsEachBand)
{
    ModelConfig config;
    config.headDim = 8;
    config.ropeTheta = 10000.0;
    config.ropeScaling = RopeScaling{"llama3", 8.0, 1.0, 4.0, 64};
    const auto f = RotaryEmbedding(config).inverseFrequencies();
    ASSERT_EQ(f.size(0), 4);
    const double wavelength = 2 * std::numbers::pi / 0.1;
    const double smooth = (64 / wavelength - 1) / 3;
    EXPECT_NEAR(f[0].item<double>(), 1.0, 1e-7);
    EXPECT_NEAR(f[1].item<double>(), (1 - smooth) * 0.1 / 8 + smooth * 0.1, 1e-7);
    EXPECT_NEAR(f[2].item<double>(), 0.01 / 8, 1e-8);
    EXPECT_NEAR(f[3].item<double>(), 0.001 / 8, 1e-9);

    config.ropeScaling = RopeScaling{"linear", 2.0};
    const auto linear = RotaryEmbedding(config).inverseFrequencies();
    EXPECT_NEAR(linear[1].item<double>(), 0.05, 1e-8);
}

// The decode path's angles for one position are the tensor path's, at positions far enough
// out (100,000) that an angle computed in double instead of fp32 would differ.
TEST(RotaryEmbedding, OnePositionsRowMatchesTheTensorPath)
{
    ModelConfig config;
    config.headDim = 16;
    config.ropeTheta = 500000.0;
    config.ropeScaling = RopeScaling{"llama3", 8.0, 1.0, 4.0, 8192};
    const RotaryEmbedding rotary(config);
    for (const std::int64_t position : {0, 1, 77, 100000}) {
        const auto [cos, sin] = rotary.cosSin(torch::full({1, 1}, position, torch::kLong));
        std::vector<float> cosRow(16), sinRow(16);
        rotary.cosSinRow(position, cosRow.data(), sinRow.data());
        EXPECT_LT(test::maxAbsDifference(torch::tensor(cosRow), cos.flatten()), 1e-6) << "cos at " << position;
        EXPECT_LT(test::maxAbsDifference(torch::tensor(sinRow), sin.flatten()), 1e-6) << "sin at " << position;
    }
}

TEST(TokenScorer, LogprobsAreNextTokenLogSoftmax)
{
    test::TempDir dir;
    writeModel(dir, tinyLlamaConfig(), tinyLlamaTensors());
    const auto scorer = TokenScorer::open(dir.path());
    const std::vector<std::int64_t> ids{3, 1, 4, 1, 5, 9};
    const auto scores = scorer.score(ids);
    ASSERT_EQ(scores.logprobs.size(), ids.size() - 1);

    torch::NoGradGuard noGrad;
    const auto logits = loadCausalLm(dir.path())->forward(torch::tensor(ids, torch::kLong).unsqueeze(0))[0];
    const auto logSoftmax = torch::log_softmax(logits.to(torch::kDouble), -1);
    double sum = 0;
    for (std::size_t i = 0; i + 1 < ids.size(); ++i) {
        EXPECT_NEAR(scores.logprobs[i], logSoftmax[static_cast<std::int64_t>(i)][ids[i + 1]].item<double>(), 1e-5);
        sum += scores.logprobs[i];
    }
    EXPECT_NEAR(scores.totalLogprob, sum, 1e-9);
    EXPECT_NEAR(scores.perplexity, std::exp(-sum / 5), 1e-9);
}

TEST(TokenScorer, RefusesWhatItCannotScore)
{
    test::TempDir dir;
    writeModel(dir, tinyLlamaConfig(), tinyLlamaTensors());
    const auto scorer = TokenScorer::open(dir.path());
    try {
        scorer.score(std::vector<std::int64_t>{5});
        ADD_FAILURE() << "one token was scored";
    } catch (const Error &e) {
        EXPECT_EQ(e.kind(), ErrorKind::InvalidInput);
    }
    try {
        scorer.score(std::vector<std::int64_t>{5, 2, 11});
        ADD_FAILURE() << "an id outside the vocabulary was scored";
    } catch (const Error &e) {
        EXPECT_EQ(e.kind(), ErrorKind::InvalidInput);
        EXPECT_NE(e.where().find("token 2"), std::string::npos) << e.where();
    }
}

} // namespace
