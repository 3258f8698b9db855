// Evaluating a model on a dataset (engine/train/evaluation/modelevaluation.h), each figure
// checked against the model's own outputs computed here another way: perplexity from the
// scorer over the tokens packed by hand, classification from the classifier's predictions
// with accuracy and macro-F1 worked out in the test, generation from the generator's own
// greedy answer used as the reference. And the report store's round trip.
#include "architectures/textclassifier.h"
#include "architectures/tokenscorer.h"
#include "evaluation/modelevaluation.h"
#include "evaluation/textmetrics.h"
#include "generation/textgenerator.h"
#include "referencemodels.h"
#include "tempdir.h"
#include "tinymodel.h"
#include "tokenizer/loadtokenizer.h"
#include "util/error.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

using namespace llmos;

namespace {

std::vector<std::int64_t> packed(const Tokenizer &tokenizer, const std::vector<std::string> &documents,
                                 std::int32_t endOfText)
{
    std::vector<std::int64_t> ids;
    for (const auto &document : documents) {
        for (const auto id : tokenizer.encode(document, false))
            ids.push_back(id);
        ids.push_back(endOfText);
    }
    return ids;
}

} // namespace

TEST(ModelEvaluation, PerplexityIsTheExponentOfTheMeanLossOverEveryBlock)
{
    test::TempDir dir;
    const auto model = dir.file("tiny");
    test::writeTinyModel(model, test::TinyFamily::Llama);
    const auto data = dir.write("notes.txt", "the quick brown fox\n\npacks my box\n");
    const auto tokenizer = loadTokenizer(model);
    const auto scorer = TokenScorer::open(model);
    const auto eos = *tokenizer->tokenToId("<|endoftext|>");
    const auto ids = packed(*tokenizer, {"the quick brown fox", "packs my box"}, eos);

    EvaluationOptions options;
    options.data.path = data;
    const auto whole = evaluateModel(model, options);
    const auto expected = scorer.score(ids);
    EXPECT_NEAR(whole.metrics.at("perplexity"), expected.perplexity, 1e-6 * expected.perplexity);
    EXPECT_EQ(whole.metrics.at("tokens"), static_cast<double>(ids.size() - 1));
    EXPECT_EQ(whole.examples, 2);
    EXPECT_EQ(whole.dataset, "notes.txt");
    EXPECT_EQ(whole.datasetSha256.size(), 64u);

    // Cut into blocks of 8 tokens: every block scored alone, the loss averaged over all
    // the tokens predicted.
    options.blockTokens = 8;
    const auto blocks = evaluateModel(model, options);
    double logprob = 0;
    std::int64_t predicted = 0;
    for (std::size_t first = 0; first < ids.size(); first += 8) {
        const std::vector<std::int64_t> block(ids.begin() + static_cast<std::ptrdiff_t>(first),
                                              ids.begin() + static_cast<std::ptrdiff_t>(std::min(ids.size(), first + 8)));
        if (block.size() < 2)
            continue;
        const auto scores = scorer.score(block);
        logprob += scores.totalLogprob;
        predicted += static_cast<std::int64_t>(scores.logprobs.size());
    }
    EXPECT_NEAR(blocks.metrics.at("loss"), -logprob / static_cast<double>(predicted), 1e-9);
    EXPECT_EQ(blocks.metrics.at("tokens"), static_cast<double>(predicted));
}

TEST(ModelEvaluation, ClassificationCountsWhatTheClassifierPredicts)
{
    REQUIRE_REFERENCE();
    const auto model = test::reference().folder("bert-classifier");
    const auto classifier = TextClassifier::open(model);
    const std::vector<std::string> texts{"Hello world, the cats sat on a mat!", "This movie was not very good.",
                                         "the dog is running"};
    const auto predicted = classifier.classify(texts);
    const auto &labels = classifier.labels(); // negative, neutral, positive
    // Rows 0 and 1 labelled as predicted; row 2 with another label; a numeric label for
    // row 0's text (index, so also as predicted); one label the model lacks (skipped).
    const auto other = labels[(predicted[2].best + 1) % labels.size()];
    test::TempDir dir;
    const auto data = dir.write("labelled.csv", "sentence,topic\n\"" + texts[0] + "\"," + labels[predicted[0].best] + "\n\"" +
                                                    texts[1] + "\"," + labels[predicted[1].best] + "\n" + texts[2] + "," +
                                                    other + "\n\"" + texts[0] + "\"," + std::to_string(predicted[0].best) +
                                                    "\nsomething,banana\n");
    EvaluationOptions options;
    options.task = EvaluationTask::Classification;
    options.data.path = data;
    options.data.fields.text = "sentence";
    options.data.fields.label = "topic";
    const auto report = evaluateModel(model, options);
    EXPECT_EQ(report.examples, 4);
    EXPECT_EQ(report.skipped, 1);
    EXPECT_DOUBLE_EQ(report.metrics.at("accuracy"), 3.0 / 4.0);
    EXPECT_EQ(report.labels, labels);
    // The confusion matrix: [actual][predicted].
    std::vector<std::vector<std::int64_t>> confusion(3, std::vector<std::int64_t>(3, 0));
    for (const auto &[actual, guess] : std::vector<std::pair<std::size_t, std::size_t>>{
             {predicted[0].best, predicted[0].best}, {predicted[1].best, predicted[1].best},
             {(predicted[2].best + 1) % 3, predicted[2].best}, {predicted[0].best, predicted[0].best}})
        ++confusion[actual][guess];
    EXPECT_EQ(report.confusion, confusion);
    // Macro-F1 over the labels that occur (as actual or predicted), by hand.
    double sum = 0;
    int present = 0;
    for (std::size_t label = 0; label < 3; ++label) {
        std::int64_t tp = confusion[label][label], actual = 0, guessed = 0;
        for (std::size_t j = 0; j < 3; ++j) {
            actual += confusion[label][j];
            guessed += confusion[j][label];
        }
        if (actual == 0 && guessed == 0)
            continue;
        ++present;
        sum += tp == 0 ? 0.0 : 2.0 * tp / static_cast<double>(actual + guessed);
    }
    EXPECT_NEAR(report.metrics.at("macro_f1"), sum / present, 1e-12);
}

TEST(ModelEvaluation, GenerationScoresAnswersAgainstReferences)
{
    test::TempDir dir;
    const auto model = dir.file("tiny-chat");
    test::writeTinyModel(model, test::TinyFamily::Llama);
    test::writeChatMlTokenizerConfig(model);
    // The answer the evaluation must get for the first row: the generator's own greedy
    // one, scored against the reference with the metrics library.
    const auto generator = TextGenerator::open(model);
    GenerationRequest request;
    request.promptIds = generator.encodeChat(nlohmann::ordered_json::array({{{"role", "user"}, {"content", "say hi"}}}));
    request.maxNewTokens = 16;
    request.sampling.temperature = 0;
    const auto answer = generator.generate(request).text;
    const std::string reference = "hi there, the fox says hello";
    const nlohmann::json row{{"instruction", "say hi"}, {"output", reference}};
    const auto data = dir.write("qa.jsonl", row.dump() + "\n{\"text\": \"not an instruction\"}\n");
    EvaluationOptions options;
    options.task = EvaluationTask::Generation;
    options.data.path = data;
    options.maxNewTokens = 16;
    options.data.policy = BadRowPolicy::Skip;
    const auto report = evaluateModel(model, options);
    EXPECT_EQ(report.examples, 1);
    EXPECT_EQ(report.skipped, 1);
    EXPECT_DOUBLE_EQ(report.metrics.at("bleu"), corpusBleu({answer}, {{reference}}).score);
    EXPECT_DOUBLE_EQ(report.metrics.at("rouge_l"), corpusRougeL({answer}, {reference}).f1);
    ASSERT_EQ(report.samples.size(), 1u);
    EXPECT_EQ(report.samples[0].answer, answer);
    EXPECT_EQ(report.samples[0].reference, reference);
    EXPECT_EQ(report.samples[0].prompt, "say hi");

    // A base model has no chat template to put the questions with.
    const auto base = dir.file("base");
    test::writeTinyModel(base, test::TinyFamily::Gpt2);
    try {
        evaluateModel(base, options);
        FAIL() << "a model without a chat template evaluated generation";
    } catch (const Error &error) {
        EXPECT_EQ(error.kind(), ErrorKind::Unsupported);
    }
}

TEST(ModelEvaluation, TheStoreKeepsReportsPerModelNewestFirst)
{
    test::TempDir dir;
    EvaluationStore store(dir.file("evaluations"));
    EvaluationReport older;
    older.id = "ev-aaaaaaaaaaaa";
    older.modelId = "m-bbbbbbbbbbbb";
    older.modelName = "tiny";
    older.task = EvaluationTask::Classification;
    older.metrics = {{"accuracy", 0.5}};
    older.labels = {"a", "b"};
    older.confusion = {{1, 1}, {0, 0}};
    older.createdMs = 1000;
    auto newer = older;
    newer.id = "ev-cccccccccccc";
    newer.createdMs = 2000;
    newer.samples = {{"q", "r", "a"}};
    store.save(older);
    store.save(newer);
    std::ofstream(dir.file("evaluations/m-bbbbbbbbbbbb/ev-broken.json")) << "{not json";
    const auto reports = store.reportsOf("m-bbbbbbbbbbbb");
    ASSERT_EQ(reports.size(), 2u) << "the damaged file is left out";
    EXPECT_EQ(reports[0].id, newer.id);
    EXPECT_EQ(toJson(reports[1]), toJson(older));
    EXPECT_EQ(store.find(newer.id).samples[0].answer, "a");
    EXPECT_THROW(store.find("ev-dddddddddddd"), Error);
    EXPECT_TRUE(store.reportsOf("../etc").empty());
    EXPECT_THROW(parseEvaluationTask("bleu"), Error);
}
