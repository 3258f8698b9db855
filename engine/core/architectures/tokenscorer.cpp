#include "architectures/tokenscorer.h"

#include "architectures/causallmloader.h"
#include "util/error.h"

#include <cmath>

namespace llmos {

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
    const auto logits = m_state->model->forward(input);
    const auto logprobs = nextTokenLogprobs(logits, input).squeeze(0).to(torch::kDouble).contiguous();

    TokenScores scores;
    const auto *data = logprobs.data_ptr<double>();
    scores.logprobs.assign(data, data + logprobs.numel());
    for (double lp : scores.logprobs)
        scores.totalLogprob += lp;
    scores.perplexity = std::exp(-scores.totalLogprob / static_cast<double>(scores.logprobs.size()));
    return scores;
}

} // namespace llmos
