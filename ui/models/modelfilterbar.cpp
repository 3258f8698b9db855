#include "models/modelfilterbar.h"

#include "models/modeltext.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLineEdit>

#include <array>

namespace llmos {

namespace {

constexpr std::uint64_t kGiB = 1024ull * 1024 * 1024;

struct SizeRange {
    const char *label;
    std::optional<std::uint64_t> min;
    std::optional<std::uint64_t> max;
};
const std::array kSizeRanges{
    SizeRange{QT_TRANSLATE_NOOP("llmos::ModelFilterBar", "Any size"), std::nullopt, std::nullopt},
    SizeRange{QT_TRANSLATE_NOOP("llmos::ModelFilterBar", "Under 1 GiB"), std::nullopt, kGiB - 1},
    SizeRange{QT_TRANSLATE_NOOP("llmos::ModelFilterBar", "1–10 GiB"), kGiB, 10 * kGiB - 1},
    SizeRange{QT_TRANSLATE_NOOP("llmos::ModelFilterBar", "Over 10 GiB"), 10 * kGiB, std::nullopt},
};

constexpr std::array kOrigins{ModelOrigin::Imported, ModelOrigin::FineTuned, ModelOrigin::Quantized,
                              ModelOrigin::Adapter,  ModelOrigin::Merged,    ModelOrigin::Exported};
constexpr std::array kTasks{ModelTask::TextGeneration, ModelTask::Classification, ModelTask::Embeddings};

// The lists start their entries with a capital, where the script has one.
QString capitalized(QString text)
{
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

QComboBox *filterCombo(const char *objectName, QWidget *parent)
{
    auto *combo = new QComboBox(parent);
    combo->setObjectName(QString::fromLatin1(objectName));
    // As wide as its longest entry when there is room; narrower (elided) in a small window.
    combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    combo->setMinimumWidth(72);
    return combo;
}

} // namespace

ModelFilterBar::ModelFilterBar(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("modelSearch"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(120);
    layout->addWidget(m_search, 1);

    m_family = filterCombo("familyFilter", this);
    m_family->addItem(QString());
    m_task = filterCombo("taskFilter", this);
    m_task->addItem(QString(), static_cast<int>(ModelTask::Any));
    for (const ModelTask task : kTasks)
        m_task->addItem(QString(), static_cast<int>(task));
    m_origin = filterCombo("originFilter", this);
    m_origin->addItem(QString(), -1);
    for (const ModelOrigin origin : kOrigins)
        m_origin->addItem(QString(), static_cast<int>(origin));
    m_tag = filterCombo("tagFilter", this);
    m_tag->addItem(QString());
    m_size = filterCombo("sizeFilter", this);
    for (std::size_t i = 0; i < kSizeRanges.size(); ++i)
        m_size->addItem(QString(), static_cast<int>(i));
    for (QComboBox *combo : {m_family, m_task, m_origin, m_tag, m_size}) {
        layout->addWidget(combo);
        connect(combo, &QComboBox::currentIndexChanged, this, &ModelFilterBar::comboChanged);
    }

    m_typingPause.setSingleShot(true);
    m_typingPause.setInterval(kTypingPauseMs);
    connect(&m_typingPause, &QTimer::timeout, this, &ModelFilterBar::changed);
    connect(m_search, &QLineEdit::textChanged, this, [this] {
        if (!m_quiet)
            m_typingPause.start();
    });
    retranslate();
}

ModelFilter ModelFilterBar::filter() const
{
    ModelFilter f;
    f.query.text = m_search->text().trimmed().toStdString();
    f.query.family = m_family->currentData().toString().toStdString();
    f.query.tag = m_tag->currentData().toString().toStdString();
    if (const int origin = m_origin->currentData().toInt(); origin >= 0)
        f.query.origin = static_cast<ModelOrigin>(origin);
    const SizeRange &range = kSizeRanges[static_cast<std::size_t>(std::max(0, m_size->currentIndex()))];
    f.query.minSize = range.min;
    f.query.maxSize = range.max;
    f.task = static_cast<ModelTask>(m_task->currentData().toInt());
    return f;
}

void ModelFilterBar::setChoices(QComboBox *combo, const QStringList &values)
{
    // Item 0 is "All …"; the rest are the values, each its own data.
    const QString chosen = combo->currentData().toString();
    while (combo->count() > 1)
        combo->removeItem(1);
    for (const QString &value : values)
        combo->addItem(value, value);
    // A choice no longer offered (its last model was deleted) still filters until changed,
    // so it stays in the list rather than silently widening the filter.
    if (!chosen.isEmpty() && combo->findData(chosen) < 0)
        combo->addItem(chosen, chosen);
    combo->setCurrentIndex(std::max(0, combo->findData(chosen)));
}

void ModelFilterBar::setFacets(const ModelFacets &facets)
{
    m_quiet = true;
    setChoices(m_family, facets.families);
    setChoices(m_tag, facets.tags);
    m_quiet = false;
}

void ModelFilterBar::clear()
{
    m_quiet = true;
    m_typingPause.stop();
    m_search->clear();
    for (QComboBox *combo : {m_family, m_task, m_origin, m_tag, m_size})
        combo->setCurrentIndex(0);
    m_quiet = false;
    Q_EMIT changed();
}

void ModelFilterBar::comboChanged()
{
    if (m_quiet)
        return;
    m_typingPause.stop(); // the query below includes what was typed
    Q_EMIT changed();
}

void ModelFilterBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ModelFilterBar::retranslate()
{
    m_search->setPlaceholderText(tr("Search names, families, architectures…"));
    m_family->setItemText(0, tr("All families"));
    m_task->setItemText(0, tr("Any task"));
    for (int i = 1; i < m_task->count(); ++i)
        m_task->setItemText(i, capitalized(ModelText::task(static_cast<ModelTask>(m_task->itemData(i).toInt()))));
    m_origin->setItemText(0, tr("Any origin"));
    for (int i = 1; i < m_origin->count(); ++i)
        m_origin->setItemText(i,
                              capitalized(ModelText::origin(static_cast<ModelOrigin>(m_origin->itemData(i).toInt()))));
    m_tag->setItemText(0, tr("Any tag"));
    for (int i = 0; i < m_size->count(); ++i)
        m_size->setItemText(i, tr(kSizeRanges[static_cast<std::size_t>(i)].label));
    m_search->setToolTip(tr("Matches part of a model's name, description, architecture or family"));
    m_task->setToolTip(tr("Derived from the architecture: …ForCausalLM generates text, "
                          "…ForSequenceClassification classifies, a bare encoder (BertModel) embeds"));
}

} // namespace llmos
