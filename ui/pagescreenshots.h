#pragma once

#include <QObject>
#include <QString>

namespace llmos {

class MainWindow;

// Saves a PNG of every page of the window into a folder (for docs and reviews), waiting
// for what loads asynchronously (widgets with a `loading` property) without blocking
// the event loop. A page with more than one view worth showing (the model browser's
// cards and lineage) lists them with an invokable screenshotVariants() and shows each
// with showScreenshotVariant(name); each becomes NN-page-name.png.
class PageScreenshots : public QObject {
    Q_OBJECT
public:
    PageScreenshots(MainWindow &window, QString folder, QObject *parent = nullptr);
    void start();

Q_SIGNALS:
    void finished(bool ok);

private:
    void captureCurrent();
    void showNext();

    MainWindow &m_window;
    QString m_folder;
    int m_index = 0;
    QStringList m_variants; // of the current page, still to capture
    QString m_variant;      // being captured; empty: the page as it opened
    int m_waitedMs = 0;
};

} // namespace llmos
