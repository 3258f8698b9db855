#pragma once

#include "architectures/bertmodel.h"
#include "formats/safetensorsweights.h"
#include "model/modelconfig.h"

#include <cstdint>
#include <string>

namespace llmos {

// config.json fields BERT needs beyond ModelConfig.
struct BertConfig {
    ModelConfig model;
    // Outputs of a classifier: the size of id2label, else num_labels, else 2
    // (transformers' default).
    std::int64_t numLabels = 2;
    std::string problemType; // "single_label_classification", "multi_label_classification", ...
};

// Reads config.json of a BERT folder. model_type other than "bert" and
// position_embedding_type other than "absolute" throw Error(Unsupported) naming the field;
// the other checks are parseModelConfig's.
BertConfig loadBertConfig(const std::string &configPath);

// Fills a BERT module from `weights` with the strict checks of checkpointparameters.h
// (vocab_size against the embedding rows, every tensor present with its shape and a
// float dtype, nothing unexpected). Encoder tensors may be named with or without the
// "bert." prefix. Ignored: the buffers embeddings.position_ids / token_type_ids, and, for
// a bare BertModel, the task heads of the checkpoint (cls.* of pre-training / masked-LM
// checkpoints, classifier.*), so any BERT checkpoint can give embeddings.
void loadBertWeights(BertModelImpl &model, const SafetensorsWeights &weights, const std::string &configName);
void loadBertWeights(BertForSequenceClassificationImpl &model, const SafetensorsWeights &weights,
                     const std::string &configName);

// A Hugging Face folder -> a loaded encoder in eval() mode. The pooler is loaded when the
// checkpoint has one (pooler.dense.*) and left out otherwise.
BertModel loadBertModel(const std::string &folder);

// A Hugging Face BertForSequenceClassification folder -> a loaded classifier in eval()
// mode; the classifier head must be present.
BertForSequenceClassification loadBertClassifier(const std::string &folder);

} // namespace llmos
