#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
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

// The deployed models, each loaded on its first request and unloaded when it has been idle
// for a while (unloadIdle). One request uses a model at a time; the others wait their
// turn, and when more than `maxWaiting` wait for one model the next is refused with 429
// (Retry-After). Decode steps of concurrent requests are not batched together yet
// (continuous batching: issue 8's next step). Models can be deployed and undeployed while
// the server runs; a request already using an undeployed model finishes with it.
class ModelPool {
public:
    explicit ModelPool(std::vector<DeployedModel> models, std::size_t maxWaiting = 16);
    ~ModelPool();

    std::vector<DeployedModel> models() const;
    bool deployed(const std::string &id) const;
    // ApiError 409 when the id is taken.
    void deploy(DeployedModel model);
    // False when no model has that id.
    bool undeploy(const std::string &id);

    // Runs `use` with the model's generator (a causal LM) or embedder (a BERT encoder),
    // loading it first if needed. ApiError 404 (model_not_found) for an id not deployed,
    // 429 when too many requests wait; the loaders' llmos::Error otherwise.
    void withGenerator(const std::string &id, const std::function<void(const TextGenerator &)> &use);
    void withEmbedder(const std::string &id, const std::function<void(const TextEmbedder &)> &use);

    // Frees the models no request has used for `idle` (those in use are left alone); the
    // next request loads them again. Returns how many were unloaded.
    std::size_t unloadIdle(std::chrono::steady_clock::duration idle);
    // The ids of the models in memory now.
    std::vector<std::string> loaded() const;

private:
    struct Slot;
    std::shared_ptr<Slot> slot(const std::string &id) const;
    template <typename Loaded, typename Open>
    void withLoaded(const std::string &id, std::unique_ptr<Loaded> Slot::*member, const Open &open,
                    const std::function<void(const Loaded &)> &use);

    mutable std::mutex m_mutex; // the list; each slot has its own lock for its use
    std::vector<std::pair<DeployedModel, std::shared_ptr<Slot>>> m_models;
    std::size_t m_maxWaiting;
};

} // namespace llmos::serve
