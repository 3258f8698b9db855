// GGUF models: Hugging Face folders exported to GGUF in llama.cpp's conventions and
// loaded back into the same modules, hostile GGUF files, and saving a loaded model as a
// Hugging Face folder. Uses the tiny models of tests/tools/reference/torch_reference.py.
#include "architectures/causallmloader.h"
#include "architectures/causallmsaver.h"
#include "architectures/ggufcausallm.h"
#include "architectures/ggufexport.h"
#include "formats/gguf/gguffile.h"
#include "formats/gguf/gguftorch.h"
#include "formats/gguf/ggufwriter.h"
#include "formats/safetensorsweights.h"
#include "formats/tensorload.h"
#include "model/modelconfig.h"
#include "ggufreference.h"
#include "referencemodels.h"
#include "checkpointfixtures.h"
#include "ggufedit.h"
#include "tempdir.h"
#include "util/error.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <map>
#include <numbers>
#include <optional>
#include <set>

using namespace llmos;
using test::idsTensor;
using test::maxAbs;
using test::reference;
using test::greedyContinuation;
using test::logitsOf;
using test::referenceSequences;

namespace {

using test::errorOf;
using test::GgufEdit;
using test::rewritten;

namespace fs = std::filesystem;

constexpr int kContinuationTokens = 16;

std::string paramName(const ::testing::TestParamInfo<std::string> &info)
{
    std::string name = info.param;
    std::replace(name.begin(), name.end(), '-', '_');
    return name;
}

std::size_t commonPrefix(const std::vector<std::int64_t> &a, const std::vector<std::int64_t> &b)
{
    std::size_t n = 0;
    while (n < a.size() && n < b.size() && a[n] == b[n])
        ++n;
    return n;
}

struct LogprobDifference {
    double worst = 0;
    double mean = 0;
};

// |log p| differences between two models over the reference sequences' next tokens.
LogprobDifference logprobDifference(CausalLm &a, CausalLm &b, const std::string &model)
{
    LogprobDifference d;
    std::int64_t count = 0;
    for (const auto &ids : referenceSequences(model)) {
        const auto la = nextTokenLogprobs(logitsOf(a, ids).unsqueeze(0), idsTensor(ids));
        const auto lb = nextTokenLogprobs(logitsOf(b, ids).unsqueeze(0), idsTensor(ids));
        const auto diff = (la.to(torch::kDouble) - lb.to(torch::kDouble)).abs();
        d.worst = std::max(d.worst, diff.max().item<double>());
        d.mean += diff.sum().item<double>();
        count += diff.numel();
    }
    d.mean /= static_cast<double>(count);
    return d;
}

// llama.cpp's LlamaModel.permute, written out row by row: in each head, row j of the
// first half goes to 2j and row j of the second half to 2j + 1.
torch::Tensor llamaCppPermuted(const torch::Tensor &w, std::int64_t heads)
{
    const auto headRows = w.size(0) / heads;
    auto out = torch::empty_like(w);
    for (std::int64_t h = 0; h < heads; ++h)
        for (std::int64_t j = 0; j < headRows / 2; ++j) {
            out[h * headRows + 2 * j] = w[h * headRows + j];
            out[h * headRows + 2 * j + 1] = w[h * headRows + headRows / 2 + j];
        }
    return out;
}

at::Tensor hfTensor(const std::string &model, const std::string &name)
{
    const auto weights = SafetensorsWeights::openFolder(reference().folder(model));
    return toTorch(weights.at(name)).to(torch::kFloat).clone();
}

// ---------------------------------------------------------------------------------------
// Export -> load gives the Hugging Face model's numbers.

class GgufF32 : public ::testing::TestWithParam<std::string> {};

TEST_P(GgufF32, LogitsAndGreedyContinuationMatchTheHuggingFaceModel)
{
    REQUIRE_REFERENCE();
    auto hf = loadCausalLm(reference().folder(GetParam()));
    auto gguf = loadCausalLmFromGguf(test::exportedGguf(GetParam(), GgmlType::F32));
    double worst = 0;
    for (const auto &ids : referenceSequences(GetParam()))
        worst = std::max(worst, maxAbs(logitsOf(gguf, ids), logitsOf(hf, ids)));
    EXPECT_LT(worst, 1e-5) << GetParam();

    // And against the independent implementation's own numbers.
    const auto &sequence = reference().model(GetParam()).at("sequences").at(0);
    const auto ids = sequence.at("ids").get<std::vector<std::int64_t>>();
    const auto want = torch::tensor(sequence.at("last_logits").get<std::vector<double>>(), torch::kDouble);
    EXPECT_LT(maxAbs(logitsOf(gguf, ids)[-1], want), 1e-4);

    const auto continuation = greedyContinuation(gguf, ids, kContinuationTokens);
    EXPECT_EQ(continuation, greedyContinuation(hf, ids, kContinuationTokens));
    std::printf("[ gguf f32 ] %-22s max |logit diff| %.3g\n", GetParam().c_str(), worst);
}

TEST_P(GgufF32, ConfigMatchesTheHuggingFaceConfig)
{
    REQUIRE_REFERENCE();
    const auto hf = loadModelConfig(reference().folder(GetParam()) + "/config.json");
    const auto gguf = modelConfigFromGguf(GgufFile::open(test::exportedGguf(GetParam(), GgmlType::F32)));
    EXPECT_EQ(gguf.modelType, hf.modelType);
    EXPECT_EQ(gguf.vocabSize, hf.vocabSize);
    EXPECT_EQ(gguf.hiddenSize, hf.hiddenSize);
    EXPECT_EQ(gguf.intermediateSize, hf.intermediateSize);
    EXPECT_EQ(gguf.numLayers, hf.numLayers);
    EXPECT_EQ(gguf.numHeads, hf.numHeads);
    EXPECT_EQ(gguf.numKeyValueHeads, hf.numKeyValueHeads);
    EXPECT_EQ(gguf.headDim, hf.headDim);
    EXPECT_EQ(gguf.maxPositionEmbeddings, hf.maxPositionEmbeddings);
    EXPECT_EQ(gguf.normEps, hf.normEps); // read back as the shortest decimal of the f32
    EXPECT_EQ(gguf.ropeTheta, hf.ropeTheta);
    EXPECT_EQ(gguf.tieWordEmbeddings, hf.tieWordEmbeddings);
    EXPECT_EQ(gguf.attentionBias, hf.attentionBias);
    EXPECT_EQ(gguf.slidingWindow, hf.slidingWindow);
    EXPECT_EQ(gguf.bosTokenId, hf.bosTokenId);
    EXPECT_EQ(gguf.eosTokenIds, hf.eosTokenIds);
    ASSERT_EQ(gguf.ropeScaling.has_value(), hf.ropeScaling.has_value());
    if (hf.ropeScaling) {
        EXPECT_EQ(gguf.ropeScaling->type, hf.ropeScaling->type);
        EXPECT_NEAR(gguf.ropeScaling->factor, hf.ropeScaling->factor, 1e-6);
    }
}

INSTANTIATE_TEST_SUITE_P(Reference, GgufF32,
                         ::testing::Values("llama-gqa-llama3", "qwen2", "llama-linear-tied-f16", "mistral-sliding-window"),
                         paramName);

class GgufQuantized : public ::testing::TestWithParam<std::string> {};

TEST_P(GgufQuantized, F16StaysCloseToTheHuggingFaceModel)
{
    REQUIRE_REFERENCE();
    auto hf = loadCausalLm(reference().folder(GetParam()));
    auto gguf = loadCausalLmFromGguf(test::exportedGguf(GetParam(), GgmlType::F16));
    const auto difference = logprobDifference(gguf, hf, GetParam());
    EXPECT_LT(difference.worst, 1e-2) << GetParam();
    const auto ids = referenceSequences(GetParam()).at(0);
    const auto want = greedyContinuation(hf, ids, kContinuationTokens);
    const auto got = greedyContinuation(gguf, ids, kContinuationTokens);
    EXPECT_EQ(got, want) << GetParam();
    std::printf("[ gguf f16 ] %-22s |logprob diff| max %.3g mean %.3g, greedy prefix %zu/%d\n", GetParam().c_str(),
                difference.worst, difference.mean, commonPrefix(got, want), kContinuationTokens);
}

// The reference models are random with large logits, so 8-bit weights move the
// log-probabilities visibly. Measured: max 0.150 / 0.038 / 0.049 and mean 0.040 / 0.013 /
// 0.018 for llama-gqa-llama3 / qwen2 / llama-linear-tied-f16; greedy continuations agree
// for the first 12 / 16 / 12 of 16 tokens.
TEST_P(GgufQuantized, Q8_0StaysWithinQuantizationError)
{
    REQUIRE_REFERENCE();
    auto hf = loadCausalLm(reference().folder(GetParam()));
    auto gguf = loadCausalLmFromGguf(test::exportedGguf(GetParam(), GgmlType::Q8_0));
    const auto difference = logprobDifference(gguf, hf, GetParam());
    EXPECT_LT(difference.mean, 0.05) << GetParam();
    EXPECT_LT(difference.worst, 0.25) << GetParam();
    const auto ids = referenceSequences(GetParam()).at(0);
    const auto want = greedyContinuation(hf, ids, kContinuationTokens);
    const auto got = greedyContinuation(gguf, ids, kContinuationTokens);
    const auto agreed = commonPrefix(got, want);
    EXPECT_GE(agreed, 8u) << GetParam();
    std::printf("[ gguf q8_0] %-22s |logprob diff| max %.3g mean %.3g, greedy prefix %zu/%d\n", GetParam().c_str(),
                difference.worst, difference.mean, agreed, kContinuationTokens);
}

INSTANTIATE_TEST_SUITE_P(Reference, GgufQuantized,
                         ::testing::Values("llama-gqa-llama3", "qwen2", "llama-linear-tied-f16"), paramName);

// ---------------------------------------------------------------------------------------
// llama.cpp's conventions in the written file.

TEST(GgufExport, LlamaQueryAndKeyRowsArePermutedAsLlamaCppDoesAndComeBackExactly)
{
    REQUIRE_REFERENCE();
    const std::string model = "llama-gqa-llama3"; // 4 query heads, 2 key/value heads
    const auto file = GgufFile::open(test::exportedGguf(model, GgmlType::F32));
    auto loaded = loadCausalLmFromGguf(test::exportedGguf(model, GgmlType::F32));
    const auto parameters = loaded->named_parameters();
    for (int layer = 0; layer < 2; ++layer) {
        const auto hf = "model.layers." + std::to_string(layer) + ".self_attn.";
        const auto blk = "blk." + std::to_string(layer) + ".";
        for (const auto &[proj, tensor, heads] :
             {std::tuple{"q_proj", "attn_q.weight", 4}, std::tuple{"k_proj", "attn_k.weight", 2}}) {
            const auto original = hfTensor(model, hf + proj + ".weight");
            const auto stored = ggufTensorToTorch(file, file.tensor(blk + tensor));
            EXPECT_TRUE(torch::equal(stored, llamaCppPermuted(original, heads))) << blk + tensor;
            EXPECT_FALSE(torch::equal(stored, original)) << blk + tensor;
            EXPECT_TRUE(torch::equal(*parameters.find(hf + proj + ".weight"), original)) << hf + proj;
        }
        // v is not rotated, so it is stored as is.
        EXPECT_TRUE(torch::equal(ggufTensorToTorch(file, file.tensor(blk + "attn_v.weight")),
                                 hfTensor(model, hf + "v_proj.weight")));
    }
}

TEST(GgufExport, Qwen2IsStoredUnpermutedWithItsBiases)
{
    REQUIRE_REFERENCE();
    const auto file = GgufFile::open(test::exportedGguf("qwen2", GgmlType::F32));
    EXPECT_EQ(file.getString("general.architecture"), "qwen2");
    EXPECT_TRUE(torch::equal(ggufTensorToTorch(file, file.tensor("blk.0.attn_q.weight")),
                             hfTensor("qwen2", "model.layers.0.self_attn.q_proj.weight")));
    EXPECT_TRUE(torch::equal(ggufTensorToTorch(file, file.tensor("blk.1.attn_k.bias")),
                             hfTensor("qwen2", "model.layers.1.self_attn.k_proj.bias")));
    EXPECT_EQ(file.getUInt("qwen2.attention.head_count"), 6u);
    EXPECT_EQ(file.getUInt("qwen2.attention.head_count_kv"), 2u);
    EXPECT_EQ(file.getFloat("qwen2.rope.freq_base"), 1000000.0);
    EXPECT_EQ(file.findTensor("output.weight"), nullptr); // tied
}

TEST(GgufExport, WritesLlamaCppHyperparameters)
{
    REQUIRE_REFERENCE();
    const auto file = GgufFile::open(test::exportedGguf("llama-gqa-llama3", GgmlType::F32));
    EXPECT_EQ(file.getString("general.architecture"), "llama");
    EXPECT_EQ(file.getString("general.name"), "llama-gqa-llama3");
    EXPECT_EQ(file.getUInt("general.file_type"), 0u);
    EXPECT_EQ(file.getUInt("llama.block_count"), 2u);
    EXPECT_EQ(file.getUInt("llama.context_length"), 256u);
    EXPECT_EQ(file.getUInt("llama.embedding_length"), 32u);
    EXPECT_EQ(file.getUInt("llama.feed_forward_length"), 48u);
    EXPECT_EQ(file.getUInt("llama.attention.head_count"), 4u);
    EXPECT_EQ(file.getUInt("llama.attention.head_count_kv"), 2u);
    EXPECT_EQ(file.getUInt("llama.rope.dimension_count"), 8u);
    EXPECT_EQ(file.getUInt("llama.vocab_size"), 97u);
    EXPECT_FLOAT_EQ(static_cast<float>(file.getFloat("llama.attention.layer_norm_rms_epsilon")), 1e-5f);
    EXPECT_EQ(file.getFloat("llama.rope.freq_base"), 10000.0);
    EXPECT_EQ(file.getUInt("tokenizer.ggml.bos_token_id"), 1u);
    EXPECT_EQ(file.getUInt("tokenizer.ggml.eos_token_id"), 2u);
    EXPECT_EQ(file.find("llama.attention.key_length"), nullptr); // head dim is hidden / heads
    EXPECT_NE(file.findTensor("output.weight"), nullptr);        // untied
    EXPECT_EQ(file.tensors().size(), 1u + 2 + 2 * 9 + 1);        // rope_freqs, embd/norm, layers, output

    // Llama 3 scaling as llama.cpp's converter writes it: per-frequency divisors.
    const double factor = 8, low = 1, high = 4, original = 64;
    std::vector<float> want;
    for (int i = 0; i < 4; ++i) {
        const double frequency = 1.0 / std::pow(10000.0, 2.0 * i / 8);
        const double wavelength = 2 * std::numbers::pi / frequency;
        if (wavelength < original / high)
            want.push_back(1);
        else if (wavelength > original / low)
            want.push_back(static_cast<float>(factor));
        else {
            const double smooth = (original / wavelength - low) / (high - low);
            want.push_back(static_cast<float>(1 / ((1 - smooth) / factor + smooth)));
        }
    }
    const auto &freqs = file.tensor("rope_freqs.weight");
    EXPECT_EQ(freqs.type, GgmlType::F32);
    const auto got = ggufTensorToTorch(file, freqs);
    ASSERT_EQ(got.numel(), 4);
    for (int i = 0; i < 4; ++i)
        EXPECT_NEAR(got[i].item<float>(), want[i], 1e-5 * want[i]) << "frequency " << i;
    EXPECT_GT(want[1], 1.0f); // the reference model really has a blended frequency
    EXPECT_LT(want[1], 8.0f);
}

TEST(GgufExport, MistralIsStoredAsLlamaWithItsSlidingWindow)
{
    REQUIRE_REFERENCE();
    const auto file = GgufFile::open(test::exportedGguf("mistral-sliding-window", GgmlType::F32));
    EXPECT_EQ(file.getString("general.architecture"), "llama"); // as llama.cpp's converter stores Mistral
    EXPECT_EQ(file.getUInt("llama.attention.sliding_window"), 4u);
    const auto config = modelConfigFromGguf(file);
    EXPECT_EQ(config.modelType, "mistral");
    EXPECT_EQ(config.slidingWindow, 4);
    EXPECT_EQ(GgufFile::open(test::exportedGguf("llama-gqa-llama3", GgmlType::F32))
                  .find("llama.attention.sliding_window"),
              nullptr); // no window, no key
}

TEST(GgufExport, LinearScalingTiedHeadAndOwnHeadDimension)
{
    REQUIRE_REFERENCE();
    const auto file = GgufFile::open(test::exportedGguf("llama-linear-tied-f16", GgmlType::F32));
    EXPECT_EQ(file.getString("llama.rope.scaling.type"), "linear");
    EXPECT_EQ(file.getFloat("llama.rope.scaling.factor"), 2.0);
    EXPECT_EQ(file.getUInt("llama.attention.key_length"), 16u);
    EXPECT_EQ(file.getUInt("llama.attention.value_length"), 16u);
    EXPECT_EQ(file.getUInt("llama.rope.dimension_count"), 16u);
    EXPECT_EQ(file.findTensor("output.weight"), nullptr);
    EXPECT_EQ(file.findTensor("rope_freqs.weight"), nullptr);
}

TEST(GgufExport, Q8_0QuantizesWholeBlockRowsAndKeepsNormsF32)
{
    REQUIRE_REFERENCE();
    const auto file = GgufFile::open(test::exportedGguf("llama-gqa-llama3", GgmlType::Q8_0));
    EXPECT_EQ(file.getUInt("general.file_type"), 7u);
    EXPECT_EQ(file.tensor("token_embd.weight").type, GgmlType::Q8_0); // rows of 32
    EXPECT_EQ(file.tensor("blk.0.attn_q.weight").type, GgmlType::Q8_0);
    EXPECT_EQ(file.tensor("blk.0.ffn_down.weight").type, GgmlType::F16); // rows of 48
    EXPECT_EQ(file.tensor("blk.0.attn_norm.weight").type, GgmlType::F32);
    EXPECT_EQ(file.tensor("output_norm.weight").type, GgmlType::F32);
    EXPECT_EQ(file.tensor("rope_freqs.weight").type, GgmlType::F32);

    const auto f16 = GgufFile::open(test::exportedGguf("qwen2", GgmlType::F16));
    EXPECT_EQ(f16.getUInt("general.file_type"), 1u);
    EXPECT_EQ(f16.tensor("blk.0.attn_q.weight").type, GgmlType::F16);
    EXPECT_EQ(f16.tensor("blk.0.attn_q.bias").type, GgmlType::F32);
}

TEST(GgufExport, RefusesWhatItCannotWrite)
{
    REQUIRE_REFERENCE();
    test::TempDir dir;
    // An encoder is no causal language model (exportModelToGguf writes it).
    const auto bert =
        errorOf([&] { exportCausalLmToGguf(reference().folder("bert"), dir.file("g.gguf"), GgmlType::F32); });
    EXPECT_EQ(bert.kind(), ErrorKind::Unsupported);
    EXPECT_NE(bert.where().find("model_type"), std::string::npos) << bert.what();

    const auto q4 =
        errorOf([&] { exportCausalLmToGguf(reference().folder("qwen2"), dir.file("q.gguf"), GgmlType::Q4_0); });
    EXPECT_EQ(q4.kind(), ErrorKind::InvalidInput);
    EXPECT_NE(std::string(q4.detail()).find("Q8_0"), std::string::npos);
    EXPECT_FALSE(fs::exists(dir.file("g.gguf")));
    EXPECT_FALSE(fs::exists(dir.file("q.gguf")));
}

TEST(GgufExport, CancelLeavesNothingBehind)
{
    REQUIRE_REFERENCE();
    test::TempDir dir;
    std::size_t calls = 0;
    std::size_t total = 0;
    const auto e = errorOf([&] {
        exportCausalLmToGguf(reference().folder("qwen2"), dir.file("q.gguf"), GgmlType::F16,
                             [&](std::size_t done, std::size_t all) {
                                 ++calls;
                                 total = all;
                                 return done < 5;
                             });
    });
    EXPECT_EQ(e.kind(), ErrorKind::Cancelled);
    EXPECT_EQ(calls, 5u);
    EXPECT_EQ(total, 2u + 2 * 12); // embd, norm, and 12 parameters per layer (qkv biases)
    EXPECT_TRUE(fs::is_empty(dir.path()));
}

// ---------------------------------------------------------------------------------------
// Hostile GGUF files: a valid export rewritten with one thing wrong.

struct HostileCase {
    std::string name;
    GgufEdit edit;
    ErrorKind kind;
    std::string where; // the end of Error::where()
};

std::vector<HostileCase> hostileCases()
{
    return {
        {"missing_block_count", {{{"llama.block_count", std::nullopt}}}, ErrorKind::NotFound, "llama.block_count"},
        {"missing_architecture",
         {{{"general.architecture", std::nullopt}}},
         ErrorKind::NotFound,
         "general.architecture"},
        {"unknown_architecture",
         {{{"general.architecture", GgufValue("mamba")}}},
         ErrorKind::Unsupported,
         "general.architecture"},
        {"architecture_not_a_string",
         {{{"general.architecture", GgufValue(std::uint32_t{1})}}},
         ErrorKind::Format,
         "general.architecture"},
        {"block_count_as_string", {{{"llama.block_count", GgufValue("two")}}}, ErrorKind::Format, "llama.block_count"},
        {"absurd_block_count",
         {{{"llama.block_count", GgufValue(std::uint64_t{1} << 40)}}},
         ErrorKind::Format,
         "llama.block_count"},
        {"zero_heads",
         {{{"llama.attention.head_count", GgufValue(std::uint32_t{0})}}},
         ErrorKind::Format,
         "llama.attention.head_count"},
        {"kv_heads_not_dividing",
         {{{"llama.attention.head_count_kv", GgufValue(std::uint32_t{3})}}},
         ErrorKind::Format,
         "llama.attention.head_count_kv"},
        {"negative_context",
         {{{"llama.context_length", GgufValue(std::int32_t{-1})}}},
         ErrorKind::Format,
         "llama.context_length"},
        {"eos_outside_vocabulary",
         {{{"tokenizer.ggml.eos_token_id", GgufValue(std::uint32_t{97})}}},
         ErrorKind::Format,
         "tokenizer.ggml.eos_token_id"},
        {"yarn_scaling",
         {{{"llama.rope.scaling.type", GgufValue("yarn")}}},
         ErrorKind::Unsupported,
         "llama.rope.scaling.type"},
        {"partial_rotary",
         {{{"llama.rope.dimension_count", GgufValue(std::uint32_t{4})}}},
         ErrorKind::Unsupported,
         "llama.rope.dimension_count"},
        {"wrong_tensor_shape",
         {{}, {}, {{"blk.1.ffn_up.weight", torch::zeros({47, 32})}}},
         ErrorKind::Format,
         "blk.1.ffn_up.weight"},
        {"missing_tensor", {{}, {"blk.1.ffn_up.weight"}, {}}, ErrorKind::NotFound, "blk.1.ffn_up.weight"},
        {"extra_layer",
         {{}, {}, {{"blk.2.attn_q.weight", torch::zeros({32, 32})}}},
         ErrorKind::Format,
         "blk.2.attn_q.weight"},
        {"vocab_size_disagrees_with_embeddings",
         {{{"llama.vocab_size", GgufValue(std::uint32_t{96})}}},
         ErrorKind::Format,
         "token_embd.weight"},
        // Llama 3 scaling never divides a higher frequency more than a lower one.
        {"rope_factors_without_pattern",
         {{}, {}, {{"rope_freqs.weight", torch::tensor({8.0f, 1.0f, 8.0f, 1.0f})}}},
         ErrorKind::Unsupported,
         "rope_freqs.weight"},
        {"rope_factors_zero",
         {{}, {}, {{"rope_freqs.weight", torch::zeros({4})}}},
         ErrorKind::Unsupported,
         "rope_freqs.weight"},
        {"rope_factors_wrong_length",
         {{}, {}, {{"rope_freqs.weight", torch::ones({5})}}},
         ErrorKind::Format,
         "rope_freqs.weight"},
        {"rope_factors_and_linear_scaling",
         {{{"llama.rope.scaling.type", GgufValue("linear")}, {"llama.rope.scaling.factor", GgufValue(2.0f)}}},
         ErrorKind::Unsupported,
         "rope_freqs.weight"},
    };
}

class HostileGguf : public ::testing::TestWithParam<HostileCase> {};

TEST_P(HostileGguf, IsRefusedNamingTheFileAndWhatIsWrong)
{
    REQUIRE_REFERENCE();
    test::TempDir dir;
    const auto &c = GetParam();
    const auto path = rewritten(dir, test::exportedGguf("llama-gqa-llama3", GgmlType::F32), c.edit);
    const auto e = errorOf([&] { loadCausalLm(path); });
    EXPECT_EQ(e.kind(), c.kind) << e.what();
    EXPECT_TRUE(e.where().ends_with(c.where)) << e.where();
    EXPECT_TRUE(e.where().starts_with(path)) << e.where();
    EXPECT_FALSE(e.detail().empty());
}

INSTANTIATE_TEST_SUITE_P(Edits, HostileGguf, ::testing::ValuesIn(hostileCases()),
                         [](const auto &info) { return info.param.name; });

// ---------------------------------------------------------------------------------------
// loadCausalLm picks the loader from what it is given.

TEST(LoadCausalLm, ReadsGgufByExtensionOrMagic)
{
    REQUIRE_REFERENCE();
    test::TempDir dir;
    const auto source = test::exportedGguf("qwen2", GgmlType::F32);
    const auto ids = referenceSequences("qwen2").at(0);
    auto byName = loadCausalLm(source);
    const auto unnamed = dir.file("weights");
    fs::copy_file(source, unnamed);
    auto byMagic = loadCausalLm(unnamed);
    EXPECT_TRUE(torch::equal(logitsOf(byName, ids), logitsOf(byMagic, ids)));

    const auto text = dir.write("notes.txt", std::string_view("not a model"));
    const auto e = errorOf([&] { loadCausalLm(text); });
    EXPECT_EQ(e.kind(), ErrorKind::Unsupported);
    EXPECT_EQ(e.where(), text);
    const auto truncated = dir.write("cut.gguf", std::string_view("GGUF\x03\x00\x00\x00", 8));
    EXPECT_EQ(errorOf([&] { loadCausalLm(truncated); }).kind(), ErrorKind::Format);
}

// ---------------------------------------------------------------------------------------
// Saving a loaded model as a Hugging Face folder.

TEST(SaveCausalLm, F32RoundTripGivesIdenticalLogits)
{
    REQUIRE_REFERENCE();
    for (const std::string model : {"llama-gqa-llama3", "gpt2", "qwen2"}) {
        test::TempDir dir;
        auto original = loadCausalLm(reference().folder(model));
        saveCausalLm(*original, dir.path());
        auto reloaded = loadCausalLm(dir.path());
        EXPECT_EQ(reloaded->config(), original->config()) << model;
        for (const auto &ids : referenceSequences(model))
            EXPECT_TRUE(torch::equal(logitsOf(reloaded, ids), logitsOf(original, ids))) << model;
    }
}

TEST(SaveCausalLm, TiedHeadIsStoredOnce)
{
    REQUIRE_REFERENCE();
    test::TempDir dir;
    saveCausalLm(*loadCausalLm(reference().folder("gpt2")), dir.path());
    const auto weights = SafetensorsWeights::openFolder(dir.path());
    EXPECT_EQ(weights.find("lm_head.weight"), nullptr);
    EXPECT_NE(weights.find("transformer.wte.weight"), nullptr);
    const auto original = SafetensorsWeights::openFolder(reference().folder("gpt2"));
    EXPECT_EQ(weights.tensors().size(), original.tensors().size());
}

TEST(SaveCausalLm, GgufModelBecomesAHuggingFaceFolder)
{
    REQUIRE_REFERENCE();
    test::TempDir dir;
    auto gguf = loadCausalLmFromGguf(test::exportedGguf("llama-gqa-llama3", GgmlType::Q8_0));
    saveCausalLm(*gguf, dir.path());
    auto reloaded = loadCausalLm(dir.path());
    for (const auto &ids : referenceSequences("llama-gqa-llama3"))
        EXPECT_TRUE(torch::equal(logitsOf(reloaded, ids), logitsOf(gguf, ids)));
    const auto config = nlohmann::json::parse(test::readFile(dir.file("config.json")));
    EXPECT_EQ(config.at("architectures"), nlohmann::json::array({"LlamaForCausalLM"}));
    EXPECT_EQ(config.at("rope_scaling").at("rope_type"), "llama3");
    EXPECT_EQ(config.at("torch_dtype"), "float32");
}

TEST(SaveCausalLm, HalfPrecisionStoresThatDtype)
{
    REQUIRE_REFERENCE();
    auto original = loadCausalLm(reference().folder("qwen2"));
    for (const auto &[dtype, name, tolerance] :
         {std::tuple{DType::F16, "float16", 2e-2}, std::tuple{DType::BF16, "bfloat16", 1.5e-1}}) {
        test::TempDir dir;
        saveCausalLm(*original, dir.path(), dtype);
        const auto weights = SafetensorsWeights::openFolder(dir.path());
        EXPECT_EQ(weights.at("model.embed_tokens.weight").info->dtype, dtype);
        EXPECT_EQ(nlohmann::json::parse(test::readFile(dir.file("config.json"))).at("torch_dtype"), name);
        auto reloaded = loadCausalLm(dir.path());
        const double worst = logprobDifference(reloaded, original, "qwen2").worst;
        EXPECT_LT(worst, tolerance) << name;
        EXPECT_GT(worst, 0.0) << name; // really rounded
        std::printf("[ save %-8s] qwen2 max |logprob diff| %.3g\n", name, worst);
    }
}

TEST(SaveCausalLm, RefusesAFolderWithOtherWeightsAndOtherDtypes)
{
    REQUIRE_REFERENCE();
    auto model = loadCausalLm(reference().folder("qwen2"));
    test::TempDir dir;
    dir.write("model-00001-of-00002.safetensors", std::string_view("x"));
    const auto e = errorOf([&] { saveCausalLm(*model, dir.path()); });
    EXPECT_EQ(e.kind(), ErrorKind::InvalidInput);
    EXPECT_FALSE(fs::exists(dir.file("config.json")));

    test::TempDir empty;
    EXPECT_EQ(errorOf([&] { saveCausalLm(*model, empty.path(), DType::I8); }).kind(), ErrorKind::InvalidInput);
    EXPECT_TRUE(fs::is_empty(empty.path()));
}

// ---------------------------------------------------------------------------------------
// config.json written from a ModelConfig reads back as the same config.

TEST(ModelConfigJson, RoundTripsEveryReferenceConfig)
{
    REQUIRE_REFERENCE();
    for (const auto &m : reference().expected.at("models")) {
        const auto name = m.at("name").get<std::string>();
        const auto config = loadModelConfig(reference().folder(name) + "/config.json");
        const auto json = modelConfigToJson(config);
        EXPECT_EQ(parseModelConfig(json, "written"), config) << name;
        EXPECT_EQ(parseModelConfig(nlohmann::json::parse(json.dump()), "written"), config) << name;
    }
}

TEST(ModelConfigJson, RoundTripsLabelsScalingAndSeveralEosIds)
{
    const std::vector<nlohmann::json> sources{
        {{"model_type", "bert"},
         {"vocab_size", 30},
         {"hidden_size", 16},
         {"intermediate_size", 32},
         {"num_hidden_layers", 1},
         {"num_attention_heads", 2},
         {"id2label", {{"0", "neg"}, {"1", "pos"}}},
         {"pad_token_id", 0}},
        {{"model_type", "llama"},
         {"vocab_size", 300},
         {"hidden_size", 64},
         {"intermediate_size", 128},
         {"num_hidden_layers", 2},
         {"num_attention_heads", 4},
         {"num_key_value_heads", 1},
         {"head_dim", 32},
         {"rope_theta", 500000.0},
         {"rms_norm_eps", 1e-5},
         {"eos_token_id", {128, 129, 130}},
         {"bos_token_id", 127},
         {"rope_scaling",
          {{"rope_type", "llama3"},
           {"factor", 32.0},
           {"low_freq_factor", 1.0},
           {"high_freq_factor", 4.0},
           {"original_max_position_embeddings", 8192}}},
         {"attention_bias", true},
         {"sliding_window", 4096},
         {"torch_dtype", "bfloat16"}},
        {{"model_type", "qwen2"},
         {"vocab_size", 300},
         {"hidden_size", 64},
         {"intermediate_size", 128},
         {"num_hidden_layers", 2},
         {"num_attention_heads", 4},
         {"rope_scaling", {{"type", "linear"}, {"factor", 4.0}}},
         {"tie_word_embeddings", true}},
        {{"model_type", "gpt2"},
         {"vocab_size", 50},
         {"n_embd", 24},
         {"n_layer", 1},
         {"n_head", 3},
         {"n_positions", 64},
         {"n_inner", 40},
         {"tie_word_embeddings", false}},
    };
    for (const auto &source : sources) {
        const auto config = parseModelConfig(source, "source");
        EXPECT_EQ(parseModelConfig(nlohmann::json::parse(modelConfigToJson(config).dump()), "written"), config)
            << source.dump();
    }
}

} // namespace
