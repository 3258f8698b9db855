#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace llmos {
class TextEmbedder;
class TextGenerator;
} // namespace llmos

namespace llmos::serve {

// A model the server offers: the id clients name in "model", and where it is on disk.
struct DeployedModel {
    std::string id;
    std::string path;
};

// The deployed models, each loaded on its first request and kept. One request uses a
// model at a time; the others wait their turn, and when more than `maxWaiting` wait for
// one model the next is refused with 429 (Retry-After). Decode steps of concurrent
// requests are not batched together yet (continuous batching: issue 8's next step).
class ModelPool {
public:
    explicit ModelPool(std::vector<DeployedModel> models, std::size_t maxWaiting = 16);
    ~ModelPool();

    const std::vector<DeployedModel> &models() const noexcept { return m_models; }

    // Runs `use` with the model's generator (a causal LM) or embedder (a BERT encoder),
    // loading it first if needed. ApiError 404 (model_not_found) for an id not deployed,
    // 429 when too many requests wait; the loaders' llmos::Error otherwise.
    void withGenerator(const std::string &id, const std::function<void(const TextGenerator &)> &use);
    void withEmbedder(const std::string &id, const std::function<void(const TextEmbedder &)> &use);

private:
    struct Slot;
    Slot &slot(const std::string &id);
    template <typename Loaded, typename Open>
    void withLoaded(const std::string &id, std::unique_ptr<Loaded> Slot::*member, const Open &open,
                    const std::function<void(const Loaded &)> &use);

    std::vector<DeployedModel> m_models;
    std::vector<std::unique_ptr<Slot>> m_slots; // same order as m_models
    std::size_t m_maxWaiting;
};

} // namespace llmos::serve
