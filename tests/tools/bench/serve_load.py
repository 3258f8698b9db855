#!/usr/bin/env python3
"""Load on `llmos serve` (issue 8, docs/PERFORMANCE.md "API server under concurrent streams").

Starts `llmos serve --model MODEL --port 0`, then for each concurrency C sends the same
C x --per-stream streamed text completions (seeded, so both runs generate the same tokens)
twice: one after another, then C at a time. Reports aggregate generated tokens/s and the
p50/p99 time to the first token (to the first chunk with text) for both, as a Markdown
table. A load script, not a test: nothing here asserts.

Usage: serve_load.py LLMOS_EXECUTABLE --model MODEL [--home DIR] [--streams 1,4,16]
                     [--per-stream 4] [--max-tokens 64]
"""
import argparse, http.client, json, os, statistics, subprocess, sys, threading, time

def stream_completion(port, model, seed, max_tokens):
    """One streamed completion: (seconds to the first text chunk, completion tokens, total seconds)."""
    body = json.dumps({"model": model, "prompt": f"Fortune number {seed}:", "max_tokens": max_tokens, "temperature": 0.8, "seed": seed, "stream": True,
                       "stream_options": {"include_usage": True}})
    started = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    conn.request("POST", "/v1/completions", body, {"Content-Type": "application/json"})
    response = conn.getresponse()
    if response.status != 200:
        sys.exit(f"request failed: {response.status} {response.read()[:300]}")
    first, tokens = None, 0
    for raw in response:
        line = raw.decode().strip()
        if not line.startswith("data: ") or line == "data: [DONE]":
            continue
        event = json.loads(line[6:])
        if event.get("usage"):
            tokens = event["usage"]["completion_tokens"]
        for choice in event.get("choices", []):
            if first is None and choice.get("text"):
                first = time.perf_counter() - started
    conn.close()
    total = time.perf_counter() - started
    return (first if first is not None else total), tokens, total

def run(port, model, seeds, max_tokens, concurrency):
    results = [None] * len(seeds)
    next_index = [0]
    lock = threading.Lock()
    def worker():
        while True:
            with lock:
                i = next_index[0]
                next_index[0] += 1
            if i >= len(seeds):
                return
            results[i] = stream_completion(port, model, seeds[i], max_tokens)
    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for t in threads: t.start()
    for t in threads: t.join()
    wall = time.perf_counter() - started
    ttft = sorted(r[0] for r in results)
    tokens = sum(r[1] for r in results)
    p = lambda q: ttft[min(len(ttft) - 1, int(round(q * (len(ttft) - 1))))]
    return {"tokens": tokens, "wall": wall, "tps": tokens / wall, "p50": p(0.5), "p99": p(0.99)}

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("llmos")
    ap.add_argument("--model", required=True)
    ap.add_argument("--home")
    ap.add_argument("--streams", default="1,4,16")
    ap.add_argument("--per-stream", type=int, default=4)
    ap.add_argument("--max-tokens", type=int, default=64)
    a = ap.parse_args()
    env = dict(os.environ)
    if a.home:
        env["LLMOS_HOME"] = a.home
    server = subprocess.Popen([a.llmos, "serve", "--model", a.model, "--port", "0", "--json"], env=env,
                              stdout=subprocess.PIPE, text=True)
    listening = json.loads(server.stdout.readline())
    port, model = listening["port"], listening["models"][0]
    try:
        stream_completion(port, model, 0, 4)  # loads the model; not measured
        print("| concurrent streams | requests | mode | generated tokens | wall s | aggregate tokens/s | "
              "TTFT p50 ms | TTFT p99 ms | concurrent / one-by-one tokens/s |")
        print("|---|---|---|---|---|---|---|---|---|")
        for c in [int(x) for x in a.streams.split(",")]:
            seeds = list(range(1, c * a.per_stream + 1))
            one = run(port, model, seeds, a.max_tokens, 1)
            many = run(port, model, seeds, a.max_tokens, c)
            for mode, r in (("one by one", one), (f"{c} at a time", many)):
                ratio = f"{many['tps'] / one['tps']:.2f}" if mode != "one by one" else "-"
                print(f"| {c} | {len(seeds)} | {mode} | {r['tokens']} | {r['wall']:.2f} | {r['tps']:.0f} | "
                      f"{r['p50'] * 1000:.0f} | {r['p99'] * 1000:.0f} | {ratio} |")
        print(f"\nmodel {a.model}; max_tokens {a.max_tokens}; command: {' '.join(sys.argv)}")
    finally:
        server.terminate()
        server.wait(timeout=60)

if __name__ == "__main__":
    main()
