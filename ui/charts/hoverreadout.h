#pragma once

#include <QColor>
#include <QList>
#include <QPalette>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <QStringList>

class QPainter;

namespace llmos {

// A curve's point nearest the cursor, at full resolution.
struct ReadoutRow {
    QColor color;
    QString run;
    QString metric;
    QString x;
    QString value;
    QString smoothed; // empty when smoothing is off
    QPointF at;       // where the point is drawn, in scene coordinates
};

// What the crosshair shows: each curve's nearest point and the markers under the cursor.
struct HoverReadout {
    bool visible = false;
    QPointF cursor;     // scene coordinates
    QStringList header; // column titles: run, metric, the x axis, value, smoothed
    QList<ReadoutRow> rows;
    QStringList markerNotes;
};

// A vertical line through the cursor, a ring on each nearest point and a table of their
// values beside the cursor, kept inside `plotArea` (scene coordinates).
void paintHoverReadout(QPainter &painter, const HoverReadout &readout, const QRectF &plotArea, const QPalette &palette);

} // namespace llmos
