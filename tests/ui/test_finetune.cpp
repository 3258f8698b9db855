// The fine-tune studio driven like a person would: the guided path from a registered model
// and a data file to a started run, followed live on the Jobs page until the fine-tuned
// model is registered; the Jobs page's commands on a run; a run copied into the advanced
// view; a search launched from the designer, followed on the Experiments page to a
// promoted best trial. The model and the data are the trainer tests' tiny fixtures (a run takes moments).

#include "charts/metricchartpanel.h"
#include "finetune/datasetstep.h"
#include "finetune/guidedfinetune.h"
#include "finetune/modelpicker.h"
#include "finetune/recipeform.h"
#include "finetune/trainablepicker.h"
#include "jobcenter/closeguard.h"
#include "jobcenter/jobcenter.h"
#include "jobs/runstore.h"
#include "mainwindow.h"
#include "models/modeltext.h"
#include "experiments/leaderboardmodel.h"
#include "experiments/parallelcoordinates.h"
#include "jobcenter/sweepsessions.h"
#include "pages/experimentspage.h"
#include "pages/finetunepage.h"
#include "sweeps/sweepdesigner.h"
#include "pages/jobspage.h"
#include "registry/modelregistry.h"
#include "trainingfixture.h"
#include "windowfixture.h"

#include <QAction>
#include <QComboBox>
#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>

#include <nlohmann/json.hpp>

#include <filesystem>

using namespace llmos;

namespace {

constexpr int kWaitMs = 60000; // generous: a loaded machine may be slow, a pass is fast

// The trainer tests' tiny model, registered as "tiny" before the window reads the registry.
void registerTiny(WindowFixture &fixture, const test::TrainingFixture &data)
{
    ModelRegistry registry(fixture.registryHome());
    ImportOptions options;
    options.name = "tiny";
    registry.importModel(data.modelPath(), options);
}

std::optional<RunState> runOf(JobCenter &jobs, const QString &runId)
{
    return jobs.jobList()->run(runId);
}

} // namespace

class TestFineTune : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { WindowFixture::nameApplication("test_finetune"); }

    void guidedPathStartsARunThatIsChartedLiveAndRegistered()
    {
        test::TrainingFixture data;
        WindowFixture fixture;
        registerTiny(fixture, data);
        MainWindow window(fixture.services());
        window.show();
        window.showPage(QStringLiteral("finetune"));
        FineTunePage *page = window.fineTunePage();
        GuidedFineTune *guided = page->guided();

        // 1 Model: the registered model is listed; Next needs a choice.
        QTRY_COMPARE_WITH_TIMEOUT(guided->modelPicker()->modelCount(), 1, kWaitMs);
        QVERIFY(!guided->nextButton()->isEnabled());
        QVERIFY(guided->modelPicker()->selectModel(QStringLiteral("tiny")));
        QVERIFY(guided->nextButton()->isEnabled());
        QTest::mouseClick(guided->nextButton(), Qt::LeftButton);
        QCOMPARE(guided->step(), GuidedFineTune::DataStep);

        // 2 Data: a file that is not there gets the engine's reason, naming the file...
        auto *reportLabel = guided->datasetStep()->findChild<QLabel *>(QStringLiteral("datasetReport"));
        guided->datasetStep()->setPath(QString::fromStdString(data.dir().file("no-such-data.csv")));
        QTRY_VERIFY_WITH_TIMEOUT(reportLabel->text().contains(QStringLiteral("no-such-data.csv")), kWaitMs);
        QVERIFY(guided->datasetStep()->inspection() == nullptr);
        // ... and a real one its first rows and a report in plain words.
        guided->datasetStep()->setPath(QString::fromStdString(data.topicsPath()));
        QTRY_VERIFY_WITH_TIMEOUT(guided->datasetStep()->inspection() != nullptr, kWaitMs);
        auto *preview = guided->datasetStep()->findChild<QTableWidget *>();
        QVERIFY(preview->rowCount() > 0);
        QVERIFY(preview->columnCount() >= 2); // text and label
        const QString report = guided->datasetStep()->findChild<QLabel *>(QStringLiteral("datasetReport"))->text();
        QVERIFY2(report.contains(QStringLiteral("rows can be used")), qPrintable(report));
        QVERIFY2(report.contains(QStringLiteral("Labels:")), qPrintable(report));
        QTest::mouseClick(guided->nextButton(), Qt::LeftButton);

        // 3 Goal: labelled rows suggest classifying.
        QCOMPARE(guided->step(), GuidedFineTune::GoalStep);
        QCOMPARE(guided->goal(), TrainingGoal::ClassifyText);
        QTest::mouseClick(guided->nextButton(), Qt::LeftButton);

        // 4 Review: the plan with its estimate, before anything runs.
        QCOMPARE(guided->step(), GuidedFineTune::ReviewStep);
        QTRY_VERIFY_WITH_TIMEOUT(guided->plan().has_value(), kWaitMs);
        const QString review = guided->findChild<QLabel *>(QStringLiteral("reviewText"))->text();
        QVERIFY2(review.contains(QStringLiteral("Estimated time on this machine")), qPrintable(review));
        QVERIFY2(review.contains(QStringLiteral("Full fine-tuning")), qPrintable(review)); // a tiny model
        // Every weight trains, the new classifier head included, counted before the run.
        QVERIFY(guided->plan()->trainable.trainableParameters > 0);
        QCOMPARE(guided->plan()->trainable.trainableParameters, guided->plan()->trainable.totalParameters);
        QVERIFY2(review.contains(ModelText::parameters(std::uint64_t(guided->plan()->trainable.totalParameters))),
                 qPrintable(review));
        QVERIFY(guided->plan()->fits);
        QVERIFY(guided->plan()->steps > 0);
        QCOMPARE(guided->plan()->recipe.task.kind, TrainingTaskKind::Classification);
        QVERIFY(fixture.jobs().jobList()->rowCount() == 0);
        guided->setOutputName(QStringLiteral("tiny-topics"));
        QVERIFY(guided->startButton()->isEnabled());
        QTest::mouseClick(guided->startButton(), Qt::LeftButton);

        // The window follows the run on the Jobs page, with its curves drawn as it goes.
        QTRY_COMPARE_WITH_TIMEOUT(window.currentPageId(), QStringLiteral("jobs"), kWaitMs);
        JobsPage *jobs = window.jobsPage();
        QTRY_COMPARE_WITH_TIMEOUT(jobs->selectedRunIds().size(), 1, kWaitMs);
        const QString runId = jobs->selectedRunIds().front();
        QTRY_VERIFY_WITH_TIMEOUT(runOf(fixture.jobs(), runId) && isTerminal(runOf(fixture.jobs(), runId)->state), kWaitMs);
        QCOMPARE(runOf(fixture.jobs(), runId)->state, JobState::Succeeded);
        QTRY_VERIFY_WITH_TIMEOUT(jobs->chartPanel()->drawnPointCount() > 0, kWaitMs);
        QVERIFY(jobs->chartPanel()->availableMetrics().contains(QStringLiteral("loss")));
        QVERIFY(jobs->chartPanel()->availableMetrics().contains(QStringLiteral("accuracy")));
        QTRY_VERIFY_WITH_TIMEOUT(jobs->logView()->toPlainText().contains(QStringLiteral("state: succeeded")), kWaitMs);

        // The fine-tuned model is registered under the name given, made from the base.
        ModelRegistry registry(fixture.registryHome());
        const auto made = registry.find("tiny-topics");
        QVERIFY(made.has_value());
        QCOMPARE(made->origin, ModelOrigin::FineTuned);

        // The data it trained on is offered the next time, without the file dialog.
        DatasetStep *dataStep = guided->datasetStep();
        dataStep->refreshKnownDatasets();
        const QString topics = QString::fromStdString(std::filesystem::absolute(data.topicsPath()).string());
        QTRY_COMPARE_WITH_TIMEOUT(dataStep->knownDatasetPaths(), QStringList{topics}, kWaitMs);
        QCOMPARE(dataStep->knownDatasets()->count(), 2); // "Used before…" and the file
        QSignalSpy chosen(dataStep, &DatasetStep::pathChosen);
        Q_EMIT dataStep->knownDatasets()->activated(1);
        QCOMPARE(chosen.size(), 1);
        QCOMPARE(dataStep->path(), topics);
    }

    void fineTuneOnTheModelsPageOpensTheGuidedPathWithThatModel()
    {
        test::TrainingFixture data;
        WindowFixture fixture;
        registerTiny(fixture, data);
        MainWindow window(fixture.services());
        window.show();
        auto *action = window.findChild<QAction *>(QStringLiteral("fineTune"));
        QVERIFY(action);
        QTRY_VERIFY_WITH_TIMEOUT(action->isEnabled(), kWaitMs); // the first model is selected when listed
        action->trigger();
        QCOMPARE(window.currentPageId(), QStringLiteral("finetune"));
        GuidedFineTune *guided = window.fineTunePage()->guided();
        QCOMPARE(guided->step(), GuidedFineTune::ModelStep);
        QTRY_VERIFY_WITH_TIMEOUT(guided->modelPicker()->selectedModel().has_value(), kWaitMs);
        QCOMPARE(guided->modelPicker()->selectedModel()->name, std::string("tiny"));
        QVERIFY(guided->nextButton()->isEnabled());
    }

    void jobsPageRetriesAndCopiesARunIntoTheAdvancedView()
    {
        test::TrainingFixture data;
        WindowFixture fixture;
        MainWindow window(fixture.services());
        window.show();
        auto recipe = parseTrainingRecipe(data.causalRecipe());
        recipe.output.registerModel = false;
        const QString first = submitAndWait(fixture.jobs(), recipe);
        QVERIFY(!first.isEmpty());
        QCOMPARE(runOf(fixture.jobs(), first)->state, JobState::Succeeded);

        // Retry from the start: a second run of the same recipe, selected and charted.
        window.showPage(QStringLiteral("jobs"));
        JobsPage *jobs = window.jobsPage();
        jobs->showRun(first);
        QTRY_COMPARE_WITH_TIMEOUT(jobs->selectedRunIds(), QStringList{first}, kWaitMs);
        QSignalSpy submitted(&fixture.jobs(), &JobCenter::runSubmitted);
        fixture.jobs().retry(first, false);
        QTRY_COMPARE_WITH_TIMEOUT(submitted.size(), 1, kWaitMs);
        const QString second = submitted.front().front().toString();
        QVERIFY(second != first);
        QTRY_VERIFY_WITH_TIMEOUT(runOf(fixture.jobs(), second) && isTerminal(runOf(fixture.jobs(), second)->state), kWaitMs);
        QCOMPARE(runOf(fixture.jobs(), second)->state, JobState::Succeeded);
        QCOMPARE(fixture.jobs().jobList()->rowCount(), 2);

        // Both runs overlaid: each keeps its own colour.
        jobs->runTable()->selectAll();
        QTRY_COMPARE_WITH_TIMEOUT(jobs->chartPanel()->runs().size(), 2, kWaitMs);
        QVERIFY(jobs->chartPanel()->colorOf(first) != jobs->chartPanel()->colorOf(second));

        // Duplicate and change: the first run's recipe opens in the advanced view.
        jobs->showRun(first);
        Q_EMIT jobs->duplicateRequested(first);
        QTRY_COMPARE_WITH_TIMEOUT(window.currentPageId(), QStringLiteral("finetune"), kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(window.fineTunePage()->mode(), FineTunePage::Advanced, kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(window.fineTunePage()->advanced()->isValid(), kWaitMs);
        QCOMPARE(window.fineTunePage()->advanced()->recipe().training.maxSteps, 8);
        QCOMPARE(window.fineTunePage()->advanced()->recipe().optimizer.lr, 1e-2);
    }

    void advancedViewPicksWhatTrainsAndCountsItLive()
    {
        test::TrainingFixture data;
        WindowFixture fixture;
        registerTiny(fixture, data);
        MainWindow window(fixture.services());
        window.show();
        window.showPage(QStringLiteral("finetune"));
        FineTunePage *page = window.fineTunePage();
        page->showMode(FineTunePage::Advanced);
        RecipeForm *form = page->advanced();
        TrainablePicker *picker = page->trainablePicker();
        const auto settled = [picker] { return picker->preview() && !picker->isCounting(); };

        // The tiny Llama: 2 layers, hidden 32, 4 heads of 8 and 2 KV heads: q is 32->32,
        // v 32->16, k 32->16. LoRA rank 4 on q and v, the family's default.
        auto recipe = data.causalRecipe();
        recipe["model"]["path"] = "tiny"; // the registered name, as the guided path writes it
        recipe["method"] = {{"kind", "lora"}, {"rank", 4}};
        form->setRecipeJson(recipe);
        QTRY_VERIFY_WITH_TIMEOUT(settled(), kWaitMs);
        const std::int64_t perLayer = 4 * (32 + 32) + 4 * (32 + 16);
        QCOMPARE(picker->preview()->trainable.trainableParameters, 2 * perLayer);
        QVERIFY2(picker->totalsText().contains(QStringLiteral("896")), qPrintable(picker->totalsText()));
        QVERIFY(picker->preview()->memory.total() > 0);
        QCOMPARE(picker->layerButtons().size(), 2);
        QVERIFY(picker->layerButtons()[0]->isChecked() && picker->layerButtons()[1]->isChecked());

        // Layer 0 off: only layer 1 keeps its adapters, in the recipe and in the count.
        QTest::mouseClick(picker->layerButtons()[0], Qt::LeftButton);
        QVERIFY(form->recipeJson()["method"]["layers_to_transform"] == nlohmann::json({1}));
        QTRY_VERIFY_WITH_TIMEOUT(settled() && picker->preview()->trainable.trainableParameters == perLayer, kWaitMs);
        QVERIFY(!picker->layerButtons()[0]->isChecked());
        // The last layer left cannot be unticked: an adapter needs a place.
        QTest::mouseClick(picker->layerButtons()[1], Qt::LeftButton);
        QVERIFY(picker->layerButtons()[1]->isChecked());
        QVERIFY(form->recipeJson()["method"]["layers_to_transform"] == nlohmann::json({1}));

        // Tick k_proj: it joins the targets (q, k, v in layer 1).
        QTreeWidgetItem *keys = nullptr;
        for (int row = 0; row < picker->moduleList()->topLevelItemCount(); ++row)
            if (picker->moduleList()->topLevelItem(row)->text(0) == QStringLiteral("k_proj"))
                keys = picker->moduleList()->topLevelItem(row);
        QVERIFY(keys && keys->checkState(0) == Qt::Unchecked);
        keys->setCheckState(0, Qt::Checked);
        QVERIFY(form->recipeJson()["method"]["target_modules"] == nlohmann::json({"q_proj", "k_proj", "v_proj"}));
        QTRY_VERIFY_WITH_TIMEOUT(settled() && picker->preview()->trainable.trainableParameters == perLayer + 4 * (32 + 16),
                                 kWaitMs);
        QVERIFY(form->isValid());

        // Freeze: layer 0 frozen; clicking the trained layer 1 freezes it too, leaving the
        // parts outside the layers; unticking the embeddings freezes them as well.
        recipe["method"] = {{"kind", "freeze"}, {"layers", 1}};
        form->setRecipeJson(recipe);
        QTRY_VERIFY_WITH_TIMEOUT(settled() && picker->preview()->trainable.method == "freeze", kWaitMs);
        QVERIFY(!picker->layerButtons()[0]->isChecked() && picker->layerButtons()[1]->isChecked());
        QTest::mouseClick(picker->layerButtons()[1], Qt::LeftButton);
        QVERIFY(form->recipeJson()["method"]["layers"] == 2);
        QTRY_VERIFY_WITH_TIMEOUT(settled() && picker->preview()->trainable.layers[1].trainable == 0, kWaitMs);
        const auto outside = picker->preview()->trainable.outsideLayers.trainable;
        QCOMPARE(picker->preview()->trainable.trainableParameters, outside);
        QTreeWidgetItem *embeddings = picker->moduleList()->topLevelItem(0);
        QCOMPARE(embeddings->text(0), QStringLiteral("embed_tokens"));
        embeddings->setCheckState(0, Qt::Unchecked);
        QVERIFY(form->recipeJson()["method"]["modules"] == nlohmann::json({"embed_tokens"}));
        QTRY_VERIFY_WITH_TIMEOUT(settled() && picker->preview()->trainable.trainableParameters < outside, kWaitMs);

        // A layer the model does not have: the engine's reason, in the picker.
        recipe["method"] = {{"kind", "lora"}, {"layers_to_transform", {5}}};
        form->setRecipeJson(recipe);
        QTRY_VERIFY_WITH_TIMEOUT(!picker->isCounting() && !picker->preview(), kWaitMs);
        QVERIFY2(picker->totalsText().contains(QStringLiteral("layers_to_transform")), qPrintable(picker->totalsText()));
    }

    void searchFromTheDesignerRunsItsTrialsAndPromotesTheBest()
    {
        test::TrainingFixture data;
        WindowFixture fixture;
        MainWindow window(fixture.services());
        window.show();
        window.showPage(QStringLiteral("finetune"));
        FineTunePage *page = window.fineTunePage();

        // The advanced view's recipe is the search's base; a grid over two learning rates.
        // Sized by epochs: the designer learns a trial's steps from the plan made on a worker.
        auto byEpochs = data.causalRecipe();
        byEpochs["training"].erase("max_steps");
        byEpochs["training"]["epochs"] = 2;
        page->advanced()->setRecipeJson(byEpochs);
        QVERIFY(page->advanced()->isValid());
        page->openSearch();
        QCOMPARE(page->mode(), FineTunePage::Search);
        QTRY_VERIFY_WITH_TIMEOUT(page->search()->stepsPerTrial() > 0, kWaitMs);
        QVERIFY(page->search()->secondsPerStep() > 0);
        QTemporaryDir dir;
        const QString sweepFile = dir.filePath(QStringLiteral("sweep.json"));
        {
            nlohmann::json sweep = {{"name", "two-rates"},
                                    {"recipe", data.causalRecipe()},
                                    {"space", {{"optimizer.lr", {1e-3, 1e-2}}}},
                                    {"strategy", {{"kind", "grid"}}},
                                    {"objective", {{"metric", "eval_loss"}}}};
            QFile file(sweepFile);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QByteArray::fromStdString(sweep.dump(2)));
        }
        QString error;
        QVERIFY2(page->search()->loadFrom(sweepFile, &error), qPrintable(error));
        QVERIFY2(page->search()->isValid(), qPrintable(page->search()->validationMessage()));
        Q_EMIT page->search()->launchRequested();

        // The Experiments page follows it: both trials finish, the better one is on top.
        QTRY_COMPARE_WITH_TIMEOUT(window.currentPageId(), QStringLiteral("experiments"), kWaitMs);
        ExperimentsPage *experiments = window.experimentsPage();
        QTRY_VERIFY_WITH_TIMEOUT(!experiments->currentSweepId().isEmpty(), kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(!fixture.jobs().sweeps().isRunning(experiments->currentSweepId()), kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(experiments->leaderboard()->report().summary.succeeded, 2, kWaitMs);
        QCOMPARE(experiments->leaderboard()->rowCount(), 2);
        QCOMPARE(experiments->parallelCoordinates()->lineCount(), 2);
        QCOMPARE(experiments->parallelCoordinates()->axisCount(), 2); // the learning rate, the objective
        const auto &report = experiments->leaderboard()->report();
        const QModelIndex top = experiments->leaderboardView()->model()->index(0, LeaderboardModel::Trial);
        QCOMPARE(top.data(LeaderboardModel::TrialRole).toInt(), report.summary.best->number);
        // The best trial's curves are shown without asking.
        QTRY_VERIFY_WITH_TIMEOUT(experiments->chartPanel()->drawnPointCount() > 0, kWaitMs);

        // Promote best: the winner becomes a registered model.
        QVERIFY(experiments->promoteButton()->isEnabled());
        QSignalSpy promoted(experiments, &ExperimentsPage::promoted);
        experiments->promoteBest(QStringLiteral("two-rates-best"));
        QVERIFY(promoted.wait(kWaitMs));
        ModelRegistry registry(fixture.registryHome());
        QVERIFY(registry.find("two-rates-best").has_value());
    }

    void closingOverARunningJobKeepsItRunningOrPausesIt()
    {
        test::TrainingFixture data;
        WindowFixture fixture;
        MainWindow window(fixture.services());
        window.show();
        auto recipe = parseTrainingRecipe(data.causalRecipe());
        recipe.training.maxSteps = 100000; // runs until paused
        recipe.output.registerModel = false;
        QSignalSpy submitted(&fixture.jobs(), &JobCenter::runSubmitted);
        fixture.jobs().submitTraining(recipe);
        QVERIFY(submitted.wait(kWaitMs));
        const QString runId = submitted.front().front().toString();
        QTRY_COMPARE_WITH_TIMEOUT(runOf(fixture.jobs(), runId)->state, JobState::Running, kWaitMs);

        // Not closing: nothing happens to the run or the window.
        window.closeGuard()->setAnswerForTests(CloseGuard::Choice::StayOpen);
        QVERIFY(!window.close());
        QVERIFY(window.isVisible());
        // Keep running in the background: the window goes, the run goes on.
        window.closeGuard()->setAnswerForTests(CloseGuard::Choice::KeepRunning);
        QVERIFY(!window.close());
        QVERIFY(!window.isVisible());
        QVERIFY(fixture.jobs().hasActiveRuns());
        // Pause and quit: the run saves a checkpoint and is paused, resumable later.
        window.closeGuard()->pauseAndQuit();
        QTRY_COMPARE_WITH_TIMEOUT(runOf(fixture.jobs(), runId)->state, JobState::Paused, kWaitMs);
        QVERIFY(!fixture.jobs().hasActiveRuns());
        RunStore runs(fixture.registryHome() + "/runs");
        QVERIFY(!runs.checkpoints(runId.toStdString()).empty());
        QApplication::setQuitOnLastWindowClosed(true);
    }

private:
    static QString submitAndWait(JobCenter &jobs, const TrainingRecipe &recipe)
    {
        QSignalSpy submitted(&jobs, &JobCenter::runSubmitted);
        jobs.submitTraining(recipe);
        if (!submitted.wait(kWaitMs))
            return {};
        const QString id = submitted.front().front().toString();
        QTest::qWaitFor([&] { return runOf(jobs, id) && isTerminal(runOf(jobs, id)->state); }, kWaitMs);
        return id;
    }
};

QTEST_MAIN(TestFineTune)
#include "test_finetune.moc"
