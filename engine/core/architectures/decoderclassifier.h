#pragma once

#include "architectures/causallm.h"
#include "architectures/classifierlabels.h"
#include "architectures/projection.h"

#include <torch/torch.h>

#include <cstdint>
#include <string>

namespace llmos {

// hidden [batch, seq, hidden] -> [batch, hidden]: each row's state at its last real
// token, for right-padded rows whose attention mask [batch, tokens] covers the real
// tokens, behind `leadingVirtual` positions a method put in front of every row (prompt
// tuning). What transformers' decoder classifiers read.
torch::Tensor lastTokenStates(const torch::Tensor &hidden, const torch::Tensor &attentionMask,
                              std::int64_t leadingVirtual = 0);

// Registers the decoder's modules in `owner` under their own names ("transformer",
// "model"), all but its LM head: a classifier's parameters are then named as
// transformers names them.
void registerDecoderBody(torch::nn::Module &owner, const CausalLm &decoder);

// transformers' GPT2ForSequenceClassification / LlamaForSequenceClassification (also
// Mistral, Qwen2) for inference: the decoder's final hidden state at the last real token
// through score [labels, hidden], no bias. The decoder's modules keep their own names
// ("transformer", "model") so the parameters are named as transformers names them; the
// LM head is not part of it.
class DecoderClassifierImpl : public torch::nn::Module {
public:
    DecoderClassifierImpl(CausalLm decoder, std::int64_t labelCount);

    // ids, attentionMask [batch, seq], right-padded -> logits [batch, labels], fp32.
    torch::Tensor forward(const torch::Tensor &ids, const torch::Tensor &attentionMask);

    const ModelConfig &config() const { return m_decoder->config(); }
    // See CausalLmImpl::fuseProjections; after loading the weights.
    void fuseProjections() { m_decoder->fuseProjections(); }

    Projection score{nullptr};

private:
    CausalLm m_decoder;
};
TORCH_MODULE(DecoderClassifier);

// A Hugging Face decoder classifier folder (config.json + safetensors, a *ForSequence-
// Classification of gpt2/llama/mistral/qwen2) -> the loaded classifier in eval() mode, and
// its labels. The checks are the causal LM loader's (vocab_size, every tensor present with
// its shape, nothing unexpected), plus score.weight [labels, hidden]; a plain language
// model (no *ForSequenceClassification architecture, no score.weight) is
// Error(Unsupported).
DecoderClassifier loadDecoderClassifier(const std::string &folder, ClassifierLabels &labels);

} // namespace llmos
