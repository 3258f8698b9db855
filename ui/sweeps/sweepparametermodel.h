#pragma once

#include <nlohmann/json.hpp>

#include <QAbstractTableModel>
#include <QString>

#include <string>
#include <vector>

namespace llmos {

struct RecipeField;

// One parameter of a sweep as the table shows it: a recipe field and either the values
// to try (a grid axis, or a choice for random and TPE) or a range to draw from.
struct SweepParameterRow {
    std::string path; // "optimizer.lr"
    bool range = false;
    QString values; // comma-separated, as typed
    QString low;
    QString high;
    bool logScale = false;
    bool wholeNumbers = false;
    nlohmann::json when; // a loaded entry's condition, kept as it was
    nlohmann::json kept; // a loaded entry the table cannot show (a path outside the catalog)
    QString problem;     // what is wrong with the row, shown on it
};

// The sweep designer's parameter table. Rows are edited in place; a combo box delegate
// edits the columns with options (OptionsRole lists them, the edit role is the index).
class SweepParameterModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Parameter, Search, Values, Low, High, Scale, Numbers, ColumnCount };
    static constexpr int OptionsRole = Qt::UserRole + 1;

    explicit SweepParameterModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const std::vector<SweepParameterRow> &rows() const { return m_rows; }
    void setRows(std::vector<SweepParameterRow> rows);
    bool contains(const std::string &path) const;
    int rowOf(const std::string &path) const; // -1 when absent
    // A row for the field, its values around `current`, the base recipe's value.
    void addParameter(const RecipeField &field, const nlohmann::json &current);
    void removeParameter(int row);

    // The row's entry in the sweep file's space; sets `problem` (and returns null) when
    // the text is not values of the field's type or, for method options, not in range.
    nlohmann::json entry(int row, QString *problem) const;
    // How many values the row lists; 0 for a range or a row with a problem.
    int valueCount(int row) const;
    static SweepParameterRow rowFromEntry(const std::string &path, const nlohmann::json &entry);

    // Problems are shown on the rows (a red cell, the message as its tooltip); setting
    // them is not an edit.
    void setProblem(int row, const QString &problem);
    void clearProblems();
    // Follows the theme: the red of a cell with a problem.
    void setDarkBackground(bool dark);

Q_SIGNALS:
    // The person changed the parameters (not setProblem).
    void edited();

private:
    bool isEditable(const SweepParameterRow &row, int column) const;
    QString displayText(const SweepParameterRow &row, int column) const;

    std::vector<SweepParameterRow> m_rows;
    bool m_dark = false;
};

} // namespace llmos
