// GGUF files of the GPT-2 and BERT families: Hugging Face folders exported in llama.cpp's
// conventions (exportModelToGguf), loaded back (loadCausalLm, TextEmbedder,
// TextClassifier, loadGgufTokenizer), turned back into Hugging Face folders
// (exportGgufAsHuggingFaceFolder), and hostile edits of them. Uses the tiny models of
// tests/tools/reference/torch_reference.py.
#include "architectures/bertloader.h"
#include "architectures/causallmloader.h"
#include "architectures/ggufbert.h"
#include "architectures/ggufexport.h"
#include "architectures/ggufhuggingfaceexport.h"
#include "architectures/textclassifier.h"
#include "architectures/textembedder.h"
#include "formats/gguf/gguffile.h"
#include "formats/safetensorsweights.h"
#include "formats/tensorload.h"
#include "tokenizer/gguftokenizer.h"
#include "tokenizer/loadtokenizer.h"
#include "errorof.h"
#include "ggufedit.h"
#include "ggufreference.h"
#include "referencemodels.h"
#include "tempdir.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>

using namespace llmos;
using test::errorOf;
using test::idsTensor;
using test::maxAbs;
using test::reference;
using test::greedyContinuation;
using test::logitsOf;
using test::referenceSequences;

namespace {

namespace fs = std::filesystem;

constexpr int kContinuationTokens = 16;

// Texts for the BERT tokenizer and encoders: accents, punctuation, words the tiny
// vocabulary does not have, special tokens written in the text, a pair of spaces.
const std::vector<std::string> &bertTexts()
{
    static const std::vector<std::string> texts{"The cat sat.",
                                                "Caf\xC3\xA9 na\xC3\xAFve r\xC3\xA9sum\xC3\xA9!",
                                                "Hello, world? It's 'quoted'.",
                                                "zzqx \xE2\x82\xAC\xE2\x82\xAC unknown\xE2\x98\x83words",
                                                "[CLS] walking  [MASK] talked"};
    return texts;
}

double maxDifference(const std::vector<TextEmbedding> &a, const std::vector<TextEmbedding> &b)
{
    double worst = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        for (std::size_t j = 0; j < a[i].values.size(); ++j)
            worst = std::max(worst, std::abs(double(a[i].values[j]) - double(b[i].values[j])));
    return worst;
}

// ---------------------------------------------------------------------------------------
// GPT-2

class Gpt2Gguf : public ::testing::TestWithParam<std::string> {};

TEST_P(Gpt2Gguf, F32GivesBitIdenticalLogitsAndTheSameGreedyContinuation)
{
    REQUIRE_REFERENCE();
    auto hf = loadCausalLm(reference().folder(GetParam()));
    auto gguf = loadCausalLm(test::exportedGguf(GetParam(), GgmlType::F32));
    EXPECT_EQ(gguf->config().modelType, "gpt2");
    EXPECT_EQ(gguf->config().tieWordEmbeddings, hf->config().tieWordEmbeddings);
    EXPECT_EQ(gguf->config().normEps, hf->config().normEps);
    for (const auto &ids : referenceSequences(GetParam()))
        EXPECT_EQ(maxAbs(logitsOf(gguf, ids), logitsOf(hf, ids)), 0.0) << GetParam();
    const auto ids = referenceSequences(GetParam()).at(0);
    EXPECT_EQ(greedyContinuation(gguf, ids, kContinuationTokens), greedyContinuation(hf, ids, kContinuationTokens));
}

// Q8_0 keeps each block of 32 weights to 8 bits with one f16 scale, a relative error of
// about 1/256 of the block's largest weight; on these random models with large logits
// that moves log-probabilities by a few hundredths, as for the llama models
// (test_gguf_models.cpp), so the bound is theirs.
TEST_P(Gpt2Gguf, Q8_0StaysWithinQuantizationError)
{
    REQUIRE_REFERENCE();
    auto hf = loadCausalLm(reference().folder(GetParam()));
    auto gguf = loadCausalLm(test::exportedGguf(GetParam(), GgmlType::Q8_0));
    double worst = 0;
    double sum = 0;
    std::int64_t count = 0;
    for (const auto &ids : referenceSequences(GetParam())) {
        const auto a = nextTokenLogprobs(logitsOf(gguf, ids).unsqueeze(0), idsTensor(ids));
        const auto b = nextTokenLogprobs(logitsOf(hf, ids).unsqueeze(0), idsTensor(ids));
        const auto diff = (a.to(torch::kDouble) - b.to(torch::kDouble)).abs();
        worst = std::max(worst, diff.max().item<double>());
        sum += diff.sum().item<double>();
        count += diff.numel();
    }
    EXPECT_LT(sum / double(count), 0.05) << GetParam();
    EXPECT_LT(worst, 0.25) << GetParam();
    std::printf("[ gpt2 q8_0] %-12s |logprob diff| max %.3g mean %.3g\n", GetParam().c_str(), worst,
                sum / double(count));
}

TEST_P(Gpt2Gguf, GgufToHuggingFaceFolderLoadsIdentically)
{
    REQUIRE_REFERENCE();
    test::TempDir dir;
    exportGgufAsHuggingFaceFolder(test::exportedGguf(GetParam(), GgmlType::F32), dir.file("hf"));
    auto back = loadCausalLm(dir.file("hf"));
    auto gguf = loadCausalLm(test::exportedGguf(GetParam(), GgmlType::F32));
    EXPECT_EQ(back->config().modelType, "gpt2");
    for (const auto &ids : referenceSequences(GetParam()))
        EXPECT_EQ(maxAbs(logitsOf(back, ids), logitsOf(gguf, ids)), 0.0) << GetParam();
}

INSTANTIATE_TEST_SUITE_P(Reference, Gpt2Gguf, ::testing::Values("gpt2", "gpt2-untied"),
                         [](const auto &info) { return info.param == "gpt2" ? "tied" : "untied"; });

TEST(Gpt2GgufLayout, WritesLlamaCppNamesTransposedConv1dAndTheHeadOnlyWhenUntied)
{
    REQUIRE_REFERENCE();
    const auto tied = GgufFile::open(test::exportedGguf("gpt2", GgmlType::F32));
    EXPECT_EQ(tied.getString("general.architecture"), "gpt2");
    EXPECT_TRUE(tied.find("gpt2.attention.layer_norm_epsilon"));
    EXPECT_EQ(tied.findTensor("output.weight"), nullptr);
    ASSERT_NE(tied.findTensor("position_embd.weight"), nullptr);

    const auto weights = SafetensorsWeights::openFolder(reference().folder("gpt2"));
    const auto cAttn = toTorch(weights.at("transformer.h.0.attn.c_attn.weight")).to(torch::kFloat);
    const auto &qkv = tied.tensor("blk.0.attn_qkv.weight");
    EXPECT_EQ(qkv.shape, (std::vector<std::int64_t>{cAttn.size(1), cAttn.size(0)})); // [out, in]
    const auto stored = torch::from_blob(tied.dequantize(qkv).data(), {cAttn.size(1), cAttn.size(0)}).clone();
    EXPECT_TRUE(torch::equal(stored, cAttn.t()));

    const auto untied = GgufFile::open(test::exportedGguf("gpt2-untied", GgmlType::F32));
    EXPECT_NE(untied.findTensor("output.weight"), nullptr);
}

TEST(Gpt2GgufErrors, MisShapedMissingAndTruncatedTensorsAreNamed)
{
    REQUIRE_REFERENCE();
    test::TempDir dir;
    const auto source = test::exportedGguf("gpt2", GgmlType::F32);
    const auto file = GgufFile::open(source);
    const auto &qkv = file.tensor("blk.0.attn_qkv.weight");
    // The Hugging Face [in, out] layout, not transposed as llama.cpp stores it.
    const auto untransposed = test::rewritten(
        dir, source, {.tensors = {{"blk.0.attn_qkv.weight", torch::zeros({qkv.shape[1], qkv.shape[0]})}}}, "t.gguf");
    auto e = errorOf([&] { loadCausalLm(untransposed); });
    EXPECT_EQ(e.kind(), ErrorKind::Format) << e.what();
    EXPECT_EQ(e.where(), untransposed + ": blk.0.attn_qkv.weight");

    const auto missing = test::rewritten(dir, source, {.removeTensors = {"position_embd.weight"}}, "m.gguf");
    e = errorOf([&] { loadCausalLm(missing); });
    EXPECT_EQ(e.kind(), ErrorKind::NotFound) << e.what();
    EXPECT_EQ(e.where(), missing + ": position_embd.weight");

    const auto extra =
        test::rewritten(dir, source, {.tensors = {{"blk.9.attn_qkv.weight", torch::zeros({4, 4})}}}, "x.gguf");
    e = errorOf([&] { loadCausalLm(extra); });
    EXPECT_EQ(e.kind(), ErrorKind::Format) << e.what();
    EXPECT_EQ(e.where(), extra + ": blk.9.attn_qkv.weight");

    // Cut inside the last tensor's data: the file itself is refused, naming the tensor.
    const auto truncated = dir.file("cut.gguf");
    fs::copy_file(source, truncated);
    fs::resize_file(truncated, fs::file_size(truncated) - 8);
    e = errorOf([&] { loadCausalLm(truncated); });
    EXPECT_EQ(e.kind(), ErrorKind::Format) << e.what();
    EXPECT_NE(std::string(e.what()).find(file.tensors().back().name), std::string::npos) << e.what();
}

// ---------------------------------------------------------------------------------------
// BERT

TEST(BertGgufTokenizer, EncodesAsTheHuggingFaceTokenizerItCameFrom)
{
    REQUIRE_REFERENCE();
    const auto hf = loadTokenizer(reference().folder("bert"));
    const auto file = GgufFile::open(test::exportedGguf("bert", GgmlType::F32));
    EXPECT_EQ(file.getString("tokenizer.ggml.model"), "bert");
    // llama.cpp's phantom-space spelling: "▁the" for a word, "s" for "##s", [CLS] as is.
    const auto &tokens = file.getArrayOf<std::string>("tokenizer.ggml.tokens");
    EXPECT_EQ(tokens.at(*hf->tokenToId("[CLS]")), "[CLS]");
    EXPECT_EQ(tokens.at(*hf->tokenToId("##s")), "s");
    EXPECT_EQ(tokens.at(*hf->tokenToId("a")), "\xE2\x96\x81" "a");
    EXPECT_EQ(file.getUInt("tokenizer.ggml.cls_token_id"), std::uint64_t(*hf->tokenToId("[CLS]")));
    EXPECT_EQ(file.getUInt("tokenizer.ggml.seperator_token_id"), std::uint64_t(*hf->tokenToId("[SEP]")));

    const auto gguf = loadGgufTokenizer(file);
    for (const auto &text : bertTexts()) {
        EXPECT_EQ(gguf->encode(text, true), hf->encode(text, true)) << text;
        EXPECT_EQ(gguf->encode(text, false), hf->encode(text, false)) << text;
    }
    EXPECT_EQ(gguf->decode(hf->encode("walking talked", true), true), hf->decode(hf->encode("walking talked", true), true));
}

class BertGgufEmbeddings : public ::testing::TestWithParam<std::string> {};

TEST_P(BertGgufEmbeddings, F32GivesIdenticalEmbeddingsForEveryPooling)
{
    REQUIRE_REFERENCE();
    const auto hf = TextEmbedder::open(reference().folder(GetParam()));
    const auto gguf = TextEmbedder::open(test::exportedGguf(GetParam(), GgmlType::F32));
    for (const auto pooling : {EmbeddingPooling::Cls, EmbeddingPooling::Mean})
        for (const bool normalize : {false, true}) {
            const EmbeddingOptions options{pooling, normalize};
            EXPECT_EQ(maxDifference(gguf.embed(bertTexts(), options), hf.embed(bertTexts(), options)), 0.0)
                << GetParam();
        }
    EXPECT_EQ(gguf.defaultPooling(), hf.defaultPooling()) << GetParam();
}

TEST_P(BertGgufEmbeddings, Q8_0StaysClose)
{
    REQUIRE_REFERENCE();
    const auto hf = TextEmbedder::open(reference().folder(GetParam()));
    const auto gguf = TextEmbedder::open(test::exportedGguf(GetParam(), GgmlType::Q8_0));
    const EmbeddingOptions options{EmbeddingPooling::Mean, true};
    const double worst = maxDifference(gguf.embed(bertTexts(), options), hf.embed(bertTexts(), options));
    // Unit vectors; 8-bit weights move each component by about 1e-3 on these models.
    EXPECT_LT(worst, 0.02) << GetParam();
    std::printf("[ bert q8_0] %-14s max |embedding diff| %.3g\n", GetParam().c_str(), worst);
}

TEST_P(BertGgufEmbeddings, GgufToHuggingFaceFolderEmbedsIdentically)
{
    REQUIRE_REFERENCE();
    test::TempDir dir;
    exportGgufAsHuggingFaceFolder(test::exportedGguf(GetParam(), GgmlType::F32), dir.file("hf"));
    const auto back = TextEmbedder::open(dir.file("hf"));
    const auto gguf = TextEmbedder::open(test::exportedGguf(GetParam(), GgmlType::F32));
    EXPECT_EQ(back.defaultPooling(), gguf.defaultPooling());
    const EmbeddingOptions options{EmbeddingPooling::Mean, false};
    EXPECT_EQ(maxDifference(back.embed(bertTexts(), options), gguf.embed(bertTexts(), options)), 0.0);
    const auto tokenizer = loadTokenizer(dir.file("hf"));
    const auto original = loadTokenizer(reference().folder(GetParam()));
    for (const auto &text : bertTexts())
        EXPECT_EQ(tokenizer->encode(text, true), original->encode(text, true)) << text;
}

INSTANTIATE_TEST_SUITE_P(Reference, BertGgufEmbeddings, ::testing::Values("bert", "bert-sentence"),
                         [](const auto &info) { return info.param == "bert" ? "masked_lm" : "sentence"; });

TEST(BertGgufClassifier, KeepsPoolerAndHeadAndClassifiesIdentically)
{
    REQUIRE_REFERENCE();
    const auto path = test::exportedGguf("bert-classifier", GgmlType::F32);
    const auto file = GgufFile::open(path);
    EXPECT_NE(file.findTensor("cls.weight"), nullptr);
    EXPECT_NE(file.findTensor("cls.output.weight"), nullptr);
    EXPECT_EQ(ggufPoolingType(file), GgufPoolingType::Rank);

    const auto hf = TextClassifier::open(reference().folder("bert-classifier"));
    const auto gguf = TextClassifier::open(path);
    EXPECT_EQ(gguf.labels(), hf.labels());
    const auto a = gguf.classify(bertTexts());
    const auto b = hf.classify(bertTexts());
    for (std::size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a[i].logits, b[i].logits);
        EXPECT_EQ(a[i].probabilities, b[i].probabilities);
    }

    test::TempDir dir;
    exportGgufAsHuggingFaceFolder(path, dir.file("hf"));
    const auto back = TextClassifier::open(dir.file("hf"));
    EXPECT_EQ(back.labels(), hf.labels());
    const auto c = back.classify(bertTexts());
    for (std::size_t i = 0; i < c.size(); ++i)
        EXPECT_EQ(c[i].logits, b[i].logits);
}

TEST(BertGgufErrors, MisShapedMissingTensorsAndAHeadWithoutPoolerAreNamed)
{
    REQUIRE_REFERENCE();
    test::TempDir dir;
    const auto source = test::exportedGguf("bert-classifier", GgmlType::F32);
    const auto file = GgufFile::open(source);
    const auto &types = file.tensor("token_types.weight");
    const auto misShaped = test::rewritten(
        dir, source, {.tensors = {{"token_types.weight", torch::zeros({types.shape[0] + 1, types.shape[1]})}}},
        "s.gguf");
    auto e = errorOf([&] { TextEmbedder::open(misShaped); });
    EXPECT_EQ(e.kind(), ErrorKind::Format) << e.what();
    EXPECT_EQ(e.where(), misShaped + ": token_types.weight");

    const auto missing = test::rewritten(dir, source, {.removeTensors = {"blk.1.ffn_down.bias"}}, "m.gguf");
    e = errorOf([&] { TextClassifier::open(missing); });
    EXPECT_EQ(e.kind(), ErrorKind::NotFound) << e.what();
    EXPECT_EQ(e.where(), missing + ": blk.1.ffn_down.bias");

    // What llama.cpp's converter writes for a classifier: the head without the pooler.
    const auto noPooler = test::rewritten(dir, source, {.removeTensors = {"cls.weight", "cls.bias"}}, "p.gguf");
    e = errorOf([&] { TextClassifier::open(noPooler); });
    EXPECT_EQ(e.kind(), ErrorKind::NotFound) << e.what();
    EXPECT_EQ(e.where(), noPooler + ": cls.weight");
    // It still gives embeddings.
    EXPECT_EQ(TextEmbedder::open(noPooler).embed({"a cat"}, {EmbeddingPooling::Cls, false}).size(), 1u);

    // An encoder is no causal language model.
    e = errorOf([&] { loadCausalLm(source); });
    EXPECT_EQ(e.kind(), ErrorKind::Unsupported) << e.what();
    EXPECT_EQ(e.where(), source + ": general.architecture");
}

} // namespace
