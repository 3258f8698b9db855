#pragma once

#include <QWidget>

class QLabel;
class QTreeWidget;

namespace llmos {

struct ModelInspection;

// A model's tensors as its weight files' headers describe them: a summary line (how
// many, parameters, how many of each data type) over a list of every tensor with its
// type, shape and size, and for sharded folders the file that holds it. A model whose
// headers could not be read shows why instead.
class ModelTensorList : public QWidget {
    Q_OBJECT
public:
    enum Column { Name, Type, Shape, Size };

    explicit ModelTensorList(QWidget *parent = nullptr);

    // `inspection` null: `error` says why there is nothing to show.
    void showTensors(const ModelInspection *inspection, const QString &error);

    QTreeWidget *tree() const { return m_tree; }
    QString summary() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QLabel *m_summary = nullptr;
    QTreeWidget *m_tree = nullptr;
    const ModelInspection *m_inspection = nullptr; // owned by the details it came with
    QString m_error;
};

} // namespace llmos
