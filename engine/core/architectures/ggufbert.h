#pragma once

#include "architectures/bertloader.h"
#include "architectures/ggufbertlayout.h"
#include "architectures/ggufparameters.h"

#include <optional>

namespace llmos {

class GgufFile;

// The BERT encoder a llama.cpp GGUF file of architecture "bert" describes, as
// loadBertConfig would read its config.json: bert.* sizes, the LayerNorm epsilon, the
// token types of tokenizer.ggml.token_type_count (else the rows of token_types.weight),
// the exact gelu unless llmos.hidden_act says otherwise. A classifier (the file has
// cls.output.weight) is BertForSequenceClassification with the labels of
// bert.classifier.output_labels, else as many LABEL_n as the head has rows. Errors as
// modelConfigFromGguf (ggufcausallm.h): `where` names the file and key; an architecture
// other than bert, or causal attention, is Error(Unsupported).
BertConfig bertConfigFromGguf(const GgufFile &file);

// Whether the file carries a classification head (cls.output.weight).
bool ggufHasBertClassifier(const GgufFile &file);

// bert.pooling_type, when the file has one (MEAN and CLS are what TextEmbedder runs).
// A value outside gguf-py's PoolingType is Error(Format) naming the key.
std::optional<GgufPoolingType> ggufPoolingType(const GgufFile &file);

// The encoder in eval() mode, every parameter in fp32 (quantized tensors dequantized),
// without a pooler; a classification head in the file is ignored, as loadBertModel
// ignores the heads of a task checkpoint. Tensor errors as loadGgufParameters.
BertModel loadBertModelFromGguf(const GgufFile &file, const GgufLoadProgress &progress = {});

// The classifier in eval() mode: the pooler from cls.*, the classifier from cls.output.*.
// A file without cls.output.weight, or with it but without the pooler (llama.cpp's
// converter drops BERT's pooler), is Error(NotFound) naming the tensor.
BertForSequenceClassification loadBertClassifierFromGguf(const GgufFile &file, const GgufLoadProgress &progress = {});

} // namespace llmos
