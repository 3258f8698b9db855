#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace llmos {

// What the browser shows when models exist but the filters leave none: says so, with
// a button that clears the filters.
class NoMatchState : public QWidget {
    Q_OBJECT
public:
    explicit NoMatchState(QWidget *parent = nullptr);

Q_SIGNALS:
    void clearRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QLabel *m_text = nullptr;
    QPushButton *m_clear = nullptr;
};

} // namespace llmos
