#pragma once

// What the generation loops share (TextGenerator's batch and ContinuousBatcher): the
// loaded model and tokenizer, and one sequence's state while it is generated. Internal to
// engine/core/generation; torch is visible here.

#include "architectures/causallm.h"
#include "chat/chattemplate.h"
#include "generation/textgenerator.h"
#include "generation/textstream.h"
#include "generation/tokensampler.h"
#include "tokenizer/tokenizer.h"

#include <torch/torch.h>

#include <cmath>
#include <limits>
#include <numeric>
#include <span>

namespace llmos {

// One sequence of a batch while it is being generated.
struct Sequence {
    Sequence(const GenerationRequest &request, const Tokenizer &tokenizer, std::uint64_t fallbackSeed)
        : request(request)
        , sampler(request.sampling, fallbackSeed)
        , decoder(tokenizer, request.promptIds)
        , stops(request.stopStrings)
        , history(request.promptIds)
    {
        result.promptTokens = request.promptIds.size();
        result.seed = sampler.seed();
    }

    const GenerationRequest &request;
    TokenSampler sampler;
    IncrementalDecoder decoder;
    StopStringMatcher stops;
    std::vector<std::int32_t> history; // prompt and output, for the repetition penalty
    GenerationResult result;
    bool finished = false;
};

// The log-softmax of one step's logits, kept for the token the sampler then picks.
class LogDistribution {
public:
    LogDistribution() = default;
    explicit LogDistribution(std::span<const float> logits)
        : m_logits(logits.begin(), logits.end())
    {
        double largest = -std::numeric_limits<double>::infinity();
        for (const float value : m_logits)
            largest = std::max(largest, static_cast<double>(value));
        double sum = 0;
        for (const float value : m_logits)
            sum += std::exp(static_cast<double>(value) - largest);
        m_logSum = largest + std::log(sum);
    }

    TokenLogprob describe(std::int32_t id, int top) const
    {
        TokenLogprob entry{id, logprob(id), {}};
        std::vector<std::int32_t> order(m_logits.size());
        std::iota(order.begin(), order.end(), 0);
        const auto k = std::min<std::size_t>(static_cast<std::size_t>(top), order.size());
        std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(k), order.end(),
                          [&](std::int32_t a, std::int32_t b) {
                              return m_logits[static_cast<std::size_t>(a)] > m_logits[static_cast<std::size_t>(b)] ||
                                     (m_logits[static_cast<std::size_t>(a)] == m_logits[static_cast<std::size_t>(b)] && a < b);
                          });
        for (std::size_t i = 0; i < k; ++i)
            entry.top.emplace_back(order[i], logprob(order[i]));
        return entry;
    }

private:
    double logprob(std::int32_t id) const { return static_cast<double>(m_logits[static_cast<std::size_t>(id)]) - m_logSum; }

    std::vector<float> m_logits;
    double m_logSum = 0;
};


struct TextGenerator::State {
    CausalLm model{nullptr};
    std::unique_ptr<Tokenizer> tokenizer;
    GenerationDefaults defaults;
    std::vector<std::int32_t> endOfSequence;
    std::optional<ChatTemplateSource> chatTemplateSource;
    std::optional<ChatTemplate> chatTemplate;
    torch::Device device{torch::kCPU};

    void checkRequest(const GenerationRequest &request, std::size_t index) const;
    void emit(Sequence &sequence, std::size_t index, std::int32_t id, std::string text,
              const TokenCallback &onToken) const;
    void finish(Sequence &sequence, std::size_t index, FinishReason reason, const TokenCallback &onToken) const;
    // Adds `id` to a sequence and decides whether it ends there.
    void accept(Sequence &sequence, std::size_t index, std::int32_t id, const TokenCallback &onToken) const;
    // One step of one sequence from its row of logits: the log-probabilities it asked for,
    // the sampled token, accept().
    void sampleRow(Sequence &sequence, std::size_t index, std::span<float> logits, const TokenCallback &onToken) const;

    // Prompts left-padded to the longest: ids and mask [prompts, longest] (mask 0 on padding).
    struct PaddedPrompts {
        torch::Tensor ids;
        torch::Tensor mask;
        std::int64_t longest = 0;
        bool padded = false;
    };
    static PaddedPrompts leftPadded(std::span<const GenerationRequest> requests);
};


} // namespace llmos
