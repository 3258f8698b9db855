#!/usr/bin/env python3
"""The plain PyTorch eager reference for `llmos benchmark` (docs/PERFORMANCE.md).

The same Llama-shaped decoder as the engine's benchmark shapes, written the way a
PyTorch user would write it (nn.Linear, a torch.cat KV cache, no compilation), run with
the same protocol: a random prompt of P tokens per sequence, one prefill, then N greedy
decode steps, best of R repeats. Prints one JSON object per (shape, batch).

Usage: bench_torch_eager.py [--shape small|tiny] [--batch 1,8] [--prompt-tokens 128]
                            [--new-tokens 128] [--repeat 3] [--threads N]
Needs python3-torch (Debian: apt-get install python3-torch).
"""

import argparse
import json
import math
import resource
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

# Must match engine/core/generation/benchmarkmodel.cpp.
SHAPES = {
    "small": dict(layers=6, hidden=384, heads=6, kv_heads=6, intermediate=1024, vocab=16384, context=256),
    "tiny": dict(layers=4, hidden=256, heads=4, kv_heads=4, intermediate=704, vocab=8192, context=256),
}


class RMSNorm(nn.Module):
    def __init__(self, dim, eps=1e-5):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(dim))
        self.eps = eps

    def forward(self, x):
        return self.weight * (x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + self.eps))


def rotate_half(x):
    half = x.shape[-1] // 2
    return torch.cat((-x[..., half:], x[..., :half]), dim=-1)


class Block(nn.Module):
    def __init__(self, s):
        super().__init__()
        d, self.h, self.kv = s["hidden"], s["heads"], s["kv_heads"]
        self.hd = d // self.h
        self.q = nn.Linear(d, self.h * self.hd, bias=False)
        self.k = nn.Linear(d, self.kv * self.hd, bias=False)
        self.v = nn.Linear(d, self.kv * self.hd, bias=False)
        self.o = nn.Linear(self.h * self.hd, d, bias=False)
        self.gate = nn.Linear(d, s["intermediate"], bias=False)
        self.up = nn.Linear(d, s["intermediate"], bias=False)
        self.down = nn.Linear(s["intermediate"], d, bias=False)
        self.n1, self.n2 = RMSNorm(d), RMSNorm(d)

    def forward(self, x, cos, sin, cache, mask):
        b, t, _ = x.shape
        h = self.n1(x)
        q = self.q(h).view(b, t, self.h, self.hd).transpose(1, 2)
        k = self.k(h).view(b, t, self.kv, self.hd).transpose(1, 2)
        v = self.v(h).view(b, t, self.kv, self.hd).transpose(1, 2)
        q = q * cos + rotate_half(q) * sin
        k = k * cos + rotate_half(k) * sin
        if cache[0] is not None:
            k = torch.cat((cache[0], k), 2)
            v = torch.cat((cache[1], v), 2)
        cache[0], cache[1] = k, v
        scores = q @ k.transpose(-2, -1) / math.sqrt(self.hd)
        if mask is not None:
            scores = scores + mask
        a = (torch.softmax(scores, -1) @ v).transpose(1, 2).reshape(b, t, -1)
        x = x + self.o(a)
        h = self.n2(x)
        return x + self.down(F.silu(self.gate(h)) * self.up(h))


class Llama(nn.Module):
    def __init__(self, s):
        super().__init__()
        self.s = s
        self.embed = nn.Embedding(s["vocab"], s["hidden"])
        self.blocks = nn.ModuleList(Block(s) for _ in range(s["layers"]))
        self.norm = RMSNorm(s["hidden"])
        self.head = nn.Linear(s["hidden"], s["vocab"], bias=False)
        hd = s["hidden"] // s["heads"]
        self.inv = 1.0 / (10000.0 ** (torch.arange(0, hd, 2).float() / hd))

    def forward(self, ids, past, caches):
        t = ids.shape[1]
        pos = torch.arange(past, past + t).float()
        ang = pos[:, None] * self.inv[None, :]
        ang = torch.cat((ang, ang), -1)
        cos, sin = ang.cos(), ang.sin()
        mask = None
        if t > 1:
            mask = torch.full((t, past + t), float("-inf")).triu(past + 1)
        x = self.embed(ids)
        for block, cache in zip(self.blocks, caches):
            x = block(x, cos, sin, cache, mask)
        return self.head(self.norm(x[:, -1:, :]))


def run(shape, batch, prompt_tokens, new_tokens, repeat):
    s = SHAPES[shape]
    torch.manual_seed(0)
    model = Llama(s).eval()
    with torch.no_grad():
        for p in model.parameters():
            p.normal_(0, 0.02)
    ids = torch.randint(0, s["vocab"], (batch, prompt_tokens))
    best = None
    with torch.inference_mode():
        for _ in range(repeat):
            caches = [[None, None] for _ in model.blocks]
            start = time.perf_counter()
            logits = model(ids, 0, caches)
            nxt = logits[:, -1].argmax(-1, keepdim=True)
            prefill = time.perf_counter() - start
            start = time.perf_counter()
            for step in range(new_tokens - 1):
                logits = model(nxt, prompt_tokens + step, caches)
                nxt = logits[:, -1].argmax(-1, keepdim=True)
            decode = time.perf_counter() - start
            figures = {"prefill_tokens_per_second": batch * prompt_tokens / prefill,
                       "decode_tokens_per_second": batch * (new_tokens - 1) / decode,
                       "time_to_first_token": prefill}
            if best is None or figures["decode_tokens_per_second"] > best["decode_tokens_per_second"]:
                best = figures
    best.update({"engine": "pytorch-eager", "torch": torch.__version__, "threads": torch.get_num_threads(),
                 "shape": shape, "batch": batch, "prompt_tokens": prompt_tokens, "new_tokens": new_tokens,
                 "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024})
    return best


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--shape", default="small", choices=sorted(SHAPES))
    parser.add_argument("--batch", default="1,8")
    parser.add_argument("--prompt-tokens", type=int, default=128)
    parser.add_argument("--new-tokens", type=int, default=128)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--threads", type=int, default=0)
    a = parser.parse_args()
    import os
    torch.set_num_threads(a.threads or os.cpu_count())
    for batch in (int(b) for b in a.batch.split(",")):
        print(json.dumps(run(a.shape, batch, a.prompt_tokens, a.new_tokens, a.repeat)), flush=True)


if __name__ == "__main__":
    main()
