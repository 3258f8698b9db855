// The Server page (issue 8) as a person uses it: start the API server from the window,
// call it with a key made on the page, watch requests arrive in the log and the figures,
// switch a model off while it runs, stop it; an alert threshold crossed turns the status
// bar red. Also the live figures' arithmetic and the saved settings, on their own.
#include "mainwindow.h"
#include "models/modelactions.h"
#include "models/modeldetailspane.h"
#include "pages/modelspage.h"
#include "pages/serverpage.h"
#include "registry/modelreference.h"
#include "registry/modelregistry.h"
#include "server/apikeydialog.h"
#include "server/requestlogmodel.h"
#include "server/serverconfigpanel.h"
#include "server/servercontroller.h"
#include "server/serverlivepanel.h"
#include "server/serverstats.h"
#include "settings/settingsstore.h"
#include "trainingfixture.h"
#include "widgets/noticebar.h"
#include "widgets/serverstatusindicator.h"
#include "windowfixture.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <filesystem>

using namespace llmos;
using Clock = ServerStats::Clock;

namespace {

constexpr int kWaitMs = 60000; // generous: a loaded machine may be slow, a pass is fast

struct Reply {
    int status = 0;
    QByteArray body;
};

Reply call(const QString &url, const QByteArray &body = {}, const QString &key = {})
{
    QNetworkAccessManager network;
    QNetworkRequest request{QUrl(url)};
    if (!key.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + key.toUtf8());
    QNetworkReply *reply;
    if (body.isEmpty()) {
        reply = network.get(request);
    } else {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        reply = network.post(request, body);
    }
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(kWaitMs);
    Reply r{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
    delete reply;
    return r;
}

serve::RequestRecord record(Clock::time_point finished, int status, double seconds, std::int64_t tokens = 0,
                            double firstToken = 0)
{
    serve::RequestRecord r;
    r.finished = finished;
    r.status = status;
    r.seconds = seconds;
    r.tokens = tokens;
    r.timeToFirstToken = firstToken;
    return r;
}

void registerTiny(WindowFixture &fixture, const test::TrainingFixture &data)
{
    ModelRegistry registry(fixture.registryHome());
    ImportOptions options;
    options.name = "tiny";
    registry.importModel(data.modelPath(), options);
}

// Shows the Server page and waits until it has read the one registered model.
bool showServerPage(MainWindow &window)
{
    window.showPage(QStringLiteral("server"));
    window.show();
    return QTest::qWaitFor([&] { return window.serverPage()->config()->models().size() == 1; }, kWaitMs);
}

bool waitForState(ServerController &server, ServerController::State state)
{
    return QTest::qWaitFor([&] { return server.state() == state; }, kWaitMs);
}

} // namespace

class TestServerPage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { WindowFixture::nameApplication("test_serverpage"); }

    // Hand-computed: 20 requests in the last minute, latencies 10..200 ms, 4 failed
    // (two 500s, a 503, a 429), one refused (401), generations with first tokens.
    void liveFiguresOverTheLastMinute()
    {
        ServerStats stats;
        const auto now = Clock::now();
        stats.add(record(now - std::chrono::seconds(90), 500, 9.0)); // before the window: left out
        for (int i = 1; i <= 20; ++i) {
            int status = 200;
            if (i <= 2)
                status = 500;
            else if (i == 3)
                status = 503;
            else if (i == 4)
                status = 429;
            else if (i == 5)
                status = 401;
            const bool generated = i > 10;
            stats.add(record(now - std::chrono::seconds(i), status, i * 0.010, generated ? 30 : 0, generated ? i * 0.001 : 0));
        }
        const auto f = stats.figures(now);
        QCOMPARE(f.requests, 20);
        QCOMPARE(f.failed, 4);
        QCOMPARE(f.refused, 1);
        QCOMPARE(f.failedShare(), 0.2);
        QCOMPARE(f.requestsPerSecond, 20 / 60.0);
        QCOMPARE(f.tokensPerSecond, 10 * 30 / 60.0);
        QCOMPARE(f.latencyP50, 0.100); // nearest rank: the 10th of 20
        QCOMPARE(f.latencyP95, 0.190); // the 19th
        QCOMPARE(f.firstTokenP95, 0.020); // generations 11..20: the 10th of 10
        const auto alerts = checkAlerts(f, 10, 15);
        QVERIFY(alerts.failures);       // 20% > 10%
        QVERIFY(alerts.slowFirstToken); // 20 ms > 15 ms
        QVERIFY(!checkAlerts(f, 20, 20).any()); // at the thresholds, not over them

        const auto history = stats.history(now);
        QCOMPARE(int(history.size()), 21); // one second each, the 90 s old one included
        QCOMPARE(history.front().failed, 1);
        QCOMPARE(history.back().tokens, 0); // one second ago: request 1, no generation
        stats.add(record(now - std::chrono::seconds(5), 200, 0.001)); // late, into an existing second
        QCOMPARE(int(stats.history(now).size()), 21);
        QVERIFY(stats.figures(now + std::chrono::seconds(120)).requests == 0); // all aged out
    }

    void settingsAreKeptAndCheckedOnTheWayIn()
    {
        QTemporaryDir dir;
        const QString ini = dir.filePath(QStringLiteral("settings.ini"));
        ServerSettings s;
        s.network = true;
        s.port = 9123;
        s.deployAll = false;
        s.deployedIds = {QStringLiteral("m-1"), QStringLiteral("m-2")};
        s.unloadAfterMinutes = 0;
        s.maxTokens = 512;
        s.alertErrorPercent = 12;
        s.alertFirstTokenMs = 800;
        const auto made = makeApiKey(QStringLiteral("laptop"), true);
        s.keys = {made.stored};
        {
            SettingsStore store(ini);
            store.saveServer(s);
            QCOMPARE(store.server(), s);
        }
        QVERIFY(made.key.startsWith(QStringLiteral("sk-llmos-")));
        QCOMPARE(made.key.size(), 9 + 32);
        QFile file(ini); // only the digest is on disk, never the key
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray saved = file.readAll();
        QVERIFY(!saved.contains(made.key.toUtf8()));
        QVERIFY(saved.contains(made.stored.digest.toUtf8()));
        {
            QSettings raw(ini, QSettings::IniFormat);
            raw.setValue(QStringLiteral("server/port"), 70000);
            raw.setValue(QStringLiteral("server/keys/1/digest"), QStringLiteral("XYZ"));
        }
        SettingsStore store(ini);
        QCOMPARE(store.server().port, ServerSettings{}.port); // out of range: the default
        QVERIFY(store.server().keys.isEmpty());                // a damaged digest can never match
    }

    void serveFromThePage()
    {
        test::TrainingFixture data;
        WindowFixture fixture;
        registerTiny(fixture, data);
        const auto made = makeApiKey(QStringLiteral("phone"), false);
        ServerSettings settings;
        settings.port = 0;
        settings.keys = {made.stored};
        fixture.settings().saveServer(settings);

        MainWindow window(fixture.services());
        QVERIFY(showServerPage(window));
        ServerPage *page = window.serverPage();
        auto &server = fixture.server();
        QVERIFY(!window.serverStatus()->isVisible());

        page->startButton()->click();
        QVERIFY(waitForState(server, ServerController::State::Running));
        const QString base = server.address();
        QVERIFY(base.startsWith(QStringLiteral("http://127.0.0.1:")));
        QVERIFY(page->findChild<QLabel *>(QStringLiteral("serverStatus"))->text().contains(base));
        QVERIFY(window.serverStatus()->isVisible());

        QCOMPARE(call(base + QStringLiteral("/v1/models")).status, 401); // the key is needed
        const auto models = call(base + QStringLiteral("/v1/models"), {}, made.key);
        QCOMPARE(models.status, 200);
        QVERIFY(models.body.contains("\"tiny\""));
        const auto done = call(base + QStringLiteral("/v1/completions"),
                               R"({"model":"tiny","prompt":"hello","max_tokens":5,"temperature":0})", made.key);
        QCOMPARE(done.status, 200);

        RequestLogModel *log = page->live()->log();
        QVERIFY(QTest::qWaitFor([&] { return log->rowCount() == 3; }, kWaitMs));
        const auto &newest = log->record(0);
        QCOMPARE(newest.path, std::string("/v1/completions"));
        QCOMPARE(newest.model, std::string("tiny"));
        QCOMPARE(newest.tokens, 5);
        QCOMPARE(log->data(log->index(0, RequestLogModel::Key), Qt::DisplayRole).toString(), QStringLiteral("phone"));
        QCOMPARE(log->data(log->index(2, RequestLogModel::Status), Qt::DisplayRole).toInt(), 401);
        QVERIFY(QTest::qWaitFor([&] { return server.figures().requests == 3; }, kWaitMs));
        QVERIFY(server.figures().tokensPerSecond > 0);

        // Offered, it cannot be deleted from the Models page: the page says why.
        window.showPage(QStringLiteral("models"));
        auto *modelsPage = window.modelsPage();
        const auto tinyId = QString::fromStdString(ModelRegistry(fixture.registryHome()).find("tiny")->id);
        QVERIFY(QTest::qWaitFor([&] { return modelsPage->state() == ModelsPage::State::Browsing; }, kWaitMs));
        modelsPage->selectModel(tinyId);
        QVERIFY(QTest::qWaitFor([&] { return modelsPage->detailsPane()->hasDetails(); }, kWaitMs));
        modelsPage->actions()->deleteModel()->trigger();
        QVERIFY(modelsPage->noticeBar()->isError());
        QVERIFY2(modelsPage->noticeBar()->text().contains(QStringLiteral("offered by the API server")),
                 qPrintable(modelsPage->noticeBar()->text()));
        QVERIFY(QApplication::activeModalWidget() == nullptr); // no delete dialog
        QVERIFY(ModelRegistry(fixture.registryHome()).find("tiny").has_value());
        window.showPage(QStringLiteral("server"));

        // Switched off while it runs: no longer offered, without a restart.
        auto *all = page->config()->findChild<QCheckBox *>();
        all->setChecked(false);
        auto *list = page->config()->findChild<QListWidget *>(QStringLiteral("serverModels"));
        list->item(0)->setCheckState(Qt::Unchecked);
        QVERIFY(server.deployed().isEmpty());
        QVERIFY(!call(base + QStringLiteral("/v1/models"), {}, made.key).body.contains("\"tiny\""));
        QCOMPARE(fixture.settings().server().deployAll, false); // saved as it changed

        page->startButton()->click();
        QVERIFY(waitForState(server, ServerController::State::Stopped));
        QVERIFY(!window.serverStatus()->isVisible());
        QCOMPARE(call(base + QStringLiteral("/v1/models"), {}, made.key).status, 0); // nothing listens
    }

    void anAlertTurnsTheStatusBarRed()
    {
        test::TrainingFixture data;
        WindowFixture fixture;
        registerTiny(fixture, data);
        {
            // The registered copy's weights are overwritten with noise of the same size (a
            // missing file the registry would restore): every request to it fails on the
            // server's side.
            ModelRegistry registry(fixture.registryHome());
            const auto weights = resolveModelReference(registry, "tiny").path + "/model.safetensors";
            QFile file(QString::fromStdString(weights));
            QVERIFY(file.open(QIODevice::ReadWrite));
            const QByteArray noise(int(file.size()), '\xff');
            QCOMPARE(file.write(noise), file.size());
        }
        ServerSettings settings;
        settings.port = 0;
        settings.alertErrorPercent = 10;
        fixture.settings().saveServer(settings);
        MainWindow window(fixture.services());
        QVERIFY(showServerPage(window));
        ServerPage *page = window.serverPage();
        auto &server = fixture.server();
        page->startButton()->click();
        QVERIFY(waitForState(server, ServerController::State::Running));
        QVERIFY(!window.serverStatus()->alerting());
        const auto failed = call(server.address() + QStringLiteral("/v1/completions"), R"({"model":"tiny","prompt":"hi"})");
        QCOMPARE(failed.status, 500);
        QVERIFY(failed.body.contains("model_load_failed"));
        QVERIFY(QTest::qWaitFor([&] { return window.serverStatus()->alerting(); }, kWaitMs));
        QVERIFY(window.serverStatus()->styleSheet().contains(QStringLiteral("#c62828")));
        QVERIFY(page->findChild<NoticeBar *>()->findChild<QLabel *>()->text().contains(QStringLiteral("Alert")));
        page->startButton()->click();
        QVERIFY(waitForState(server, ServerController::State::Stopped));
        QVERIFY(!window.serverStatus()->isVisible()); // stopped: the slot (and its alert) goes away
    }
};

QTEST_MAIN(TestServerPage)
#include "test_serverpage.moc"
