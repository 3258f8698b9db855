#pragma once

#include <QObject>
#include <QString>

namespace llmos {

class MainWindow;

// Saves a PNG of every page of the window into a folder (for docs and reviews), waiting
// for what loads asynchronously (widgets with a `loading` property) without blocking
// the event loop.
class PageScreenshots : public QObject {
    Q_OBJECT
public:
    PageScreenshots(MainWindow &window, QString folder, QObject *parent = nullptr);
    void start();

Q_SIGNALS:
    void finished(bool ok);

private:
    void captureCurrent();

    MainWindow &m_window;
    QString m_folder;
    int m_index = 0;
    int m_waitedMs = 0;
};

} // namespace llmos
