#include "serve/modelpool.h"

#include "architectures/textembedder.h"
#include "generation/textgenerator.h"
#include "serve/apierror.h"

namespace llmos::serve {

struct ModelPool::Slot {
    std::mutex inUse;
    std::atomic<std::size_t> waiting{0};
    std::unique_ptr<TextGenerator> generator;
    std::unique_ptr<TextEmbedder> embedder;
};

ModelPool::ModelPool(std::vector<DeployedModel> models, std::size_t maxWaiting)
    : m_models(std::move(models))
    , m_maxWaiting(maxWaiting)
{
    for (std::size_t i = 0; i < m_models.size(); ++i)
        m_slots.push_back(std::make_unique<Slot>());
}

ModelPool::~ModelPool() = default;

ModelPool::Slot &ModelPool::slot(const std::string &id)
{
    for (std::size_t i = 0; i < m_models.size(); ++i)
        if (m_models[i].id == id)
            return *m_slots[i];
    throw ApiError(404, "the model '" + id + "' does not exist or is not deployed on this server", "model",
                   "model_not_found");
}

template <typename Loaded, typename Open>
void ModelPool::withLoaded(const std::string &id, std::unique_ptr<Loaded> Slot::*member, const Open &open,
                           const std::function<void(const Loaded &)> &use)
{
    auto &s = slot(id);
    if (s.waiting.fetch_add(1) >= m_maxWaiting) {
        --s.waiting;
        throw ApiError(429, "the model '" + id + "' is busy: too many requests are waiting for it", {}, "model_busy");
    }
    std::unique_lock lock(s.inUse);
    --s.waiting;
    auto &loaded = s.*member;
    if (!loaded) {
        for (std::size_t i = 0; i < m_models.size(); ++i)
            if (m_models[i].id == id)
                loaded = std::make_unique<Loaded>(open(m_models[i].path));
    }
    use(*loaded);
}

void ModelPool::withGenerator(const std::string &id, const std::function<void(const TextGenerator &)> &use)
{
    withLoaded(id, &Slot::generator, [](const std::string &path) { return TextGenerator::open(path); }, use);
}

void ModelPool::withEmbedder(const std::string &id, const std::function<void(const TextEmbedder &)> &use)
{
    withLoaded(id, &Slot::embedder, [](const std::string &path) { return TextEmbedder::open(path); }, use);
}

} // namespace llmos::serve
