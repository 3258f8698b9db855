#pragma once

#include <QLabel>

namespace llmos {

// A status bar label that a left click activates (it shows the page behind it).
class ClickableLabel : public QLabel {
    Q_OBJECT
public:
    explicit ClickableLabel(QWidget *parent = nullptr);

Q_SIGNALS:
    void clicked();

protected:
    void mouseReleaseEvent(QMouseEvent *event) override;
};

} // namespace llmos
