#pragma once

#include <QColor>
#include <QHash>
#include <QString>
#include <QStringList>

namespace llmos {

// One colour per run from a fixed qualitative palette (Tableau 10). A run keeps the colour
// it first got for the life of the chart; a new run takes a colour no run on show has, and
// if it can one no earlier run had, so overlaid runs differ while there are at most ten.
class RunColors {
public:
    static const QList<QColor> &palette();

    // The colour of each of `shown` (assigning new ones), in order.
    QColor colorOf(const QString &runId, const QStringList &shown);
    // The colour a run already has; invalid when it has none yet.
    QColor existingColor(const QString &runId) const;

private:
    QHash<QString, int> m_assigned; // run id -> palette index
};

} // namespace llmos
