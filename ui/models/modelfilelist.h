#pragma once

#include "registry/modelrecord.h"

#include <QTreeWidget>

class QAction;

namespace llmos {

// A model's files: name, size and SHA-256 (in a fixed-width font, so hashes line up and
// can be compared by eye). Copy (Ctrl+C or the context menu) puts the selected rows on
// the clipboard as "sha256  size  name" lines, the shape sha256sum prints.
class ModelFileList : public QTreeWidget {
    Q_OBJECT
public:
    enum Column { File, Size, Sha256 };

    explicit ModelFileList(QWidget *parent = nullptr);

    void showFiles(const std::vector<ModelFile> &files);
    // What Copy puts on the clipboard for the selected rows.
    QString selectedText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void copySelection();
    void copyHash();

    QAction *m_copy = nullptr;
    QAction *m_copyHash = nullptr;
};

} // namespace llmos
