#pragma once

#include "architectures/bertloader.h"
#include "formats/dtype.h"

#include <string>

namespace llmos {

// Writes a BERT encoder as a Hugging Face folder (model.safetensors under the module's
// names, config.json) that loadBertModel and transformers' BertModel read back; see
// saveModuleAsHuggingFace (causallmsaver.h) for the checks and the atomic writes.
void saveBertModel(const BertModelImpl &model, const std::string &folder, DType storeAs = DType::F32);

// The same for a classifier: bert.* and classifier.*, and config.json with num_labels
// (and problem_type when set) so that loadBertClassifier sizes the head from it.
void saveBertClassifier(const BertForSequenceClassificationImpl &model, const BertConfig &config,
                        const std::string &folder, DType storeAs = DType::F32);

} // namespace llmos
