#pragma once

#include "architectures/rowkernels.h"

#include <torch/torch.h>

#include <algorithm>
#include <cstring>
#include <cstdint>
#include <utility>
#include <vector>

namespace llmos {

// Keys and values of the tokens a causal LM has already seen, one pair per layer, so
// that the next forward call only runs the new tokens. Tensors are
// [batch, keyValueHeads, tokens, headDim]; keys are stored after rotary embedding.
// One cache belongs to one sequence batch: pass the same object to each forward call.
//
// Storage is preallocated and grows by doubling, so appending a decode step copies only
// that step's keys and values; concatenating instead would copy the whole cache at every
// step, which at batch 8 costs as much memory traffic as the weights.
class KvCache {
public:
    explicit KvCache(std::int64_t layers)
        : m_keys(static_cast<std::size_t>(layers))
        , m_values(static_cast<std::size_t>(layers))
    {
    }

    std::int64_t layers() const noexcept { return static_cast<std::int64_t>(m_keys.size()); }

    // Tokens cached so far (what the next call's positions start from).
    std::int64_t length() const { return m_length; }

    // Room for this many tokens in all, allocated at the first append (a generator knows
    // prompt + new tokens in advance). More still works; it reallocates.
    void reserve(std::int64_t tokens) { m_reserved = std::max(m_reserved, tokens); }

    // Adds this step's keys and values for `layer` and returns all keys and values so far
    // (views of the storage). Every layer must be appended once per step, in order.
    std::pair<torch::Tensor, torch::Tensor> append(std::int64_t layer, const torch::Tensor &keys,
                                                   const torch::Tensor &values)
    {
        const auto index = static_cast<std::size_t>(layer);
        auto &k = m_keys.at(index);
        auto &v = m_values.at(index);
        const auto added = keys.size(2);
        const auto needed = m_length + added;
        if (!k.defined() || k.size(2) < needed) {
            const auto capacity = std::max({needed, m_reserved, k.defined() ? 2 * k.size(2) : std::int64_t(0)});
            k = grow(k, keys, capacity);
            v = grow(v, values, capacity);
        }
        k.narrow(2, m_length, added).copy_(keys);
        v.narrow(2, m_length, added).copy_(values);
        if (index + 1 == m_keys.size())
            m_length = needed; // the last layer completes the step
        return {k.narrow(2, 0, needed), v.narrow(2, 0, needed)};
    }

    // Where a row-path step's cached keys and values are: row b's head h starts at
    // keys + b * rowStride + h * headStride, `tokens` rows of headDim each.
    struct CachedRows {
        const float *keys;
        const float *values;
        std::int64_t rowStride;
        std::int64_t headStride;
        std::int64_t tokens;
        // Row b's heads without its first `padding` (masked) slots.
        rowkernels::CachedHeads row(std::int64_t b, std::int64_t headDim, std::int64_t padding) const
        {
            return {keys + b * rowStride + padding * headDim, values + b * rowStride + padding * headDim, headStride,
                    tokens - padding};
        }
    };

    // append() for decoding on the CPU without tensor ops: one token of each of `rows`
    // sequences for `layer`; row b's keys and values (keyValueHeads x headDim floats each)
    // at keys + b * inputStride and values + b * inputStride, copied into fp32 storage.
    CachedRows appendRows(std::int64_t layer, const float *keys, const float *values, std::int64_t rows,
                          std::int64_t inputStride, std::int64_t keyValueHeads, std::int64_t headDim)
    {
        const auto index = static_cast<std::size_t>(layer);
        auto &k = m_keys.at(index);
        auto &v = m_values.at(index);
        const auto needed = m_length + 1;
        if (!k.defined() || k.size(2) < needed) {
            const auto like = torch::empty({rows, keyValueHeads, 0, headDim}, torch::kFloat);
            const auto capacity = std::max({needed, m_reserved, k.defined() ? 2 * k.size(2) : std::int64_t(0)});
            k = grow(k, like, capacity);
            v = grow(v, like, capacity);
        }
        // grow() and restructure() make contiguous [rows, heads, capacity, headDim] storage.
        const auto headStride = k.size(2) * headDim;
        const auto rowStride = keyValueHeads * headStride;
        float *keyBase = k.data_ptr<float>();
        float *valueBase = v.data_ptr<float>();
        const auto bytes = static_cast<std::size_t>(headDim) * sizeof(float);
        for (std::int64_t b = 0; b < rows; ++b)
            for (std::int64_t h = 0; h < keyValueHeads; ++h) {
                const auto at = b * rowStride + h * headStride + m_length * headDim;
                std::memcpy(keyBase + at, keys + b * inputStride + h * headDim, bytes);
                std::memcpy(valueBase + at, values + b * inputStride + h * headDim, bytes);
            }
        if (index + 1 == m_keys.size())
            m_length = needed;
        return {keyBase, valueBase, rowStride, headStride, needed};
    }

    // Batch surgery for continuous batching (generation/continuousbatcher.h): sequences
    // join and leave a running batch between decode steps. Each call copies the cache
    // once into fresh storage; a decode step never does.

    // `tokens` masked-out slots in front of every row (the caller's attention mask gets as
    // many zeros), so a batch can take rows with longer histories.
    void padLeft(std::int64_t tokens)
    {
        restructure([&](const torch::Tensor &cached, bool, std::size_t) {
            auto shape = cached.sizes().vec();
            shape[2] = tokens;
            return torch::cat({torch::zeros(shape, cached.options()), cached}, 2);
        });
        m_length += tokens;
    }
    // The first `tokens` slots of every row go (they must be padding in every row).
    void dropLeft(std::int64_t tokens)
    {
        restructure([&](const torch::Tensor &cached, bool, std::size_t) {
            return cached.narrow(2, tokens, m_length - tokens);
        });
        m_length -= tokens;
    }
    // Only these rows stay, in this order.
    void keepRows(const torch::Tensor &rows)
    {
        restructure([&](const torch::Tensor &cached, bool, std::size_t) {
            return cached.index_select(0, rows.to(cached.device()));
        });
    }
    // `other`'s rows after these; both must hold the same number of tokens.
    void appendBatch(const KvCache &other)
    {
        restructure([&](const torch::Tensor &cached, bool keys, std::size_t layer) {
            const auto &theirs = keys ? other.m_keys.at(layer) : other.m_values.at(layer);
            return torch::cat({cached, theirs.narrow(2, 0, other.m_length)}, 0);
        });
    }
    std::int64_t rows() const { return m_keys.empty() || !m_keys[0].defined() ? 0 : m_keys[0].size(0); }

    void clear()
    {
        for (auto &k : m_keys)
            k = torch::Tensor();
        for (auto &v : m_values)
            v = torch::Tensor();
        m_length = 0;
    }

private:
    // Every layer's keys and values replaced by change(the cached part, keys?, layer), in
    // storage with room for what was reserved.
    template <typename Change>
    void restructure(Change change)
    {
        for (const bool keys : {true, false})
            for (std::size_t layer = 0; layer < m_keys.size(); ++layer) {
                auto &t = keys ? m_keys[layer] : m_values[layer];
                if (!t.defined())
                    continue;
                const auto changed = change(t.narrow(2, 0, m_length), keys, layer);
                const auto capacity = std::max(changed.size(2), m_reserved);
                auto storage = torch::empty({changed.size(0), changed.size(1), capacity, changed.size(3)},
                                            changed.options());
                storage.narrow(2, 0, changed.size(2)).copy_(changed);
                t = storage;
            }
    }

    // New storage of `capacity` tokens holding what `old` holds.
    torch::Tensor grow(const torch::Tensor &old, const torch::Tensor &like, std::int64_t capacity) const
    {
        auto storage = torch::empty({like.size(0), like.size(1), capacity, like.size(3)}, like.options());
        if (old.defined() && m_length > 0)
            storage.narrow(2, 0, m_length).copy_(old.narrow(2, 0, m_length));
        return storage;
    }

    std::vector<torch::Tensor> m_keys;
    std::vector<torch::Tensor> m_values;
    std::int64_t m_length = 0;
    std::int64_t m_reserved = 0;
};

} // namespace llmos
