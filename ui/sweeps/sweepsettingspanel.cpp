#include "sweeps/sweepsettingspanel.h"

#include "finetune/designerstyle.h"
#include "finetune/recipejsonpath.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace llmos {

namespace {

using json = nlohmann::json;
using ordered = nlohmann::ordered_json;

constexpr int kMaxSpin = 1'000'000'000; // the sweep file's step limit

QSpinBox *spinBox(QWidget *parent, const char *name, int low, int high, int value)
{
    auto *spin = new QSpinBox(parent);
    spin->setObjectName(QString::fromLatin1(name));
    spin->setRange(low, high);
    spin->setValue(value);
    spin->setGroupSeparatorShown(true);
    return spin;
}

QComboBox *comboBox(QWidget *parent, const char *name, std::initializer_list<const char *> values)
{
    auto *combo = new QComboBox(parent);
    combo->setObjectName(QString::fromLatin1(name));
    for (const char *value : values)
        combo->addItem(QString(), QString::fromLatin1(value));
    return combo;
}

QLabel *noteLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setStyleSheet(QStringLiteral("color: palette(mid);"));
    return label;
}

QString chosen(const QComboBox *combo)
{
    return combo->currentData().toString();
}

void select(QComboBox *combo, const std::string &value)
{
    const int index = combo->findData(QString::fromStdString(value));
    if (index >= 0)
        combo->setCurrentIndex(index);
}

json section(const ordered &document, const char *name)
{
    return document.contains(name) && document[name].is_object() ? json(document[name]) : json::object();
}

int whole(const json &object, const char *key, long long fallback)
{
    return static_cast<int>(std::clamp<long long>(object.value(key, fallback), 0, std::numeric_limits<int>::max()));
}

} // namespace

SweepSettingsPanel::SweepSettingsPanel(QWidget *parent)
    : QWidget(parent)
{
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(12);
    row->addWidget(buildSearch(), 1);
    row->addWidget(buildPruner(), 1);
    row->addWidget(buildGoal(), 1);
    m_quiet = true;
    select(m_strategy, "random");
    select(m_pruner, "none");
    m_quiet = false;
    retranslate();
}

QGroupBox *SweepSettingsPanel::buildSearch()
{
    m_searchGroup = new QGroupBox(this);
    auto *grid = new QGridLayout(m_searchGroup);
    grid->setColumnStretch(1, 1);
    m_strategy = comboBox(m_searchGroup, "strategy", {"grid", "random", "tpe"});
    addSetting(grid, "strategy.kind", m_strategy);
    m_strategyNote = noteLabel(m_searchGroup);
    m_strategyNote->setObjectName(QStringLiteral("strategyNote"));
    grid->addWidget(m_strategyNote, grid->rowCount(), 0, 1, 2);
    m_seed = spinBox(m_searchGroup, "seed", 0, std::numeric_limits<int>::max(), 0);
    addSetting(grid, "strategy.seed", m_seed);
    m_tpeStartup = spinBox(m_searchGroup, "tpeStartupTrials", 0, 1'000'000, 10);
    addSetting(grid, "strategy.startup_trials", m_tpeStartup);
    m_tpeCandidates = spinBox(m_searchGroup, "tpeCandidates", 1, 10'000, 24);
    addSetting(grid, "strategy.candidates", m_tpeCandidates);
    m_tpeGamma = new QDoubleSpinBox(m_searchGroup);
    m_tpeGamma->setObjectName(QStringLiteral("tpeGamma"));
    m_tpeGamma->setRange(0.01, 0.99);
    m_tpeGamma->setSingleStep(0.05);
    m_tpeGamma->setValue(0.25);
    addSetting(grid, "strategy.gamma", m_tpeGamma);
    grid->setRowStretch(grid->rowCount(), 1);
    connect(m_strategy, &QComboBox::currentIndexChanged, this, &SweepSettingsPanel::strategyChanged);
    for (QSpinBox *spin : {m_seed, m_tpeStartup, m_tpeCandidates})
        connect(spin, &QSpinBox::valueChanged, this, &SweepSettingsPanel::notify);
    connect(m_tpeGamma, &QDoubleSpinBox::valueChanged, this, &SweepSettingsPanel::notify);
    return m_searchGroup;
}

QGroupBox *SweepSettingsPanel::buildPruner()
{
    m_prunerGroup = new QGroupBox(this);
    auto *grid = new QGridLayout(m_prunerGroup);
    grid->setColumnStretch(1, 1);
    m_pruner = comboBox(m_prunerGroup, "pruner", {"none", "median", "asha", "hyperband"});
    addSetting(grid, "pruner.kind", m_pruner);
    m_prunerNote = noteLabel(m_prunerGroup);
    m_prunerNote->setObjectName(QStringLiteral("prunerNote"));
    grid->addWidget(m_prunerNote, grid->rowCount(), 0, 1, 2);
    m_minSteps = spinBox(m_prunerGroup, "minSteps", 1, kMaxSpin, 50);
    addSetting(grid, "pruner.min_steps", m_minSteps);
    m_prunerMaxSteps = spinBox(m_prunerGroup, "prunerMaxSteps", 0, kMaxSpin, 0);
    addSetting(grid, "pruner.max_steps", m_prunerMaxSteps);
    m_reduction = spinBox(m_prunerGroup, "reductionFactor", 2, 100, 3);
    addSetting(grid, "pruner.reduction_factor", m_reduction);
    m_medianStartup = spinBox(m_prunerGroup, "medianStartupTrials", 0, 1'000'000, 5);
    addSetting(grid, "pruner.startup_trials", m_medianStartup);
    m_medianWarmup = spinBox(m_prunerGroup, "medianWarmupSteps", 0, kMaxSpin, 0);
    addSetting(grid, "pruner.warmup_steps", m_medianWarmup);
    grid->setRowStretch(grid->rowCount(), 1);
    connect(m_pruner, &QComboBox::currentIndexChanged, this, &SweepSettingsPanel::prunerChanged);
    connect(m_minSteps, &QSpinBox::valueChanged, this, [this] {
        if (!m_quiet)
            m_minStepsChosen = true;
    });
    for (QSpinBox *spin : {m_minSteps, m_prunerMaxSteps, m_reduction, m_medianStartup, m_medianWarmup})
        connect(spin, &QSpinBox::valueChanged, this, &SweepSettingsPanel::notify);
    return m_prunerGroup;
}

QGroupBox *SweepSettingsPanel::buildGoal()
{
    m_goalGroup = new QGroupBox(this);
    auto *grid = new QGridLayout(m_goalGroup);
    grid->setColumnStretch(1, 1);
    m_metric = comboBox(m_goalGroup, "metric", {"eval_loss", "perplexity", "accuracy", "macro_f1"});
    addSetting(grid, "objective.metric", m_metric);
    m_direction = comboBox(m_goalGroup, "direction", {"", "minimize", "maximize"});
    addSetting(grid, "objective.direction", m_direction);
    m_trials = spinBox(m_goalGroup, "trials", 1, 1'000'000, m_searchTrials);
    addSetting(grid, "budget.max_trials", m_trials);
    m_maxConcurrent = spinBox(m_goalGroup, "maxConcurrent", 1, 1024, 1);
    addSetting(grid, "budget.max_concurrent", m_maxConcurrent);
    m_timeLimit = spinBox(m_goalGroup, "timeLimit", 0, 60 * 24 * 365, 0);
    addSetting(grid, "budget.max_time_s", m_timeLimit);
    grid->setRowStretch(grid->rowCount(), 1);
    connect(m_metric, &QComboBox::currentIndexChanged, this, &SweepSettingsPanel::notify);
    connect(m_direction, &QComboBox::currentIndexChanged, this, &SweepSettingsPanel::notify);
    connect(m_trials, &QSpinBox::valueChanged, this, [this](int trials) {
        if (!m_quiet && strategyKind() != "grid")
            m_searchTrials = trials;
        notify();
    });
    connect(m_maxConcurrent, &QSpinBox::valueChanged, this, &SweepSettingsPanel::notify);
    connect(m_timeLimit, &QSpinBox::valueChanged, this, [this](int minutes) {
        if (!m_quiet)
            m_maxTimeSeconds = minutes * 60.0;
        notify();
    });
    return m_goalGroup;
}

void SweepSettingsPanel::addSetting(QGridLayout *grid, const char *path, QWidget *input)
{
    const int row = grid->rowCount();
    auto *caption = new QLabel(input->parentWidget());
    // Long choices ("Grid: every combination") may be cut rather than widen the page
    // past a small screen; the open list shows them whole.
    if (auto *combo = qobject_cast<QComboBox *>(input)) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(6);
    }
    grid->addWidget(caption, row, 0);
    grid->addWidget(input, row, 1);
    m_settings.push_back({path, caption, input});
}

void SweepSettingsPanel::setSettingShown(QWidget *input, bool shown)
{
    for (const auto &setting : m_settings)
        if (setting.input == input) {
            setting.caption->setVisible(shown);
            input->setVisible(shown);
        }
}

void SweepSettingsPanel::notify()
{
    if (!m_quiet)
        Q_EMIT changed();
}

void SweepSettingsPanel::setQuietly(QSpinBox *spin, int value)
{
    const bool was = m_quiet;
    m_quiet = true;
    spin->setValue(value);
    m_quiet = was;
}

void SweepSettingsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void SweepSettingsPanel::retranslate()
{
    m_searchGroup->setTitle(tr("Search"));
    m_prunerGroup->setTitle(tr("Early stopping"));
    m_goalGroup->setTitle(tr("Goal and budget"));
    const QStringList strategies{tr("Grid: every combination"), tr("Random"), tr("TPE: learns from results")};
    for (int i = 0; i < m_strategy->count(); ++i)
        m_strategy->setItemText(i, strategies.value(i));
    const QStringList pruners{tr("None: every trial to the end"), tr("Median"), tr("ASHA"), tr("Hyperband")};
    for (int i = 0; i < m_pruner->count(); ++i)
        m_pruner->setItemText(i, pruners.value(i));
    const QStringList metrics{tr("Validation loss"), tr("Perplexity"), tr("Accuracy"), tr("Macro F1")};
    for (int i = 0; i < m_metric->count(); ++i)
        m_metric->setItemText(i, metrics.value(i));
    const QStringList directions{tr("Automatic"), tr("Lower is better"), tr("Higher is better")};
    for (int i = 0; i < m_direction->count(); ++i)
        m_direction->setItemText(i, directions.value(i));
    m_prunerMaxSteps->setSpecialValueText(tr("the recipe's maximum steps"));
    m_timeLimit->setSpecialValueText(tr("No limit"));
    m_timeLimit->setSuffix(tr(" min"));

    const std::map<std::string, QString> captions{
        {"strategy.kind", tr("Strategy")},
        {"strategy.seed", tr("Seed")},
        {"strategy.startup_trials", tr("Random trials first")},
        {"strategy.candidates", tr("Candidates per trial")},
        {"strategy.gamma", tr("Share counted as good")},
        {"pruner.kind", tr("Stop weak trials")},
        {"pruner.min_steps", tr("First check (steps)")},
        {"pruner.max_steps", tr("Trial length (steps)")},
        {"pruner.reduction_factor", tr("Keep 1 in")},
        {"pruner.startup_trials", tr("Finished trials first")},
        {"pruner.warmup_steps", tr("Not before step")},
        {"objective.metric", tr("Optimise")},
        {"objective.direction", tr("Better is")},
        {"budget.max_trials", tr("Trials")},
        {"budget.max_concurrent", tr("At once")},
        {"budget.max_time_s", tr("Time limit")},
    };
    const std::map<std::string, QString> tips{
        {"strategy.seed", tr("The same seed gives the same sequence of trials.")},
        {"strategy.startup_trials", tr("TPE draws this many trials at random before it learns from the results.")},
        {"strategy.candidates", tr("TPE draws this many values per parameter and keeps the most promising one.")},
        {"strategy.gamma", tr("The share of trials TPE counts as good when it learns where good settings lie.")},
        {"pruner.min_steps", tr("The first point where weak trials are stopped, in optimizer steps. When the "
                                "learning rate is searched, put it at a third of the training or later: high "
                                "learning rates start slowly and finish well.")},
        {"pruner.max_steps", tr("How long a trial trains, in optimizer steps; checks lie below it.")},
        {"pruner.reduction_factor", tr("At each check only the best 1 in this many trials go on, and checks lie this "
                                       "many times apart. 3 is the usual choice.")},
        {"pruner.startup_trials", tr("Nothing is stopped before this many trials have finished.")},
        {"pruner.warmup_steps", tr("Nothing is stopped before this step.")},
        {"objective.metric", tr("The evaluation result a trial is judged by. Accuracy and macro F1 need a "
                                "classification task.")},
        {"budget.max_trials", tr("How many trials to run at most. For a grid, the number of combinations.")},
        {"budget.max_concurrent", tr("Trials that train at the same time; they share the machine.")},
        {"budget.max_time_s", tr("When it is spent, no new trial starts and the running ones stop.")},
    };
    for (const auto &setting : m_settings) {
        if (const auto found = captions.find(setting.path); found != captions.end())
            setting.caption->setText(found->second);
        if (const auto found = tips.find(setting.path); found != tips.end()) {
            setting.caption->setToolTip(found->second);
            setting.input->setToolTip(found->second);
        }
    }
    const bool was = m_quiet;
    m_quiet = true; // words only: nothing the sweep document holds changes
    strategyChanged();
    prunerChanged();
    m_quiet = was;
}

std::string SweepSettingsPanel::strategyKind() const
{
    return chosen(m_strategy).toStdString();
}

std::string SweepSettingsPanel::prunerKind() const
{
    return chosen(m_pruner).toStdString();
}

void SweepSettingsPanel::strategyChanged()
{
    const std::string kind = strategyKind();
    if (kind == "grid")
        m_strategyNote->setText(tr("Tries every combination of the values listed, in order. Thorough, but the "
                                   "count multiplies with each parameter: best for two or three parameters with a "
                                   "few values each."));
    else if (kind == "tpe")
        m_strategyNote->setText(tr("Starts with random trials, then learns from their results where good settings "
                                   "lie and tries more there. Usually finds good settings in fewer trials than "
                                   "random search."));
    else
        m_strategyNote->setText(tr("Draws each trial's settings at random from the values and ranges. A strong "
                                   "start when there are many parameters and few trials."));
    setSettingShown(m_seed, kind != "grid");
    for (QWidget *tpe : std::initializer_list<QWidget *>{m_tpeStartup, m_tpeCandidates, m_tpeGamma})
        setSettingShown(tpe, kind == "tpe");
    m_trials->setEnabled(kind != "grid");
    if (kind != "grid")
        setQuietly(m_trials, m_searchTrials);
    notify();
}

void SweepSettingsPanel::prunerChanged()
{
    const std::string kind = prunerKind();
    if (kind == "median")
        m_prunerNote->setText(tr("Stops a trial whose results fall behind the middle of the finished trials at the "
                                 "same step. Needs evaluations during training (the recipe's evaluate every)."));
    else if (kind == "asha")
        m_prunerNote->setText(tr("Checks the trials at a few points (rungs); at each only the best of them go on. "
                                 "Saves most of the compute, but can stop slow starters too early."));
    else if (kind == "hyperband")
        m_prunerNote->setText(tr("Runs several ASHA schedules side by side, from strict to none, so slow starters "
                                 "still get a chance to finish."));
    else
        m_prunerNote->setText(tr("Every trial trains to the end."));
    const bool halving = kind == "asha" || kind == "hyperband";
    for (QWidget *input : std::initializer_list<QWidget *>{m_minSteps, m_prunerMaxSteps, m_reduction})
        setSettingShown(input, halving);
    setSettingShown(m_medianStartup, kind == "median");
    setSettingShown(m_medianWarmup, kind == "median");
    notify();
}

void SweepSettingsPanel::suggestFirstCheck(qint64 trialSteps, bool learningRateSearched)
{
    if (m_minStepsChosen || trialSteps <= 0)
        return;
    const qint64 share = learningRateSearched ? 3 : 9;
    setQuietly(m_minSteps, static_cast<int>(std::clamp<qint64>(trialSteps / share, 1, kMaxSpin)));
}

int SweepSettingsPanel::trials() const
{
    return m_trials->value();
}

void SweepSettingsPanel::showGridSize(int trials)
{
    if (strategyKind() == "grid")
        setQuietly(m_trials, std::clamp(trials, 1, m_trials->maximum()));
}

void SweepSettingsPanel::writeTo(nlohmann::ordered_json &document) const
{
    const std::string strategy = strategyKind();
    ordered strategyJson = {{"kind", strategy}};
    if (strategy != "grid")
        strategyJson["seed"] = m_seed->value();
    if (strategy == "tpe") {
        strategyJson["startup_trials"] = m_tpeStartup->value();
        strategyJson["candidates"] = m_tpeCandidates->value();
        strategyJson["gamma"] = m_tpeGamma->value();
    }
    document["strategy"] = strategyJson;

    const std::string pruner = prunerKind();
    ordered prunerJson = {{"kind", pruner}};
    if (pruner == "asha" || pruner == "hyperband") {
        prunerJson["min_steps"] = m_minSteps->value();
        if (m_prunerMaxSteps->value() > 0)
            prunerJson["max_steps"] = m_prunerMaxSteps->value();
        prunerJson["reduction_factor"] = m_reduction->value();
    } else if (pruner == "median") {
        prunerJson["startup_trials"] = m_medianStartup->value();
        prunerJson["warmup_steps"] = m_medianWarmup->value();
    }
    document["pruner"] = prunerJson;

    ordered objective = {{"metric", chosen(m_metric).toStdString()}};
    if (!chosen(m_direction).isEmpty())
        objective["direction"] = chosen(m_direction).toStdString();
    document["objective"] = objective;

    ordered budget = ordered::object();
    if (strategy != "grid") // a grid's size is the engine's to count
        budget["max_trials"] = m_trials->value();
    budget["max_concurrent"] = m_maxConcurrent->value();
    if (m_maxTimeSeconds > 0)
        budget["max_time_s"] = m_maxTimeSeconds;
    document["budget"] = budget;
}

void SweepSettingsPanel::readFrom(const nlohmann::ordered_json &document)
{
    const bool was = m_quiet;
    m_quiet = true;
    const json strategy = section(document, "strategy");
    const json pruner = section(document, "pruner");
    const json objective = section(document, "objective");
    const json budget = section(document, "budget");
    if (budget.contains("max_trials"))
        m_searchTrials = std::max(1, whole(budget, "max_trials", 20));
    select(m_strategy, strategy.value("kind", std::string("random")));
    m_seed->setValue(whole(strategy, "seed", 0));
    m_tpeStartup->setValue(whole(strategy, "startup_trials", 10));
    m_tpeCandidates->setValue(whole(strategy, "candidates", 24));
    m_tpeGamma->setValue(strategy.value("gamma", 0.25));
    select(m_pruner, pruner.value("kind", std::string("none")));
    m_minSteps->setValue(whole(pruner, "min_steps", 50));
    m_minStepsChosen = pruner.contains("min_steps");
    m_prunerMaxSteps->setValue(whole(pruner, "max_steps", 0));
    m_reduction->setValue(whole(pruner, "reduction_factor", 3));
    m_medianStartup->setValue(whole(pruner, "startup_trials", 5));
    m_medianWarmup->setValue(whole(pruner, "warmup_steps", 0));
    select(m_metric, objective.value("metric", std::string("eval_loss")));
    select(m_direction, objective.value("direction", std::string()));
    m_maxConcurrent->setValue(whole(budget, "max_concurrent", 1));
    m_maxTimeSeconds = budget.value("max_time_s", 0.0);
    m_timeLimit->setValue(static_cast<int>(std::ceil(m_maxTimeSeconds / 60.0)));
    strategyChanged();
    prunerChanged();
    m_quiet = was;
}

QString SweepSettingsPanel::mark(const std::string &field)
{
    const SettingRow *named = nullptr;
    for (const auto &setting : m_settings)
        if (pathContains(setting.path, field) &&
            (!named || std::string_view(setting.path).size() > std::string_view(named->path).size()))
            named = &setting;
    if (!named || !named->input->isVisibleTo(this))
        return {};
    named->input->setStyleSheet(
        QStringLiteral("%1 { border: 1px solid %2; border-radius: 3px; }")
            .arg(QLatin1String(named->input->metaObject()->className()), designerErrorColor(*this)));
    m_marked.push_back(named->input);
    return named->caption->text();
}

void SweepSettingsPanel::clearMarks()
{
    for (QWidget *input : m_marked)
        input->setStyleSheet(QString());
    m_marked.clear();
}

} // namespace llmos
