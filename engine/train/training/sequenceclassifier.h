#pragma once

#include "model/modelconfig.h"

#include <torch/torch.h>

#include <cstdint>
#include <string>
#include <vector>

namespace llmos {

// A pretrained network with a new classification head, named as transformers'
// *ForSequenceClassification so that the saved folder loads there too.
class SequenceClassifierImpl : public torch::nn::Module {
public:
    // ids, attentionMask: [batch, seq], right-padded. Returns logits [batch, labels].
    virtual torch::Tensor forward(const torch::Tensor &ids, const torch::Tensor &attentionMask,
                                  std::int64_t virtualTokens) = 0;
    // The name prefix of the new head ("score.", "classifier.").
    virtual std::string headPrefix() const = 0;
    // config.json (with id2label) and model.safetensors holding every parameter.
    void save(const std::string &folder, ModelConfig config, const std::vector<std::string> &labelNames,
              const std::string &architecture) const;
};

// Loads the model at `path` and gives it a new head of `labelCount` outputs, initialised
// from torch's default generator (normal, std 0.02, as transformers' initializer_range):
// a BERT encoder gets BertForSequenceClassification's pooler + "classifier", a decoder
// (GPT-2, Llama family) a bias-free "score" on its last real token. `config` receives the
// model's config.
std::shared_ptr<SequenceClassifierImpl> loadSequenceClassifier(const std::string &path, std::int64_t labelCount,
                                                               ModelConfig &config);

} // namespace llmos
