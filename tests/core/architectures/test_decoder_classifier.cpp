// Decoder classifiers (GPT2ForSequenceClassification, LlamaForSequenceClassification)
// against the independent PyTorch implementation in tests/tools/reference/torch_reference.py
// ("decoder_classifiers" in its expected.json): logits and probabilities within 1e-4 for a
// right-padded batch whose reference ran each text alone, truncation at the model's
// length, and the loader's checks on the classifier head.
#include "architectures/decoderclassifier.h"
#include "architectures/textclassifier.h"
#include "architectures/textembedder.h"
#include "checkpointfixtures.h"
#include "formats/safetensorsweights.h"
#include "formats/tensorload.h"
#include "referencemodels.h"
#include "tempdir.h"
#include "util/error.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

using namespace llmos;
using test::errorOf;
using test::reference;
using test::TempDir;
using test::Tensors;

namespace {

const nlohmann::json &decoderClassifier(const std::string &name)
{
    for (const auto &e : reference().expected.at("decoder_classifiers"))
        if (e.at("name") == name)
            return e;
    throw std::runtime_error("expected.json has no decoder classifier " + name);
}

double maxDifference(const std::vector<double> &got, const nlohmann::json &want)
{
    EXPECT_EQ(got.size(), want.size());
    double worst = 0;
    for (std::size_t i = 0; i < std::min(got.size(), want.size()); ++i)
        worst = std::max(worst, std::abs(got[i] - want[i].get<double>()));
    return worst;
}

// The reference folder's tensors, to write altered copies of.
Tensors tensorsOf(const std::string &folder)
{
    Tensors tensors;
    const auto weights = SafetensorsWeights::openFolder(folder);
    for (const auto &[name, entry] : weights.tensors())
        tensors.emplace_back(name, toTorch(entry).clone());
    return tensors;
}

nlohmann::json configOf(const std::string &folder)
{
    std::ifstream in(std::filesystem::path(folder) / "config.json");
    return nlohmann::json::parse(in);
}

class DecoderClassifierReference : public testing::TestWithParam<std::string> {};

} // namespace

// Texts of different lengths classified in one padded batch give each the logits the
// reference computed for it alone; the longest is cut to the model's length.
TEST_P(DecoderClassifierReference, MatchesTheReferenceInOnePaddedBatch)
{
    REQUIRE_REFERENCE();
    const auto &expected = decoderClassifier(GetParam());
    const auto classifier = TextClassifier::open(reference().folder(GetParam()));
    EXPECT_EQ(classifier.labels(), expected.at("labels").get<std::vector<std::string>>());
    std::vector<std::string> texts;
    for (const auto &t : expected.at("texts"))
        texts.push_back(t.at("text").get<std::string>());
    ASSERT_TRUE(expected.at("texts").back().at("truncated").get<bool>()) << "the reference must exercise the cut";
    const auto results = classifier.classify(texts);
    ASSERT_EQ(results.size(), texts.size());
    for (std::size_t i = 0; i < texts.size(); ++i) {
        const auto &want = expected.at("texts")[i];
        EXPECT_LT(maxDifference(results[i].logits, want.at("logits")), 1e-4) << texts[i];
        EXPECT_LT(maxDifference(results[i].probabilities, want.at("probabilities")), 1e-5) << texts[i];
        EXPECT_EQ(results[i].tokens, static_cast<std::int64_t>(want.at("ids").size())) << texts[i];
        EXPECT_EQ(results[i].truncated, want.at("truncated").get<bool>()) << texts[i];
    }
    // The shortest text alone scores as it does behind the batch's padding.
    const auto alone = classifier.classify({texts[2]});
    EXPECT_LT(maxDifference(alone[0].logits, expected.at("texts")[2].at("logits")), 1e-4);
    // A decoder reads one text; pairs need an encoder's pair template.
    EXPECT_EQ(errorOf([&] { classifier.classifyPairs({{"a", "b"}}); }).kind(), ErrorKind::Unsupported);
}

INSTANTIATE_TEST_SUITE_P(Families, DecoderClassifierReference, testing::Values("gpt2-classifier", "llama-classifier"));

// The head is checked like every other tensor; an LM head a converted checkpoint kept is
// left unused; a causal LM is no classifier.
TEST(DecoderClassifierLoader, ChecksTheClassifierHead)
{
    REQUIRE_REFERENCE();
    const auto source = reference().folder("llama-classifier");
    const auto config = configOf(source);
    const auto tensors = tensorsOf(source);
    ClassifierLabels labels;

    TempDir missing;
    test::writeModel(missing, config, test::without(tensors, "score.weight"));
    const auto noHead = errorOf([&] { loadDecoderClassifier(missing.path(), labels); });
    EXPECT_EQ(noHead.kind(), ErrorKind::NotFound);
    EXPECT_NE(noHead.where().find("score.weight"), std::string::npos) << noHead.what();

    TempDir wrongShape;
    test::writeModel(wrongShape, config, test::replaced(tensors, "score.weight", torch::zeros({3, 31})));
    const auto badShape = errorOf([&] { loadDecoderClassifier(wrongShape.path(), labels); });
    EXPECT_EQ(badShape.kind(), ErrorKind::Format);
    EXPECT_NE(badShape.where().find("score.weight"), std::string::npos) << badShape.what();

    TempDir moreLabels;
    auto fourLabels = config;
    fourLabels["id2label"]["3"] = "culture";
    test::writeModel(moreLabels, fourLabels, tensors);
    EXPECT_EQ(errorOf([&] { loadDecoderClassifier(moreLabels.path(), labels); }).kind(), ErrorKind::Format);

    TempDir withLmHead;
    auto extra = tensors;
    extra.emplace_back("lm_head.weight", torch::zeros({config.at("vocab_size").get<std::int64_t>(), 32}));
    test::writeModel(withLmHead, config, extra);
    EXPECT_NO_THROW(loadDecoderClassifier(withLmHead.path(), labels));
    EXPECT_EQ(labels.count, 3);
    EXPECT_FALSE(labels.sigmoid());

    // A language model is no classifier: no head, and no classifier architecture.
    const auto languageModel = errorOf([&] { TextClassifier::open(reference().folder("llama-gqa-llama3")); });
    EXPECT_EQ(languageModel.kind(), ErrorKind::Unsupported);
    EXPECT_NE(std::string(languageModel.what()).find("ForSequenceClassification"), std::string::npos)
        << languageModel.what();

    TempDir strayTensor;
    auto stray3rdLayer = tensors;
    stray3rdLayer.emplace_back("model.layers.2.mlp.up_proj.weight", torch::zeros({48, 32}));
    test::writeModel(strayTensor, config, stray3rdLayer);
    const auto stray = errorOf([&] { loadDecoderClassifier(strayTensor.path(), labels); });
    EXPECT_EQ(stray.kind(), ErrorKind::Format);
    EXPECT_NE(stray.where().find("model.layers.2"), std::string::npos) << stray.what();
}

// A decoder embeds text from its final hidden states (decoder embedding models, or a
// language model when nothing better is at hand): mean and last-token pooling match the
// reference for texts of different lengths in one padded batch; CLS pooling is refused.
TEST(DecoderEmbeddings, MeanAndLastTokenPoolingMatchTheReference)
{
    REQUIRE_REFERENCE();
    const auto &expected = reference().expected.at("decoder_embeddings");
    const auto embedder = TextEmbedder::open(reference().folder(expected.at("folder").get<std::string>()));
    std::vector<std::string> texts;
    for (const auto &t : expected.at("texts"))
        texts.push_back(t.at("text").get<std::string>());
    for (const auto &[pooling, key] : {std::pair{EmbeddingPooling::Mean, "mean"}, std::pair{EmbeddingPooling::Last, "last"}}) {
        const auto vectors = embedder.embed(texts, {pooling, false});
        for (std::size_t i = 0; i < texts.size(); ++i) {
            const auto &want = expected.at("texts")[i];
            const std::vector<double> got(vectors[i].values.begin(), vectors[i].values.end());
            EXPECT_LT(maxDifference(got, want.at(key)), 1e-4) << key << ": " << texts[i];
            EXPECT_EQ(vectors[i].tokens, static_cast<std::int64_t>(want.at("ids").size()));
        }
    }
    EXPECT_EQ(embedder.defaultPooling(), EmbeddingPooling::Mean);
    EXPECT_EQ(errorOf([&] { embedder.embed(texts, {EmbeddingPooling::Cls, false}); }).kind(), ErrorKind::Unsupported);
}
