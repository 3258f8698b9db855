#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace llmos {

// An API key as the window keeps it: never the key itself (shown once, when made), only
// its SHA-256 digest, with a name for the request log and what it may do.
struct StoredApiKey {
    QString name;
    QString digest;          // 64 lower-case hex digits
    bool management = false; // false: the inference endpoints only
    qint64 createdAt = 0;    // Unix seconds

    bool operator==(const StoredApiKey &) const = default;
};

// The Server page's choices (the API server of issue 8), kept between runs.
struct ServerSettings {
    bool network = false; // false: this computer only (127.0.0.1); true: every address (0.0.0.0)
    int port = 8080;
    QList<StoredApiKey> keys;
    bool deployAll = true;   // every registered model but adapters
    QStringList deployedIds; // when not deployAll: the registered ids offered
    int unloadAfterMinutes = 10; // 0: keep loaded models until the server stops
    int maxTokens = 4096;        // the most tokens one request may generate
    // Alerts: the status bar turns red when, over the last minute, more than this share
    // of requests failed on the server's side, or the slowest 5% waited longer than this
    // for their first token.
    int alertErrorPercent = 5;
    int alertFirstTokenMs = 5000;

    bool operator==(const ServerSettings &) const = default;
};

} // namespace llmos
