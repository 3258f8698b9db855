#include "mainwindow.h"
#include "pages/settingspage.h"
#include "windowfixture.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStyle>
#include <QTest>
#include <QThread>

using namespace llmos;

class TestSettings : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void storeRoundTrips();
    void storeTurnsBadValuesIntoDefaults();
    void choicesAreSavedAndShownAgain();
    void languageChoiceRetranslatesTheWindowAtOnce();
    void themeChoiceChangesThePalette();
    void dataFolderChangeSaysItNeedsARestart();
    void relativeDataFolderIsRefused();
    void environmentOverrideIsExplained();
};

namespace {

template <typename T>
T *child(QWidget *root, const char *name)
{
    return root->findChild<T *>(QString::fromLatin1(name));
}

// Chooses an item the way a person does with the keyboard, so `activated` fires.
void chooseItem(QComboBox *combo, const QString &data)
{
    const int target = combo->findData(data);
    QVERIFY2(target >= 0, qPrintable(data));
    combo->setFocus();
    while (combo->currentIndex() < target)
        QTest::keyClick(combo, Qt::Key_Down);
    while (combo->currentIndex() > target)
        QTest::keyClick(combo, Qt::Key_Up);
}

void enterText(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return); // editingFinished
}

// Unsets LLMOS_HOME for a scope (ctest sets it for every GUI test).
class WithoutLlmosHome {
public:
    WithoutLlmosHome()
        : m_saved(qgetenv("LLMOS_HOME"))
    {
        qunsetenv("LLMOS_HOME");
    }
    ~WithoutLlmosHome() { qputenv("LLMOS_HOME", m_saved); }

private:
    QByteArray m_saved;
};

} // namespace

void TestSettings::initTestCase()
{
    WindowFixture::nameApplication("test_settings");
}

void TestSettings::storeRoundTrips()
{
    WindowFixture fixture;
    WorkbenchSettings chosen;
    chosen.dataFolder = QStringLiteral("/srv/models/llmos");
    chosen.threads = 1;
    chosen.device = ComputeDevice::Cuda;
    chosen.language = QStringLiteral("zh_CN");
    chosen.theme = ColorTheme::Dark;
    fixture.settings().save(chosen);
    QCOMPARE(SettingsStore().load(), chosen); // a second store reads the same file

    fixture.settings().saveWindowState(QByteArray("geometry"), QStringLiteral("jobs"));
    QCOMPARE(SettingsStore().windowGeometry(), QByteArray("geometry"));
    QCOMPARE(SettingsStore().lastPage(), QStringLiteral("jobs"));
}

void TestSettings::storeTurnsBadValuesIntoDefaults()
{
    WindowFixture fixture;
    {
        QSettings raw; // as a hand-edited or future file might hold them
        raw.setValue(QString::fromLatin1(SettingsStore::kThreadsKey), 100000);
        raw.setValue(QString::fromLatin1(SettingsStore::kDeviceKey), QStringLiteral("tpu"));
        raw.setValue(QString::fromLatin1(SettingsStore::kThemeKey), QStringLiteral("neon"));
    }
    const WorkbenchSettings loaded = fixture.settings().load();
    QCOMPARE(loaded.threads, QThread::idealThreadCount());
    QCOMPARE(loaded.device, ComputeDevice::Auto);
    QCOMPARE(loaded.theme, ColorTheme::System);
    QVERIFY(loaded.dataFolder.isEmpty());
}

void TestSettings::choicesAreSavedAndShownAgain()
{
    if (QThread::idealThreadCount() < 2)
        QSKIP("needs two cores to choose fewer threads than all of them");
    WindowFixture fixture;
    {
        SettingsPage page(fixture.services());
        page.show();
        child<QSpinBox>(&page, "threads")->setValue(1);
        // The device list waits for the engine to say whether CUDA is there.
        auto *device = child<QComboBox>(&page, "device");
        QTRY_VERIFY_WITH_TIMEOUT(device->isEnabled(), 60000);
        chooseItem(device, QStringLiteral("cpu"));
        chooseItem(child<QComboBox>(&page, "theme"), QStringLiteral("dark"));
        enterText(child<QLineEdit>(&page, "dataFolder"), QStringLiteral("/srv/llmos-data/"));
    }
    const WorkbenchSettings saved = fixture.settings().load();
    QCOMPARE(saved.threads, 1);
    QCOMPARE(saved.device, ComputeDevice::Cpu);
    QCOMPARE(saved.theme, ColorTheme::Dark);
    QCOMPARE(saved.dataFolder, QStringLiteral("/srv/llmos-data"));

    fixture.theme().apply(ColorTheme::Dark); // what the launcher does with the saved theme
    SettingsPage again(fixture.services());
    QCOMPARE(child<QSpinBox>(&again, "threads")->value(), 1);
    QCOMPARE(child<QComboBox>(&again, "theme")->currentData().toString(), QStringLiteral("dark"));
    QCOMPARE(child<QLineEdit>(&again, "dataFolder")->text(), QStringLiteral("/srv/llmos-data"));
    auto *device = child<QComboBox>(&again, "device");
    QTRY_VERIFY_WITH_TIMEOUT(device->isEnabled(), 60000);
    QCOMPARE(device->currentData().toString(), QStringLiteral("cpu"));
}

void TestSettings::languageChoiceRetranslatesTheWindowAtOnce()
{
    WindowFixture fixture;
    MainWindow window(fixture.services());
    window.show();
    window.showPage(QStringLiteral("settings"));
    auto *sidebar = child<QListWidget>(&window, "sidebar");
    auto *language = child<QComboBox>(&window, "language");
    QCOMPARE(language->currentData().toString(), QStringLiteral("en"));

    chooseItem(language, QStringLiteral("zh_CN"));
    QTRY_COMPARE(sidebar->item(0)->text(), QStringLiteral("模型"));
    QCOMPARE(sidebar->item(6)->text(), QStringLiteral("设置"));
    QCOMPARE(fixture.settings().load().language, QStringLiteral("zh_CN"));
    // The page itself follows, and still shows the chosen language.
    QTRY_COMPARE(child<QComboBox>(&window, "theme")->itemText(2), QStringLiteral("深色"));
    QCOMPARE(language->currentData().toString(), QStringLiteral("zh_CN"));

    chooseItem(language, QStringLiteral("en"));
    QTRY_COMPARE(sidebar->item(0)->text(), QStringLiteral("Models"));
    QCOMPARE(fixture.settings().load().language, QStringLiteral("en"));
}

void TestSettings::themeChoiceChangesThePalette()
{
    WindowFixture fixture;
    const QColor systemWindow = QApplication::palette().color(QPalette::Window);
    SettingsPage page(fixture.services());
    page.show();
    auto *theme = child<QComboBox>(&page, "theme");

    chooseItem(theme, QStringLiteral("dark"));
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 80);
    QVERIFY(QApplication::palette().color(QPalette::WindowText).lightness() > 180);
    QCOMPARE(QApplication::style()->name(), QStringLiteral("fusion"));
    QTRY_COMPARE(page.palette().color(QPalette::Window), QApplication::palette().color(QPalette::Window));
    QCOMPARE(fixture.settings().load().theme, ColorTheme::Dark);

    chooseItem(theme, QStringLiteral("light"));
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 200);
    QVERIFY(QApplication::palette().color(QPalette::WindowText).lightness() < 80);

    chooseItem(theme, QStringLiteral("system"));
    QCOMPARE(QApplication::palette().color(QPalette::Window), systemWindow);
    QCOMPARE(fixture.settings().load().theme, ColorTheme::System);
}

void TestSettings::dataFolderChangeSaysItNeedsARestart()
{
    WithoutLlmosHome noEnvironment;
    WindowFixture fixture;
    SettingsPage page(fixture.services());
    page.show();
    auto *note = child<QLabel>(&page, "dataFolderNote");
    QVERIFY(note->text().contains(QStringLiteral("after the workbench restarts")));
    QVERIFY(!note->text().contains(QStringLiteral("stays in use")));

    enterText(child<QLineEdit>(&page, "dataFolder"), QStringLiteral("/srv/elsewhere"));
    QCOMPARE(fixture.settings().load().dataFolder, QStringLiteral("/srv/elsewhere"));
    QVERIFY2(note->text().contains(QStringLiteral("stays in use")), qPrintable(note->text()));

    QTest::mouseClick(child<QPushButton>(&page, "useDefaultFolder"), Qt::LeftButton);
    QVERIFY(fixture.settings().load().dataFolder.isEmpty());
    QVERIFY(child<QLineEdit>(&page, "dataFolder")->text().isEmpty());
    QVERIFY(!note->text().contains(QStringLiteral("stays in use")));
}

void TestSettings::relativeDataFolderIsRefused()
{
    WithoutLlmosHome noEnvironment;
    WindowFixture fixture;
    SettingsPage page(fixture.services());
    enterText(child<QLineEdit>(&page, "dataFolder"), QStringLiteral("models"));
    QVERIFY(child<QLabel>(&page, "dataFolderNote")->text().contains(QStringLiteral("full path")));
    QVERIFY(fixture.settings().load().dataFolder.isEmpty());
}

void TestSettings::environmentOverrideIsExplained()
{
    const QByteArray saved = qgetenv("LLMOS_HOME");
    qputenv("LLMOS_HOME", "/tmp/llmos-from-the-environment");
    WindowFixture fixture;
    SettingsPage page(fixture.services());
    const QString note = child<QLabel>(&page, "dataFolderNote")->text();
    qputenv("LLMOS_HOME", saved);
    QVERIFY2(note.contains(QStringLiteral("LLMOS_HOME (/tmp/llmos-from-the-environment)")), qPrintable(note));
}

QTEST_MAIN(TestSettings)
#include "test_settings.moc"
