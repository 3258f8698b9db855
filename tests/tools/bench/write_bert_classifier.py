#!/usr/bin/env python3
"""Writes a random BERT sequence classifier of all-MiniLM-L6-v2's shape (6 layers, hidden
384, 12 heads, intermediate 1536, bert-base-uncased's 30,522-token vocabulary, 3 labels)
as a Hugging Face folder, for classification throughput figures (docs/PERFORMANCE.md)
without downloading a model. Needs the system python with torch (Debian: python3-torch)
and tests/tools/reference/fetch.sh's derived bert-base-uncased tokenizer.json.

usage: /usr/bin/python3 tests/tools/bench/write_bert_classifier.py OUTPUT_FOLDER"""
import json
import os
import shutil
import sys

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "reference"))
import torch_reference as ref  # noqa: E402  (its BERT weights and safetensors writer)


def main():
    if len(sys.argv) != 2:
        sys.stderr.write(__doc__)
        return 2
    out = sys.argv[1]
    tokenizer = os.path.join(HERE, "..", "reference", "node_modules", ".llmos-derived", "bert-base-uncased",
                             "tokenizer.json")
    if not os.path.exists(tokenizer):
        sys.stderr.write("run tests/tools/reference/fetch.sh first: " + tokenizer + " is missing\n")
        return 1
    labels = {"0": "negative", "1": "neutral", "2": "positive"}
    cfg = {"architectures": ["BertForSequenceClassification"], "model_type": "bert", "vocab_size": 30522,
           "hidden_size": 384, "intermediate_size": 1536, "num_hidden_layers": 6, "num_attention_heads": 12,
           "hidden_act": "gelu", "max_position_embeddings": 512, "type_vocab_size": 2, "layer_norm_eps": 1e-12,
           "position_embedding_type": "absolute", "pad_token_id": 0, "id2label": labels,
           "label2id": {v: int(k) for k, v in labels.items()}}
    weights = ref.bert_weights(cfg, torch.Generator().manual_seed(1), 0.02, "bert.", pooler=True, num_labels=3)
    ref.save_model(out, cfg, weights, torch.float32)
    shutil.copy(tokenizer, os.path.join(out, "tokenizer.json"))
    with open(os.path.join(out, "tokenizer_config.json"), "w") as f:
        json.dump({"tokenizer_class": "BertTokenizer", "do_lower_case": True, "model_max_length": 512}, f)
    return 0


if __name__ == "__main__":
    sys.exit(main())
