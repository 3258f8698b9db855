// The Apps page and the chat playground (issue 9) as a person uses them, on a tiny random
// chat model registered in the test's data folder: the catalog counts the models each app
// can run on; a chat streams the engine's own answer for the same request (same seed, same
// settings), regenerates it, takes the last question back to edit, stops on request, and
// keeps its conversations, which a new playground lists and reopens with their settings.
#include "apps/appinference.h"
#include "apps/appmodels.h"
#include "apps/arena/arenaapp.h"
#include "apps/arena/arenavotes.h"
#include "apps/chat/chatplayground.h"
#include "apps/chat/chatsettingspanel.h"
#include "apps/classify/classifierapp.h"
#include "apps/monitor/filetail.h"
#include "apps/monitor/streammonitor.h"
#include "apps/search/searchapp.h"
#include "architectures/textembedder.h"
#include "architectures/textclassifier.h"
#include "generation/textgenerator.h"
#include "mainwindow.h"
#include "models/modelactions.h"
#include "pages/appspage.h"
#include "pages/modelspage.h"
#include "registry/modelregistry.h"
#include "tinymodel.h"
#include "widgets/noticebar.h"
#include "windowfixture.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTextBrowser>
#include <QTest>

#include <cmath>
#include <future>
#include <map>

using namespace llmos;

namespace {

constexpr int kWaitMs = 60000; // generous: a loaded machine may be slow, a pass is fast

// A tiny random model registered under `name`; with a chat template unless it is a base model.
std::string registerModel(WindowFixture &fixture, const std::string &name, std::uint64_t seed = 7, bool chat = true,
                          test::TinyFamily family = test::TinyFamily::Llama)
{
    const auto folder = fixture.registryHome() + "/source/" + name;
    test::writeTinyModel(folder, family, seed);
    if (chat)
        test::writeChatMlTokenizerConfig(folder);
    ModelRegistry registry(fixture.registryHome());
    ImportOptions options;
    options.name = name;
    registry.importModel(folder, options);
    return folder;
}

std::string registerChatModel(WindowFixture &fixture)
{
    return registerModel(fixture, "tiny-chat");
}

// What the engine itself answers to one user message with the playground's sampling.
std::string engineAnswer(const std::string &folder, const std::string &message, int maxTokens, std::uint64_t seed,
                         double topP = 0.95)
{
    const auto generator = TextGenerator::open(folder);
    GenerationRequest request;
    request.promptIds = generator.encodeChat(nlohmann::ordered_json::array({{{"role", "user"}, {"content", message}}}));
    request.maxNewTokens = maxTokens;
    request.sampling.temperature = 0.7;
    request.sampling.topP = topP;
    request.sampling.seed = seed;
    return generator.generate(request).text;
}

// A classifier of the PyTorch reference, made by its script into `reference` and
// registered as "sentiment": by default its BERT classifier (negative, neutral, positive).
// Empty (and a test failure) when the script cannot run.
std::string registerReferenceClassifier(const QTemporaryDir &reference, WindowFixture &fixture,
                                        const QString &name = QStringLiteral("bert-classifier"))
{
    QProcess script;
    script.start(QStringLiteral(LLMOS_TORCH_PYTHON), {QStringLiteral(LLMOS_TORCH_REFERENCE_SCRIPT), reference.path()});
    if (!script.waitForFinished(120000) || script.exitCode() != 0) {
        qWarning() << "torch_reference.py failed:" << script.readAllStandardOutput();
        return {};
    }
    const auto folder = (reference.path() + QLatin1Char('/') + name).toStdString();
    ModelRegistry registry(fixture.registryHome());
    ImportOptions options;
    options.name = "sentiment";
    registry.importModel(folder, options);
    return folder;
}

void appendTo(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (file.open(QIODevice::WriteOnly | QIODevice::Append))
        file.write(bytes);
}

bool sendAndWait(ChatPlayground &chat, const QString &message)
{
    chat.findChild<QPlainTextEdit *>(QStringLiteral("chatInput"))->setPlainText(message);
    QSignalSpy ended(&chat, &ChatPlayground::turnEnded);
    QTest::mouseClick(chat.findChild<QPushButton *>(QStringLiteral("chatSend")), Qt::LeftButton);
    return chat.busy() && ended.wait(kWaitMs);
}

} // namespace

class TestApps : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { WindowFixture::nameApplication("test_apps"); }

    void modelsAreSortedIntoWhatTheAppsRunOn()
    {
        const auto kind = [](const char *family, const char *architecture, ModelFormat format = ModelFormat::HuggingFace) {
            ModelRecord model;
            model.family = family;
            model.architecture = architecture;
            model.format = format;
            return appModelKind(model);
        };
        QCOMPARE(kind("llama", "LlamaForCausalLM"), std::optional(AppModelKind::Generative));
        QCOMPARE(kind("gpt2", "GPT2LMHeadModel"), std::optional(AppModelKind::Generative));
        QCOMPARE(kind("bert", "BertForSequenceClassification"), std::optional(AppModelKind::Classifier));
        QCOMPARE(kind("bert", "BertModel"), std::optional(AppModelKind::Embedding));
        QCOMPARE(kind("llama", "LlamaForSequenceClassification"), std::optional(AppModelKind::Classifier)); // no chat
        QVERIFY(!kind("llama", "LlamaForCausalLM", ModelFormat::Peft)); // an adapter runs merged
    }

    void catalogCountsTheModelsEachAppRunsOn()
    {
        WindowFixture fixture;
        registerChatModel(fixture);
        MainWindow window(fixture.services());
        window.showPage(QStringLiteral("apps"));
        window.show();
        auto *page = window.appsPage();
        QVERIFY(QTest::qWaitFor([&] { return page->modelCount(AppModelKind::Generative) == 1; }, kWaitMs));
        auto *card = page->findChild<QWidget *>(QStringLiteral("appCard-chat"));
        QVERIFY(card);
        QStringList texts;
        for (auto *label : card->findChildren<QLabel *>())
            texts << label->text();
        QVERIFY2(texts.join(QLatin1Char('|')).contains(QStringLiteral("Runs on generative models \u00b7 1 registered")),
                 qPrintable(texts.join(QLatin1Char('|'))));
        QCOMPARE(page->modelCount(AppModelKind::Classifier), 0);
        // Search embeds with an embedding model, or else with a language model's states.
        QCOMPARE(page->modelCount(AppModelKind::Embedding), 1);
        QStringList classifierTexts;
        for (auto *label : page->findChild<QWidget *>(QStringLiteral("appCard-classify"))->findChildren<QLabel *>())
            classifierTexts << label->text();
        QVERIFY2(classifierTexts.join(QLatin1Char('|')).contains(QStringLiteral("none registered yet")),
                 qPrintable(classifierTexts.join(QLatin1Char('|'))));
        QTest::mouseClick(card->findChild<QPushButton *>(), Qt::LeftButton);
        QVERIFY(qobject_cast<ChatPlayground *>(page->app(QStringLiteral("chat"))));
        QVERIFY(page->app(QStringLiteral("chat"))->isVisible());
        QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("backToApps")), Qt::LeftButton);
        QVERIFY(card->isVisible());

        // Open in playground on the Models page: the chat, with that model picked.
        window.showPage(QStringLiteral("models"));
        auto *models = window.modelsPage();
        QVERIFY(QTest::qWaitFor([&] { return models->state() == ModelsPage::State::Browsing; }, kWaitMs));
        models->selectModel(QString::fromStdString(ModelRegistry(fixture.registryHome()).find("tiny-chat")->id));
        QVERIFY(QTest::qWaitFor([&] { return models->actions()->openInPlayground()->isEnabled(); }, kWaitMs));
        models->actions()->openInPlayground()->trigger();
        QCOMPARE(window.currentPageId(), QStringLiteral("apps"));
        auto *chat = qobject_cast<ChatPlayground *>(page->app(QStringLiteral("chat")));
        QVERIFY(chat && chat->isVisible());
        QVERIFY(QTest::qWaitFor([&] { return chat->settingsPanel()->settings().model == QStringLiteral("tiny-chat"); },
                                kWaitMs));
    }

    void chatStreamsRegeneratesEditsStopsAndKeepsConversations()
    {
        WindowFixture fixture;
        const auto folder = registerChatModel(fixture);
        AppServices services{fixture.settings(), fixture.inference(), fixture.registryHome()};
        ChatPlayground chat(services);
        chat.resize(1100, 700);
        chat.show();
        QVERIFY(QTest::qWaitFor([&] { return chat.settingsPanel()->modelCount() == 1; }, kWaitMs));
        chat.findChild<QSpinBox *>(QStringLiteral("chatSeed"))->setValue(7);
        chat.findChild<QSpinBox *>(QStringLiteral("chatMaxTokens"))->setValue(12);

        // Streamed text arrives as it is made, and adds up to the engine's own answer.
        QString streamed;
        connect(&fixture.inference(), &AppInference::turnText, this, [&](quint64, const QString &t) { streamed += t; });
        QVERIFY(sendAndWait(chat, QStringLiteral("Hello there")));
        const auto expected = QString::fromStdString(engineAnswer(folder, "Hello there", 12, 7));
        QCOMPARE(chat.conversation().messages.size(), 2);
        QCOMPARE(chat.conversation().messages[1].content, expected);
        QCOMPARE(streamed, expected);
        QVERIFY2(chat.transcriptText().contains(QStringLiteral("Hello there")), qPrintable(chat.transcriptText()));
        QVERIFY2(chat.statsText().contains(QStringLiteral("tokens/s")), qPrintable(chat.statsText()));
        QCOMPARE(chat.conversation().messages[1].stats.value(QStringLiteral("completion_tokens")).toInt(), 12);

        // Regenerate: the same seed gives the same answer, in place of the old one.
        QSignalSpy ended(&chat, &ChatPlayground::turnEnded);
        QTest::mouseClick(chat.findChild<QPushButton *>(QStringLiteral("chatRegenerate")), Qt::LeftButton);
        QVERIFY(ended.wait(kWaitMs));
        QCOMPARE(chat.conversation().messages.size(), 2);
        QCOMPARE(chat.conversation().messages[1].content, expected);

        // The conversation was saved and is listed.
        QVERIFY(QTest::qWaitFor([&] { return chat.savedConversations() == 1; }, kWaitMs));
        const auto id = chat.conversation().id;

        // Edit last: the question goes back into the box, and it and its answer leave.
        QTest::mouseClick(chat.findChild<QPushButton *>(QStringLiteral("chatEditLast")), Qt::LeftButton);
        QCOMPARE(chat.findChild<QPlainTextEdit *>(QStringLiteral("chatInput"))->toPlainText(), QStringLiteral("Hello there"));
        QVERIFY(chat.conversation().messages.isEmpty());

        // Stop: the turn is held just before it generates until Stop has been clicked, so
        // the stop always comes first; the turn ends as stopped.
        std::promise<void> stopClicked;
        auto clicked = stopClicked.get_future().share();
        fixture.inference().setBeforeGenerate([clicked](quint64) { clicked.wait(); });
        chat.findChild<QSpinBox *>(QStringLiteral("chatMaxTokens"))->setValue(4096);
        chat.findChild<QPlainTextEdit *>(QStringLiteral("chatInput"))->setPlainText(QStringLiteral("Tell me more"));
        QTest::mouseClick(chat.findChild<QPushButton *>(QStringLiteral("chatSend")), Qt::LeftButton);
        QVERIFY(chat.findChild<QPushButton *>(QStringLiteral("chatStop"))->isEnabled());
        QTest::mouseClick(chat.findChild<QPushButton *>(QStringLiteral("chatStop")), Qt::LeftButton);
        stopClicked.set_value();
        QVERIFY(ended.wait(kWaitMs));
        fixture.inference().setBeforeGenerate({});
        QCOMPARE(chat.conversation().messages.back().stats.value(QStringLiteral("finish_reason")).toString(),
                 QStringLiteral("stopped"));
        QVERIFY(chat.statsText().contains(QStringLiteral("stopped")));
        QVERIFY(!chat.busy());

        // A new playground (the window reopened) lists the conversation and reopens it
        // with its settings.
        ChatPlayground again(services);
        QVERIFY(QTest::qWaitFor([&] { return again.savedConversations() == 1; }, kWaitMs));
        QSignalSpy opened(&again, &ChatPlayground::conversationOpened);
        again.openConversation(id);
        QVERIFY(opened.wait(kWaitMs));
        QCOMPARE(again.conversation().messages.size(), 2);
        QCOMPARE(again.conversation().messages[0].content, QStringLiteral("Tell me more"));
        QCOMPARE(again.conversation().settings.seed, 7);
        QCOMPARE(again.conversation().settings.model, QStringLiteral("tiny-chat"));
    }

    void arenaAnswersSideBySideAndKeepsBlindVotes()
    {
        WindowFixture fixture;
        const auto first = registerChatModel(fixture);
        const auto second = registerModel(fixture, "tiny-chat-2", 99);
        AppServices services{fixture.settings(), fixture.inference(), fixture.registryHome()};
        ArenaApp arena(services);
        arena.resize(1100, 700);
        arena.show();
        QVERIFY(QTest::qWaitFor([&] { return arena.modelChoices() == 2; }, kWaitMs));
        QCOMPARE(arena.slotCount(), 2);
        arena.findChild<QSpinBox *>(QStringLiteral("arenaSeed"))->setValue(7);
        arena.findChild<QSpinBox *>(QStringLiteral("arenaMaxTokens"))->setValue(10);
        arena.findChild<QCheckBox *>(QStringLiteral("arenaBlind"))->setChecked(true);
        arena.findChild<QPlainTextEdit *>(QStringLiteral("arenaInput"))->setPlainText(QStringLiteral("Hello there"));
        QSignalSpy ended(&arena, &ArenaApp::roundEnded);
        QTest::mouseClick(arena.findChild<QPushButton *>(QStringLiteral("arenaSend")), Qt::LeftButton);
        QVERIFY(arena.busy());
        QVERIFY(ended.wait(kWaitMs));

        // Blind: the names are hidden; the answers are each model's own, in some order.
        QCOMPARE(arena.headingText(0), QStringLiteral("Model A"));
        QCOMPARE(arena.headingText(1), QStringLiteral("Model B"));
        // The arena samples with the temperature it shows (0.7) and no top-p cut.
        const QStringList expected{QString::fromStdString(engineAnswer(first, "Hello there", 10, 7, 1.0)),
                                   QString::fromStdString(engineAnswer(second, "Hello there", 10, 7, 1.0))};
        QStringList shown{arena.answerText(0), arena.answerText(1)};
        QCOMPARE(QSet<QString>(shown.begin(), shown.end()), QSet<QString>(expected.begin(), expected.end()));

        // The vote reveals the names and is kept; the tally counts it.
        QSignalSpy read(&arena, &ArenaApp::votesRead);
        QTest::mouseClick(arena.findChild<QPushButton *>(QStringLiteral("arenaVote0")), Qt::LeftButton);
        const auto winner = arena.headingText(0);
        QVERIFY(winner == QStringLiteral("tiny-chat") || winner == QStringLiteral("tiny-chat-2"));
        QVERIFY(read.wait(kWaitMs));
        QVERIFY2(arena.tallyText().contains(winner + QStringLiteral(" 1 win")), qPrintable(arena.tallyText()));
        QVERIFY2(!arena.findChild<QPushButton *>(QStringLiteral("arenaVote1"))->isEnabled(), "one vote a round");
        const auto votes = ArenaVotes(QString::fromStdString(fixture.registryHome()) + QStringLiteral("/apps/arena/votes.jsonl")).read();
        QCOMPARE(votes.size(), 1);
        QCOMPARE(votes[0].winner, winner);
        QCOMPARE(votes[0].models, QStringList({QStringLiteral("tiny-chat"), QStringLiteral("tiny-chat-2")}));
        QCOMPARE(votes[0].answers, expected);
        QVERIFY(votes[0].blind);
        QCOMPARE(votes[0].prompt, QStringLiteral("Hello there"));

        // Up to four models; never fewer than two.
        arena.setSlotCount(5);
        QCOMPARE(arena.slotCount(), ArenaApp::kMaxModels);
        arena.setSlotCount(1);
        QCOMPARE(arena.slotCount(), ArenaApp::kMinModels);
    }

    // A decoder with a classifier head (what training a classifier on the demo's language
    // model makes) runs in the classifier app like a BERT one.
    void classifierAppRunsADecoderClassifier()
    {
        QTemporaryDir reference;
        WindowFixture fixture;
        const auto folder = registerReferenceClassifier(reference, fixture, QStringLiteral("llama-classifier"));
        QVERIFY(!folder.empty());
        const auto engine = TextClassifier::open(folder);
        const std::string text = "Hello world, the cats sat on a mat!";
        const auto expected = engine.classify({text}).front();

        AppServices services{fixture.settings(), fixture.inference(), fixture.registryHome()};
        ClassifierApp app(services);
        app.show();
        QVERIFY(QTest::qWaitFor([&] { return app.modelChoices() == 1; }, kWaitMs));
        app.findChild<QPlainTextEdit *>(QStringLiteral("classifierText"))->setPlainText(QString::fromStdString(text));
        QSignalSpy classified(&app, &ClassifierApp::textClassified);
        QTest::mouseClick(app.findChild<QPushButton *>(QStringLiteral("classifierClassify")), Qt::LeftButton);
        QVERIFY(classified.wait(kWaitMs));
        const double p = expected.probabilities[expected.best];
        app.findChild<QDoubleSpinBox *>(QStringLiteral("classifierThreshold"))->setValue(p - 0.05);
        QCOMPARE(app.decisionText(), QStringLiteral("%1 (%2%)")
                                         .arg(QString::fromStdString(engine.labels()[expected.best]))
                                         .arg(p * 100, 0, 'f', 1));
    }

    void classifierLabelsATextAndAFileAndExports()
    {
        QTemporaryDir reference;
        WindowFixture fixture;
        const auto folder = registerReferenceClassifier(reference, fixture);
        QVERIFY(!folder.empty());
        const auto engine = TextClassifier::open(folder);
        const std::vector<std::string> texts{"This movie was not very good.", "Hello world, the cats sat on a mat!",
                                             "the dog is running"};
        const auto expected = engine.classify(texts);
        const auto labelOf = [&](std::size_t i) { return QString::fromStdString(engine.labels()[expected[i].best]); };

        AppServices services{fixture.settings(), fixture.inference(), fixture.registryHome()};
        ClassifierApp app(services);
        app.resize(1100, 700);
        app.show();
        QVERIFY(QTest::qWaitFor([&] { return app.modelChoices() == 1; }, kWaitMs));

        // One text: the engine's label and probability; above the threshold it decides.
        app.findChild<QPlainTextEdit *>(QStringLiteral("classifierText"))->setPlainText(QString::fromStdString(texts[0]));
        QSignalSpy classified(&app, &ClassifierApp::textClassified);
        QTest::mouseClick(app.findChild<QPushButton *>(QStringLiteral("classifierClassify")), Qt::LeftButton);
        QVERIFY(classified.wait(kWaitMs));
        const double p = expected[0].probabilities[expected[0].best];
        app.findChild<QDoubleSpinBox *>(QStringLiteral("classifierThreshold"))->setValue(p - 0.05); // a random model is unsure
        QCOMPARE(app.decisionText(), QStringLiteral("%1 (%2%)").arg(labelOf(0)).arg(p * 100, 0, 'f', 1));
        app.findChild<QDoubleSpinBox *>(QStringLiteral("classifierThreshold"))->setValue(0.99);
        QVERIFY2(app.decisionText().startsWith(QStringLiteral("Not sure")), qPrintable(app.decisionText()));

        // A file: every row, the metrics against its labels (two right, one wrong, one
        // label the model lacks), and an export with private data masked.
        QTemporaryDir work;
        const auto wrong = QString::fromStdString(engine.labels()[(expected[2].best + 1) % 3]);
        const QString csv = QStringLiteral("sentence,topic\n\"%1 mail me at jane.doe@example.com\",%2\n"
                                           "\"%3\",%4\n%5,%6\nsomething,banana\n")
                                .arg(QString::fromStdString(texts[0]), labelOf(0), QString::fromStdString(texts[1]),
                                     labelOf(1), QString::fromStdString(texts[2]), wrong);
        const auto path = work.filePath(QStringLiteral("reviews.csv"));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(csv.toUtf8());
        }
        QSignalSpy loaded(&app, &ClassifierApp::tableLoaded);
        app.openTable(path);
        QVERIFY(loaded.wait(kWaitMs));
        QCOMPARE(app.findChild<QComboBox *>(QStringLiteral("classifierTextColumn"))->currentText(), QStringLiteral("sentence"));
        QCOMPARE(app.findChild<QComboBox *>(QStringLiteral("classifierLabelColumn"))->currentText(), QStringLiteral("topic"));
        QSignalSpy ended(&app, &ClassifierApp::batchEnded);
        QTest::mouseClick(app.findChild<QPushButton *>(QStringLiteral("classifierRun")), Qt::LeftButton);
        QVERIFY(ended.wait(kWaitMs));
        QCOMPARE(app.resultRows(), 4);
        // The first row's text has an e-mail address appended, so its label may differ:
        // the expected accuracy counts what the engine says for the texts as written.
        const auto firstAsWritten = engine.classify({texts[0] + " mail me at jane.doe@example.com"})[0].best;
        const int right = int(firstAsWritten == expected[0].best) + 1;
        QVERIFY2(app.metricsText().contains(QStringLiteral("Accuracy %1%").arg(right * 100.0 / 3, 0, 'f', 1)),
                 qPrintable(app.metricsText()));
        QVERIFY2(app.metricsText().contains(QStringLiteral("1 row")), qPrintable(app.metricsText()));
        app.findChild<QCheckBox *>(QStringLiteral("classifierMask"))->setChecked(true);
        QSignalSpy exported(&app, &ClassifierApp::exported);
        app.exportResults(work.filePath(QStringLiteral("out.csv")));
        QVERIFY(exported.wait(kWaitMs));
        QCOMPARE(exported.at(0).at(0).toString(), QString());
        QFile out(work.filePath(QStringLiteral("out.csv")));
        QVERIFY(out.open(QIODevice::ReadOnly));
        const auto written = QString::fromUtf8(out.readAll());
        QVERIFY2(written.startsWith(QStringLiteral("text,label,p_negative,p_neutral,p_positive,actual\n")), qPrintable(written));
        QVERIFY2(written.contains(QStringLiteral("[EMAIL]")) && !written.contains(QStringLiteral("jane.doe")),
                 qPrintable(written));

        // Cancel: asked for at once on a long file (hundreds of batches), the run stops
        // between batches and says so.
        const auto longPath = work.filePath(QStringLiteral("long.csv"));
        {
            QFile file(longPath);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("sentence\n");
            for (int i = 0; i < 8000; ++i)
                file.write(QByteArray("the dog is running number ") + QByteArray::number(i) + "\n");
        }
        app.openTable(longPath);
        QVERIFY(loaded.wait(kWaitMs));
        QTest::mouseClick(app.findChild<QPushButton *>(QStringLiteral("classifierRun")), Qt::LeftButton);
        QVERIFY(app.running());
        QTest::mouseClick(app.findChild<QPushButton *>(QStringLiteral("classifierCancel")), Qt::LeftButton);
        QVERIFY(ended.wait(kWaitMs));
        QVERIFY(!app.running());
        const auto *notice = app.findChild<NoticeBar *>();
        QVERIFY2(notice->isError() && notice->text().contains(QStringLiteral("cancelled")), qPrintable(notice->text()));
        QCOMPARE(app.resultRows(), 4); // the last results stay until a run completes
    }

    // Semantic search on the reference's sentence-transformers encoder: results in the
    // order of the engine's own cosine similarities, an index kept and updated for only
    // what changed, "more like this" from other documents, and a table column as a source.
    void searchRanksPassagesAndKeepsItsIndex()
    {
        QTemporaryDir reference;
        WindowFixture fixture;
        const auto folder = registerReferenceClassifier(reference, fixture, QStringLiteral("bert-sentence"));
        QVERIFY(!folder.empty());
        QTemporaryDir docs;
        const std::map<QString, std::string> files{{QStringLiteral("pets.txt"), "the cat sat on a mat"},
                                                  {QStringLiteral("dogs.md"), "the dog is running"},
                                                  {QStringLiteral("films.txt"), "this movie was not very good"},
                                                  {QStringLiteral("sub/hello.txt"), "hello world"}};
        for (const auto &[name, text] : files) {
            QDir(docs.path()).mkpath(QFileInfo(docs.filePath(name)).path());
            appendTo(docs.filePath(name), QByteArray::fromStdString(text));
        }
        // What the engine says, by hand: cosine of normalized embeddings.
        const auto embedder = TextEmbedder::open(folder);
        const std::string query = "a cat on the mat";
        const auto queryVector = embedder.embed({query}).front().values;
        std::vector<std::pair<double, QString>> expected;
        for (const auto &[name, text] : files) {
            const auto v = embedder.embed({text}).front().values;
            double dot = 0, qq = 0, vv = 0;
            for (std::size_t i = 0; i < v.size(); ++i) {
                dot += double(v[i]) * queryVector[i];
                qq += double(queryVector[i]) * queryVector[i];
                vv += double(v[i]) * v[i];
            }
            expected.emplace_back(dot / std::sqrt(qq * vv), name);
        }
        std::sort(expected.rbegin(), expected.rend());

        AppServices services{fixture.settings(), fixture.inference(), fixture.registryHome()};
        SearchApp app(services);
        app.resize(1000, 700);
        app.show();
        QVERIFY(QTest::qWaitFor([&] { return app.modelChoices() == 1; }, kWaitMs));
        QSignalSpy opened(&app, &SearchApp::sourceOpened);
        app.setSource(docs.path());
        QVERIFY(opened.wait(kWaitMs));
        QVERIFY2(app.statusText().startsWith(QStringLiteral("Not indexed yet")), qPrintable(app.statusText()));
        QSignalSpy indexed(&app, &SearchApp::indexed);
        QTest::mouseClick(app.findChild<QPushButton *>(QStringLiteral("searchIndex")), Qt::LeftButton);
        QVERIFY(indexed.wait(kWaitMs));
        QVERIFY2(app.statusText().startsWith(QStringLiteral("4 passage")) &&
                     app.statusText().contains(QStringLiteral("4 embedded, 0 kept")),
                 qPrintable(app.statusText()));

        QSignalSpy searched(&app, &SearchApp::searched);
        app.findChild<QLineEdit *>(QStringLiteral("searchQuery"))->setText(QString::fromStdString(query));
        QTest::mouseClick(app.findChild<QPushButton *>(QStringLiteral("searchRun")), Qt::LeftButton);
        QVERIFY(searched.wait(kWaitMs));
        QCOMPARE(app.results().size(), expected.size());
        for (std::size_t i = 0; i < expected.size(); ++i) {
            QCOMPARE(app.results()[i].document, expected[i].second);
            QVERIFY(std::abs(app.results()[i].score - expected[i].first) < 1e-4);
        }
        // The query's words are marked in the passages shown.
        QVERIFY(app.findChild<QTextBrowser *>(QStringLiteral("searchResults"))->toHtml().contains(QStringLiteral("#fde68a")));

        // More like this: the closest passages of the other documents.
        const auto top = app.results()[0].document;
        app.moreLikeThis(0);
        QVERIFY(searched.wait(kWaitMs));
        QCOMPARE(app.results().size(), std::size_t(3));
        for (const auto &result : app.results())
            QVERIFY(result.document != top);

        // A change to one file: only its text is embedded again; the index is kept.
        appendTo(docs.filePath(QStringLiteral("films.txt")), " and bad");
        QTest::mouseClick(app.findChild<QPushButton *>(QStringLiteral("searchIndex")), Qt::LeftButton);
        QVERIFY(indexed.wait(kWaitMs));
        QVERIFY2(app.statusText().contains(QStringLiteral("1 embedded, 3 kept")), qPrintable(app.statusText()));
        {
            SearchApp reopened(services);
            QSignalSpy again(&reopened, &SearchApp::sourceOpened);
            reopened.setSource(docs.path());
            QVERIFY(again.wait(kWaitMs));
            QVERIFY2(reopened.statusText().contains(QStringLiteral("index of 4 passage")), qPrintable(reopened.statusText()));
        }

        // A table's column: each row a document, results name the row.
        const auto table = docs.filePath(QStringLiteral("reviews.csv"));
        appendTo(table, "id,review\n1,hello world\n2,the dog is running\n");
        app.setSource(table, QStringLiteral("review"));
        QVERIFY(opened.wait(kWaitMs));
        QTest::mouseClick(app.findChild<QPushButton *>(QStringLiteral("searchIndex")), Qt::LeftButton);
        QVERIFY(indexed.wait(kWaitMs));
        app.search(QStringLiteral("the dog is running"));
        QVERIFY(searched.wait(kWaitMs));
        QCOMPARE(app.results().front().row, qint64(2));
        QVERIFY(app.results().front().score > 0.999);
    }

    void streamMonitorClassifiesNewItemsAndAlerts()
    {
        QTemporaryDir reference;
        WindowFixture fixture;
        const auto folder = registerReferenceClassifier(reference, fixture);
        QVERIFY(!folder.empty());
        const auto engine = TextClassifier::open(folder);
        const std::vector<std::string> texts{"This movie was not very good.", "Hello world, the cats sat on a mat!",
                                             "the dog is running", "a fine day", "nothing to see"};
        const auto expected = engine.classify(texts);

        AppServices services{fixture.settings(), fixture.inference(), fixture.registryHome()};
        StreamMonitor monitor(services);
        monitor.resize(1100, 700);
        monitor.show();
        QVERIFY(QTest::qWaitFor([&] { return monitor.modelChoices() == 1; }, kWaitMs));
        QTemporaryDir work;
        const auto path = work.filePath(QStringLiteral("posts.jsonl"));
        const auto line = [](const std::string &text) { return QByteArray::fromStdString(nlohmann::json{{"text", text}}.dump() + "\n"); };
        appendTo(path, line(texts[0]) + line(texts[1]) + "{\"other\": 1}\n" + line(texts[2]));
        monitor.setFile(path);
        QTest::mouseClick(monitor.findChild<QPushButton *>(QStringLiteral("monitorStartStop")), Qt::LeftButton);
        QVERIFY(monitor.watching());
        QVERIFY(QTest::qWaitFor([&] { return monitor.itemsSeen() == 3; }, kWaitMs));
        QVERIFY2(monitor.statusText().contains(QStringLiteral("1 unreadable")), qPrintable(monitor.statusText()));

        // Items appended later are classified as they arrive; a line still being written waits.
        appendTo(path, line(texts[3]) + line(texts[4]) + "{\"text\": \"half a li");
        QVERIFY(QTest::qWaitFor([&] { return monitor.itemsSeen() == 5; }, kWaitMs));
        QMap<QString, int> counts;
        for (const auto &result : expected)
            counts[QString::fromStdString(engine.labels()[result.best])] += 1;
        QCOMPARE(monitor.counts(), counts);

        // An alert while the most frequent label's share is above the threshold.
        const auto top = std::max_element(counts.begin(), counts.end()) .key();
        QSignalSpy alert(&monitor, &StreamMonitor::alertChanged);
        monitor.findChild<QSpinBox *>(QStringLiteral("monitorAlertShare"))->setValue(1);
        monitor.findChild<QLineEdit *>(QStringLiteral("monitorAlertLabel"))->setText(top);
        QVERIFY(monitor.alerting());
        QCOMPARE(alert.count(), 1);
        QVERIFY(monitor.findChild<QLabel *>(QStringLiteral("monitorAlertState"))->text().startsWith(QStringLiteral("Alert")));
        monitor.findChild<QSpinBox *>(QStringLiteral("monitorAlertShare"))->setValue(100);
        QVERIFY(!monitor.alerting());
        QTest::mouseClick(monitor.findChild<QPushButton *>(QStringLiteral("monitorStartStop")), Qt::LeftButton);
        QVERIFY(!monitor.watching());

        // A folder where text files arrive: each new file is one item.
        QVERIFY(QDir(work.path()).mkdir(QStringLiteral("inbox")));
        const auto inbox = work.filePath(QStringLiteral("inbox"));
        appendTo(inbox + QStringLiteral("/1.txt"), QByteArray::fromStdString(texts[0]));
        monitor.setFile(inbox);
        monitor.start();
        QVERIFY(QTest::qWaitFor([&] { return monitor.itemsSeen() == 1; }, kWaitMs));
        appendTo(inbox + QStringLiteral("/2.txt"), QByteArray::fromStdString(texts[1]));
        QVERIFY(QTest::qWaitFor([&] { return monitor.itemsSeen() == 2; }, kWaitMs));
        monitor.stop();
    }

    void aGrowingFileIsReadLineByLine()
    {
        QTemporaryDir work;
        const auto csv = work.filePath(QStringLiteral("posts.csv"));
        appendTo(csv, "id,text\n1,\"hello, world\"\n2,\"say \"\"hi\"\"\"\n3\n");
        auto read = readNewItems(csv, QStringLiteral("text"), {});
        QCOMPARE(read.items, QStringList({QStringLiteral("hello, world"), QStringLiteral("say \"hi\"")}));
        QCOMPARE(read.unreadable, 1); // a row without the column
        appendTo(csv, "4,later\n5,not yet");
        read = readNewItems(csv, QStringLiteral("text"), read.state);
        QCOMPARE(read.items, QStringList({QStringLiteral("later")}));
        // Replaced by a shorter file: read from the start again, header included.
        {
            QFile file(csv);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write("text\nfresh\n");
        }
        read = readNewItems(csv, QStringLiteral("text"), read.state);
        QCOMPARE(read.items, QStringList({QStringLiteral("fresh")}));
        const auto txt = work.filePath(QStringLiteral("lines.txt"));
        appendTo(txt, "one\n\ntwo\n");
        QCOMPARE(readNewItems(txt, {}, {}).items, QStringList({QStringLiteral("one"), QStringLiteral("two")}));
        QVERIFY(!readNewItems(work.filePath(QStringLiteral("absent.jsonl")), {}, {}).error.isEmpty());

        // A watched folder: each new text file is one item, once.
        QVERIFY(QDir(work.path()).mkdir(QStringLiteral("inbox")));
        const auto inbox = work.filePath(QStringLiteral("inbox"));
        appendTo(inbox + QStringLiteral("/a.txt"), "first post\n");
        appendTo(inbox + QStringLiteral("/b.md"), "second\npost\n");
        appendTo(inbox + QStringLiteral("/c.jpg"), "not text");
        auto files = readNewFiles(inbox, {});
        QCOMPARE(files.items, QStringList({QStringLiteral("first post"), QStringLiteral("second\npost")}));
        appendTo(inbox + QStringLiteral("/c.txt"), "third");
        files = readNewFiles(inbox, files.state);
        QCOMPARE(files.items, QStringList({QStringLiteral("third")}));
        QVERIFY(readNewFiles(inbox, files.state).items.isEmpty());
        QVERIFY(!readNewFiles(work.filePath(QStringLiteral("nowhere")), {}).error.isEmpty());
    }

    void aModelWithoutAChatTemplateSaysSo()
    {
        WindowFixture fixture;
        registerModel(fixture, "base-model", 7, false, test::TinyFamily::Gpt2);
        AppServices services{fixture.settings(), fixture.inference(), fixture.registryHome()};
        ChatPlayground chat(services);
        QVERIFY(QTest::qWaitFor([&] { return chat.settingsPanel()->modelCount() == 1; }, kWaitMs));
        QVERIFY(sendAndWait(chat, QStringLiteral("Hello")));
        QCOMPARE(chat.conversation().messages.size(), 1); // the question stays, to send to another model
        QVERIFY(!chat.busy());
        auto *notice = chat.findChild<QLabel *>();
        QVERIFY(notice);
        bool said = false;
        for (auto *label : chat.findChildren<QLabel *>())
            said = said || label->text().contains(QStringLiteral("no chat template"));
        QVERIFY(said);
    }
};

QTEST_MAIN(TestApps)
#include "test_apps.moc"
