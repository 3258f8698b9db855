#include "pages/finetunepage.h"

#include "finetune/guidedfinetune.h"
#include "finetune/recipeform.h"
#include "finetune/runplanning.h"
#include "finetune/trainablepicker.h"
#include "sweeps/sweepdesigner.h"
#include "jobcenter/jobcenter.h"
#include "jobs/runstore.h"
#include "tasks/onworker.h"
#include "widgets/pageheading.h"

#include <QButtonGroup>
#include <QEvent>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace llmos {

FineTunePage::FineTunePage(JobCenter &jobs, QWidget *parent)
    : QWidget(parent)
    , m_jobs(jobs)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 20, 16, 16); // narrow: the search view is wide
    layout->setSpacing(10);
    auto *header = new QHBoxLayout;
    m_title = new PageHeading(this);
    header->addWidget(m_title);
    header->addStretch(1);
    m_modes = new QButtonGroup(this);
    m_guidedButton = new QPushButton(this);
    m_advancedButton = new QPushButton(this);
    m_searchButton = new QPushButton(this);
    for (auto *button : {m_guidedButton, m_advancedButton, m_searchButton}) {
        button->setCheckable(true);
        m_modes->addButton(button);
        header->addWidget(button);
    }
    m_modes->setId(m_guidedButton, Guided);
    m_modes->setId(m_advancedButton, Advanced);
    m_modes->setId(m_searchButton, Search);
    layout->addLayout(header);
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);

    m_stack = new QStackedWidget(this);
    m_guided = new GuidedFineTune(jobs.home(), m_stack);
    auto *advancedPage = new QWidget(m_stack);
    auto *advancedLayout = new QVBoxLayout(advancedPage);
    advancedLayout->setContentsMargins(0, 0, 0, 0);
    m_form = new RecipeForm(advancedPage);
    m_picker = new TrainablePicker(jobs.home(), m_form);
    m_form->addToMethodSection(m_picker);
    advancedLayout->addWidget(m_form, 1);
    auto *startRow = new QHBoxLayout;
    startRow->addStretch(1);
    m_startAdvanced = new QPushButton(advancedPage);
    m_startAdvanced->setObjectName(QStringLiteral("startAdvanced"));
    startRow->addWidget(m_startAdvanced);
    advancedLayout->addLayout(startRow);
    m_search = new SweepDesigner(m_stack);
    m_stack->addWidget(m_guided);
    m_stack->addWidget(advancedPage);
    m_stack->addWidget(m_search);
    layout->addWidget(m_stack, 1);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("startMessage"));
    m_message->setWordWrap(true);
    m_message->setVisible(false);
    layout->addWidget(m_message);

    connect(m_modes, &QButtonGroup::idClicked, this, [this](int id) {
        if (id == Search)
            openSearch();
        else
            showMode(static_cast<Mode>(id));
    });
    connect(m_guided, &GuidedFineTune::startRequested, this, &FineTunePage::start);
    connect(m_guided, &GuidedFineTune::advancedRequested, this, [this](const TrainingRecipe &recipe) {
        m_form->setRecipe(recipe);
        showMode(Advanced);
    });
    connect(m_form, &RecipeForm::recipeChanged, m_picker, [this] { m_picker->setRecipeDocument(m_form->recipeJson()); });
    connect(m_picker, &TrainablePicker::methodOptionEdited, m_form, &RecipeForm::setMethodOption);
    connect(m_form, &RecipeForm::validityChanged, m_startAdvanced, [this](bool ok) { m_startAdvanced->setEnabled(ok); });
    connect(m_startAdvanced, &QPushButton::clicked, this, [this] {
        if (m_form->isValid())
            start(m_form->recipe());
    });
    connect(m_search, &SweepDesigner::launchRequested, this, [this] {
        if (!m_search->isValid())
            return;
        m_waitingForSearch = true;
        m_message->setStyleSheet(QString());
        m_message->setText(tr("Starting the search…"));
        m_message->setVisible(true);
        m_jobs.startSweep(m_search->sweepSpec());
    });
    connect(&jobs, &JobCenter::sweepStarted, this, [this](const QString &sweepId) {
        if (!m_waitingForSearch)
            return;
        m_waitingForSearch = false;
        m_message->setVisible(false);
        Q_EMIT searchStarted(sweepId);
    });
    connect(&jobs, &JobCenter::runSubmitted, this, [this](const QString &runId) {
        if (!m_waitingForStart)
            return;
        m_waitingForStart = false;
        m_message->setVisible(false);
        m_guided->reset();
        Q_EMIT runStarted(runId);
    });
    connect(&jobs, &JobCenter::commandFailed, this, [this](const QString &message) {
        if (!m_waitingForStart && !m_waitingForSearch)
            return;
        m_waitingForStart = false;
        m_waitingForSearch = false;
        m_message->setText(message);
        m_message->setStyleSheet(QStringLiteral("color: #c0392b;"));
        m_message->setVisible(true);
    });
    connect(&m_trialPlanner, &QFutureWatcher<PlannedRun>::finished, this, [this] {
        try {
            const PlannedRun planned = m_trialPlanner.result();
            if (planned.plan.steps > 0) {
                m_search->setStepsPerTrial(planned.plan.steps);
                m_search->setSecondsPerStep(planned.plan.seconds / double(planned.plan.steps));
            }
        } catch (const std::exception &) {
            // No estimate (the data cannot be read yet): the designer counts trials only,
            // and the advanced view says what is wrong with the recipe's files.
        }
    });
    m_startAdvanced->setEnabled(m_form->isValid());
    retranslate();
    showMode(Guided);
}

FineTunePage::~FineTunePage()
{
    m_trialPlanner.waitForFinished();
}

void FineTunePage::openSearch()
{
    // A search varies the recipe of the advanced view (which the guided path fills too).
    if (m_form->isValid()) {
        m_search->setBaseRecipeJson(m_form->recipeJson());
        // The steps of a trial and their time on this machine, for the designer's estimate.
        if (!m_trialPlanner.isRunning())
            m_trialPlanner.setFuture(QtConcurrent::run([home = m_jobs.home(), recipe = m_form->recipe()] {
                return planRunOnThisMachine(home, recipe);
            }));
    }
    showMode(Search);
}

void FineTunePage::showMode(Mode mode)
{
    m_modes->button(mode)->setChecked(true);
    m_stack->setCurrentIndex(mode);
}

FineTunePage::Mode FineTunePage::mode() const
{
    return static_cast<Mode>(m_stack->currentIndex());
}

QStringList FineTunePage::screenshotVariants() const
{
    return {QStringLiteral("advanced"), QStringLiteral("trainable"), QStringLiteral("search")};
}

void FineTunePage::showScreenshotVariant(const QString &variant)
{
    const bool advanced = variant == QLatin1String("advanced") || variant == QLatin1String("trainable");
    showMode(advanced ? Advanced : variant == QLatin1String("search") ? Search : Guided);
    if (variant == QLatin1String("trainable"))
        m_form->scrollTo(m_picker); // the picker of what trains, at the method section's end
}

void FineTunePage::start(const TrainingRecipe &recipe)
{
    m_waitingForStart = true;
    m_message->setStyleSheet(QString());
    m_message->setText(tr("Starting: checking the model and the data…"));
    m_message->setVisible(true);
    m_jobs.submitTraining(recipe);
}

void FineTunePage::duplicateRun(const QString &runId)
{
    onWorker<nlohmann::json>(
        this, [runs = m_jobs.home() + "/runs", id = runId.toStdString()] { return RunStore(runs).readRecipe(id); },
        [this, runId](nlohmann::json recipe, const QString &error) {
            if (!error.isEmpty()) {
                m_message->setText(tr("Could not open the recipe of run %1: %2").arg(runId, error));
                m_message->setStyleSheet(QStringLiteral("color: #c0392b;"));
                m_message->setVisible(true);
                return;
            }
            if (recipe.contains("output") && recipe["output"].is_object())
                recipe["output"].erase("name"); // the copy needs a name of its own
            m_form->setRecipeJson(recipe);
            showMode(Advanced);
            m_message->setVisible(false);
        });
}

void FineTunePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void FineTunePage::retranslate()
{
    m_title->setText(tr("Fine-tune"));
    m_intro->setText(tr("Teach a model from your own examples. The guided path asks four questions and recommends "
                        "the rest; the advanced view shows every setting; a search tries many settings and keeps the "
                        "best."));
    m_guidedButton->setText(tr("Guided"));
    m_advancedButton->setText(tr("Advanced"));
    m_searchButton->setText(tr("Search"));
    m_searchButton->setToolTip(tr("Try many settings of the advanced view's recipe and keep the best."));
    m_startAdvanced->setText(tr("Start fine-tuning"));
}

} // namespace llmos
