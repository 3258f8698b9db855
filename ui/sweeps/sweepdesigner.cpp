#include "sweeps/sweepdesigner.h"

#include "finetune/designerfile.h"
#include "finetune/designerstyle.h"
#include "finetune/recipefields.h"
#include "finetune/recipejsonpath.h"
#include "formats/strictjson.h"
#include "recipe/trainingrecipe.h"
#include "sweeps/sweepchoicedelegate.h"
#include "sweeps/sweepestimatetext.h"
#include "sweeps/sweepparametermodel.h"
#include "sweeps/sweepsettingspanel.h"
#include "util/error.h"

#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <filesystem>

namespace llmos {

namespace {

using json = nlohmann::json;
using ordered = nlohmann::ordered_json;

constexpr const char *kSource = "sweep";

QString sentence(const std::string &detail)
{
    QString text = QString::fromStdString(detail);
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

} // namespace

SweepDesigner::SweepDesigner(QWidget *parent)
    : QWidget(parent)
    , m_model(new SweepParameterModel(this))
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(16, 12, 16, 12);
    outer->setSpacing(10);

    // Name and base recipe
    auto *top = new QHBoxLayout;
    m_nameCaption = new QLabel(this);
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("sweepName"));
    m_name->setMaximumWidth(240);
    m_baseSummary = new QLabel(this);
    m_baseSummary->setObjectName(QStringLiteral("baseRecipe"));
    m_baseSummary->setTextFormat(Qt::PlainText);
    m_chooseRecipe = new QPushButton(this);
    m_chooseRecipe->setObjectName(QStringLiteral("chooseRecipe"));
    top->addWidget(m_nameCaption);
    top->addWidget(m_name);
    top->addSpacing(16);
    top->addWidget(m_baseSummary, 1);
    top->addWidget(m_chooseRecipe);
    outer->addLayout(top);
    connect(m_name, &QLineEdit::textEdited, this, &SweepDesigner::revalidate);
    connect(m_chooseRecipe, &QPushButton::clicked, this, &SweepDesigner::chooseRecipeFile);

    // Parameters
    m_parametersGroup = new QGroupBox(this);
    auto *parameters = new QVBoxLayout(m_parametersGroup);
    auto *tools = new QHBoxLayout;
    m_addParameter = new QToolButton(m_parametersGroup);
    m_addParameter->setObjectName(QStringLiteral("addParameter"));
    m_addParameter->setPopupMode(QToolButton::InstantPopup);
    m_addParameter->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_parameterMenu = new QMenu(m_addParameter);
    m_addParameter->setMenu(m_parameterMenu);
    m_removeParameter = new QPushButton(m_parametersGroup);
    m_removeParameter->setObjectName(QStringLiteral("removeParameter"));
    tools->addWidget(m_addParameter);
    tools->addWidget(m_removeParameter);
    tools->addStretch(1);
    parameters->addLayout(tools);
    m_table = new QTableView(m_parametersGroup);
    m_table->setObjectName(QStringLiteral("parameters"));
    m_table->setModel(m_model);
    m_table->setItemDelegate(new SweepChoiceDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::SelectedClicked |
                             QAbstractItemView::EditKeyPressed | QAbstractItemView::AnyKeyPressed);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    auto *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(SweepParameterModel::Values, QHeaderView::Stretch);
    header->setMinimumSectionSize(72);
    parameters->addWidget(m_table);
    outer->addWidget(m_parametersGroup, 1);
    connect(m_removeParameter, &QPushButton::clicked, this, &SweepDesigner::removeSelectedParameters);
    connect(m_model, &SweepParameterModel::edited, this, &SweepDesigner::revalidate);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { m_removeParameter->setEnabled(m_table->selectionModel()->hasSelection()); });

    m_settings = new SweepSettingsPanel(this);
    outer->addWidget(m_settings);
    connect(m_settings, &SweepSettingsPanel::changed, this, &SweepDesigner::revalidate);

    m_estimateLabel = new QLabel(this);
    m_estimateLabel->setObjectName(QStringLiteral("estimate"));
    m_estimateLabel->setWordWrap(true);
    m_estimateLabel->setTextFormat(Qt::PlainText);
    outer->addWidget(m_estimateLabel);

    auto *footer = new QHBoxLayout;
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("sweepStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_fileMessage = new QLabel(this);
    m_fileMessage->setObjectName(QStringLiteral("sweepFileMessage"));
    m_fileMessage->setTextFormat(Qt::PlainText);
    m_open = new QPushButton(this);
    m_open->setObjectName(QStringLiteral("openSweep"));
    m_save = new QPushButton(this);
    m_save->setObjectName(QStringLiteral("saveSweep"));
    m_launch = new QPushButton(this);
    m_launch->setObjectName(QStringLiteral("launch"));
    m_launch->setDefault(true);
    footer->addWidget(m_status, 1);
    footer->addWidget(m_fileMessage);
    footer->addWidget(m_open);
    footer->addWidget(m_save);
    footer->addWidget(m_launch);
    outer->addLayout(footer);
    connect(m_open, &QPushButton::clicked, this, &SweepDesigner::openWithDialog);
    connect(m_save, &QPushButton::clicked, this, &SweepDesigner::saveWithDialog);
    connect(m_launch, &QPushButton::clicked, this, [this] {
        if (m_valid)
            Q_EMIT launchRequested();
    });

    connect(m_parameterMenu, &QMenu::aboutToShow, this, [this] {
        // A field already in the table cannot be added twice.
        for (QAction *action : m_parameterMenu->findChildren<QAction *>())
            if (!action->data().isNull())
                action->setEnabled(!m_model->contains(action->data().toString().toStdString()));
    });
    m_model->setDarkBackground(palette().color(QPalette::Window).lightness() < 128);
    m_removeParameter->setEnabled(false);
    retranslate();
    revalidate();
}

SweepDesigner::~SweepDesigner()
{
    // A cell editor still open commits when the table goes, after this object's members
    // are gone: its edit must not reach revalidate().
    disconnect(m_model, nullptr, this, nullptr);
}

void SweepDesigner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    } else if (event->type() == QEvent::PaletteChange) {
        m_model->setDarkBackground(palette().color(QPalette::Window).lightness() < 128);
        showStatus();
    }
    QWidget::changeEvent(event);
}

void SweepDesigner::retranslate()
{
    m_nameCaption->setText(tr("Sweep name"));
    m_name->setPlaceholderText(tr("sweep"));
    m_chooseRecipe->setText(tr("Base recipe from a file…"));
    m_chooseRecipe->setToolTip(tr("Every trial starts from this recipe and changes only the parameters below."));
    m_parametersGroup->setTitle(tr("Parameters to vary"));
    m_addParameter->setText(tr("Add parameter"));
    m_removeParameter->setText(tr("Remove"));
    m_open->setText(tr("Open sweep…"));
    m_save->setText(tr("Save sweep…"));
    m_launch->setText(tr("Launch sweep"));
    m_launch->setToolTip(tr("Starts the trials; the sweep's progress shows under Jobs."));
    rebuildParameterMenu();
    showBaseSummary();
    showEstimate();
    showStatus();
}

void SweepDesigner::rebuildParameterMenu()
{
    m_parameterMenu->clear();
    for (RecipeSection section : RecipeFields::sections()) {
        QMenu *submenu = nullptr;
        for (const auto &field : RecipeFields::all()) {
            if (field.section != section || !field.isSweepable())
                continue;
            if (!submenu)
                submenu = m_parameterMenu->addMenu(RecipeFields::sectionTitle(section));
            QString label = field.labelText();
            if (field.isMethodOption()) {
                QStringList kinds;
                for (const auto &kind : field.methodKinds)
                    kinds << QString::fromStdString(kind);
                label = tr("%1 (%2)").arg(label, kinds.join(QStringLiteral(", ")));
            }
            QAction *action = submenu->addAction(label);
            action->setData(QString::fromLatin1(field.path));
            action->setObjectName(QString::fromLatin1(field.path));
            action->setToolTip(field.tooltipText());
            const std::string path = field.path;
            connect(action, &QAction::triggered, this, [this, path] { addParameter(path); });
        }
        if (submenu)
            submenu->setToolTipsVisible(true);
    }
}

nlohmann::json SweepDesigner::currentRecipeValue(const std::string &path) const
{
    try {
        // The parsed recipe knows the defaults, the method's learning rate among them.
        json recipe = toJson(parseTrainingRecipe(m_baseRecipe, kSource));
        if (const json *value = findAtPath(recipe, path))
            return *value;
    } catch (const Error &) {
        if (const json *value = m_baseRecipe.is_object() ? findAtPath(m_baseRecipe, path) : nullptr)
            return *value;
    }
    const RecipeField *field = RecipeFields::find(path);
    return field ? field->defaultValue : json();
}

void SweepDesigner::addParameter(const std::string &path)
{
    const RecipeField *field = RecipeFields::find(path);
    if (!field || m_model->contains(path))
        return;
    m_model->addParameter(*field, currentRecipeValue(path));
    m_table->selectRow(m_model->rowCount() - 1);
}

void SweepDesigner::removeSelectedParameters()
{
    QList<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        rows << index.row();
    std::sort(rows.begin(), rows.end(), std::greater<>());
    for (int row : rows)
        m_model->removeParameter(row);
}

qint64 SweepDesigner::baseTrialSteps() const
{
    const json steps = currentRecipeValue("training.max_steps");
    return steps.is_number() && steps.get<qint64>() > 0 ? steps.get<qint64>() : m_stepsPerTrial;
}

int SweepDesigner::gridSize() const
{
    long long size = m_model->rowCount() > 0 ? 1 : 0;
    for (int row = 0; row < m_model->rowCount(); ++row)
        size = std::min<long long>(size * m_model->valueCount(row), 1'000'000'000);
    return static_cast<int>(size);
}

nlohmann::ordered_json SweepDesigner::buildDocument(QString *problem)
{
    ordered document;
    document["version"] = 1;
    if (!m_name->text().trimmed().isEmpty())
        document["name"] = m_name->text().trimmed().toStdString();
    if (m_baseRecipe.is_object())
        document["recipe"] = m_baseRecipe;
    else if (problem->isEmpty())
        *problem = tr("Choose the base recipe first: the recipe every trial starts from.");

    // The method kinds the trials use: the space's, or the base recipe's one.
    const int kindRow = m_model->rowOf("method.kind");
    std::vector<std::string> kindsTried;
    if (kindRow >= 0) {
        QString ignored;
        const json kinds = m_model->entry(kindRow, &ignored);
        for (const auto &kind : kinds.is_array() ? kinds : kinds.value("choice", json::array()))
            if (kind.is_string())
                kindsTried.push_back(kind.get<std::string>());
    } else {
        const json *kind = m_baseRecipe.is_object() ? findAtPath(m_baseRecipe, "method.kind") : nullptr;
        kindsTried.push_back(kind && kind->is_string() ? kind->get<std::string>() : "full");
    }
    const auto reportRow = [&](int row, const QString &rowProblem) {
        m_model->setProblem(row, rowProblem);
        if (problem->isEmpty()) {
            const auto &path = m_model->rows()[static_cast<std::size_t>(row)].path;
            const RecipeField *field = RecipeFields::find(path);
            *problem = tr("%1: %2").arg(field ? field->labelText() : QString::fromStdString(path), rowProblem);
        }
    };

    ordered space = ordered::object();
    for (int row = 0; row < m_model->rowCount(); ++row) {
        QString rowProblem;
        json entry = m_model->entry(row, &rowProblem);
        const SweepParameterRow &parameter = m_model->rows()[static_cast<std::size_t>(row)];
        const RecipeField *field = RecipeFields::find(parameter.path);
        if (rowProblem.isEmpty() && field && field->isMethodOption() && parameter.when.is_null() &&
            parameter.kept.is_null()) {
            // A method option is used only by the kinds that read it; where the sweep
            // tries others too, it gets the condition a person would write by hand.
            json applicable = json::array();
            for (const auto &kind : kindsTried)
                if (field->appliesToMethod(kind))
                    applicable.push_back(kind);
            if (applicable.empty()) {
                QStringList kinds;
                for (const auto &kind : field->methodKinds)
                    kinds << QString::fromStdString(kind);
                rowProblem = tr("Only these methods read it: %1; the sweep tries none of them.")
                                 .arg(kinds.join(QStringLiteral(", ")));
            } else if (applicable.size() < kindsTried.size()) {
                if (entry.is_array())
                    entry = json{{"choice", std::move(entry)}};
                entry["when"] = json{{"method.kind", applicable}};
            }
        }
        if (!rowProblem.isEmpty()) {
            reportRow(row, rowProblem);
            continue;
        }
        space[parameter.path] = entry;
    }
    // The base recipe's method options go to every trial unless the space sets them, and
    // a kind that does not read one fails.
    const json *baseMethod = m_baseRecipe.is_object() ? findAtPath(m_baseRecipe, "method") : nullptr;
    if (kindRow >= 0 && baseMethod && baseMethod->is_object()) {
        for (const auto &[key, value] : baseMethod->items()) {
            const RecipeField *field = RecipeFields::find("method." + key);
            if (key == "kind" || !field || m_model->contains(field->path))
                continue;
            for (const auto &kind : kindsTried)
                if (!field->appliesToMethod(kind)) {
                    reportRow(kindRow, tr("The base recipe's method sets %1, which %2 does not read: add %1 as a "
                                          "parameter too, or take it out of the recipe.")
                                           .arg(field->labelText(), QString::fromStdString(kind)));
                    break;
                }
        }
    }
    if (m_model->rowCount() == 0 && problem->isEmpty())
        *problem = tr("Add at least one parameter to vary.");
    document["space"] = space;

    m_settings->writeTo(document);
    return document;
}

void SweepDesigner::revalidate()
{
    if (m_populating || !m_estimateLabel)
        return;
    m_settings->clearMarks();
    m_model->clearProblems();
    QString problem;
    m_document = buildDocument(&problem);
    bool valid = false;
    if (problem.isEmpty()) {
        try {
            // The engine's own parser, with the recipe inlined: what `llmos sweep` would say.
            m_spec = parseSweepDocument(m_document, kSource, ".");
            valid = true;
        } catch (const Error &e) {
            problem = blame(fieldOfWhere(e.where(), kSource), e.detail());
        }
    }
    const bool changed = !m_validityKnown || valid != m_valid || problem != m_message;
    m_valid = valid;
    m_validityKnown = true;
    m_message = problem;

    m_settings->showGridSize(valid ? static_cast<int>(m_spec.budget.maxTrials) : gridSize());
    m_settings->suggestFirstCheck(baseTrialSteps(), m_model->contains("optimizer.lr"));
    m_launch->setEnabled(valid);
    m_save->setEnabled(valid);
    showBaseSummary();
    showEstimate();
    showStatus();
    if (changed)
        Q_EMIT validityChanged(m_valid, m_message);
}

QString SweepDesigner::blame(const std::string &field, const std::string &detail)
{
    if (field.starts_with("space.")) {
        int best = -1;
        std::size_t bestLength = 0;
        for (int row = 0; row < m_model->rowCount(); ++row) {
            const auto &path = m_model->rows()[static_cast<std::size_t>(row)].path;
            if (pathContains("space." + path, field) && path.size() > bestLength) {
                best = row;
                bestLength = path.size();
            }
        }
        if (best >= 0) {
            m_model->setProblem(best, sentence(detail));
            const auto &path = m_model->rows()[static_cast<std::size_t>(best)].path;
            const RecipeField *recipeField = RecipeFields::find(path);
            return tr("%1: %2").arg(recipeField ? recipeField->labelText() : QString::fromStdString(path),
                                    QString::fromStdString(detail));
        }
    }
    if (field == "recipe" || field.starts_with("recipe.")) {
        const std::string inRecipe = field.size() > 7 ? field.substr(7) : field;
        return tr("In the base recipe, %1 %2").arg(QString::fromStdString(inRecipe), QString::fromStdString(detail));
    }
    const QString caption = m_settings->mark(field);
    if (!caption.isEmpty())
        return tr("%1: %2").arg(caption, QString::fromStdString(detail));
    return tr("%1: %2").arg(QString::fromStdString(field), QString::fromStdString(detail));
}

void SweepDesigner::showEstimate()
{
    if (!m_valid) {
        m_estimate = {};
        m_estimateLabel->setText(
            SweepEstimateText::incomplete(m_settings->strategyKind() == "grid" ? gridSize() : m_settings->trials()));
        return;
    }
    std::int64_t steps = 0;
    try {
        steps = longestTrialSteps(m_spec, m_stepsPerTrial);
    } catch (const Error &) {
        steps = 0; // the spec parsed, so its recipe does too; nothing to say beyond "unknown"
    }
    m_estimate = estimateSweep(m_spec, steps);
    m_estimateLabel->setText(SweepEstimateText::describe(m_estimate, m_settings->prunerKind() == "median",
                                                         m_secondsPerStep, m_settings->maxTimeSeconds()));
}

void SweepDesigner::showStatus()
{
    if (m_valid) {
        m_status->setText(tr("The sweep is complete: `llmos sweep` can run it."));
        m_status->setStyleSheet(QStringLiteral("color: palette(mid);"));
    } else {
        m_status->setText(m_message);
        m_status->setStyleSheet(designerErrorStyle(*this));
    }
}

void SweepDesigner::showBaseSummary()
{
    if (!m_baseRecipe.is_object()) {
        m_baseSummary->setText(tr("No base recipe yet."));
        return;
    }
    const auto text = [this](const char *path) {
        const json *value = findAtPath(m_baseRecipe, path);
        return value && value->is_string() ? QString::fromStdString(value->get<std::string>()) : QString();
    };
    const auto steps = currentRecipeValue("training.max_steps");
    const auto epochs = currentRecipeValue("training.epochs");
    const QString length =
        steps.is_number() && steps.get<qint64>() > 0
            ? tr("%n step(s)", nullptr, static_cast<int>(steps.get<qint64>()))
            : tr("%n epoch(s)", nullptr, epochs.is_number() ? static_cast<int>(epochs.get<qint64>()) : 3);
    const QString method = text("method.kind").isEmpty() ? QStringLiteral("full") : text("method.kind");
    m_baseSummary->setText(
        tr("Base recipe: %1 on %2, %3, %4")
            .arg(QFileInfo(text("model.path")).fileName(), QFileInfo(text("dataset.path")).fileName(), method, length));
    m_baseSummary->setToolTip(QString::fromStdString(m_baseRecipe.dump(2)));
}

void SweepDesigner::setBaseRecipe(const TrainingRecipe &recipe)
{
    json document = toJson(recipe);
    if (recipe.optimizer.lr <= 0) // never parsed: let the method's default apply
        document["optimizer"].erase("lr");
    setBaseRecipeJson(document);
}

void SweepDesigner::setBaseRecipeJson(const nlohmann::json &recipe)
{
    m_baseRecipe = recipe;
    revalidate();
}

void SweepDesigner::setStepsPerTrial(qint64 steps)
{
    m_stepsPerTrial = std::max<qint64>(steps, 0);
    showEstimate();
}

void SweepDesigner::setSecondsPerStep(double seconds)
{
    m_secondsPerStep = std::isfinite(seconds) ? std::max(seconds, 0.0) : 0.0;
    showEstimate();
}

void SweepDesigner::applyDocument(const nlohmann::ordered_json &document)
{
    m_populating = true;
    m_name->setText(QString::fromStdString(document.value("name", std::string())));
    m_baseRecipe = document.contains("recipe") ? json(document["recipe"]) : json();
    std::vector<SweepParameterRow> rows;
    if (document.contains("space"))
        for (auto it = document["space"].begin(); it != document["space"].end(); ++it)
            rows.push_back(SweepParameterModel::rowFromEntry(it.key(), json(it.value())));
    m_settings->readFrom(document);
    m_model->setRows(std::move(rows));
    m_populating = false;
    revalidate();
}

bool SweepDesigner::saveTo(const QString &path, QString *error) const
{
    if (!m_valid) {
        *error = tr("The sweep is not complete yet: %1").arg(m_message);
        return false;
    }
    return DesignerFile::write(path, QByteArray::fromStdString(m_document.dump(2) + "\n"), error);
}

bool SweepDesigner::loadFrom(const QString &path, QString *error)
{
    QByteArray text;
    if (!DesignerFile::read(path, &text, error))
        return false;
    const std::string source = path.toStdString();
    SweepSpec spec;
    try {
        // `recipe_path` is read from the sweep file's folder; the document keeps the
        // recipe itself, as the sweep's own folder does.
        const auto folder = std::filesystem::path(source).parent_path().string();
        spec = parseSweepText(std::string_view(text.constData(), static_cast<std::size_t>(text.size())), source,
                              folder.empty() ? "." : folder);
    } catch (const Error &e) {
        *error = QString::fromStdString(e.where() + ": " + e.detail());
        return false;
    }
    applyDocument(spec.document);
    return true;
}

void SweepDesigner::chooseRecipeFile()
{
    auto *dialog = new QFileDialog(this, tr("Choose the base recipe"), QString(), tr("Recipes (*.json)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        QByteArray text;
        QString error;
        if (!DesignerFile::read(path, &text, &error)) {
            showFileMessage(error, true);
            return;
        }
        try {
            const std::string source = path.toStdString();
            json recipe =
                parseJsonStrict(std::string_view(text.constData(), static_cast<std::size_t>(text.size())), source);
            parseTrainingRecipe(recipe, source);
            setBaseRecipeJson(recipe);
            showFileMessage(tr("Base recipe: %1.").arg(QFileInfo(path).fileName()), false);
        } catch (const Error &e) {
            showFileMessage(QString::fromStdString(e.where() + ": " + e.detail()), true);
        }
    });
    dialog->open();
}

void SweepDesigner::showFileMessage(const QString &text, bool failed)
{
    m_fileMessage->setStyleSheet(failed ? designerErrorStyle(*this) : QStringLiteral("color: palette(mid);"));
    m_fileMessage->setText(text);
}

void SweepDesigner::openWithDialog()
{
    DesignerFile::choose(
        this, DesignerFile::Action::Open, tr("Open a sweep"), tr("Sweeps (*.json)"),
        [this](const QString &path, QString *error) { return loadFrom(path, error); },
        [this](const QString &message, bool failed) { showFileMessage(message, failed); });
}

void SweepDesigner::saveWithDialog()
{
    DesignerFile::choose(
        this, DesignerFile::Action::Save, tr("Save the sweep"), tr("Sweeps (*.json)"),
        [this](const QString &path, QString *error) { return saveTo(path, error); },
        [this](const QString &message, bool failed) { showFileMessage(message, failed); });
}

} // namespace llmos
