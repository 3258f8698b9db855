#pragma once

#include <QStringList>
#include <QWidget>

class QLineEdit;

namespace llmos {

class FlowLayout;

// A model's tags, edited in place: each tag a chip with a × that asks to remove it, and
// a field at the end where typing a tag and pressing Enter asks to add it. The editor
// only asks; the tags shown change when the registry says they did (setTags).
class TagEditor : public QWidget {
    Q_OBJECT
public:
    explicit TagEditor(QWidget *parent = nullptr);

    void setTags(const QStringList &tags);
    QStringList tags() const { return m_tags; }
    // The chip of `tag` (its × button is the child named "removeTag"); nullptr if none.
    QWidget *chip(const QString &tag) const;

Q_SIGNALS:
    void addRequested(const QString &tag);
    void removeRequested(const QString &tag);

protected:
    void changeEvent(QEvent *event) override;

private:
    QWidget *makeChip(const QString &tag);
    void retranslate();

    FlowLayout *m_flow = nullptr;
    QLineEdit *m_add = nullptr;
    QStringList m_tags;
    QList<QWidget *> m_chips;
};

} // namespace llmos
