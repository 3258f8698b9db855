#include "finetune/trainablepicker.h"

#include "finetune/designerstyle.h"
#include "finetune/runplanning.h"
#include "models/modeltext.h"
#include "tasks/onworker.h"
#include "widgets/flowlayout.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace llmos {

namespace {

// Long enough that typing "16" counts once, short enough to feel live.
constexpr int kCountDelayMs = 200;
constexpr int kVisibleModuleRows = 8;

enum Column { NameColumn, ParametersColumn, TrainedColumn };

QString countText(std::int64_t count)
{
    return ModelText::parameters(static_cast<std::uint64_t>(std::max<std::int64_t>(0, count)));
}

std::vector<std::string> namesIn(const nlohmann::json &value)
{
    std::vector<std::string> names;
    if (value.is_string())
        names.push_back(value.get<std::string>());
    else if (value.is_array())
        for (const auto &item : value)
            if (item.is_string())
                names.push_back(item.get<std::string>());
    return names;
}

} // namespace

TrainablePicker::TrainablePicker(std::string registryHome, QWidget *parent)
    : QWidget(parent)
    , m_home(std::move(registryHome))
{
    setObjectName(QStringLiteral("trainablePicker"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 12, 0, 0);
    layout->setSpacing(6);
    m_title = new QLabel(this);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_totals = new QLabel(this);
    m_totals->setObjectName(QStringLiteral("trainableTotals"));
    m_totals->setWordWrap(true);
    m_totals->setTextFormat(Qt::PlainText);
    m_memory = new QLabel(this);
    m_memory->setObjectName(QStringLiteral("trainableMemory"));
    m_memory->setWordWrap(true);
    m_memory->setTextFormat(Qt::PlainText);
    m_modulesHint = new QLabel(this);
    m_modulesHint->setWordWrap(true);
    m_modulesHint->setStyleSheet(QStringLiteral("color: palette(mid);"));
    m_modules = new QTreeWidget(this);
    m_modules->setObjectName(QStringLiteral("trainableModules"));
    m_modules->setColumnCount(3);
    m_modules->setRootIsDecorated(false);
    m_modules->setUniformRowHeights(true);
    m_modules->setSelectionMode(QAbstractItemView::NoSelection);
    m_modules->header()->setStretchLastSection(false);
    m_modules->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_modules->header()->setSectionResizeMode(ParametersColumn, QHeaderView::ResizeToContents);
    m_modules->header()->setSectionResizeMode(TrainedColumn, QHeaderView::ResizeToContents);
    m_layersTitle = new QLabel(this);
    m_layersTitle->setWordWrap(true);
    m_layersBox = new QWidget(this);
    m_layersFlow = new FlowLayout(m_layersBox, 4);
    m_layersFlow->setContentsMargins(0, 0, 0, 0);
    for (QWidget *widget : {static_cast<QWidget *>(m_title), static_cast<QWidget *>(m_totals),
                            static_cast<QWidget *>(m_memory), static_cast<QWidget *>(m_modulesHint),
                            static_cast<QWidget *>(m_modules), static_cast<QWidget *>(m_layersTitle), m_layersBox})
        layout->addWidget(widget);

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kCountDelayMs);
    connect(m_debounce, &QTimer::timeout, this, &TrainablePicker::count);
    connect(m_modules, &QTreeWidget::itemChanged, this, &TrainablePicker::onModuleToggled);
    retranslate();
    clear({});
}

void TrainablePicker::setRecipeDocument(const nlohmann::json &document)
{
    const auto *model = document.contains("model") ? &document["model"] : nullptr;
    if (!model || !model->is_object() || !model->contains("path")) {
        clear({});
        return;
    }
    nlohmann::json counted = document;
    // What trains does not depend on the data; the recipe reader wants a file named.
    if (!counted.contains("dataset") || !counted["dataset"].is_object())
        counted["dataset"] = nlohmann::json::object();
    if (!counted["dataset"].contains("path"))
        counted["dataset"]["path"] = "-";
    try {
        m_recipe = parseTrainingRecipe(counted, "recipe");
    } catch (const std::exception &) {
        clear(tr("The counts follow when the model and the method's settings are valid."));
        return;
    }
    m_pending = true;
    ++m_generation; // a count still running is for an older recipe
    m_debounce->start();
}

void TrainablePicker::clear(const QString &why)
{
    m_debounce->stop();
    m_pending = false;
    m_counting = false; // a count still running is dropped when it ends
    ++m_generation;
    m_preview.reset();
    m_totals->setStyleSheet(QStringLiteral("color: palette(mid);"));
    m_totals->setText(why.isEmpty() ? tr("Choose a model to see what the method trains.") : why);
    m_memory->clear();
    fillModules();
    fillLayers();
    retranslate();
}

void TrainablePicker::count()
{
    m_pending = false;
    if (m_recipe.modelPath.empty()) {
        clear({});
        Q_EMIT counted();
        return;
    }
    m_counting = true;
    const quint64 generation = m_generation;
    onWorker<TrainablePreview>(
        this, [home = m_home, recipe = m_recipe] { return previewTrainableOnThisMachine(home, recipe); },
        [this, generation](const TrainablePreview &preview, const QString &error) {
            if (generation != m_generation)
                return; // edited meanwhile: the newer count follows
            m_counting = false;
            if (error.isEmpty())
                show(preview);
            else
                showProblem(error);
            Q_EMIT counted();
        });
}

void TrainablePicker::show(const TrainablePreview &preview)
{
    m_preview = preview;
    m_totals->setStyleSheet(QString());  // black: the figure the picks change
    const auto fits = preview.memory.total() <= preview.memoryAvailable;
    m_memory->setStyleSheet(fits ? QStringLiteral("color: palette(mid);") : designerErrorStyle(*this));
    fillModules();
    fillLayers();
    retranslate();
}

void TrainablePicker::showProblem(const QString &text)
{
    m_preview.reset();
    m_totals->setStyleSheet(designerErrorStyle(*this));
    m_totals->setText(tr("Cannot count what trains: %1").arg(text));
    m_memory->clear();
    fillModules();
    fillLayers();
    retranslate();
}

QString TrainablePicker::totalsText() const
{
    return m_totals->text();
}

TrainablePicker::Picking TrainablePicker::picking() const
{
    const auto kind = m_recipe.methodKind();
    if (kind == "lora" || kind == "adalora")
        return Picking::AdapterTargets;
    if (kind == "freeze")
        return Picking::FrozenParts;
    return Picking::Nothing;
}

void TrainablePicker::fillModules()
{
    const QSignalBlocker blocker(m_modules); // filling is not the user's pick
    m_modules->clear();
    m_modules->setVisible(m_preview.has_value());
    if (!m_preview)
        return;
    const auto &summary = m_preview->trainable;
    const auto mode = picking();
    for (const auto &group : summary.modules) {
        auto *item = new QTreeWidgetItem(m_modules);
        const auto name = QString::fromStdString(group.name);
        item->setText(NameColumn, name);
        item->setData(NameColumn, Qt::UserRole, name);
        item->setText(ParametersColumn, countText(group.parameters));
        item->setText(TrainedColumn, group.trainable == 0 ? QStringLiteral("–") : countText(group.trainable));
        item->setTextAlignment(ParametersColumn, Qt::AlignRight | Qt::AlignVCenter);
        item->setTextAlignment(TrainedColumn, Qt::AlignRight | Qt::AlignVCenter);
        const bool linear = std::find(summary.linearModules.begin(), summary.linearModules.end(), group.name)
                            != summary.linearModules.end();
        const bool pickable = mode == Picking::FrozenParts || (mode == Picking::AdapterTargets && linear);
        // Where the method picks, what it cannot pick is greyed (embeddings and norms for LoRA).
        Qt::ItemFlags flags = pickable || mode == Picking::Nothing ? Qt::ItemIsEnabled : Qt::NoItemFlags;
        if (pickable) {
            flags |= Qt::ItemIsUserCheckable;
            Qt::CheckState state = Qt::Checked;
            if (group.trainable == 0)
                state = Qt::Unchecked;
            else if (mode == Picking::FrozenParts && group.trainable < group.parameters)
                state = Qt::PartiallyChecked; // trained in some layers, frozen in others
            item->setCheckState(NameColumn, state);
        }
        item->setFlags(flags);
    }
    const int rows = std::min<int>(kVisibleModuleRows, m_modules->topLevelItemCount());
    const int rowHeight = m_modules->sizeHintForRow(0) > 0 ? m_modules->sizeHintForRow(0) : fontMetrics().height() + 6;
    m_modules->setFixedHeight(m_modules->header()->sizeHint().height() + rows * rowHeight + 2 * m_modules->frameWidth());
}

void TrainablePicker::fillLayers()
{
    for (auto *button : m_layerButtons)
        delete button;
    m_layerButtons.clear();
    const bool shown = m_preview && m_preview->trainable.layerCount > 0;
    m_layersTitle->setVisible(shown);
    m_layersBox->setVisible(shown);
    if (!shown)
        return;
    const auto mode = picking();
    const auto &layers = m_preview->trainable.layers;
    for (int i = 0; i < static_cast<int>(layers.size()); ++i) {
        auto *button = new QToolButton(m_layersBox);
        button->setText(QString::number(i));
        button->setCheckable(true);
        // A pressed look alone is faint in most styles: a ticked layer is filled.
        button->setStyleSheet(QStringLiteral(
            "QToolButton { border: 1px solid palette(mid); border-radius: 3px; padding: 2px 6px; }"
            "QToolButton:checked { background: palette(highlight); color: palette(highlighted-text); "
            "border-color: palette(highlight); }"));
        button->setChecked(layers[static_cast<std::size_t>(i)].trainable > 0);
        button->setEnabled(mode != Picking::Nothing);
        button->setMinimumWidth(button->fontMetrics().horizontalAdvance(QStringLiteral("000")) + 8);
        button->setToolTip(tr("Layer %1: %2 parameters, %3 trained")
                               .arg(i)
                               .arg(countText(layers[static_cast<std::size_t>(i)].parameters),
                                    countText(layers[static_cast<std::size_t>(i)].trainable)));
        connect(button, &QToolButton::clicked, this, [this, i] { onLayerClicked(i); });
        m_layersFlow->addWidget(button);
        m_layerButtons.push_back(button);
    }
}

void TrainablePicker::onModuleToggled(QTreeWidgetItem *item)
{
    const auto kind = item->data(NameColumn, Qt::UserRole).toString().toStdString();
    const bool wantTrained = item->checkState(NameColumn) != Qt::Unchecked;
    if (picking() == Picking::AdapterTargets) {
        nlohmann::json targets = nlohmann::json::array();
        for (int row = 0; row < m_modules->topLevelItemCount(); ++row) {
            const auto *candidate = m_modules->topLevelItem(row);
            if ((candidate->flags() & Qt::ItemIsUserCheckable) && candidate->checkState(NameColumn) != Qt::Unchecked)
                targets.push_back(candidate->data(NameColumn, Qt::UserRole).toString().toStdString());
        }
        if (targets.empty()) { // an adapter needs somewhere to go: keep this one
            const QSignalBlocker blocker(m_modules);
            item->setCheckState(NameColumn, Qt::Checked);
            return;
        }
        Q_EMIT methodOptionEdited("target_modules", targets);
    } else if (picking() == Picking::FrozenParts) {
        auto frozen = namesIn(m_recipe.method.value("modules", nlohmann::json()));
        frozen.erase(std::remove(frozen.begin(), frozen.end(), kind), frozen.end());
        if (!wantTrained)
            frozen.push_back(kind);
        Q_EMIT methodOptionEdited("modules", frozen.empty() ? nlohmann::json() : nlohmann::json(frozen));
    }
}

void TrainablePicker::onLayerClicked(int layer)
{
    if (!m_preview)
        return;
    if (picking() == Picking::AdapterTargets) {
        nlohmann::json chosen = nlohmann::json::array();
        for (int i = 0; i < m_layerButtons.size(); ++i)
            if (m_layerButtons[i]->isChecked())
                chosen.push_back(i);
        if (chosen.empty()) {
            m_layerButtons[layer]->setChecked(true); // at least one layer keeps its adapters
            return;
        }
        const bool every = static_cast<int>(chosen.size()) == m_layerButtons.size();
        Q_EMIT methodOptionEdited("layers_to_transform", every ? nlohmann::json() : chosen);
    } else if (picking() == Picking::FrozenParts) {
        // The first layers are frozen: a click on a trained layer freezes it and those
        // below; a click on a frozen one trains it and those above.
        const bool wasTrained = !m_layerButtons[layer]->isChecked();
        const int frozenLayers = wasTrained ? layer + 1 : layer;
        Q_EMIT methodOptionEdited("layers", frozenLayers == 0 ? nlohmann::json() : nlohmann::json(frozenLayers));
    }
}

void TrainablePicker::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void TrainablePicker::retranslate()
{
    m_title->setText(tr("What trains"));
    m_modules->setHeaderLabels({tr("Module"), tr("Parameters"), tr("Trained")});
    m_modulesHint->setVisible(m_preview.has_value());
    switch (picking()) {
    case Picking::AdapterTargets:
        m_modulesHint->setText(tr("Tick the modules that get an adapter, and the layers that get them."));
        m_layersTitle->setText(tr("Layers with adapters:"));
        break;
    case Picking::FrozenParts:
        m_modulesHint->setText(tr("Untick a module to freeze it. Click a layer to freeze it and the layers below it."));
        m_layersTitle->setText(tr("Trained layers (the first ones are frozen):"));
        break;
    case Picking::Nothing:
        m_modulesHint->setText(tr("This method decides what trains; the counts show where it is."));
        m_layersTitle->setText(tr("Layers that train:"));
        break;
    }
    if (!m_preview)
        return;
    const auto &summary = m_preview->trainable;
    m_totals->setText(tr("Trains %1 of %2 parameters (%3 %).")
                          .arg(countText(summary.trainableParameters), countText(summary.totalParameters),
                               ModelText::percent(summary.trainableParameters, summary.totalParameters)));
    m_memory->setText(tr("A run needs about %1 of memory (weights %2, gradients and optimizer %3, activations %4); "
                         "%5 is free for it now.")
                          .arg(ModelText::size(m_preview->memory.total()), ModelText::size(m_preview->memory.weights),
                               ModelText::size(m_preview->memory.gradients + m_preview->memory.optimizerState),
                               ModelText::size(m_preview->memory.activations),
                               ModelText::size(m_preview->memoryAvailable)));
}

} // namespace llmos
