#include "serve/modelpool.h"

#include "architectures/textembedder.h"
#include "generation/textgenerator.h"
#include "serve/apierror.h"
#include "util/error.h"

#include <algorithm>
#include <atomic>

namespace llmos::serve {

struct ModelPool::Slot {
    std::string path;
    std::mutex inUse; // guards the loaded models and lastUsed
    std::atomic<std::size_t> waiting{0};
    std::unique_ptr<TextGenerator> generator;
    std::unique_ptr<TextEmbedder> embedder;
    std::chrono::steady_clock::time_point lastUsed = std::chrono::steady_clock::now();
};

ModelPool::ModelPool(std::vector<DeployedModel> models, std::size_t maxWaiting)
    : m_maxWaiting(maxWaiting)
{
    for (auto &model : models)
        deploy(std::move(model));
}

ModelPool::~ModelPool() = default;

std::vector<DeployedModel> ModelPool::models() const
{
    std::lock_guard lock(m_mutex);
    std::vector<DeployedModel> all;
    for (const auto &entry : m_models)
        all.push_back(entry.first);
    return all;
}

bool ModelPool::deployed(const std::string &id) const
{
    std::lock_guard lock(m_mutex);
    return std::any_of(m_models.begin(), m_models.end(), [&](const auto &entry) { return entry.first.id == id; });
}

void ModelPool::deploy(DeployedModel model)
{
    std::lock_guard lock(m_mutex);
    for (const auto &entry : m_models)
        if (entry.first.id == model.id)
            throw ApiError(409, "a model named '" + model.id + "' is already deployed", "id", "already_deployed");
    auto slot = std::make_shared<Slot>();
    slot->path = model.path;
    m_models.emplace_back(std::move(model), std::move(slot));
}

bool ModelPool::undeploy(const std::string &id)
{
    std::lock_guard lock(m_mutex);
    const auto it = std::find_if(m_models.begin(), m_models.end(), [&](const auto &entry) { return entry.first.id == id; });
    if (it == m_models.end())
        return false;
    m_models.erase(it); // a request holding the slot keeps it until it ends
    return true;
}

std::shared_ptr<ModelPool::Slot> ModelPool::slot(const std::string &id) const
{
    std::lock_guard lock(m_mutex);
    for (const auto &entry : m_models)
        if (entry.first.id == id)
            return entry.second;
    throw ApiError(404, "the model '" + id + "' does not exist or is not deployed on this server", "model",
                   "model_not_found");
}

template <typename Loaded, typename Open>
void ModelPool::withLoaded(const std::string &id, std::unique_ptr<Loaded> Slot::*member, const Open &open,
                           const std::function<void(const Loaded &)> &use)
{
    const auto s = slot(id);
    if (s->waiting.fetch_add(1) >= m_maxWaiting) {
        --s->waiting;
        throw ApiError(429, "the model '" + id + "' is busy: too many requests are waiting for it", {}, "model_busy");
    }
    std::unique_lock lock(s->inUse);
    --s->waiting;
    auto &loaded = (*s).*member;
    if (!loaded) {
        try {
            loaded = std::make_unique<Loaded>(open(s->path));
        } catch (const Error &error) {
            // A model the client may not use this way (an encoder asked to generate) is
            // the client's mistake; files missing or damaged on this machine are the server's.
            if (error.kind() == ErrorKind::Unsupported || error.kind() == ErrorKind::InvalidInput)
                throw;
            throw ApiError(500, "the model '" + id + "' could not be loaded: " + error.detail(), "model",
                           "model_load_failed");
        }
    }
    s->lastUsed = std::chrono::steady_clock::now();
    use(*loaded);
    s->lastUsed = std::chrono::steady_clock::now();
}

void ModelPool::withGenerator(const std::string &id, const std::function<void(const TextGenerator &)> &use)
{
    withLoaded(id, &Slot::generator, [](const std::string &path) { return TextGenerator::open(path); }, use);
}

void ModelPool::withEmbedder(const std::string &id, const std::function<void(const TextEmbedder &)> &use)
{
    withLoaded(id, &Slot::embedder, [](const std::string &path) { return TextEmbedder::open(path); }, use);
}

std::size_t ModelPool::unloadIdle(std::chrono::steady_clock::duration idle)
{
    std::vector<std::shared_ptr<Slot>> slots;
    {
        std::lock_guard lock(m_mutex);
        for (const auto &entry : m_models)
            slots.push_back(entry.second);
    }
    const auto now = std::chrono::steady_clock::now();
    std::size_t unloaded = 0;
    for (const auto &s : slots) {
        std::unique_lock lock(s->inUse, std::try_to_lock);
        if (!lock.owns_lock() || s->waiting.load() > 0 || now - s->lastUsed < idle)
            continue; // in use, wanted, or used lately
        if (s->generator || s->embedder)
            ++unloaded;
        s->generator.reset();
        s->embedder.reset();
    }
    return unloaded;
}

std::vector<std::string> ModelPool::loaded() const
{
    std::lock_guard lock(m_mutex);
    std::vector<std::string> ids;
    for (const auto &[model, s] : m_models) {
        std::unique_lock slotLock(s->inUse, std::try_to_lock);
        if (!slotLock.owns_lock() || s->generator || s->embedder) // busy means loaded (or loading)
            ids.push_back(model.id);
    }
    return ids;
}

} // namespace llmos::serve
