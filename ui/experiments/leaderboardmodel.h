#pragma once

#include "services/sweepcatalog.h"

#include <QAbstractTableModel>

namespace llmos {

// A sweep's trials as a sortable table: trial number, how it ended, the objective, the
// step it reached, its time, then one column per searched parameter. Sorting goes by
// SortRole: numbers as numbers, a missing objective after every other.
class LeaderboardModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum FixedColumn { Trial, State, Objective, Step, Seconds, FixedColumnCount };
    static constexpr int SortRole = Qt::UserRole;
    static constexpr int RunIdRole = Qt::UserRole + 1;
    static constexpr int TrialRole = Qt::UserRole + 2;

    explicit LeaderboardModel(QObject *parent = nullptr);

    void setReport(const SweepReport &report);
    const SweepReport &report() const { return m_report; }
    const LeaderboardRow *rowAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    static QString trialStateText(TrialState state);
    // A parameter's value as the table and the axes show it.
    static QString valueText(const nlohmann::json &value);

private:
    SweepReport m_report;
    std::vector<std::string> m_parameters; // the space's paths, in its order
};

} // namespace llmos
