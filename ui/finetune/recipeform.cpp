#include "finetune/recipeform.h"

#include "finetune/designerfile.h"
#include "finetune/designerstyle.h"
#include "finetune/recipefieldeditor.h"
#include "finetune/recipejsonpath.h"
#include "formats/strictjson.h"
#include "util/error.h"

#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

#include <algorithm>

namespace llmos {

namespace {

using json = nlohmann::json;

constexpr int kContentWidth = 820; // labels, a path and its button; wider only spreads the eye
constexpr const char *kSource = "recipe";

// Engine details start in lower case ("must be in (0, 10], not 20"): as a sentence of
// their own under a field they read better capitalised.
QString sentence(const std::string &detail)
{
    QString text = QString::fromStdString(detail);
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

// The sections of a recipe file in the order recipes.md writes them, so a saved file
// reads top-down like the form; inside a section the keys are sorted.
nlohmann::ordered_json fileOrder(const json &document)
{
    nlohmann::ordered_json ordered;
    for (const char *key :
         {"version", "model", "dataset", "task", "method", "optimizer", "schedule", "training", "output"})
        if (document.contains(key))
            ordered[key] = document[key];
    return ordered;
}

QString errorText(const Error &e)
{
    return QString::fromStdString(e.where() + ": " + e.detail());
}

} // namespace

RecipeForm::RecipeForm(QWidget *parent)
    : QWidget(parent)
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(0);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(16, 10, 16, 10);
    m_open = new QPushButton(this);
    m_open->setObjectName(QStringLiteral("openRecipe"));
    m_save = new QPushButton(this);
    m_save->setObjectName(QStringLiteral("saveRecipe"));
    m_fileMessage = new QLabel(this);
    m_fileMessage->setObjectName(QStringLiteral("recipeFileMessage"));
    m_fileMessage->setWordWrap(true);
    m_fileMessage->setTextFormat(Qt::PlainText);
    bar->addWidget(m_open);
    bar->addWidget(m_save);
    bar->addWidget(m_fileMessage, 1);
    outer->addLayout(bar);
    connect(m_open, &QPushButton::clicked, this, &RecipeForm::openWithDialog);
    connect(m_save, &QPushButton::clicked, this, &RecipeForm::saveWithDialog);

    m_scroll = new QScrollArea(this);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    auto *content = new QWidget(m_scroll);
    content->setMaximumWidth(kContentWidth);
    buildSections(content);
    m_scroll->setWidget(content);
    outer->addWidget(m_scroll, 1);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("recipeStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setContentsMargins(16, 8, 16, 8);
    outer->addWidget(m_status);

    retranslate();
    setRecipeJson(json::object());
}

void RecipeForm::buildSections(QWidget *content)
{
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(16, 8, 16, 16);
    layout->setSpacing(12);
    for (RecipeSection section : RecipeFields::sections()) {
        auto *group = new QGroupBox(content);
        auto *column = new QVBoxLayout(group);
        // A grid rather than a QFormLayout: Qt 6.4's form layout writes past its row
        // table when rows are hidden, and the method section hides the other kinds' rows.
        auto *grid = new QGridLayout;
        grid->setColumnStretch(1, 1);
        grid->setHorizontalSpacing(16);
        column->addLayout(grid);
        m_groups[section] = group;
        m_grids[section] = grid;
        layout->addWidget(group);
    }
    for (const RecipeField &field : RecipeFields::all()) {
        QGroupBox *group = m_groups.at(field.section);
        auto *editor = new RecipeFieldEditor(field, group);
        QGridLayout *grid = m_grids.at(field.section);
        const int row = grid->rowCount();
        // The caption as tall as the input, so it stays level with it when an error
        // message opens below.
        editor->caption()->setMinimumHeight(editor->input()->sizeHint().height());
        grid->addWidget(editor->caption(), row, 0, Qt::AlignLeft | Qt::AlignTop);
        grid->addWidget(editor, row, 1);
        m_editors.push_back(editor);
        m_editorByPath[field.path] = editor;
        connect(editor, &RecipeFieldEditor::edited, this, &RecipeForm::onEdited);
    }
    m_methodExtrasNote = new QLabel(m_groups.at(RecipeSection::Method));
    m_methodExtrasNote->setObjectName(QStringLiteral("methodExtras"));
    m_methodExtrasNote->setWordWrap(true);
    m_methodExtrasNote->setTextFormat(Qt::PlainText);
    m_methodExtrasNote->setStyleSheet(QStringLiteral("color: palette(mid);"));
    qobject_cast<QVBoxLayout *>(m_groups.at(RecipeSection::Method)->layout())->addWidget(m_methodExtrasNote);
    layout->addStretch(1);
}

void RecipeForm::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::PaletteChange)
        showStatus();
    QWidget::changeEvent(event);
}

void RecipeForm::retranslate()
{
    m_open->setText(tr("Open recipe…"));
    m_open->setToolTip(tr("Load a recipe file, as `llmos train` runs it."));
    m_save->setText(tr("Save recipe…"));
    m_save->setToolTip(tr("Save the recipe as a file that `llmos train` runs."));
    for (const auto &[section, group] : m_groups)
        group->setTitle(RecipeFields::sectionTitle(section));
    int captionWidth = 0;
    for (auto *editor : m_editors) {
        editor->retranslate();
        captionWidth = std::max(captionWidth, editor->caption()->sizeHint().width());
    }
    // One caption column for every section, so the inputs line up down the whole form.
    for (const auto &[section, grid] : m_grids)
        grid->setColumnMinimumWidth(0, captionWidth);
    if (!m_methodExtras.empty()) {
        QStringList keys;
        for (const auto &item : m_methodExtras.items())
            keys << QString::fromStdString(item.key());
        m_methodExtrasNote->setText(
            tr("Also kept from the loaded recipe, not checked here: %1.").arg(keys.join(QStringLiteral(", "))));
    }
    showStatus();
}

void RecipeForm::setRecipe(const TrainingRecipe &recipe)
{
    json document = toJson(recipe);
    // A recipe that was never parsed has no learning rate yet (0): leave it out, so the
    // method's default applies, as it would in a file without one.
    if (recipe.optimizer.lr <= 0)
        document["optimizer"].erase("lr");
    setRecipeJson(document);
}

void RecipeForm::setRecipeJson(const nlohmann::json &document)
{
    const json empty = json::object();
    const json *method = findAtPath(document, "method");
    const json &methodObject = method && method->is_object() ? *method : empty;
    for (auto *editor : m_editors) {
        const RecipeField &field = editor->field();
        const json *value = nullptr;
        if (field.isMethodOption() || std::string_view(field.path) == "method.kind") {
            const auto key = std::string(field.path).substr(std::string_view("method.").size());
            const auto found = methodObject.find(key);
            value = found == methodObject.end() ? nullptr : &*found;
        } else {
            value = findAtPath(document, field.path);
        }
        editor->setValue(value ? *value : json());
        editor->setError({});
    }
    m_methodExtras = json::object();
    for (const auto &[key, value] : methodObject.items())
        if (key != "kind" && !RecipeFields::find("method." + key))
            m_methodExtras[key] = value;
    m_methodExtrasNote->setVisible(!m_methodExtras.empty());
    m_fileMessage->clear();
    retranslate();
    updateVisibility();
    revalidate();
    Q_EMIT recipeChanged();
}

std::string RecipeForm::methodKind() const
{
    const auto *combo = qobject_cast<QComboBox *>(m_editorByPath.at("method.kind")->input());
    return combo->currentData().toString().toStdString();
}

bool RecipeForm::isActive(const RecipeField &field) const
{
    if (field.isMethodOption() && !field.appliesToMethod(methodKind()))
        return false;
    if (field.parent) {
        QString ignored;
        return m_editorByPath.at(field.parent)->value(&ignored) == json(true);
    }
    return true;
}

void RecipeForm::updateVisibility()
{
    const std::string kind = methodKind();
    for (auto *editor : m_editors) {
        const RecipeField &field = editor->field();
        if (field.isMethodOption()) {
            const bool applies = field.appliesToMethod(kind);
            editor->caption()->setVisible(applies);
            editor->setVisible(applies);
        }
        if (field.parent) {
            const bool on = isActive(field);
            editor->setEnabled(on);
            editor->caption()->setEnabled(on);
        }
    }
}

void RecipeForm::onEdited()
{
    m_fileMessage->clear();
    updateVisibility();
    revalidate();
    Q_EMIT recipeChanged();
}

nlohmann::json RecipeForm::buildDocument(std::vector<std::pair<RecipeFieldEditor *, QString>> &problems) const
{
    json document = {{"version", 1}};
    json method = m_methodExtras;
    method["kind"] = methodKind();
    for (auto *editor : m_editors) {
        const RecipeField &field = editor->field();
        if (std::string_view(field.path) == "method.kind" || !isActive(field))
            continue;
        QString problem;
        json value = editor->value(&problem);
        if (problem.isEmpty() && field.required && value.is_null())
            problem = field.type == RecipeFieldType::Path ? tr("Required: choose a file or folder, or type its path.")
                                                          : tr("Required.");
        if (!problem.isEmpty()) {
            problems.emplace_back(editor, problem);
            continue;
        }
        if (field.type == RecipeFieldType::Optional) {
            // The section exists when it is on, even with every setting at its default.
            if (value == json(true) && !findAtPath(document, field.path))
                setAtPath(document, field.path, json::object());
            continue;
        }
        if (value.is_null())
            continue;
        if (field.isMethodOption())
            method[std::string(field.path).substr(std::string_view("method.").size())] = std::move(value);
        else
            setAtPath(document, field.path, std::move(value));
    }
    document["method"] = std::move(method);
    return document;
}

void RecipeForm::revalidate()
{
    for (auto *editor : m_editors)
        editor->setError({});
    m_errorField.clear();
    m_message.clear();

    std::vector<std::pair<RecipeFieldEditor *, QString>> problems;
    m_document = buildDocument(problems);
    bool valid = problems.empty();
    for (const auto &[editor, problem] : problems)
        editor->setError(problem);
    if (!problems.empty()) {
        m_errorField = QString::fromLatin1(problems.front().first->field().path);
        m_message = tr("%1: %2").arg(problems.front().first->field().labelText(), problems.front().second);
    } else {
        try {
            m_recipe = parseTrainingRecipe(m_document, kSource);
            RecipeFields::checkMethodOptions(m_document["method"]);
        } catch (const Error &e) {
            valid = false;
            blame(fieldOfWhere(e.where(), kSource), e.detail());
        }
    }
    const bool changed = !m_validityKnown || valid != m_valid;
    m_valid = valid;
    m_validityKnown = true;
    m_save->setEnabled(valid);
    showStatus();
    if (changed || !valid)
        Q_EMIT validityChanged(m_valid, m_message);
}

void RecipeForm::blame(const std::string &where, const std::string &detail)
{
    const RecipeField *field = RecipeFields::fieldAt(where);
    RecipeFieldEditor *editor = field ? m_editorByPath.at(field->path) : nullptr;
    if (editor && !isActive(editor->field()) && editor->field().parent)
        editor = m_editorByPath.at(editor->field().parent); // the switch that turns the section on
    if (editor && editor->isVisibleTo(this)) {
        editor->setError(sentence(detail));
        m_errorField = QString::fromLatin1(editor->field().path);
        m_message = tr("%1: %2").arg(editor->field().labelText(), QString::fromStdString(detail));
    } else {
        m_message = tr("%1: %2").arg(QString::fromStdString(where), QString::fromStdString(detail));
    }
}

void RecipeForm::showStatus()
{
    if (!m_status)
        return;
    if (m_valid) {
        m_status->setText(tr("The recipe is complete: `llmos train` can run it."));
        m_status->setStyleSheet(QStringLiteral("color: palette(mid);"));
    } else {
        m_status->setText(m_message);
        m_status->setStyleSheet(designerErrorStyle(*this));
    }
}

void RecipeForm::setMethodOption(const std::string &key, const nlohmann::json &value)
{
    const auto found = m_editorByPath.find("method." + key);
    if (found == m_editorByPath.end()) {
        if (value.is_null())
            m_methodExtras.erase(key);
        else
            m_methodExtras[key] = value;
    } else {
        found->second->setValue(value);
    }
    onEdited();
}

void RecipeForm::addToMethodSection(QWidget *widget)
{
    QGroupBox *group = m_groups.at(RecipeSection::Method);
    widget->setParent(group);
    qobject_cast<QVBoxLayout *>(group->layout())->addWidget(widget);
}

void RecipeForm::scrollTo(QWidget *widget)
{
    m_scroll->ensureWidgetVisible(widget);
}

void RecipeForm::setChangedFieldHighlight(const QString &path)
{
    if (m_highlighted)
        m_highlighted->setChanged(false);
    m_highlighted = nullptr;
    if (path.isEmpty())
        return;
    const std::string where = path.toStdString();
    const RecipeField *field = RecipeFields::fieldAt(where);
    if (!field) // a whole section ("method"): its first field
        for (const auto &candidate : RecipeFields::all())
            if (pathContains(where, candidate.path)) {
                field = &candidate;
                break;
            }
    if (!field)
        return;
    m_highlighted = m_editorByPath.at(field->path);
    m_highlighted->setChanged(true);
    m_scroll->ensureWidgetVisible(m_highlighted);
}

bool RecipeForm::saveTo(const QString &path, QString *error) const
{
    if (!m_valid) {
        *error = tr("The recipe is not complete yet: %1").arg(m_message);
        return false;
    }
    return DesignerFile::write(path, QByteArray::fromStdString(fileOrder(m_document).dump(2) + "\n"), error);
}

bool RecipeForm::loadFrom(const QString &path, QString *error)
{
    QByteArray text;
    if (!DesignerFile::read(path, &text, error))
        return false;
    const std::string source = path.toStdString();
    json document;
    try {
        document = parseJsonStrict(std::string_view(text.constData(), static_cast<std::size_t>(text.size())), source);
        parseTrainingRecipe(document, source);
        RecipeFields::checkMethodOptions(document.value("method", json{{"kind", "full"}}));
    } catch (const Error &e) {
        // The engine's words, which name the field: what `llmos train` would say.
        *error = e.where().starts_with(source) ? errorText(e) : tr("%1: %2").arg(path, errorText(e));
        return false;
    }
    setRecipeJson(document);
    return true;
}

void RecipeForm::showFileMessage(const QString &text, bool failed)
{
    m_fileMessage->setStyleSheet(failed ? designerErrorStyle(*this) : QStringLiteral("color: palette(mid);"));
    m_fileMessage->setText(text);
}

void RecipeForm::openWithDialog()
{
    DesignerFile::choose(
        this, DesignerFile::Action::Open, tr("Open a recipe"), tr("Recipes (*.json)"),
        [this](const QString &path, QString *error) { return loadFrom(path, error); },
        [this](const QString &message, bool failed) { showFileMessage(message, failed); });
}

void RecipeForm::saveWithDialog()
{
    DesignerFile::choose(
        this, DesignerFile::Action::Save, tr("Save the recipe"), tr("Recipes (*.json)"),
        [this](const QString &path, QString *error) { return saveTo(path, error); },
        [this](const QString &message, bool failed) { showFileMessage(message, failed); });
}

} // namespace llmos
