#pragma once

#include "generation/samplingoptions.h"
#include "registry/modelreference.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <nlohmann/json.hpp>

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <stop_token>
#include <string>
#include <thread>
#include <vector>

namespace llmos {

namespace serve {
class ModelPool;
}

// One chat turn an app asks for: the registered model (id or name), the whole
// conversation so far ({"role", "content"} objects, rendered with the model's own chat
// template) and how to sample.
struct ChatTurnRequest {
    QString model;
    nlohmann::ordered_json messages = nlohmann::ordered_json::array();
    SamplingOptions sampling;
    std::int64_t maxTokens = 256;
    std::vector<std::string> stop;
};

// How a turn ended, for the token counts and speed an app shows.
struct ChatTurnStats {
    std::int64_t promptTokens = 0;
    std::int64_t completionTokens = 0;
    double seconds = 0;
    double tokensPerSecond = 0;
    double timeToFirstToken = 0;
    QString finishReason; // "length", "stop", "stopped" (asked to), ...
    std::uint64_t seed = 0;
};

// Texts for a classifier (a registered BERT sequence classifier's id or name).
struct ClassifyRequest {
    QString model;
    std::vector<std::string> texts;
};

// One text's result: the most likely label's index and every label's probability.
struct ClassifiedText {
    int best = 0;
    std::vector<double> probabilities;
};

// What embedding work gets on its thread (AppInference::startEmbeddingWork).
struct EmbeddingContext {
    // Texts -> one vector each, from the model (loaded in the pool).
    std::function<std::vector<std::vector<float>>(const std::vector<std::string> &texts)> embed;
    std::string modelId;                            // the registered id of the model embedding
    std::stop_token stop;                           // cancel() asks the work to end
    std::function<void(int done, int total)> progress; // -> workProgress
};

// The models the window's apps run on, through the service the API server uses: a
// serve::ModelPool (continuous batching, memory admission, idle unloading) whose models
// are the registry's, deployed under their registered names on first use. Every turn runs
// on a thread of its own (resolving the model in the registry, loading it, generating);
// its text arrives on the GUI thread as turnText signals, then turnFinished or turnFailed.
// Several turns run at once (the arena), batched together when they share a model.
class AppInference : public QObject {
    Q_OBJECT
public:
    explicit AppInference(std::string registryHome, QObject *parent = nullptr);
    // Stops the turns still running and waits for their threads.
    ~AppInference() override;

    // Starts a turn; returns its id for the signals and cancel().
    quint64 startChat(ChatTurnRequest request);
    // Classifies the texts in batches (classifyProgress after each); cancel() stops
    // between batches, and the turn then fails with "cancelled".
    quint64 startClassification(ClassifyRequest request);
    // Runs `work` on a turn thread with a registered model's embeddings (an embedding
    // model, or a language model's hidden states; see TextEmbedder). workFinished when it
    // returns, turnFailed when it throws (cancelled work throws Error(Cancelled)). The
    // work reports its results through what it captures.
    quint64 startEmbeddingWork(QString model, std::function<void(const EmbeddingContext &context)> work);
    // Asks a turn to stop after its current token (it then finishes, "stopped").
    void cancel(quint64 turn);
    bool running(quint64 turn) const;

    const std::string &registryHome() const noexcept { return m_home; }

    // Called on a chat turn's thread just before it generates (tests hold a turn there to
    // act on it deterministically). Set before starting turns.
    void setBeforeGenerate(std::function<void(quint64 turn)> hook) { m_beforeGenerate = std::move(hook); }

Q_SIGNALS:
    void turnText(quint64 turn, const QString &text);
    void turnFinished(quint64 turn, const llmos::ChatTurnStats &stats, const QString &reply);
    void turnFailed(quint64 turn, const QString &reason);
    void classifyProgress(quint64 turn, int done, int total);
    void classifyFinished(quint64 turn, const QStringList &labels, const std::vector<llmos::ClassifiedText> &results);
    void workProgress(quint64 turn, int done, int total);
    void workFinished(quint64 turn);

private:
    // Runs `body` on a thread of its own as turn number N; its errors become turnFailed.
    quint64 launch(std::function<void(quint64 turn, std::stop_token stop)> body);
    void run(quint64 turn, const ChatTurnRequest &request, std::stop_token stop);
    void classify(quint64 turn, const ClassifyRequest &request, std::stop_token stop);
    // The registered model, deployed in the pool under its name (on the calling worker
    // thread).
    ResolvedModel deployed(const QString &model);
    void reap(); // joins the threads of turns that ended

    std::string m_home;
    std::unique_ptr<serve::ModelPool> m_pool;
    std::mutex m_deployMutex;
    mutable std::mutex m_mutex;
    std::map<quint64, std::jthread> m_turns;
    std::vector<quint64> m_ended;
    quint64 m_next = 0;
    std::function<void(quint64)> m_beforeGenerate;
    QTimer m_idle; // unloads models no app has used for a while
    std::jthread m_unloader;
};

} // namespace llmos

Q_DECLARE_METATYPE(llmos::ChatTurnStats)
Q_DECLARE_METATYPE(std::vector<llmos::ClassifiedText>)
