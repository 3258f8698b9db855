#include "models/modelcardbrowser.h"

#include <QDesktopServices>
#include <QRegularExpression>

namespace llmos {

ModelCardBrowser::ModelCardBrowser(QWidget *parent)
    : QTextBrowser(parent)
{
    setObjectName(QStringLiteral("modelCard"));
    setOpenLinks(false);
    setOpenExternalLinks(false);
    connect(this, &QTextBrowser::anchorClicked, this, &ModelCardBrowser::openLink);
}

void ModelCardBrowser::showCard(const QString &markdown, const QString &placeholder)
{
    const QString text = withoutFrontMatter(markdown);
    if (text.trimmed().isEmpty()) {
        setPlainText(placeholder);
        return;
    }
    setMarkdown(text);
}

QVariant ModelCardBrowser::loadResource(int, const QUrl &)
{
    return {};
}

QString ModelCardBrowser::withoutFrontMatter(const QString &markdown)
{
    static const QRegularExpression frontMatter(
        QStringLiteral("\\A---[ \\t]*\\r?\\n(?:.*?\\r?\\n)?---[ \\t]*(?:\\r?\\n|\\z)"),
        QRegularExpression::DotMatchesEverythingOption);
    QString text = markdown;
    return text.remove(frontMatter);
}

void ModelCardBrowser::openLink(const QUrl &url)
{
    if (url.scheme().isEmpty() && url.hasFragment()) {
        scrollToAnchor(url.fragment()); // a heading of the card itself
        return;
    }
    // Only web and mail links: a card must not open local files or other programs.
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("https") && scheme != QLatin1String("http") && scheme != QLatin1String("mailto"))
        return;
    QDesktopServices::openUrl(url);
    Q_EMIT linkOpened(url);
}

} // namespace llmos
