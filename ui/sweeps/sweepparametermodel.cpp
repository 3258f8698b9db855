#include "sweeps/sweepparametermodel.h"

#include "finetune/numbertext.h"
#include "finetune/recipefields.h"

#include <QColor>

#include <algorithm>
#include <cmath>
#include <optional>

namespace llmos {

namespace {

using json = nlohmann::json;

bool isNumeric(const RecipeField *field)
{
    return field && (field->type == RecipeFieldType::Int || field->type == RecipeFieldType::Float);
}

QString valueText(const json &value)
{
    if (value.is_string())
        return QString::fromStdString(value.get<std::string>());
    if (value.is_number_integer())
        return QString::number(value.get<qint64>());
    if (value.is_number())
        return numberText(value.get<double>());
    return QString::fromStdString(value.dump());
}

QStringList items(const QString &text)
{
    QStringList list;
    for (const QString &item : text.split(QLatin1Char(',')))
        if (!item.trimmed().isEmpty())
            list << item.trimmed();
    return list;
}

QString capitalised(const std::string &text)
{
    QString sentence = QString::fromStdString(text);
    if (!sentence.isEmpty())
        sentence[0] = sentence[0].toUpper();
    return sentence;
}

// Values around the base recipe's: half, the same and double (within the field's range).
QStringList neighbours(const RecipeField &field, double current)
{
    QStringList values;
    for (const double factor : {0.5, 1.0, 2.0}) {
        double value = current * factor;
        if (field.isWholeNumber())
            value = std::round(value);
        if ((field.minimum && value < *field.minimum) || (field.maximum && value > *field.maximum) ||
            (field.minimumExclusive && field.minimum && value <= *field.minimum))
            continue;
        const QString text = field.isWholeNumber() ? QString::number(static_cast<qint64>(value)) : numberText(value);
        if (!values.contains(text))
            values << text;
    }
    return values;
}

} // namespace

SweepParameterModel::SweepParameterModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int SweepParameterModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int SweepParameterModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool SweepParameterModel::isEditable(const SweepParameterRow &row, int column) const
{
    if (!row.kept.is_null())
        return false;
    const RecipeField *field = RecipeFields::find(row.path);
    switch (column) {
    case Search:
        return isNumeric(field);
    case Values:
        return !row.range;
    case Low:
    case High:
    case Scale:
        return row.range;
    case Numbers:
        return row.range && field && field->type == RecipeFieldType::Float; // a whole-number field stays whole
    default:
        return false;
    }
}

QString SweepParameterModel::displayText(const SweepParameterRow &row, int column) const
{
    const RecipeField *field = RecipeFields::find(row.path);
    switch (column) {
    case Parameter:
        return field && row.kept.is_null() ? field->labelText() : QString::fromStdString(row.path);
    case Search:
        return row.range ? tr("Range") : tr("Values");
    case Values:
        if (!row.kept.is_null())
            return QString::fromStdString(row.kept.dump());
        return row.range ? QString() : row.values;
    case Low:
        return row.range ? row.low : QString();
    case High:
        return row.range ? row.high : QString();
    case Scale:
        return row.range ? (row.logScale ? tr("Log") : tr("Linear")) : QString();
    case Numbers:
        return row.range ? (row.wholeNumbers ? tr("Whole") : tr("Decimal")) : QString();
    default:
        return {};
    }
}

QVariant SweepParameterModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const SweepParameterRow &row = m_rows[static_cast<std::size_t>(index.row())];
    const int column = index.column();
    const RecipeField *field = RecipeFields::find(row.path);
    switch (role) {
    case Qt::DisplayRole:
        return displayText(row, column);
    case Qt::EditRole:
        if (column == Search)
            return row.range ? 1 : 0;
        if (column == Scale)
            return row.logScale ? 1 : 0;
        if (column == Numbers)
            return row.wholeNumbers ? 1 : 0;
        return displayText(row, column);
    case OptionsRole:
        if (column == Search)
            return QStringList{tr("Values"), tr("Range")};
        if (column == Scale)
            return QStringList{tr("Linear"), tr("Log")};
        if (column == Numbers)
            return QStringList{tr("Decimal"), tr("Whole")};
        return {};
    case Qt::ToolTipRole: {
        if (!row.problem.isEmpty() &&
            (column == Parameter || (row.range ? column == Low || column == High : column == Values)))
            return row.problem;
        if (column == Parameter)
            return field ? field->tooltipText()
                         : tr("Kept from the sweep file as it was: %1").arg(QString::fromStdString(row.path));
        if (column == Values && field && field->type == RecipeFieldType::Choice) {
            QStringList choices;
            for (const auto &choice : field->choices)
                choices << QString::fromLatin1(choice.value);
            return tr("Values to try, separated by commas, from: %1").arg(choices.join(QStringLiteral(", ")));
        }
        if (column == Values)
            return tr("Values to try, separated by commas.");
        if (column == Scale)
            return tr("Log spreads the draws evenly over powers of ten: as many between 0.0001 and 0.001 as "
                      "between 0.001 and 0.01. Use it for learning rates and other values that span several "
                      "powers of ten.");
        return {};
    }
    case Qt::BackgroundRole:
        if (!row.problem.isEmpty() &&
            (row.kept.is_null() ? (row.range ? column == Low || column == High : column == Values) : column == Values))
            return m_dark ? QColor(0x5c, 0x21, 0x26) : QColor(0xff, 0xe2, 0xe0);
        return {};
    default:
        return {};
    }
}

bool SweepParameterModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || role != Qt::EditRole)
        return false;
    SweepParameterRow &row = m_rows[static_cast<std::size_t>(index.row())];
    if (!isEditable(row, index.column()))
        return false;
    switch (index.column()) {
    case Search:
        row.range = value.toInt() == 1;
        if (row.range && (row.low.isEmpty() || row.high.isEmpty())) {
            // A range from the smallest to the largest value listed, as a start.
            std::vector<double> numbers;
            for (const QString &item : items(row.values))
                if (const auto number = parseNumberText(item))
                    numbers.push_back(*number);
            if (numbers.size() >= 2) {
                const auto [low, high] = std::minmax_element(numbers.begin(), numbers.end());
                row.low = numberText(*low);
                row.high = numberText(*high);
            }
        }
        break;
    case Values:
        row.values = value.toString();
        break;
    case Low:
        row.low = value.toString().trimmed();
        break;
    case High:
        row.high = value.toString().trimmed();
        break;
    case Scale:
        row.logScale = value.toInt() == 1;
        break;
    case Numbers:
        row.wholeNumbers = value.toInt() == 1;
        break;
    default:
        return false;
    }
    Q_EMIT dataChanged(this->index(index.row(), 0), this->index(index.row(), ColumnCount - 1));
    Q_EMIT edited();
    return true;
}

Qt::ItemFlags SweepParameterModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (isEditable(m_rows[static_cast<std::size_t>(index.row())], index.column()))
        flags |= Qt::ItemIsEditable;
    return flags;
}

QVariant SweepParameterModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Parameter:
        return tr("Parameter");
    case Search:
        return tr("Try");
    case Values:
        return tr("Values");
    case Low:
        return tr("From");
    case High:
        return tr("To");
    case Scale:
        return tr("Scale");
    case Numbers:
        return tr("Numbers");
    default:
        return {};
    }
}

void SweepParameterModel::setRows(std::vector<SweepParameterRow> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    Q_EMIT edited();
}

bool SweepParameterModel::contains(const std::string &path) const
{
    return rowOf(path) >= 0;
}

int SweepParameterModel::rowOf(const std::string &path) const
{
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].path == path)
            return static_cast<int>(i);
    return -1;
}

void SweepParameterModel::addParameter(const RecipeField &field, const nlohmann::json &current)
{
    SweepParameterRow row;
    row.path = field.path;
    row.wholeNumbers = field.isWholeNumber();
    if (field.type == RecipeFieldType::Bool) {
        row.values = QStringLiteral("false, true");
    } else if (field.type == RecipeFieldType::Choice) {
        QStringList choices;
        for (const auto &choice : field.choices)
            choices << QString::fromLatin1(choice.value);
        row.values = choices.join(QStringLiteral(", "));
    } else if (current.is_number() && current.get<double>() > 0) {
        const double value = current.get<double>();
        row.values = neighbours(field, value).join(QStringLiteral(", "));
        // Values that are small and positive (learning rates, epsilons) vary by powers
        // of ten; a range of a tenth to ten times suits them.
        row.logScale = field.type == RecipeFieldType::Float && value < 0.01;
        const double low = row.logScale ? value / 10 : std::max(field.minimum.value_or(0.0), value / 2);
        double high = row.logScale ? value * 10 : value * 2;
        if (field.maximum)
            high = std::min(high, *field.maximum);
        row.low = field.isWholeNumber() ? QString::number(static_cast<qint64>(std::ceil(low))) : numberText(low);
        row.high = field.isWholeNumber() ? QString::number(static_cast<qint64>(high)) : numberText(high);
    } else {
        row.values = current.is_number() ? valueText(current) : QString();
        row.low = numberText(field.minimum.value_or(0.0));
        row.high = numberText(field.maximum ? std::min(*field.maximum, 1.0) : 1.0);
    }
    const int position = rowCount();
    beginInsertRows({}, position, position);
    m_rows.push_back(std::move(row));
    endInsertRows();
    Q_EMIT edited();
}

void SweepParameterModel::removeParameter(int row)
{
    if (row < 0 || row >= rowCount())
        return;
    beginRemoveRows({}, row, row);
    m_rows.erase(m_rows.begin() + row);
    endRemoveRows();
    Q_EMIT edited();
}

nlohmann::json SweepParameterModel::entry(int index, QString *problem) const
{
    const SweepParameterRow &row = m_rows.at(static_cast<std::size_t>(index));
    if (!row.kept.is_null())
        return row.kept;
    const RecipeField *field = RecipeFields::find(row.path);
    if (!field)
        return {};
    // Method options: the engine's sweep parser leaves them to the trials, so their
    // ranges are checked here from the catalog.
    const auto outOfRange = [&](const json &value) {
        if (!field->isMethodOption())
            return false;
        if (const auto detail = RecipeFields::problemWith(*field, value)) {
            *problem = capitalised(*detail);
            return true;
        }
        return false;
    };
    const auto withWhen = [&row](json entry) {
        if (row.when.is_null())
            return entry;
        if (entry.is_array())
            entry = json{{"choice", std::move(entry)}};
        entry["when"] = row.when;
        return entry;
    };

    if (row.range) {
        const bool whole = row.wholeNumbers || field->isWholeNumber();
        if (row.low.isEmpty() || row.high.isEmpty()) {
            *problem = tr("Enter where the range starts and ends.");
            return {};
        }
        json ends = json::array();
        for (const QString &text : {row.low, row.high}) {
            if (whole) {
                const auto value = parseWholeText(text);
                if (!value) {
                    *problem = tr("\"%1\" is not a whole number.").arg(text);
                    return {};
                }
                ends.push_back(*value);
            } else {
                const auto value = parseNumberText(text);
                if (!value) {
                    *problem = tr("\"%1\" is not a number.").arg(text);
                    return {};
                }
                ends.push_back(*value);
            }
            if (outOfRange(ends.back()))
                return {};
        }
        if (whole) {
            json entry = {{"int", ends}};
            if (row.logScale)
                entry["log"] = true;
            return withWhen(std::move(entry));
        }
        return withWhen(json{{row.logScale ? "log_uniform" : "uniform", ends}});
    }

    const QStringList texts = items(row.values);
    if (texts.isEmpty()) {
        *problem = tr("Enter at least one value; separate values with commas.");
        return {};
    }
    json values = json::array();
    for (const QString &text : texts) {
        json value;
        switch (field->type) {
        case RecipeFieldType::Int:
            if (const auto whole = parseWholeText(text))
                value = *whole;
            else
                *problem = tr("\"%1\" is not a whole number.").arg(text);
            break;
        case RecipeFieldType::Float:
            if (const auto number = parseNumberText(text))
                value = *number;
            else
                *problem = tr("\"%1\" is not a number.").arg(text);
            break;
        case RecipeFieldType::Bool: {
            const QString word = text.toLower();
            if (word == QLatin1String("true") || word == QLatin1String("yes") || word == QLatin1String("on"))
                value = true;
            else if (word == QLatin1String("false") || word == QLatin1String("no") || word == QLatin1String("off"))
                value = false;
            else
                *problem = tr("\"%1\" is neither true nor false.").arg(text);
            break;
        }
        case RecipeFieldType::Choice: {
            QStringList known;
            for (std::size_t c = 0; c < field->choices.size(); ++c) {
                const QString choice = QString::fromLatin1(field->choices[c].value);
                if (text.compare(choice, Qt::CaseInsensitive) == 0 ||
                    text.compare(field->choiceText(c), Qt::CaseInsensitive) == 0)
                    value = choice.toStdString();
                known << choice;
            }
            if (value.is_null())
                *problem = tr("\"%1\" is not one of: %2.").arg(text, known.join(QStringLiteral(", ")));
            break;
        }
        default:
            *problem = tr("This setting cannot be varied by a sweep.");
            break;
        }
        if (value.is_null() || outOfRange(value))
            return {};
        values.push_back(std::move(value));
    }
    return withWhen(std::move(values));
}

int SweepParameterModel::valueCount(int row) const
{
    const auto &r = m_rows.at(static_cast<std::size_t>(row));
    QString problem;
    const json e = entry(row, &problem);
    if (!problem.isEmpty() || e.is_null())
        return 0;
    if (e.is_array())
        return static_cast<int>(e.size());
    if (e.is_object() && e.contains("choice") && e["choice"].is_array())
        return static_cast<int>(e["choice"].size());
    return r.range ? 0 : 1;
}

SweepParameterRow SweepParameterModel::rowFromEntry(const std::string &path, const nlohmann::json &entry)
{
    SweepParameterRow row;
    row.path = path;
    const RecipeField *field = RecipeFields::find(path);
    const auto keep = [&row, &entry] {
        row.kept = entry;
        return row;
    };
    if (!field || !field->isSweepable())
        return keep();
    row.wholeNumbers = field->isWholeNumber();
    const json *list = entry.is_array() ? &entry : nullptr;
    if (entry.is_object()) {
        if (entry.contains("when"))
            row.when = entry["when"];
        if (entry.contains("choice"))
            list = &entry["choice"];
    }
    if (list) {
        QStringList texts;
        for (const auto &value : *list) {
            if (value.is_object() || value.is_array() || value.is_null() ||
                (value.is_string() && value.get<std::string>().find(',') != std::string::npos))
                return keep(); // cannot be written back as a comma-separated list
            texts << valueText(value);
        }
        row.values = texts.join(QStringLiteral(", "));
        return row;
    }
    for (const char *kind : {"uniform", "log_uniform", "int"}) {
        if (!entry.is_object() || !entry.contains(kind) || !entry[kind].is_array() || entry[kind].size() != 2)
            continue;
        if (!isNumeric(field))
            return keep();
        row.range = true;
        row.low = valueText(entry[kind][0]);
        row.high = valueText(entry[kind][1]);
        row.wholeNumbers = std::string_view(kind) == "int";
        row.logScale = std::string_view(kind) == "log_uniform" || entry.value("log", false);
        return row;
    }
    return keep();
}

void SweepParameterModel::setProblem(int row, const QString &problem)
{
    if (row < 0 || row >= rowCount() || m_rows[static_cast<std::size_t>(row)].problem == problem)
        return;
    m_rows[static_cast<std::size_t>(row)].problem = problem;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void SweepParameterModel::clearProblems()
{
    for (int row = 0; row < rowCount(); ++row)
        setProblem(row, {});
}

void SweepParameterModel::setDarkBackground(bool dark)
{
    m_dark = dark;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::BackgroundRole});
}

} // namespace llmos
