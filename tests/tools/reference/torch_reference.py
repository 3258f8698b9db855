#!/usr/bin/env python3
"""Reference outputs for llmos's architectures: causal LMs and BERT encoders.

An independent implementation, written from the published architectures (GPT-2, Llama,
Qwen2 as Hugging Face transformers defines them), that never calls llmos. It:

  * makes tiny seeded random models in exact Hugging Face layout: config.json plus
    model.safetensors (or model-0000K-of-0000N.safetensors + model.safetensors.index.json),
    written by the minimal safetensors writer below (the safetensors package is not
    available on Debian);
  * computes, with its own plain forward pass in fp32, the natural-log probability of each
    next token of fixed id sequences, and writes them to expected.json ("models");
  * for BERT, also a tiny WordPiece tokenizer.json (and its own encoder of it), and the
    hidden states, CLS / mean embeddings, pooler outputs and classifier logits of a
    padded batch and of a few texts ("encoders").

Weights saved as BF16/F16 are rounded first, and the reference computes with the rounded
values upcast to fp32, exactly what the C++ loader sees.

Usage: torch_reference.py OUTPUT_FOLDER
Needs python3-torch (Debian: apt-get install python3-torch).
"""

import json
import math
import os
import struct
import sys

try:
    import torch
except ImportError:  # the C++ test turns this exit code into an install hint
    sys.stderr.write("torch_reference.py: PyTorch is missing; install it with: apt-get install python3-torch\n")
    sys.exit(3)

# ---------------------------------------------------------------------------------------
# safetensors writer: u64 LE header length, JSON header, raw little-endian data.

DTYPE_NAMES = {torch.float32: "F32", torch.float16: "F16", torch.bfloat16: "BF16", torch.int8: "I8",
               torch.int32: "I32", torch.int64: "I64"}


def tensor_bytes(t):
    t = t.contiguous().cpu()
    if t.dtype == torch.bfloat16:  # numpy has no bfloat16: write the raw 16-bit patterns
        return t.view(torch.int16).numpy().tobytes()
    return t.numpy().tobytes()


def write_safetensors(path, tensors, metadata=None):
    header = {}
    if metadata:
        header["__metadata__"] = metadata
    blobs = []
    offset = 0
    for name, t in tensors.items():
        data = tensor_bytes(t)
        header[name] = {"dtype": DTYPE_NAMES[t.dtype], "shape": list(t.shape),
                        "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * ((8 - len(text) % 8) % 8)  # keeps the data 8-byte aligned
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for data in blobs:
            f.write(data)


def save_model(folder, config, weights, dtype, shards=1):
    """Writes config.json and the weights (cast to dtype) like save_pretrained does."""
    os.makedirs(folder, exist_ok=True)
    config = dict(config)
    config["torch_dtype"] = {torch.float32: "float32", torch.float16: "float16",
                             torch.bfloat16: "bfloat16"}[dtype]
    with open(os.path.join(folder, "config.json"), "w") as f:
        json.dump(config, f, indent=2)
    stored = {name: w.to(dtype) for name, w in weights.items()}
    if shards == 1:
        write_safetensors(os.path.join(folder, "model.safetensors"), stored, {"format": "pt"})
    else:
        names = list(stored)
        per = math.ceil(len(names) / shards)
        weight_map = {}
        total = 0
        for k in range(shards):
            file = "model-%05d-of-%05d.safetensors" % (k + 1, shards)
            part = {n: stored[n] for n in names[k * per:(k + 1) * per]}
            write_safetensors(os.path.join(folder, file), part, {"format": "pt"})
            for n, t in part.items():
                weight_map[n] = file
                total += t.numel() * t.element_size()
        with open(os.path.join(folder, "model.safetensors.index.json"), "w") as f:
            json.dump({"metadata": {"total_size": total}, "weight_map": weight_map}, f, indent=2)
    # What the model computes with: the stored values, upcast.
    return {name: t.to(torch.float32) for name, t in stored.items()}


# ---------------------------------------------------------------------------------------
# GPT-2 (Radford et al. 2019; transformers' modeling_gpt2.py): learned positions,
# pre-LayerNorm blocks, fused c_attn, Conv1D weights stored [in, out] so y = x @ W + b,
# GELU with the tanh approximation ("gelu_new"), LM head tied to wte unless a
# separate lm_head.weight exists.

def gpt2_weights(cfg, gen, scale, untied, prefix="transformer."):
    d, v, n, inner = cfg["n_embd"], cfg["vocab_size"], cfg["n_positions"], 4 * cfg["n_embd"]

    def r(*shape, s=scale):
        return torch.randn(*shape, generator=gen) * s

    w = {prefix + "wte.weight": r(v, d), prefix + "wpe.weight": r(n, d)}
    for i in range(cfg["n_layer"]):
        p = "%sh.%d." % (prefix, i)
        w[p + "ln_1.weight"] = 1 + r(d, s=0.1)
        w[p + "ln_1.bias"] = r(d, s=0.1)
        w[p + "attn.c_attn.weight"] = r(d, 3 * d)
        w[p + "attn.c_attn.bias"] = r(3 * d, s=0.1)
        w[p + "attn.c_proj.weight"] = r(d, d)
        w[p + "attn.c_proj.bias"] = r(d, s=0.1)
        w[p + "ln_2.weight"] = 1 + r(d, s=0.1)
        w[p + "ln_2.bias"] = r(d, s=0.1)
        w[p + "mlp.c_fc.weight"] = r(d, inner)
        w[p + "mlp.c_fc.bias"] = r(inner, s=0.1)
        w[p + "mlp.c_proj.weight"] = r(inner, d)
        w[p + "mlp.c_proj.bias"] = r(d, s=0.1)
    w[prefix + "ln_f.weight"] = 1 + r(d, s=0.1)
    w[prefix + "ln_f.bias"] = r(d, s=0.1)
    if untied:
        w["lm_head.weight"] = r(v, d)
    return w


def layer_norm(x, weight, bias, eps):
    mean = x.mean(-1, keepdim=True)
    var = ((x - mean) ** 2).mean(-1, keepdim=True)
    return (x - mean) / torch.sqrt(var + eps) * weight + bias


def gelu_tanh(x):
    return 0.5 * x * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * x ** 3)))


def causal_softmax_attention(q, k, v, window=None):
    """q, k, v: [heads, seq, head_dim] -> [seq, heads * head_dim]. With a sliding window
    (Mistral), query i sees keys i - window + 1 .. i only."""
    seq, dim = q.shape[1], q.shape[2]
    scores = q @ k.transpose(1, 2) / math.sqrt(dim)
    future = torch.triu(torch.ones(seq, seq, dtype=torch.bool), diagonal=1)
    if window:
        future |= torch.tril(torch.ones(seq, seq, dtype=torch.bool), diagonal=-window)
    scores = scores.masked_fill(future, float("-inf"))
    out = torch.softmax(scores, dim=-1) @ v
    return out.transpose(0, 1).reshape(seq, -1)


def gpt2_logits(cfg, w, ids, prefix="transformer."):
    x = gpt2_hidden(cfg, w, ids, prefix)
    head = w["lm_head.weight"] if "lm_head.weight" in w else w[prefix + "wte.weight"]
    return x @ head.t()


def gpt2_hidden(cfg, w, ids, prefix="transformer."):
    d, heads, eps = cfg["n_embd"], cfg["n_head"], cfg["layer_norm_epsilon"]
    hd = d // heads
    seq = len(ids)
    x = w[prefix + "wte.weight"][torch.tensor(ids)] + w[prefix + "wpe.weight"][:seq]
    for i in range(cfg["n_layer"]):
        p = "%sh.%d." % (prefix, i)
        h = layer_norm(x, w[p + "ln_1.weight"], w[p + "ln_1.bias"], eps)
        qkv = h @ w[p + "attn.c_attn.weight"] + w[p + "attn.c_attn.bias"]
        q, k, v = (t.reshape(seq, heads, hd).transpose(0, 1) for t in qkv.split(d, dim=-1))
        a = causal_softmax_attention(q, k, v)
        x = x + a @ w[p + "attn.c_proj.weight"] + w[p + "attn.c_proj.bias"]
        h = layer_norm(x, w[p + "ln_2.weight"], w[p + "ln_2.bias"], eps)
        m = gelu_tanh(h @ w[p + "mlp.c_fc.weight"] + w[p + "mlp.c_fc.bias"])
        x = x + m @ w[p + "mlp.c_proj.weight"] + w[p + "mlp.c_proj.bias"]
    return layer_norm(x, w[prefix + "ln_f.weight"], w[prefix + "ln_f.bias"], eps)


# ---------------------------------------------------------------------------------------
# Llama family (Touvron et al. 2023; modeling_llama.py / modeling_qwen2.py): RMSNorm,
# rotary embeddings (rotate-half convention, rope_theta, rope_scaling linear/llama3),
# grouped-query attention, SwiGLU MLP, optional q/k/v biases (Qwen2), optional tied head.

def llama_weights(cfg, gen, scale):
    d, v, inter = cfg["hidden_size"], cfg["vocab_size"], cfg["intermediate_size"]
    heads = cfg["num_attention_heads"]
    kv = cfg.get("num_key_value_heads", heads)
    hd = cfg.get("head_dim", d // heads)
    bias = cfg.get("attention_bias", cfg["model_type"] == "qwen2")

    def r(*shape, s=scale):
        return torch.randn(*shape, generator=gen) * s

    w = {"model.embed_tokens.weight": r(v, d)}
    for i in range(cfg["num_hidden_layers"]):
        p = "model.layers.%d." % i
        w[p + "input_layernorm.weight"] = 1 + r(d, s=0.1)
        w[p + "self_attn.q_proj.weight"] = r(heads * hd, d)
        w[p + "self_attn.k_proj.weight"] = r(kv * hd, d)
        w[p + "self_attn.v_proj.weight"] = r(kv * hd, d)
        if bias:
            w[p + "self_attn.q_proj.bias"] = r(heads * hd, s=0.2)
            w[p + "self_attn.k_proj.bias"] = r(kv * hd, s=0.2)
            w[p + "self_attn.v_proj.bias"] = r(kv * hd, s=0.2)
        w[p + "self_attn.o_proj.weight"] = r(d, heads * hd)
        w[p + "post_attention_layernorm.weight"] = 1 + r(d, s=0.1)
        w[p + "mlp.gate_proj.weight"] = r(inter, d)
        w[p + "mlp.up_proj.weight"] = r(inter, d)
        w[p + "mlp.down_proj.weight"] = r(d, inter)
    w["model.norm.weight"] = 1 + r(d, s=0.1)
    if not cfg.get("tie_word_embeddings", False):
        w["lm_head.weight"] = r(v, d)
    return w


def rms_norm(x, weight, eps):
    return weight * (x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + eps))


def rope_inverse_frequencies(cfg, hd):
    base = cfg.get("rope_theta", 10000.0)
    inv = 1.0 / (base ** (torch.arange(0, hd, 2, dtype=torch.int64).float() / hd))
    s = cfg.get("rope_scaling")
    if not s:
        return inv
    kind = s.get("rope_type", s.get("type"))
    if kind == "linear":
        return inv / s["factor"]
    if kind == "llama3":
        factor, low, high = s["factor"], s["low_freq_factor"], s["high_freq_factor"]
        old = s["original_max_position_embeddings"]
        low_wavelen, high_wavelen = old / low, old / high
        out = []
        for f in inv.tolist():
            wavelen = 2 * math.pi / f
            if wavelen < high_wavelen:
                out.append(f)
            elif wavelen > low_wavelen:
                out.append(f / factor)
            else:
                smooth = (old / wavelen - low) / (high - low)
                out.append((1 - smooth) * f / factor + smooth * f)
        return torch.tensor(out, dtype=torch.float32)
    raise ValueError("rope type " + kind)


def rotate_half(x):
    half = x.shape[-1] // 2
    return torch.cat((-x[..., half:], x[..., :half]), dim=-1)


def llama_logits(cfg, w, ids):
    x = llama_hidden(cfg, w, ids)
    head = w["lm_head.weight"] if "lm_head.weight" in w else w["model.embed_tokens.weight"]
    return x @ head.t()


def llama_hidden(cfg, w, ids):
    d, heads = cfg["hidden_size"], cfg["num_attention_heads"]
    kv = cfg.get("num_key_value_heads", heads)
    hd = cfg.get("head_dim", d // heads)
    eps = cfg["rms_norm_eps"]
    seq = len(ids)
    angles = torch.arange(seq, dtype=torch.float32)[:, None] * rope_inverse_frequencies(cfg, hd)[None, :]
    angles = torch.cat((angles, angles), dim=-1)
    cos, sin = angles.cos(), angles.sin()

    def proj(x, name):
        y = x @ w[name + ".weight"].t()
        return y + w[name + ".bias"] if name + ".bias" in w else y

    x = w["model.embed_tokens.weight"][torch.tensor(ids)]
    for i in range(cfg["num_hidden_layers"]):
        p = "model.layers.%d." % i
        h = rms_norm(x, w[p + "input_layernorm.weight"], eps)
        q = proj(h, p + "self_attn.q_proj").reshape(seq, heads, hd).transpose(0, 1)
        k = proj(h, p + "self_attn.k_proj").reshape(seq, kv, hd).transpose(0, 1)
        v = proj(h, p + "self_attn.v_proj").reshape(seq, kv, hd).transpose(0, 1)
        q = q * cos + rotate_half(q) * sin
        k = k * cos + rotate_half(k) * sin
        # Grouped-query attention: query head j reads key/value head j // (heads / kv).
        group = heads // kv
        k = torch.stack([k[j // group] for j in range(heads)])
        v = torch.stack([v[j // group] for j in range(heads)])
        window = cfg.get("sliding_window") if cfg["model_type"] == "mistral" else None
        x = x + proj(causal_softmax_attention(q, k, v, window), p + "self_attn.o_proj")
        h = rms_norm(x, w[p + "post_attention_layernorm.weight"], eps)
        gate = proj(h, p + "mlp.gate_proj")
        m = gate * torch.sigmoid(gate) * proj(h, p + "mlp.up_proj")
        x = x + proj(m, p + "mlp.down_proj")
    return rms_norm(x, w["model.norm.weight"], eps)


# ---------------------------------------------------------------------------------------
# BERT (Devlin et al. 2019; transformers' modeling_bert.py): word + learned absolute
# position + token-type embeddings, LayerNorm; post-norm encoder layers (bidirectional
# attention over the real tokens only, then a GELU feed-forward block); optional pooler
# tanh(W h[CLS] + b); sequence classifier = Linear on the pooled output. Tensors are named
# bert.* (task models) or without the prefix (bare BertModel, sentence-transformers).

BERT_WORDS = ["the", "a", "on", "cat", "dog", "sat", "mat", "run", "hello", "world", "is", "good", "bad",
              "movie", "was", "not", "very", "and", "it", "this"]
BERT_SUBWORDS = ["##s", "##ning", "##ed", "##ing"]
BERT_PUNCTUATION = [",", ".", "!", "?", "'"]


def bert_vocab():
    letters = [chr(c) for c in range(ord("a"), ord("z") + 1)]
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"] + BERT_PUNCTUATION + letters + ["##" + c for c in letters]
    vocab += BERT_WORDS + BERT_SUBWORDS
    return vocab


def bert_tokenizer_json(vocab):
    """A tokenizer.json like bert-base-uncased's, over a tiny vocabulary."""
    ids = {t: i for i, t in enumerate(vocab)}

    def special(token):
        return {"id": ids[token], "content": token, "single_word": False, "lstrip": False, "rstrip": False,
                "normalized": False, "special": True}

    def piece(kind, name, type_id):
        return {kind: {"id": name, "type_id": type_id}}

    return {
        "version": "1.0", "truncation": None, "padding": None,
        "added_tokens": [special(t) for t in ("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]")],
        "normalizer": {"type": "BertNormalizer", "clean_text": True, "handle_chinese_chars": True,
                       "strip_accents": None, "lowercase": True},
        "pre_tokenizer": {"type": "BertPreTokenizer"},
        "post_processor": {
            "type": "TemplateProcessing",
            "single": [piece("SpecialToken", "[CLS]", 0), piece("Sequence", "A", 0), piece("SpecialToken", "[SEP]", 0)],
            "pair": [piece("SpecialToken", "[CLS]", 0), piece("Sequence", "A", 0), piece("SpecialToken", "[SEP]", 0),
                     piece("Sequence", "B", 1), piece("SpecialToken", "[SEP]", 1)],
            "special_tokens": {t: {"id": t, "ids": [ids[t]], "tokens": [t]} for t in ("[CLS]", "[SEP]")}},
        "decoder": {"type": "WordPiece", "prefix": "##", "cleanup": True},
        "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##",
                  "max_input_chars_per_word": 100, "vocab": ids},
    }


def bert_encode(vocab, text, max_tokens):
    """Our own WordPiece for ASCII text: lowercase, split on whitespace and punctuation,
    greedy longest match with "##" continuations, then [CLS] ... [SEP], keeping the first
    max_tokens - 2 content tokens (Hugging Face's truncation). Returns (ids, truncated)."""
    ids = {t: i for i, t in enumerate(vocab)}
    content = bert_content(vocab, text)
    truncated = len(content) > max_tokens - 2
    return [ids["[CLS]"]] + content[:max_tokens - 2] + [ids["[SEP]"]], truncated


def bert_encode_pair(vocab, first, second, max_tokens):
    """A sentence pair as BERT's pair template has it: [CLS] A [SEP] B [SEP], token types
    0 then 1; over max_tokens, the longer side loses its last token first (Hugging Face's
    "longest_first", which takes from B on a tie). Returns (ids, types, truncated)."""
    ids = {t: i for i, t in enumerate(vocab)}
    a, b = bert_content(vocab, first), bert_content(vocab, second)
    truncated = False
    while len(a) + len(b) > max_tokens - 3:
        truncated = True
        if len(a) > len(b):
            a.pop()
        else:
            b.pop()
    head = [ids["[CLS]"]] + a + [ids["[SEP]"]]
    tail = b + [ids["[SEP]"]]
    return head + tail, [0] * len(head) + [1] * len(tail), truncated


def bert_content(vocab, text):
    """The WordPiece ids of a text, without special tokens."""
    ids = {t: i for i, t in enumerate(vocab)}
    words, word = [], ""
    for ch in text.lower():
        if ch.isspace() or not ch.isalnum():
            if word:
                words.append(word)
            word = ""
            if not ch.isspace():
                words.append(ch)
        else:
            word += ch
    if word:
        words.append(word)
    content = []
    for w in words:
        pieces, start = [], 0
        while start < len(w):
            end = len(w)
            while end > start and (w[start:end] if start == 0 else "##" + w[start:end]) not in ids:
                end -= 1
            if end == start:
                pieces = [ids["[UNK]"]]
                break
            pieces.append(ids[w[start:end] if start == 0 else "##" + w[start:end]])
            start = end
        content += pieces
    return content


def bert_weights(cfg, gen, scale, prefix, pooler, num_labels=0):
    d, inter, v = cfg["hidden_size"], cfg["intermediate_size"], cfg["vocab_size"]

    def r(*shape, s=scale):
        return torch.randn(*shape, generator=gen) * s

    def norm(name):
        w[name + ".weight"] = 1 + r(d, s=0.1)
        w[name + ".bias"] = r(d, s=0.1)

    def dense(name, out, inp):
        w[name + ".weight"] = r(out, inp)
        w[name + ".bias"] = r(out, s=0.1)

    w = {}
    e = prefix + "embeddings."
    w[e + "word_embeddings.weight"] = r(v, d)
    w[e + "position_embeddings.weight"] = r(cfg["max_position_embeddings"], d)
    w[e + "token_type_embeddings.weight"] = r(cfg["type_vocab_size"], d)
    norm(e + "LayerNorm")
    for i in range(cfg["num_hidden_layers"]):
        p = "%sencoder.layer.%d." % (prefix, i)
        for name in ("query", "key", "value"):
            dense(p + "attention.self." + name, d, d)
        dense(p + "attention.output.dense", d, d)
        norm(p + "attention.output.LayerNorm")
        dense(p + "intermediate.dense", inter, d)
        dense(p + "output.dense", d, inter)
        norm(p + "output.LayerNorm")
    if pooler:
        dense(prefix + "pooler.dense", d, d)
    if num_labels:
        dense("classifier", num_labels, d)
    return w


def gelu_erf(x):
    return 0.5 * x * (1.0 + torch.erf(x / math.sqrt(2.0)))


def bert_forward(cfg, w, ids, mask, types, prefix):
    """ids, mask, types: [batch, seq] (mask 1 = real token, 0 = padding on the right).
    Returns the last hidden state [batch, seq, hidden]."""
    d, heads, eps = cfg["hidden_size"], cfg["num_attention_heads"], cfg["layer_norm_eps"]
    hd = d // heads
    act = gelu_erf if cfg["hidden_act"] == "gelu" else gelu_tanh
    batch, seq = ids.shape
    e = prefix + "embeddings."
    x = (w[e + "word_embeddings.weight"][ids] + w[e + "position_embeddings.weight"][torch.arange(seq)][None]
         + w[e + "token_type_embeddings.weight"][types])
    x = layer_norm(x, w[e + "LayerNorm.weight"], w[e + "LayerNorm.bias"], eps)
    hidden_keys = (mask == 0)[:, None, None, :]  # [batch, 1, 1, seq]

    def lin(h, name):
        return h @ w[name + ".weight"].t() + w[name + ".bias"]

    for i in range(cfg["num_hidden_layers"]):
        p = "%sencoder.layer.%d." % (prefix, i)
        q, k, v = (lin(x, p + "attention.self." + n).reshape(batch, seq, heads, hd).transpose(1, 2)
                   for n in ("query", "key", "value"))
        scores = (q @ k.transpose(-1, -2) / math.sqrt(hd)).masked_fill(hidden_keys, float("-inf"))
        a = (torch.softmax(scores, dim=-1) @ v).transpose(1, 2).reshape(batch, seq, d)
        x = layer_norm(lin(a, p + "attention.output.dense") + x, w[p + "attention.output.LayerNorm.weight"],
                       w[p + "attention.output.LayerNorm.bias"], eps)
        m = act(lin(x, p + "intermediate.dense"))
        x = layer_norm(lin(m, p + "output.dense") + x, w[p + "output.LayerNorm.weight"],
                       w[p + "output.LayerNorm.bias"], eps)
    return x


def pad_batch(sequences, types=None):
    seq = max(len(s) for s in sequences)
    ids = torch.zeros(len(sequences), seq, dtype=torch.long)
    mask = torch.zeros(len(sequences), seq, dtype=torch.long)
    token_types = torch.zeros(len(sequences), seq, dtype=torch.long)
    for b, s in enumerate(sequences):
        ids[b, :len(s)] = torch.tensor(s)
        mask[b, :len(s)] = 1
        if types:
            token_types[b, :len(s)] = torch.tensor(types[b])
    return ids, mask, token_types


def bert_outputs(cfg, w, prefix, sequences, types=None):
    """Per sequence: the last hidden state, CLS and mean pooling (plain and L2-normalized),
    the pooler output and the classifier's logits where the weights have them. Computed as
    one right-padded batch; checked here against each sequence run alone."""
    ids, mask, token_types = pad_batch(sequences, types)
    hidden = bert_forward(cfg, w, ids, mask, token_types, prefix)
    out = []
    for b, s in enumerate(sequences):
        n = len(s)
        alone = bert_forward(cfg, w, ids[b:b + 1, :n], mask[b:b + 1, :n], token_types[b:b + 1, :n], prefix)[0]
        h = hidden[b, :n]
        assert (alone - h).abs().max().item() < 1e-5, "padding changed the reference's own hidden states"
        cls, mean = h[0], h.mean(0)
        entry = {"ids": s, "token_type_ids": token_types[b, :n].tolist(), "last_hidden_state": h.tolist(),
                 "cls": cls.tolist(), "mean": mean.tolist(),
                 "cls_normalized": (cls / cls.norm().clamp_min(1e-12)).tolist(),
                 "mean_normalized": (mean / mean.norm().clamp_min(1e-12)).tolist()}
        if prefix + "pooler.dense.weight" in w:
            pooled = torch.tanh(cls @ w[prefix + "pooler.dense.weight"].t() + w[prefix + "pooler.dense.bias"])
            entry["pooled"] = pooled.tolist()
            if "classifier.weight" in w:
                logits = pooled @ w["classifier.weight"].t() + w["classifier.bias"]
                entry["logits"] = logits.tolist()
                entry["probabilities"] = torch.softmax(logits.double(), dim=-1).tolist()
        out.append(entry)
    return out


def save_bert_tokenizer(folder, vocab):
    with open(os.path.join(folder, "tokenizer.json"), "w") as f:
        json.dump(bert_tokenizer_json(vocab), f, indent=1)
    with open(os.path.join(folder, "tokenizer_config.json"), "w") as f:
        json.dump({"tokenizer_class": "BertTokenizer", "do_lower_case": True, "cls_token": "[CLS]",
                   "sep_token": "[SEP]", "pad_token": "[PAD]", "unk_token": "[UNK]", "mask_token": "[MASK]",
                   "model_max_length": 64}, f, indent=1)


def save_sentence_transformers_files(folder, hidden, max_seq_length):
    """The files sentence-transformers adds: mean pooling, then L2 normalization."""
    os.makedirs(os.path.join(folder, "1_Pooling"), exist_ok=True)
    os.makedirs(os.path.join(folder, "2_Normalize"), exist_ok=True)
    with open(os.path.join(folder, "1_Pooling", "config.json"), "w") as f:
        json.dump({"word_embedding_dimension": hidden, "pooling_mode_cls_token": False,
                   "pooling_mode_mean_tokens": True, "pooling_mode_max_tokens": False,
                   "pooling_mode_mean_sqrt_len_tokens": False}, f, indent=1)
    with open(os.path.join(folder, "modules.json"), "w") as f:
        json.dump([{"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
                   {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
                   {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"}],
                  f, indent=1)
    with open(os.path.join(folder, "sentence_bert_config.json"), "w") as f:
        json.dump({"max_seq_length": max_seq_length, "do_lower_case": False}, f, indent=1)


def make_encoders(out):
    vocab = bert_vocab()
    cfg = {"architectures": ["BertModel"], "model_type": "bert", "vocab_size": len(vocab), "hidden_size": 32,
           "intermediate_size": 48, "num_hidden_layers": 2, "num_attention_heads": 4, "hidden_act": "gelu",
           "max_position_embeddings": 64, "type_vocab_size": 2, "layer_norm_eps": 1e-12,
           "position_embedding_type": "absolute", "pad_token_id": 0,
           "hidden_dropout_prob": 0.1, "attention_probs_dropout_prob": 0.1}
    classifier_cfg = dict(cfg, architectures=["BertForSequenceClassification"], hidden_act="gelu_new",
                          id2label={"0": "negative", "1": "neutral", "2": "positive"},
                          label2id={"negative": 0, "neutral": 1, "positive": 2})
    # A cross-encoder (a reranker): one logit per (query, document) pair.
    cross_cfg = dict(cfg, architectures=["BertForSequenceClassification"], id2label={"0": "LABEL_0"},
                     label2id={"LABEL_0": 0})
    pairs = [("what do cats eat", "the cats sat on a mat!"), ("what do cats eat", "This movie was not very good."),
             ("is the dog running " * 8, "the dog is running and it's xyz " * 8)]
    seq_gen = torch.Generator().manual_seed(4321)
    # Two sequences of different lengths, [CLS] ... [SEP]; the second a sentence pair
    # with token types 0/1.
    sequences = [[2] + torch.randint(5, len(vocab), (9,), generator=seq_gen).tolist() + [3],
                 [2] + torch.randint(5, len(vocab), (2,), generator=seq_gen).tolist() + [3, 57, 3]]
    types = [[0] * len(sequences[0]), [0, 0, 0, 0, 1, 1]]
    texts = ["Hello world, the cats sat on a mat!", "This movie was not very good.",
             " ".join(["the dog is running and it's xyz"] * 12)]

    def gen(seed):
        return torch.Generator().manual_seed(seed)

    # name, config, weights, prefix, dtype, extra files
    encoders = [
        ("bert", cfg, bert_weights(cfg, gen(11), 0.3, "bert.", pooler=True), "bert.", torch.float32, "masked-lm"),
        ("bert-bf16", cfg, bert_weights(cfg, gen(11), 0.3, "bert.", pooler=True), "bert.", torch.bfloat16, ""),
        ("bert-sentence", cfg, bert_weights(cfg, gen(12), 0.3, "", pooler=False), "", torch.float32,
         "sentence-transformers"),
        ("bert-classifier", classifier_cfg, bert_weights(classifier_cfg, gen(13), 0.3, "bert.", pooler=True,
                                                         num_labels=3), "bert.", torch.float32, ""),
        ("bert-cross-encoder", cross_cfg, bert_weights(cross_cfg, gen(14), 0.3, "bert.", pooler=True, num_labels=1),
         "bert.", torch.float32, "cross-encoder"),
    ]
    entries = []
    for name, c, weights, prefix, dtype, extra in encoders:
        stored = dict(weights)
        # Checkpoints carry the position_ids buffer; a masked-LM checkpoint also its head.
        stored[prefix + "embeddings.position_ids"] = torch.arange(c["max_position_embeddings"])[None].float()
        if extra == "masked-lm":
            stored["cls.predictions.bias"] = torch.zeros(c["vocab_size"])
        folder = os.path.join(out, name)
        used = save_model(folder, c, stored, dtype)
        used = {k: v for k, v in used.items() if k in weights}
        save_bert_tokenizer(folder, vocab)
        max_tokens = c["max_position_embeddings"]
        if extra == "sentence-transformers":
            max_tokens = 48
            save_sentence_transformers_files(folder, c["hidden_size"], max_tokens)
        entry = {"name": name, "folder": name, "dtype": DTYPE_NAMES[dtype], "prefix": prefix,
                 "pooler": prefix + "pooler.dense.weight" in weights, "max_tokens": max_tokens,
                 "labels": [c["id2label"][str(i)] for i in range(len(c["id2label"]))] if "id2label" in c else [],
                 "sequences": bert_outputs(c, used, prefix, sequences, types), "texts": []}
        encoded = [bert_encode(vocab, t, max_tokens) for t in texts]
        for text, (ids, truncated), result in zip(texts, encoded, bert_outputs(c, used, prefix, [e[0] for e in encoded])):
            entry["texts"].append(dict(result, text=text, truncated=truncated))
        if extra == "cross-encoder":
            encoded = [bert_encode_pair(vocab, a, b, max_tokens) for a, b in pairs]
            results = bert_outputs(c, used, prefix, [e[0] for e in encoded], [e[1] for e in encoded])
            entry["pairs"] = [dict(result, query=a, document=b, truncated=truncated)
                              for (a, b), (_, _, truncated), result in zip(pairs, encoded, results)]
            for pair, result in zip(entry["pairs"], results):
                pair["probabilities"] = torch.sigmoid(torch.tensor(result["logits"]).double()).tolist()
        entries.append(entry)
    return entries


# ---------------------------------------------------------------------------------------

def decoder_embeddings(folder, cfg, weights):
    """A decoder as an embedding model: the final hidden states of each text (tokenized by
    the tiny BERT tokenizer written next to the weights), mean-pooled over its tokens and
    at its last token, each text run alone."""
    vocab = bert_vocab()
    save_bert_tokenizer(folder, vocab)
    texts = ["Hello world, the cats sat on a mat!", "bad", "This movie was not very good."]
    out = {"folder": os.path.basename(folder), "texts": []}
    for text in texts:
        ids, truncated = bert_encode(vocab, text, cfg["max_position_embeddings"])
        hidden = llama_hidden(cfg, weights, ids)
        out["texts"].append({"text": text, "ids": ids, "mean": hidden.mean(0).tolist(), "last": hidden[-1].tolist()})
    return out


def make_decoder_classifiers(out):
    """transformers' GPT2ForSequenceClassification / LlamaForSequenceClassification: the
    final hidden state at the last token through score.weight [labels, hidden], no bias, no
    LM head stored. Tokenized with the tiny BERT tokenizer (any tokenizer.json will do) and
    run one text at a time, so padding cannot enter the reference."""
    vocab = bert_vocab()
    labels = {"0": "sports", "1": "weather", "2": "politics"}
    gpt2_cfg = {"architectures": ["GPT2ForSequenceClassification"], "model_type": "gpt2",
                "vocab_size": len(vocab), "n_embd": 32, "n_layer": 2, "n_head": 4, "n_positions": 32,
                "n_ctx": 32, "layer_norm_epsilon": 1e-5, "activation_function": "gelu_new",
                "bos_token_id": 2, "eos_token_id": 3, "pad_token_id": 0, "id2label": labels,
                "label2id": {v: int(k) for k, v in labels.items()}}
    llama_cfg = {"architectures": ["LlamaForSequenceClassification"], "model_type": "llama",
                 "vocab_size": len(vocab), "hidden_size": 32, "intermediate_size": 48, "num_hidden_layers": 2,
                 "num_attention_heads": 4, "num_key_value_heads": 2, "hidden_act": "silu",
                 "max_position_embeddings": 32, "rms_norm_eps": 1e-5, "rope_theta": 10000.0,
                 "tie_word_embeddings": False, "bos_token_id": 2, "eos_token_id": 3, "pad_token_id": 0,
                 "id2label": labels, "label2id": {v: int(k) for k, v in labels.items()}}
    texts = ["Hello world, the cats sat on a mat!", "This movie was not very good.", "bad",
             " ".join(["the dog is running and it's xyz"] * 12)]

    def gen(seed):
        return torch.Generator().manual_seed(seed)

    def with_score(weights, cfg, seed):
        hidden = cfg.get("hidden_size", cfg.get("n_embd"))
        weights = dict(weights)
        weights["score.weight"] = torch.randn(len(labels), hidden, generator=gen(seed)) * 0.5
        return weights

    classifiers = [
        ("gpt2-classifier", gpt2_cfg, with_score(gpt2_weights(gpt2_cfg, gen(21), 0.3, untied=False), gpt2_cfg, 22),
         gpt2_hidden, gpt2_cfg["n_positions"]),
        ("llama-classifier", llama_cfg, with_score(
            {k: v for k, v in llama_weights(llama_cfg, gen(23), 0.3).items() if k != "lm_head.weight"}, llama_cfg, 24),
         llama_hidden, llama_cfg["max_position_embeddings"]),
    ]
    entries = []
    for name, cfg, weights, hidden_of, max_tokens in classifiers:
        folder = os.path.join(out, name)
        used = save_model(folder, cfg, weights, torch.float32)
        save_bert_tokenizer(folder, vocab)
        entry = {"name": name, "folder": name, "max_tokens": max_tokens,
                 "labels": [labels[str(i)] for i in range(len(labels))], "texts": []}
        for text in texts:
            ids, truncated = bert_encode(vocab, text, max_tokens)
            logits = hidden_of(cfg, used, ids)[-1] @ used["score.weight"].t()
            entry["texts"].append({"text": text, "ids": ids, "truncated": truncated, "logits": logits.tolist(),
                                   "probabilities": torch.softmax(logits.double(), dim=-1).tolist()})
        entries.append(entry)
    return entries


# ---------------------------------------------------------------------------------------
# Weight-only quantized Llama in the compressed-tensors layout (llm-compressor / vLLM):
# int8 per output channel ("int-quantized": I8 `weight`, `weight_scale` [out, 1]) and
# 4-bit in groups ("pack-quantized": `weight_packed` I32 words of eight values, lowest
# bits first, each stored + 8; `weight_scale` [out, in / group]; `weight_shape`). Scales
# in float16, as a float16 model stores them; 4-bit uses compressed-tensors' symmetric
# range -8..7 (scale = max|w| / 7.5). The logits are computed from the dequantized values.

def compressed_config(bits, group):
    weights = {"num_bits": bits, "type": "int", "symmetric": True, "dynamic": False,
               "strategy": "group" if bits == 4 else "channel", "group_size": group if bits == 4 else None}
    return {"quant_method": "compressed-tensors", "format": "pack-quantized" if bits == 4 else "int-quantized",
            "quantization_status": "compressed", "ignore": [],
            "config_groups": {"group_0": {"targets": ["Linear"], "weights": weights, "input_activations": None}}}


def pack_int4(q):
    """q: int64 [rows, cols] in -8..7 -> int32 [rows, cols / 8]."""
    unsigned = (q + 8).reshape(q.shape[0], -1, 8)
    words = torch.zeros(unsigned.shape[:2], dtype=torch.int64)
    for i in range(8):
        words |= unsigned[:, :, i] << (4 * i)
    words = torch.where(words >= 2 ** 31, words - 2 ** 32, words)
    return words.to(torch.int32)


def compress_linear(w, bits, group):
    """-> (stored tensors by suffix, dequantized weight)."""
    if bits == 8:
        scale = (w.abs().amax(1, keepdim=True) / 127).to(torch.float16)
        q = torch.round(w / scale.float()).clamp(-127, 127)
        return {".weight": q.to(torch.int8), ".weight_scale": scale}, q * scale.float()
    rows, cols = w.shape
    g = w.reshape(rows, cols // group, group)
    scale = (g.abs().amax(2, keepdim=True) / 7.5).to(torch.float16)
    q = torch.round(g / scale.float()).clamp(-8, 7)
    return ({".weight_packed": pack_int4(q.reshape(rows, cols).long()), ".weight_scale": scale.reshape(rows, -1),
             ".weight_shape": torch.tensor([rows, cols], dtype=torch.int64)},
            (q * scale.float()).reshape(rows, cols))


def save_compressed_llama(folder, cfg, weights, bits, group):
    os.makedirs(folder, exist_ok=True)
    stored, used = {}, {}
    for name, w in weights.items():
        if name.endswith("_proj.weight") or name == "lm_head.weight":
            parts, used[name] = compress_linear(w, bits, group)
            for suffix, t in parts.items():
                stored[name[:-len(".weight")] + suffix] = t
        else:
            stored[name] = w.to(torch.float16)
            used[name] = stored[name].float()
    with open(os.path.join(folder, "config.json"), "w") as f:
        json.dump(dict(cfg, torch_dtype="float16", quantization_config=compressed_config(bits, group)), f, indent=2)
    write_safetensors(os.path.join(folder, "model.safetensors"), stored, {"format": "pt"})
    return used


def next_token_logprobs(logits, ids):
    logp = torch.log_softmax(logits.double(), dim=-1)
    return [logp[i, ids[i + 1]].item() for i in range(len(ids) - 1)]


def main():
    if len(sys.argv) != 2:
        sys.stderr.write("usage: torch_reference.py OUTPUT_FOLDER\n")
        return 2
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    torch.manual_seed(0)
    vocab = 97
    seq_gen = torch.Generator().manual_seed(1234)
    sequences = [torch.randint(0, vocab, (n,), generator=seq_gen).tolist() for n in (13, 5, 2)]

    gpt2_cfg = {"architectures": ["GPT2LMHeadModel"], "model_type": "gpt2", "vocab_size": vocab,
                "n_embd": 32, "n_layer": 2, "n_head": 4, "n_positions": 32, "n_ctx": 32,
                "layer_norm_epsilon": 1e-5, "activation_function": "gelu_new",
                "bos_token_id": 0, "eos_token_id": 0}
    llama_cfg = {"architectures": ["LlamaForCausalLM"], "model_type": "llama", "vocab_size": vocab,
                 "hidden_size": 32, "intermediate_size": 48, "num_hidden_layers": 2,
                 "num_attention_heads": 4, "num_key_value_heads": 2, "hidden_act": "silu",
                 "max_position_embeddings": 256, "rms_norm_eps": 1e-5, "rope_theta": 10000.0,
                 "tie_word_embeddings": False, "bos_token_id": 1, "eos_token_id": 2,
                 # head_dim 8: wavelengths 6.3, 63, 628, 6283 -> with original 64, low 1,
                 # high 4 the four frequencies hit the high, medium and low branches.
                 "rope_scaling": {"rope_type": "llama3", "factor": 8.0, "low_freq_factor": 1.0,
                                  "high_freq_factor": 4.0, "original_max_position_embeddings": 64}}
    llama_linear_cfg = dict(llama_cfg, head_dim=16, num_key_value_heads=4, tie_word_embeddings=True,
                            rope_scaling={"type": "linear", "factor": 2.0})
    qwen2_cfg = {"architectures": ["Qwen2ForCausalLM"], "model_type": "qwen2", "vocab_size": vocab,
                 "hidden_size": 48, "intermediate_size": 64, "num_hidden_layers": 2,
                 "num_attention_heads": 6, "num_key_value_heads": 2, "hidden_act": "silu",
                 "max_position_embeddings": 512, "rms_norm_eps": 1e-6, "rope_theta": 1000000.0,
                 "tie_word_embeddings": True, "use_sliding_window": False,
                 "bos_token_id": 1, "eos_token_id": 2}

    # Mistral: Llama's layers with a sliding window, here 4 tokens, so the 13-token
    # sequence exercises it.
    mistral_cfg = dict(llama_cfg, architectures=["MistralForCausalLM"], model_type="mistral", sliding_window=4,
                       rope_scaling=None)

    def gen(seed):
        return torch.Generator().manual_seed(seed)

    # name, config, weights, forward, dtype, shards
    models = [
        ("gpt2", gpt2_cfg, gpt2_weights(gpt2_cfg, gen(1), 0.3, untied=False), gpt2_logits, torch.float32, 1),
        ("gpt2-untied", dict(gpt2_cfg, tie_word_embeddings=False),
         gpt2_weights(gpt2_cfg, gen(2), 0.3, untied=True), gpt2_logits, torch.float32, 1),
        ("llama-gqa-llama3", llama_cfg, llama_weights(llama_cfg, gen(3), 0.3), llama_logits, torch.float32, 1),
        ("llama-gqa-llama3-sharded", llama_cfg, llama_weights(llama_cfg, gen(3), 0.3), llama_logits,
         torch.float32, 3),
        ("llama-gqa-llama3-bf16", llama_cfg, llama_weights(llama_cfg, gen(3), 0.3), llama_logits,
         torch.bfloat16, 1),
        ("llama-linear-tied-f16", llama_linear_cfg, llama_weights(llama_linear_cfg, gen(4), 0.3), llama_logits,
         torch.float16, 1),
        ("mistral-sliding-window", mistral_cfg, llama_weights(mistral_cfg, gen(7), 0.3), llama_logits,
         torch.float32, 1),
        ("qwen2", qwen2_cfg, llama_weights(qwen2_cfg, gen(5), 0.25), llama_logits, torch.float32, 1),
        ("qwen2-bf16", qwen2_cfg, llama_weights(qwen2_cfg, gen(5), 0.25), llama_logits, torch.bfloat16, 1),
    ]

    # The original openai-community/gpt2 file names its tensors without "transformer." and
    # carries the causal-mask buffers h.N.attn.bias; loaders must accept both layouts.
    legacy = gpt2_weights(gpt2_cfg, gen(6), 0.3, untied=False, prefix="")
    legacy_stored = dict(legacy)
    for i in range(gpt2_cfg["n_layer"]):
        n = gpt2_cfg["n_positions"]
        legacy_stored["h.%d.attn.bias" % i] = torch.tril(torch.ones(n, n)).view(1, 1, n, n)

    expected = {"generator": "tests/tools/reference/torch_reference.py", "torch": torch.__version__,
                "models": []}
    with torch.no_grad():
        for name, cfg, weights, forward, dtype, shards in models:
            used = save_model(os.path.join(out, name), cfg, weights, dtype, shards)
            expected["models"].append(score_all(name, cfg, used, forward, dtype, sequences))
        used = save_model(os.path.join(out, "gpt2-legacy-names"), gpt2_cfg, legacy_stored, torch.float32)
        expected["models"].append(score_all("gpt2-legacy-names", gpt2_cfg, used,
                                            lambda c, w, ids: gpt2_logits(c, w, ids, prefix=""),
                                            torch.float32, sequences))
        # The same Llama quantized (intermediate 64, so that 4-bit groups of 32 divide it).
        # The fp32 original is kept too, for the tests that quantize it themselves.
        quantized_cfg = dict(llama_cfg, intermediate_size=64)
        source = llama_weights(quantized_cfg, gen(8), 0.3)
        used = save_model(os.path.join(out, "llama-quantization-source"), quantized_cfg, source, torch.float32)
        expected["models"].append(score_all("llama-quantization-source", quantized_cfg, used, llama_logits,
                                            torch.float32, sequences))
        expected["decoder_embeddings"] = decoder_embeddings(os.path.join(out, "llama-quantization-source"),
                                                            quantized_cfg, used)
        for bits, group in ((8, 0), (4, 32)):
            name = "llama-int%d-compressed" % bits
            used = save_compressed_llama(os.path.join(out, name), quantized_cfg, source, bits, group)
            expected["models"].append(score_all(name, quantized_cfg, used, llama_logits, torch.float16, sequences))
        # Encoders go under their own key: "models" lists the causal LMs only.
        expected["encoders"] = make_encoders(out)
        expected["decoder_classifiers"] = make_decoder_classifiers(out)

    with open(os.path.join(out, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1)
    return 0


def score_all(name, cfg, weights, forward, dtype, sequences):
    entry = {"name": name, "folder": name, "dtype": DTYPE_NAMES[dtype], "sequences": []}
    for ids in sequences:
        logits = forward(cfg, weights, ids)
        lp = next_token_logprobs(logits, ids)
        entry["sequences"].append({"ids": ids, "logprobs": lp,
                                   "perplexity": math.exp(-sum(lp) / len(lp)),
                                   "last_logits": logits[-1].tolist()})
    return entry


if __name__ == "__main__":
    sys.exit(main())
