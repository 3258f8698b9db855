#pragma once

#include "model/modelconfig.h"

#include <torch/torch.h>

#include <optional>
#include <string>
#include <string_view>

namespace llmos {

// How llama.cpp lays out the Llama family in GGUF (convert_hf_to_gguf.py and
// llama-arch.cpp), shared by the GGUF loader and the exporter so that the two cannot
// drift apart.

// Hyperparameter keys are "<architecture>.<suffix>".
namespace ggufkey {
inline constexpr std::string_view kArchitecture = "general.architecture";
inline constexpr std::string_view kName = "general.name";
inline constexpr std::string_view kFileType = "general.file_type";
inline constexpr std::string_view kVocabSize = "vocab_size";
inline constexpr std::string_view kContextLength = "context_length";
inline constexpr std::string_view kEmbeddingLength = "embedding_length";
inline constexpr std::string_view kBlockCount = "block_count";
inline constexpr std::string_view kFeedForwardLength = "feed_forward_length";
inline constexpr std::string_view kHeadCount = "attention.head_count";
inline constexpr std::string_view kHeadCountKv = "attention.head_count_kv";
inline constexpr std::string_view kKeyLength = "attention.key_length";
inline constexpr std::string_view kValueLength = "attention.value_length";
inline constexpr std::string_view kRmsEpsilon = "attention.layer_norm_rms_epsilon";
// llama.cpp's name for a sliding attention window (LLM_KV_ATTENTION_SLIDING_WINDOW): a
// Mistral model is stored as "llama" with it, and comes back as Mistral.
inline constexpr std::string_view kSlidingWindow = "attention.sliding_window";
inline constexpr std::string_view kRopeFreqBase = "rope.freq_base";
inline constexpr std::string_view kRopeDimensionCount = "rope.dimension_count";
inline constexpr std::string_view kRopeScalingType = "rope.scaling.type";
inline constexpr std::string_view kRopeScalingFactor = "rope.scaling.factor";
inline constexpr std::string_view kRopeScaleLinear = "rope.scale_linear"; // before rope.scaling.*
inline constexpr std::string_view kBosTokenId = "tokenizer.ggml.bos_token_id";
inline constexpr std::string_view kEosTokenId = "tokenizer.ggml.eos_token_id";
inline constexpr std::string_view kPadTokenId = "tokenizer.ggml.padding_token_id";
inline constexpr std::string_view kTokens = "tokenizer.ggml.tokens";
// GPT-2 and BERT (LayerNorm rather than RMSNorm; encoders).
inline constexpr std::string_view kLayerNormEpsilon = "attention.layer_norm_epsilon";
inline constexpr std::string_view kCausalAttention = "attention.causal";
inline constexpr std::string_view kPoolingType = "pooling_type";
inline constexpr std::string_view kClassifierLabels = "classifier.output_labels";
inline constexpr std::string_view kTokenTypeCount = "tokenizer.ggml.token_type_count";
// Ours, not llama.cpp's (which ignores unknown keys): the activation when it is not the
// family's usual one (gelu_new for GPT-2, the exact gelu for BERT), so that a model
// exported to GGUF comes back computing the same function.
inline constexpr std::string_view kHiddenAct = "llmos.hidden_act";
// Ours too: a classifier's problem_type ("multi_label_classification", ...) when set.
inline constexpr std::string_view kProblemType = "llmos.problem_type";
} // namespace ggufkey

std::string ggufKey(std::string_view architecture, std::string_view suffix);

// Llama 3 rope scaling is stored as this tensor of per-frequency divisors [headDim / 2].
inline constexpr std::string_view kRopeFreqsTensor = "rope_freqs.weight";

// The GGUF architecture a config is exported as: "qwen2" for Qwen2, "llama" for Llama
// and Mistral (llama.cpp converts Mistral as llama). Other families throw Error(Unsupported).
std::string ggufArchitectureFor(const ModelConfig &config);

// True when llama.cpp's converter reorders the rows of attn_q / attn_k for `architecture`:
// llama.cpp rotates adjacent pairs (GPT-J style) for "llama", while Hugging Face rotates
// halves, so the converter interleaves each head's two halves. "qwen2" uses the NEOX
// (rotate-half) rope in llama.cpp and is stored as is.
bool ggufPermutesRope(std::string_view architecture);

// The GGUF name of one of LlamaForCausalLm's parameters (model.layers.3.mlp.up_proj.weight
// -> blk.3.ffn_up.weight), or nothing for a name the layout does not know.
std::optional<std::string> ggufTensorName(std::string_view parameter);

// For q_proj / k_proj weights and biases, the number of heads their rows are split into
// (attention or key/value heads); nothing for other parameters.
std::optional<std::int64_t> ropeHeadsOf(std::string_view parameter, const ModelConfig &config);

// llama.cpp's LlamaModel.permute: within each of `heads` blocks of rows, row j of the
// first half goes to 2j and row j of the second half to 2j + 1. Works on [rows, cols]
// weights and [rows] biases; ropeRowsFromGgml is its exact inverse.
torch::Tensor ropeRowsToGgml(const torch::Tensor &rows, std::int64_t heads);
torch::Tensor ropeRowsFromGgml(const torch::Tensor &rows, std::int64_t heads);

// What rope_freqs.weight holds for a config with llama3 rope scaling: the unscaled
// inverse frequency divided by the scaled one, fp32 [headDim / 2].
torch::Tensor ropeFrequencyFactors(const ModelConfig &config);

// The llama3 rope scaling that gives the divisors `factors` for `config` (whose own
// ropeScaling is ignored); nothing when every factor is 1. Only the ratios
// low_freq_factor / original_max_position_embeddings and high_freq_factor / original_...
// shape the frequencies, so the parameters found may differ from the original ones
// while giving the same frequencies. Factors that no llama3 scaling gives throw
// Error(Unsupported) naming `where`.
std::optional<RopeScaling> llama3ScalingFromFactors(const ModelConfig &config, const torch::Tensor &factors,
                                                    const std::string &where);

} // namespace llmos
