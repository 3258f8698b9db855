#pragma once

#include "registry/lineageedge.h"
#include "registry/modelrecord.h"

#include <QGraphicsView>
#include <QHash>

namespace llmos {

// A model's lineage as a graph to click through: what it was made from above it
// (parents, then grandparents further up), what was made from it below, each edge
// labelled with how (fine-tune, LoRA, merge, quantize, export). Clicking another model
// emits modelClicked(id); a parent that was deleted stays as a greyed node with its old
// name and cannot be clicked. Colours come from the palette, so both themes work.
class LineageView : public QGraphicsView {
    Q_OBJECT
public:
    explicit LineageView(QWidget *parent = nullptr);

    void showLineage(const ModelRecord &model, const ModelLineage &lineage);
    bool hasEdges() const { return !m_lineage.ancestors.empty() || !m_lineage.descendants.empty(); }
    // Where a model's node is, in viewport coordinates ((-1, -1) when it is not shown).
    QPoint nodePosition(const QString &id) const;
    QStringList modelIds() const { return m_nodeCentres.keys(); }

Q_SIGNALS:
    void modelClicked(const QString &id);

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void rebuild();
    // Shrinks a graph wider or taller than the view to fit it, down to half size (never
    // enlarges).
    void fitGraph();

    QString m_focusId;
    QString m_focusName;
    ModelLineage m_lineage;
    QHash<QString, QPointF> m_nodeCentres; // id -> scene position, clickable nodes only
};

} // namespace llmos
