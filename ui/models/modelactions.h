#pragma once

#include "registry/modelrecord.h"

#include <QObject>

class QAction;
class QActionGroup;
class QMenu;
class QToolBar;
class QWidget;

namespace llmos {

// The model browser's actions, shared by its toolbar, the empty state's Import button
// and the context menu of the table and the cards: Import (a folder or a file), the
// table/cards switch, Open in playground and Fine-tune (disabled, saying honestly when
// they arrive), Export…, Delete… and Check files; and Rebuild the registry, which the
// page offers when the registry's database is damaged. setCurrentModel() enables what
// applies to the selected model.
class ModelActions : public QObject {
    Q_OBJECT
public:
    explicit ModelActions(QWidget *parent);

    // `model` null: nothing selected. Delete needs the model's lineage (to say what it
    // would orphan), so it waits for `lineageKnown`.
    void setCurrentModel(const ModelRecord *model, bool lineageKnown);
    void retranslate();

    QToolBar *makeToolBar(QWidget *parent);
    QMenu *makeContextMenu(QWidget *parent);
    QMenu *importMenu() const { return m_importMenu; }

    QAction *importFolder() const { return m_importFolder; }
    QAction *importFile() const { return m_importFile; }
    QAction *showTable() const { return m_showTable; }
    QAction *showCards() const { return m_showCards; }
    QAction *openInPlayground() const { return m_playground; }
    QAction *fineTune() const { return m_fineTune; }
    QAction *exportModel() const { return m_export; }
    QAction *deleteModel() const { return m_delete; }
    QAction *checkFiles() const { return m_checkFiles; }
    QAction *evaluate() const { return m_evaluate; }
    QAction *quantize() const { return m_quantize; }
    QAction *rebuildRegistry() const { return m_rebuild; }

private:
    QMenu *m_importMenu = nullptr;
    QAction *m_import = nullptr;
    QAction *m_importFolder = nullptr;
    QAction *m_importFile = nullptr;
    QActionGroup *m_viewGroup = nullptr;
    QAction *m_showTable = nullptr;
    QAction *m_showCards = nullptr;
    QAction *m_playground = nullptr;
    QAction *m_evaluate = nullptr;
    QAction *m_quantize = nullptr;
    QAction *m_fineTune = nullptr;
    QAction *m_export = nullptr;
    QAction *m_delete = nullptr;
    QAction *m_checkFiles = nullptr;
    QAction *m_rebuild = nullptr;
};

} // namespace llmos
