#pragma once

#include <QWidget>

class QLabel;
class QMenu;
class QPushButton;

namespace llmos {

// What the Models page shows while the registry holds no model: what to do next (drop a
// model on the window, or Import…) and what works from a terminal. It looks like a
// drop zone, because that is what it is (the whole window is).
class ModelEmptyState : public QWidget {
    Q_OBJECT
public:
    // `importMenu` is the page's Import menu (a folder, a file), shared with its toolbar.
    explicit ModelEmptyState(QMenu *importMenu, QWidget *parent = nullptr);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QLabel *m_title = nullptr;
    QLabel *m_text = nullptr;
    QPushButton *m_import = nullptr;
    QLabel *m_terminal = nullptr;
};

} // namespace llmos
