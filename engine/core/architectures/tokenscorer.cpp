#include "architectures/tokenscorer.h"

#include "architectures/causallmloader.h"
#include "util/error.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace llmos {

namespace {

// Positions per LM-head call when scoring.
constexpr std::int64_t kLogitChunk = 128;

} // namespace

struct TokenScorer::State {
    CausalLm model{nullptr};
};

TokenScorer::TokenScorer(std::unique_ptr<State> state)
    : m_state(std::move(state))
{
}

TokenScorer::TokenScorer(TokenScorer &&) noexcept = default;
TokenScorer &TokenScorer::operator=(TokenScorer &&) noexcept = default;
TokenScorer::~TokenScorer() = default;

TokenScorer TokenScorer::open(const std::string &folder)
{
    auto state = std::make_unique<State>();
    state->model = loadCausalLm(folder);
    return TokenScorer(std::move(state));
}

const ModelConfig &TokenScorer::config() const
{
    return m_state->model->config();
}

TokenScores TokenScorer::score(std::span<const std::int64_t> ids) const
{
    const auto &config = m_state->model->config();
    if (ids.size() < 2)
        throw Error(ErrorKind::InvalidInput, "score", "needs at least two tokens: the first one is only context");
    for (std::size_t i = 0; i < ids.size(); ++i)
        if (ids[i] < 0 || ids[i] >= config.vocabSize)
            throw Error(ErrorKind::InvalidInput, "score: token " + std::to_string(i),
                        "id " + std::to_string(ids[i]) + " is outside the vocabulary of "
                            + std::to_string(config.vocabSize) + "; was the text tokenized for another model?");
    if (config.family == ModelFamily::Gpt2 && static_cast<std::int64_t>(ids.size()) > config.maxPositionEmbeddings)
        throw Error(ErrorKind::InvalidInput, "score",
                    std::to_string(ids.size()) + " tokens is more than the model's context of "
                        + std::to_string(config.maxPositionEmbeddings));

    torch::NoGradGuard noGrad;
    const auto input = torch::tensor(std::vector<std::int64_t>(ids.begin(), ids.end()), torch::kLong).unsqueeze(0);
    auto &model = *m_state->model;
    const auto hidden = model.hiddenStates(input);
    // The LM head runs over a few positions at a time: the logits of a whole sequence,
    // [tokens, vocab] in fp32, would be 1 GiB for 2,048 tokens of a 128k vocabulary.
    const auto predicted = input.size(1) - 1;
    std::vector<torch::Tensor> pieces;
    for (std::int64_t start = 0; start < predicted; start += kLogitChunk) {
        const auto length = std::min(kLogitChunk, predicted - start);
        pieces.push_back(targetLogprobs(model.logits(hidden.narrow(1, start, length)),
                                        input.narrow(1, start + 1, length)));
    }
    const auto logprobs = torch::cat(pieces, 1).squeeze(0).to(torch::kDouble).contiguous();

    TokenScores scores;
    const auto *data = logprobs.data_ptr<double>();
    scores.logprobs.assign(data, data + logprobs.numel());
    for (double lp : scores.logprobs)
        scores.totalLogprob += lp;
    scores.perplexity = std::exp(-scores.totalLogprob / static_cast<double>(scores.logprobs.size()));
    return scores;
}

} // namespace llmos
