#include "server/serverconfigpanel.h"

#include "registry/modelregistry.h"
#include "server/apikeydialog.h"
#include "tasks/onworker.h"

#include <QCheckBox>
#include <QDateTime>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QTabWidget>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace llmos {

ServerConfigPanel::ServerConfigPanel(std::string registryHome, QWidget *parent)
    : QWidget(parent)
    , m_home(std::move(registryHome))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_restartHint = new QLabel;
    m_restartHint->setWordWrap(true);
    m_restartHint->setVisible(false);
    layout->addWidget(m_restartHint);
    // Three tabs, so each part has room at the window's default size.
    m_tabs = new QTabWidget;
    auto *access = new QWidget;
    auto *accessLayout = new QVBoxLayout(access);
    accessLayout->addWidget(buildAddress());
    accessLayout->addWidget(buildKeys(), 1);
    m_tabs->addTab(access, QString());
    auto *models = new QWidget;
    auto *modelsLayout = new QVBoxLayout(models);
    modelsLayout->addWidget(buildModels());
    m_tabs->addTab(models, QString());
    auto *limits = new QWidget;
    auto *limitsLayout = new QVBoxLayout(limits);
    limitsLayout->addWidget(buildLimits());
    limitsLayout->addStretch(1);
    m_tabs->addTab(limits, QString());
    layout->addWidget(m_tabs, 1);
    retranslate();
}

QGroupBox *ServerConfigPanel::buildAddress()
{
    m_addressBox = new QGroupBox;
    auto *form = new QFormLayout(m_addressBox);
    m_local = new QRadioButton;
    m_network = new QRadioButton;
    m_local->setChecked(true);
    form->addRow(m_local);
    form->addRow(m_network);
    m_port = new QSpinBox;
    m_port->setRange(0, 65535); // 0: any free port, shown in the status line once started
    m_portLabel = new QLabel;
    form->addRow(m_portLabel, m_port);
    connect(m_network, &QRadioButton::toggled, this, &ServerConfigPanel::edited);
    connect(m_port, &QSpinBox::valueChanged, this, &ServerConfigPanel::edited);
    return m_addressBox;
}

QGroupBox *ServerConfigPanel::buildKeys()
{
    m_keysBox = new QGroupBox;
    auto *box = new QVBoxLayout(m_keysBox);
    m_keys = new QTreeWidget;
    m_keys->setRootIsDecorated(false);
    m_keys->setColumnCount(3);
    m_keys->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    box->addWidget(m_keys);
    auto *buttons = new QHBoxLayout;
    m_newKey = new QPushButton;
    m_removeKey = new QPushButton;
    m_removeKey->setEnabled(false);
    buttons->addWidget(m_newKey);
    buttons->addWidget(m_removeKey);
    buttons->addStretch(1);
    box->addLayout(buttons);
    connect(m_newKey, &QPushButton::clicked, this, &ServerConfigPanel::addKey);
    connect(m_removeKey, &QPushButton::clicked, this, &ServerConfigPanel::removeKey);
    connect(m_keys, &QTreeWidget::itemSelectionChanged, this,
            [this] { m_removeKey->setEnabled(!m_running && !m_keys->selectedItems().isEmpty()); });
    return m_keysBox;
}

QGroupBox *ServerConfigPanel::buildModels()
{
    m_modelsBox = new QGroupBox;
    auto *box = new QVBoxLayout(m_modelsBox);
    m_deployAll = new QCheckBox;
    box->addWidget(m_deployAll);
    m_modelList = new QListWidget;
    m_modelList->setObjectName(QStringLiteral("serverModels"));
    box->addWidget(m_modelList, 1);
    m_modelsHint = new QLabel;
    m_modelsHint->setWordWrap(true);
    box->addWidget(m_modelsHint);
    connect(m_deployAll, &QCheckBox::toggled, this, [this](bool all) {
        if (m_filling)
            return;
        m_settings.deployAll = all;
        if (!all && m_settings.deployedIds.isEmpty()) // start from what was offered
            for (const auto &model : m_models)
                m_settings.deployedIds.append(QString::fromStdString(model.record.id));
        showModels();
        if (m_running)
            for (const auto &model : m_models)
                Q_EMIT deploymentToggled(model.deployment,
                                         all || m_settings.deployedIds.contains(QString::fromStdString(model.record.id)));
        Q_EMIT settingsChanged();
    });
    connect(m_modelList, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        if (m_filling)
            return;
        const int row = m_modelList->row(item);
        if (row < 0 || row >= int(m_models.size()))
            return;
        const auto &model = m_models[std::size_t(row)];
        const auto id = QString::fromStdString(model.record.id);
        const bool on = item->checkState() == Qt::Checked;
        m_settings.deployedIds.removeAll(id);
        if (on)
            m_settings.deployedIds.append(id);
        if (m_running)
            Q_EMIT deploymentToggled(model.deployment, on);
        Q_EMIT settingsChanged();
    });
    return m_modelsBox;
}

QGroupBox *ServerConfigPanel::buildLimits()
{
    m_limitsBox = new QGroupBox;
    auto *form = new QFormLayout(m_limitsBox);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    auto spin = [this, form](QLabel *&label, QSpinBox *&box, int low, int high, int step) {
        label = new QLabel;
        box = new QSpinBox;
        box->setRange(low, high);
        box->setSingleStep(step);
        form->addRow(label, box);
        connect(box, &QSpinBox::valueChanged, this, &ServerConfigPanel::edited);
    };
    spin(m_unloadLabel, m_unload, 0, 24 * 60, 5);
    spin(m_maxTokensLabel, m_maxTokens, 1, 1 << 20, 256);
    spin(m_alertFailedLabel, m_alertFailed, 1, 100, 1);
    spin(m_alertFirstTokenLabel, m_alertFirstToken, 1, 3600 * 1000, 500);
    return m_limitsBox;
}

void ServerConfigPanel::setSettings(const ServerSettings &settings)
{
    m_settings = settings;
    m_filling = true;
    m_network->setChecked(settings.network);
    m_local->setChecked(!settings.network);
    m_port->setValue(settings.port);
    m_unload->setValue(settings.unloadAfterMinutes);
    m_maxTokens->setValue(settings.maxTokens);
    m_alertFailed->setValue(settings.alertErrorPercent);
    m_alertFirstToken->setValue(settings.alertFirstTokenMs);
    m_deployAll->setChecked(settings.deployAll);
    m_filling = false;
    showKeys();
    showModels();
}

void ServerConfigPanel::edited()
{
    if (m_filling)
        return;
    m_settings.network = m_network->isChecked();
    m_settings.port = m_port->value();
    m_settings.unloadAfterMinutes = m_unload->value();
    m_settings.maxTokens = m_maxTokens->value();
    m_settings.alertErrorPercent = m_alertFailed->value();
    m_settings.alertFirstTokenMs = m_alertFirstToken->value();
    Q_EMIT settingsChanged();
}

void ServerConfigPanel::refreshModels()
{
    m_modelsStale = true;
    if (!isVisible())
        return;
    m_modelsStale = false;
    onWorker<std::vector<serve::ServableModel>>(
        this,
        [home = m_home] {
            ModelRegistry registry(home);
            return serve::servableModels(registry);
        },
        [this](const std::vector<serve::ServableModel> &models, const QString &error) {
            m_models = models;
            showModels();
            if (!error.isEmpty())
                m_modelsHint->setText(tr("The registered models could not be read: %1").arg(error));
            Q_EMIT modelsLoaded();
        });
}

void ServerConfigPanel::setRunning(bool running)
{
    m_running = running;
    for (QWidget *w : {static_cast<QWidget *>(m_addressBox), static_cast<QWidget *>(m_limitsBox),
                       static_cast<QWidget *>(m_newKey)})
        w->setEnabled(!running);
    m_removeKey->setEnabled(!running && !m_keys->selectedItems().isEmpty());
    m_restartHint->setVisible(running);
}

QString ServerConfigPanel::startProblem() const
{
    if (m_settings.network && m_settings.keys.isEmpty())
        return tr("Other computers may only use the server with an API key: make one under API keys, or serve "
                  "this computer only.");
    return {};
}

void ServerConfigPanel::showKeys()
{
    m_keys->clear();
    for (const auto &key : m_settings.keys) {
        auto *item = new QTreeWidgetItem(
            m_keys, {key.name, key.management ? tr("Everything") : tr("Models only"),
                     QDateTime::fromSecsSinceEpoch(key.createdAt).toString(QStringLiteral("yyyy-MM-dd"))});
        item->setToolTip(0, tr("Fingerprint %1…").arg(key.digest.left(12)));
    }
}

void ServerConfigPanel::showModels()
{
    m_filling = true;
    m_modelList->clear();
    for (const auto &model : m_models) {
        const auto id = QString::fromStdString(model.record.id);
        auto *item = new QListWidgetItem(QString::fromStdString(model.record.name), m_modelList);
        const auto family = QString::fromStdString(model.record.family);
        item->setToolTip(family.isEmpty() ? id : tr("%1 (%2)").arg(id, family));
        if (m_settings.deployAll) {
            item->setFlags(item->flags() & ~Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Checked);
            item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
        } else {
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(m_settings.deployedIds.contains(id) ? Qt::Checked : Qt::Unchecked);
        }
    }
    m_filling = false;
    m_modelsHint->setText(m_models.empty() ? tr("No models are registered yet: import one on the Models page, or build "
                                                "the demo models there.")
                                           : tr("Clients name a model by its registered name. Adapters are not listed: "
                                                "serve the model merged with one."));
}

void ServerConfigPanel::addKey()
{
    ApiKeyDialog dialog(tr("Key %1").arg(m_settings.keys.size() + 1), this);
    if (dialog.exec() != QDialog::Accepted || dialog.stored().digest.isEmpty())
        return;
    m_settings.keys.append(dialog.stored());
    showKeys();
    Q_EMIT settingsChanged();
}

void ServerConfigPanel::removeKey()
{
    const auto selected = m_keys->selectedItems();
    if (selected.isEmpty())
        return;
    const int row = m_keys->indexOfTopLevelItem(selected.first());
    if (row < 0 || row >= m_settings.keys.size())
        return;
    const auto answer = QMessageBox::question(
        this, tr("Remove API key"),
        tr("Remove the key \"%1\"? Clients that use it will be refused from the next start of the server.")
            .arg(m_settings.keys[row].name));
    if (answer != QMessageBox::Yes)
        return;
    m_settings.keys.removeAt(row);
    showKeys();
    Q_EMIT settingsChanged();
}

void ServerConfigPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_modelsStale)
        refreshModels();
}

void ServerConfigPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ServerConfigPanel::retranslate()
{
    m_tabs->setTabText(0, tr("Access"));
    m_tabs->setTabText(1, tr("Models"));
    m_tabs->setTabText(2, tr("Limits and alerts"));
    m_addressBox->setTitle(tr("Address"));
    m_local->setText(tr("This computer only (127.0.0.1)"));
    m_network->setText(tr("Other computers too (needs an API key)"));
    m_portLabel->setText(tr("Port:"));
    m_port->setSpecialValueText(tr("any free port"));
    m_keysBox->setTitle(tr("API keys"));
    m_keys->setHeaderLabels({tr("Name"), tr("Allowed"), tr("Created")});
    m_newKey->setText(tr("New key…"));
    m_removeKey->setText(tr("Remove"));
    m_modelsBox->setTitle(tr("Models offered"));
    m_deployAll->setText(tr("Every registered model"));
    m_limitsBox->setTitle(tr("Limits and alerts"));
    m_unloadLabel->setText(tr("Unload a model unused for:"));
    m_unload->setSuffix(tr(" min"));
    m_unload->setSpecialValueText(tr("never"));
    m_maxTokensLabel->setText(tr("Most tokens per answer:"));
    m_alertFailedLabel->setText(tr("Alert when failed requests exceed:"));
    m_alertFailed->setSuffix(tr(" %"));
    m_alertFirstTokenLabel->setText(tr("Alert when the first token takes over:"));
    m_alertFirstToken->setSuffix(tr(" ms"));
    m_restartHint->setText(tr("Stop the server to change its address, keys and limits. Models can be switched on "
                              "and off while it runs."));
    showKeys();
    showModels();
}

} // namespace llmos
