#include "serve/modelpool.h"

#include "architectures/textclassifier.h"
#include "architectures/textembedder.h"
#include "generation/continuousbatcher.h"
#include "generation/textgenerator.h"
#include "serve/apierror.h"
#include "util/error.h"
#include "util/heaptuning.h"
#include "jobs/devicecapacity.h"

#include <algorithm>
#include <filesystem>
#include <atomic>

namespace llmos::serve {

// A causal LM and the batcher its requests go through (which refers to it).
struct ModelPool::LoadedGenerator {
    LoadedGenerator(TextGenerator loaded, std::int64_t maxBatch)
        : generator(std::move(loaded))
        , batcher(generator, {.maxRows = maxBatch, .beforeStep = {}})
    {
    }
    TextGenerator generator;
    ContinuousBatcher batcher;
};

struct ModelPool::Slot {
    std::string path;
    std::mutex loading; // guards the loaded models and lastUsed
    std::mutex encoding; // an encoder answers one request at a time
    std::atomic<std::size_t> inProgress{0};
    std::shared_ptr<LoadedGenerator> generator;
    std::shared_ptr<TextEmbedder> embedder;
    std::shared_ptr<TextClassifier> classifier;
    std::chrono::steady_clock::time_point lastUsed = std::chrono::steady_clock::now();
    std::uint64_t loadedBytes = 0; // loadEstimate() of what is loaded
    bool anyLoaded() const { return generator || embedder || classifier; }
    void unload()
    {
        generator.reset();
        embedder.reset();
        classifier.reset();
        loadedBytes = 0;
    }
};

ModelPool::ModelPool(std::vector<DeployedModel> models, std::size_t maxWaiting, std::int64_t maxBatch)
    : m_maxWaiting(maxWaiting)
    , m_maxBatch(maxBatch)
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

namespace {

// Counts a request as in progress on a slot for as long as it lives.
template <typename Slot>
struct InProgress {
    std::shared_ptr<Slot> slot;
    ~InProgress()
    {
        std::lock_guard lock(slot->loading);
        slot->lastUsed = std::chrono::steady_clock::now();
        --slot->inProgress;
    }
};

} // namespace

std::shared_ptr<ModelPool::Slot> ModelPool::enter(const std::string &id) const
{
    auto s = slot(id);
    const auto limit = m_maxWaiting + static_cast<std::size_t>(std::max<std::int64_t>(m_maxBatch, 1));
    if (s->inProgress.fetch_add(1) >= limit) {
        --s->inProgress;
        throw ApiError(429, "the model '" + id + "' is busy: too many requests are in progress on it", {}, "model_busy");
    }
    return s;
}

template <typename Loaded, typename Open>
std::shared_ptr<Loaded> ModelPool::load(Slot &s, std::shared_ptr<Loaded> Slot::*member, const std::string &id,
                                        const Open &open)
{
    std::lock_guard lock(s.loading); // one load at a time; later requests find it loaded
    auto &loaded = s.*member;
    if (!loaded) {
        const auto needed = loadEstimate(s.path);
        makeRoom(needed, s, id);
        try {
            loaded = open(s.path);
            s.loadedBytes += needed;
        } catch (const Error &error) {
            // A model the client may not use this way (an encoder asked to generate) is
            // the client's mistake; files missing or damaged on this machine are the server's.
            if (error.kind() == ErrorKind::Unsupported || error.kind() == ErrorKind::InvalidInput)
                throw;
            throw ApiError(500, "the model '" + id + "' could not be loaded: " + error.detail(), "model",
                           "model_load_failed");
        }
    }
    s.lastUsed = std::chrono::steady_clock::now();
    return loaded;
}

void ModelPool::withGenerator(const std::string &id, const std::function<void(ContinuousBatcher &)> &use)
{
    const InProgress<Slot> counted{enter(id)};
    const auto loaded = load(*counted.slot, &Slot::generator, id, [this](const std::string &path) {
        return std::make_shared<LoadedGenerator>(TextGenerator::open(path), m_maxBatch);
    });
    use(loaded->batcher);
}

template <typename Loaded>
void ModelPool::withEncoder(const std::string &id, std::shared_ptr<Loaded> Slot::*member,
                           const std::function<void(const Loaded &)> &use)
{
    const InProgress<Slot> counted{enter(id)};
    const auto loaded = load(*counted.slot, member, id, [](const std::string &path) {
        return std::make_shared<Loaded>(Loaded::open(path));
    });
    std::lock_guard lock(counted.slot->encoding);
    use(*loaded);
}

void ModelPool::withEmbedder(const std::string &id, const std::function<void(const TextEmbedder &)> &use)
{
    withEncoder(id, &Slot::embedder, use);
}

void ModelPool::withClassifier(const std::string &id, const std::function<void(const TextClassifier &)> &use)
{
    withEncoder(id, &Slot::classifier, use);
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
        std::unique_lock lock(s->loading, std::try_to_lock);
        if (!lock.owns_lock() || s->inProgress.load() > 0 || now - s->lastUsed < idle)
            continue; // loading, in use, or used lately
        if (s->anyLoaded())
            ++unloaded;
        s->unload();
    }
    return unloaded;
}

std::vector<std::string> ModelPool::loaded() const
{
    std::lock_guard lock(m_mutex);
    std::vector<std::string> ids;
    for (const auto &[model, s] : m_models) {
        std::unique_lock slotLock(s->loading, std::try_to_lock);
        if (!slotLock.owns_lock() || s->anyLoaded()) // busy means loading
            ids.push_back(model.id);
    }
    return ids;
}

void ModelPool::setMemoryProbe(MemoryProbe probe)
{
    std::lock_guard lock(m_mutex);
    m_memory = std::move(probe);
}

std::uint64_t ModelPool::loadEstimate(const std::string &path)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    std::uint64_t bytes = 0;
    if (fs::is_regular_file(path, ec)) {
        bytes = fs::file_size(path, ec);
    } else {
        for (const auto &entry : fs::directory_iterator(path, ec)) {
            const auto extension = entry.path().extension().string();
            if (entry.is_regular_file(ec) && (extension == ".safetensors" || extension == ".bin" || extension == ".gguf"))
                bytes += entry.file_size(ec);
        }
    }
    return bytes + bytes / 4; // activations, the KV cache, fused copies
}

void ModelPool::makeRoom(std::uint64_t needed, const Slot &loading, const std::string &id)
{
    MemoryProbe probe;
    std::vector<std::shared_ptr<Slot>> slots;
    {
        std::lock_guard lock(m_mutex);
        probe = m_memory;
        for (const auto &entry : m_models)
            if (entry.second.get() != &loading)
                slots.push_back(entry.second);
    }
    if (!probe)
        probe = [] { return cpuCapacity(512ull << 20).memoryBytes; };
    auto available = probe();
    if (available >= needed)
        return;
    // The idle loaded models, least recently used first (read under their own locks).
    std::vector<std::pair<std::chrono::steady_clock::time_point, std::shared_ptr<Slot>>> idle;
    for (const auto &other : slots) {
        std::unique_lock lock(other->loading, std::try_to_lock);
        if (lock.owns_lock() && other->inProgress.load() == 0 && other->anyLoaded())
            idle.emplace_back(other->lastUsed, other);
    }
    std::sort(idle.begin(), idle.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    for (const auto &[lastUsed, other] : idle) {
        std::unique_lock lock(other->loading, std::try_to_lock);
        if (!lock.owns_lock() || other->inProgress.load() > 0 || !other->anyLoaded())
            continue; // taken meanwhile
        available += other->loadedBytes;
        other->unload();
        if (available >= needed) {
            returnFreedMemoryToSystem();
            return;
        }
    }
    const auto mib = [](std::uint64_t bytes) { return std::to_string(bytes >> 20); };
    const bool othersInUse = std::any_of(slots.begin(), slots.end(), [](const auto &other) { return other->inProgress > 0; });
    throw ApiError(503,
                   "not enough memory to load the model '" + id + "': it needs about " + mib(needed) + " MiB and " +
                       mib(available) + " MiB are free" +
                       (othersInUse ? " while the other models are in use; try again later"
                                    : " on this machine; free memory or serve a smaller (quantized) model"),
                   "model", "insufficient_memory");
}

std::vector<ModelPool::Batching> ModelPool::batching() const
{
    std::lock_guard lock(m_mutex);
    std::vector<Batching> all;
    for (const auto &[model, s] : m_models) {
        std::unique_lock slotLock(s->loading, std::try_to_lock);
        if (!slotLock.owns_lock() || !s->generator)
            continue;
        const auto counters = s->generator->batcher.counters();
        all.push_back({model.id, counters.steps, counters.rows});
    }
    return all;
}

} // namespace llmos::serve
