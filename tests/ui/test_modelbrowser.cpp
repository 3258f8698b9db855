// The model browser driven through its real widgets under the offscreen platform:
// import with a progress dialog, the table and the cards, filters, details (card,
// files with hashes), tags edited in place, lineage clicked through, export and delete
// with their dialogs. Every model is written by the test itself (registryfixtures).

#include "models/comparereportsdialog.h"
#include "models/deletemodeldialog.h"
#include "models/demoregistry.h"
#include "models/exportmodeldialog.h"
#include "models/lineageview.h"
#include "models/modelactions.h"
#include "models/modelcardbrowser.h"
#include "models/modeldetailspane.h"
#include "models/evaluatedialog.h"
#include "models/quantizedialog.h"
#include "services/modelquantization.h"
#include "models/modelevaluations.h"
#include "models/modelfilelist.h"
#include "models/modelfilterbar.h"
#include "models/modeltensorlist.h"
#include "models/modellibrary.h"
#include "models/modeltablemodel.h"
#include "models/modeltask.h"
#include "models/modeltaskwork.h"
#include "models/modeltext.h"
#include "models/tageditor.h"
#include "pages/modelspage.h"
#include "registry/modelregistry.h"
#include "architectures/ggufexport.h"
#include "formats/gguf/gguffile.h"
#include "registryfixtures.h"
#include "tinymodel.h"
#include "tasks/progressdialog.h"
#include "tasks/taskcancelled.h"
#include "widgets/noticebar.h"
#include "windowfixture.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QGraphicsSimpleTextItem>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTableWidget>
#include <QTest>
#include <QMessageBox>
#include <QProgressBar>
#include <QToolButton>
#include <QTreeWidget>

#include <filesystem>
#include <fstream>

using namespace llmos;

namespace {

constexpr int kWaitMs = 20000; // generous: a loaded machine may be slow, a pass is fast

// A tiny model folder named `name` in `dir` (llama unless `family` says gpt2).
QString tinyModel(const QTemporaryDir &dir, const QString &name, const std::string &family = "llama")
{
    const QString folder = dir.filePath(name);
    test::TinyModelOptions options;
    options.family = family;
    test::writeTinyHfFolder(folder.toStdString(), options);
    return folder;
}

// The registry the page shows, opened on the test's thread for setting up and checking.
ModelRegistry registryOf(WindowFixture &fixture)
{
    return ModelRegistry(fixture.registryHome());
}

// Writes a tiny model named `name` and registers it, before or behind the page's back.
ModelRecord registerTiny(WindowFixture &fixture, const QTemporaryDir &sources, const QString &name,
                         const std::string &family = "llama", ModelOrigin origin = ModelOrigin::Imported)
{
    ImportOptions options;
    options.origin = origin;
    return registryOf(fixture).importModel(tinyModel(sources, name, family).toStdString(), options);
}

class Browser {
public:
    explicit Browser(WindowFixture &fixture)
        : page(fixture.models())
    {
        page.resize(1200, 720);
        page.show();
    }
    bool waitForRows(int rows)
    {
        return QTest::qWaitFor([&] { return !page.isLoading() && page.tableModel()->rowCount() == rows; }, kWaitMs);
    }
    bool waitForDetailsOf(const QString &name)
    {
        return QTest::qWaitFor(
            [&] {
                return page.detailsPane()->hasDetails() &&
                       QString::fromStdString(page.detailsPane()->details().model.name) == name;
            },
            kWaitMs);
    }
    // Loaded with `rows` models, `selected` chosen and its details shown.
    bool ready(int rows, const QString &selected) { return waitForRows(rows) && waitForDetailsOf(selected); }
    int rowOfName(const QString &name) const
    {
        for (int row = 0; row < page.tableModel()->rowCount(); ++row)
            if (page.tableModel()->index(row, ModelTableModel::Name).data().toString() == name)
                return row;
        return -1;
    }
    QString cell(int row, int column) const { return page.tableModel()->index(row, column).data().toString(); }
    QLineEdit *search() const { return page.findChild<QLineEdit *>(QStringLiteral("modelSearch")); }
    QComboBox *combo(const char *name) const { return page.findChild<QComboBox *>(QString::fromLatin1(name)); }
    void clickRow(int row)
    {
        QTableView *table = page.table();
        const QRect rect = table->visualRect(page.tableModel()->index(row, ModelTableModel::Name));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, rect.center());
    }

    ModelsPage page;
};

template <typename Dialog> Dialog *waitForDialog(QWidget &parent)
{
    Dialog *found = nullptr;
    const bool shown = QTest::qWaitFor(
        [&] {
            found = parent.findChild<Dialog *>();
            return found && found->isVisible();
        },
        kWaitMs);
    return shown ? found : nullptr;
}

bool isSha256(const QString &text)
{
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    return hex.match(text).hasMatch();
}

} // namespace

class TestModelBrowser : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void emptyRegistryShowsTheNewcomerState();
    void fitsASmallWindow();
    void importShowsProgressThenTheModel();
    void filtersByTextFamilyOriginAndSize();
    void detailsShowCardConfigurationAndFilesWithHashes();
    void evaluateFromTheWindowKeepsTheReport();
    void compareReportsOnTheSameData();
    void quantizeFromTheWindowRegistersTheSmallerModel();
    void detailsListTheTensors();
    void checkFilesFindsAChangedInPlaceFile();
    void inPlaceModelsAreCheckedWhenShown();
    void damagedRegistryIsRebuiltFromTheWindow();
    void lostDatabaseIsRebuiltOnOpenAndSaidSo();
    void tagsAreAddedAndRemovedInPlace();
    void clickingALineageNodeSelectsThatModel();
    void deleteConfirmsAndListsWhatItWouldOrphan();
    void cardViewSharesTheRowsAndTheSelection();
    void headerClickSortsInMemory();
    void exportWritesAHuggingFaceFolder();
    void exportWritesAQuantizedGgufFile();
    void exportTurnsAGgufModelIntoAHuggingFaceFolder();
    void cancelInTheProgressDialogLeavesNothingBehind();
    void staleListAnswersAreDropped();
    void cancelInsideTheEngineEndsAsCancelled();
    void taskIsDerivedFromTheArchitecture_data();
    void taskIsDerivedFromTheArchitecture();
    void humanNumbers_data();
    void humanNumbers();
    void cardsLoadNoImagesAndDropFrontMatter();
    void demoRegistryHasModelsAndLineage();
    void emptyStateBuildsTheDemoWhileTheWindowStaysUsable();
    void cancellingTheDemoLeavesTheRegistryEmpty();
};

namespace {

// With LLMOS_TEST_LOOKS=DIR set, saves a picture of `widget` there, to look at by eye.
void saveLook(QWidget &widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("LLMOS_TEST_LOOKS");
    if (!dir.isEmpty())
        widget.grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
}

// A tiny demo: two fortune files of our own, a model of one small layer, a few steps.
QString shrinkDemo(ModelLibrary &library, const QTemporaryDir &fortunes, std::int64_t steps)
{
    for (const char *topic : {"computers", "love"}) {
        QFile file(fortunes.filePath(QString::fromLatin1(topic)));
        if (!file.open(QIODevice::WriteOnly))
            return file.errorString();
        for (int i = 0; i < 10; ++i)
            file.write(QStringLiteral("A saying about %1, number %2.\n%\n").arg(QLatin1String(topic)).arg(i).toUtf8());
    }
    auto &options = library.demoOptions();
    options.fortunesFolder = fortunes.path().toStdString();
    options.topics = {"computers", "love"};
    options.threads = 1;
    options.size = {.vocabSize = 300, .hiddenSize = 32, .layers = 1, .heads = 2, .contextLength = 32,
                    .languageModelSteps = steps, .languageModelBatch = 4, .classifierEpochs = 1,
                    .classifierBatch = 4, .examplesPerTopic = 10, .maxSayingBytes = 400};
    return {};
}

} // namespace

void TestModelBrowser::initTestCase()
{
    WindowFixture::nameApplication("test_modelbrowser");
}

void TestModelBrowser::emptyRegistryShowsTheNewcomerState()
{
    WindowFixture fixture;
    Browser browser(fixture);
    QVERIFY(browser.page.isLoading()); // the constructor returned before the registry answered
    QVERIFY(QTest::qWaitFor([&] { return browser.page.state() == ModelsPage::State::Empty; }, kWaitMs));
    auto *title = browser.page.findChild<QLabel *>(QStringLiteral("emptyTitle"));
    QVERIFY(title && title->isVisible());
    QCOMPARE(title->text(), QStringLiteral("No models yet"));
    auto *import = browser.page.findChild<QPushButton *>(QStringLiteral("importButton"));
    QVERIFY(import && import->isVisible() && import->menu());
    QCOMPARE(import->menu()->actions().size(), 2); // a folder, a file
    QVERIFY(!browser.page.table()->isVisible());
}

void TestModelBrowser::fitsASmallWindow()
{
    // The window may be made 900 pixels wide (190 of them the sidebar): the page must
    // not hold it wider.
    WindowFixture fixture;
    QTemporaryDir sources;
    registerTiny(fixture, sources, QStringLiteral("tiny"));
    Browser browser(fixture);
    QVERIFY(browser.ready(1, QStringLiteral("tiny")));
    const int minimum = browser.page.minimumSizeHint().width();
    QVERIFY2(
        minimum <= 680,
        qPrintable(
            QStringLiteral("page %1, filters %2, details %3, toolbar %4")
                .arg(minimum)
                .arg(browser.page.filterBar()->minimumSizeHint().width())
                .arg(browser.page.detailsPane()->minimumSizeHint().width())
                .arg(browser.page.findChild<QWidget *>(QStringLiteral("modelsToolBar"))->minimumSizeHint().width())));
}

void TestModelBrowser::importShowsProgressThenTheModel()
{
    WindowFixture fixture;
    QTemporaryDir sources;
    const QString folder = tinyModel(sources, QStringLiteral("tiny-llama"));
    Browser browser(fixture);
    QVERIFY(QTest::qWaitFor([&] { return browser.page.state() == ModelsPage::State::Empty; }, kWaitMs));

    browser.page.importPaths({folder});
    // The import runs on a worker, shown in the progress dialog, which closes itself.
    auto *progress = browser.page.findChild<ProgressDialog *>();
    QVERIFY(progress);
    QVERIFY(browser.waitForRows(1));
    QCOMPARE(browser.page.state(), ModelsPage::State::Browsing);
    QCOMPARE(browser.cell(0, ModelTableModel::Name), QStringLiteral("tiny-llama"));
    QCOMPARE(browser.cell(0, ModelTableModel::Family), QStringLiteral("llama"));
    QCOMPARE(browser.cell(0, ModelTableModel::Architecture), QStringLiteral("LlamaForCausalLM"));
    QCOMPARE(browser.cell(0, ModelTableModel::Origin), QStringLiteral("imported"));
    QCOMPARE(browser.cell(0, ModelTableModel::Context), QStringLiteral("128"));
    QVERIFY(QRegularExpression(QStringLiteral("^\\d+(\\.\\d)? (B|KiB)$"))
                .match(browser.cell(0, ModelTableModel::Size))
                .hasMatch());
    QVERIFY(browser.page.table()->isVisible());
    // The imported model is selected and its details shown.
    QVERIFY(browser.waitForDetailsOf(QStringLiteral("tiny-llama")));
    QCOMPARE(browser.page.selectedId(), QString::fromStdString(registryOf(fixture).get("tiny-llama").id));
    QTRY_VERIFY_WITH_TIMEOUT(browser.page.findChild<ProgressDialog *>() == nullptr, kWaitMs);

    // A refused import keeps its dialog open with the reason, and registers nothing.
    browser.page.importPaths({sources.filePath(QStringLiteral("no-such-folder"))});
    auto *failed = browser.page.findChild<ProgressDialog *>();
    QVERIFY(failed);
    auto *error = failed->findChild<QLabel *>(QStringLiteral("taskError"));
    QVERIFY(QTest::qWaitFor([&] { return error->isVisible(); }, kWaitMs));
    QVERIFY(error->text().contains(QStringLiteral("no-such-folder")));
    failed->reject(); // Close
    QTRY_VERIFY_WITH_TIMEOUT(browser.page.findChild<ProgressDialog *>() == nullptr, kWaitMs);
    QCOMPARE(registryOf(fixture).count(), std::size_t(1));
}

void TestModelBrowser::filtersByTextFamilyOriginAndSize()
{
    WindowFixture fixture;
    QTemporaryDir sources;
    registerTiny(fixture, sources, QStringLiteral("alpha-llama"));
    registerTiny(fixture, sources, QStringLiteral("beta-gpt2"), "gpt2");
    registerTiny(fixture, sources, QStringLiteral("gamma-llama"), "llama", ModelOrigin::FineTuned);
    Browser browser(fixture);
    QVERIFY(browser.waitForRows(3));
    auto *count = browser.page.findChild<QLabel *>(QStringLiteral("modelCount"));
    QCOMPARE(count->text(), QStringLiteral("3 models"));

    // Typing filters after a short pause, on the worker.
    QTest::keyClicks(browser.search(), QStringLiteral("BETA"));
    QVERIFY(browser.waitForRows(1));
    QCOMPARE(browser.cell(0, ModelTableModel::Name), QStringLiteral("beta-gpt2"));
    QCOMPARE(count->text(), QStringLiteral("1 of 3 models"));
    browser.search()->clear();
    QVERIFY(browser.waitForRows(3));

    // The family list comes from the registry.
    QComboBox *family = browser.combo("familyFilter");
    QTRY_VERIFY_WITH_TIMEOUT(family->findData(QStringLiteral("gpt2")) > 0, kWaitMs);
    QVERIFY(family->findData(QStringLiteral("llama")) > 0);
    family->setCurrentIndex(family->findData(QStringLiteral("llama")));
    QVERIFY(browser.waitForRows(2));
    QVERIFY(browser.rowOfName(QStringLiteral("beta-gpt2")) < 0);

    QComboBox *origin = browser.combo("originFilter");
    origin->setCurrentIndex(origin->findData(static_cast<int>(ModelOrigin::FineTuned)));
    QVERIFY(browser.waitForRows(1));
    QCOMPARE(browser.cell(0, ModelTableModel::Name), QStringLiteral("gamma-llama"));

    // Filters that leave nothing say so, and Clear filters brings everything back.
    QComboBox *size = browser.combo("sizeFilter");
    size->setCurrentIndex(size->count() - 1); // over 10 GiB
    QVERIFY(QTest::qWaitFor([&] { return browser.page.state() == ModelsPage::State::NoMatch; }, kWaitMs));
    auto *noMatch = browser.page.findChild<QLabel *>(QStringLiteral("noMatchText"));
    QVERIFY(noMatch->isVisible());
    QCOMPARE(noMatch->text(), QStringLiteral("No model matches these filters"));
    QVERIFY(!browser.page.detailsPane()->hasDetails());
    QTest::mouseClick(browser.page.findChild<QPushButton *>(QStringLiteral("clearFilters")), Qt::LeftButton);
    QVERIFY(browser.waitForRows(3));
    QCOMPARE(browser.page.state(), ModelsPage::State::Browsing);
    QCOMPARE(family->currentIndex(), 0);
    QCOMPARE(browser.search()->text(), QString());

    // The task filter: all three are causal language models.
    QComboBox *task = browser.combo("taskFilter");
    task->setCurrentIndex(task->findData(static_cast<int>(ModelTask::Embeddings)));
    QVERIFY(QTest::qWaitFor([&] { return browser.page.state() == ModelsPage::State::NoMatch; }, kWaitMs));
    task->setCurrentIndex(task->findData(static_cast<int>(ModelTask::TextGeneration)));
    QVERIFY(browser.waitForRows(3));
}

void TestModelBrowser::detailsShowCardConfigurationAndFilesWithHashes()
{
    WindowFixture fixture;
    QTemporaryDir sources;
    const ModelRecord model = registerTiny(fixture, sources, QStringLiteral("tiny"));
    // An evaluation kept with the model (as `llmos eval` keeps one).
    EvaluationReport report;
    report.id = "ev-aaaaaaaaaaaa";
    report.modelId = model.id;
    report.modelName = model.name;
    report.dataset = "notes.txt";
    report.examples = 12;
    report.metrics = {{"perplexity", 41.5}, {"loss", 3.7257}, {"tokens", 300}};
    report.createdMs = 1700000000000;
    EvaluationStore(fixture.registryHome() + "/evaluations").save(report);
    Browser browser(fixture);
    QVERIFY(browser.ready(1, QStringLiteral("tiny")));
    ModelDetailsPane *details = browser.page.detailsPane();
    QCOMPARE(details->tabs()->tabText(ModelDetailsPane::EvaluationsTab), QStringLiteral("Evaluations"));
    QCOMPARE(details->evaluations()->rowCount(), 1);
    const auto *evaluations = details->evaluations()->findChild<QTableWidget *>(QStringLiteral("modelEvaluations"));
    QCOMPARE(evaluations->item(0, 2)->text(), QStringLiteral("notes.txt"));
    QCOMPARE(evaluations->item(0, 4)->text(), QStringLiteral("loss 3.7257 \u00b7 perplexity 41.50"));

    // The card, rendered from Markdown without its YAML front matter.
    const QString card = details->cardBrowser()->toPlainText();
    QVERIFY2(card.contains(QStringLiteral("A model for tests")), qPrintable(card));
    QVERIFY(!card.contains(QStringLiteral("license:")));
    QVERIFY(details->findChild<QLabel *>(QStringLiteral("detailsSummary"))
                ->text()
                .contains(QStringLiteral("LlamaForCausalLM")));

    // Configuration: the id and license as the registry has them.
    details->tabs()->setCurrentIndex(ModelDetailsPane::ConfigurationTab);
    QCOMPARE(details->findChild<QLabel *>(QStringLiteral("detailsId"))->text(), QString::fromStdString(model.id));
    bool licenseShown = false;
    for (auto *label : details->findChildren<QLabel *>())
        licenseShown |= label->text() == QStringLiteral("apache-2.0");
    QVERIFY(licenseShown);

    // Files with sizes and SHA-256 in a fixed-width font, copyable.
    details->tabs()->setCurrentIndex(ModelDetailsPane::FilesTab);
    ModelFileList *files = details->fileList();
    QCOMPARE(files->topLevelItemCount(), int(model.files.size()));
    for (int i = 0; i < files->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = files->topLevelItem(i);
        QCOMPARE(item->text(ModelFileList::File), QString::fromStdString(model.files[std::size_t(i)].path));
        QCOMPARE(item->text(ModelFileList::Sha256), QString::fromStdString(model.files[std::size_t(i)].sha256));
        QVERIFY(isSha256(item->text(ModelFileList::Sha256)));
        QVERIFY(item->font(ModelFileList::Sha256).fixedPitch() ||
                QFontInfo(item->font(ModelFileList::Sha256)).fixedPitch());
    }
    files->topLevelItem(0)->setSelected(true);
    files->setFocus();
    QTest::keySequence(files, QKeySequence::Copy);
    const ModelFile &first = model.files.front();
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("%1  %2  %3")
                                                    .arg(QString::fromStdString(first.sha256))
                                                    .arg(first.size)
                                                    .arg(QString::fromStdString(first.path)));

    // No lineage: said in words, no empty graph.
    details->tabs()->setCurrentIndex(ModelDetailsPane::LineageTab);
    QVERIFY(!details->lineageView()->isVisible());
}

void TestModelBrowser::detailsListTheTensors()
{
    WindowFixture fixture;
    QTemporaryDir sources;
    test::TinyModelOptions options;
    options.sharded = true;
    const QString folder = sources.filePath(QStringLiteral("sharded"));
    test::writeTinyHfFolder(folder.toStdString(), options);
    registryOf(fixture).importModel(folder.toStdString());
    Browser browser(fixture);
    QVERIFY(browser.ready(1, QStringLiteral("sharded")));
    ModelDetailsPane *details = browser.page.detailsPane();
    details->tabs()->setCurrentIndex(ModelDetailsPane::TensorsTab);

    // Every tensor of both shards, with its type, its shape as PyTorch prints it, and the
    // shard that holds it; the summary counts them and their parameters.
    QTreeWidget *tree = details->tensorList()->tree();
    QCOMPARE(tree->topLevelItemCount(), 2);
    const auto items = tree->findItems(QStringLiteral("model.embed_tokens.weight"), Qt::MatchExactly);
    QCOMPARE(items.size(), 1);
    QCOMPARE(items.front()->text(ModelTensorList::Type), QStringLiteral("F32"));
    QCOMPARE(items.front()->text(ModelTensorList::Shape), QStringLiteral("[4, 2]"));
    QVERIFY(items.front()->toolTip(ModelTensorList::Name).contains(QStringLiteral("model-00001-of-00002.safetensors")));
    const QString summary = details->tensorList()->summary();
    QVERIFY2(summary.contains(QStringLiteral("2 tensors")), qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("10 parameters")), qPrintable(summary)); // 4x2 + 2
    QVERIFY2(summary.contains(QStringLiteral("F32 × 2")), qPrintable(summary));
}

namespace {

// Changes one byte of `file` and moves its time forward, as an editor would.
void changeOneByte(const QString &file)
{
    std::fstream stream(file.toStdString(), std::ios::in | std::ios::out | std::ios::binary);
    stream.seekg(-1, std::ios::end);
    const char last = static_cast<char>(stream.get());
    stream.seekp(-1, std::ios::end);
    stream.put(static_cast<char>(last ^ 0x01));
    stream.close();
    const auto path = std::filesystem::path(file.toStdString());
    std::filesystem::last_write_time(path, std::filesystem::last_write_time(path) + std::chrono::seconds(5));
}

ModelRecord registerInPlace(WindowFixture &fixture, const QTemporaryDir &sources, const QString &name)
{
    ImportOptions options;
    options.inPlace = true;
    return registryOf(fixture).importModel(tinyModel(sources, name).toStdString(), options);
}

} // namespace

void TestModelBrowser::checkFilesFindsAChangedInPlaceFile()
{
    WindowFixture fixture;
    QTemporaryDir sources;
    registerInPlace(fixture, sources, QStringLiteral("local"));
    Browser browser(fixture);
    QVERIFY(browser.ready(1, QStringLiteral("local")));
    ModelDetailsPane *details = browser.page.detailsPane();
    QAction *check = browser.page.actions()->checkFiles();
    QVERIFY(check->isEnabled());

    // Unchanged: the check says so and marks every file as registered.
    check->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(browser.page.noticeBar()->text().contains(QStringLiteral("as they were")), kWaitMs);
    QVERIFY(!browser.page.noticeBar()->isError());
    ModelFileList *files = details->fileList();
    QVERIFY(!files->isColumnHidden(ModelFileList::Check));
    QCOMPARE(files->findItems(QStringLiteral("model.safetensors"), Qt::MatchExactly)
                 .front()
                 ->text(ModelFileList::Check),
             QStringLiteral("as registered"));

    // One byte of the weights changed, the card deleted: both named, and the model's
    // status shows in the details.
    changeOneByte(sources.filePath(QStringLiteral("local/model.safetensors")));
    QVERIFY(QFile::remove(sources.filePath(QStringLiteral("local/README.md"))));
    details->tabs()->setCurrentIndex(ModelDetailsPane::FilesTab);
    auto *button = details->findChild<QToolButton *>(QStringLiteral("checkFilesButton"));
    QVERIFY(button && button->isVisible());
    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(browser.page.noticeBar()->isError(), kWaitMs);
    const QString notice = browser.page.noticeBar()->text();
    QVERIFY2(notice.contains(QStringLiteral("1 file changed: model.safetensors")), qPrintable(notice));
    QVERIFY2(notice.contains(QStringLiteral("1 file missing: README.md")), qPrintable(notice));
    QTRY_VERIFY_WITH_TIMEOUT(details->hasDetails() && details->details().model.status != ModelStatus::Ready, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(
        files->findItems(QStringLiteral("model.safetensors"), Qt::MatchExactly).front()->text(ModelFileList::Check),
        QStringLiteral("changed"), kWaitMs);
    QCOMPARE(files->findItems(QStringLiteral("README.md"), Qt::MatchExactly).front()->text(ModelFileList::Check),
             QStringLiteral("missing"));
    bool warned = false;
    for (auto *label : details->findChildren<QLabel *>())
        warned |= label->isVisible() && label->text().contains(QStringLiteral("not as they were imported"));
    QVERIFY(warned);
}

void TestModelBrowser::inPlaceModelsAreCheckedWhenShown()
{
    WindowFixture fixture;
    QTemporaryDir sources;
    registerInPlace(fixture, sources, QStringLiteral("local"));
    // Changed before the window opens: showing the model is enough to find out.
    changeOneByte(sources.filePath(QStringLiteral("local/config.json")));
    Browser browser(fixture);
    QVERIFY(browser.waitForDetailsOf(QStringLiteral("local")));
    QTRY_VERIFY_WITH_TIMEOUT(browser.page.detailsPane()->hasDetails() &&
                                 browser.page.detailsPane()->details().model.status == ModelStatus::Changed,
                             kWaitMs);
    QCOMPARE(registryOf(fixture).get("local").status, ModelStatus::Changed);
}

void TestModelBrowser::damagedRegistryIsRebuiltFromTheWindow()
{
    WindowFixture fixture;
    QTemporaryDir sources;
    registerTiny(fixture, sources, QStringLiteral("alpha"));
    registerTiny(fixture, sources, QStringLiteral("beta"), "gpt2");
    // The database overwritten with something that is not SQLite, before the page opens it.
    const QString database = QDir(QString::fromStdString(fixture.registryHome())).filePath(QStringLiteral("registry.sqlite"));
    for (const QString &suffix : {QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(database + suffix);
    {
        QFile file(database);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(QByteArray(8192, 'x'));
    }

    Browser browser(fixture);
    NoticeBar *notice = browser.page.noticeBar();
    QTRY_VERIFY_WITH_TIMEOUT(notice->isError() && notice->text().contains(QStringLiteral("damaged")), kWaitMs);
    auto *remedy = notice->findChild<QToolButton *>(QStringLiteral("noticeRemedy"));
    QVERIFY(remedy && remedy->isVisible());
    QCOMPARE(remedy->defaultAction(), browser.page.actions()->rebuildRegistry());
    QTest::mouseClick(remedy, Qt::LeftButton);

    auto *question = waitForDialog<QMessageBox>(browser.page);
    QVERIFY(question);
    QCOMPARE(question->objectName(), QStringLiteral("rebuildRegistryQuestion"));
    QAbstractButton *rebuild = nullptr;
    for (QAbstractButton *button : question->buttons())
        if (question->buttonRole(button) == QMessageBox::AcceptRole)
            rebuild = button;
    QVERIFY(rebuild);
    QTest::mouseClick(rebuild, Qt::LeftButton);

    QVERIFY(browser.waitForRows(2));
    QTRY_VERIFY_WITH_TIMEOUT(notice->text().contains(QStringLiteral("2 models restored")), kWaitMs);
    QVERIFY(!notice->isError());
    QVERIFY(!remedy->isVisible());
    QVERIFY(test::registryProblems(fixture.registryHome()).empty());
}

// A database lost while the manifests remain is rebuilt when the page first opens the
// registry, and a notice (not an error) says so: nothing is lost, but it happened.
void TestModelBrowser::lostDatabaseIsRebuiltOnOpenAndSaidSo()
{
    WindowFixture fixture;
    QTemporaryDir sources;
    registerTiny(fixture, sources, QStringLiteral("alpha"));
    const QString database = QDir(QString::fromStdString(fixture.registryHome())).filePath(QStringLiteral("registry.sqlite"));
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(database + suffix);

    Browser browser(fixture);
    QVERIFY(browser.waitForRows(1));
    NoticeBar *notice = browser.page.noticeBar();
    QTRY_VERIFY_WITH_TIMEOUT(notice->text().contains(QStringLiteral("rebuilt from the model manifests")), kWaitMs);
    QVERIFY(notice->text().contains(QStringLiteral("the database is gone")));
    QVERIFY(!notice->isError());
}

void TestModelBrowser::tagsAreAddedAndRemovedInPlace()
{
    WindowFixture fixture;
    QTemporaryDir sources;
    registerTiny(fixture, sources, QStringLiteral("tiny"));
    Browser browser(fixture);
    QVERIFY(browser.ready(1, QStringLiteral("tiny")));
    TagEditor *tags = browser.page.detailsPane()->tagEditor();
    QCOMPARE(tags->tags(), QStringList());

    auto *add = tags->findChild<QLineEdit *>(QStringLiteral("addTag"));
    QTest::keyClicks(add, QStringLiteral("favourite"));
    QTest::keyClick(add, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(tags->tags(), QStringList({QStringLiteral("favourite")}), kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(browser.cell(0, ModelTableModel::Tags), QStringLiteral("favourite"), kWaitMs);
    QCOMPARE(registryOf(fixture).get("tiny").tags, std::vector<std::string>{"favourite"});
    // The tag list of the filter bar learns it too.
    QTRY_VERIFY_WITH_TIMEOUT(browser.combo("tagFilter")->findData(QStringLiteral("favourite")) > 0, kWaitMs);

    // A tag the registry refuses says why, and changes nothing.
    add->setText(QStringLiteral("bad\ttag"));
    QTest::keyClick(add, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!browser.page.noticeBar()->text().isEmpty(), kWaitMs);
    QVERIFY(browser.page.noticeBar()->isError());

    QWidget *chip = tags->chip(QStringLiteral("favourite"));
    QVERIFY(chip);
    QTest::mouseClick(chip->findChild<QToolButton *>(QStringLiteral("removeTag")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(tags->tags(), QStringList(), kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(browser.cell(0, ModelTableModel::Tags), QString(), kWaitMs);
    QVERIFY(registryOf(fixture).get("tiny").tags.empty());
}

void TestModelBrowser::clickingALineageNodeSelectsThatModel()
{
    WindowFixture fixture;
    QTemporaryDir sources;
    const ModelRecord base = registerTiny(fixture, sources, QStringLiteral("base"));
    const ModelRecord child = registerTiny(fixture, sources, QStringLiteral("child"));
    registryOf(fixture).addLineage(base.id, child.id, LineageKind::FineTune);
    Browser browser(fixture);
    QVERIFY(browser.waitForRows(2));
    browser.clickRow(browser.rowOfName(QStringLiteral("base")));
    QVERIFY(browser.waitForDetailsOf(QStringLiteral("base")));
    ModelDetailsPane *details = browser.page.detailsPane();
    details->tabs()->setCurrentIndex(ModelDetailsPane::LineageTab);
    LineageView *lineage = details->lineageView();
    QVERIFY(lineage->isVisible());
    QCOMPARE(lineage->modelIds().size(), 2);
    // The edge says how the child was made.
    bool labelled = false;
    for (QGraphicsItem *item : lineage->scene()->items())
        if (auto *text = dynamic_cast<QGraphicsSimpleTextItem *>(item))
            labelled |= text->text() == QStringLiteral("fine-tune");
    QVERIFY(labelled);

    // The child is drawn below its parent; clicking it moves the selection there.
    const QPoint childAt = lineage->nodePosition(QString::fromStdString(child.id));
    QVERIFY(childAt.y() > lineage->nodePosition(QString::fromStdString(base.id)).y());
    QTest::mouseClick(lineage->viewport(), Qt::LeftButton, {}, childAt);
    QTRY_COMPARE_WITH_TIMEOUT(browser.page.selectedId(), QString::fromStdString(child.id), kWaitMs);
    QVERIFY(browser.waitForDetailsOf(QStringLiteral("child")));
    QCOMPARE(browser.page.table()->currentIndex().row(), browser.rowOfName(QStringLiteral("child")));

    // A model the filters hide: the filters clear, then it is selected.
    QTest::keyClicks(browser.search(), QStringLiteral("child"));
    QVERIFY(browser.waitForRows(1));
    details->tabs()->setCurrentIndex(ModelDetailsPane::LineageTab);
    const QPoint baseAt = lineage->nodePosition(QString::fromStdString(base.id));
    QTest::mouseClick(lineage->viewport(), Qt::LeftButton, {}, baseAt);
    QVERIFY(browser.waitForRows(2));
    QTRY_COMPARE_WITH_TIMEOUT(browser.page.selectedId(), QString::fromStdString(base.id), kWaitMs);
    QCOMPARE(browser.search()->text(), QString());
}

void TestModelBrowser::deleteConfirmsAndListsWhatItWouldOrphan()
{
    WindowFixture fixture;
    QTemporaryDir sources;
    const ModelRecord base = registerTiny(fixture, sources, QStringLiteral("base"));
    const ModelRecord child = registerTiny(fixture, sources, QStringLiteral("child"), "gpt2");
    registryOf(fixture).addLineage(base.id, child.id, LineageKind::Lora);
    Browser browser(fixture);
    QVERIFY(browser.waitForRows(2));
    browser.clickRow(browser.rowOfName(QStringLiteral("base")));
    QVERIFY(browser.waitForDetailsOf(QStringLiteral("base")));
    QAction *remove = browser.page.actions()->deleteModel();
    QVERIFY(remove->isEnabled());

    // Cancel first: nothing happens.
    remove->trigger();
    auto *dialog = waitForDialog<DeleteModelDialog>(browser.page);
    QVERIFY(dialog);
    dialog->reject();
    QTRY_VERIFY_WITH_TIMEOUT(browser.page.findChild<DeleteModelDialog *>() == nullptr, kWaitMs);
    QCOMPARE(registryOf(fixture).count(), std::size_t(2));

    // The dialog names the model that would lose its parent, and Delete waits for consent.
    remove->trigger();
    dialog = waitForDialog<DeleteModelDialog>(browser.page);
    QVERIFY(dialog);
    auto *orphans = dialog->findChild<QListWidget *>(QStringLiteral("orphanedModels"));
    QVERIFY(orphans);
    QCOMPARE(orphans->count(), 1);
    QVERIFY(orphans->item(0)->text().contains(QStringLiteral("child")));
    QVERIFY(orphans->item(0)->text().contains(QStringLiteral("LoRA")));
    QVERIFY(!dialog->deleteButton()->isEnabled());
    dialog->confirmOrphans()->setChecked(true);
    QVERIFY(dialog->deleteButton()->isEnabled());
    QTest::mouseClick(dialog->deleteButton(), Qt::LeftButton);

    QVERIFY(browser.waitForRows(1));
    QCOMPARE(browser.cell(0, ModelTableModel::Name), QStringLiteral("child"));
    QTRY_VERIFY_WITH_TIMEOUT(browser.page.noticeBar()->text().contains(QStringLiteral("Deleted base")), kWaitMs);
    ModelRegistry registry = registryOf(fixture);
    QVERIFY(!registry.find(base.id));
    const ModelLineage lineage = registry.lineage(child.id);
    QCOMPARE(lineage.ancestors.size(), std::size_t(1));
    QVERIFY(lineage.ancestors.front().fromId.empty()); // the name stays, the link is gone
    QCOMPARE(lineage.ancestors.front().fromName, std::string("base"));

    // A model with no descendants: one confirmation, then gone; the empty state follows.
    QVERIFY(browser.waitForDetailsOf(QStringLiteral("child")));
    remove->trigger();
    dialog = waitForDialog<DeleteModelDialog>(browser.page);
    QVERIFY(dialog);
    QVERIFY(!dialog->confirmOrphans());
    QVERIFY(dialog->deleteButton()->isEnabled());
    QTest::mouseClick(dialog->deleteButton(), Qt::LeftButton);
    QVERIFY(QTest::qWaitFor([&] { return browser.page.state() == ModelsPage::State::Empty; }, kWaitMs));
    QCOMPARE(registryOf(fixture).count(), std::size_t(0));
}

void TestModelBrowser::cardViewSharesTheRowsAndTheSelection()
{
    WindowFixture fixture;
    QTemporaryDir sources;
    registerTiny(fixture, sources, QStringLiteral("one"));
    registerTiny(fixture, sources, QStringLiteral("two"), "gpt2");
    Browser browser(fixture);
    QVERIFY(browser.waitForRows(2));
    QListView *cards = browser.page.cards();
    QVERIFY(!cards->isVisible());
    browser.page.actions()->showCards()->trigger();
    QVERIFY(cards->isVisible());
    QVERIFY(!browser.page.table()->isVisible());
    QCOMPARE(cards->model(), browser.page.table()->model());
    QCOMPARE(cards->selectionModel(), browser.page.table()->selectionModel());

    // Clicking a card selects its model and shows its details.
    const int two = browser.rowOfName(QStringLiteral("two"));
    const QModelIndex twoIndex = browser.page.tableModel()->index(two, 0);
    QVERIFY(QTest::qWaitFor([&] { return cards->visualRect(twoIndex).isValid(); }, kWaitMs)); // laid out lazily
    const QRect rect = cards->visualRect(twoIndex);
    QTest::mouseClick(cards->viewport(), Qt::LeftButton, {}, rect.center());
    QVERIFY(browser.waitForDetailsOf(QStringLiteral("two")));
    // The card draws something (not a blank rectangle).
    const QImage image = cards->viewport()->grab(rect).toImage();
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 3)
        for (int x = 0; x < image.width(); x += 3)
            colours.insert(image.pixel(x, y));
    QVERIFY(colours.size() > 4);

    browser.page.actions()->showTable()->trigger();
    QVERIFY(browser.page.table()->isVisible());
    QCOMPARE(browser.page.table()->currentIndex().row(), two);
}

void TestModelBrowser::headerClickSortsInMemory()
{
    WindowFixture fixture;
    QTemporaryDir sources;
    registerTiny(fixture, sources, QStringLiteral("b-small"));
    test::TinyModelOptions big;
    big.extraBytes = 4096;
    test::writeTinyHfFolder(sources.filePath(QStringLiteral("a-big")).toStdString(), big);
    registryOf(fixture).importModel(sources.filePath(QStringLiteral("a-big")).toStdString());
    registerTiny(fixture, sources, QStringLiteral("C-medium"), "gpt2");
    Browser browser(fixture);
    QVERIFY(browser.waitForRows(3));
    auto names = [&] {
        QStringList list;
        for (int row = 0; row < 3; ++row)
            list << browser.cell(row, ModelTableModel::Name);
        return list;
    };
    QCOMPARE(names(), QStringList({QStringLiteral("a-big"), QStringLiteral("b-small"), QStringLiteral("C-medium")}));
    browser.clickRow(browser.rowOfName(QStringLiteral("b-small")));
    QVERIFY(browser.waitForDetailsOf(QStringLiteral("b-small")));

    QHeaderView *header = browser.page.table()->horizontalHeader();
    const int sizeX =
        header->sectionViewportPosition(ModelTableModel::Size) + header->sectionSize(ModelTableModel::Size) / 2;
    // Sizes sort largest first on the first click, as people look for the big ones.
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(sizeX, header->height() / 2));
    QCOMPARE(names().first(), QStringLiteral("a-big"));
    QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(sizeX, header->height() / 2));
    QCOMPARE(names().last(), QStringLiteral("a-big"));
    // The selection followed its row.
    QCOMPARE(browser.cell(browser.page.table()->currentIndex().row(), ModelTableModel::Name),
             QStringLiteral("b-small"));
}

void TestModelBrowser::exportWritesAHuggingFaceFolder()
{
    WindowFixture fixture;
    QTemporaryDir sources;
    QTemporaryDir out;
    registerTiny(fixture, sources, QStringLiteral("tiny"));
    Browser browser(fixture);
    QVERIFY(browser.ready(1, QStringLiteral("tiny")));
    // A Llama: it can be chatted with (the Apps page's test follows the action through).
    QVERIFY(browser.page.actions()->openInPlayground()->isEnabled());
    QVERIFY(browser.page.actions()->openInPlayground()->toolTip().contains(QStringLiteral("chat playground")));
    QVERIFY(browser.page.actions()->fineTune()->isEnabled()); // a Hugging Face folder trains

    browser.page.actions()->exportModel()->trigger();
    auto *dialog = waitForDialog<ExportModelDialog>(browser.page);
    QVERIFY(dialog);
    QVERIFY(dialog->ggufChoice()->isEnabled()); // a llama model: GGUF is offered
    const QString destination = out.filePath(QStringLiteral("tiny-export"));
    dialog->destinationField()->setText(out.path()); // exists: refused
    QVERIFY(!dialog->exportButton()->isEnabled());
    dialog->destinationField()->setText(destination);
    QVERIFY(dialog->exportButton()->isEnabled());
    QCOMPARE(dialog->request().format, ExportRequest::Format::HuggingFace);
    QTest::mouseClick(dialog->exportButton(), Qt::LeftButton);

    QTRY_VERIFY_WITH_TIMEOUT(browser.page.noticeBar()->text().contains(QStringLiteral("Exported tiny")), kWaitMs);
    QVERIFY(QFileInfo::exists(QDir(destination).filePath(QStringLiteral("config.json"))));
    QVERIFY(QFileInfo::exists(QDir(destination).filePath(QStringLiteral("model.safetensors"))));
    QVERIFY(QFileInfo::exists(QDir(destination).filePath(QStringLiteral("README.md"))));
}

// Evaluate… on a real (tiny, random) model: the dialog, a progress dialog, and the report
// on the Evaluations tab with a notice giving its figures.
void TestModelBrowser::evaluateFromTheWindowKeepsTheReport()
{
    WindowFixture fixture;
    QTemporaryDir sources;
    const QString folder = sources.filePath(QStringLiteral("tiny-eval"));
    test::writeTinyModel(folder.toStdString(), test::TinyFamily::Llama);
    test::writeChatMlTokenizerConfig(folder.toStdString()); // names the end-of-text token packing needs
    registryOf(fixture).importModel(folder.toStdString());
    const QString data = sources.filePath(QStringLiteral("notes.txt"));
    {
        QFile file(data);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("the quick brown fox\n\njumps over the lazy dog\n");
    }
    Browser browser(fixture);
    QVERIFY(browser.ready(1, QStringLiteral("tiny-eval")));
    QVERIFY(browser.page.actions()->evaluate()->isEnabled());
    QCOMPARE(browser.page.detailsPane()->evaluations()->rowCount(), 0);

    browser.page.actions()->evaluate()->trigger();
    auto *dialog = waitForDialog<EvaluateDialog>(browser.page);
    QVERIFY(dialog);
    QVERIFY(!dialog->evaluateButton()->isEnabled()); // no data yet
    dialog->dataField()->setText(data);
    QTest::mouseClick(dialog->evaluateButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(browser.page.detailsPane()->evaluations()->rowCount() == 1, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(browser.page.noticeBar()->text().contains(QStringLiteral("perplexity")), kWaitMs);
    QVERIFY(browser.page.noticeBar()->text().contains(QStringLiteral("notes.txt")));
    const auto reports = EvaluationStore(fixture.registryHome() + "/evaluations")
                             .reportsOf(registryOf(fixture).find("tiny-eval")->id);
    QCOMPARE(reports.size(), std::size_t(1));
    QCOMPARE(reports[0].examples, 2);
}

// Compare… on the Evaluations tab: the selected report next to every other registered
// model's report on the same data, a row per metric, the better figure in bold; a report on
// other data stays out.
void TestModelBrowser::compareReportsOnTheSameData()
{
    WindowFixture fixture;
    QTemporaryDir sources;
    const ModelRecord alpha = registerTiny(fixture, sources, QStringLiteral("alpha"));
    const ModelRecord beta = registerTiny(fixture, sources, QStringLiteral("beta"));
    const std::string notesSha(64, 'a');
    EvaluationReport alphaOnNotes;
    alphaOnNotes.id = "ev-aaaaaaaaaaaa";
    alphaOnNotes.modelId = alpha.id;
    alphaOnNotes.modelName = alpha.name;
    alphaOnNotes.dataset = "notes.txt";
    alphaOnNotes.datasetSha256 = notesSha;
    alphaOnNotes.examples = 12;
    alphaOnNotes.metrics = {{"perplexity", 12.5}, {"loss", 2.5257}, {"tokens", 300}};
    alphaOnNotes.createdMs = 1700000000000;
    auto betaOnNotes = alphaOnNotes;
    betaOnNotes.id = "ev-bbbbbbbbbbbb";
    betaOnNotes.modelId = beta.id;
    betaOnNotes.modelName = beta.name;
    betaOnNotes.metrics = {{"perplexity", 9.75}, {"loss", 2.2773}, {"tokens", 320}};
    betaOnNotes.createdMs = 1700000100000;
    auto betaOnOtherData = betaOnNotes;
    betaOnOtherData.id = "ev-cccccccccccc";
    betaOnOtherData.dataset = "other.txt";
    betaOnOtherData.datasetSha256 = std::string(64, 'b');
    betaOnOtherData.metrics = {{"perplexity", 5.0}, {"loss", 1.6094}, {"tokens", 280}};
    const EvaluationStore store(fixture.registryHome() + "/evaluations");
    for (const auto &report : {alphaOnNotes, betaOnNotes, betaOnOtherData})
        store.save(report);

    Browser browser(fixture);
    QVERIFY(browser.waitForRows(2));
    browser.clickRow(browser.rowOfName(QStringLiteral("alpha")));
    QVERIFY(browser.waitForDetailsOf(QStringLiteral("alpha")));
    ModelDetailsPane *details = browser.page.detailsPane();
    details->tabs()->setCurrentIndex(ModelDetailsPane::EvaluationsTab);
    QCOMPARE(details->evaluations()->rowCount(), 1);
    auto *compare = details->evaluations()->findChild<QPushButton *>(QStringLiteral("compareEvaluations"));
    QVERIFY(compare && compare->isVisible());
    QVERIFY(!compare->isEnabled()); // no report selected yet
    auto *reports = details->evaluations()->findChild<QTableWidget *>(QStringLiteral("modelEvaluations"));
    QTest::mouseClick(reports->viewport(), Qt::LeftButton, {}, reports->visualItemRect(reports->item(0, 0)).center());
    QVERIFY(compare->isEnabled());
    saveLook(*details, QStringLiteral("evaluations-tab"));
    QTest::mouseClick(compare, Qt::LeftButton);

    auto *dialog = waitForDialog<CompareReportsDialog>(browser.page);
    QVERIFY(dialog);
    QCOMPARE(dialog->objectName(), QStringLiteral("compareReportsDialog"));
    QVERIFY(!dialog->isModal());
    QVERIFY(QTest::qWaitFor([&] { return !dialog->isLoading(); }, kWaitMs));
    QTableWidget *table = dialog->table();
    QVERIFY(table->isVisible());
    // Two columns, the selected report first: the report on other data is not among them.
    QCOMPARE(table->columnCount(), 2);
    QVERIFY2(table->horizontalHeaderItem(0)->text().startsWith(QStringLiteral("alpha\n")),
             qPrintable(table->horizontalHeaderItem(0)->text()));
    QVERIFY2(table->horizontalHeaderItem(1)->text().startsWith(QStringLiteral("beta\n")),
             qPrintable(table->horizontalHeaderItem(1)->text()));
    const QStringList metrics{QStringLiteral("loss"), QStringLiteral("perplexity"), QStringLiteral("tokens")};
    QCOMPARE(table->rowCount(), metrics.size());
    for (int row = 0; row < metrics.size(); ++row) {
        const std::string metric = metrics[row].toStdString();
        QCOMPARE(table->verticalHeaderItem(row)->text(), metrics[row]);
        QCOMPARE(table->item(row, 0)->text(), QString::fromStdString(formatMetric(metric, alphaOnNotes.metrics.at(metric))));
        QCOMPARE(table->item(row, 1)->text(), QString::fromStdString(formatMetric(metric, betaOnNotes.metrics.at(metric))));
    }
    QCOMPARE(table->item(1, 1)->text(), QStringLiteral("9.75"));
    // Lower perplexity and loss are better: beta's, in bold; a token count is no score.
    QVERIFY(table->item(1, 1)->font().bold());
    QVERIFY(!table->item(1, 0)->font().bold());
    QVERIFY(table->item(0, 1)->font().bold());
    QVERIFY(!table->item(2, 0)->font().bold() && !table->item(2, 1)->font().bold());
    saveLook(*dialog, QStringLiteral("compare-reports"));
    dialog->close();
}

// Quantize… on a real (tiny, random) Llama: the dialog names the new model after the
// choice, a progress dialog runs it, and the smaller model is registered with lineage and
// its report, which a notice sums up.
void TestModelBrowser::quantizeFromTheWindowRegistersTheSmallerModel()
{
    WindowFixture fixture;
    QTemporaryDir sources;
    const QString folder = sources.filePath(QStringLiteral("tiny-q"));
    test::writeTinyModel(folder.toStdString(), test::TinyFamily::Llama);
    registryOf(fixture).importModel(folder.toStdString());
    Browser browser(fixture);
    QVERIFY(browser.ready(1, QStringLiteral("tiny-q")));
    QVERIFY(browser.page.actions()->quantize()->isEnabled());

    browser.page.actions()->quantize()->trigger();
    auto *dialog = waitForDialog<QuantizeDialog>(browser.page);
    QVERIFY(dialog);
    QCOMPARE(dialog->nameField()->text(), QStringLiteral("tiny-q-int8"));
    dialog->schemeChoice()->setCurrentIndex(1); // 4-bit
    QCOMPARE(dialog->nameField()->text(), QStringLiteral("tiny-q-q4g32"));
    saveLook(*dialog, QStringLiteral("quantize-dialog"));
    QTest::mouseClick(dialog->quantizeButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(browser.page.noticeBar()->text().contains(QStringLiteral("times smaller")), kWaitMs);
    QVERIFY2(browser.page.noticeBar()->text().startsWith(QStringLiteral("Registered tiny-q-q4g32")),
             qPrintable(browser.page.noticeBar()->text()));
    saveLook(browser.page, QStringLiteral("quantize-done"));

    auto registry = registryOf(fixture);
    const auto quantized = registry.find("tiny-q-q4g32");
    QVERIFY(quantized);
    QCOMPARE(quantized->origin, ModelOrigin::Quantized);
    // The registry counts weights, not the words they are packed in, and names the scheme.
    QCOMPARE(quantized->parameterCount, registry.get("tiny-q").parameterCount);
    QCOMPARE(QString::fromStdString(quantized->dtype), QStringLiteral("I4"));
    const auto parents = registry.lineage(quantized->id).ancestors;
    QCOMPARE(parents.size(), std::size_t(1));
    QCOMPARE(parents.front().kind, LineageKind::Quantize);
    QCOMPARE(QString::fromStdString(parents.front().fromName), QStringLiteral("tiny-q"));
    QVERIFY(QFileInfo::exists(QString::fromStdString(quantizationReportPath(fixture.registryHome(), quantized->id))));
    QVERIFY(browser.waitForRows(2)); // the list shows the new model
}

void TestModelBrowser::exportWritesAQuantizedGgufFile()
{
    WindowFixture fixture;
    QTemporaryDir sources;
    QTemporaryDir out;
    const QString folder = sources.filePath(QStringLiteral("tiny-llama"));
    test::writeTinyModel(folder.toStdString(), test::TinyFamily::Llama);
    registryOf(fixture).importModel(folder.toStdString());
    Browser browser(fixture);
    QVERIFY(browser.ready(1, QStringLiteral("tiny-llama")));

    browser.page.actions()->exportModel()->trigger();
    auto *dialog = waitForDialog<ExportModelDialog>(browser.page);
    QVERIFY(dialog);
    QTest::mouseClick(dialog->ggufChoice(), Qt::LeftButton);
    QVERIFY(dialog->ggufChoice()->isChecked());
    dialog->ggufTypeChoice()->setCurrentIndex(2); // Q8_0
    const QString destination = out.filePath(QStringLiteral("tiny.gguf"));
    dialog->destinationField()->setText(destination);
    QCOMPARE(dialog->request().format, ExportRequest::Format::Gguf);
    QTest::mouseClick(dialog->exportButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(browser.page.noticeBar()->text().contains(QStringLiteral("Exported tiny-llama")), kWaitMs);

    // A GGUF file other runners read: llama architecture, the tokenizer inside, the
    // matrices in Q8_0.
    const GgufFile gguf = GgufFile::open(destination.toStdString());
    QCOMPARE(gguf.findString("general.architecture").value_or(""), std::string("llama"));
    QVERIFY(gguf.find("tokenizer.ggml.tokens"));
    const GgufTensorInfo *query = gguf.findTensor("blk.0.attn_q.weight");
    QVERIFY(query);
    QCOMPARE(int(query->type), int(GgmlType::Q8_0));
    QVERIFY(!QFileInfo::exists(destination + QStringLiteral(".partial")));
}

void TestModelBrowser::exportTurnsAGgufModelIntoAHuggingFaceFolder()
{
    WindowFixture fixture;
    QTemporaryDir sources;
    QTemporaryDir out;
    const QString folder = sources.filePath(QStringLiteral("tiny-llama"));
    test::writeTinyModel(folder.toStdString(), test::TinyFamily::Llama);
    const QString gguf = sources.filePath(QStringLiteral("tiny-q8.gguf"));
    exportCausalLmToGguf(folder.toStdString(), gguf.toStdString(), GgmlType::Q8_0);
    ImportOptions options;
    options.name = "tiny-q8";
    registryOf(fixture).importModel(gguf.toStdString(), options);
    Browser browser(fixture);
    QVERIFY(browser.ready(1, QStringLiteral("tiny-q8")));

    QAction *exportModel = browser.page.actions()->exportModel();
    QVERIFY(exportModel->isEnabled());
    exportModel->trigger();
    auto *dialog = waitForDialog<ExportModelDialog>(browser.page);
    QVERIFY(dialog);
    QVERIFY(!dialog->ggufChoice()->isEnabled()); // a GGUF file already
    const QString destination = out.filePath(QStringLiteral("tiny-hf"));
    dialog->destinationField()->setText(destination);
    QCOMPARE(dialog->request().format, ExportRequest::Format::HuggingFace);
    QTest::mouseClick(dialog->exportButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(browser.page.noticeBar()->text().contains(QStringLiteral("Exported tiny-q8")), kWaitMs);
    for (const char *file : {"config.json", "model.safetensors", "tokenizer.json", "README.md"})
        QVERIFY2(QFileInfo::exists(QDir(destination).filePath(QString::fromLatin1(file))), file);
}

void TestModelBrowser::cancelInTheProgressDialogLeavesNothingBehind()
{
    WindowFixture fixture;
    QTemporaryDir sources;
    test::TinyModelOptions options;
    options.extraBytes = 256ull << 20; // long enough to copy that Cancel lands mid-file
    const QString folder = sources.filePath(QStringLiteral("big"));
    test::writeTinyHfFolder(folder.toStdString(), options);
    Browser browser(fixture);
    QVERIFY(QTest::qWaitFor([&] { return browser.page.state() == ModelsPage::State::Empty; }, kWaitMs));

    browser.page.importPaths({folder});
    auto *progress = waitForDialog<ProgressDialog>(browser.page);
    QVERIFY(progress);
    auto *status = progress->findChild<QLabel *>(QStringLiteral("taskStatus"));
    QVERIFY(QTest::qWaitFor([&] { return status->text().startsWith(QStringLiteral("Copying")); }, kWaitMs));
    QPushButton *cancel = nullptr;
    for (auto *button : progress->findChildren<QPushButton *>())
        if (button->text() == QStringLiteral("Cancel"))
            cancel = button;
    QVERIFY(cancel);
    QTest::mouseClick(cancel, Qt::LeftButton);

    // The dialog goes once the import has stopped; nothing of it stays in the registry.
    QTRY_VERIFY_WITH_TIMEOUT(browser.page.findChild<ProgressDialog *>() == nullptr, kWaitMs);
    QCOMPARE(registryOf(fixture).count(), std::size_t(0));
    QVERIFY(test::registryProblems(fixture.registryHome()).empty());
    std::uintmax_t stored = 0;
    for (const auto &entry : std::filesystem::recursive_directory_iterator(fixture.registryHome()))
        if (entry.is_regular_file())
            stored += entry.file_size();
    QVERIFY2(stored < (1u << 20), qPrintable(QStringLiteral("%1 bytes left in the registry").arg(stored)));
    QCOMPARE(browser.page.state(), ModelsPage::State::Empty);
}

void TestModelBrowser::staleListAnswersAreDropped()
{
    WindowFixture fixture;
    QTemporaryDir sources;
    registerTiny(fixture, sources, QStringLiteral("alpha"));
    registerTiny(fixture, sources, QStringLiteral("beta"));
    ModelLibrary &library = fixture.models();
    QList<ModelList> answers;
    connect(&library, &ModelLibrary::listReady, this, [&](const ModelList &list) { answers << list; });
    ModelFilter first, second;
    first.query.text = "alpha";
    second.query.text = "beta";
    library.requestList(first);
    library.requestList(second); // replaces the first before its answer can arrive
    QVERIFY(QTest::qWaitFor([&] { return !answers.isEmpty(); }, kWaitMs));
    // Both were queued on one worker, in order: once the second has answered, nothing
    // of the first is still on its way.
    QCOMPARE(answers.size(), 1);
    QCOMPARE(answers.front().filter.query.text, std::string("beta"));
    QCOMPARE(answers.front().models->size(), std::size_t(1));
    QCOMPARE(answers.front().registered, std::size_t(2));
}

void TestModelBrowser::cancelInsideTheEngineEndsAsCancelled()
{
    QTemporaryDir home;
    QTemporaryDir sources;
    const QString folder = tinyModel(sources, QStringLiteral("tiny"));
    // The first report of the work asks it to stop, so the stop reaches the import
    // itself (between its steps), which reports Error(Cancelled).
    std::stop_source stop;
    TaskContext context(stop.get_token(), [&] { stop.request_stop(); });
    auto ids = std::make_shared<QStringList>();
    const TaskRunner::Work work = ModelTaskWork::importModels(home.path().toStdString(), {folder}, ids);
    QVERIFY_THROWS_EXCEPTION(TaskCancelled, work(context));
    QVERIFY(ids->isEmpty());
    QCOMPARE(ModelRegistry(home.path().toStdString()).count(), std::size_t(0));
}

void TestModelBrowser::taskIsDerivedFromTheArchitecture_data()
{
    QTest::addColumn<QString>("architecture");
    QTest::addColumn<int>("format");
    QTest::addColumn<int>("task");
    const int hf = int(ModelFormat::HuggingFace);
    const int gguf = int(ModelFormat::Gguf);
    QTest::newRow("llama") << "LlamaForCausalLM" << hf << int(ModelTask::TextGeneration);
    QTest::newRow("gpt2") << "GPT2LMHeadModel" << hf << int(ModelTask::TextGeneration);
    QTest::newRow("t5") << "T5ForConditionalGeneration" << hf << int(ModelTask::TextGeneration);
    QTest::newRow("classifier") << "BertForSequenceClassification" << hf << int(ModelTask::Classification);
    QTest::newRow("tokens") << "RobertaForTokenClassification" << hf << int(ModelTask::Classification);
    QTest::newRow("encoder") << "BertModel" << hf << int(ModelTask::Embeddings);
    QTest::newRow("xlm-r") << "XLMRobertaModel" << hf << int(ModelTask::Embeddings);
    QTest::newRow("gguf llama") << "llama" << gguf << int(ModelTask::TextGeneration);
    QTest::newRow("gguf bert") << "bert" << gguf << int(ModelTask::Embeddings);
    QTest::newRow("unknown") << "" << hf << int(ModelTask::Other);
    QTest::newRow("odd") << "SomethingElse" << hf << int(ModelTask::Other);
}

void TestModelBrowser::taskIsDerivedFromTheArchitecture()
{
    QFETCH(QString, architecture);
    QFETCH(int, format);
    QFETCH(int, task);
    ModelRecord model;
    model.architecture = architecture.toStdString();
    model.format = static_cast<ModelFormat>(format);
    QCOMPARE(int(taskOfModel(model)), task);
    QVERIFY(matchesTask(model, ModelTask::Any));
}

void TestModelBrowser::humanNumbers_data()
{
    QTest::addColumn<qulonglong>("parameters");
    QTest::addColumn<QString>("text");
    QTest::newRow("none") << 0ull << QStringLiteral("—");
    QTest::newRow("few") << 40ull << QStringLiteral("40");
    QTest::newRow("thousands") << 52'000ull << QStringLiteral("52K");
    QTest::newRow("gpt2") << 124'439'808ull << QStringLiteral("124M");
    QTest::newRow("tinyllama") << 1'100'048'384ull << QStringLiteral("1.1B");
    QTest::newRow("round") << 1'000'000'000ull << QStringLiteral("1B");
    QTest::newRow("llama 7b") << 6'738'415'616ull << QStringLiteral("6.7B");
    QTest::newRow("70b") << 70'553'706'496ull << QStringLiteral("71B");
}

void TestModelBrowser::humanNumbers()
{
    QFETCH(qulonglong, parameters);
    QFETCH(QString, text);
    QCOMPARE(ModelText::parameters(parameters), text);
    QCOMPARE(ModelText::size(512), QStringLiteral("512 B"));
    QCOMPARE(ModelText::size(3 * 1024 * 1024 + 1024 * 512), QStringLiteral("3.5 MiB"));
    QCOMPARE(ModelText::size(2'200'000'000ull), QStringLiteral("2.0 GiB"));
    QCOMPARE(ModelText::contextLength(131072), QStringLiteral("128K"));
    QCOMPARE(ModelText::contextLength(1000), QStringLiteral("1000"));
}

void TestModelBrowser::cardsLoadNoImagesAndDropFrontMatter()
{
    ModelCardBrowser card;
    QCOMPARE(ModelCardBrowser::withoutFrontMatter(QStringLiteral("---\nlicense: mit\n---\n# Title\n")),
             QStringLiteral("# Title\n"));
    QCOMPARE(ModelCardBrowser::withoutFrontMatter(QStringLiteral("---\n---\nBody")), QStringLiteral("Body"));
    QCOMPARE(ModelCardBrowser::withoutFrontMatter(QStringLiteral("---\r\nlicense: mit\r\n---\r\nBody")),
             QStringLiteral("Body"));
    QCOMPARE(ModelCardBrowser::withoutFrontMatter(QStringLiteral("# No front matter\n---\n")),
             QStringLiteral("# No front matter\n---\n"));
    QVERIFY(
        !card.loadResource(QTextDocument::ImageResource, QUrl(QStringLiteral("https://example.com/x.png"))).isValid());
    QVERIFY(
        !card.loadResource(QTextDocument::ImageResource, QUrl::fromLocalFile(QStringLiteral("/etc/passwd"))).isValid());
    card.showCard(QString(), QStringLiteral("no card"));
    QCOMPARE(card.toPlainText(), QStringLiteral("no card"));
    QVERIFY(card.openLinks() == false && card.openExternalLinks() == false);
}

void TestModelBrowser::demoRegistryHasModelsAndLineage()
{
    QTemporaryDir home;
    seedDemoRegistry(home.path().toStdString());
    ModelRegistry registry(home.path().toStdString());
    QCOMPARE(registry.count(), std::size_t(6));
    const ModelRecord chat = registry.get("aurora-1m-chat");
    const ModelLineage lineage = registry.lineage(chat.id);
    QCOMPARE(lineage.ancestors.size(), std::size_t(1));
    QCOMPARE(lineage.descendants.size(), std::size_t(1));
    QCOMPARE(int(registry.get("aurora-1m-sql-lora").origin), int(ModelOrigin::Adapter));
    QCOMPARE(registry.lineage("aurora-1m").descendants.size(), std::size_t(3)); // chat, LoRA, and the GGUF below chat
    ModelRecord minilm = registry.get("minilm-demo");
    QCOMPARE(int(taskOfModel(minilm)), int(ModelTask::Embeddings));
}

void TestModelBrowser::emptyStateBuildsTheDemoWhileTheWindowStaysUsable()
{
    WindowFixture fixture;
    QTemporaryDir fortunes;
    QCOMPARE(shrinkDemo(fixture.models(), fortunes, 30), QString());
    Browser browser(fixture);
    QVERIFY(QTest::qWaitFor([&] { return browser.page.state() == ModelsPage::State::Empty; }, kWaitMs));
    auto *build = browser.page.findChild<QPushButton *>(QStringLiteral("buildDemoButton"));
    QVERIFY(build && build->isVisible());
    QCOMPARE(build->text(), QStringLiteral("Build the demo models"));
    saveLook(browser.page, QStringLiteral("models-empty-demo-offer"));

    QTest::mouseClick(build, Qt::LeftButton);
    auto *progress = browser.page.findChild<QProgressBar *>(QStringLiteral("demoProgress"));
    QVERIFY(progress && progress->isVisible());
    QVERIFY(!build->isVisible());
    // The GUI thread is free meanwhile (these waits spin its event loop): the status follows the stages.
    auto *status = browser.page.findChild<QLabel *>(QStringLiteral("demoStatus"));
    QVERIFY(QTest::qWaitFor([&] { return status->text().contains(QStringLiteral("%")); }, kWaitMs));
    saveLook(browser.page, QStringLiteral("models-empty-demo-running"));

    QVERIFY(QTest::qWaitFor([&] { return browser.page.state() == ModelsPage::State::Browsing; }, 120000));
    QVERIFY(browser.waitForRows(2));
    ModelRegistry registry(fixture.registryHome());
    const auto classifier = registry.get("fortune-topics");
    QCOMPARE(QString::fromStdString(registry.lineage(classifier.id).ancestors.front().fromName), QStringLiteral("fortune-lm"));
}

void TestModelBrowser::cancellingTheDemoLeavesTheRegistryEmpty()
{
    WindowFixture fixture;
    QTemporaryDir fortunes;
    QCOMPARE(shrinkDemo(fixture.models(), fortunes, 100000), QString()); // would take far too long
    Browser browser(fixture);
    QVERIFY(QTest::qWaitFor([&] { return browser.page.state() == ModelsPage::State::Empty; }, kWaitMs));
    QTest::mouseClick(browser.page.findChild<QPushButton *>(QStringLiteral("buildDemoButton")), Qt::LeftButton);
    auto *status = browser.page.findChild<QLabel *>(QStringLiteral("demoStatus"));
    QVERIFY(QTest::qWaitFor([&] { return status->text().startsWith(QStringLiteral("Training the language model")); }, 60000));
    auto *cancel = browser.page.findChild<QPushButton *>(QStringLiteral("cancelDemoButton"));
    QVERIFY(cancel && cancel->isVisible());
    QTest::mouseClick(cancel, Qt::LeftButton);
    auto *build = browser.page.findChild<QPushButton *>(QStringLiteral("buildDemoButton"));
    QVERIFY(QTest::qWaitFor([&] { return build->isVisible(); }, 60000));
    QCOMPARE(browser.page.state(), ModelsPage::State::Empty);
    QVERIFY(!ModelRegistry(fixture.registryHome()).find("fortune-lm"));
}

QTEST_MAIN(TestModelBrowser)
#include "test_modelbrowser.moc"
