#include "apps/chat/conversationstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>
#include <QUuid>

#include <algorithm>

namespace llmos {

namespace {

QJsonObject settingsJson(const ChatSettings &s)
{
    return {{QStringLiteral("model"), s.model},         {QStringLiteral("system"), s.system},
            {QStringLiteral("temperature"), s.temperature}, {QStringLiteral("top_p"), s.topP},
            {QStringLiteral("top_k"), s.topK},          {QStringLiteral("max_tokens"), s.maxTokens},
            {QStringLiteral("seed"), s.seed},           {QStringLiteral("stop"), QJsonArray::fromStringList(s.stop)}};
}

ChatSettings settingsFrom(const QJsonObject &o)
{
    ChatSettings s;
    s.model = o.value(QStringLiteral("model")).toString();
    s.system = o.value(QStringLiteral("system")).toString();
    s.temperature = o.value(QStringLiteral("temperature")).toDouble(s.temperature);
    s.topP = o.value(QStringLiteral("top_p")).toDouble(s.topP);
    s.topK = o.value(QStringLiteral("top_k")).toInt(s.topK);
    s.maxTokens = o.value(QStringLiteral("max_tokens")).toInt(s.maxTokens);
    s.seed = static_cast<qint64>(o.value(QStringLiteral("seed")).toDouble(-1));
    for (const auto &stop : o.value(QStringLiteral("stop")).toArray())
        s.stop << stop.toString();
    return s;
}

bool isConversationId(const QString &id)
{
    static const QRegularExpression shape(QStringLiteral("^[0-9a-f]{32}$"));
    return shape.match(id).hasMatch();
}

} // namespace

QJsonObject toJson(const Conversation &c)
{
    QJsonArray messages;
    for (const auto &m : c.messages) {
        QJsonObject message{{QStringLiteral("role"), m.role}, {QStringLiteral("content"), m.content}};
        if (!m.stats.isEmpty())
            message.insert(QStringLiteral("stats"), m.stats);
        messages.append(message);
    }
    return {{QStringLiteral("version"), 1},          {QStringLiteral("id"), c.id},
            {QStringLiteral("title"), c.title},      {QStringLiteral("updated_ms"), c.updatedMs},
            {QStringLiteral("settings"), settingsJson(c.settings)}, {QStringLiteral("messages"), messages}};
}

std::optional<Conversation> conversationFromJson(const QJsonObject &json)
{
    Conversation c;
    c.id = json.value(QStringLiteral("id")).toString();
    if (!isConversationId(c.id) || !json.value(QStringLiteral("messages")).isArray())
        return std::nullopt;
    c.title = json.value(QStringLiteral("title")).toString();
    c.updatedMs = static_cast<qint64>(json.value(QStringLiteral("updated_ms")).toDouble());
    c.settings = settingsFrom(json.value(QStringLiteral("settings")).toObject());
    for (const auto &value : json.value(QStringLiteral("messages")).toArray()) {
        const auto m = value.toObject();
        const auto role = m.value(QStringLiteral("role")).toString();
        if (role != QStringLiteral("user") && role != QStringLiteral("assistant"))
            return std::nullopt;
        c.messages.push_back({role, m.value(QStringLiteral("content")).toString(), m.value(QStringLiteral("stats")).toObject()});
    }
    return c;
}

ConversationStore::ConversationStore(QString folder) : m_folder(std::move(folder)) {}

QString ConversationStore::newId()
{
    return QUuid::createUuid().toString(QUuid::Id128);
}

QString ConversationStore::titleFor(const Conversation &conversation)
{
    for (const auto &m : conversation.messages)
        if (m.role == QStringLiteral("user")) {
            auto line = m.content.simplified();
            return line.size() > 48 ? line.left(47) + QChar(0x2026) : line;
        }
    return {};
}

QString ConversationStore::pathOf(const QString &id) const
{
    return QDir(m_folder).filePath(id + QStringLiteral(".json"));
}

QVector<ConversationSummary> ConversationStore::list() const
{
    QVector<ConversationSummary> summaries;
    const QDir dir(m_folder);
    for (const auto &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files)) {
        const auto id = name.chopped(5);
        if (const auto c = load(id))
            summaries.push_back({c->id, c->title, c->updatedMs});
    }
    std::sort(summaries.begin(), summaries.end(),
              [](const auto &a, const auto &b) { return a.updatedMs != b.updatedMs ? a.updatedMs > b.updatedMs : a.id < b.id; });
    return summaries;
}

std::optional<Conversation> ConversationStore::load(const QString &id) const
{
    if (!isConversationId(id))
        return std::nullopt;
    QFile file(pathOf(id));
    if (!file.open(QIODevice::ReadOnly) || file.size() > (64 << 20))
        return std::nullopt;
    const auto document = QJsonDocument::fromJson(file.readAll());
    if (!document.isObject())
        return std::nullopt;
    auto c = conversationFromJson(document.object());
    if (!c || c->id != id)
        return std::nullopt;
    return c;
}

QString ConversationStore::save(const Conversation &conversation) const
{
    if (!QDir().mkpath(m_folder))
        return QCoreApplication::translate("llmos::ConversationStore", "cannot create the folder %1").arg(m_folder);
    QSaveFile file(pathOf(conversation.id));
    if (!file.open(QIODevice::WriteOnly))
        return file.errorString();
    file.write(QJsonDocument(toJson(conversation)).toJson(QJsonDocument::Compact));
    if (!file.commit())
        return file.errorString();
    return {};
}

bool ConversationStore::remove(const QString &id) const
{
    return isConversationId(id) && QFile::remove(pathOf(id));
}

} // namespace llmos
