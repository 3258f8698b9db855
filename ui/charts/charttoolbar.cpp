#include "charts/charttoolbar.h"

#include "charts/markerglyphs.h"

#include <QComboBox>
#include <QEvent>
#include <QFontMetrics>
#include <QLabel>
#include <QMenu>
#include <QSlider>
#include <QToolButton>

#include <cmath>

namespace llmos {

namespace {
constexpr int kSmoothingSteps = 99;    // the slider's 0..99 are weights 0.00..0.99
constexpr int kMetricsTextWidth = 220; // pixels of metric names on the button before eliding

QToolButton *textButton(QWidget *parent, const char *name, bool checkable)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(QString::fromLatin1(name));
    button->setCheckable(checkable);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return button;
}

} // namespace

bool MarkerFilter::shows(MarkerKind kind) const
{
    if (!shown)
        return false;
    switch (kind) {
    case MarkerKind::Checkpoint:
        return checkpoints;
    case MarkerKind::Evaluation:
        return evaluations;
    case MarkerKind::Pause:
    case MarkerKind::Resume:
        return stops;
    }
    return false;
}

ChartToolBar::ChartToolBar(QWidget *parent)
    : QToolBar(parent)
{
    setObjectName(QStringLiteral("chartToolBar"));
    setMovable(false);
    setFloatable(false);
    setToolButtonStyle(Qt::ToolButtonTextOnly);

    m_metrics = textButton(this, "chartMetrics", false);
    m_metrics->setPopupMode(QToolButton::InstantPopup);
    m_metricsMenu = new QMenu(m_metrics);
    m_metricsMenu->installEventFilter(this);
    m_metrics->setMenu(m_metricsMenu);
    addWidget(m_metrics);
    addSeparator();

    m_xAxisLabel = new QLabel(this);
    addWidget(m_xAxisLabel);
    m_xAxis = new QComboBox(this);
    m_xAxis->setObjectName(QStringLiteral("chartXAxis"));
    for (XAxis axis : {XAxis::Step, XAxis::TokensSeen, XAxis::Epoch, XAxis::WallTime})
        m_xAxis->addItem(QString(), static_cast<int>(axis));
    m_xAxisLabel->setBuddy(m_xAxis);
    addWidget(m_xAxis);
    connect(m_xAxis, &QComboBox::activated, this,
            [this](int index) { Q_EMIT xAxisChanged(static_cast<XAxis>(m_xAxis->itemData(index).toInt())); });
    addSeparator();

    m_smoothingLabel = new QLabel(this);
    addWidget(m_smoothingLabel);
    m_smoothing = new QSlider(Qt::Horizontal, this);
    m_smoothing->setObjectName(QStringLiteral("chartSmoothing"));
    m_smoothing->setRange(0, kSmoothingSteps);
    m_smoothing->setFixedWidth(110);
    m_smoothingLabel->setBuddy(m_smoothing);
    addWidget(m_smoothing);
    m_smoothingValue = new QLabel(this);
    m_smoothingValue->setObjectName(QStringLiteral("chartSmoothingValue"));
    m_smoothingValue->setMinimumWidth(QFontMetrics(font()).horizontalAdvance(QStringLiteral("0.00")) + 4);
    addWidget(m_smoothingValue);
    connect(m_smoothing, &QSlider::valueChanged, this, [this](int value) {
        updateSmoothingText();
        Q_EMIT smoothingChanged(value / 100.0);
    });
    addSeparator();

    m_logX = textButton(this, "chartLogX", true);
    addWidget(m_logX);
    connect(m_logX, &QToolButton::toggled, this, &ChartToolBar::logXChanged);
    m_logY = textButton(this, "chartLogY", true);
    addWidget(m_logY);
    connect(m_logY, &QToolButton::toggled, this, &ChartToolBar::logYChanged);

    m_markers = textButton(this, "chartMarkers", true);
    m_markers->setChecked(true);
    m_markers->setPopupMode(QToolButton::MenuButtonPopup);
    auto *markerMenu = new QMenu(m_markers);
    m_checkpoints = markerMenu->addAction(QString());
    m_evaluations = markerMenu->addAction(QString());
    m_stops = markerMenu->addAction(QString());
    for (QAction *action : {m_checkpoints, m_evaluations, m_stops}) {
        action->setCheckable(true);
        action->setChecked(true);
        connect(action, &QAction::toggled, this, [this] { Q_EMIT markerFilterChanged(markerFilterFromControls()); });
    }
    markerMenu->installEventFilter(this);
    m_markers->setMenu(markerMenu);
    connect(m_markers, &QToolButton::toggled, this, [this] { Q_EMIT markerFilterChanged(markerFilterFromControls()); });
    addWidget(m_markers);

    auto *spacer = new QWidget(this);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    addWidget(spacer);

    m_resetZoom = textButton(this, "chartResetZoom", false);
    m_resetZoom->setEnabled(false);
    connect(m_resetZoom, &QToolButton::clicked, this, &ChartToolBar::resetZoomRequested);
    addWidget(m_resetZoom);

    m_export = textButton(this, "chartExport", false);
    m_export->setPopupMode(QToolButton::InstantPopup);
    auto *exportMenu = new QMenu(m_export);
    m_exportPng = exportMenu->addAction(QString(), this, [this] { Q_EMIT exportRequested(ChartExportFormat::Png); });
    m_exportSvg = exportMenu->addAction(QString(), this, [this] { Q_EMIT exportRequested(ChartExportFormat::Svg); });
    m_exportCsv = exportMenu->addAction(QString(), this, [this] { Q_EMIT exportRequested(ChartExportFormat::Csv); });
    m_export->setMenu(exportMenu);
    addWidget(m_export);

    m_markerFill = palette().color(QPalette::Mid);
    m_markerOutline = palette().color(QPalette::Text);
    retranslate();
}

void ChartToolBar::setAvailableMetrics(const QStringList &names)
{
    if (names == m_available)
        return;
    m_available = names;
    m_metricsMenu->clear();
    for (const QString &name : names) {
        QAction *action = m_metricsMenu->addAction(name);
        action->setCheckable(true);
        action->setChecked(m_selected.contains(name));
        connect(action, &QAction::toggled, this, [this, name](bool on) { Q_EMIT metricToggled(name, on); });
    }
    updateMetricsText();
}

void ChartToolBar::setSelectedMetrics(const QStringList &names)
{
    m_selected = names;
    for (QAction *action : m_metricsMenu->actions()) {
        const QSignalBlocker blocker(action);
        action->setChecked(names.contains(action->text()));
    }
    updateMetricsText();
}

void ChartToolBar::setXAxis(XAxis axis)
{
    m_xAxis->setCurrentIndex(m_xAxis->findData(static_cast<int>(axis)));
}

void ChartToolBar::setSmoothing(double weight)
{
    const QSignalBlocker blocker(m_smoothing);
    m_smoothing->setValue(static_cast<int>(std::lround(weight * 100)));
    updateSmoothingText();
}

void ChartToolBar::setLogX(bool on)
{
    const QSignalBlocker blocker(m_logX);
    m_logX->setChecked(on);
}

void ChartToolBar::setLogY(bool on)
{
    const QSignalBlocker blocker(m_logY);
    m_logY->setChecked(on);
}

void ChartToolBar::setMarkerFilter(const MarkerFilter &filter)
{
    const QSignalBlocker b1(m_markers), b2(m_checkpoints), b3(m_evaluations), b4(m_stops);
    m_markers->setChecked(filter.shown);
    m_checkpoints->setChecked(filter.checkpoints);
    m_evaluations->setChecked(filter.evaluations);
    m_stops->setChecked(filter.stops);
}

void ChartToolBar::setZoomed(bool zoomed)
{
    m_resetZoom->setEnabled(zoomed);
}

void ChartToolBar::setMarkerColors(const QColor &fill, const QColor &outline)
{
    m_markerFill = fill;
    m_markerOutline = outline;
    m_checkpoints->setIcon(markerIcon(MarkerKind::Checkpoint, fill, outline));
    m_evaluations->setIcon(markerIcon(MarkerKind::Evaluation, fill, outline));
    m_stops->setIcon(markerIcon(MarkerKind::Pause, fill, outline));
}

MarkerFilter ChartToolBar::markerFilterFromControls() const
{
    return {m_markers->isChecked(), m_checkpoints->isChecked(), m_evaluations->isChecked(), m_stops->isChecked()};
}

void ChartToolBar::updateMetricsText()
{
    const QString names = m_selected.isEmpty() ? tr("none") : m_selected.join(QStringLiteral(", "));
    const QString elided = QFontMetrics(m_metrics->font()).elidedText(names, Qt::ElideRight, kMetricsTextWidth);
    m_metrics->setText(tr("Metrics: %1").arg(elided));
    m_metrics->setToolTip(m_available.isEmpty() ? tr("The run has reported no metrics yet")
                                                : tr("Metrics on the chart: %1").arg(names));
}

void ChartToolBar::updateSmoothingText()
{
    m_smoothingValue->setText(QString::number(m_smoothing->value() / 100.0, 'f', 2));
}

bool ChartToolBar::eventFilter(QObject *watched, QEvent *event)
{
    // Ticking a checkable entry keeps the menu open, so several can be ticked in one go.
    if (event->type() == QEvent::MouseButtonRelease) {
        if (auto *menu = qobject_cast<QMenu *>(watched)) {
            QAction *action = menu->activeAction();
            if (action && action->isCheckable() && action->isEnabled()) {
                action->trigger();
                return true;
            }
        }
    }
    return QToolBar::eventFilter(watched, event);
}

void ChartToolBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    if (event->type() == QEvent::PaletteChange)
        setMarkerColors(palette().color(QPalette::Mid), palette().color(QPalette::Text));
    QToolBar::changeEvent(event);
}

void ChartToolBar::retranslate()
{
    setWindowTitle(tr("Chart"));
    updateMetricsText();
    m_xAxisLabel->setText(tr("X axis"));
    m_xAxis->setItemText(0, tr("Step"));
    m_xAxis->setItemText(1, tr("Tokens seen"));
    m_xAxis->setItemText(2, tr("Epoch"));
    m_xAxis->setItemText(3, tr("Wall time"));
    m_xAxis->setToolTip(tr("What the x axis counts. Wall time leaves out the time a run was paused."));
    m_smoothingLabel->setText(tr("Smoothing"));
    m_smoothing->setToolTip(tr("Exponential moving average, debiased as in TensorBoard; the raw curve stays "
                               "faint behind the smoothed one. 0 shows the raw values."));
    m_logX->setText(tr("Log x"));
    m_logX->setToolTip(tr("Logarithmic x axis; points at or below zero are left out"));
    m_logY->setText(tr("Log y"));
    m_logY->setToolTip(tr("Logarithmic y axis; values at or below zero are left out"));
    m_markers->setText(tr("Markers"));
    m_markers->setToolTip(tr("Symbols along the bottom of the chart for checkpoints, evaluations, pauses and "
                             "resumes; hover over one to read it"));
    m_checkpoints->setText(tr("Checkpoints (flag)"));
    m_evaluations->setText(tr("Evaluations (triangle)"));
    m_stops->setText(tr("Pauses and resumes (bars, arrow)"));
    m_resetZoom->setText(tr("Reset zoom"));
    m_resetZoom->setToolTip(tr("Show every point again (or double-click the chart)"));
    m_export->setText(tr("Export"));
    m_exportPng->setText(tr("PNG image…"));
    m_exportSvg->setText(tr("SVG image…"));
    m_exportCsv->setText(tr("CSV data, full resolution…"));
    setMarkerColors(m_markerFill, m_markerOutline);
}

} // namespace llmos
