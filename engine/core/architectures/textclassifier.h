#pragma once

#include "model/modelconfig.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace llmos {

struct TextClassification {
    std::vector<double> logits;        // one per label, in label order
    std::vector<double> probabilities; // one per label (see TextClassifier)
    std::size_t best = 0;              // index of the highest probability
    std::int64_t tokens = 0;           // tokens the model read, special tokens included
    bool truncated = false;            // the text was longer than the model reads; its end was dropped
};

// What `llmos classify`, the apps and /v1/classify call: a BertForSequenceClassification
// (folder or GGUF) or a decoder classifier folder (GPT2/Llama/Mistral/Qwen2
// ForSequenceClassification, decoderclassifier.h) and its tokenizer. Probabilities are
// the softmax of the logits; for problem_type "multi_label_classification" or a single
// label they are per-label sigmoids, as transformers' text-classification pipeline does.
// Texts are tokenized with the tokenizer's special tokens, as training tokenizes them;
// texts longer than max_position_embeddings tokens are truncated like TextEmbedder's.
// Not thread-safe.
class TextClassifier {
public:
    // A Hugging Face folder or a BERT GGUF file with a classification head (ggufbert.h).
    // Throws llmos::Error (see bertloader.h, decoderclassifier.h and ggufbert.h for what
    // is checked).
    static TextClassifier open(const std::string &folder);

    TextClassifier(TextClassifier &&) noexcept;
    TextClassifier &operator=(TextClassifier &&) noexcept;
    ~TextClassifier();

    const ModelConfig &config() const;
    // config.json's id2label in id order, or LABEL_0..LABEL_{n-1} when it has none.
    const std::vector<std::string> &labels() const;

    // One result per text, in order (batched by length: a text's result does not depend on
    // the others). No texts -> Error(InvalidInput).
    std::vector<TextClassification> classify(const std::vector<std::string> &texts) const;
    // One result per pair of texts, read together (encoderPairInput): what a cross-encoder
    // (a reranker, one label: the pair's relevance) or a sentence-pair classifier (NLI) is
    // made for. No pairs -> Error(InvalidInput); a decoder classifier -> Error(Unsupported).
    std::vector<TextClassification> classifyPairs(const std::vector<std::pair<std::string, std::string>> &pairs) const;

private:
    struct EncodedBatch;
    // The results of `count` inputs, encoded a batch at a time by `encode(first, size)`.
    std::vector<TextClassification> classifyBatches(std::size_t count,
                                                    const std::function<EncodedBatch(std::size_t, std::size_t)> &encode) const;

    struct State;
    explicit TextClassifier(std::unique_ptr<State> state);
    std::unique_ptr<State> m_state;
};

} // namespace llmos
