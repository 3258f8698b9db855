#include "recipe/trainingrecipe.h"
#include "sweep/sweepfile.h"
#include "sweeps/sweepdesigner.h"
#include "sweeps/sweepestimate.h"
#include "sweeps/sweepparametermodel.h"
#include "themesetup.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStyleFactory>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <cmath>
#include <memory>

using namespace llmos;
using json = nlohmann::json;
using Column = SweepParameterModel::Column;

class TestSweepDesigner : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void gridOfThreeByTwoValuesIsSixTrials();
    void randomSearchOverALogRange();
    void textThatIsNoValueDisablesLaunch();
    void valueTheRecipeRefusesMarksItsRow();
    void gridRefusesARange();
    void halvingEstimateIsBelowThePlainTotal();
    void halvingExpectationFollowsTheRule();
    void epochRecipeTakesStepsAndSpeedFromThePage();
    void launchAsksThePage();
    void saveThenLoadGivesTheSameSweep();
    void fileTheEngineRejectsIsRefusedNamingTheField();
    void closingWithACellOpenIsSafe();
    void methodOptionNeedsAKindThatReadsIt();
    void screenshotsWhenAsked();
};

namespace {

json baseRecipe(std::int64_t maxSteps = 300)
{
    json recipe = {{"model", {{"path", "/models/tiny-llama"}}},
                   {"dataset", {{"path", "/data/notes.txt"}}},
                   {"method", {{"kind", "lora"}, {"rank", 8}}},
                   {"training", {{"max_steps", maxSteps}}}};
    if (maxSteps == 0)
        recipe["training"] = {{"epochs", 2}};
    return recipe;
}

template <typename T> T *child(QWidget &root, const char *name)
{
    auto *widget = root.findChild<T *>(QString::fromLatin1(name));
    if (!widget)
        qFatal("no %s named %s", T::staticMetaObject.className(), name);
    return widget;
}

struct ShownDesigner {
    SweepDesigner designer;
    ShownDesigner()
    {
        designer.resize(1000, 700);
        designer.show();
        if (!QTest::qWaitForWindowExposed(&designer))
            qFatal("the designer did not show");
        designer.setBaseRecipeJson(baseRecipe());
    }
    QTableView *table() { return child<QTableView>(designer, "parameters"); }
    QAbstractItemModel *model() { return table()->model(); }
    int rowOf(const QString &label)
    {
        for (int row = 0; row < model()->rowCount(); ++row)
            if (model()->index(row, Column::Parameter).data().toString() == label)
                return row;
        return -1;
    }
};

// "Add parameter", then the field's item in its section's menu.
void addParameter(SweepDesigner &designer, const char *path)
{
    auto *button = child<QToolButton>(designer, "addParameter");
    QVERIFY(button->menu());
    Q_EMIT button->menu()->aboutToShow();
    auto *action = button->menu()->findChild<QAction *>(QString::fromLatin1(path));
    QVERIFY2(action, path);
    QVERIFY2(action->isEnabled(), path);
    action->trigger();
}

// The editor a cell opened (offscreen windows are never active, so focus cannot tell).
template <typename T> T *openEditor(QTableView *table)
{
    for (T *editor : table->viewport()->findChildren<T *>())
        if (editor->isVisible())
            return editor;
    return nullptr;
}

// Types into a table cell as a person does: the cell's editor opens, the text replaces
// what was there, Return commits.
void typeIntoCell(QTableView *table, int row, int column, const QString &text)
{
    const QModelIndex index = table->model()->index(row, column);
    table->setFocus();
    table->setCurrentIndex(index);
    table->edit(index);
    auto *editor = openEditor<QLineEdit>(table);
    QVERIFY2(editor, "the cell did not open a text editor");
    editor->selectAll();
    QTest::keyClick(editor, Qt::Key_Delete);
    QTest::keyClicks(editor, text);
    QTest::keyClick(editor, Qt::Key_Return); // the delegate commits on its next turn of the event loop
    QTRY_COMPARE(table->model()->data(index).toString(), text);
}

// Picks an option of a cell that offers a few, with the keyboard.
void chooseInCell(QTableView *table, int row, int column, int option)
{
    const QModelIndex index = table->model()->index(row, column);
    table->setFocus();
    table->setCurrentIndex(index);
    table->edit(index);
    auto *combo = openEditor<QComboBox>(table);
    QVERIFY2(combo, "the cell did not open a list of options");
    while (combo->currentIndex() < option)
        QTest::keyClick(combo, Qt::Key_Down);
    while (combo->currentIndex() > option)
        QTest::keyClick(combo, Qt::Key_Up);
    QTRY_COMPARE(table->model()->data(index, Qt::EditRole).toInt(), option);
}

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

void setSpin(QSpinBox *spin, int value)
{
    spin->setFocus();
    spin->selectAll();
    QTest::keyClicks(spin, QString::number(value));
    QTest::keyClick(spin, Qt::Key_Tab);
    QCOMPARE(spin->value(), value);
}

} // namespace

void TestSweepDesigner::gridOfThreeByTwoValuesIsSixTrials()
{
    ShownDesigner shown;
    SweepDesigner &designer = shown.designer;
    addParameter(designer, "optimizer.lr");
    addParameter(designer, "training.batch_size");
    QCOMPARE(shown.model()->rowCount(), 2);
    typeIntoCell(shown.table(), 0, Column::Values, QStringLiteral("1e-4, 2e-4, 3e-4"));
    typeIntoCell(shown.table(), 1, Column::Values, QStringLiteral("8, 16"));
    chooseItem(child<QComboBox>(designer, "strategy"), QStringLiteral("grid"));

    QVERIFY2(designer.isValid(), qPrintable(designer.validationMessage()));
    auto *trials = child<QSpinBox>(designer, "trials");
    QCOMPARE(trials->value(), 6);
    QVERIFY(!trials->isEnabled()); // a grid's size is shown, not chosen
    QCOMPARE(designer.sweepSpec().grid.size(), std::size_t{6});
    QVERIFY(child<QPushButton>(designer, "launch")->isEnabled());

    // The document is one `llmos sweep` runs: the engine parses it on its own.
    const SweepSpec spec = parseSweepDocument(designer.sweepJson(), "test.json", ".");
    QCOMPARE(spec.strategy.kind, StrategyKind::Grid);
    QCOMPARE(spec.budget.maxTrials, 6);
    QCOMPARE(spec.space.parameters().size(), std::size_t{2});
    QVERIFY(spec.space.parameters()[0].values == (std::vector<json>{1e-4, 2e-4, 3e-4}));
    QVERIFY(spec.space.parameters()[1].values == (std::vector<json>{8, 16}));

    QCOMPARE(designer.estimate().trials, 6);
    QCOMPARE(designer.estimate().totalSteps, 6.0 * 300);
    QVERIFY2(child<QLabel>(designer, "estimate")->text().contains(QStringLiteral("1,800")),
             qPrintable(child<QLabel>(designer, "estimate")->text()));

    // A third value for the batch size: nine.
    typeIntoCell(shown.table(), 1, Column::Values, QStringLiteral("8, 16, 32"));
    QCOMPARE(trials->value(), 9);
}

void TestSweepDesigner::randomSearchOverALogRange()
{
    ShownDesigner shown;
    SweepDesigner &designer = shown.designer;
    addParameter(designer, "optimizer.lr");
    addParameter(designer, "method.rank");
    chooseInCell(shown.table(), 0, Column::Search, 1); // a range
    typeIntoCell(shown.table(), 0, Column::Low, QStringLiteral("1e-5"));
    typeIntoCell(shown.table(), 0, Column::High, QStringLiteral("1e-3"));
    chooseInCell(shown.table(), 0, Column::Scale, 1); // log
    chooseInCell(shown.table(), 1, Column::Search, 1);
    typeIntoCell(shown.table(), 1, Column::Low, QStringLiteral("4"));
    typeIntoCell(shown.table(), 1, Column::High, QStringLiteral("32"));
    QCOMPARE(shown.model()->index(1, Column::Numbers).data().toString(), QStringLiteral("Whole"));
    chooseItem(child<QComboBox>(designer, "strategy"), QStringLiteral("random"));
    setSpin(child<QSpinBox>(designer, "trials"), 12);

    QVERIFY2(designer.isValid(), qPrintable(designer.validationMessage()));
    const SweepSpec spec = designer.sweepSpec();
    QCOMPARE(spec.strategy.kind, StrategyKind::Random);
    QCOMPARE(spec.budget.maxTrials, 12);
    const SearchParameter *lr = spec.space.find("optimizer.lr");
    QVERIFY(lr);
    QCOMPARE(lr->kind, ParameterKind::LogUniform);
    QCOMPARE(lr->low, 1e-5);
    QCOMPARE(lr->high, 1e-3);
    const SearchParameter *rank = spec.space.find("method.rank");
    QVERIFY(rank);
    QCOMPARE(rank->kind, ParameterKind::Int);
    QCOMPARE(rank->high, 32.0);
    QCOMPARE(designer.estimate().trials, 12);

    // A rank the method factory refuses is caught here, though the sweep parser leaves
    // method options to the trials.
    typeIntoCell(shown.table(), 1, Column::Low, QStringLiteral("0"));
    QVERIFY(!designer.isValid());
    QVERIFY(designer.validationMessage().contains(QStringLiteral("Rank")));
}

void TestSweepDesigner::textThatIsNoValueDisablesLaunch()
{
    ShownDesigner shown;
    SweepDesigner &designer = shown.designer;
    QSignalSpy validity(&designer, &SweepDesigner::validityChanged);
    addParameter(designer, "training.batch_size");
    QVERIFY2(designer.isValid(), qPrintable(designer.validationMessage()));
    auto *launch = child<QPushButton>(designer, "launch");
    QVERIFY(launch->isEnabled());

    typeIntoCell(shown.table(), 0, Column::Values, QStringLiteral("8, sixteen"));
    QVERIFY(!designer.isValid());
    QVERIFY(!launch->isEnabled());
    QCOMPARE(validity.last().at(0).toBool(), false);
    QVERIFY(validity.last().at(1).toString().contains(QStringLiteral("sixteen")));
    const QModelIndex values = shown.model()->index(0, Column::Values);
    QVERIFY(values.data(Qt::BackgroundRole).isValid());
    QVERIFY(values.data(Qt::ToolTipRole).toString().contains(QStringLiteral("whole number")));
    QVERIFY(child<QLabel>(designer, "sweepStatus")->text().contains(QStringLiteral("Batch size")));

    typeIntoCell(shown.table(), 0, Column::Values, QStringLiteral("8, 16"));
    QVERIFY(designer.isValid());
    QVERIFY(launch->isEnabled());
    QVERIFY(!values.data(Qt::BackgroundRole).isValid());
    QCOMPARE(validity.last().at(0).toBool(), true);

    // A choice that is not one.
    addParameter(designer, "schedule.name");
    typeIntoCell(shown.table(), 1, Column::Values, QStringLiteral("linear, exponential"));
    QVERIFY(!launch->isEnabled());
    typeIntoCell(shown.table(), 1, Column::Values, QStringLiteral("linear, cosine"));
    QVERIFY(launch->isEnabled());
}

void TestSweepDesigner::valueTheRecipeRefusesMarksItsRow()
{
    ShownDesigner shown;
    SweepDesigner &designer = shown.designer;
    addParameter(designer, "training.batch_size");
    addParameter(designer, "optimizer.lr");
    typeIntoCell(shown.table(), 1, Column::Values, QStringLiteral("1e-4, 20"));
    QVERIFY(!designer.isValid());
    // The engine's recipe parser refused it, and the message names the field.
    QVERIFY2(designer.validationMessage().contains(QStringLiteral("optimizer.lr")),
             qPrintable(designer.validationMessage()));
    QVERIFY(shown.model()->index(1, Column::Values).data(Qt::BackgroundRole).isValid());
    QVERIFY(!shown.model()->index(0, Column::Values).data(Qt::BackgroundRole).isValid());
    QVERIFY(!child<QPushButton>(designer, "launch")->isEnabled());
}

void TestSweepDesigner::gridRefusesARange()
{
    ShownDesigner shown;
    SweepDesigner &designer = shown.designer;
    addParameter(designer, "training.dropout");
    chooseInCell(shown.table(), 0, Column::Search, 1);
    chooseItem(child<QComboBox>(designer, "strategy"), QStringLiteral("tpe"));
    QVERIFY2(designer.isValid(), qPrintable(designer.validationMessage()));
    chooseItem(child<QComboBox>(designer, "strategy"), QStringLiteral("grid"));
    QVERIFY(!designer.isValid());
    QVERIFY(shown.model()->index(0, Column::Low).data(Qt::BackgroundRole).isValid());
    QVERIFY(designer.validationMessage().contains(QStringLiteral("grid")));
}

void TestSweepDesigner::halvingEstimateIsBelowThePlainTotal()
{
    ShownDesigner shown;
    SweepDesigner &designer = shown.designer;
    designer.setBaseRecipeJson(baseRecipe(900));
    addParameter(designer, "optimizer.lr");
    chooseInCell(shown.table(), 0, Column::Search, 1);
    chooseItem(child<QComboBox>(designer, "strategy"), QStringLiteral("tpe"));
    setSpin(child<QSpinBox>(designer, "trials"), 27);
    QVERIFY2(designer.isValid(), qPrintable(designer.validationMessage()));
    QCOMPARE(designer.estimate().totalSteps, 27.0 * 900);
    QCOMPARE(designer.estimate().expectedSteps, designer.estimate().totalSteps);

    chooseItem(child<QComboBox>(designer, "pruner"), QStringLiteral("asha"));
    // The first check is suggested at a third of the training: the learning rate is searched.
    QCOMPARE(child<QSpinBox>(designer, "minSteps")->value(), 300);
    setSpin(child<QSpinBox>(designer, "minSteps"), 100);
    QVERIFY2(designer.isValid(), qPrintable(designer.validationMessage()));
    const SweepEstimate asha = designer.estimate();
    QVERIFY(asha.halving);
    QVERIFY2(asha.expectedSteps < 0.6 * asha.totalSteps, qPrintable(QString::number(asha.expectedSteps)));
    QVERIFY(asha.expectedSteps > 27.0 * 100); // every trial reaches the first check
    QVERIFY(child<QLabel>(designer, "estimate")->text().contains(QLatin1Char('%')));

    chooseItem(child<QComboBox>(designer, "pruner"), QStringLiteral("hyperband"));
    QVERIFY2(designer.isValid(), qPrintable(designer.validationMessage()));
    const SweepEstimate hyperband = designer.estimate();
    QVERIFY(hyperband.expectedSteps < hyperband.totalSteps);
    QVERIFY(hyperband.expectedSteps > asha.expectedSteps); // its later brackets stop fewer

    // A first check past the trial's end is the engine's error, on that setting.
    setSpin(child<QSpinBox>(designer, "minSteps"), 1000);
    QVERIFY(!designer.isValid());
    QVERIFY(child<QSpinBox>(designer, "prunerMaxSteps")->styleSheet().contains(QStringLiteral("border")));
}

void TestSweepDesigner::halvingExpectationFollowsTheRule()
{
    // Three trials, one rung at 100 of 300 steps, eta 3: the first goes on, the second
    // with a chance of 1/2 (the better of two), the third of 1/3 (best of three).
    const double expected = 3 * 100 + (1 + 0.5 + 1.0 / 3) * 200;
    QCOMPARE(expectedHalvingSteps(3, {100}, 3, 300), expected);
    // No rungs below the end: every step is spent.
    QCOMPARE(expectedHalvingSteps(5, {}, 3, 300), 1500.0);
    // Many trials: close to a third going on at each rung (a little less: the best
    // floor(j / 3) of j is under a third when 3 does not divide j).
    const double many = expectedHalvingSteps(900, {100, 300}, 3, 900);
    const double thirds = 900 * (100 + 200.0 / 3 + 600.0 / 9);
    QVERIFY2(std::abs(many - thirds) < 0.01 * thirds, qPrintable(QString::number(many)));
}

void TestSweepDesigner::epochRecipeTakesStepsAndSpeedFromThePage()
{
    ShownDesigner shown;
    SweepDesigner &designer = shown.designer;
    designer.setBaseRecipeJson(baseRecipe(0)); // 2 epochs
    addParameter(designer, "training.batch_size");
    setSpin(child<QSpinBox>(designer, "trials"), 4);
    QVERIFY2(designer.isValid(), qPrintable(designer.validationMessage()));
    QCOMPARE(designer.estimate().stepsPerTrial, 0);
    QVERIFY(child<QLabel>(designer, "estimate")->text().contains(QStringLiteral("epochs")));

    designer.setStepsPerTrial(500);
    QCOMPARE(designer.estimate().totalSteps, 2000.0);
    designer.setSecondsPerStep(0.9);
    QVERIFY2(child<QLabel>(designer, "estimate")->text().contains(QStringLiteral("30 min")),
             qPrintable(child<QLabel>(designer, "estimate")->text()));

    // Trying more epochs makes the longest trial longer.
    addParameter(designer, "training.epochs");
    typeIntoCell(shown.table(), 1, Column::Values, QStringLiteral("2, 4"));
    QCOMPARE(designer.estimate().stepsPerTrial, 1000);
}

void TestSweepDesigner::launchAsksThePage()
{
    ShownDesigner shown;
    SweepDesigner &designer = shown.designer;
    QSignalSpy launches(&designer, &SweepDesigner::launchRequested);
    auto *launch = child<QPushButton>(designer, "launch");
    QVERIFY(!launch->isEnabled()); // nothing to vary yet
    QVERIFY(designer.validationMessage().contains(QStringLiteral("parameter")));
    addParameter(designer, "training.batch_size");
    QTest::mouseClick(launch, Qt::LeftButton);
    QCOMPARE(launches.size(), 1);

    SweepDesigner empty;
    QVERIFY(!empty.isValid());
    QVERIFY(empty.validationMessage().contains(QStringLiteral("base recipe")));
    empty.setBaseRecipe(parseTrainingRecipe(baseRecipe()));
    addParameter(empty, "training.batch_size");
    QVERIFY2(empty.isValid(), qPrintable(empty.validationMessage()));
}

void TestSweepDesigner::saveThenLoadGivesTheSameSweep()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("search.json"));
    ShownDesigner shown;
    SweepDesigner &designer = shown.designer;
    QTest::keyClicks(child<QLineEdit>(designer, "sweepName"), QStringLiteral("method-search"));
    addParameter(designer, "optimizer.lr");
    addParameter(designer, "method.kind");
    typeIntoCell(shown.table(), 1, Column::Values, QStringLiteral("lora, full"));
    // The base recipe's LoRA rank would reach the full fine-tuning trials.
    QVERIFY(!designer.isValid());
    QVERIFY2(designer.validationMessage().contains(QStringLiteral("Rank")), qPrintable(designer.validationMessage()));
    addParameter(designer, "method.rank");
    QVERIFY2(designer.isValid(), qPrintable(designer.validationMessage()));
    // ... and as a parameter it is tried with LoRA only.
    QVERIFY(json(designer.sweepJson()["space"]["method.rank"]["when"]) == (json{{"method.kind", {"lora"}}}));
    chooseInCell(shown.table(), 0, Column::Search, 1);
    chooseInCell(shown.table(), 0, Column::Scale, 1);
    chooseItem(child<QComboBox>(designer, "strategy"), QStringLiteral("tpe"));
    chooseItem(child<QComboBox>(designer, "pruner"), QStringLiteral("asha"));
    chooseItem(child<QComboBox>(designer, "metric"), QStringLiteral("perplexity"));
    setSpin(child<QSpinBox>(designer, "timeLimit"), 90);
    QVERIFY2(designer.isValid(), qPrintable(designer.validationMessage()));
    QString error;
    QVERIFY2(designer.saveTo(path, &error), qPrintable(error));
    const SweepSpec onDisk = loadSweepFile(path.toStdString()); // what `llmos sweep` reads
    QCOMPARE(onDisk.budget.maxTimeSeconds, 5400.0);
    QCOMPARE(onDisk.pruner.kind, PrunerKind::Asha);

    SweepDesigner other;
    QVERIFY2(other.loadFrom(path, &error), qPrintable(error));
    QVERIFY2(other.isValid(), qPrintable(other.validationMessage()));
    QVERIFY2(json(other.sweepJson()) == json(designer.sweepJson()),
             qPrintable(QString::fromStdString(other.sweepJson().dump() + "\n" + designer.sweepJson().dump())));

    // A condition written by hand in the file is kept through the table.
    auto document = designer.sweepJson();
    document["space"]["method.rank"] = {{"int", {4, 32}}, {"log", true}, {"when", {{"method.kind", {"lora"}}}}};
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(QByteArray::fromStdString(document.dump(2)));
    file.close();
    QVERIFY2(other.loadFrom(path, &error), qPrintable(error));
    QVERIFY2(other.isValid(), qPrintable(other.validationMessage()));
    QVERIFY(json(other.sweepJson()["space"]["method.rank"]) == json(document["space"]["method.rank"]));
}

void TestSweepDesigner::methodOptionNeedsAKindThatReadsIt()
{
    ShownDesigner shown;
    SweepDesigner &designer = shown.designer;
    json recipe = baseRecipe();
    recipe["method"] = {{"kind", "full"}};
    designer.setBaseRecipeJson(recipe);
    addParameter(designer, "method.size"); // bottleneck adapters only
    QVERIFY(!designer.isValid());
    QVERIFY(shown.model()->index(0, Column::Values).data(Qt::BackgroundRole).isValid());
    addParameter(designer, "method.kind");
    typeIntoCell(shown.table(), 1, Column::Values, QStringLiteral("adapter, full"));
    QVERIFY2(designer.isValid(), qPrintable(designer.validationMessage()));
    QCOMPARE(designer.sweepSpec().space.find("method.size")->when.size(), std::size_t{1});
}

void TestSweepDesigner::fileTheEngineRejectsIsRefusedNamingTheField()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.json"));
    json document = {{"recipe", baseRecipe()},
                     {"space", {{"optimizer.lr", {{"log_uniform", {0, 1e-3}}}}}},
                     {"budget", {{"max_trials", 5}}}};
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray::fromStdString(document.dump()));
    file.close();
    SweepDesigner designer;
    QString error;
    QVERIFY(!designer.loadFrom(path, &error));
    QVERIFY2(error.contains(QStringLiteral("space.optimizer.lr")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("bad.json")), qPrintable(error));
}

void TestSweepDesigner::closingWithACellOpenIsSafe()
{
    auto shown = std::make_unique<ShownDesigner>();
    addParameter(shown->designer, "training.batch_size");
    const QModelIndex index = shown->model()->index(0, Column::Values);
    shown->table()->setCurrentIndex(index);
    shown->table()->edit(index);
    auto *editor = openEditor<QLineEdit>(shown->table());
    QVERIFY(editor);
    QTest::keyClicks(editor, QStringLiteral("4, 8"));
    shown.reset(); // the open editor commits as the table goes
}

// LLMOS_DESIGNER_SCREENSHOTS=DIR saves the designer with three parameters in the light
// and the dark theme, for a look by eye.
void TestSweepDesigner::screenshotsWhenAsked()
{
    const QString folder = qEnvironmentVariable("LLMOS_DESIGNER_SCREENSHOTS");
    if (folder.isEmpty())
        QSKIP("set LLMOS_DESIGNER_SCREENSHOTS to a folder to save screenshots");
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    for (const bool dark : {false, true}) {
        QApplication::setPalette(dark ? ThemeSetup::darkPalette() : ThemeSetup::lightPalette());
        ShownDesigner shown;
        SweepDesigner &designer = shown.designer;
        designer.setBaseRecipeJson(baseRecipe(900));
        addParameter(designer, "optimizer.lr");
        addParameter(designer, "method.rank");
        addParameter(designer, "training.batch_size");
        chooseInCell(shown.table(), 0, Column::Search, 1);
        chooseInCell(shown.table(), 0, Column::Scale, 1);
        typeIntoCell(shown.table(), 2, Column::Values, QStringLiteral("8, 16, x"));
        chooseItem(child<QComboBox>(designer, "strategy"), QStringLiteral("tpe"));
        chooseItem(child<QComboBox>(designer, "pruner"), QStringLiteral("asha"));
        setSpin(child<QSpinBox>(designer, "trials"), 30);
        designer.setSecondsPerStep(0.35);
        shown.table()->clearSelection();
        QTest::qWait(50);
        const QString prefix = dark ? QStringLiteral("sweepdesigner-dark") : QStringLiteral("sweepdesigner");
        QVERIFY(designer.grab().save(QDir(folder).filePath(prefix + QStringLiteral("-invalid.png"))));
        typeIntoCell(shown.table(), 2, Column::Values, QStringLiteral("8, 16, 32"));
        shown.table()->clearSelection();
        QTest::qWait(50);
        QVERIFY(designer.grab().save(QDir(folder).filePath(prefix + QStringLiteral(".png"))));
    }
}

QTEST_MAIN(TestSweepDesigner)
#include "test_sweepdesigner.moc"
