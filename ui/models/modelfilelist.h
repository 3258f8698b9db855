#pragma once

#include "registry/modelrecord.h"
#include "registry/registryreports.h"

#include <QTreeWidget>

#include <optional>

class QAction;

namespace llmos {

// A model's files: name, size and SHA-256 (in a fixed-width font, so hashes line up and
// can be compared by eye). Copy (Ctrl+C or the context menu) puts the selected rows on
// the clipboard as "sha256  size  name" lines, the shape sha256sum prints. After a check
// of the files (showCheck) a column says which are as registered, changed or missing.
class ModelFileList : public QTreeWidget {
    Q_OBJECT
public:
    enum Column { File, Size, Check, Sha256 };

    explicit ModelFileList(QWidget *parent = nullptr);

    // Shows `files` with no check result (the Check column hidden).
    void showFiles(const std::vector<ModelFile> &files);
    void showCheck(const FileCheck &check);
    // What Copy puts on the clipboard for the selected rows.
    QString selectedText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void copySelection();
    void copyHash();
    void applyCheck();

    std::optional<FileCheck> m_check;

    QAction *m_copy = nullptr;
    QAction *m_copyHash = nullptr;
};

} // namespace llmos
