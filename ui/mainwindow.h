#pragma once

#include <QMainWindow>

class QListWidget;
class QStackedWidget;

namespace llmos {

// The workbench window. It only composes pages: a sidebar on the left selects one page
// of the stack; each page is its own widget with its own logic.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);

    int pageCount() const;
    QString pageId(int index) const;
    void showPage(int index);
    QWidget *page(int index) const;

private:
    void addPage(const QString &id, const QString &title, QWidget *page);

    QListWidget *m_sidebar = nullptr;
    QStackedWidget *m_pages = nullptr;
    QStringList m_pageIds;
};

} // namespace llmos
