#include "widgets/runningjobsindicator.h"

#include <QEvent>

namespace llmos {

RunningJobsIndicator::RunningJobsIndicator(QWidget *parent)
    : ClickableLabel(parent)
{
    setObjectName(QStringLiteral("runningJobs"));
    setContentsMargins(8, 0, 0, 0); // not flush against the window's edge
    retranslate();
}

void RunningJobsIndicator::setRunningJobs(const QStringList &titles)
{
    m_titles = titles;
    retranslate();
}

void RunningJobsIndicator::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    ClickableLabel::changeEvent(event);
}

void RunningJobsIndicator::retranslate()
{
    if (m_titles.isEmpty())
        setText(tr("No jobs running"));
    else if (m_titles.size() == 1)
        setText(tr("Running: %1").arg(m_titles.first()));
    else
        setText(tr("%n jobs running", "", int(m_titles.size())));
    setToolTip(m_titles.size() > 1 ? m_titles.join(QLatin1Char('\n')) : tr("Show the jobs"));
}

} // namespace llmos
