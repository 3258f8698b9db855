#pragma once

#include <QTextBrowser>

namespace llmos {

// Shows a model card (README.md) rendered from Markdown. A card is text someone else
// wrote, so it loads nothing by itself: no images, local or remote (loadResource
// returns nothing), and a link opens in the system's browser only when clicked. The
// YAML front matter of Hugging Face cards (license, tags) is left out: the
// configuration tab shows those facts.
class ModelCardBrowser : public QTextBrowser {
    Q_OBJECT
public:
    explicit ModelCardBrowser(QWidget *parent = nullptr);

    // An empty card shows `placeholder` instead.
    void showCard(const QString &markdown, const QString &placeholder);

    QVariant loadResource(int type, const QUrl &name) override;

    static QString withoutFrontMatter(const QString &markdown);

Q_SIGNALS:
    // A link was clicked and handed to the system (tests listen here).
    void linkOpened(const QUrl &url);

private:
    void openLink(const QUrl &url);
};

} // namespace llmos
