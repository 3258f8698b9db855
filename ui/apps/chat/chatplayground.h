#pragma once

#include "apps/appcatalog.h"
#include "apps/appinference.h"
#include "apps/chat/conversationstore.h"

#include <QFutureWatcher>
#include <QThreadPool>
#include <QTimer>
#include <QWidget>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTextBrowser;

namespace llmos {

class ChatSettingsPanel;
class NoticeBar;

// The chat playground (issue 9): a conversation with a registered model. Answers stream
// in as they are generated and can be stopped; the last answer can be regenerated and the
// last question edited and sent again; each answer shows its token counts and speed.
// Conversations (with their settings) are saved after every turn and listed on the left
// to reopen. Generation runs in AppInference, the files on a worker.
class ChatPlayground : public QWidget {
    Q_OBJECT
public:
    ChatPlayground(AppServices &services, QWidget *parent = nullptr);

    const Conversation &conversation() const { return m_conversation; }
    bool busy() const { return m_turn != 0; }
    ChatSettingsPanel *settingsPanel() const { return m_settings; }
    QString transcriptText() const;
    QString statsText() const;
    int savedConversations() const;

    // Picks this registered model for the next turn (Open in playground on the Models page);
    // a conversation in progress keeps its history.
    void useModel(const QString &name);

    // For the screenshots: a question to the demo model, answered with a fixed seed (the
    // page says it is loading until the answer is in).
    void showDemoExchange();

public Q_SLOTS:
    void send();
    void stop();
    void regenerate();
    void editLast();
    void newConversation();
    void openConversation(const QString &id);

Q_SIGNALS:
    void turnEnded();          // an answer finished, was stopped, or failed
    void conversationsListed(); // the list on the left was (re)read
    void conversationOpened();

protected:
    void changeEvent(QEvent *event) override;

private:
    void startTurn();
    void finishTurn(const ChatTurnStats &stats, const QString &reply);
    void render();
    void updateButtons();
    void save();
    void listConversations();
    void retranslate();

    AppServices &m_services;
    ConversationStore m_store;
    QThreadPool m_files; // one thread: saves land in order
    Conversation m_conversation;
    quint64 m_turn = 0;
    QString m_streaming; // the answer so far, while one is generated
    QTimer m_renderSoon; // tokens arrive faster than a repaint is worth
    QFutureWatcher<QVector<ConversationSummary>> m_listing;
    QFutureWatcher<std::optional<Conversation>> m_opening;

    QLabel *m_conversationsLabel = nullptr;
    QListWidget *m_conversations = nullptr;
    QPushButton *m_new = nullptr;
    QTextBrowser *m_transcript = nullptr;
    QPlainTextEdit *m_input = nullptr;
    QPushButton *m_send = nullptr;
    QPushButton *m_stop = nullptr;
    QPushButton *m_regenerate = nullptr;
    QPushButton *m_edit = nullptr;
    QLabel *m_stats = nullptr;
    NoticeBar *m_notice = nullptr;
    ChatSettingsPanel *m_settings = nullptr;
};

} // namespace llmos
