#pragma once

#include <chrono>
#include <cstdint>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace llmos {
class ContinuousBatcher;
class TextClassifier;
class TextEmbedder;
} // namespace llmos

namespace llmos::serve {

// A model the server offers: the id clients name in "model", and where it is on disk.
struct DeployedModel {
    std::string id;
    std::string path;
};

// The deployed models, each loaded on its first request and unloaded when it has been idle
// for a while (unloadIdle). Requests to one causal LM run together through its
// ContinuousBatcher: their decode steps are batched, up to `maxBatch` sequences at a time,
// and further requests wait to join; when more than `maxWaiting` requests beyond that are
// in progress on one model the next is refused with 429 (Retry-After). Encoders (embeddings)
// answer one request at a time. Models can be deployed and undeployed while the server
// runs; a request already using an undeployed model finishes with it.
//
// Loads are admitted by memory: a model needs about its weight files' size and a quarter
// more; when the memory available (MemAvailable less a reserve) is short, models no
// request is using are unloaded, least recently used first, and when that is not enough
// the request is refused with 503 insufficient_memory and Retry-After.
class ModelPool {
public:
    explicit ModelPool(std::vector<DeployedModel> models, std::size_t maxWaiting = 16, std::int64_t maxBatch = 16);
    ~ModelPool();

    std::vector<DeployedModel> models() const;
    bool deployed(const std::string &id) const;
    // ApiError 409 when the id is taken.
    void deploy(DeployedModel model);
    // False when no model has that id.
    bool undeploy(const std::string &id);

    // Runs `use` with the model's batcher (a causal LM; its generator() for the tokenizer
    // and template) or embedder (a BERT encoder), loading it first if needed. ApiError 404
    // (model_not_found) for an id not deployed, 429 when too many requests are in progress,
    // 500 (model_load_failed) when its files cannot be loaded; the loaders' llmos::Error
    // for a model that cannot serve this (an encoder asked to generate).
    void withGenerator(const std::string &id, const std::function<void(ContinuousBatcher &)> &use);
    void withEmbedder(const std::string &id, const std::function<void(const TextEmbedder &)> &use);
    // A BERT sequence classifier, one request at a time.
    void withClassifier(const std::string &id, const std::function<void(const TextClassifier &)> &use);

    // Frees the models no request has used for `idle` (those in use are left alone); the
    // next request loads them again. Returns how many were unloaded.
    std::size_t unloadIdle(std::chrono::steady_clock::duration idle);
    // The ids of the models in memory now.
    std::vector<std::string> loaded() const;

    // Per loaded causal LM: decode steps run and the sequences they decoded (their ratio
    // is the mean batch), since it was loaded.
    struct Batching {
        std::string model;
        std::uint64_t steps = 0;
        std::uint64_t sequences = 0;
    };
    std::vector<Batching> batching() const;

    // The bytes a model load may take now; the default reads MemAvailable and keeps 512 MiB
    // back for everything else. Tests set their own.
    using MemoryProbe = std::function<std::uint64_t()>;
    void setMemoryProbe(MemoryProbe probe);
    // What loading the model at `path` takes, estimated from its weight files.
    static std::uint64_t loadEstimate(const std::string &path);

private:
    struct Slot;
    std::shared_ptr<Slot> slot(const std::string &id) const;
    struct LoadedGenerator;
    // The slot, counted as in progress until the returned guard goes; 429 when full.
    std::shared_ptr<Slot> enter(const std::string &id) const;
    template <typename Loaded, typename Open>
    std::shared_ptr<Loaded> load(Slot &slot, std::shared_ptr<Loaded> Slot::*member, const std::string &id,
                                 const Open &open);
    // An encoder (embedder, classifier): loaded as needed, used by one request at a time.
    template <typename Loaded>
    void withEncoder(const std::string &id, std::shared_ptr<Loaded> Slot::*member,
                     const std::function<void(const Loaded &)> &use);

    // Unloads idle models other than `loading` (whose lock the caller holds), least
    // recently used first, until `needed` bytes fit; 503 insufficient_memory when they cannot.
    void makeRoom(std::uint64_t needed, const Slot &loading, const std::string &id);

    mutable std::mutex m_mutex; // the list; each slot has its own locks
    MemoryProbe m_memory;
    std::vector<std::pair<DeployedModel, std::shared_ptr<Slot>>> m_models;
    std::size_t m_maxWaiting;
    std::int64_t m_maxBatch;
};

} // namespace llmos::serve
