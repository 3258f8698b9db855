#pragma once

#include "model/modelconfig.h"

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace llmos {

struct TokenScores {
    // logprobs[i] = ln p(ids[i + 1] | ids[0..i]); one fewer than the ids.
    std::vector<double> logprobs;
    double totalLogprob = 0; // sum of logprobs
    double perplexity = 0;   // exp(-mean(logprobs))
};

// What `llmos score` calls: a causal LM loaded from a Hugging Face folder, scoring token
// sequences in fp32 on the CPU. Torch stays behind this header. Not thread-safe: one
// scorer per thread (torch's intra-op threads are set by the app).
class TokenScorer {
public:
    // Loads config.json and the safetensors weights; throws llmos::Error (see
    // causallmloader.h for what is checked).
    static TokenScorer open(const std::string &folder);

    TokenScorer(TokenScorer &&) noexcept;
    TokenScorer &operator=(TokenScorer &&) noexcept;
    ~TokenScorer();

    const ModelConfig &config() const;

    // Needs at least two ids, each inside the vocabulary (Error(InvalidInput) naming the
    // position otherwise); GPT-2 also refuses more ids than n_positions.
    TokenScores score(std::span<const std::int64_t> ids) const;

private:
    struct State;
    explicit TokenScorer(std::unique_ptr<State> state);
    std::unique_ptr<State> m_state;
};

} // namespace llmos
