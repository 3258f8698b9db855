#pragma once

#include <QStringList>
#include <QWidget>

#include <vector>

namespace llmos {

// Per-label probabilities as horizontal bars, most likely first, each with its label and
// percentage; the decision threshold is drawn as a line across them.
class ProbabilityBars : public QWidget {
    Q_OBJECT
public:
    explicit ProbabilityBars(QWidget *parent = nullptr);

    void setProbabilities(const QStringList &labels, const std::vector<double> &probabilities);
    void setThreshold(double threshold);
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    std::vector<std::pair<QString, double>> m_rows; // sorted, most likely first
    double m_threshold = 0.5;
};

} // namespace llmos
