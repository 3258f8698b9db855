#include "experiments/parallelcoordinates.h"

#include "experiments/leaderboardmodel.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace llmos {

namespace {

constexpr double kMargin = 28;
constexpr double kTitleHeight = 34;
constexpr double kPickDistance = 8;

double distanceToSegment(QPointF p, QPointF a, QPointF b)
{
    const QPointF ab = b - a;
    const double length2 = QPointF::dotProduct(ab, ab);
    const double t = length2 > 0 ? std::clamp(QPointF::dotProduct(p - a, ab) / length2, 0.0, 1.0) : 0.0;
    const QPointF nearest = a + t * ab;
    return std::hypot(p.x() - nearest.x(), p.y() - nearest.y());
}

// From good (blue) through pale yellow to bad (red): readable on light and dark backgrounds.
QColor qualityColor(double quality)
{
    const QColor bad(215, 48, 39), middle(230, 190, 60), good(44, 123, 182);
    auto mix = [](const QColor &a, const QColor &b, double t) {
        return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t), float(a.greenF() + (b.greenF() - a.greenF()) * t),
                                float(a.blueF() + (b.blueF() - a.blueF()) * t));
    };
    return quality < 0.5 ? mix(bad, middle, quality * 2) : mix(middle, good, (quality - 0.5) * 2);
}

} // namespace

ParallelCoordinates::ParallelCoordinates(QWidget *parent)
    : QWidget(parent)
{
    setMouseTracking(false);
}

void ParallelCoordinates::setReport(const SweepReport &report)
{
    m_axes.clear();
    m_lines.clear();
    const auto &parameters = report.spec.space.parameters();
    const auto &rows = report.leaderboard;
    for (const LeaderboardRow &row : rows)
        m_lines.push_back({row.trial, std::vector<std::optional<double>>(parameters.size() + 1), std::nullopt,
                           row.state == TrialState::Pruned});

    for (std::size_t a = 0; a < parameters.size(); ++a) {
        const SearchParameter &parameter = parameters[a];
        Axis axis;
        axis.title = QString::fromStdString(parameter.path);
        if (parameter.isCategorical()) {
            for (const auto &value : parameter.values)
                axis.categories << LeaderboardModel::valueText(value);
            const double span = std::max<double>(1, double(parameter.values.size()) - 1);
            for (std::size_t i = 0; i < rows.size(); ++i) {
                const auto it = rows[i].parameters.find(parameter.path);
                if (it == rows[i].parameters.end())
                    continue;
                if (const auto index = parameter.indexOf(it->second))
                    m_lines[i].position[a] = parameter.values.size() == 1 ? 0.5 : double(*index) / span;
            }
        } else {
            const bool log = parameter.isLogScale() && parameter.low > 0;
            const double low = log ? std::log(parameter.low) : parameter.low;
            const double high = log ? std::log(parameter.high) : parameter.high;
            axis.lowText = LeaderboardModel::valueText(parameter.low);
            axis.highText = LeaderboardModel::valueText(parameter.high);
            for (std::size_t i = 0; i < rows.size(); ++i) {
                const auto it = rows[i].parameters.find(parameter.path);
                if (it == rows[i].parameters.end() || !it->second.is_number())
                    continue;
                double v = it->second.get<double>();
                if (log)
                    v = v > 0 ? std::log(v) : low;
                m_lines[i].position[a] = high > low ? std::clamp((v - low) / (high - low), 0.0, 1.0) : 0.5;
            }
        }
        m_axes.push_back(axis);
    }

    // The objective: better is higher on the axis and bluer, whichever the direction.
    const bool minimize = report.summary.objective.direction == ObjectiveDirection::Minimize;
    double best = 0, worst = 0;
    bool any = false;
    for (const LeaderboardRow &row : rows) {
        if (!row.objective || !std::isfinite(*row.objective))
            continue;
        const double v = *row.objective;
        best = !any ? v : (minimize ? std::min(best, v) : std::max(best, v));
        worst = !any ? v : (minimize ? std::max(worst, v) : std::min(worst, v));
        any = true;
    }
    Axis objective;
    objective.title = QString::fromStdString(report.summary.objective.metric);
    if (any) {
        objective.highText = LeaderboardModel::valueText(best);
        objective.lowText = LeaderboardModel::valueText(worst);
    }
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (!any || !rows[i].objective || !std::isfinite(*rows[i].objective))
            continue;
        const double quality = best == worst ? 1.0 : (*rows[i].objective - worst) / (best - worst);
        m_lines[i].quality = quality;
        m_lines[i].position.back() = quality;
    }
    m_axes.push_back(objective);
    update();
}

void ParallelCoordinates::setSelectedTrials(const QList<int> &trials)
{
    m_selected = trials;
    update();
}

QRectF ParallelCoordinates::plotArea() const
{
    return QRectF(kMargin + 30, kTitleHeight + 8, std::max(10.0, width() - 2 * kMargin - 60),
                  std::max(10.0, height() - kTitleHeight - 8 - 22));
}

std::vector<QPointF> ParallelCoordinates::pointsOf(const Line &line) const
{
    std::vector<QPointF> points;
    const QRectF area = plotArea();
    const double step = m_axes.size() > 1 ? area.width() / double(m_axes.size() - 1) : 0;
    for (std::size_t a = 0; a < m_axes.size(); ++a) {
        if (!line.position[a])
            continue;
        points.emplace_back(area.left() + step * double(a), area.bottom() - *line.position[a] * area.height());
    }
    return points;
}

std::optional<int> ParallelCoordinates::trialAt(QPointF position) const
{
    std::optional<int> nearest;
    double nearestDistance = kPickDistance;
    for (const Line &line : m_lines) {
        const auto points = pointsOf(line);
        for (std::size_t i = 1; i < points.size(); ++i) {
            const double d = distanceToSegment(position, points[i - 1], points[i]);
            if (d < nearestDistance) {
                nearestDistance = d;
                nearest = line.trial;
            }
        }
    }
    return nearest;
}

void ParallelCoordinates::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(rect(), palette().base());
    if (m_axes.size() < 2 || m_lines.empty()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap,
                         tr("Each trial becomes a line across its parameters and its result once trials have run."));
        return;
    }
    const QRectF area = plotArea();
    const double step = area.width() / double(m_axes.size() - 1);
    const QFontMetricsF metrics(font());

    // Unselected lines first, faint; selected ones bold on top.
    auto drawLine = [&](const Line &line, bool selected) {
        const auto points = pointsOf(line);
        if (points.size() < 2)
            return;
        QColor color = line.quality ? qualityColor(*line.quality) : palette().color(QPalette::Mid);
        color.setAlphaF(selected ? 1.0f : (m_selected.isEmpty() ? 0.75f : 0.3f));
        QPen pen(color, selected ? 3.0 : 1.4);
        if (line.stoppedEarly)
            pen.setStyle(Qt::DashLine);
        painter.setPen(pen);
        QPainterPath path(points.front());
        for (std::size_t i = 1; i < points.size(); ++i)
            path.lineTo(points[i]);
        painter.drawPath(path);
    };
    for (const Line &line : m_lines)
        if (!m_selected.contains(line.trial))
            drawLine(line, false);
    for (const Line &line : m_lines)
        if (m_selected.contains(line.trial))
            drawLine(line, true);

    const QColor text = palette().color(QPalette::Text);
    for (std::size_t a = 0; a < m_axes.size(); ++a) {
        const Axis &axis = m_axes[a];
        const double x = area.left() + step * double(a);
        painter.setPen(QPen(text, 1.2));
        painter.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()));
        QFont bold = font();
        bold.setBold(true);
        painter.setFont(bold);
        const QString title = QFontMetricsF(bold).elidedText(axis.title, Qt::ElideMiddle, std::max(40.0, step - 6));
        painter.drawText(QRectF(x - step / 2, 2, step, kTitleHeight - 14), Qt::AlignHCenter | Qt::AlignBottom, title);
        painter.setFont(font());
        auto label = [&](double y, const QString &value) {
            const QRectF box(x + 3, y - metrics.height() / 2, metrics.horizontalAdvance(value) + 4, metrics.height());
            painter.fillRect(box, palette().base()); // readable over the lines
            painter.drawText(box, Qt::AlignCenter, value);
        };
        painter.setPen(palette().color(QPalette::WindowText));
        if (!axis.categories.isEmpty()) {
            const double span = std::max<double>(1, double(axis.categories.size()) - 1);
            for (int i = 0; i < axis.categories.size(); ++i)
                label(axis.categories.size() == 1 ? area.center().y() : area.bottom() - double(i) / span * area.height(),
                      axis.categories[i]);
        } else {
            label(area.top(), axis.highText);
            label(area.bottom(), axis.lowText);
        }
    }
    painter.setPen(palette().color(QPalette::PlaceholderText));
    painter.drawText(QRectF(0, height() - 20, width() - kMargin, 18), Qt::AlignRight | Qt::AlignVCenter,
                     tr("best at the top of the last axis; dashed: stopped early"));
}

void ParallelCoordinates::mousePressEvent(QMouseEvent *event)
{
    if (const auto trial = trialAt(event->position()))
        Q_EMIT trialClicked(*trial);
    QWidget::mousePressEvent(event);
}

} // namespace llmos
