#pragma once

#include <QFrame>

class QAction;
class QLabel;
class QToolButton;

namespace llmos {

// A line at the top of a page that tells the person what just happened (a model
// exported) or what went wrong (a tag refused, the registry unreadable), until they
// close it or the next notice replaces it. The text can be selected and copied. An error
// may carry the one action that mends it (e.g. "Rebuild the registry…"), shown as a button.
class NoticeBar : public QFrame {
    Q_OBJECT
public:
    explicit NoticeBar(QWidget *parent = nullptr);

    void showInfo(const QString &text);
    void showError(const QString &text, QAction *remedy = nullptr);
    QString text() const;
    bool isError() const { return m_error; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyStyle();

    QLabel *m_text = nullptr;
    QToolButton *m_remedy = nullptr;
    QToolButton *m_close = nullptr;
    bool m_error = false;
};

} // namespace llmos
