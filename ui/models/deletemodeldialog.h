#pragma once

#include "registry/lineageedge.h"
#include "registry/modelrecord.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QListWidget;
class QPushButton;

namespace llmos {

// Asks before a model is deleted, and says what the deletion would orphan: the models
// made from it (its lineage's descendants), which would keep its name in their lineage
// but lose the link. With such models Delete stays disabled until the person ticks
// "delete anyway"; force() then says the registry may go ahead.
class DeleteModelDialog : public QDialog {
    Q_OBJECT
public:
    DeleteModelDialog(const ModelRecord &model, const ModelLineage &lineage, QWidget *parent = nullptr);

    bool force() const;
    QPushButton *deleteButton() const { return m_delete; }
    QCheckBox *confirmOrphans() const { return m_confirm; }

private:
    QPushButton *m_delete = nullptr;
    QCheckBox *m_confirm = nullptr;
};

} // namespace llmos
