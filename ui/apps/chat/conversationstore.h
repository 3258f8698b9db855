#pragma once

#include <QJsonObject>
#include <QString>
#include <QVector>

#include <optional>

namespace llmos {

// How a conversation samples; kept with it so a reopened chat goes on as it was.
struct ChatSettings {
    QString model; // a registered model's name
    QString system;
    double temperature = 0.7;
    double topP = 0.95;
    int topK = 0;            // 0: off
    int maxTokens = 256;
    qint64 seed = -1;        // -1: a new random seed each turn
    QStringList stop;
};

struct ChatMessage {
    QString role; // "user" or "assistant"
    QString content;
    QJsonObject stats; // assistant turns: prompt_tokens, completion_tokens, tokens_per_second, ...
};

struct Conversation {
    QString id;
    QString title;
    ChatSettings settings;
    QVector<ChatMessage> messages;
    qint64 updatedMs = 0;
};

// A conversation's first line, for the list.
struct ConversationSummary {
    QString id;
    QString title;
    qint64 updatedMs = 0;
};

// The chat playground's conversations, one JSON file each in a folder of the data
// directory (<home>/apps/chat). Writes are atomic (a temp file renamed over the old one),
// so a crash leaves the previous version, never half a file; a file that does not parse is
// left out of the list rather than failing it. Plain file I/O: callers run it on a worker.
class ConversationStore {
public:
    explicit ConversationStore(QString folder);

    // Newest first.
    QVector<ConversationSummary> list() const;
    std::optional<Conversation> load(const QString &id) const;
    // Empty on success, else what went wrong (the disk is full, ...).
    QString save(const Conversation &conversation) const;
    bool remove(const QString &id) const;

    static QString newId();
    // The title a conversation gets from its first message.
    static QString titleFor(const Conversation &conversation);

private:
    QString pathOf(const QString &id) const;
    QString m_folder;
};

QJsonObject toJson(const Conversation &conversation);
std::optional<Conversation> conversationFromJson(const QJsonObject &json);

} // namespace llmos
