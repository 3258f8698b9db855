#pragma once

#include "models/modelfacets.h"
#include "models/modelfilter.h"

#include <QTimer>
#include <QWidget>

class QComboBox;
class QLineEdit;

namespace llmos {

// The browser's filters in one row: a search field, then family, task, origin, tag and
// size. changed() says the filter is different; typing waits for a short pause
// (kTypingPauseMs) so a fast typist sends one query, not one per key, while the
// choices of the lists take effect at once.
class ModelFilterBar : public QWidget {
    Q_OBJECT
public:
    static constexpr int kTypingPauseMs = 150;

    explicit ModelFilterBar(QWidget *parent = nullptr);

    ModelFilter filter() const;
    bool narrows() const { return filter().narrows(); }
    // The families and tags to offer; a choice still offered stays chosen.
    void setFacets(const ModelFacets &facets);
    // Back to "everything", with one changed().
    void clear();

Q_SIGNALS:
    void changed();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void comboChanged();
    void setChoices(QComboBox *combo, const QStringList &values);

    QLineEdit *m_search = nullptr;
    QComboBox *m_family = nullptr;
    QComboBox *m_task = nullptr;
    QComboBox *m_origin = nullptr;
    QComboBox *m_tag = nullptr;
    QComboBox *m_size = nullptr;
    QTimer m_typingPause;
    bool m_quiet = false; // while clear() or setFacets() change several fields
};

} // namespace llmos
