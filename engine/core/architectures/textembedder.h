#pragma once

#include "model/modelconfig.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace llmos {

enum class EmbeddingPooling {
    Cls,  // the hidden state of the first token ([CLS])
    Mean, // the mean of the hidden states of the real tokens (padding excluded)
    Last, // the hidden state of the last real token (decoder embedding models)
};

struct EmbeddingOptions {
    std::optional<EmbeddingPooling> pooling; // unset: the folder's default (see TextEmbedder)
    std::optional<bool> normalize;           // unset: the folder's default; true = unit L2 norm
};

struct TextEmbedding {
    std::vector<float> values; // hidden_size numbers
    std::int64_t tokens = 0;   // tokens the model read, special tokens included
    bool truncated = false;    // the text was longer than the model reads; its end was dropped
};

// What `llmos embed` calls: a BERT encoder and its tokenizer from a Hugging Face or
// sentence-transformers folder, turning texts into vectors in fp32 on the CPU. A decoder
// (GPT-2 or Llama family: a decoder embedding model, or any language model) embeds too,
// from its final hidden states, as decoder embedding models (e5-mistral, gte-Qwen2) are
// read. Torch stays behind this header. Not thread-safe: one embedder per thread.
//
// Defaults, read from the folder the way sentence-transformers lays it out:
//   - pooling: 1_Pooling/config.json's pooling_mode_cls_token / pooling_mode_mean_tokens /
//     pooling_mode_lasttoken; mean when there is no such file. A file asking only for
//     another mode (max, ...) has no default: embed() then needs an explicit pooling. CLS
//     pooling of a decoder (whose first token sees nothing after it) is refused.
//   - normalize: true when a 2_Normalize folder exists or modules.json lists a Normalize
//     module, else false.
//   - length: texts longer than max_position_embeddings tokens (or sentence_bert_config.json's
//     max_seq_length, when smaller) are truncated, keeping their start and the [CLS]/[SEP]
//     tokens; TextEmbedding::truncated says so.
class TextEmbedder {
public:
    // Loads config.json, the safetensors weights (bertloader.h) and tokenizer.json, or a
    // BERT GGUF file (ggufbert.h: pooling from bert.pooling_type, mean when it has none;
    // no normalization by default, as llama.cpp leaves it to the caller); throws
    // llmos::Error.
    static TextEmbedder open(const std::string &folder);

    TextEmbedder(TextEmbedder &&) noexcept;
    TextEmbedder &operator=(TextEmbedder &&) noexcept;
    ~TextEmbedder();

    const ModelConfig &config() const;
    std::int64_t dimension() const;
    std::size_t maxTokens() const;
    // The folder's defaults; defaultPooling() is empty when the folder asks for a mode we
    // do not implement.
    std::optional<EmbeddingPooling> defaultPooling() const;
    bool defaultNormalize() const;

    // One embedding per text, in order. Texts run in right-padded batches with an attention
    // mask, so each embedding equals the text's embedding computed alone. No texts ->
    // Error(InvalidInput); no pooling given nor defaulted -> Error(Unsupported).
    std::vector<TextEmbedding> embed(const std::vector<std::string> &texts, const EmbeddingOptions &options = {}) const;

private:
    struct State;
    explicit TextEmbedder(std::unique_ptr<State> state);
    std::unique_ptr<State> m_state;
};

} // namespace llmos
