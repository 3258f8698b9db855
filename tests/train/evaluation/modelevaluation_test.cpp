// Evaluating a model on a dataset (engine/train/evaluation/modelevaluation.h), each figure
// checked against the model's own outputs computed here another way: perplexity from the
// scorer over the tokens packed by hand, classification from the classifier's predictions
// with accuracy and macro-F1 worked out in the test, generation from the generator's own
// greedy answer used as the reference. And the report store: its round trip, the reports
// of every model on the same data, and their figures side by side with the best marked.
#include "architectures/textclassifier.h"
#include "architectures/tokenscorer.h"
#include "evaluation/modelevaluation.h"
#include "evaluation/textmetrics.h"
#include "generation/textgenerator.h"
#include "errorof.h"
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

// An ensemble of the reference's two decoder classifiers (same labels): each member's
// report is what evaluating it alone gives, and the ensemble's answers are the most likely
// labels of the averaged probabilities, counted by hand.
TEST(ModelEvaluation, AnEnsembleAveragesProbabilitiesAndIsReportedAgainstEachMember)
{
    REQUIRE_REFERENCE();
    const std::vector<std::string> models{test::reference().folder("gpt2-classifier"),
                                          test::reference().folder("llama-classifier")};
    const std::vector<std::string> texts{"Hello world, the cats sat on a mat!", "This movie was not very good.", "bad",
                                         "the dog is running"};
    const auto first = TextClassifier::open(models[0]);
    const auto second = TextClassifier::open(models[1]);
    ASSERT_EQ(first.labels(), second.labels());
    const auto a = first.classify(texts);
    const auto b = second.classify(texts);
    // Every text labelled with the first label: accuracy is the share predicted as it.
    const auto &labels = first.labels();
    test::TempDir dir;
    std::string csv = "text,label\n";
    for (const auto &text : texts)
        csv += "\"" + text + "\"," + labels[0] + "\n";
    const auto data = dir.write("labelled.csv", csv);
    EvaluationOptions options;
    options.task = EvaluationTask::Classification;
    options.data.path = data;
    const auto reports = evaluateEnsemble(models, options);
    ASSERT_EQ(reports.size(), 3u);
    for (std::size_t m = 0; m < 2; ++m)
        EXPECT_EQ(reports[m].metrics, evaluateModel(models[m], options).metrics) << m;
    double right = 0;
    for (std::size_t i = 0; i < texts.size(); ++i) {
        std::size_t best = 0;
        for (std::size_t label = 1; label < labels.size(); ++label)
            if (a[i].probabilities[label] + b[i].probabilities[label] >
                a[i].probabilities[best] + b[i].probabilities[best])
                best = label;
        right += best == 0;
    }
    EXPECT_DOUBLE_EQ(reports[2].metrics.at("accuracy"), right / static_cast<double>(texts.size()));
    EXPECT_EQ(reports[2].examples, 4);

    EXPECT_THROW(evaluateEnsemble({models[0]}, options), Error);
    const auto mixed = test::errorOf([&] {
        evaluateEnsemble({models[0], test::reference().folder("bert-classifier")}, options);
    });
    EXPECT_EQ(mixed.kind(), ErrorKind::InvalidInput);
    EXPECT_NE(std::string(mixed.what()).find("same labels"), std::string::npos) << mixed.what();
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

TEST(ModelEvaluation, ReportsOnTheSameDataAreFoundAcrossModelsNewestFirst)
{
    test::TempDir dir;
    EvaluationStore store(dir.file("evaluations"));
    EvaluationReport first;
    first.id = "ev-aaaaaaaaaaaa";
    first.modelId = "m-aaaaaaaaaaaa";
    first.modelName = "small";
    first.dataset = "notes.txt";
    first.datasetSha256 = std::string(64, 'a');
    first.metrics = {{"perplexity", 12.5}, {"loss", 2.5257}};
    first.createdMs = 1000;
    auto second = first; // another model, same data, later
    second.id = "ev-bbbbbbbbbbbb";
    second.modelId = "m-bbbbbbbbbbbb";
    second.createdMs = 3000;
    auto unregistered = first; // a folder outside the registry, same data
    unregistered.id = "ev-cccccccccccc";
    unregistered.modelId.clear();
    unregistered.createdMs = 2000;
    auto otherData = first;
    otherData.id = "ev-dddddddddddd";
    otherData.datasetSha256 = std::string(64, 'b');
    auto otherTask = first;
    otherTask.id = "ev-eeeeeeeeeeee";
    otherTask.task = EvaluationTask::Generation;
    for (const auto &report : {first, second, unregistered, otherData, otherTask})
        store.save(report);
    std::ofstream(dir.file("evaluations/m-aaaaaaaaaaaa/ev-broken.json")) << "{not json";

    const auto found = store.reportsOnData(first.datasetSha256, EvaluationTask::Perplexity);
    ASSERT_EQ(found.size(), 3u) << "other data, another task and the damaged file are left out";
    EXPECT_EQ(found[0].id, second.id);
    EXPECT_EQ(found[1].id, unregistered.id);
    EXPECT_EQ(found[2].id, first.id);
    EXPECT_EQ(store.reportsOnData(otherData.datasetSha256, EvaluationTask::Perplexity).size(), 1u);
    EXPECT_TRUE(store.reportsOnData("", EvaluationTask::Perplexity).empty()) << "no hash says nothing of the data";
    EXPECT_TRUE(EvaluationStore(dir.file("nowhere")).reportsOnData(first.datasetSha256, first.task).empty());
}

TEST(ModelEvaluation, ComparisonRowsMarkTheBestOfEachMetric)
{
    EXPECT_FALSE(higherIsBetter("perplexity"));
    EXPECT_FALSE(higherIsBetter("loss"));
    EXPECT_FALSE(higherIsBetter("eval_loss"));
    EXPECT_TRUE(higherIsBetter("accuracy"));
    EXPECT_TRUE(higherIsBetter("macro_f1"));
    EXPECT_TRUE(higherIsBetter("bleu"));
    EXPECT_TRUE(higherIsBetter("rouge_l"));

    EvaluationReport a;
    a.metrics = {{"perplexity", 20.0}, {"accuracy", 0.5}, {"tokens", 100}, {"loss", 3.0}};
    EvaluationReport b;
    b.metrics = {{"perplexity", 10.0}, {"accuracy", 0.75}, {"tokens", 120}, {"loss", 3.0}};
    EvaluationReport c;
    c.metrics = {{"perplexity", 10.0}, {"bleu", 30.0}};
    const auto rows = compareMetrics({a, b, c});
    ASSERT_EQ(rows.size(), 5u);
    std::vector<std::string> names;
    for (const auto &row : rows)
        names.push_back(row.metric);
    EXPECT_EQ(names, (std::vector<std::string>{"accuracy", "bleu", "loss", "perplexity", "tokens"}));
    const auto &accuracy = rows[0];
    ASSERT_EQ(accuracy.values.size(), 3u);
    EXPECT_EQ(accuracy.values[0], 0.5);
    EXPECT_FALSE(accuracy.values[2]) << "c has no accuracy";
    EXPECT_EQ(accuracy.best, (std::vector<bool>{false, true, false})) << "higher accuracy is better";
    EXPECT_EQ(rows[1].best, (std::vector<bool>{false, false, false})) << "one BLEU alone is no better than none";
    EXPECT_EQ(rows[2].best, (std::vector<bool>{false, false, false})) << "equal losses: none is better";
    EXPECT_EQ(rows[3].best, (std::vector<bool>{false, true, true})) << "lower perplexity is better; ties share it";
    EXPECT_EQ(rows[4].best, (std::vector<bool>{false, false, false})) << "a token count is a detail, not a score";
}
