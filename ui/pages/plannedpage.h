#pragma once

#include <QWidget>

class QLabel;

namespace llmos {

// A page whose feature is not built yet: says plainly what it will hold and, where one
// exists, what to use meanwhile, instead of showing empty controls that do nothing.
// The texts are source strings marked with QT_TRANSLATE_NOOP("llmos::PlannedPage", ...),
// translated here, so the page follows a language switch by itself.
class PlannedPage : public QWidget {
    Q_OBJECT
public:
    PlannedPage(const char *title, const char *description, const char *meanwhile, QWidget *parent = nullptr);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    const char *m_titleSource;
    const char *m_descriptionSource;
    const char *m_meanwhileSource; // may be null
    QLabel *m_title = nullptr;
    QLabel *m_description = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_meanwhile = nullptr;
};

} // namespace llmos
