#include "apps/chat/chatplayground.h"

#include "apps/chat/chatsettingspanel.h"
#include "widgets/noticebar.h"

#include <QDateTime>
#include <QDir>
#include <QEvent>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace llmos {

namespace {

QString paragraphs(const QString &text)
{
    return text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

ChatTurnRequest requestFor(const Conversation &conversation)
{
    const auto &s = conversation.settings;
    ChatTurnRequest request;
    request.model = s.model;
    if (!s.system.isEmpty())
        request.messages.push_back({{"role", "system"}, {"content", s.system.toStdString()}});
    for (const auto &m : conversation.messages)
        request.messages.push_back({{"role", m.role.toStdString()}, {"content", m.content.toStdString()}});
    request.sampling.temperature = s.temperature;
    request.sampling.topP = s.topP;
    request.sampling.topK = s.topK;
    if (s.seed >= 0)
        request.sampling.seed = static_cast<std::uint64_t>(s.seed);
    request.maxTokens = s.maxTokens;
    for (const auto &stop : s.stop)
        request.stop.push_back(stop.toStdString());
    return request;
}

} // namespace

ChatPlayground::ChatPlayground(AppServices &services, QWidget *parent)
    : QWidget(parent)
    , m_services(services)
    , m_store(QDir(QString::fromStdString(services.home)).filePath(QStringLiteral("apps/chat")))
{
    m_files.setMaxThreadCount(1);
    m_conversation.id = ConversationStore::newId();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_notice = new NoticeBar(this);
    layout->addWidget(m_notice);
    auto *split = new QSplitter(Qt::Horizontal);
    layout->addWidget(split, 1);

    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    m_conversationsLabel = new QLabel;
    m_conversations = new QListWidget;
    m_conversations->setObjectName(QStringLiteral("chatConversations"));
    m_conversations->setTextElideMode(Qt::ElideRight);
    m_conversations->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_new = new QPushButton;
    leftLayout->addWidget(m_conversationsLabel);
    leftLayout->addWidget(m_conversations, 1);
    leftLayout->addWidget(m_new);
    split->addWidget(left);

    auto *middle = new QWidget;
    auto *middleLayout = new QVBoxLayout(middle);
    m_transcript = new QTextBrowser;
    m_transcript->setObjectName(QStringLiteral("chatTranscript"));
    m_transcript->setOpenLinks(false);
    m_input = new QPlainTextEdit;
    m_input->setObjectName(QStringLiteral("chatInput"));
    m_input->setMaximumHeight(96);
    auto *buttons = new QHBoxLayout;
    m_send = new QPushButton;
    m_send->setObjectName(QStringLiteral("chatSend"));
    m_send->setDefault(true);
    m_stop = new QPushButton;
    m_stop->setObjectName(QStringLiteral("chatStop"));
    m_regenerate = new QPushButton;
    m_regenerate->setObjectName(QStringLiteral("chatRegenerate"));
    m_edit = new QPushButton;
    m_edit->setObjectName(QStringLiteral("chatEditLast"));
    m_stats = new QLabel;
    m_stats->setObjectName(QStringLiteral("chatStats"));
    m_stats->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_stats->setWordWrap(true);
    buttons->addStretch(1);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_regenerate);
    buttons->addWidget(m_stop);
    buttons->addWidget(m_send);
    middleLayout->addWidget(m_transcript, 1);
    middleLayout->addWidget(m_input);
    middleLayout->addWidget(m_stats);
    middleLayout->addLayout(buttons);
    split->addWidget(middle);

    m_settings = new ChatSettingsPanel(services.home);
    split->addWidget(m_settings);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 1);
    split->setStretchFactor(2, 0);
    split->setSizes({180, 520, 280});
    m_conversations->setMinimumWidth(140);
    split->setChildrenCollapsible(false);

    m_renderSoon.setSingleShot(true);
    m_renderSoon.setInterval(40);
    connect(&m_renderSoon, &QTimer::timeout, this, &ChatPlayground::render);
    connect(m_send, &QPushButton::clicked, this, &ChatPlayground::send);
    connect(m_stop, &QPushButton::clicked, this, &ChatPlayground::stop);
    connect(m_regenerate, &QPushButton::clicked, this, &ChatPlayground::regenerate);
    connect(m_edit, &QPushButton::clicked, this, &ChatPlayground::editLast);
    connect(m_new, &QPushButton::clicked, this, &ChatPlayground::newConversation);
    connect(m_conversations, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { openConversation(item->data(Qt::UserRole).toString()); });
    connect(m_conversations, &QListWidget::itemClicked, this,
            [this](QListWidgetItem *item) { openConversation(item->data(Qt::UserRole).toString()); });

    auto &inference = services.inference;
    connect(&inference, &AppInference::turnText, this, [this](quint64 turn, const QString &text) {
        if (turn != m_turn)
            return;
        m_streaming += text;
        if (!m_renderSoon.isActive())
            m_renderSoon.start();
    });
    connect(&inference, &AppInference::turnFinished, this,
            [this](quint64 turn, const ChatTurnStats &stats, const QString &reply) {
                if (turn == m_turn)
                    finishTurn(stats, reply);
            });
    connect(&inference, &AppInference::turnFailed, this, [this](quint64 turn, const QString &reason) {
        if (turn != m_turn)
            return;
        m_turn = 0;
        m_streaming.clear();
        m_notice->showError(tr("No answer: %1").arg(reason));
        render();
        updateButtons();
        Q_EMIT turnEnded();
    });
    connect(m_settings, &ChatSettingsPanel::modelsLoaded, this, &ChatPlayground::updateButtons);
    connect(&m_listing, &QFutureWatcher<QVector<ConversationSummary>>::finished, this, [this] {
        m_conversations->clear();
        for (const auto &summary : m_listing.result()) {
            auto *item = new QListWidgetItem(summary.title.isEmpty() ? tr("(empty)") : summary.title);
            item->setData(Qt::UserRole, summary.id);
            item->setToolTip(QDateTime::fromMSecsSinceEpoch(summary.updatedMs).toString(Qt::TextDate));
            m_conversations->addItem(item);
            if (summary.id == m_conversation.id)
                item->setSelected(true);
        }
        Q_EMIT conversationsListed();
    });
    connect(&m_opening, &QFutureWatcher<std::optional<Conversation>>::finished, this, [this] {
        const auto opened = m_opening.result();
        if (!opened) {
            m_notice->showError(tr("That conversation could not be read; it may have been removed."));
            listConversations();
            return;
        }
        m_conversation = *opened;
        m_settings->setSettings(m_conversation.settings);
        m_streaming.clear();
        m_stats->clear();
        render();
        updateButtons();
        Q_EMIT conversationOpened();
    });

    m_settings->refreshModels();
    listConversations();
    retranslate();
    render();
    updateButtons();
}

QString ChatPlayground::transcriptText() const
{
    return m_transcript->toPlainText();
}

QString ChatPlayground::statsText() const
{
    return m_stats->text();
}

int ChatPlayground::savedConversations() const
{
    return m_conversations->count();
}

void ChatPlayground::send()
{
    const auto text = m_input->toPlainText().trimmed();
    if (text.isEmpty() || busy() || m_settings->modelCount() == 0)
        return;
    m_conversation.messages.push_back({QStringLiteral("user"), text, {}});
    m_input->clear();
    startTurn();
}

void ChatPlayground::startTurn()
{
    m_conversation.settings = m_settings->settings();
    if (m_conversation.title.isEmpty())
        m_conversation.title = ConversationStore::titleFor(m_conversation);
    m_notice->hide();
    m_streaming.clear();
    m_stats->setText(tr("Thinking\u2026"));
    m_turn = m_services.inference.startChat(requestFor(m_conversation));
    render();
    updateButtons();
}

void ChatPlayground::finishTurn(const ChatTurnStats &stats, const QString &reply)
{
    m_turn = 0;
    m_streaming.clear();
    const QJsonObject json{{QStringLiteral("prompt_tokens"), static_cast<qint64>(stats.promptTokens)},
                           {QStringLiteral("completion_tokens"), static_cast<qint64>(stats.completionTokens)},
                           {QStringLiteral("tokens_per_second"), stats.tokensPerSecond},
                           {QStringLiteral("seconds"), stats.seconds},
                           {QStringLiteral("finish_reason"), stats.finishReason},
                           {QStringLiteral("seed"), QString::number(stats.seed)}};
    m_conversation.messages.push_back({QStringLiteral("assistant"), reply, json});
    QString text = tr("%1 prompt tokens \u00b7 %2 generated \u00b7 %3 tokens/s \u00b7 first token after %4 s")
                       .arg(stats.promptTokens)
                       .arg(stats.completionTokens)
                       .arg(stats.tokensPerSecond, 0, 'f', 1)
                       .arg(stats.timeToFirstToken, 0, 'f', 2);
    if (stats.finishReason == QStringLiteral("stopped"))
        text += QStringLiteral(" \u00b7 ") + tr("stopped");
    else if (stats.finishReason == QStringLiteral("length"))
        text += QStringLiteral(" \u00b7 ") + tr("cut at the token limit");
    m_stats->setText(text);
    render();
    updateButtons();
    save();
    Q_EMIT turnEnded();
}

void ChatPlayground::useModel(const QString &name)
{
    auto settings = m_settings->settings();
    settings.model = name;
    m_settings->setSettings(settings);
    m_settings->refreshModels(); // the model may be newer than the list
    m_input->setFocus();
}

void ChatPlayground::showDemoExchange()
{
    setProperty("loading", true);
    auto ask = [this] {
        auto settings = m_settings->settings();
        settings.model = QStringLiteral("fortune-lm");
        settings.seed = 11;
        settings.temperature = 0.8;
        m_settings->setSettings(settings);
        m_input->setPlainText(tr("Tell me something wise about work."));
        send();
        if (!busy())
            setProperty("loading", false);
    };
    connect(this, &ChatPlayground::turnEnded, this, [this] { setProperty("loading", false); }, Qt::SingleShotConnection);
    if (m_settings->modelCount() > 0)
        ask();
    else
        connect(m_settings, &ChatSettingsPanel::modelsLoaded, this, ask, Qt::SingleShotConnection);
}

void ChatPlayground::stop()
{
    if (busy())
        m_services.inference.cancel(m_turn);
}

void ChatPlayground::regenerate()
{
    if (busy() || m_conversation.messages.isEmpty())
        return;
    if (m_conversation.messages.back().role == QStringLiteral("assistant"))
        m_conversation.messages.pop_back();
    if (!m_conversation.messages.isEmpty())
        startTurn();
}

void ChatPlayground::editLast()
{
    if (busy())
        return;
    for (auto i = m_conversation.messages.size() - 1; i >= 0; --i) {
        if (m_conversation.messages[i].role != QStringLiteral("user"))
            continue;
        m_input->setPlainText(m_conversation.messages[i].content);
        m_conversation.messages.resize(i); // the question and what followed it
        m_input->setFocus();
        render();
        updateButtons();
        return;
    }
}

void ChatPlayground::newConversation()
{
    if (busy())
        stop();
    m_conversation = Conversation{};
    m_conversation.id = ConversationStore::newId();
    m_conversation.settings = m_settings->settings();
    m_turn = 0;
    m_streaming.clear();
    m_stats->clear();
    m_conversations->clearSelection();
    render();
    updateButtons();
}

void ChatPlayground::openConversation(const QString &id)
{
    if (busy() || id == m_conversation.id)
        return;
    m_opening.setFuture(QtConcurrent::run(&m_files, [store = m_store, id] { return store.load(id); }));
}

void ChatPlayground::save()
{
    m_conversation.updatedMs = QDateTime::currentMSecsSinceEpoch();
    auto saved = QtConcurrent::run(&m_files, [store = m_store, conversation = m_conversation] {
        return store.save(conversation);
    });
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher] {
        const auto error = watcher->result();
        watcher->deleteLater();
        if (!error.isEmpty())
            m_notice->showError(tr("The conversation could not be saved: %1").arg(error));
        listConversations();
    });
    watcher->setFuture(saved);
}

void ChatPlayground::listConversations()
{
    if (m_listing.isRunning())
        return;
    m_listing.setFuture(QtConcurrent::run(&m_files, [store = m_store] { return store.list(); }));
}

void ChatPlayground::render()
{
    QString html;
    const auto block = [&](const QString &who, const QString &text, const QString &colour) {
        html += QStringLiteral("<p><b style='color:%1'>%2</b><br>%3</p>").arg(colour, who.toHtmlEscaped(), paragraphs(text));
    };
    if (!m_conversation.settings.system.isEmpty())
        block(tr("System"), m_conversation.settings.system, QStringLiteral("#8a8a8a"));
    for (const auto &m : m_conversation.messages)
        block(m.role == QStringLiteral("user") ? tr("You") : tr("Assistant"), m.content,
              m.role == QStringLiteral("user") ? QStringLiteral("#2f6fb3") : QStringLiteral("#2e8b57"));
    if (busy())
        block(tr("Assistant"), m_streaming + QChar(0x2026), QStringLiteral("#2e8b57"));
    if (html.isEmpty())
        html = QStringLiteral("<p style='color:#8a8a8a'>%1</p>")
                   .arg(tr("Pick a model on the right, write a message below and press Send.").toHtmlEscaped());
    m_transcript->setHtml(html);
    m_transcript->verticalScrollBar()->setValue(m_transcript->verticalScrollBar()->maximum());
}

void ChatPlayground::updateButtons()
{
    const bool haveModel = m_settings->modelCount() > 0;
    m_send->setEnabled(!busy() && haveModel);
    m_stop->setEnabled(busy());
    const bool haveTurns = !m_conversation.messages.isEmpty();
    m_regenerate->setEnabled(!busy() && haveModel && haveTurns);
    m_edit->setEnabled(!busy() && haveTurns);
    m_conversations->setEnabled(!busy());
    m_new->setEnabled(!busy());
}

void ChatPlayground::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        render();
    }
    QWidget::changeEvent(event);
}

void ChatPlayground::retranslate()
{
    m_conversationsLabel->setText(tr("Conversations"));
    m_new->setText(tr("New conversation"));
    m_input->setPlaceholderText(tr("Your message (Ctrl+Enter sends)"));
    m_send->setText(tr("Send"));
    m_send->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_stop->setText(tr("Stop"));
    m_regenerate->setText(tr("Regenerate"));
    m_regenerate->setToolTip(tr("Ask again for the last answer"));
    m_edit->setText(tr("Edit last"));
    m_edit->setToolTip(tr("Take the last question back into the box to change it and send it again"));
}

} // namespace llmos
