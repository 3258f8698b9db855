#pragma once

#include "charts/runmarker.h"

#include <QColor>
#include <QIcon>
#include <QPointF>
#include <QString>

class QPainter;

namespace llmos {

// A run's marker as the chart draws it: its x in display units and its run's colour.
struct MarkerGlyph {
    MarkerKind kind = MarkerKind::Checkpoint;
    double x = 0;
    QColor color;
    // Which run on the chart, and which of its markers, for the hover readout's words.
    qsizetype run = -1;
    qsizetype index = -1;
};

// Markers sit in lanes along the bottom of the plot, one lane per kind (pause and resume
// share one), so a checkpoint and an evaluation of the same step do not cover each other.
int markerLane(MarkerKind kind);
inline constexpr int kMarkerLaneCount = 3;

// The symbol of a kind, `size` pixels high, centred on `at` (pause ends at `at` and
// resume starts there, so the two side by side read "stopped | started"). Shapes, not
// only colours, tell the kinds apart, and none is a dot or a line like the data.
void paintMarkerSymbol(QPainter &painter, MarkerKind kind, QPointF at, double size, const QColor &fill,
                       const QColor &outline);
// The same symbol as an icon, for the marker menu that doubles as their key (pause and
// resume draw the pair).
QIcon markerIcon(MarkerKind kind, const QColor &fill, const QColor &outline);

} // namespace llmos
