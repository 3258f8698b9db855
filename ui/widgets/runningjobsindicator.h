#pragma once

#include <QLabel>
#include <QStringList>

namespace llmos {

// The status bar's slot for running jobs: "No jobs running", the job's title when there
// is one, the count when there are several (titles in the tooltip). The job list feeds
// it through setRunningJobs(); a click asks to see the jobs.
class RunningJobsIndicator : public QLabel {
    Q_OBJECT
public:
    explicit RunningJobsIndicator(QWidget *parent = nullptr);

    void setRunningJobs(const QStringList &titles);
    QStringList runningJobs() const { return m_titles; }

Q_SIGNALS:
    void clicked();

protected:
    void changeEvent(QEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    void retranslate();

    QStringList m_titles;
};

} // namespace llmos
