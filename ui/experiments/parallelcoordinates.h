#pragma once

#include "services/sweepcatalog.h"

#include <QList>
#include <QWidget>

#include <optional>
#include <vector>

namespace llmos {

// A sweep's trials in parallel coordinates: one vertical axis per searched parameter and
// a last one for the objective, one line per trial through its values, coloured from the
// best objective (blue) to the worst (red); trials stopped early are dashed, trials with
// no objective grey. Selected trials are drawn bold on top. Categorical parameters space
// their values evenly; log-scale ranges are drawn on a log axis. A click picks the trial
// whose line passes nearest.
class ParallelCoordinates : public QWidget {
    Q_OBJECT
public:
    explicit ParallelCoordinates(QWidget *parent = nullptr);

    void setReport(const SweepReport &report);
    void setSelectedTrials(const QList<int> &trials);
    int axisCount() const { return int(m_axes.size()); }
    int lineCount() const { return int(m_lines.size()); }
    // The trial nearest to `position` (widget coordinates), if any line is within reach.
    std::optional<int> trialAt(QPointF position) const;

    QSize sizeHint() const override { return {600, 260}; }
    QSize minimumSizeHint() const override { return {300, 130}; }

Q_SIGNALS:
    void trialClicked(int trial);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    struct Axis {
        QString title;
        QString lowText;  // at the bottom
        QString highText; // at the top
        QStringList categories; // bottom to top, for categorical axes
    };
    struct Line {
        int trial = 0;
        std::vector<std::optional<double>> position; // per axis, 0 (bottom) .. 1 (top)
        std::optional<double> quality;               // 0 worst .. 1 best
        bool stoppedEarly = false;
    };
    QRectF plotArea() const;
    std::vector<QPointF> pointsOf(const Line &line) const;

    std::vector<Axis> m_axes;
    std::vector<Line> m_lines;
    QList<int> m_selected;
};

} // namespace llmos
