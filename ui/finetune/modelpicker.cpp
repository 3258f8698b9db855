#include "finetune/modelpicker.h"

#include "models/modeltext.h"
#include "registry/modelregistry.h"

#include <QEvent>
#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace llmos {

namespace {

std::vector<ModelRecord> trainableModels(const std::string &home)
{
    ModelQuery query;
    query.format = ModelFormat::HuggingFace;
    std::vector<ModelRecord> models;
    for (auto &model : ModelRegistry(home).list(query))
        if (model.status == ModelStatus::Ready && model.origin != ModelOrigin::Adapter)
            models.push_back(std::move(model));
    return models;
}

} // namespace

ModelPicker::ModelPicker(std::string registryHome, QWidget *parent)
    : QWidget(parent)
    , m_home(std::move(registryHome))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_hint = new QLabel(this);
    m_hint->setWordWrap(true);
    layout->addWidget(m_hint);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("modelList"));
    m_list->setAlternatingRowColors(true);
    m_list->setStyleSheet(QStringLiteral("QListWidget::item { padding: 6px; }"));
    layout->addWidget(m_list, 1);
    connect(m_list, &QListWidget::currentRowChanged, this, &ModelPicker::selectionChanged);
    connect(&m_watcher, &QFutureWatcher<std::vector<ModelRecord>>::finished, this, [this] {
        try {
            m_models = m_watcher.result();
        } catch (const std::exception &) {
            m_models.clear(); // an unreadable registry: the models page explains it
        }
        showModels();
        Q_EMIT loaded();
    });
    retranslate();
    refresh();
}

void ModelPicker::refresh()
{
    if (m_watcher.isRunning())
        return;
    m_watcher.setFuture(QtConcurrent::run([home = m_home] { return trainableModels(home); }));
}

void ModelPicker::showModels()
{
    const QString current = !m_wanted.isEmpty() ? m_wanted : selectedModel() ? QString::fromStdString(selectedModel()->id) : QString();
    m_list->clear();
    for (const ModelRecord &model : m_models) {
        QStringList detail;
        if (!model.family.empty())
            detail << QString::fromStdString(model.family);
        if (model.parameterCount > 0)
            detail << ModelText::parameters(model.parameterCount);
        detail << ModelText::size(model.sizeBytes);
        m_list->addItem(QStringLiteral("%1    (%2)").arg(QString::fromStdString(model.name), detail.join(QStringLiteral(", "))));
    }
    if (!current.isEmpty())
        selectModel(current);
    retranslate();
}

std::optional<ModelRecord> ModelPicker::selectedModel() const
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= int(m_models.size()))
        return std::nullopt;
    return m_models[std::size_t(row)];
}

bool ModelPicker::selectModel(const QString &idOrName)
{
    for (std::size_t i = 0; i < m_models.size(); ++i) {
        if (QString::fromStdString(m_models[i].id) == idOrName || QString::fromStdString(m_models[i].name) == idOrName) {
            m_list->setCurrentRow(int(i));
            m_wanted.clear();
            return true;
        }
    }
    m_wanted = idOrName;
    return false;
}

void ModelPicker::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ModelPicker::retranslate()
{
    m_hint->setText(m_models.empty() && !m_watcher.isRunning()
                        ? tr("No model to fine-tune yet. Import a Hugging Face model folder on the Models page "
                             "(or make the demo models there), then come back.")
                        : tr("Pick the model to start from. Smaller models train faster; the result is saved as a "
                             "new model and the original stays as it is."));
}

} // namespace llmos
