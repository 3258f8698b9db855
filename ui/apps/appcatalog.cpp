#include "apps/appcatalog.h"

#include "apps/arena/arenaapp.h"
#include "apps/chat/chatplayground.h"
#include "apps/classify/classifierapp.h"
#include "apps/monitor/streammonitor.h"
#include "apps/search/searchapp.h"

#include <QCoreApplication>

namespace llmos {

const std::vector<AppDescriptor> &appCatalog()
{
    static const std::vector<AppDescriptor> apps = {
        {QStringLiteral("chat"), QT_TRANSLATE_NOOP("llmos::AppCatalog", "Chat playground"),
         QT_TRANSLATE_NOOP("llmos::AppCatalog",
                           "Talk with a model: system prompt, sampling settings, streamed answers you can stop, "
                           "regenerate or edit, with token counts and speed. Conversations are kept."),
         AppModelKind::Generative,
         [](AppServices &services, QWidget *parent) -> QWidget * { return new ChatPlayground(services, parent); }},
        {QStringLiteral("arena"), QT_TRANSLATE_NOOP("llmos::AppCatalog", "Arena"),
         QT_TRANSLATE_NOOP("llmos::AppCatalog",
                           "One prompt to two to four models side by side (a base model against its fine-tune, say), "
                           "with an optional blind vote kept as evaluation data."),
         AppModelKind::Generative,
         [](AppServices &services, QWidget *parent) -> QWidget * { return new ArenaApp(services, parent); }},
        {QStringLiteral("classify"), QT_TRANSLATE_NOOP("llmos::AppCatalog", "Text classification"),
         QT_TRANSLATE_NOOP("llmos::AppCatalog",
                           "Label a text (sentiment, topic...) with each label's probability and a decision threshold, "
                           "or every row of a CSV file, with accuracy, F1 and a confusion matrix when it has labels."),
         AppModelKind::Classifier,
         [](AppServices &services, QWidget *parent) -> QWidget * { return new ClassifierApp(services, parent); }},
        {QStringLiteral("search"), QT_TRANSLATE_NOOP("llmos::AppCatalog", "Semantic search"),
         QT_TRANSLATE_NOOP("llmos::AppCatalog",
                           "Search a folder of text files or a column of a table by meaning, with the passages that "
                           "match and \"more like this\" from any result. The index is kept and updated as files "
                           "change."),
         AppModelKind::Embedding,
         [](AppServices &services, QWidget *parent) -> QWidget * { return new SearchApp(services, parent); }},
        {QStringLiteral("monitor"), QT_TRANSLATE_NOOP("llmos::AppCatalog", "Stream monitor"),
         QT_TRANSLATE_NOOP("llmos::AppCatalog",
                           "Watch a growing file of posts or messages, classify each new one, chart the labels over "
                           "time and raise an alert when a label's share crosses a threshold."),
         AppModelKind::Classifier,
         [](AppServices &services, QWidget *parent) -> QWidget * { return new StreamMonitor(services, parent); }},
    };
    return apps;
}

QString modelKindText(AppModelKind kind)
{
    switch (kind) {
    case AppModelKind::Generative: return QCoreApplication::translate("llmos::AppCatalog", "Runs on generative models");
    case AppModelKind::Classifier: return QCoreApplication::translate("llmos::AppCatalog", "Runs on classifier models");
    case AppModelKind::Embedding:
        return QCoreApplication::translate("llmos::AppCatalog", "Runs on embedding models (or a language model)");
    }
    return {};
}

} // namespace llmos
