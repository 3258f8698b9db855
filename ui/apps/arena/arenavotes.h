#pragma once

#include <QMap>
#include <QString>
#include <QStringList>
#include <QVector>

namespace llmos {

// One arena round someone judged: the prompt, the models side by side and their answers
// (in the order they were picked), and which model won (empty: a tie).
struct ArenaVote {
    qint64 timeMs = 0;
    QString prompt;
    QStringList models;
    QStringList answers;
    QString winner;
    bool blind = false; // the names were hidden while judging
};

// The arena's votes, evaluation data kept as JSON Lines in the data folder
// (<home>/apps/arena/votes.jsonl), one line per vote, appended. A line that does not parse
// (a crash mid-write) is skipped on reading. Plain file I/O: callers use a worker.
class ArenaVotes {
public:
    explicit ArenaVotes(QString file);
    // Empty on success, else what went wrong.
    QString append(const ArenaVote &vote) const;
    QVector<ArenaVote> read() const;
    // Wins per model over the votes, and the ties under the empty name.
    static QMap<QString, int> tally(const QVector<ArenaVote> &votes);

private:
    QString m_file;
};

} // namespace llmos
