#include "charts/chartexport.h"

#include "charts/metricchartview.h"

#include <QFileInfo>
#include <QImageWriter>
#include <QPainter>
#include <QSvgGenerator>

namespace llmos {

namespace {

// Hides the readout for the life of an export: the picture is the chart, not where the
// mouse happened to be.
class ReadoutHidden {
public:
    explicit ReadoutHidden(MetricChartView &view)
        : m_view(view)
        , m_readout(view.readout())
    {
        m_view.setReadout({});
        m_view.settleLayout();
    }
    ~ReadoutHidden() { m_view.setReadout(m_readout); }
    ReadoutHidden(const ReadoutHidden &) = delete;
    ReadoutHidden &operator=(const ReadoutHidden &) = delete;

private:
    MetricChartView &m_view;
    HoverReadout m_readout;
};

} // namespace

bool saveChartPng(MetricChartView &view, const QString &path, QString *error)
{
    const ReadoutHidden hidden(view);
    QImageWriter writer(path, "png");
    if (writer.write(view.grab().toImage()))
        return true;
    if (error)
        *error = writer.errorString();
    return false;
}

bool saveChartSvg(MetricChartView &view, const QString &path, const QString &title, const QString &description)
{
    const ReadoutHidden hidden(view);
    const QSize size = view.viewport()->size();
    QSvgGenerator generator;
    generator.setFileName(path);
    generator.setSize(size);
    generator.setViewBox(QRect(QPoint(0, 0), size));
    generator.setTitle(title);
    generator.setDescription(description);
    QPainter painter;
    if (!painter.begin(&generator))
        return false;
    view.render(&painter);
    return painter.end() && QFileInfo(path).size() > 0;
}

} // namespace llmos
