#!/usr/bin/env python3
"""Runs bench_training (the llmos Trainer) and the PyTorch eager training loop
(train_torch_eager.py) on the same shapes and methods, interleaved, and prints the
Markdown table of figures and ratios for docs/PERFORMANCE.md, the matmul peak each side
measured, the machine's load and the command line.

Each side reports the median tokens/s of its timed steps; over the rounds the better
median is kept (the machine is shared: a round that another process slowed is dropped).

Usage: compare_training_bench.py BENCH_TRAINING_EXECUTABLE [--shapes tiny,small]
                                 [--methods full,lora] [--rounds 2] [--steps 20] [--warmup 3]
Run it with the python3 that has torch (Debian: /usr/bin/python3 with python3-torch).
"""

import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def records(command):
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return {(r["shape"], r["method"]): r for r in map(json.loads, out.strip().splitlines())}


def keep_better(kept, new):
    for key, record in new.items():
        if key not in kept or record["tokens_per_s"] > kept[key]["tokens_per_s"]:
            kept[key] = record


def mfu(record, peak):
    return 6.0 * record["params"] * record["tokens_per_s"] / peak


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("bench_training")
    parser.add_argument("--shapes", default="tiny,small")
    parser.add_argument("--methods", default="full,lora")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--steps", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=3)
    a = parser.parse_args()
    protocol = ["--shapes", a.shapes, "--methods", a.methods, "--steps", str(a.steps), "--warmup", str(a.warmup)]
    ours, theirs, loads = {}, {}, [os.getloadavg()[0]]
    for _ in range(a.rounds):  # interleaved, so both see the same machine
        keep_better(ours, records([a.bench_training] + protocol))
        loads.append(os.getloadavg()[0])
        keep_better(theirs, records([sys.executable, os.path.join(HERE, "train_torch_eager.py")] + protocol))
        loads.append(os.getloadavg()[0])

    # One peak for both columns: the best any process of this run measured.
    peak = max(r["peak"] for r in list(ours.values()) + list(theirs.values()))
    print("| shape | method | params | trainable | llmos tok/s | eager tok/s | ratio | llmos MFU | eager MFU "
          "| llmos best tok/s | eager best tok/s | llmos load + finish s |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for shape in a.shapes.split(","):
        for method in a.methods.split(","):
            o, t = ours[(shape, method)], theirs[(shape, method)]
            print("| %s | %s | %.2fM | %s | %.0f | %.0f | %.2f | %.1f%% | %.1f%% | %.0f | %.0f | %.1f + %.1f |" % (
                shape, method, o["params"] / 1e6,
                "%.2fM" % (o["trainable"] / 1e6) if o["trainable"] >= 1e6 else "%.1fk" % (o["trainable"] / 1e3),
                o["tokens_per_s"], t["tokens_per_s"], o["tokens_per_s"] / t["tokens_per_s"], 100 * mfu(o, peak),
                100 * mfu(t, peak), o["tokens_per_s_best"], t["tokens_per_s_best"], o["load_s"], o["finish_s"]))
            if o["params"] != t["params"] or o["trainable"] != t["trainable"]:
                print("  (parameter counts differ: eager %d / %d trainable)" % (t["params"], t["trainable"]))
    first = next(iter(ours.values()))
    peaks = sorted({r["peak"] / 1e9 for r in ours.values()} | {r["peak"] / 1e9 for r in theirs.values()})
    print("\nMFU = 6 × params × tokens/s over %.1f GFLOP/s, the best fp32 matmul peak (2048², best of 5) of the "
          "run's processes (each measured: %s); threads %d; "
          "batch %d × seq %d, %d steps, the first %d excluded, median step; 1-minute load %s"
          % (peak / 1e9, ", ".join("%.1f" % p for p in peaks), first["threads"], first["batch"], first["seq"], first["steps"],
             first["warmup"], " / ".join("%.2f" % l for l in loads)))
    print("command: %s %s" % (sys.executable, " ".join(sys.argv)))


if __name__ == "__main__":
    main()
