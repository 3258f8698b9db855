#include "charts/markerglyphs.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace llmos {

int markerLane(MarkerKind kind)
{
    switch (kind) {
    case MarkerKind::Checkpoint:
        return 0;
    case MarkerKind::Evaluation:
        return 1;
    case MarkerKind::Pause:
    case MarkerKind::Resume:
        return 2;
    }
    return 0;
}

void paintMarkerSymbol(QPainter &painter, MarkerKind kind, QPointF at, double size, const QColor &fill,
                       const QColor &outline)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    QPen pen(outline, 1);
    pen.setCosmetic(true);
    painter.setPen(pen);
    painter.setBrush(fill);
    const double h = size / 2;
    QPainterPath path;
    switch (kind) {
    case MarkerKind::Checkpoint: {
        // A flag: where the run can be taken up again.
        const double pole = at.x() - h * 0.6;
        path.addRect(QRectF(pole - 0.75, at.y() - h, 1.5, size));
        path.moveTo(pole + 0.75, at.y() - h);
        path.lineTo(pole + 0.75 + size * 0.8, at.y() - h * 0.45);
        path.lineTo(pole + 0.75, at.y() + h * 0.1);
        path.closeSubpath();
        break;
    }
    case MarkerKind::Evaluation:
        // A triangle pointing up at the curve, like a tick on a ruler.
        path.moveTo(at.x(), at.y() - h);
        path.lineTo(at.x() + h, at.y() + h);
        path.lineTo(at.x() - h, at.y() + h);
        path.closeSubpath();
        break;
    case MarkerKind::Pause: {
        const double bar = size * 0.28;
        path.addRect(QRectF(at.x() - size * 0.85, at.y() - h, bar, size));
        path.addRect(QRectF(at.x() - size * 0.85 + bar * 1.8, at.y() - h, bar, size));
        break;
    }
    case MarkerKind::Resume:
        path.moveTo(at.x() + 1, at.y() - h);
        path.lineTo(at.x() + 1 + size * 0.85, at.y());
        path.lineTo(at.x() + 1, at.y() + h);
        path.closeSubpath();
        break;
    }
    painter.drawPath(path);
    painter.restore();
}

QIcon markerIcon(MarkerKind kind, const QColor &fill, const QColor &outline)
{
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    if (kind == MarkerKind::Pause || kind == MarkerKind::Resume) {
        // One menu entry for both: the pair as the chart shows it.
        paintMarkerSymbol(painter, MarkerKind::Pause, QPointF(7.5, 8), 10, fill, outline);
        paintMarkerSymbol(painter, MarkerKind::Resume, QPointF(7.5, 8), 10, fill, outline);
    } else {
        paintMarkerSymbol(painter, kind, QPointF(8, 8), 11, fill, outline);
    }
    return QIcon(pixmap);
}

} // namespace llmos
