#include "finetune/guidedfinetune.h"

#include "finetune/datasetreporttext.h"
#include "finetune/datasetstep.h"
#include "finetune/modelpicker.h"
#include "finetune/runplanning.h"
#include "models/modeltext.h"
#include "tasks/onworker.h"

#include <QButtonGroup>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace llmos {

namespace {

QString minutesText(double seconds)
{
    if (seconds < 90)
        return GuidedFineTune::tr("about a minute");
    if (seconds < 3600)
        return GuidedFineTune::tr("about %1 minutes").arg(qRound(seconds / 60));
    return GuidedFineTune::tr("about %1 hours").arg(QLocale().toString(seconds / 3600, 'f', 1));
}

} // namespace

GuidedFineTune::GuidedFineTune(std::string registryHome, QWidget *parent)
    : QWidget(parent)
    , m_home(std::move(registryHome))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(10);
    m_steps = new QLabel(this);
    m_steps->setTextFormat(Qt::RichText);
    layout->addWidget(m_steps);
    m_stepTitle = new QLabel(this);
    m_stepTitle->setStyleSheet(QStringLiteral("font-size: 13pt; font-weight: 600;"));
    layout->addWidget(m_stepTitle);

    m_pages = new QStackedWidget(this);
    m_models = new ModelPicker(m_home, m_pages);
    m_data = new DatasetStep(m_home, m_pages);

    m_goalPage = new QWidget(m_pages);
    auto *goalLayout = new QVBoxLayout(m_goalPage);
    goalLayout->setContentsMargins(0, 0, 0, 0);
    m_goals = new QButtonGroup(this);
    for (int i = 0; i < 3; ++i) {
        auto *button = new QRadioButton(m_goalPage);
        button->setStyleSheet(QStringLiteral("font-weight: 600;"));
        m_goals->addButton(button, i);
        goalLayout->addWidget(button);
        m_goalTexts[i] = new QLabel(m_goalPage);
        m_goalTexts[i]->setWordWrap(true);
        m_goalTexts[i]->setContentsMargins(26, 0, 0, 10);
        goalLayout->addWidget(m_goalTexts[i]);
    }
    m_goalHint = new QLabel(m_goalPage);
    m_goalHint->setWordWrap(true);
    m_goalHint->setStyleSheet(QStringLiteral("color: palette(mid);"));
    goalLayout->addWidget(m_goalHint);
    goalLayout->addStretch(1);

    auto *reviewPage = new QWidget(m_pages);
    auto *reviewLayout = new QVBoxLayout(reviewPage);
    reviewLayout->setContentsMargins(0, 0, 0, 0);
    m_review = new QLabel(reviewPage);
    m_review->setObjectName(QStringLiteral("reviewText"));
    m_review->setWordWrap(true);
    m_review->setTextFormat(Qt::RichText);
    m_review->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_review->setTextInteractionFlags(Qt::TextSelectableByMouse);
    reviewLayout->addWidget(m_review);
    auto *nameRow = new QHBoxLayout;
    m_outputLabel = new QLabel(reviewPage);
    m_outputName = new QLineEdit(reviewPage);
    m_outputName->setObjectName(QStringLiteral("outputName"));
    nameRow->addWidget(m_outputLabel);
    nameRow->addWidget(m_outputName, 1);
    reviewLayout->addLayout(nameRow);
    reviewLayout->addStretch(1);

    m_pages->addWidget(m_models);
    m_pages->addWidget(m_data);
    m_pages->addWidget(m_goalPage);
    m_pages->addWidget(reviewPage);
    layout->addWidget(m_pages, 1);

    auto *buttons = new QHBoxLayout;
    m_back = new QPushButton(this);
    m_advanced = new QPushButton(this);
    m_next = new QPushButton(this);
    m_next->setObjectName(QStringLiteral("nextButton"));
    m_start = new QPushButton(this);
    m_start->setObjectName(QStringLiteral("startButton"));
    m_start->setDefault(true);
    buttons->addWidget(m_back);
    buttons->addStretch(1);
    buttons->addWidget(m_advanced);
    buttons->addWidget(m_next);
    buttons->addWidget(m_start);
    layout->addLayout(buttons);

    connect(m_back, &QPushButton::clicked, this, &GuidedFineTune::goBack);
    connect(m_next, &QPushButton::clicked, this, &GuidedFineTune::goNext);
    connect(m_models, &ModelPicker::selectionChanged, this, &GuidedFineTune::updateButtons);
    connect(m_data, &DatasetStep::pathChosen, this, [this] {
        TrainingRecipe recipe = draftRecipe();
        recipe.dataset.kind = DatasetKind::Auto; // the goal is not chosen yet: let the rows say
        m_data->inspect(recipe);
        updateButtons();
    });
    connect(m_data, &DatasetStep::inspected, this, [this] {
        // The rows suggest the goal: labels mean classifying, instructions or chats mean
        // following them; the person can still choose another.
        if (const auto *inspection = m_data->inspection()) {
            const DatasetKind kind = inspection->report.kind;
            setGoal(kind == DatasetKind::Classification ? TrainingGoal::ClassifyText
                    : kind == DatasetKind::PretrainText ? TrainingGoal::TeachText
                                                        : TrainingGoal::FollowInstructions);
        }
        updateButtons();
    });
    connect(m_goals, &QButtonGroup::idClicked, this, &GuidedFineTune::updateButtons);
    connect(m_outputName, &QLineEdit::textEdited, this, [this] { m_outputNameEdited = true; });
    connect(&m_planner, &QFutureWatcher<PlannedRun>::finished, this, [this] {
        m_plan.reset();
        m_planInspection.reset();
        m_planError.clear();
        try {
            PlannedRun planned = m_planner.result();
            m_planInspection = std::move(planned.inspection);
            m_plan = std::move(planned.plan);
        } catch (const std::exception &e) {
            m_planError = workerErrorText(e);
        }
        showPlan();
        updateButtons();
        Q_EMIT planReady();
    });
    connect(m_start, &QPushButton::clicked, this, [this] {
        if (!m_plan)
            return;
        TrainingRecipe recipe = m_plan->recipe;
        recipe.output.name = m_outputName->text().trimmed().toStdString();
        Q_EMIT startRequested(recipe);
    });
    connect(m_advanced, &QPushButton::clicked, this, [this] {
        TrainingRecipe recipe = m_plan ? m_plan->recipe : draftRecipe();
        recipe.output.name = m_outputName->text().trimmed().toStdString();
        Q_EMIT advancedRequested(recipe);
    });
    setGoal(TrainingGoal::TeachText);
    retranslate();
    showStep(ModelStep);
}

GuidedFineTune::~GuidedFineTune()
{
    m_planner.waitForFinished();
}

GuidedFineTune::Step GuidedFineTune::step() const
{
    return static_cast<Step>(m_pages->currentIndex());
}

void GuidedFineTune::setGoal(TrainingGoal goal)
{
    if (auto *button = m_goals->button(static_cast<int>(goal)))
        button->setChecked(true);
}

TrainingGoal GuidedFineTune::goal() const
{
    return static_cast<TrainingGoal>(std::max(0, m_goals->checkedId()));
}

void GuidedFineTune::setOutputName(const QString &name)
{
    m_outputName->setText(name);
    m_outputNameEdited = true;
}

bool GuidedFineTune::canGoNext() const
{
    switch (step()) {
    case ModelStep:
        return m_models->selectedModel().has_value();
    case DataStep:
        return !m_data->isBusy() && m_data->inspection() != nullptr;
    case GoalStep:
        return m_goals->checkedId() >= 0;
    case ReviewStep:
        return false;
    }
    return false;
}

bool GuidedFineTune::isLoading() const
{
    return m_planner.isRunning() || m_data->isBusy();
}

void GuidedFineTune::goNext()
{
    if (!canGoNext())
        return;
    showStep(step() + 1);
}

void GuidedFineTune::goBack()
{
    if (step() > ModelStep)
        showStep(step() - 1);
}

void GuidedFineTune::reset()
{
    m_plan.reset();
    m_outputNameEdited = false;
    showStep(ModelStep);
}

void GuidedFineTune::startWithModel(const QString &modelId)
{
    reset();
    m_models->selectModel(modelId); // or as soon as the list has it
    m_models->refresh();
}

void GuidedFineTune::showStep(int step)
{
    m_pages->setCurrentIndex(step);
    if (step == ReviewStep) {
        if (!m_outputNameEdited)
            m_outputName->setText(defaultOutputName());
        planRun();
    }
    retranslate();
    updateButtons();
}

void GuidedFineTune::updateButtons()
{
    const bool review = step() == ReviewStep;
    m_back->setEnabled(step() > ModelStep);
    m_next->setVisible(!review);
    m_next->setEnabled(canGoNext());
    m_start->setVisible(review);
    m_start->setEnabled(review && m_plan && m_plan->fits && !m_planner.isRunning()
                        && !(m_planInspection && m_planInspection->rejected));
    m_advanced->setEnabled(m_models->selectedModel().has_value() && !m_data->path().isEmpty());
}

TrainingRecipe GuidedFineTune::draftRecipe() const
{
    const auto model = m_models->selectedModel();
    TrainingRecipe recipe = recommendedRecipe(goal(), model ? model->parameterCount : 0);
    if (model) {
        recipe.modelPath = model->id;
        if (model->contextLength > 0)
            recipe.task.maxSeqLen = std::min<std::int64_t>(recipe.task.maxSeqLen, std::int64_t(model->contextLength));
    }
    recipe.dataset.path = m_data->path().toStdString();
    return recipe;
}

QString GuidedFineTune::defaultOutputName() const
{
    const auto model = m_models->selectedModel();
    const QString base = model ? QString::fromStdString(model->name) : QString();
    return QStringLiteral("%1-%2").arg(base, QFileInfo(m_data->path()).completeBaseName());
}

void GuidedFineTune::planRun()
{
    const auto model = m_models->selectedModel();
    if (!model)
        return;
    m_plan.reset();
    m_planError.clear();
    m_review->setText(tr("Working out what this run will take on this machine…"));
    m_planner.setFuture(QtConcurrent::run([home = m_home, recipe = draftRecipe()] {
        return planRunOnThisMachine(home, recipe);
    }));
    updateButtons();
}

void GuidedFineTune::showPlan()
{
    if (!m_planError.isEmpty()) {
        m_review->setText(tr("This run cannot be planned: %1").arg(m_planError.toHtmlEscaped()));
        return;
    }
    if (!m_plan || !m_planInspection)
        return;
    const TrainingPlan &plan = *m_plan;
    const TrainingRecipe &recipe = plan.recipe;
    const QLocale locale;
    QStringList html;
    auto paragraph = [&html](const QString &heading, const QString &text) {
        html << QStringLiteral("<p><b>%1</b><br>%2</p>").arg(heading.toHtmlEscaped(), text);
    };
    const auto model = m_models->selectedModel();
    const std::string kind = recipe.methodKind();
    const auto &trainable = plan.trainable;
    const QString method =
        kind == "full"
            ? tr("Full fine-tuning: all %1 weights of the model are trained. The result is a new model; the original "
                 "stays as it is.")
                  .arg(ModelText::parameters(std::uint64_t(trainable.trainableParameters)))
            : tr("LoRA (rank %1): small add-on matrices are trained, %2 weights (%3 % of the model's), and the model "
                 "itself stays frozen. The result is an adapter on top of %4.")
                  .arg(recipe.method.value("rank", 8))
                  .arg(ModelText::parameters(std::uint64_t(trainable.trainableParameters)))
                  .arg(ModelText::percent(trainable.trainableParameters, trainable.totalParameters))
                  .arg(model ? QString::fromStdString(model->name).toHtmlEscaped() : QString());
    paragraph(tr("How"), method);
    paragraph(tr("How long"),
              tr("%1 passes over %2 examples: %3 steps of %4 examples, checked against the kept-aside examples "
                 "every %5 steps. Estimated time on this machine: %6.")
                  .arg(recipe.training.maxSteps > 0 ? QStringLiteral("—") : QString::number(recipe.training.epochs))
                  .arg(locale.toString(qulonglong(m_planInspection->report.trainExamples)))
                  .arg(locale.toString(qlonglong(plan.steps)))
                  .arg(recipe.training.batchSize * recipe.training.gradAccumulation)
                  .arg(recipe.training.evalEvery)
                  .arg(minutesText(plan.seconds)));
    QString memory = tr("About %1 while training; %2 is free for it now.")
                         .arg(ModelText::size(plan.memory.total()), ModelText::size(plan.memoryAvailable));
    if (plan.adjusted && plan.fits)
        memory += QLatin1Char(' ')
                  + tr("To fit, it takes %1 examples at a time and adds up %2 of them before each update (the same "
                       "learning, more slowly).")
                        .arg(recipe.training.batchSize)
                        .arg(recipe.training.gradAccumulation);
    if (!plan.fits)
        memory = QStringLiteral("<span style='color:#c0392b'>%1</span>")
                     .arg(tr("This run needs about %1 but only %2 is free, even learning from one example at a time. "
                             "Pick a smaller model, or close other programs and come back.")
                              .arg(ModelText::size(plan.memory.total()), ModelText::size(plan.memoryAvailable)));
    paragraph(tr("Memory"), memory);
    QStringList data = DatasetReportText::describe(m_planInspection->report, m_planInspection->rejected);
    for (QString &line : data)
        line = line.toHtmlEscaped();
    paragraph(tr("Data"), data.join(QStringLiteral("<br>")));
    m_review->setText(html.join(QString()));
}

void GuidedFineTune::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        showPlan();
    }
    QWidget::changeEvent(event);
}

void GuidedFineTune::retranslate()
{
    const QString names[] = {tr("Model"), tr("Data"), tr("Goal"), tr("Review and start")};
    QStringList crumbs;
    for (int i = 0; i < 4; ++i) {
        const QString text = QStringLiteral("%1 %2").arg(i + 1).arg(names[i].toHtmlEscaped());
        crumbs << (i == m_pages->currentIndex() ? QStringLiteral("<b>%1</b>").arg(text)
                                                : QStringLiteral("<span style='color:gray'>%1</span>").arg(text));
    }
    m_steps->setText(crumbs.join(QStringLiteral(" &nbsp;›&nbsp; ")));
    const QString titles[] = {tr("Which model should learn?"), tr("What should it learn from?"),
                              tr("What should it learn to do?"), tr("Check the plan and start")};
    m_stepTitle->setText(titles[std::clamp(m_pages->currentIndex(), 0, 3)]);
    m_goals->button(0)->setText(tr("Teach a style or knowledge"));
    m_goalTexts[0]->setText(tr("The model reads your texts and learns to write like them and to know what they say. "
                               "Use plain text, or a table with a text column."));
    m_goals->button(1)->setText(tr("Follow instructions"));
    m_goalTexts[1]->setText(tr("The model learns to answer the way your examples answer: rows with an instruction "
                               "and its answer, or whole chat conversations."));
    m_goals->button(2)->setText(tr("Classify text"));
    m_goalTexts[2]->setText(tr("The model learns to put a text into one of your labels (spam or not, topic, mood). "
                               "Use a table with a text column and a label column."));
    m_goalHint->setText(tr("The choice was suggested by what your data looks like."));
    m_outputLabel->setText(tr("Name of the result:"));
    m_back->setText(tr("Back"));
    m_next->setText(tr("Next"));
    m_advanced->setText(tr("Open in the advanced view…"));
    m_advanced->setToolTip(tr("Every setting of this recipe, to change before starting."));
    m_start->setText(tr("Start fine-tuning"));
}

} // namespace llmos
