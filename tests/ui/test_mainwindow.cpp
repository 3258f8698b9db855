#include "languagesetup.h"
#include "mainwindow.h"
#include "pagescreenshots.h"

#include <QApplication>
#include <QDir>
#include <QImage>
#include <QLabel>
#include <QListWidget>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace llmos;

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sidebarSelectsEachPage();
    void homePageShowsTheMachineWithoutBlocking();
    void switchingLanguageTranslatesTheWindow();
    void screenshotsOfEveryPageAreWritten();
};

void TestMainWindow::sidebarSelectsEachPage()
{
    MainWindow window;
    window.show();
    auto *sidebar = window.findChild<QListWidget *>(QStringLiteral("sidebar"));
    auto *stack = window.findChild<QStackedWidget *>();
    QVERIFY(sidebar && stack);
    QCOMPARE(window.pageCount(), 7);
    QCOMPARE(window.pageId(0), QStringLiteral("home"));
    for (int row = window.pageCount() - 1; row >= 0; --row) {
        const QRect rect = sidebar->visualItemRect(sidebar->item(row));
        QTest::mouseClick(sidebar->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(stack->currentIndex(), row);
    }
}

void TestMainWindow::homePageShowsTheMachineWithoutBlocking()
{
    MainWindow window;
    window.show();
    QWidget *home = window.page(0);
    // The runtime facts arrive from a worker thread; the constructor returned at once.
    QTRY_VERIFY_WITH_TIMEOUT(!home->property("loading").toBool(), 60000);
    bool sawSpeed = false, sawThreads = false;
    for (auto *label : home->findChildren<QLabel *>()) {
        sawSpeed = sawSpeed || label->text().contains(QStringLiteral("GFLOP/s"));
        sawThreads = sawThreads || label->text().contains(QStringLiteral(" of "));
    }
    QVERIFY(sawSpeed);
    QVERIFY(sawThreads);
}

void TestMainWindow::switchingLanguageTranslatesTheWindow()
{
    LanguageSetup language(*QCoreApplication::instance());
    QVERIFY(language.apply(QStringLiteral("zh_CN")));
    {
        MainWindow window;
        QCOMPARE(window.windowTitle(), QStringLiteral("LLM OS 工作台"));
        auto *sidebar = window.findChild<QListWidget *>(QStringLiteral("sidebar"));
        QCOMPARE(sidebar->item(1)->text(), QStringLiteral("模型"));
    }
    QVERIFY(language.apply(QStringLiteral("en")));
    MainWindow window;
    QCOMPARE(window.windowTitle(), QStringLiteral("LLM OS Workbench"));
    QVERIFY(!language.apply(QStringLiteral("xx_YY")));
}

void TestMainWindow::screenshotsOfEveryPageAreWritten()
{
    QTemporaryDir dir;
    MainWindow window;
    PageScreenshots shots(window, dir.path());
    QSignalSpy finished(&shots, &PageScreenshots::finished);
    shots.start();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 90000);
    QCOMPARE(finished.at(0).at(0).toBool(), true);
    const QStringList files = QDir(dir.path()).entryList({QStringLiteral("*.png")}, QDir::Files, QDir::Name);
    QCOMPARE(files.size(), window.pageCount());
    QCOMPARE(files.first(), QStringLiteral("01-home.png"));
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
