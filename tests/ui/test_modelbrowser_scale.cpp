// The model browser with 10,000 registered models: it must open in under a second and
// filter as the person types without a visible pause. Times are printed (QElapsedTimer),
// not asserted - machines differ - but the counts are checked. The models come from
// the registry tests' fixture: manifests sharing one model's files, then rebuild() in
// one transaction.

#include "models/modelactions.h"
#include "models/modelfilterbar.h"
#include "models/modellibrary.h"
#include "models/modeltablemodel.h"
#include "pages/modelspage.h"
#include "registry/modelregistry.h"
#include "registryfixtures.h"
#include "windowfixture.h"

#include <QAction>
#include <QComboBox>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QLineEdit>
#include <QListView>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace llmos;

namespace {
constexpr int kGenerated = 10'000;
constexpr int kModels = kGenerated + 1; // and the template they share files with
constexpr int kWaitMs = 60000;
} // namespace

class TestModelBrowserScale : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void opensAndFiltersTenThousandModels();

private:
    QTemporaryDir m_dir;
    std::string m_home;
};

void TestModelBrowserScale::initTestCase()
{
    WindowFixture::nameApplication("test_modelbrowser_scale");
    m_home = m_dir.filePath(QStringLiteral("home")).toStdString();
    const std::string tiny = m_dir.filePath(QStringLiteral("tiny")).toStdString();
    test::writeTinyHfFolder(tiny);
    std::string templateId;
    {
        ModelRegistry registry(m_home);
        ImportOptions options;
        options.name = "template";
        templateId = registry.importModel(tiny, options).id;
    }
    QElapsedTimer timer;
    timer.start();
    test::writeManyManifests(m_home, templateId, kGenerated);
    const RebuildReport report = ModelRegistry::rebuild(m_home);
    QCOMPARE(report.modelsRestored, std::size_t(kModels));
    std::printf("[browser scale] registered %d models in %lld ms (manifests + one rebuild transaction)\n", kModels,
                static_cast<long long>(timer.elapsed()));
}

void TestModelBrowserScale::opensAndFiltersTenThousandModels()
{
    WindowFixture fixture; // settings and language; the library below uses the big registry
    QElapsedTimer timer;
    timer.start();
    ModelLibrary library(m_home);
    ModelsPage page(library);
    page.resize(1200, 760);
    page.show();
    const qint64 constructed = timer.elapsed();
    QVERIFY(QTest::qWaitFor([&] { return page.tableModel()->rowCount() == kModels; }, kWaitMs));
    const qint64 filled = timer.elapsed();
    (void)page.grab(); // the first paint of the filled table
    const qint64 painted = timer.elapsed();
    QVERIFY(QTest::qWaitFor([&] { return !page.property("loading").toBool(); }, kWaitMs));
    std::printf(
        "[browser scale] open with %d models: page built in %lld ms, table filled at %lld ms, painted at %lld ms\n",
        kModels, static_cast<long long>(constructed), static_cast<long long>(filled), static_cast<long long>(painted));

    // Typing: every key returns at once (the query waits for a pause, then runs on the
    // worker), and the table narrows shortly after the last key.
    auto *search = page.findChild<QLineEdit *>(QStringLiteral("modelSearch"));
    const QString typed = QStringLiteral("model-0999");
    qint64 slowestKey = 0;
    QElapsedTimer key;
    for (const QChar c : typed) {
        key.start();
        QTest::keyClick(search, c.toLatin1());
        slowestKey = std::max(slowestKey, key.elapsed());
    }
    timer.restart();
    QVERIFY(QTest::qWaitFor([&] { return page.tableModel()->rowCount() == 10; }, kWaitMs)); // model-09990..09999
    const qint64 narrowed = timer.elapsed();
    std::printf("[browser scale] typing \"%s\": slowest key handled in %lld ms; 10 rows shown %lld ms after the last "
                "key (of which %d ms is the typing pause)\n",
                qPrintable(typed), static_cast<long long>(slowestKey), static_cast<long long>(narrowed),
                ModelFilterBar::kTypingPauseMs);

    // Back to everything: the widest answer the worker gives.
    timer.restart();
    search->clear();
    QVERIFY(QTest::qWaitFor([&] { return page.tableModel()->rowCount() == kModels; }, kWaitMs));
    std::printf("[browser scale] clearing the search: %d rows back in %lld ms\n", kModels,
                static_cast<long long>(timer.elapsed()));

    auto *family = page.findChild<QComboBox *>(QStringLiteral("familyFilter"));
    QVERIFY(QTest::qWaitFor([&] { return family->findData(QStringLiteral("gpt2")) > 0; }, kWaitMs));
    timer.restart();
    family->setCurrentIndex(family->findData(QStringLiteral("gpt2")));
    QVERIFY(QTest::qWaitFor([&] { return page.tableModel()->rowCount() == kGenerated / 4; }, kWaitMs));
    std::printf("[browser scale] family gpt2: %d rows in %lld ms\n", kGenerated / 4,
                static_cast<long long>(timer.elapsed()));
    family->setCurrentIndex(0);
    QVERIFY(QTest::qWaitFor([&] { return page.tableModel()->rowCount() == kModels; }, kWaitMs));

    // Sorting happens in memory, on a click: time it as the click handler runs.
    QHeaderView *header = page.table()->horizontalHeader();
    const int sizeX =
        header->sectionViewportPosition(ModelTableModel::Size) + header->sectionSize(ModelTableModel::Size) / 2;
    timer.restart();
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(sizeX, header->height() / 2));
    const qint64 sorted = timer.elapsed();
    QCOMPARE(page.tableModel()->record(0)->sizeBytes, std::uint64_t(kGenerated - 1) * 1000); // largest first
    timer.restart();
    page.table()->sortByColumn(ModelTableModel::Name, Qt::AscendingOrder);
    const qint64 sortedByName = timer.elapsed();
    std::printf("[browser scale] sort %d rows in memory: by size %lld ms, by name %lld ms\n", kModels,
                static_cast<long long>(sorted), static_cast<long long>(sortedByName));

    // The card view lays out 10,000 cards of one size without measuring each.
    timer.restart();
    page.actions()->showCards()->trigger();
    (void)page.grab();
    std::printf("[browser scale] switch to %d cards and paint: %lld ms\n", kModels,
                static_cast<long long>(timer.elapsed()));
    QVERIFY(page.cards()->isVisible());
}

QTEST_MAIN(TestModelBrowserScale)
#include "test_modelbrowser_scale.moc"
