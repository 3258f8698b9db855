#include "mainwindow.h"
#include "models/modeltablemodel.h"
#include "pages/modelspage.h"
#include "pagescreenshots.h"
#include "registryfixtures.h"
#include "widgets/resourceusageindicator.h"
#include "widgets/runningjobsindicator.h"
#include "windowfixture.h"

#include <QApplication>
#include <QDir>
#include <QDropEvent>
#include <QGroupBox>
#include <QImage>
#include <QLabel>
#include <QListWidget>
#include <QMimeData>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace llmos;

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void sidebarHoldsTheSevenPagesAndSelectsEach();
    void opensOnModelsAtDefaultSizeTheFirstTime();
    void restoresGeometryAndLastPage();
    void switchingLanguageRetranslatesTheOpenWindow();
    void droppedFoldersAreImported();
    void dropsOfNonLocalLinksAreRefused();
    void runningJobsSlotShowsWhatTheJobListSays();
    void statusBarShowsTheMachineWithoutBlocking();
    void settingsPageShowsTheMachineWithoutBlocking();
    void screenshotsOfEveryPageAreWritten();
};

namespace {

QListWidget *sidebarOf(MainWindow &window)
{
    return window.findChild<QListWidget *>(QStringLiteral("sidebar"));
}

// Text a person reads: labels, and the titles of groups.
bool anyLabelContains(QWidget *root, const QString &text)
{
    for (auto *label : root->findChildren<QLabel *>()) {
        if (label->text().contains(text))
            return true;
    }
    for (auto *group : root->findChildren<QGroupBox *>()) {
        if (group->title().contains(text))
            return true;
    }
    return false;
}

// What a file manager sends when folders or files are dropped.
void drop(MainWindow &window, const QList<QUrl> &urls)
{
    QMimeData mime;
    mime.setUrls(urls);
    const QPointF at(window.width() / 2.0, window.height() / 2.0);
    QDragEnterEvent enter(at.toPoint(), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &enter);
    QDropEvent dropEvent(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &dropEvent);
}

} // namespace

void TestMainWindow::initTestCase()
{
    WindowFixture::nameApplication("test_mainwindow");
}

void TestMainWindow::sidebarHoldsTheSevenPagesAndSelectsEach()
{
    WindowFixture fixture;
    MainWindow window(fixture.services());
    window.show();
    auto *sidebar = sidebarOf(window);
    auto *stack = window.findChild<QStackedWidget *>();
    QVERIFY(sidebar && stack);
    QStringList ids;
    for (int i = 0; i < window.pageCount(); ++i)
        ids << window.pageId(i);
    QCOMPARE(ids, QStringList({QStringLiteral("models"), QStringLiteral("finetune"), QStringLiteral("experiments"),
                               QStringLiteral("jobs"), QStringLiteral("apps"), QStringLiteral("server"),
                               QStringLiteral("settings")}));
    QCOMPARE(sidebar->item(0)->text(), QStringLiteral("Models"));
    QCOMPARE(sidebar->item(6)->text(), QStringLiteral("Settings"));
    for (int row = window.pageCount() - 1; row >= 0; --row) {
        const QRect rect = sidebar->visualItemRect(sidebar->item(row));
        QTest::mouseClick(sidebar->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(stack->currentIndex(), row);
        QCOMPARE(window.currentPageId(), ids.at(row));
    }
}

void TestMainWindow::opensOnModelsAtDefaultSizeTheFirstTime()
{
    WindowFixture fixture;
    MainWindow window(fixture.services());
    QCOMPARE(window.currentPageId(), QStringLiteral("models"));
    QCOMPARE(window.size(), QSize(1200, 760));
    // Small screens: every page fits a 900 x 640 window (less the sidebar and status bar).
    for (int i = 0; i < window.pageCount(); ++i) {
        const QSize page = window.page(i)->minimumSizeHint();
        QVERIFY2(page.width() <= 900 - 190 && page.height() <= 560,
                 qPrintable(QStringLiteral("%1: %2 x %3").arg(window.pageId(i)).arg(page.width()).arg(page.height())));
    }
    QVERIFY(window.minimumSizeHint().width() <= 900 && window.minimumSizeHint().height() <= 640);
}

void TestMainWindow::restoresGeometryAndLastPage()
{
    WindowFixture fixture;
    {
        MainWindow window(fixture.services());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.resize(900, 640);
        window.showPage(QStringLiteral("jobs"));
        window.close(); // closing saves, as when the person quits
    }
    MainWindow window(fixture.services());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.size(), QSize(900, 640));
    QCOMPARE(window.currentPageId(), QStringLiteral("jobs"));
    QCOMPARE(sidebarOf(window)->currentRow(), window.pageIndex(QStringLiteral("jobs")));
}

void TestMainWindow::switchingLanguageRetranslatesTheOpenWindow()
{
    WindowFixture fixture;
    MainWindow window(fixture.services());
    window.show();
    auto *sidebar = sidebarOf(window);
    QCOMPARE(sidebar->item(0)->text(), QStringLiteral("Models"));

    QVERIFY(fixture.language().apply(QStringLiteral("zh_CN")));
    // The translator change arrives as a posted LanguageChange event.
    QTRY_COMPARE(sidebar->item(0)->text(), QStringLiteral("模型"));
    QCOMPARE(window.windowTitle(), QStringLiteral("LLM OS 工作台"));
    QCOMPARE(sidebar->item(6)->text(), QStringLiteral("设置"));
    QCOMPARE(window.runningJobs()->text(), QStringLiteral("没有正在运行的任务"));
    QVERIFY(anyLabelContains(window.page(0), QStringLiteral("还没有模型")));  // Models page
    QVERIFY(anyLabelContains(window.page(3), QStringLiteral("任务")));        // a planned page
    QVERIFY(anyLabelContains(window.page(6), QStringLiteral("外观")));        // Settings

    QVERIFY(fixture.language().apply(QStringLiteral("en")));
    QTRY_COMPARE(sidebar->item(0)->text(), QStringLiteral("Models"));
    QCOMPARE(window.windowTitle(), QStringLiteral("LLM OS Workbench"));
    QVERIFY(anyLabelContains(window.page(0), QStringLiteral("No models yet")));
    QVERIFY(!fixture.language().apply(QStringLiteral("xx_YY")));
}

void TestMainWindow::droppedFoldersAreImported()
{
    WindowFixture fixture;
    QTemporaryDir sources;
    const QString folder = sources.filePath(QStringLiteral("dropped-llama"));
    test::writeTinyHfFolder(folder.toStdString());
    MainWindow window(fixture.services());
    window.show();
    window.showPage(QStringLiteral("settings"));
    QSignalSpy requested(&window, &MainWindow::importRequested);

    drop(window, {QUrl::fromLocalFile(folder)});

    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.at(0).at(0).toStringList(), QStringList({folder}));
    QCOMPARE(window.currentPageId(), QStringLiteral("models")); // the import is shown where models live
    auto *models = qobject_cast<ModelsPage *>(window.page(0));
    QVERIFY(models);
    // The browser imports it (with a progress dialog) and selects it.
    QTRY_COMPARE_WITH_TIMEOUT(models->tableModel()->rowCount(), 1, 20000);
    QCOMPARE(models->tableModel()->index(0, ModelTableModel::Name).data().toString(), QStringLiteral("dropped-llama"));
    QTRY_VERIFY_WITH_TIMEOUT(!models->selectedId().isEmpty(), 20000);
}

void TestMainWindow::dropsOfNonLocalLinksAreRefused()
{
    WindowFixture fixture;
    MainWindow window(fixture.services());
    window.show();
    QSignalSpy requested(&window, &MainWindow::importRequested);
    drop(window, {QUrl(QStringLiteral("https://huggingface.co/gpt2")), QUrl::fromLocalFile(QDir::tempPath())});
    QCOMPARE(requested.count(), 0);
}

void TestMainWindow::runningJobsSlotShowsWhatTheJobListSays()
{
    WindowFixture fixture;
    MainWindow window(fixture.services());
    window.show();
    RunningJobsIndicator *jobs = window.runningJobs();
    QCOMPARE(window.statusBar()->findChild<RunningJobsIndicator *>(), jobs);
    QCOMPARE(jobs->text(), QStringLiteral("No jobs running"));
    jobs->setRunningJobs({QStringLiteral("Import gpt2")});
    QCOMPARE(jobs->text(), QStringLiteral("Running: Import gpt2"));
    jobs->setRunningJobs({QStringLiteral("Import gpt2"), QStringLiteral("LoRA on alpaca"), QStringLiteral("Sweep")});
    QCOMPARE(jobs->text(), QStringLiteral("3 jobs running"));
    QVERIFY(jobs->toolTip().contains(QStringLiteral("LoRA on alpaca")));
    QTest::mouseClick(jobs, Qt::LeftButton);
    QCOMPARE(window.currentPageId(), QStringLiteral("jobs"));
    jobs->setRunningJobs({});
    QCOMPARE(jobs->text(), QStringLiteral("No jobs running"));
}

void TestMainWindow::statusBarShowsTheMachineWithoutBlocking()
{
    WindowFixture fixture;
    MainWindow window(fixture.services());
    window.show();
    ResourceUsageIndicator *usage = window.resourceUsage();
    // Real samples from this machine's /proc arrive from a worker thread.
    QTRY_VERIFY_WITH_TIMEOUT(usage->cpuText().contains(QLatin1Char('%')), 10000);
    QVERIFY(usage->memoryText().contains(QStringLiteral("llmos")));
    QVERIFY(usage->memoryText().contains(QStringLiteral("B"))); // a size, e.g. "412.3 MB"
}

void TestMainWindow::settingsPageShowsTheMachineWithoutBlocking()
{
    WindowFixture fixture;
    MainWindow window(fixture.services());
    window.show();
    QWidget *settings = window.page(window.pageIndex(QStringLiteral("settings")));
    // The runtime facts arrive from a worker thread; the constructor returned at once.
    QVERIFY(settings->property("loading").toBool());
    QTRY_VERIFY_WITH_TIMEOUT(!settings->property("loading").toBool(), 60000);
    QVERIFY(anyLabelContains(settings, QStringLiteral("GFLOP/s")));
    QVERIFY(anyLabelContains(settings, QStringLiteral(" of ")));
}

void TestMainWindow::screenshotsOfEveryPageAreWritten()
{
    WindowFixture fixture;
    QTemporaryDir dir;
    MainWindow window(fixture.services());
    PageScreenshots shots(window, dir.path());
    QSignalSpy finished(&shots, &PageScreenshots::finished);
    shots.start();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 90000);
    QCOMPARE(finished.at(0).at(0).toBool(), true);
    const QStringList files = QDir(dir.path()).entryList({QStringLiteral("*.png")}, QDir::Files, QDir::Name);
    // Every page, the Fine-tune page's other views (the model browser has none with no
    // models) and the chat playground, arena and semantic search on the Apps page.
    QCOMPARE(files.size(), window.pageCount() + 6);
    QVERIFY(files.contains(QStringLiteral("05-apps-search.png")));
    QVERIFY(files.contains(QStringLiteral("05-apps-chat.png")));
    QVERIFY(files.contains(QStringLiteral("05-apps-arena.png")));
    QVERIFY(files.contains(QStringLiteral("02-finetune-advanced.png")));
    QVERIFY(files.contains(QStringLiteral("02-finetune-trainable.png")));
    QVERIFY(files.contains(QStringLiteral("02-finetune-search.png")));
    QCOMPARE(files.first(), QStringLiteral("01-models.png"));
    QCOMPARE(files.last(), QStringLiteral("07-settings.png"));
    // A real picture, not a blank one: count the distinct colours.
    const QImage image(dir.filePath(files.first()));
    QVERIFY(image.width() >= 800);
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7)
        for (int x = 0; x < image.width(); x += 7)
            colours.insert(image.pixel(x, y));
    QVERIFY2(colours.size() > 10, "the screenshot looks blank");
}

QTEST_MAIN(TestMainWindow)
#include "test_mainwindow.moc"
