#pragma once

#include "jobs/jobevent.h"
#include "jobs/runstate.h"

#include <QAbstractTableModel>

#include <optional>
#include <vector>

namespace llmos {

// Every run the window knows of, newest first: read from the runs folder at start, then
// kept current by the job events (state changes, progress). Besides the run's state it
// tracks progress and an estimate of the time left, from the rate of progress since the
// run last started (so a resumed run's estimate is not skewed by the time it was paused).
class JobListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, State, ProgressColumn, Time, Started, ColumnCount };
    // Qt::UserRole: the run id. ProgressRole: done/total in [0, 1], or -1 when unknown.
    static constexpr int RunIdRole = Qt::UserRole;
    static constexpr int ProgressRole = Qt::UserRole + 1;

    explicit JobListModel(QObject *parent = nullptr);

    // The runs folder's listing; progress of runs already known is kept, and so are runs
    // the listing does not have yet (started after it was read).
    void setRuns(std::vector<RunState> runs);
    // Adds a run (newest first) or replaces its state.
    void upsert(const RunState &run);
    // Keeps state and progress current; events of runs not listed are ignored (the caller
    // upserts them first).
    void apply(const JobEvent &event);

    std::optional<RunState> run(const QString &runId) const;
    int rowOf(const QString &runId) const;
    QString runIdAt(int row) const;
    // Seconds left, when the run is running and has made progress since it started.
    std::optional<double> secondsLeft(const QString &runId) const;
    QStringList activeRunNames() const; // queued or running

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    static QString stateText(JobState state);
    static QString durationText(double seconds);

private:
    struct Row {
        RunState run;
        Progress progress;
        // The first progress report since the run last started: where the rate counts from.
        std::optional<std::pair<std::int64_t, std::int64_t>> rateOrigin; // time ms, done
        std::int64_t lastProgressMs = 0;
    };
    void changed(int row);
    std::optional<double> secondsLeft(const Row &row) const;

    std::vector<Row> m_rows;
};

} // namespace llmos
