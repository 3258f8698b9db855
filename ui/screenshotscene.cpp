#include "screenshotscene.h"

#include "finetune/datasetstep.h"
#include "finetune/guidedfinetune.h"
#include "finetune/modelpicker.h"
#include "finetune/recipeform.h"
#include "jobcenter/jobcenter.h"
#include "jobcenter/sweepsessions.h"
#include "mainwindow.h"
#include "models/modellibrary.h"
#include "pages/experimentspage.h"
#include "pages/finetunepage.h"
#include "pages/jobspage.h"
#include "recipe/trainingrecipe.h"
#include "server/serverdemotraffic.h"
#include "sweep/sweepfile.h"
#include "sweeps/sweepdesigner.h"
#include "tasks/taskrunner.h"

#include <QDir>
#include <QFile>
#include <QTextStream>
#include <QTimer>

namespace llmos {

namespace {

constexpr int kPollMs = 200;
constexpr double kMidRun = 0.15; // the run's progress at which its chart is pictured

} // namespace

ScreenshotScene::ScreenshotScene(MainWindow &window, JobCenter &jobs, ModelLibrary &models, ServerController &server,
                                 QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_jobs(jobs)
    , m_models(models)
    , m_traffic(new ServerDemoTraffic(server, this))
    , m_workFolder(QDir(QString::fromStdString(jobs.home())).filePath(QStringLiteral("demo")))
{
}

void ScreenshotScene::prepare()
{
    DemoOptions &options = m_models.demoOptions();
    options.workFolder = m_workFolder.toStdString();
    options.size = {.vocabSize = 512, .hiddenSize = 64, .layers = 2, .heads = 2, .contextLength = 64,
                    .languageModelSteps = 150, .languageModelBatch = 16, .classifierEpochs = 2,
                    .classifierBatch = 16, .examplesPerTopic = 60, .maxSayingBytes = 300};
    TaskRunner *demo = m_models.buildDemo(this);
    connect(demo, &TaskRunner::succeeded, this, &ScreenshotScene::demoBuilt);
    connect(demo, &TaskRunner::failed, this, [this](const QString &reason) {
        QTextStream(stderr) << "llmos: the screenshots' demo runs could not be made (" << reason
                            << "); the pages are pictured without them\n";
        m_ready = true;
        Q_EMIT ready();
    });
    demo->start();
}

nlohmann::json ScreenshotScene::runRecipe() const
{
    const std::string work = m_workFolder.toStdString();
    // From the demo's untrained model, so the curve shows learning from the first step.
    return {{"model", {{"path", work + "/fortune-lm-untrained"}}},
            {"dataset", {{"path", work + "/fortunes.txt"}, {"kind", "text"}, {"validation_fraction", 0.05}}},
            {"task", {{"kind", "causal_lm"}, {"max_seq_len", 64}}},
            {"method", {{"kind", "full"}}},
            {"optimizer", {{"name", "adamw"}, {"lr", 3e-3}, {"weight_decay", 0.01}}},
            {"schedule", {{"name", "cosine"}, {"warmup_ratio", 0.02}}},
            {"training", {{"max_steps", 3000}, {"batch_size", 8}, {"eval_every", 40}, {"checkpoint_every", 120}}},
            {"output", {{"name", "fortune-lm-sayings"}, {"register", false}}}};
}

nlohmann::json ScreenshotScene::searchDocument() const
{
    const std::string work = m_workFolder.toStdString();
    const nlohmann::json recipe = {
        {"model", {{"path", "fortune-lm"}}},
        {"dataset", {{"path", work + "/topics.jsonl"}, {"kind", "classification"}, {"validation_fraction", 0.2}}},
        {"task", {{"kind", "classification"}, {"max_seq_len", 64}}},
        {"method", {{"kind", "lora"}, {"rank", 8}}},
        {"training", {{"max_steps", 40}, {"batch_size", 16}, {"eval_every", 10}, {"checkpoint_every", 0}}}};
    return {{"name", "topic-classifier-lr"},
            {"recipe", recipe},
            {"space", {{"optimizer.lr", {1e-3, 3e-3, 1e-2}}, {"method.rank", {4, 8}}}},
            {"strategy", {{"kind", "grid"}}},
            {"objective", {{"metric", "accuracy"}, {"direction", "maximize"}}}};
}

void ScreenshotScene::demoBuilt()
{
    connect(&m_jobs, &JobCenter::runSubmitted, this, [this](const QString &id) {
        if (m_runId.isEmpty())
            m_runId = id;
    });
    connect(&m_jobs, &JobCenter::sweepStarted, this, [this](const QString &id) { m_sweepId = id; });
    connect(&m_jobs.sweeps(), &SweepSessions::sweepEnded, this, [this](const QString &id) {
        if (id == m_sweepId)
            m_sweepEnded = true;
    });
    connect(&m_jobs, &JobCenter::commandFailed, this, [this](const QString &message) {
        QTextStream(stderr) << "llmos: a screenshot demo run did not start: " << message << '\n';
        m_sweepEnded = true;
    });
    try {
        m_jobs.startSweep(parseSweepDocument(searchDocument(), "screenshot search", m_workFolder.toStdString()));
        m_jobs.submitTraining(parseTrainingRecipe(runRecipe(), "screenshot run"));
    } catch (const std::exception &e) {
        QTextStream(stderr) << "llmos: " << e.what() << '\n';
        m_sweepEnded = true;
    }
    fillFineTunePage();
    m_traffic->start();
    checkReady();
}

void ScreenshotScene::fillFineTunePage()
{
    FineTunePage *page = m_window.fineTunePage();
    // The advanced view with a LoRA variant of the live run, so its picker of what trains
    // shows ticked modules and layers.
    nlohmann::json lora = runRecipe();
    lora["method"] = {{"kind", "lora"}, {"rank", 8}, {"alpha", 16}, {"target_modules", {"q_proj", "v_proj", "o_proj"}},
                      {"layers_to_transform", {1}}};
    lora["optimizer"]["lr"] = 2e-4;
    lora["output"]["name"] = "fortune-lm-sayings-lora";
    page->advanced()->setRecipeJson(lora);
    const QString sweepFile = QDir(m_workFolder).filePath(QStringLiteral("search.json"));
    QFile file(sweepFile);
    if (file.open(QIODevice::WriteOnly))
        file.write(QByteArray::fromStdString(searchDocument().dump(2)));
    file.close();
    QString error;
    if (!page->search()->loadFrom(sweepFile, &error))
        QTextStream(stderr) << "llmos: " << error << '\n';

    // The guided path up to its review: model, data (checked on a worker), goal.
    GuidedFineTune *guided = page->guided();
    guided->modelPicker()->refresh();
    auto toReview = [this, guided] {
        if (!guided->modelPicker()->selectModel(QStringLiteral("fortune-lm")))
            return;
        guided->goNext();
        connect(guided->datasetStep(), &DatasetStep::inspected, this, [guided] {
            if (guided->step() != GuidedFineTune::DataStep)
                return;
            guided->goNext();
            guided->goNext();
        }, Qt::SingleShotConnection);
        guided->datasetStep()->setPath(QDir(m_workFolder).filePath(QStringLiteral("fortunes.txt")));
    };
    connect(guided->modelPicker(), &ModelPicker::loaded, this, toReview, Qt::SingleShotConnection);
}

void ScreenshotScene::checkReady()
{
    if (m_ready)
        return;
    const auto run = m_runId.isEmpty() ? std::nullopt : m_jobs.jobList()->run(m_runId);
    const int row = m_jobs.jobList()->rowOf(m_runId);
    const double progress = row < 0 ? 0 : m_jobs.jobList()->index(row, 0).data(JobListModel::ProgressRole).toDouble();
    const bool runShown = !run || isTerminal(run->state) || progress >= kMidRun;
    if (!m_sweepEnded || !runShown || !m_traffic->isFinished()) {
        QTimer::singleShot(kPollMs, this, &ScreenshotScene::checkReady);
        return;
    }
    m_ready = true;
    if (!m_runId.isEmpty())
        m_window.jobsPage()->showRun(m_runId);
    if (!m_sweepId.isEmpty())
        m_window.experimentsPage()->showSweep(m_sweepId);
    Q_EMIT ready();
}

} // namespace llmos
