#pragma once

#include "widgets/clickablelabel.h"
#include <QStringList>

namespace llmos {

// The status bar's slot for running jobs: "No jobs running", the job's title when there
// is one, the count when there are several (titles in the tooltip). The job list feeds
// it through setRunningJobs(); a click asks to see the jobs.
class RunningJobsIndicator : public ClickableLabel {
    Q_OBJECT
public:
    explicit RunningJobsIndicator(QWidget *parent = nullptr);

    void setRunningJobs(const QStringList &titles);
    QStringList runningJobs() const { return m_titles; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QStringList m_titles;
};

} // namespace llmos
