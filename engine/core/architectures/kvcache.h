#pragma once

#include <torch/torch.h>

#include <cstdint>
#include <utility>
#include <vector>

namespace llmos {

// Keys and values of the tokens a causal LM has already seen, one pair per layer, so
// that the next forward call only runs the new tokens. Tensors are
// [batch, keyValueHeads, tokens, headDim]; keys are stored after rotary embedding.
// One cache belongs to one sequence batch: pass the same object to each forward call.
class KvCache {
public:
    explicit KvCache(std::int64_t layers)
        : m_keys(static_cast<std::size_t>(layers))
        , m_values(static_cast<std::size_t>(layers))
    {
    }

    std::int64_t layers() const noexcept { return static_cast<std::int64_t>(m_keys.size()); }

    // Tokens cached so far (what the next call's positions start from).
    std::int64_t length() const { return m_keys.empty() || !m_keys[0].defined() ? 0 : m_keys[0].size(2); }

    // Adds this step's keys and values for `layer` and returns all keys and values so far.
    std::pair<torch::Tensor, torch::Tensor> append(std::int64_t layer, const torch::Tensor &keys,
                                                   const torch::Tensor &values)
    {
        auto &k = m_keys.at(static_cast<std::size_t>(layer));
        auto &v = m_values.at(static_cast<std::size_t>(layer));
        k = k.defined() ? torch::cat({k, keys}, 2) : keys;
        v = v.defined() ? torch::cat({v, values}, 2) : values;
        return {k, v};
    }

    void clear()
    {
        for (auto &k : m_keys)
            k = torch::Tensor();
        for (auto &v : m_values)
            v = torch::Tensor();
    }

private:
    std::vector<torch::Tensor> m_keys;
    std::vector<torch::Tensor> m_values;
};

} // namespace llmos
