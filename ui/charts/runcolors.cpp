#include "charts/runcolors.h"

#include <utility>
#include <vector>

namespace llmos {

const QList<QColor> &RunColors::palette()
{
    // Tableau 10: distinct hues of similar weight, readable on light and dark backgrounds.
    static const QList<QColor> colors = {
        QColor(0x4e79a7), QColor(0xf28e2b), QColor(0xe15759), QColor(0x76b7b2), QColor(0x59a14f),
        QColor(0xedc948), QColor(0xb07aa1), QColor(0xff9da7), QColor(0x9c755f), QColor(0xbab0ac),
    };
    return colors;
}

QColor RunColors::colorOf(const QString &runId, const QStringList &shown)
{
    if (const auto it = m_assigned.constFind(runId); it != m_assigned.constEnd())
        return palette().at(*it);
    // The colour fewest runs on show have; on a tie, the one fewest runs ever got (so a
    // run that comes back finds its colour still free), then the earliest.
    const auto colors = static_cast<std::size_t>(palette().size());
    std::vector<int> shownUses(colors, 0), allUses(colors, 0);
    for (const QString &other : shown)
        if (const auto it = m_assigned.constFind(other); it != m_assigned.constEnd())
            ++shownUses[static_cast<std::size_t>(*it)];
    for (int index : m_assigned)
        ++allUses[static_cast<std::size_t>(index)];
    std::size_t best = 0;
    for (std::size_t i = 1; i < colors; ++i)
        if (std::pair(shownUses[i], allUses[i]) < std::pair(shownUses[best], allUses[best]))
            best = i;
    const int index = static_cast<int>(best);
    m_assigned.insert(runId, index);
    return palette().at(index);
}

QColor RunColors::existingColor(const QString &runId) const
{
    const auto it = m_assigned.constFind(runId);
    return it == m_assigned.constEnd() ? QColor() : palette().at(*it);
}

} // namespace llmos
