#include "apps/chat/chatsettingspanel.h"

#include "apps/appmodels.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <climits>

namespace llmos {

ChatSettingsPanel::ChatSettingsPanel(std::string registryHome, QWidget *parent)
    : QWidget(parent)
    , m_home(std::move(registryHome))
{
    auto *column = new QVBoxLayout(this);
    m_form = new QFormLayout;
    column->addLayout(m_form);
    column->addStretch(1); // the fields stay together at the top
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_model = new QComboBox;
    m_model->setObjectName(QStringLiteral("chatModel"));
    m_noModels = new QLabel;
    m_noModels->setWordWrap(true);
    m_system = new QPlainTextEdit;
    m_system->setObjectName(QStringLiteral("chatSystem"));
    m_system->setMaximumHeight(90);
    m_temperature = new QDoubleSpinBox;
    m_temperature->setRange(0, 2);
    m_temperature->setSingleStep(0.1);
    m_topP = new QDoubleSpinBox;
    m_topP->setRange(0.01, 1);
    m_topP->setSingleStep(0.05);
    m_topK = new QSpinBox;
    m_topK->setRange(0, 1000);
    m_maxTokens = new QSpinBox;
    m_maxTokens->setObjectName(QStringLiteral("chatMaxTokens"));
    m_maxTokens->setRange(1, 4096);
    m_seed = new QSpinBox;
    m_seed->setObjectName(QStringLiteral("chatSeed"));
    m_seed->setRange(-1, INT_MAX);
    m_stop = new QPlainTextEdit;
    m_stop->setMaximumHeight(60);
    for (QWidget *field : std::initializer_list<QWidget *>{m_model, m_noModels, m_system, m_temperature, m_topP, m_topK,
                                                           m_maxTokens, m_seed, m_stop}) {
        m_labels.push_back(new QLabel);
        m_form->addRow(m_labels.back(), field);
    }
    m_form->setRowVisible(m_noModels, false);
    setMinimumWidth(250);
    setSettings({});
    retranslate();

    connect(&m_watcher, &QFutureWatcher<QStringList>::finished, this, [this] {
        const auto wanted = m_wantedModel.isEmpty() ? m_model->currentText() : m_wantedModel;
        m_model->clear();
        m_model->addItems(m_watcher.result());
        if (const int index = m_model->findText(wanted); index >= 0)
            m_model->setCurrentIndex(index);
        m_wantedModel.clear();
        m_form->setRowVisible(m_noModels, m_model->count() == 0);
        m_form->setRowVisible(m_model, m_model->count() > 0);
        Q_EMIT modelsLoaded();
    });
}

void ChatSettingsPanel::refreshModels()
{
    if (m_watcher.isRunning())
        return;
    m_watcher.setFuture(QtConcurrent::run(
        [home = m_home] { return registeredModelsOfKind(home, AppModelKind::Generative); }));
}

int ChatSettingsPanel::modelCount() const
{
    return m_model->count();
}

ChatSettings ChatSettingsPanel::settings() const
{
    ChatSettings s;
    s.model = m_model->currentText();
    s.system = m_system->toPlainText().trimmed();
    s.temperature = m_temperature->value();
    s.topP = m_topP->value();
    s.topK = m_topK->value();
    s.maxTokens = m_maxTokens->value();
    s.seed = m_seed->value();
    for (const auto &line : m_stop->toPlainText().split(QLatin1Char('\n')))
        if (!line.isEmpty())
            s.stop << line;
    return s;
}

void ChatSettingsPanel::setSettings(const ChatSettings &s)
{
    if (!s.model.isEmpty()) {
        if (const int index = m_model->findText(s.model); index >= 0)
            m_model->setCurrentIndex(index);
        else
            m_wantedModel = s.model; // the list has not arrived yet
    }
    m_system->setPlainText(s.system);
    m_temperature->setValue(s.temperature);
    m_topP->setValue(s.topP);
    m_topK->setValue(s.topK);
    m_maxTokens->setValue(s.maxTokens);
    m_seed->setValue(static_cast<int>(std::clamp<qint64>(s.seed, -1, INT_MAX)));
    m_stop->setPlainText(s.stop.join(QLatin1Char('\n')));
}

void ChatSettingsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ChatSettingsPanel::retranslate()
{
    const QString labels[] = {tr("Model"),       tr("Model"),      tr("System prompt"), tr("Temperature"), tr("Top-p"),
                              tr("Top-k"),       tr("Max tokens"), tr("Seed"),          tr("Stop at")};
    for (std::size_t row = 0; row < m_labels.size(); ++row)
        m_labels[row]->setText(labels[row]);
    m_noModels->setText(tr("No chat model is registered yet. Import one on the Models page (or make the demo "
                           "models with 'llmos demo')."));
    m_system->setPlaceholderText(tr("How the assistant should behave (optional)"));
    m_temperature->setToolTip(tr("0 always picks the most likely token; higher values give more varied answers."));
    m_topP->setToolTip(tr("Sample only from the most likely tokens whose probabilities add up to this."));
    m_topK->setSpecialValueText(tr("off"));
    m_topK->setToolTip(tr("Sample only from this many most likely tokens."));
    m_seed->setSpecialValueText(tr("random"));
    m_seed->setToolTip(tr("The same seed, settings and conversation give the same answer."));
    m_stop->setPlaceholderText(tr("One per line: the answer ends before any of these"));
}

} // namespace llmos
