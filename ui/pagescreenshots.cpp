#include "pagescreenshots.h"

#include "mainwindow.h"

#include <QDir>
#include <QPixmap>
#include <QTextStream>
#include <QTimer>

#include <algorithm>

namespace llmos {

namespace {
constexpr int kPollMs = 50;
constexpr int kMaxWaitMs = 60000;

// Anything on screen still gathering its figures (a page measuring the machine, the
// status bar's first samples) says so with a `loading` property.
bool showsLoadingWidget(const QWidget &window)
{
    const auto widgets = window.findChildren<QWidget *>();
    return std::any_of(widgets.begin(), widgets.end(), [](const QWidget *widget) {
        return widget->isVisible() && widget->property("loading").toBool();
    });
}
} // namespace

PageScreenshots::PageScreenshots(MainWindow &window, QString folder, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_folder(std::move(folder))
{
}

void PageScreenshots::start()
{
    if (!QDir().mkpath(m_folder)) {
        QTextStream(stderr) << "llmos: cannot create " << m_folder << '\n';
        Q_EMIT finished(false);
        return;
    }
    m_window.show();
    m_window.showPage(0);
    QTimer::singleShot(kPollMs, this, &PageScreenshots::captureCurrent);
}

void PageScreenshots::captureCurrent()
{
    if (showsLoadingWidget(m_window) && m_waitedMs < kMaxWaitMs) {
        m_waitedMs += kPollMs;
        QTimer::singleShot(kPollMs, this, &PageScreenshots::captureCurrent);
        return;
    }
    QString name = QStringLiteral("%1-%2").arg(m_index + 1, 2, 10, QLatin1Char('0')).arg(m_window.pageId(m_index));
    if (!m_variant.isEmpty())
        name += QLatin1Char('-') + m_variant;
    const QString file = QDir(m_folder).filePath(name + QStringLiteral(".png"));
    if (!m_window.grab().save(file)) {
        QTextStream(stderr) << "llmos: cannot write " << file << '\n';
        Q_EMIT finished(false);
        return;
    }
    QTextStream(stdout) << file << '\n';
    QWidget *page = m_window.page(m_index);
    if (m_variant.isEmpty() && page->metaObject()->indexOfMethod("screenshotVariants()") >= 0)
        QMetaObject::invokeMethod(page, "screenshotVariants", Q_RETURN_ARG(QStringList, m_variants));
    showNext();
}

void PageScreenshots::showNext()
{
    m_waitedMs = 0;
    QWidget *page = m_window.page(m_index);
    if (!m_variants.isEmpty()) {
        m_variant = m_variants.takeFirst();
        QMetaObject::invokeMethod(page, "showScreenshotVariant", Q_ARG(QString, m_variant));
        QTimer::singleShot(kPollMs, this, &PageScreenshots::captureCurrent);
        return;
    }
    if (!m_variant.isEmpty()) {
        m_variant.clear();
        QMetaObject::invokeMethod(page, "showScreenshotVariant", Q_ARG(QString, QString()));
    }
    if (++m_index >= m_window.pageCount()) {
        Q_EMIT finished(true);
        return;
    }
    m_window.showPage(m_index);
    QTimer::singleShot(kPollMs, this, &PageScreenshots::captureCurrent);
}

} // namespace llmos
