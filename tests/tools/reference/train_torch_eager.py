#!/usr/bin/env python3
"""The plain PyTorch eager reference for tests/train/bench_training.cpp (docs/PERFORMANCE.md,
"Training (issue 5)").

The benchmark shapes' Llama decoder from bench_torch_eager.py (imported, not copied),
trained as a PyTorch user writes a loop: random token batches, cross-entropy over every
next token, backward, clip_grad_norm_(1.0), AdamW (lr 1e-4, weight decay 0.01), fp32,
threads = cores. "full" trains every parameter; "lora" freezes the model and adds a
rank-8 LoRA (alpha 8, no dropout, B zero-initialised as PEFT does) on q and v. The first
--warmup steps are left out; the median and the best of the other steps are reported,
and MFU = 6 * params * tokens/s over a 2048^2 fp32 matmul peak measured in the same run
(best of 5). Prints one JSON object per (shape, method), with the keys bench_training
prints.

Usage: train_torch_eager.py [--shapes tiny,small] [--methods full,lora] [--steps 20]
                            [--warmup 3] [--batch 8] [--seq 128] [--threads N]
Needs python3-torch (Debian: apt-get install python3-torch).
"""

import argparse
import math
import json
import os
import statistics
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

sys.dont_write_bytecode = True  # no __pycache__ left in the source tree by the import below
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_torch_eager import SHAPES, Llama  # noqa: E402


class LoRALinear(nn.Module):
    """y = W x + scale * B A x with W frozen, as PEFT's LoRA layer (dropout 0)."""

    def __init__(self, base, rank, alpha):
        super().__init__()
        self.base = base
        self.scale = alpha / rank
        self.lora_A = nn.Parameter(torch.empty(rank, base.in_features))
        self.lora_B = nn.Parameter(torch.zeros(base.out_features, rank))
        nn.init.kaiming_uniform_(self.lora_A, a=math.sqrt(5))

    def forward(self, x):
        return self.base(x) + (x @ self.lora_A.t()) @ self.lora_B.t() * self.scale


def logits_of(model, ids):
    """Every position's logits (bench_torch_eager's forward returns the last one only)."""
    t = ids.shape[1]
    ang = torch.arange(t).float()[:, None] * model.inv[None, :]
    ang = torch.cat((ang, ang), -1)
    cos, sin = ang.cos(), ang.sin()
    mask = torch.full((t, t), float("-inf")).triu(1)
    x = model.embed(ids)
    for block in model.blocks:
        x = block(x, cos, sin, [None, None], mask)
    return model.head(model.norm(x))


def measure_peak(repeat=5, n=2048):
    a, b = torch.randn(n, n), torch.randn(n, n)
    c = torch.mm(a, b)
    best = 0.0
    for _ in range(repeat):
        start = time.perf_counter()
        torch.mm(a, b, out=c)
        best = max(best, 2.0 * n ** 3 / (time.perf_counter() - start))
    return best


def build(shape, method):
    s = SHAPES[shape]
    torch.manual_seed(0)
    model = Llama(s)
    with torch.no_grad():
        for p in model.parameters():
            p.normal_(0, 0.02)
    if method == "lora":
        for p in model.parameters():
            p.requires_grad_(False)
        for block in model.blocks:
            block.q = LoRALinear(block.q, 8, 8)
            block.v = LoRALinear(block.v, 8, 8)
    return model.train(), s


def run(shape, method, a, peak):
    model, s = build(shape, method)
    params = sum(p.numel() for p in model.parameters())
    trainable = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(trainable, lr=1e-4, weight_decay=0.01)
    generator = torch.Generator().manual_seed(7)
    batches = torch.randint(2, s["vocab"], (a.steps, a.batch, a.seq), generator=generator)
    speeds, loss = [], None
    for step in range(a.steps):
        start = time.perf_counter()
        ids = batches[step]
        logits = logits_of(model, ids)
        loss = F.cross_entropy(logits[:, :-1].reshape(-1, s["vocab"]), ids[:, 1:].reshape(-1))
        loss.backward()
        torch.nn.utils.clip_grad_norm_(trainable, 1.0)
        optimizer.step()
        optimizer.zero_grad()
        loss_value = loss.item()  # what a loop logs each step
        seconds = time.perf_counter() - start
        if step >= a.warmup:
            speeds.append(a.batch * a.seq / seconds)
    tokens_per_s = statistics.median(speeds)
    return {"engine": "pytorch-eager", "torch": torch.__version__, "shape": shape, "method": method,
            "batch": a.batch, "seq": a.seq, "steps": a.steps, "warmup": a.warmup, "statistic": "median",
            "tokens_per_s": tokens_per_s, "tokens_per_s_best": max(speeds), "params": params,
            "trainable": sum(p.numel() for p in trainable), "mfu": 6.0 * params * tokens_per_s / peak,
            "peak": peak, "threads": torch.get_num_threads(), "final_loss": loss_value}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--shapes", default="tiny,small")
    parser.add_argument("--methods", default="full,lora")
    parser.add_argument("--steps", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--batch", type=int, default=8)
    parser.add_argument("--seq", type=int, default=128)
    parser.add_argument("--threads", type=int, default=0)
    a = parser.parse_args()
    if not 0 <= a.warmup < a.steps:
        parser.error("--warmup must be at least 0 and below --steps")
    torch.set_num_threads(a.threads or os.cpu_count())
    peak = measure_peak()
    for shape in a.shapes.split(","):
        for method in a.methods.split(","):
            print(json.dumps(run(shape, method, a, peak)), flush=True)


if __name__ == "__main__":
    main()
