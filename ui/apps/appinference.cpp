#include "apps/appinference.h"

#include "architectures/textclassifier.h"
#include "architectures/textembedder.h"
#include "generation/continuousbatcher.h"
#include "generation/textgenerator.h"
#include "registry/modelreference.h"
#include "registry/modelregistry.h"
#include "serve/modelpool.h"
#include "util/error.h"

#include <QMetaObject>

namespace llmos {

namespace {

constexpr auto kUnloadAfter = std::chrono::minutes(10);

QString finishName(FinishReason reason)
{
    switch (reason) {
    case FinishReason::Length: return QStringLiteral("length");
    case FinishReason::Cancelled:
    case FinishReason::CallbackStopped: return QStringLiteral("stopped");
    case FinishReason::ContextFull: return QStringLiteral("context_full");
    default: return QStringLiteral("stop");
    }
}

} // namespace

AppInference::AppInference(std::string registryHome, QObject *parent)
    : QObject(parent)
    , m_home(std::move(registryHome))
    , m_pool(std::make_unique<serve::ModelPool>(std::vector<serve::DeployedModel>{}))
{
    qRegisterMetaType<llmos::ChatTurnStats>();
    qRegisterMetaType<std::vector<llmos::ClassifiedText>>();
    m_idle.setInterval(std::chrono::minutes(1));
    connect(&m_idle, &QTimer::timeout, this, [this] {
        reap();
        // Unloading frees memory (destructors only), quick, but off the GUI thread all the same;
        // the previous pass ended a minute ago.
        m_unloader = std::jthread([pool = m_pool.get()] { pool->unloadIdle(kUnloadAfter); });
    });
    m_idle.start();
}

AppInference::~AppInference()
{
    m_idle.stop();
    if (m_unloader.joinable())
        m_unloader.join();
    std::map<quint64, std::jthread> turns;
    {
        std::lock_guard lock(m_mutex);
        turns.swap(m_turns);
    }
    for (auto &[id, thread] : turns)
        thread.request_stop();
    turns.clear(); // joins
}

quint64 AppInference::launch(std::function<void(quint64, std::stop_token)> body)
{
    reap();
    std::lock_guard lock(m_mutex);
    const auto turn = ++m_next;
    m_turns.emplace(turn, std::jthread([this, turn, body = std::move(body)](std::stop_token stop) {
        try {
            body(turn, stop);
        } catch (const std::exception &error) {
            const auto reason = QString::fromUtf8(error.what());
            QMetaObject::invokeMethod(this, [this, turn, reason] { Q_EMIT turnFailed(turn, reason); }, Qt::QueuedConnection);
        }
        std::lock_guard ended(m_mutex);
        m_ended.push_back(turn);
    }));
    return turn;
}

quint64 AppInference::startChat(ChatTurnRequest request)
{
    return launch([this, request = std::move(request)](quint64 turn, std::stop_token stop) { run(turn, request, stop); });
}

quint64 AppInference::startClassification(ClassifyRequest request)
{
    return launch(
        [this, request = std::move(request)](quint64 turn, std::stop_token stop) { classify(turn, request, stop); });
}

quint64 AppInference::startEmbeddingWork(QString model, std::function<void(const EmbeddingContext &)> work)
{
    return launch([this, model = std::move(model), work = std::move(work)](quint64 turn, std::stop_token stop) {
        const auto resolved = deployed(model);
        EmbeddingContext context;
        context.modelId = resolved.modelId.empty() ? resolved.name : resolved.modelId;
        context.stop = stop;
        context.embed = [this, name = resolved.name](const std::vector<std::string> &texts) {
            std::vector<std::vector<float>> vectors;
            m_pool->withEmbedder(name, [&](const TextEmbedder &embedder) {
                for (auto &embedding : embedder.embed(texts))
                    vectors.push_back(std::move(embedding.values));
            });
            return vectors;
        };
        context.progress = [this, turn](int done, int total) {
            QMetaObject::invokeMethod(
                this, [this, turn, done, total] { Q_EMIT workProgress(turn, done, total); }, Qt::QueuedConnection);
        };
        work(context);
        QMetaObject::invokeMethod(this, [this, turn] { Q_EMIT workFinished(turn); }, Qt::QueuedConnection);
    });
}

void AppInference::classify(quint64 turn, const ClassifyRequest &request, std::stop_token stop)
{
    constexpr std::size_t kBatch = 32; // a batch, then a progress report and a look at cancel
    const auto name = deployed(request.model).name;
    QStringList labels;
    std::vector<ClassifiedText> results;
    const auto total = static_cast<int>(request.texts.size());
    for (std::size_t first = 0; first < request.texts.size(); first += kBatch) {
        if (stop.stop_requested())
            throw Error(ErrorKind::Cancelled, name, "cancelled");
        const std::vector<std::string> batch(
            request.texts.begin() + static_cast<std::ptrdiff_t>(first),
            request.texts.begin() + static_cast<std::ptrdiff_t>(std::min(request.texts.size(), first + kBatch)));
        m_pool->withClassifier(name, [&](const TextClassifier &classifier) {
            if (labels.isEmpty())
                for (const auto &label : classifier.labels())
                    labels << QString::fromStdString(label);
            for (const auto &result : classifier.classify(batch))
                results.push_back({static_cast<int>(result.best), result.probabilities});
        });
        const int done = static_cast<int>(results.size());
        QMetaObject::invokeMethod(
            this, [this, turn, done, total] { Q_EMIT classifyProgress(turn, done, total); }, Qt::QueuedConnection);
    }
    QMetaObject::invokeMethod(
        this, [this, turn, labels, results = std::move(results)] { Q_EMIT classifyFinished(turn, labels, results); },
        Qt::QueuedConnection);
}

void AppInference::cancel(quint64 turn)
{
    std::lock_guard lock(m_mutex);
    if (const auto it = m_turns.find(turn); it != m_turns.end())
        it->second.request_stop();
}

bool AppInference::running(quint64 turn) const
{
    std::lock_guard lock(m_mutex);
    return m_turns.contains(turn) && std::find(m_ended.begin(), m_ended.end(), turn) == m_ended.end();
}

void AppInference::reap()
{
    std::vector<std::jthread> done;
    {
        std::lock_guard lock(m_mutex);
        for (const auto turn : m_ended)
            if (auto it = m_turns.find(turn); it != m_turns.end()) {
                done.push_back(std::move(it->second));
                m_turns.erase(it);
            }
        m_ended.clear();
    }
    // Their bodies have returned: joining only waits for the last instructions.
}

ResolvedModel AppInference::deployed(const QString &model)
{
    std::lock_guard lock(m_deployMutex);
    ModelRegistry registry(m_home);
    auto resolved = resolveModelReference(registry, model.toStdString());
    if (!m_pool->deployed(resolved.name))
        m_pool->deploy({resolved.name, resolved.path});
    return resolved;
}

void AppInference::run(quint64 turn, const ChatTurnRequest &request, std::stop_token stop)
{
    const auto name = deployed(request.model).name;
    if (m_beforeGenerate)
        m_beforeGenerate(turn);
    m_pool->withGenerator(name, [&](ContinuousBatcher &batcher) {
        const auto &generator = batcher.generator();
        if (!generator.chatTemplate())
            throw Error(ErrorKind::Unsupported, name,
                        "has no chat template: it continues text rather than answering (a base model)");
        GenerationRequest generation;
        generation.promptIds = generator.encodeChat(request.messages);
        generation.maxNewTokens = request.maxTokens;
        generation.sampling = request.sampling;
        generation.stopStrings = request.stop;
        const auto results = batcher.generate(
            std::span<const GenerationRequest>(&generation, 1),
            [this, turn](const GeneratedToken &token) {
                if (!token.text.empty()) {
                    auto text = QString::fromStdString(token.text);
                    QMetaObject::invokeMethod(
                        this, [this, turn, text] { Q_EMIT turnText(turn, text); }, Qt::QueuedConnection);
                }
                return true;
            },
            stop);
        const auto &result = results.at(0);
        ChatTurnStats stats;
        stats.promptTokens = static_cast<std::int64_t>(result.promptTokens);
        stats.completionTokens = static_cast<std::int64_t>(result.ids.size());
        stats.seconds = result.totalSeconds;
        stats.tokensPerSecond = result.tokensPerSecond();
        stats.timeToFirstToken = result.timeToFirstToken;
        stats.finishReason = stop.stop_requested() ? QStringLiteral("stopped") : finishName(result.finishReason);
        stats.seed = result.seed;
        const auto reply = QString::fromStdString(result.text);
        QMetaObject::invokeMethod(
            this, [this, turn, stats, reply] { Q_EMIT turnFinished(turn, stats, reply); }, Qt::QueuedConnection);
    });
}

} // namespace llmos
