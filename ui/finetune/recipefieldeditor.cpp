#include "finetune/recipefieldeditor.h"

#include "finetune/designerstyle.h"
#include "finetune/numbertext.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QVBoxLayout>

namespace llmos {

namespace {

using json = nlohmann::json;

constexpr int kNumberWidth = 160; // "0.000001" and a placeholder, not a whole row

QStringList listItems(const QString &text)
{
    QStringList items;
    for (const QString &item : text.split(QLatin1Char(',')))
        if (!item.trimmed().isEmpty())
            items << item.trimmed();
    return items;
}

bool usesLineEdit(RecipeFieldType type)
{
    return type != RecipeFieldType::Bool && type != RecipeFieldType::Choice && type != RecipeFieldType::Optional;
}

} // namespace

RecipeFieldEditor::RecipeFieldEditor(const RecipeField &field, QWidget *parent)
    : QWidget(parent)
    , m_field(field)
{
    const QString name = QString::fromLatin1(field.path);
    m_caption = new QLabel(this); // the form's layout takes it into its caption column
    m_caption->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_caption->setObjectName(name + QStringLiteral(".caption"));

    auto *column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(2);
    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    column->addLayout(row);

    if (usesLineEdit(field.type)) {
        m_line = new QLineEdit(this);
        m_line->setObjectName(name);
        const bool number = field.type == RecipeFieldType::Int || field.type == RecipeFieldType::Float;
        if (number)
            m_line->setMaximumWidth(kNumberWidth);
        row->addWidget(m_line, number ? 0 : 1);
        connect(m_line, &QLineEdit::textEdited, this, &RecipeFieldEditor::userEdited);
        if (field.type == RecipeFieldType::Path) {
            m_browse = new QPushButton(this);
            m_browse->setObjectName(name + QStringLiteral(".browse"));
            row->addWidget(m_browse);
            connect(m_browse, &QPushButton::clicked, this, [this] {
                if (m_field.pathKind == PathKind::File)
                    chooseFile(false);
                else
                    showBrowseMenu();
            });
        }
        if (number)
            row->addStretch(1);
    } else if (field.type == RecipeFieldType::Choice) {
        m_combo = new QComboBox(this);
        m_combo->setObjectName(name);
        m_combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        for (const auto &choice : field.choices)
            m_combo->addItem(QString(), QString::fromLatin1(choice.value));
        row->addWidget(m_combo);
        row->addStretch(1);
        connect(m_combo, &QComboBox::activated, this, &RecipeFieldEditor::userEdited);
    } else {
        m_check = new QCheckBox(this);
        m_check->setObjectName(name);
        row->addWidget(m_check);
        row->addStretch(1);
        connect(m_check, &QCheckBox::clicked, this, &RecipeFieldEditor::userEdited);
    }

    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(name + QStringLiteral(".error"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextFormat(Qt::PlainText);
    m_errorLabel->hide();
    column->addWidget(m_errorLabel);

    setValue(json());
    retranslate();
}

QWidget *RecipeFieldEditor::input() const
{
    if (m_line)
        return m_line;
    if (m_combo)
        return m_combo;
    return m_check;
}

void RecipeFieldEditor::retranslate()
{
    m_caption->setText(m_field.labelText());
    const QString tip = m_field.tooltipText();
    m_caption->setToolTip(tip);
    input()->setToolTip(tip);
    if (m_combo) {
        for (int i = 0; i < m_combo->count(); ++i) {
            const auto value = m_combo->itemData(i).toString().toStdString();
            for (std::size_t c = 0; c < m_field.choices.size(); ++c)
                if (value == m_field.choices[c].value)
                    m_combo->setItemText(i, m_field.choiceText(c));
        }
    }
    if (m_browse)
        m_browse->setText(tr("Browse…"));
    if (m_line) {
        const QString fallback = m_field.defaultText();
        if (m_field.path == std::string_view("model.path"))
            m_line->setPlaceholderText(tr("Required: a model folder, a GGUF file or a library name"));
        else if (m_field.required)
            m_line->setPlaceholderText(tr("Required"));
        else if (!fallback.isEmpty())
            m_line->setPlaceholderText(tr("Default: %1").arg(fallback));
        else
            m_line->setPlaceholderText(tr("Optional"));
    }
}

void RecipeFieldEditor::setValue(const nlohmann::json &value)
{
    const json shown = value.is_null() ? m_field.defaultValue : value;
    m_explicit = !value.is_null();
    switch (m_field.type) {
    case RecipeFieldType::Int:
        m_line->setText(!value.is_null() && value.is_number() ? QString::number(value.get<qint64>()) : QString());
        break;
    case RecipeFieldType::Float:
        m_line->setText(!value.is_null() && value.is_number() ? numberText(value.get<double>()) : QString());
        break;
    case RecipeFieldType::Text:
    case RecipeFieldType::Path:
        m_line->setText(value.is_string() ? QString::fromStdString(value.get<std::string>()) : QString());
        break;
    case RecipeFieldType::TextList:
    case RecipeFieldType::NumberList:
    case RecipeFieldType::IntList: {
        QStringList items;
        if (value.is_string())
            items << QString::fromStdString(value.get<std::string>());
        else if (value.is_array())
            for (const auto &item : value)
                items << (item.is_string()           ? QString::fromStdString(item.get<std::string>())
                          : item.is_number_integer() ? QString::number(item.get<qint64>())
                          : item.is_number()         ? numberText(item.get<double>())
                                                     : QString::fromStdString(item.dump()));
        m_line->setText(items.join(QStringLiteral(", ")));
        break;
    }
    case RecipeFieldType::Choice: {
        const QString choice = shown.is_string() ? QString::fromStdString(shown.get<std::string>()) : QString();
        int index = m_combo->findData(choice);
        if (index < 0 && !choice.isEmpty()) {
            // A value the catalog does not list (a fifth GPU): shown as it is, so it is kept.
            m_combo->addItem(choice, choice);
            index = m_combo->count() - 1;
        }
        m_combo->setCurrentIndex(std::max(index, 0));
        break;
    }
    case RecipeFieldType::Bool:
        m_check->setChecked(shown.is_boolean() && shown.get<bool>());
        break;
    case RecipeFieldType::Optional:
        m_check->setChecked(value.is_object());
        break;
    }
}

nlohmann::json RecipeFieldEditor::value(QString *error) const
{
    const auto atDefault = [this](const json &v) {
        return m_field.omitAtDefault && !m_field.defaultValue.is_null() && v == m_field.defaultValue;
    };
    const QString text = m_line ? m_line->text().trimmed() : QString();
    switch (m_field.type) {
    case RecipeFieldType::Int: {
        if (text.isEmpty())
            return {};
        const auto whole = parseWholeText(text);
        if (!whole) {
            *error = tr("Enter a whole number, such as %1.")
                         .arg(m_field.defaultText().isEmpty() ? QStringLiteral("8") : m_field.defaultText());
            return {};
        }
        const json v = *whole;
        return atDefault(v) ? json() : v;
    }
    case RecipeFieldType::Float: {
        if (text.isEmpty())
            return {};
        const auto number = parseNumberText(text);
        if (!number) {
            *error = tr("Enter a number, such as 0.1 or 2e-4.");
            return {};
        }
        const json v = *number;
        return atDefault(v) ? json() : v;
    }
    case RecipeFieldType::Text:
    case RecipeFieldType::Path:
        return text.isEmpty() ? json() : json(m_line->text().toStdString());
    case RecipeFieldType::TextList:
    case RecipeFieldType::NumberList:
    case RecipeFieldType::IntList: {
        const QStringList items = listItems(text);
        if (items.isEmpty())
            return {};
        json list = json::array();
        for (const QString &item : items) {
            if (m_field.type == RecipeFieldType::TextList) {
                list.push_back(item.toStdString());
            } else if (m_field.type == RecipeFieldType::IntList) {
                const auto whole = parseWholeText(item);
                if (!whole) {
                    *error = tr("\"%1\" is not a whole number; separate the numbers with commas.").arg(item);
                    return {};
                }
                list.push_back(*whole);
            } else {
                const auto number = parseNumberText(item);
                if (!number) {
                    *error = tr("\"%1\" is not a number; separate the numbers with commas.").arg(item);
                    return {};
                }
                list.push_back(*number);
            }
        }
        return list;
    }
    case RecipeFieldType::Choice: {
        const json v = m_combo->currentData().toString().toStdString();
        return !m_explicit && v == m_field.defaultValue ? json() : v;
    }
    case RecipeFieldType::Bool: {
        const json v = m_check->isChecked();
        return (!m_explicit || m_field.omitAtDefault) && v == m_field.defaultValue ? json() : v;
    }
    case RecipeFieldType::Optional:
        return m_check->isChecked();
    }
    return {};
}

void RecipeFieldEditor::setError(const QString &message)
{
    if (message == m_errorText)
        return;
    m_errorText = message;
    m_errorLabel->setText(message);
    m_errorLabel->setVisible(!message.isEmpty());
    applyInputStyle();
}

void RecipeFieldEditor::setChanged(bool changed)
{
    m_changed = changed;
    QFont font = m_caption->font();
    font.setBold(changed);
    m_caption->setFont(font);
    applyInputStyle();
}

void RecipeFieldEditor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyInputStyle(); // the error red follows the theme
    QWidget::changeEvent(event);
}

void RecipeFieldEditor::applyInputStyle()
{
    const QString red = designerErrorColor(*this);
    m_errorLabel->setStyleSheet(QStringLiteral("color: %1;").arg(red));
    QString style;
    const char *type = m_line ? "QLineEdit" : m_combo ? "QComboBox" : "QCheckBox";
    if (!m_errorText.isEmpty())
        style = QStringLiteral("%1 { border: 1px solid %2; border-radius: 3px; padding: 2px; }")
                    .arg(QLatin1String(type), red);
    else if (m_changed)
        style = QStringLiteral("%1 { border: 2px solid palette(highlight); border-radius: 3px; padding: 1px; }")
                    .arg(QLatin1String(type));
    input()->setStyleSheet(style);
    m_caption->setStyleSheet(m_changed ? QStringLiteral("color: palette(highlight);") : QString());
}

void RecipeFieldEditor::userEdited()
{
    m_explicit = true;
    Q_EMIT edited();
}

void RecipeFieldEditor::showBrowseMenu()
{
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addAction(tr("Choose a file…"), this, [this] { chooseFile(false); });
    menu->addAction(tr("Choose a folder…"), this, [this] { chooseFile(true); });
    menu->popup(m_browse->mapToGlobal(QPoint(0, m_browse->height())));
}

void RecipeFieldEditor::chooseFile(bool folder)
{
    auto *dialog = new QFileDialog(this, m_field.labelText(), m_line->text());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(folder ? QFileDialog::Directory : QFileDialog::ExistingFile);
    if (folder)
        dialog->setOption(QFileDialog::ShowDirsOnly);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        m_line->setText(path);
        userEdited();
    });
    dialog->open();
}

} // namespace llmos
