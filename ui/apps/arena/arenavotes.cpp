#include "apps/arena/arenavotes.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace llmos {

ArenaVotes::ArenaVotes(QString file) : m_file(std::move(file)) {}

QString ArenaVotes::append(const ArenaVote &vote) const
{
    if (!QDir().mkpath(QFileInfo(m_file).absolutePath()))
        return QCoreApplication::translate("llmos::ArenaVotes", "cannot create the folder of %1").arg(m_file);
    QFile file(m_file);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append))
        return file.errorString();
    const QJsonObject line{{QStringLiteral("time_ms"), vote.timeMs},
                           {QStringLiteral("prompt"), vote.prompt},
                           {QStringLiteral("models"), QJsonArray::fromStringList(vote.models)},
                           {QStringLiteral("answers"), QJsonArray::fromStringList(vote.answers)},
                           {QStringLiteral("winner"), vote.winner},
                           {QStringLiteral("blind"), vote.blind}};
    const auto bytes = QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
    if (file.write(bytes) != bytes.size() || !file.flush())
        return file.errorString();
    return {};
}

QVector<ArenaVote> ArenaVotes::read() const
{
    QVector<ArenaVote> votes;
    QFile file(m_file);
    if (!file.open(QIODevice::ReadOnly))
        return votes;
    while (!file.atEnd()) {
        const auto line = file.readLine(16 << 20);
        const auto document = QJsonDocument::fromJson(line);
        if (!document.isObject())
            continue;
        const auto o = document.object();
        ArenaVote vote;
        vote.timeMs = static_cast<qint64>(o.value(QStringLiteral("time_ms")).toDouble());
        vote.prompt = o.value(QStringLiteral("prompt")).toString();
        for (const auto &m : o.value(QStringLiteral("models")).toArray())
            vote.models << m.toString();
        for (const auto &a : o.value(QStringLiteral("answers")).toArray())
            vote.answers << a.toString();
        vote.winner = o.value(QStringLiteral("winner")).toString();
        vote.blind = o.value(QStringLiteral("blind")).toBool();
        votes.push_back(vote);
    }
    return votes;
}

QMap<QString, int> ArenaVotes::tally(const QVector<ArenaVote> &votes)
{
    QMap<QString, int> wins;
    for (const auto &vote : votes)
        wins[vote.winner] += 1;
    return wins;
}

} // namespace llmos
