#include "models/lineageview.h"

#include "models/modeltext.h"

#include <QEvent>
#include <QGraphicsItem>
#include <QGraphicsScene>
#include <QMouseEvent>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <map>
#include <vector>

namespace llmos {

namespace {

constexpr qreal kNodeWidth = 160;
constexpr qreal kNodeHeight = 34;
constexpr qreal kColumnGap = 28;
constexpr qreal kRowGap = 58; // room for the edge's label between rows
constexpr qreal kArrow = 7;
constexpr qreal kSmallestScale = 0.5;
constexpr int kIdKey = 0; // QGraphicsItem::data key of a clickable node's model id

struct Node {
    QString id; // empty: a deleted parent, known only by name
    QString name;
    int row = 0; // negative: ancestors, 0: the model, positive: descendants
};

struct Edge {
    QString from;
    QString to;
    LineageKind kind;
};

// Nodes are keyed by id, or by name for deleted parents (which have no id left).
QString keyOf(const std::string &id, const std::string &name)
{
    return id.empty() ? QStringLiteral("removed:") + QString::fromStdString(name) : QString::fromStdString(id);
}

class LineageLayout {
public:
    void add(const std::string &id, const std::string &name, int row)
    {
        const QString key = keyOf(id, name);
        if (m_index.contains(key))
            return; // nearest first: the first row seen is where it stays
        m_index.insert(key, m_nodes.size());
        m_nodes.push_back({QString::fromStdString(id), QString::fromStdString(name), row});
    }
    void addEdge(const LineageEdge &e)
    {
        m_edges.push_back({keyOf(e.fromId, e.fromName), keyOf(e.toId, e.toName), e.kind});
    }
    const std::vector<Node> &nodes() const { return m_nodes; }
    const std::vector<Edge> &edges() const { return m_edges; }
    const Node *node(const QString &key) const
    {
        const auto it = m_index.find(key);
        return it == m_index.end() ? nullptr : &m_nodes[*it];
    }

private:
    QHash<QString, std::size_t> m_index;
    std::vector<Node> m_nodes;
    std::vector<Edge> m_edges;
};

} // namespace

LineageView::LineageView(QWidget *parent)
    : QGraphicsView(parent)
{
    setObjectName(QStringLiteral("lineageView"));
    setScene(new QGraphicsScene(this));
    setRenderHint(QPainter::Antialiasing);
    setAlignment(Qt::AlignCenter);
    setFrameShape(QFrame::NoFrame);
}

void LineageView::showLineage(const ModelRecord &model, const ModelLineage &lineage)
{
    m_focusId = QString::fromStdString(model.id);
    m_focusName = QString::fromStdString(model.name);
    m_lineage = lineage;
    rebuild();
}

void LineageView::rebuild()
{
    QGraphicsScene *s = scene();
    s->clear();
    m_nodeCentres.clear();
    if (m_focusId.isEmpty())
        return;

    LineageLayout layout;
    layout.add(m_focusId.toStdString(), m_focusName.toStdString(), 0);
    for (const LineageEdge &e : m_lineage.ancestors) {
        layout.add(e.toId, e.toName, -(e.depth - 1));
        layout.add(e.fromId, e.fromName, -e.depth);
        layout.addEdge(e);
    }
    for (const LineageEdge &e : m_lineage.descendants) {
        layout.add(e.fromId, e.fromName, e.depth - 1);
        layout.add(e.toId, e.toName, e.depth);
        layout.addEdge(e);
    }

    // Rows centred on one axis, in the order the registry gave (nearest first).
    std::map<int, std::vector<const Node *>> rows;
    for (const Node &n : layout.nodes())
        rows[n.row].push_back(&n);
    QHash<const Node *, QRectF> rects;
    for (const auto &[row, nodes] : rows) {
        const qreal total =
            static_cast<qreal>(nodes.size()) * kNodeWidth + static_cast<qreal>(nodes.size() - 1) * kColumnGap;
        for (std::size_t i = 0; i < nodes.size(); ++i) {
            const qreal x = -total / 2 + static_cast<qreal>(i) * (kNodeWidth + kColumnGap);
            rects.insert(nodes[i], QRectF(x, row * (kNodeHeight + kRowGap), kNodeWidth, kNodeHeight));
        }
    }

    const QPalette pal = palette();
    const QColor line = pal.color(QPalette::Mid);
    const QColor quiet = pal.color(QPalette::PlaceholderText);
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);

    for (const Edge &e : layout.edges()) {
        const Node *from = layout.node(e.from);
        const Node *to = layout.node(e.to);
        if (!from || !to)
            continue;
        // Parents are above their children: the edge runs from a parent's bottom edge
        // to the child's top edge, with the arrow at the child.
        const QRectF a = rects.value(from);
        const QRectF b = rects.value(to);
        const QPointF start(a.center().x(), a.bottom());
        const QPointF end(b.center().x(), b.top());
        s->addLine(QLineF(start, end), QPen(line, 1.4));
        const QLineF back(end, start);
        const qreal angle = std::atan2(-back.dy(), back.dx());
        QPolygonF head;
        head << end << end + QPointF(std::cos(angle + M_PI / 7) * kArrow, -std::sin(angle + M_PI / 7) * kArrow)
             << end + QPointF(std::cos(angle - M_PI / 7) * kArrow, -std::sin(angle - M_PI / 7) * kArrow);
        s->addPolygon(head, QPen(line), QBrush(line));
        auto *label = s->addSimpleText(ModelText::lineageKind(e.kind), small);
        label->setBrush(quiet);
        const QRectF box = label->boundingRect();
        const QPointF mid = (start + end) / 2;
        auto *backing = s->addRect(
            QRectF(mid.x() - box.width() / 2 - 4, mid.y() - box.height() / 2 - 1, box.width() + 8, box.height() + 2),
            Qt::NoPen, pal.brush(QPalette::Base));
        backing->setZValue(1);
        label->setPos(mid.x() - box.width() / 2, mid.y() - box.height() / 2);
        label->setZValue(2);
    }

    for (const Node &n : layout.nodes()) {
        const QRectF r = rects.value(&n);
        const bool focus = n.id == m_focusId;
        const bool removed = n.id.isEmpty();
        QPainterPath path;
        path.addRoundedRect(r, 8, 8);
        QPen border(focus ? pal.color(QPalette::Highlight) : pal.color(QPalette::Mid), focus ? 2 : 1);
        if (removed)
            border.setStyle(Qt::DashLine);
        auto *box = s->addPath(path, border, focus ? pal.brush(QPalette::Highlight) : pal.brush(QPalette::Base));
        box->setZValue(3);
        QFont nameFont = font();
        nameFont.setBold(focus);
        const QFontMetricsF metrics(nameFont);
        auto *text = s->addSimpleText(metrics.elidedText(n.name, Qt::ElideMiddle, kNodeWidth - 16), nameFont);
        text->setBrush(focus ? pal.color(QPalette::HighlightedText) : removed ? quiet : pal.color(QPalette::Text));
        text->setParentItem(box);
        const QRectF t = text->boundingRect();
        text->setPos(r.center().x() - t.width() / 2, r.center().y() - t.height() / 2);
        if (removed) {
            box->setToolTip(tr("%1 was deleted; the lineage keeps its name").arg(n.name));
        } else if (!focus) {
            box->setData(kIdKey, n.id);
            box->setCursor(Qt::PointingHandCursor);
            box->setToolTip(tr("Show %1").arg(n.name));
            m_nodeCentres.insert(n.id, r.center());
        } else {
            m_nodeCentres.insert(n.id, r.center());
        }
    }
    s->setSceneRect(s->itemsBoundingRect().adjusted(-16, -16, 16, 16));
    fitGraph();
}

void LineageView::fitGraph()
{
    const QRectF graph = sceneRect();
    const QSizeF room = viewport()->size();
    qreal scale = 1;
    if (!graph.isEmpty() && room.width() > 0 && room.height() > 0)
        scale = std::min({1.0, room.width() / graph.width(), room.height() / graph.height()});
    // Below half size names stop being readable: a larger graph scrolls instead.
    scale = std::max(scale, kSmallestScale);
    setTransform(QTransform::fromScale(scale, scale));
}

void LineageView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    fitGraph();
}

QPoint LineageView::nodePosition(const QString &id) const
{
    const auto it = m_nodeCentres.find(id);
    return it == m_nodeCentres.end() ? QPoint(-1, -1) : mapFromScene(*it);
}

void LineageView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        for (QGraphicsItem *item = itemAt(event->position().toPoint()); item; item = item->parentItem()) {
            const QString id = item->data(kIdKey).toString();
            if (!id.isEmpty()) {
                Q_EMIT modelClicked(id);
                return;
            }
        }
    }
    QGraphicsView::mousePressEvent(event);
}

void LineageView::changeEvent(QEvent *event)
{
    // Theme or language switched: the scene's colours and edge labels come from both.
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::LanguageChange)
        rebuild();
    QGraphicsView::changeEvent(event);
}

} // namespace llmos
