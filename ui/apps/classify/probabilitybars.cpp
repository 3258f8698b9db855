#include "apps/classify/probabilitybars.h"

#include <QPainter>

#include <algorithm>

namespace llmos {

namespace {
constexpr int kRowHeight = 26;
constexpr int kLabelWidth = 140;
constexpr int kValueWidth = 56;
} // namespace

ProbabilityBars::ProbabilityBars(QWidget *parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

void ProbabilityBars::setProbabilities(const QStringList &labels, const std::vector<double> &probabilities)
{
    m_rows.clear();
    for (int i = 0; i < labels.size() && i < static_cast<int>(probabilities.size()); ++i)
        m_rows.emplace_back(labels[i], probabilities[static_cast<std::size_t>(i)]);
    std::stable_sort(m_rows.begin(), m_rows.end(), [](const auto &a, const auto &b) { return a.second > b.second; });
    updateGeometry();
    update();
}

void ProbabilityBars::setThreshold(double threshold)
{
    m_threshold = threshold;
    update();
}

QSize ProbabilityBars::sizeHint() const
{
    return {420, std::max<int>(1, static_cast<int>(m_rows.size())) * kRowHeight + 8};
}

void ProbabilityBars::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const int barWidth = std::max(40, width() - kLabelWidth - kValueWidth - 16);
    const auto &colours = palette();
    int y = 4;
    for (const auto &[label, p] : m_rows) {
        const QRect labelRect(0, y, kLabelWidth - 8, kRowHeight - 6);
        painter.setPen(colours.color(QPalette::WindowText));
        painter.drawText(labelRect, Qt::AlignVCenter | Qt::AlignRight,
                         painter.fontMetrics().elidedText(label, Qt::ElideRight, labelRect.width()));
        const QRect track(kLabelWidth, y + 3, barWidth, kRowHeight - 12);
        painter.setPen(Qt::NoPen);
        painter.setBrush(colours.color(QPalette::AlternateBase));
        painter.drawRoundedRect(track, 3, 3);
        painter.setBrush(p >= m_threshold ? colours.color(QPalette::Highlight) : colours.color(QPalette::Mid));
        painter.drawRoundedRect(QRect(track.left(), track.top(), static_cast<int>(track.width() * p), track.height()), 3, 3);
        painter.setPen(colours.color(QPalette::WindowText));
        painter.drawText(QRect(kLabelWidth + barWidth + 8, y, kValueWidth, kRowHeight - 6), Qt::AlignVCenter | Qt::AlignLeft,
                         QStringLiteral("%1%").arg(p * 100, 0, 'f', 1));
        y += kRowHeight;
    }
    if (!m_rows.empty()) { // the threshold, across every bar
        const int x = kLabelWidth + static_cast<int>(barWidth * m_threshold);
        painter.setPen(QPen(colours.color(QPalette::WindowText), 1, Qt::DashLine));
        painter.drawLine(x, 2, x, y - 4);
    }
}

} // namespace llmos
