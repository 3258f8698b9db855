// BERT against the independent PyTorch implementation in
// tests/tools/reference/torch_reference.py ("encoders" in its expected.json): hidden
// states, CLS / mean embeddings, pooler and classifier outputs within 1e-4 in fp32, padded
// batches equal to single sequences, and the loader's checks on tiny models written here.
#include "architectures/bertloader.h"
#include "architectures/textclassifier.h"
#include "architectures/textembedder.h"
#include "formats/tensorload.h"
#include "referencemodels.h"
#include "checkpointfixtures.h"
#include "tempdir.h"
#include "tokenizer/loadtokenizer.h"
#include "util/error.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <functional>

using namespace llmos;
using test::maxAbs;
using test::reference;

namespace {

constexpr double kTolerance = 1e-4;

const nlohmann::json &encoder(const std::string &name)
{
    for (const auto &e : reference().expected.at("encoders"))
        if (e.at("name") == name)
            return e;
    throw std::runtime_error("expected.json has no encoder " + name);
}

torch::Tensor tensorOf(const nlohmann::json &values)
{
    if (values.at(0).is_array()) {
        std::vector<torch::Tensor> rows;
        for (const auto &row : values)
            rows.push_back(tensorOf(row));
        return torch::stack(rows);
    }
    return torch::tensor(values.get<std::vector<double>>(), torch::kDouble);
}

torch::Tensor longRow(const nlohmann::json &values)
{
    return torch::tensor(values.get<std::vector<std::int64_t>>(), torch::kLong).unsqueeze(0);
}

torch::Tensor vectorOf(const std::vector<float> &values)
{
    return torch::tensor(std::vector<double>(values.begin(), values.end()), torch::kDouble);
}

std::vector<std::string> textsOf(const nlohmann::json &entry)
{
    std::vector<std::string> texts;
    for (const auto &t : entry.at("texts"))
        texts.push_back(t.at("text").get<std::string>());
    return texts;
}

std::string testName(const ::testing::TestParamInfo<std::string> &info)
{
    std::string name = info.param;
    std::replace(name.begin(), name.end(), '-', '_');
    return name;
}

// ---------------------------------------------------------------------------------------

class BertReference : public ::testing::TestWithParam<std::string> {};

TEST_P(BertReference, HiddenStatesAndPoolerMatchAloneAndInAPaddedBatch)
{
    REQUIRE_REFERENCE();
    const auto &expected = encoder(GetParam());
    auto model = loadBertModel(reference().folder(GetParam()));
    EXPECT_FALSE(model->is_training());
    EXPECT_EQ(model->hasPooler(), expected.at("pooler").get<bool>());
    torch::NoGradGuard noGrad;

    const auto &sequences = expected.at("sequences");
    std::int64_t longest = 0;
    for (const auto &s : sequences)
        longest = std::max<std::int64_t>(longest, static_cast<std::int64_t>(s.at("ids").size()));
    const auto count = static_cast<std::int64_t>(sequences.size());
    auto ids = torch::zeros({count, longest}, torch::kLong);
    auto mask = torch::zeros({count, longest}, torch::kLong);
    auto types = torch::zeros({count, longest}, torch::kLong);
    for (std::int64_t b = 0; b < count; ++b) {
        const auto n = static_cast<std::int64_t>(sequences[b].at("ids").size());
        ids[b].narrow(0, 0, n).copy_(longRow(sequences[b].at("ids"))[0]);
        types[b].narrow(0, 0, n).copy_(longRow(sequences[b].at("token_type_ids"))[0]);
        mask[b].narrow(0, 0, n).fill_(1);
    }
    const auto batch = model->forward(ids, mask, types);

    double worst = 0;
    for (std::int64_t b = 0; b < count; ++b) {
        const auto &s = sequences[b];
        const auto want = tensorOf(s.at("last_hidden_state"));
        const auto alone = model->forward(longRow(s.at("ids")), {}, longRow(s.at("token_type_ids")))[0];
        const auto padded = batch[b].narrow(0, 0, want.size(0));
        EXPECT_LT(maxAbs(alone, want), kTolerance) << GetParam() << " sequence " << b;
        EXPECT_LT(maxAbs(padded, want), kTolerance) << GetParam() << " sequence " << b << " in the padded batch";
        worst = std::max({worst, maxAbs(alone, want), maxAbs(padded, want)});
        if (model->hasPooler()) {
            EXPECT_LT(maxAbs(model->pooled(alone.unsqueeze(0))[0], tensorOf(s.at("pooled"))), kTolerance) << GetParam();
        }
    }
    std::printf("[ reference] %-26s max |hidden state diff| %.3g\n", GetParam().c_str(), worst);
}

// The reference's own WordPiece gives the ids our tokenizer must give for its tokenizer.json.
TEST_P(BertReference, TokenizerGivesTheReferenceIds)
{
    REQUIRE_REFERENCE();
    const auto &expected = encoder(GetParam());
    const auto tokenizer = loadTokenizer(reference().folder(GetParam()));
    for (const auto &t : expected.at("texts")) {
        if (t.at("truncated").get<bool>())
            continue; // the reference truncated it
        const auto ids = tokenizer->encode(t.at("text").get<std::string>(), true);
        EXPECT_EQ(std::vector<std::int64_t>(ids.begin(), ids.end()), t.at("ids").get<std::vector<std::int64_t>>())
            << t.at("text");
    }
}

TEST_P(BertReference, EmbeddingsOfTextsMatchForEveryPoolingAndNormalization)
{
    REQUIRE_REFERENCE();
    const auto &expected = encoder(GetParam());
    const auto embedder = TextEmbedder::open(reference().folder(GetParam()));
    EXPECT_EQ(embedder.dimension(), 32);
    EXPECT_EQ(embedder.maxTokens(), expected.at("max_tokens").get<std::size_t>());
    const auto texts = textsOf(expected);
    const std::vector<std::tuple<EmbeddingPooling, bool, const char *>> cases{
        {EmbeddingPooling::Cls, false, "cls"},
        {EmbeddingPooling::Mean, false, "mean"},
        {EmbeddingPooling::Cls, true, "cls_normalized"},
        {EmbeddingPooling::Mean, true, "mean_normalized"},
    };
    for (const auto &[pooling, normalize, key] : cases) {
        const auto got = embedder.embed(texts, {pooling, normalize});
        ASSERT_EQ(got.size(), texts.size());
        for (std::size_t i = 0; i < texts.size(); ++i) {
            const auto &want = expected.at("texts")[i];
            EXPECT_LT(maxAbs(vectorOf(got[i].values), tensorOf(want.at(key))), kTolerance)
                << GetParam() << " " << key << " text " << i;
            EXPECT_EQ(got[i].tokens, static_cast<std::int64_t>(want.at("ids").size())) << i;
            EXPECT_EQ(got[i].truncated, want.at("truncated").get<bool>()) << i;
            if (normalize) {
                EXPECT_NEAR(vectorOf(got[i].values).norm().item<double>(), 1.0, 1e-6);
            }
        }
    }
}

INSTANTIATE_TEST_SUITE_P(TorchReference, BertReference, ::testing::Values("bert", "bert-bf16", "bert-sentence"),
                         testName);

TEST(BertReferenceSuite, WroteTheEncodersTheSuiteChecks)
{
    REQUIRE_REFERENCE();
    std::vector<std::string> written;
    for (const auto &e : reference().expected.at("encoders"))
        written.push_back(e.at("name").get<std::string>());
    std::sort(written.begin(), written.end());
    EXPECT_EQ(written, (std::vector<std::string>{"bert", "bert-bf16", "bert-classifier", "bert-cross-encoder",
                                                 "bert-sentence"}));
    // The truncation case must really exceed the length, and the others not.
    EXPECT_TRUE(encoder("bert-sentence").at("texts")[2].at("truncated").get<bool>());
    EXPECT_FALSE(encoder("bert-sentence").at("texts")[0].at("truncated").get<bool>());
}

TEST(BertReferenceSuite, SentenceTransformersFolderDefaultsToNormalizedMeanAndItsMaxSeqLength)
{
    REQUIRE_REFERENCE();
    const auto &expected = encoder("bert-sentence");
    const auto embedder = TextEmbedder::open(reference().folder("bert-sentence"));
    EXPECT_EQ(embedder.defaultPooling(), EmbeddingPooling::Mean);
    EXPECT_TRUE(embedder.defaultNormalize());
    EXPECT_EQ(embedder.maxTokens(), 48u); // sentence_bert_config.json, below the 64 positions
    const auto texts = textsOf(expected);
    const auto got = embedder.embed(texts);
    for (std::size_t i = 0; i < texts.size(); ++i)
        EXPECT_LT(maxAbs(vectorOf(got[i].values), tensorOf(expected.at("texts")[i].at("mean_normalized"))), kTolerance);
    EXPECT_EQ(got[2].tokens, 48);

    // A plain Hugging Face folder: mean pooling, no normalization.
    const auto plain = TextEmbedder::open(reference().folder("bert"));
    EXPECT_EQ(plain.defaultPooling(), EmbeddingPooling::Mean);
    EXPECT_FALSE(plain.defaultNormalize());
    EXPECT_LT(maxAbs(vectorOf(plain.embed({texts[0]})[0].values), tensorOf(encoder("bert").at("texts")[0].at("mean"))),
              kTolerance);
}

TEST(BertReferenceSuite, BatchedEmbeddingsEqualEachTextAlone)
{
    REQUIRE_REFERENCE();
    const auto embedder = TextEmbedder::open(reference().folder("bert"));
    const auto texts = textsOf(encoder("bert"));
    for (const auto pooling : {EmbeddingPooling::Cls, EmbeddingPooling::Mean}) {
        const auto together = embedder.embed(texts, {pooling, false});
        for (std::size_t i = 0; i < texts.size(); ++i) {
            const auto alone = embedder.embed({texts[i]}, {pooling, false});
            EXPECT_LT(maxAbs(vectorOf(together[i].values), vectorOf(alone[0].values)), 1e-5) << i;
        }
    }
}

TEST(BertReferenceSuite, ClassifierLogitsAndProbabilitiesMatch)
{
    REQUIRE_REFERENCE();
    const auto &expected = encoder("bert-classifier");
    auto model = loadBertClassifier(reference().folder("bert-classifier"));
    EXPECT_EQ(model->numLabels(), 3);
    torch::NoGradGuard noGrad;
    for (const auto &s : expected.at("sequences")) {
        const auto logits = model->forward(longRow(s.at("ids")), {}, longRow(s.at("token_type_ids")))[0];
        EXPECT_LT(maxAbs(logits, tensorOf(s.at("logits"))), kTolerance);
    }

    const auto classifier = TextClassifier::open(reference().folder("bert-classifier"));
    EXPECT_EQ(classifier.labels(), (std::vector<std::string>{"negative", "neutral", "positive"}));
    const auto texts = textsOf(expected);
    const auto results = classifier.classify(texts);
    ASSERT_EQ(results.size(), texts.size());
    for (std::size_t i = 0; i < texts.size(); ++i) {
        const auto &want = expected.at("texts")[i];
        EXPECT_LT(maxAbs(torch::tensor(results[i].logits, torch::kDouble), tensorOf(want.at("logits"))), kTolerance);
        const auto probabilities = torch::tensor(results[i].probabilities, torch::kDouble);
        EXPECT_LT(maxAbs(probabilities, tensorOf(want.at("probabilities"))), kTolerance);
        EXPECT_NEAR(probabilities.sum().item<double>(), 1.0, 1e-6); // fp32 softmax
        EXPECT_EQ(results[i].best, static_cast<std::size_t>(probabilities.argmax().item<std::int64_t>()));
        EXPECT_EQ(results[i].truncated, want.at("truncated").get<bool>());
    }
}

// A cross-encoder reads a query and a document together ([CLS] A [SEP] B [SEP], token
// types 0 then 1): its one logit per pair, and the sigmoid as the probability, match the
// reference, including a pair cut to the model's length from its longer side.
TEST(BertReferenceSuite, CrossEncoderScoresPairsReadTogether)
{
    REQUIRE_REFERENCE();
    const auto &expected = encoder("bert-cross-encoder");
    const auto classifier = TextClassifier::open(reference().folder("bert-cross-encoder"));
    EXPECT_EQ(classifier.labels().size(), 1u);
    std::vector<std::pair<std::string, std::string>> pairs;
    for (const auto &pair : expected.at("pairs"))
        pairs.emplace_back(pair.at("query").get<std::string>(), pair.at("document").get<std::string>());
    ASSERT_TRUE(expected.at("pairs")[2].at("truncated").get<bool>()) << "the reference must exercise the cut";
    const auto results = classifier.classifyPairs(pairs);
    ASSERT_EQ(results.size(), pairs.size());
    for (std::size_t i = 0; i < pairs.size(); ++i) {
        const auto &want = expected.at("pairs")[i];
        EXPECT_LT(maxAbs(torch::tensor(results[i].logits, torch::kDouble), tensorOf(want.at("logits"))), kTolerance) << i;
        EXPECT_NEAR(results[i].probabilities.at(0), want.at("probabilities")[0].get<double>(), 1e-5) << i;
        EXPECT_EQ(results[i].tokens, static_cast<std::int64_t>(want.at("ids").size())) << i;
        EXPECT_EQ(results[i].truncated, want.at("truncated").get<bool>()) << i;
    }
    // One pair alone scores as it does in the batch.
    const auto alone = classifier.classifyPairs({pairs[1]});
    EXPECT_NEAR(alone[0].logits[0], results[1].logits[0], 1e-5);
    EXPECT_THROW(classifier.classifyPairs({{"query", ""}}), Error);
}

// A classifier checkpoint's encoder gives embeddings (its head is ignored); an embedding
// checkpoint is no classifier.
TEST(BertReferenceSuite, HeadsAreOptionalForEmbeddingsOnly)
{
    REQUIRE_REFERENCE();
    const auto texts = textsOf(encoder("bert-classifier"));
    const auto fromClassifier =
        TextEmbedder::open(reference().folder("bert-classifier")).embed(texts, {EmbeddingPooling::Cls, false});
    EXPECT_LT(maxAbs(vectorOf(fromClassifier[0].values), tensorOf(encoder("bert-classifier").at("texts")[0].at("cls"))),
              kTolerance);
    try {
        TextClassifier::open(reference().folder("bert-sentence"));
        ADD_FAILURE() << "a checkpoint without pooler and classifier loaded as a classifier";
    } catch (const Error &e) {
        EXPECT_EQ(e.kind(), ErrorKind::NotFound);
        EXPECT_NE(e.where().find("pooler.dense"), std::string::npos) << e.what();
    }
}

// ---------------------------------------------------------------------------------------
// Loader checks and input checks on a tiny BERT written here: 1 layer, hidden 8, 2 heads,
// vocab 11, 16 positions, Hugging Face names.

using test::errorOf;
using test::replaced;
using test::Tensors;
using test::without;
using test::writeModel;

nlohmann::json tinyBertConfig()
{
    return {{"model_type", "bert"},     {"architectures", {"BertModel"}}, {"vocab_size", 11},
            {"hidden_size", 8},         {"intermediate_size", 12},        {"num_hidden_layers", 1},
            {"num_attention_heads", 2}, {"max_position_embeddings", 16},  {"type_vocab_size", 2},
            {"hidden_act", "gelu"},     {"layer_norm_eps", 1e-12}};
}

Tensors tinyBertTensors(const std::string &prefix, bool pooler, int labels = 0)
{
    torch::manual_seed(5);
    auto r = [](std::vector<std::int64_t> shape) { return torch::randn(shape) * 0.5; };
    Tensors t{{prefix + "embeddings.word_embeddings.weight", r({11, 8})},
              {prefix + "embeddings.position_embeddings.weight", r({16, 8})},
              {prefix + "embeddings.token_type_embeddings.weight", r({2, 8})},
              {prefix + "embeddings.LayerNorm.weight", torch::ones({8})},
              {prefix + "embeddings.LayerNorm.bias", torch::zeros({8})}};
    auto dense = [&](const std::string &name, std::int64_t out, std::int64_t in) {
        t.emplace_back(name + ".weight", r({out, in}));
        t.emplace_back(name + ".bias", r({out}));
    };
    auto norm = [&](const std::string &name) {
        t.emplace_back(name + ".weight", torch::ones({8}));
        t.emplace_back(name + ".bias", torch::zeros({8}));
    };
    const auto p = prefix + "encoder.layer.0.";
    dense(p + "attention.self.query", 8, 8);
    dense(p + "attention.self.key", 8, 8);
    dense(p + "attention.self.value", 8, 8);
    dense(p + "attention.output.dense", 8, 8);
    norm(p + "attention.output.LayerNorm");
    dense(p + "intermediate.dense", 12, 8);
    dense(p + "output.dense", 8, 12);
    norm(p + "output.LayerNorm");
    if (pooler)
        dense(prefix + "pooler.dense", 8, 8);
    if (labels)
        dense("classifier", labels, 8);
    return t;
}

Error loadError(const test::TempDir &dir)
{
    return errorOf([&] { loadBertModel(dir.path()); });
}

TEST(BertLoader, AcceptsNamesWithAndWithoutPrefixAndIgnoresBuffersAndHeads)
{
    torch::NoGradGuard noGrad;
    const auto ids = torch::tensor({{2, 5, 7, 3}}, torch::kLong);
    test::TempDir bare;
    writeModel(bare, tinyBertConfig(), tinyBertTensors("", false));
    test::TempDir prefixed;
    auto tensors = tinyBertTensors("bert.", true);
    tensors.emplace_back("bert.embeddings.position_ids", torch::arange(16).unsqueeze(0));
    tensors.emplace_back("cls.predictions.bias", torch::zeros({11}));
    writeModel(prefixed, tinyBertConfig(), tensors);

    auto withoutPooler = loadBertModel(bare.path());
    auto withPooler = loadBertModel(prefixed.path());
    EXPECT_FALSE(withoutPooler->hasPooler());
    EXPECT_TRUE(withPooler->hasPooler());
    // Same seed, same encoder weights: the prefix changes nothing.
    EXPECT_LT(maxAbs(withoutPooler->forward(ids), withPooler->forward(ids)), 1e-6);
    EXPECT_EQ(withoutPooler->forward(ids).sizes(), (std::vector<std::int64_t>{1, 4, 8}));
    EXPECT_EQ(errorOf([&] { withoutPooler->pooled(withoutPooler->forward(ids)); }).kind(), ErrorKind::NotFound);
}

TEST(BertLoader, MissingTensorIsNamedWithItsShape)
{
    test::TempDir dir;
    writeModel(dir, tinyBertConfig(),
               without(tinyBertTensors("bert.", true), "bert.encoder.layer.0.output.dense.weight"));
    const auto e = loadError(dir);
    EXPECT_EQ(e.kind(), ErrorKind::NotFound);
    EXPECT_NE(e.where().find("encoder.layer.0.output.dense.weight"), std::string::npos) << e.what();
    EXPECT_NE(e.detail().find("[8, 12]"), std::string::npos) << e.detail();
}

TEST(BertLoader, WrongShapeIsNamed)
{
    test::TempDir dir;
    writeModel(
        dir, tinyBertConfig(),
        replaced(tinyBertTensors("", false), "encoder.layer.0.intermediate.dense.weight", torch::zeros({8, 12})));
    const auto e = loadError(dir);
    EXPECT_EQ(e.kind(), ErrorKind::Format);
    EXPECT_NE(e.where().find("encoder.layer.0.intermediate.dense.weight"), std::string::npos) << e.what();
    EXPECT_NE(e.detail().find("[12, 8]"), std::string::npos) << e.detail();
}

TEST(BertLoader, VocabularyDisagreementAndExtraLayersAreRefused)
{
    {
        test::TempDir dir;
        writeModel(dir, tinyBertConfig(),
                   replaced(tinyBertTensors("", false), "embeddings.word_embeddings.weight", torch::zeros({12, 8})));
        const auto e = loadError(dir);
        EXPECT_EQ(e.kind(), ErrorKind::Format);
        EXPECT_TRUE(e.where().ends_with("config.json: vocab_size")) << e.where();
    }
    {
        test::TempDir dir;
        auto tensors = tinyBertTensors("", false);
        tensors.emplace_back("encoder.layer.1.output.dense.bias", torch::zeros({8}));
        writeModel(dir, tinyBertConfig(), tensors);
        const auto e = loadError(dir);
        EXPECT_EQ(e.kind(), ErrorKind::Format);
        EXPECT_NE(e.where().find("encoder.layer.1.output.dense.bias"), std::string::npos) << e.what();
    }
}

TEST(BertLoader, UnsupportedVariantsNameTheField)
{
    {
        test::TempDir dir;
        auto config = tinyBertConfig();
        config["hidden_act"] = "swish";
        writeModel(dir, config, tinyBertTensors("", false));
        const auto e = loadError(dir);
        EXPECT_EQ(e.kind(), ErrorKind::Unsupported);
        EXPECT_NE(e.where().find("hidden_act"), std::string::npos) << e.what();
    }
    {
        test::TempDir dir;
        auto config = tinyBertConfig();
        config["position_embedding_type"] = "relative_key";
        writeModel(dir, config, tinyBertTensors("", false));
        const auto e = loadError(dir);
        EXPECT_EQ(e.kind(), ErrorKind::Unsupported);
        EXPECT_NE(e.where().find("position_embedding_type"), std::string::npos) << e.what();
    }
    {
        test::TempDir dir;
        auto config = tinyBertConfig();
        config["model_type"] = "gpt2";
        config["n_embd"] = 8;
        config["n_layer"] = 1;
        config["n_head"] = 2;
        config["n_positions"] = 16;
        writeModel(dir, config, tinyBertTensors("", false));
        EXPECT_EQ(loadError(dir).kind(), ErrorKind::Unsupported);
    }
}

TEST(BertLoader, ClassifierNeedsItsHeadAndLabelsSizeIt)
{
    auto config = tinyBertConfig();
    config["id2label"] = {{"0", "no"}, {"1", "yes"}};
    {
        test::TempDir dir;
        writeModel(dir, config, tinyBertTensors("bert.", true));
        const auto e = errorOf([&] { loadBertClassifier(dir.path()); });
        EXPECT_EQ(e.kind(), ErrorKind::NotFound);
        EXPECT_NE(e.where().find("classifier.weight"), std::string::npos) << e.what();
    }
    {
        test::TempDir dir;
        writeModel(dir, config, tinyBertTensors("bert.", true, 3));
        const auto e = errorOf([&] { loadBertClassifier(dir.path()); });
        EXPECT_EQ(e.kind(), ErrorKind::Format);
        EXPECT_NE(e.detail().find("[2, 8]"), std::string::npos) << e.detail();
    }
    {
        test::TempDir dir;
        writeModel(dir, config, tinyBertTensors("bert.", true, 2));
        auto model = loadBertClassifier(dir.path());
        torch::NoGradGuard noGrad;
        EXPECT_EQ(model->forward(torch::tensor({{2, 4, 3}}, torch::kLong)).sizes(), (std::vector<std::int64_t>{1, 2}));
    }
}

TEST(BertModelInputs, BadInputsAreRefusedWithTheReason)
{
    test::TempDir dir;
    writeModel(dir, tinyBertConfig(), tinyBertTensors("", false));
    auto model = loadBertModel(dir.path());
    torch::NoGradGuard noGrad;
    const auto ids = torch::tensor({{2, 5, 3}}, torch::kLong);
    auto kindOf = [&](const std::function<void()> &f) { return errorOf(f).kind(); };
    EXPECT_EQ(kindOf([&] { model->forward(torch::tensor({{2, 11}}, torch::kLong)); }), ErrorKind::InvalidInput);
    EXPECT_EQ(kindOf([&] { model->forward(torch::zeros({1, 17}, torch::kLong)); }), ErrorKind::InvalidInput);
    EXPECT_EQ(kindOf([&] { model->forward(ids, torch::ones({1, 2}, torch::kLong)); }), ErrorKind::InvalidInput);
    EXPECT_EQ(kindOf([&] {
                  model->forward(ids, {}, torch::tensor({{0, 2, 0}}, torch::kLong));
              }),
              ErrorKind::InvalidInput);
    EXPECT_EQ(kindOf([&] { model->forward(torch::zeros({1, 0}, torch::kLong)); }), ErrorKind::InvalidInput);
    const auto e = errorOf([&] { model->forward(torch::zeros({1, 17}, torch::kLong)); });
    EXPECT_NE(e.detail().find("16"), std::string::npos) << e.detail();
}

} // namespace
