#include "architectures/textclassifier.h"

#include "architectures/bertloader.h"
#include "architectures/causallmloader.h"
#include "architectures/classifierlabels.h"
#include "architectures/decoderclassifier.h"
#include "architectures/encoderinput.h"
#include "architectures/ggufbert.h"
#include "formats/gguf/gguffile.h"
#include "tokenizer/gguftokenizer.h"
#include "tokenizer/loadtokenizer.h"
#include "util/error.h"

#include <algorithm>
#include <numeric>
#include <filesystem>
#include <span>

namespace llmos {

namespace {

// Bounds the memory of one forward pass (attention scores grow with batch x seq^2).
constexpr std::size_t kBatchSize = 32;

std::vector<double> row(const torch::Tensor &t)
{
    const auto d = t.to(torch::kDouble).contiguous();
    return {d.data_ptr<double>(), d.data_ptr<double>() + d.numel()};
}

std::function<torch::Tensor(const EncoderInput &)> encoderLogits(BertForSequenceClassification model)
{
    return [model](const EncoderInput &input) mutable { return model->forward(input.ids, input.mask, input.typeIds); };
}

} // namespace

struct TextClassifier::State {
    ModelConfig config;
    // The model's logits [batch, labels] for one encoded batch.
    std::function<torch::Tensor(const EncoderInput &)> logits;
    bool readsPairs = false; // an encoder, which has a pair template (token types)
    std::unique_ptr<Tokenizer> tokenizer;
    std::vector<std::string> labels;
    bool sigmoid = false;
};

TextClassifier::TextClassifier(std::unique_ptr<State> state)
    : m_state(std::move(state))
{
}

TextClassifier::TextClassifier(TextClassifier &&) noexcept = default;
TextClassifier &TextClassifier::operator=(TextClassifier &&) noexcept = default;
TextClassifier::~TextClassifier() = default;

TextClassifier TextClassifier::open(const std::string &folder)
{
    auto state = std::make_unique<State>();
    ClassifierLabels head;
    if (isGgufFile(folder)) {
        const auto file = GgufFile::open(folder);
        const auto config = bertConfigFromGguf(file);
        head = {config.numLabels, config.problemType};
        state->config = config.model;
        state->readsPairs = true;
        state->logits = encoderLogits(loadBertClassifierFromGguf(file));
        state->tokenizer = loadGgufTokenizer(file);
    } else if (const auto configPath = (std::filesystem::path(folder) / "config.json").string();
               loadModelConfig(configPath).family == ModelFamily::Bert) {
        const auto config = loadBertConfig(configPath);
        head = {config.numLabels, config.problemType};
        state->config = config.model;
        state->readsPairs = true;
        state->logits = encoderLogits(loadBertClassifier(folder));
        state->tokenizer = loadTokenizer(folder);
    } else {
        auto model = loadDecoderClassifier(folder, head);
        state->config = model->config();
        state->logits = [model](const EncoderInput &input) mutable { return model->forward(input.ids, input.mask); };
        state->tokenizer = loadTokenizer(folder);
    }
    state->labels = state->config.labels;
    for (auto i = static_cast<std::int64_t>(state->labels.size()); i < head.count; ++i)
        state->labels.push_back("LABEL_" + std::to_string(i));
    state->sigmoid = head.sigmoid();
    return TextClassifier(std::move(state));
}

const ModelConfig &TextClassifier::config() const
{
    return m_state->config;
}

const std::vector<std::string> &TextClassifier::labels() const
{
    return m_state->labels;
}

struct TextClassifier::EncodedBatch {
    EncoderInput input;
};

std::vector<TextClassification> TextClassifier::classify(const std::vector<std::string> &texts) const
{
    if (texts.empty())
        throw Error(ErrorKind::InvalidInput, "classify", "no texts given");
    const auto maxTokens = static_cast<std::size_t>(config().maxPositionEmbeddings);
    // Texts of similar length share a batch, so little of it is padding: a batch costs
    // what its longest text costs. Their length in bytes stands in for their tokens.
    std::vector<std::size_t> order(texts.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return texts[a].size() < texts[b].size(); });
    std::vector<std::string> sorted;
    sorted.reserve(texts.size());
    for (const auto i : order)
        sorted.push_back(texts[i]);
    const std::span<const std::string> all(sorted);
    auto results = classifyBatches(sorted.size(), [&](std::size_t first, std::size_t size) {
        return EncodedBatch{encoderInput(*m_state->tokenizer, all.subspan(first, size), maxTokens)};
    });
    std::vector<TextClassification> inOrder(results.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        inOrder[order[i]] = std::move(results[i]);
    return inOrder;
}

std::vector<TextClassification>
TextClassifier::classifyPairs(const std::vector<std::pair<std::string, std::string>> &pairs) const
{
    if (pairs.empty())
        throw Error(ErrorKind::InvalidInput, "classify", "no text pairs given");
    if (!m_state->readsPairs)
        throw Error(ErrorKind::Unsupported, "classify",
                    "this is a decoder classifier (" + config().modelType +
                        "), which reads one text; pairs of texts need a BERT cross-encoder");
    const auto maxTokens = static_cast<std::size_t>(config().maxPositionEmbeddings);
    const std::span<const std::pair<std::string, std::string>> all(pairs);
    return classifyBatches(pairs.size(), [&](std::size_t first, std::size_t size) {
        return EncodedBatch{encoderPairInput(*m_state->tokenizer, all.subspan(first, size), maxTokens)};
    });
}

std::vector<TextClassification>
TextClassifier::classifyBatches(std::size_t count, const std::function<EncodedBatch(std::size_t, std::size_t)> &encode) const
{
    torch::NoGradGuard noGrad;
    std::vector<TextClassification> out;
    for (std::size_t first = 0; first < count; first += kBatchSize) {
        const auto input = encode(first, std::min(kBatchSize, count - first)).input;
        const auto logits = m_state->logits(input);
        const auto probabilities = m_state->sigmoid ? torch::sigmoid(logits) : torch::softmax(logits, -1);
        for (std::int64_t i = 0; i < logits.size(0); ++i) {
            TextClassification result{row(logits[i]), row(probabilities[i]), 0, input.tokens[i], input.truncated[i]};
            result.best =
                static_cast<std::size_t>(std::max_element(result.probabilities.begin(), result.probabilities.end()) -
                                         result.probabilities.begin());
            out.push_back(std::move(result));
        }
    }
    return out;
}

} // namespace llmos
