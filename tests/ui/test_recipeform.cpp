#include "finetune/recipefields.h"
#include "finetune/recipeform.h"
#include "recipe/trainingrecipe.h"
#include "themesetup.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStyleFactory>
#include <QTemporaryDir>
#include <QTest>

#include <set>

using namespace llmos;
using json = nlohmann::json;

class TestRecipeForm : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyRecipeFieldIsInTheCatalog();
    void everyCatalogFieldIsInTheForm();
    void fullRecipeRoundTrips();
    void eachMethodKindRoundTrips_data();
    void eachMethodKindRoundTrips();
    void outOfRangeValueMarksTheFieldUntilFixed();
    void textThatIsNoNumberMarksTheField();
    void ruleBetweenFieldsMarksTheFieldTheEngineNames();
    void methodKindShowsItsOwnFields();
    void unknownMethodOptionsAreKept();
    void optionalSectionSwitchesOnAndOff();
    void learningRateLeftEmptyFollowsTheMethod();
    void saveThenLoadGivesTheSameRecipe();
    void fileTrainWouldRejectIsRefusedNamingTheField_data();
    void fileTrainWouldRejectIsRefusedNamingTheField();
    void changedFieldIsHighlighted();
    void screenshotsWhenAsked();
};

// QCOMPARE would try nlohmann's conversions to every type QTest compares.
#define COMPARE_JSON(actual, expected)                                                                                 \
    do {                                                                                                               \
        const json a_ = (actual), e_ = (expected);                                                                     \
        QVERIFY2(a_ == e_,                                                                                             \
                 qPrintable(QStringLiteral("%1\n   is not\n%2")                                                        \
                                .arg(QString::fromStdString(a_.dump()), QString::fromStdString(e_.dump()))));          \
    } while (false)

namespace {

// Every section away from its default, so a field the form drops or mangles shows.
TrainingRecipe fullRecipe()
{
    TrainingRecipe r;
    r.modelPath = "/models/tiny-llama";
    r.dataset.path = "/data/topics.csv";
    r.dataset.format = DatasetFileFormat::Csv;
    r.dataset.kind = DatasetKind::Classification;
    r.dataset.fields.text = "sentence";
    r.dataset.fields.label = "topic";
    r.dataset.policy = BadRowPolicy::Skip;
    r.dataset.validationFraction = 0.2;
    r.dataset.seed = 7;
    r.dataset.augmentation = AugmentationSettings{
        .copies = 3, .deletion = 0.2, .swaps = 2, .synonyms = "/data/synonyms.txt", .synonymRate = 0.3, .seed = 9};
    r.task.kind = TrainingTaskKind::Classification;
    r.task.maxSeqLen = 128;
    r.method = {
        {"kind", "lora"}, {"rank", 16}, {"alpha", 32.0}, {"dropout", 0.05}, {"target_modules", {"q_proj", "v_proj"}},
        {"rslora", true}};
    r.optimizer.name = "sgd";
    r.optimizer.lr = 0.003;
    r.optimizer.weightDecay = 0.01;
    r.optimizer.beta1 = 0.85;
    r.optimizer.beta2 = 0.99;
    r.optimizer.eps = 1e-6;
    r.optimizer.momentum = 0.9;
    r.optimizer.nesterov = true;
    r.schedule.name = "cosine";
    r.schedule.warmupRatio = 0.06;
    r.training.epochs = 5;
    r.training.maxSteps = 400;
    r.training.batchSize = 16;
    r.training.gradAccumulation = 4;
    r.training.maxGradNorm = 0.5;
    r.training.evalEvery = 50;
    r.training.checkpointEvery = 100;
    r.training.keepCheckpoints = 3;
    r.training.seed = 1234;
    r.training.earlyStopping = EarlyStoppingSettings{.metric = "macro_f1", .patience = 4, .mode = "max"};
    r.training.fgm = FgmSettings{.epsilon = 0.5};
    r.training.activationCheckpointing = true;
    r.training.dropout = 0.1;
    r.training.device = "cuda:1";
    r.training.precision = "bf16";
    r.output.name = "topic-classifier";
    r.output.merge = true;
    r.output.registerModel = false;
    return parseTrainingRecipe(toJson(r)); // as a run would hold it
}

TrainingRecipe minimalRecipe(const json &method = {{"kind", "full"}})
{
    return parseTrainingRecipe(
        {{"model", {{"path", "/models/tiny"}}}, {"dataset", {{"path", "/data/notes.txt"}}}, {"method", method}});
}

// The leaves of a recipe document as dotted paths; the method's options are leaves of
// "method" whatever their value.
void collectPaths(const json &value, const std::string &prefix, std::set<std::string> &paths)
{
    for (const auto &[key, child] : value.items()) {
        const std::string path = prefix.empty() ? key : prefix + "." + key;
        if (child.is_object() && path != "method")
            collectPaths(child, path, paths);
        else if (path == "method")
            for (const auto &option : child.items())
                paths.insert("method." + option.key());
        else
            paths.insert(path);
    }
}

template <typename T> T *field(RecipeForm &form, const char *path)
{
    auto *widget = form.findChild<T *>(QString::fromLatin1(path));
    if (!widget)
        qFatal("no %s named %s", T::staticMetaObject.className(), path);
    return widget;
}

QLabel *errorLabel(RecipeForm &form, const char *path)
{
    return form.findChild<QLabel *>(QString::fromLatin1(path) + QStringLiteral(".error"));
}

void enterText(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
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

json methodJson(const RecipeForm &form)
{
    return form.recipeJson().at("method");
}

struct ShownForm {
    RecipeForm form;
    ShownForm()
    {
        form.resize(1000, 700);
        form.show();
        if (!QTest::qWaitForWindowExposed(&form))
            qFatal("the form did not show");
    }
};

} // namespace

void TestRecipeForm::everyRecipeFieldIsInTheCatalog()
{
    std::set<std::string> paths;
    collectPaths(toJson(TrainingRecipe{}), "", paths);
    collectPaths(toJson(fullRecipe()), "", paths);
    TrainingRecipe warmupBySteps = fullRecipe();
    warmupBySteps.schedule.warmupRatio = 0;
    warmupBySteps.schedule.warmupSteps = 30;
    collectPaths(toJson(warmupBySteps), "", paths);
    // Left out on purpose: the format version is always 1.
    const std::set<std::string> elsewhere{"version"};
    for (const auto &path : paths) {
        if (elsewhere.contains(path))
            continue;
        QVERIFY2(RecipeFields::find(path),
                 qPrintable(QStringLiteral("recipe field %1 has no catalog entry").arg(QString::fromStdString(path))));
    }
    // Each catalog entry has words for people, and choices that the engine accepts.
    for (const auto &field : RecipeFields::all()) {
        QVERIFY2(!field.labelText().isEmpty() && field.helpText().size() > 30, field.path);
        if (field.type == RecipeFieldType::Choice)
            QVERIFY2(!field.choices.empty(), field.path);
    }
}

void TestRecipeForm::everyCatalogFieldIsInTheForm()
{
    RecipeForm form;
    for (const auto &field : RecipeFields::all()) {
        auto *input = form.findChild<QWidget *>(QString::fromLatin1(field.path));
        QVERIFY2(input, field.path);
        QVERIFY2(!input->toolTip().isEmpty(), field.path);
    }
}

void TestRecipeForm::fullRecipeRoundTrips()
{
    const TrainingRecipe original = fullRecipe();
    RecipeForm form;
    form.setRecipe(original);
    QVERIFY2(form.isValid(), qPrintable(form.validationMessage()));
    COMPARE_JSON(toJson(form.recipe()), toJson(original));

    TrainingRecipe bySteps = original;
    bySteps.schedule.warmupRatio = 0;
    bySteps.schedule.warmupSteps = 30;
    form.setRecipe(bySteps);
    QVERIFY2(form.isValid(), qPrintable(form.validationMessage()));
    COMPARE_JSON(toJson(form.recipe()), toJson(bySteps));
}

void TestRecipeForm::eachMethodKindRoundTrips_data()
{
    QTest::addColumn<QString>("method");
    QTest::newRow("full") << QStringLiteral(R"({"kind": "full"})");
    QTest::newRow("freeze") << QStringLiteral(R"({"kind": "freeze", "layers": 2, "modules": ["embeddings"]})");
    QTest::newRow("bitfit") << QStringLiteral(R"({"kind": "bitfit"})");
    QTest::newRow("lora") << QStringLiteral(R"({"kind": "lora", "rank": 16, "alpha": 32.0, "dropout": 0.05,
        "target_modules": ["q_proj", "v_proj"], "rslora": true})");
    QTest::newRow("adalora") << QStringLiteral(R"({"kind": "adalora", "init_rank": 16, "target_rank": 4,
        "tinit": 10, "tfinal": 20, "delta_t": 5, "beta1": 0.8, "beta2": 0.9, "alpha": 16.0, "dropout": 0.1,
        "target_modules": ["all-linear"], "orth_reg_weight": 0.25})");
    QTest::newRow("adapter") << QStringLiteral(R"({"kind": "adapter", "size": 32, "activation": "gelu"})");
    QTest::newRow("prefix") << QStringLiteral(R"({"kind": "prefix", "virtual_tokens": 30, "projection": true,
        "encoder_hidden": 256})");
    QTest::newRow("prompt") << QStringLiteral(R"({"kind": "prompt", "virtual_tokens": 10, "init": "text",
        "init_text": "Classify the topic:"})");
    QTest::newRow("prompt by ids") << QStringLiteral(R"({"kind": "prompt", "init": "text",
        "init_token_ids": [101, 2054, 3]})");
}

void TestRecipeForm::eachMethodKindRoundTrips()
{
    QFETCH(QString, method);
    const json spec = json::parse(method.toStdString());
    const TrainingRecipe original = minimalRecipe(spec);
    RecipeForm form;
    form.setRecipe(original);
    QVERIFY2(form.isValid(), qPrintable(form.validationMessage()));
    COMPARE_JSON(form.recipe().method, spec);
    COMPARE_JSON(toJson(form.recipe()), toJson(original));
    // Every option of the kind is catalogued, and shown.
    for (const auto &[key, value] : spec.items()) {
        const auto *entry = RecipeFields::find("method." + key);
        QVERIFY2(entry, key.c_str());
        QVERIFY2(entry->appliesToMethod(spec["kind"].get<std::string>()), key.c_str());
    }
}

void TestRecipeForm::outOfRangeValueMarksTheFieldUntilFixed()
{
    ShownForm shown;
    RecipeForm &form = shown.form;
    form.setRecipe(minimalRecipe({{"kind", "lora"}}));
    QVERIFY(form.isValid());
    QSignalSpy validity(&form, &RecipeForm::validityChanged);
    auto *lr = field<QLineEdit>(form, "optimizer.lr");

    enterText(lr, QStringLiteral("20"));
    QVERIFY(!form.isValid());
    QCOMPARE(form.errorField(), QStringLiteral("optimizer.lr"));
    QVERIFY(errorLabel(form, "optimizer.lr")->isVisibleTo(&form));
    QVERIFY2(errorLabel(form, "optimizer.lr")->text().contains(QStringLiteral("10")),
             qPrintable(errorLabel(form, "optimizer.lr")->text()));
    QVERIFY(lr->styleSheet().contains(QStringLiteral("border")));
    QVERIFY(!field<QPushButton>(form, "saveRecipe")->isEnabled());
    QVERIFY(!validity.isEmpty());
    QCOMPARE(validity.last().at(0).toBool(), false);
    QVERIFY(validity.last().at(1).toString().contains(QStringLiteral("Learning rate")));

    enterText(lr, QStringLiteral("3e-4"));
    QVERIFY2(form.isValid(), qPrintable(form.validationMessage()));
    QVERIFY(!errorLabel(form, "optimizer.lr")->isVisibleTo(&form));
    QVERIFY(lr->styleSheet().isEmpty());
    QCOMPARE(validity.last().at(0).toBool(), true);
    QCOMPARE(form.recipe().optimizer.lr, 3e-4);

    // A method option, which the engine's recipe parser leaves to the method factory.
    auto *rank = field<QLineEdit>(form, "method.rank");
    enterText(rank, QStringLiteral("0"));
    QVERIFY(!form.isValid());
    QCOMPARE(form.errorField(), QStringLiteral("method.rank"));
    enterText(rank, QStringLiteral("32"));
    QVERIFY(form.isValid());
    COMPARE_JSON(methodJson(form).at("rank"), json(32));
}

void TestRecipeForm::textThatIsNoNumberMarksTheField()
{
    ShownForm shown;
    RecipeForm &form = shown.form;
    form.setRecipe(minimalRecipe());
    auto *batch = field<QLineEdit>(form, "training.batch_size");
    enterText(batch, QStringLiteral("sixteen"));
    QVERIFY(!form.isValid());
    QCOMPARE(form.errorField(), QStringLiteral("training.batch_size"));
    QVERIFY(errorLabel(form, "training.batch_size")->text().contains(QStringLiteral("whole number")));
    enterText(batch, QStringLiteral("16"));
    QVERIFY(form.isValid());
    QCOMPARE(form.recipe().training.batchSize, 16);

    // An empty required path says so, without asking the engine.
    enterText(field<QLineEdit>(form, "model.path"), QString());
    QVERIFY(!form.isValid());
    QCOMPARE(form.errorField(), QStringLiteral("model.path"));
}

void TestRecipeForm::ruleBetweenFieldsMarksTheFieldTheEngineNames()
{
    ShownForm shown;
    RecipeForm &form = shown.form;
    form.setRecipe(minimalRecipe());
    field<QCheckBox>(form, "optimizer.nesterov")->click(); // needs SGD with momentum
    QVERIFY(!form.isValid());
    QCOMPARE(form.errorField(), QStringLiteral("optimizer.nesterov"));
    chooseItem(field<QComboBox>(form, "optimizer.name"), QStringLiteral("sgd"));
    enterText(field<QLineEdit>(form, "optimizer.momentum"), QStringLiteral("0.9"));
    QVERIFY2(form.isValid(), qPrintable(form.validationMessage()));

    // Both warm-ups at once: the engine names the share.
    enterText(field<QLineEdit>(form, "schedule.warmup_steps"), QStringLiteral("100"));
    enterText(field<QLineEdit>(form, "schedule.warmup_ratio"), QStringLiteral("0.1"));
    QCOMPARE(form.errorField(), QStringLiteral("schedule.warmup_ratio"));
    enterText(field<QLineEdit>(form, "schedule.warmup_ratio"), QStringLiteral("0"));
    QVERIFY2(form.isValid(), qPrintable(form.validationMessage()));
    QCOMPARE(form.recipe().schedule.warmupSteps, 100);
}

void TestRecipeForm::methodKindShowsItsOwnFields()
{
    ShownForm shown;
    RecipeForm &form = shown.form;
    form.setRecipe(minimalRecipe());
    auto *kind = field<QComboBox>(form, "method.kind");
    QVERIFY(!field<QLineEdit>(form, "method.rank")->isVisibleTo(&form));

    chooseItem(kind, QStringLiteral("lora"));
    QVERIFY(field<QLineEdit>(form, "method.rank")->isVisibleTo(&form));
    QVERIFY(field<QLineEdit>(form, "method.target_modules")->isVisibleTo(&form));
    QVERIFY(!field<QLineEdit>(form, "method.size")->isVisibleTo(&form));
    QVERIFY(!field<QLineEdit>(form, "method.init_rank")->isVisibleTo(&form));
    enterText(field<QLineEdit>(form, "method.rank"), QStringLiteral("4"));
    COMPARE_JSON(methodJson(form), (json{{"kind", "lora"}, {"rank", 4}}));

    chooseItem(kind, QStringLiteral("adapter"));
    QVERIFY(field<QLineEdit>(form, "method.size")->isVisibleTo(&form));
    QVERIFY(field<QComboBox>(form, "method.activation")->isVisibleTo(&form));
    QVERIFY(!field<QLineEdit>(form, "method.rank")->isVisibleTo(&form));
    COMPARE_JSON(methodJson(form), (json{{"kind", "adapter"}})); // LoRA's rank does not follow
    QVERIFY(form.isValid());

    chooseItem(kind, QStringLiteral("freeze")); // needs layers or modules
    QVERIFY(!form.isValid());
    QCOMPARE(form.errorField(), QStringLiteral("method.layers"));
    enterText(field<QLineEdit>(form, "method.layers"), QStringLiteral("6"));
    QVERIFY(form.isValid());
    COMPARE_JSON(form.recipe().method, (json{{"kind", "freeze"}, {"layers", 6}}));
}

void TestRecipeForm::unknownMethodOptionsAreKept()
{
    RecipeForm form;
    json document = toJson(minimalRecipe());
    document["method"] = {{"kind", "lora"}, {"rank", 4}, {"future_option", {1, 2}}};
    form.setRecipeJson(document);
    QVERIFY2(form.isValid(), qPrintable(form.validationMessage()));
    COMPARE_JSON(methodJson(form).at("future_option"), json({1, 2}));
    QVERIFY(form.findChild<QLabel *>(QStringLiteral("methodExtras"))->text().contains(QStringLiteral("future_option")));
    form.setRecipe(minimalRecipe({{"kind", "lora"}}));
    QVERIFY(!methodJson(form).contains("future_option"));
}

void TestRecipeForm::optionalSectionSwitchesOnAndOff()
{
    ShownForm shown;
    RecipeForm &form = shown.form;
    form.setRecipe(minimalRecipe());
    auto *patience = field<QLineEdit>(form, "training.early_stopping.patience");
    QVERIFY(!patience->isEnabledTo(&form));
    auto *earlyStopping = field<QCheckBox>(form, "training.early_stopping");
    earlyStopping->click();
    QVERIFY(patience->isEnabledTo(&form));
    QVERIFY2(form.isValid(), qPrintable(form.validationMessage()));
    QVERIFY(form.recipe().training.earlyStopping.has_value());
    enterText(patience, QStringLiteral("5"));
    QCOMPARE(form.recipe().training.earlyStopping->patience, 5);

    // Without validation data the engine refuses it; the switch is marked.
    enterText(field<QLineEdit>(form, "dataset.validation_fraction"), QStringLiteral("0"));
    QVERIFY(!form.isValid());
    QCOMPARE(form.errorField(), QStringLiteral("training.early_stopping"));
    earlyStopping->click();
    QVERIFY(form.isValid());
    QVERIFY(!form.recipe().training.earlyStopping.has_value());
    QVERIFY(!form.recipeJson()["training"].contains("early_stopping"));
}

void TestRecipeForm::learningRateLeftEmptyFollowsTheMethod()
{
    ShownForm shown;
    RecipeForm &form = shown.form;
    form.setRecipe(TrainingRecipe{}); // never parsed: no learning rate yet
    QCOMPARE(field<QLineEdit>(form, "optimizer.lr")->text(), QString());
    enterText(field<QLineEdit>(form, "model.path"), QStringLiteral("/models/tiny"));
    enterText(field<QLineEdit>(form, "dataset.path"), QStringLiteral("/data/notes.txt"));
    QVERIFY2(form.isValid(), qPrintable(form.validationMessage()));
    QCOMPARE(form.recipe().optimizer.lr, 5e-5);
    chooseItem(field<QComboBox>(form, "method.kind"), QStringLiteral("lora"));
    QCOMPARE(form.recipe().optimizer.lr, 2e-4);
}

void TestRecipeForm::saveThenLoadGivesTheSameRecipe()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("recipe.json"));
    RecipeForm form;
    form.setRecipe(fullRecipe());
    QString error;
    QVERIFY2(form.saveTo(path, &error), qPrintable(error));
    // The same file `llmos train` reads.
    COMPARE_JSON(toJson(loadTrainingRecipe(path.toStdString())), toJson(fullRecipe()));

    RecipeForm other;
    QVERIFY2(other.loadFrom(path, &error), qPrintable(error));
    QVERIFY(other.isValid());
    COMPARE_JSON(toJson(other.recipe()), toJson(fullRecipe()));

    // An invalid form writes nothing.
    QFile::remove(path);
    enterText(form.findChild<QLineEdit *>(QStringLiteral("optimizer.lr")), QStringLiteral("-1"));
    QVERIFY(!form.isValid());
    QVERIFY(!form.saveTo(path, &error));
    QVERIFY(!QFile::exists(path));
}

void TestRecipeForm::fileTrainWouldRejectIsRefusedNamingTheField_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("field");
    const QString base = QStringLiteral(R"({"model": {"path": "/m"}, "dataset": {"path": "/d.txt"}, %1})");
    QTest::newRow("learning rate out of range")
        << base.arg(QStringLiteral(R"("optimizer": {"lr": 20})")) << QStringLiteral("optimizer.lr");
    QTest::newRow("misspelt key") << base.arg(QStringLiteral(R"("optimizer": {"learning_rate": 0.001})"))
                                  << QStringLiteral("optimizer.learning_rate");
    QTest::newRow("method option out of range")
        << base.arg(QStringLiteral(R"("method": {"kind": "lora", "rank": 0})")) << QStringLiteral("method.rank");
    QTest::newRow("duplicate key") << QStringLiteral(R"({"model": {"path": "/m"}, "model": {"path": "/n"}})")
                                   << QStringLiteral("model");
}

void TestRecipeForm::fileTrainWouldRejectIsRefusedNamingTheField()
{
    QFETCH(QString, text);
    QFETCH(QString, field);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text.toUtf8());
    file.close();

    RecipeForm form;
    form.setRecipe(minimalRecipe());
    QString error;
    QVERIFY(!form.loadFrom(path, &error));
    QVERIFY2(error.contains(field), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("bad.json")), qPrintable(error));
    COMPARE_JSON(toJson(form.recipe()), toJson(minimalRecipe())); // the form keeps what it had
}

void TestRecipeForm::changedFieldIsHighlighted()
{
    ShownForm shown;
    RecipeForm &form = shown.form;
    form.setRecipe(fullRecipe());
    form.setChangedFieldHighlight(QStringLiteral("optimizer.lr"));
    auto *caption = form.findChild<QLabel *>(QStringLiteral("optimizer.lr.caption"));
    QVERIFY(caption->font().bold());
    QVERIFY(field<QLineEdit>(form, "optimizer.lr")->styleSheet().contains(QStringLiteral("highlight")));
    form.setChangedFieldHighlight(QStringLiteral("method"));
    QVERIFY(!caption->font().bold());
    QVERIFY(form.findChild<QLabel *>(QStringLiteral("method.kind.caption"))->font().bold());
    form.setChangedFieldHighlight(QString());
    QVERIFY(!form.findChild<QLabel *>(QStringLiteral("method.kind.caption"))->font().bold());
}

// LLMOS_DESIGNER_SCREENSHOTS=DIR saves the form in the light and the dark theme, LoRA
// chosen and scrolled to the method, for a look by eye.
void TestRecipeForm::screenshotsWhenAsked()
{
    const QString folder = qEnvironmentVariable("LLMOS_DESIGNER_SCREENSHOTS");
    if (folder.isEmpty())
        QSKIP("set LLMOS_DESIGNER_SCREENSHOTS to a folder to save screenshots");
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    for (const bool dark : {false, true}) {
        QApplication::setPalette(dark ? ThemeSetup::darkPalette() : ThemeSetup::lightPalette());
        ShownForm shown;
        RecipeForm &form = shown.form;
        TrainingRecipe recipe = fullRecipe();
        recipe.training.earlyStopping.reset();
        form.setRecipe(recipe);
        enterText(field<QLineEdit>(form, "optimizer.lr"), QStringLiteral("20"));
        form.setChangedFieldHighlight(QStringLiteral("method.rank"));
        QTest::qWait(50);
        const QString name = dark ? QStringLiteral("recipeform-dark.png") : QStringLiteral("recipeform.png");
        QVERIFY(form.grab().save(QDir(folder).filePath(name)));
        form.setChangedFieldHighlight(QStringLiteral("optimizer.lr"));
        QTest::qWait(50);
        QVERIFY(form.grab().save(QDir(folder).filePath(QStringLiteral("lr-") + name)));
        auto *scroll = form.findChild<QScrollArea *>();
        scroll->verticalScrollBar()->setValue(scroll->verticalScrollBar()->maximum() - 200);
        QTest::qWait(50);
        QVERIFY(form.grab().save(QDir(folder).filePath(QStringLiteral("end-") + name)));
    }
}

QTEST_MAIN(TestRecipeForm)
#include "test_recipeform.moc"
