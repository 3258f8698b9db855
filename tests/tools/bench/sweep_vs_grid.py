#!/usr/bin/env python3
"""Does TPE + ASHA earn its keep? (issue 6, docs/PERFORMANCE.md "Hyperparameter search")

Builds the offline demo in a fresh data folder (`llmos demo`: the fortune language model
and the topics data), then searches the demo classifier's LoRA learning rate, rank and
dropout twice with `llmos sweep`:
  grid:      3 x 3 x 3 = 27 trials, every one trained to the end;
  tpe+asha:  TPE over the same ranges (log-uniform lr, log-int rank, uniform dropout),
             ASHA stopping weak trials at the rungs, --trials of them.
The objective is the validation loss (lower is better). Prints, for each, the best
objective, the optimizer steps all trials trained together, the wall time, and whether
TPE + ASHA came within 1% of the grid's best with at most 40% of its steps.

"Reached" counts the optimizer steps of all trials up to the first *succeeded* trial within
1% of the grid's best, in the order they finished (pruned trials' rung values do not count
as reaching). With --seeds 0,1,2 the TPE + ASHA sweep runs once per seed; a finished grid
sweep in the --home folder is reused rather than trained again.

With --task lm the task is the demo language model's LoRA adaptation to the same sayings
as text (causal LM, validation loss over 20% of them), an objective far less noisy than the
classifier's: the classifier's best configuration ranges 1.42-1.61 over five training seeds.

Usage: sweep_vs_grid.py LLMOS_EXECUTABLE [--task classify|lm] [--steps 360] [--trials 24] [--seeds 0]
                        [--min-steps N] [--lr-max 1e-2] [--rank-max 32] [--home DIR]
"""
import argparse, json, os, subprocess, sys, tempfile, time

def run_sweep(llmos, env, path):
    started = time.time()
    proc = subprocess.run([llmos, "sweep", path, "--json"], env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"llmos sweep {path} failed: {proc.stderr}")
    events = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    ended = [e for e in events if e["event"] in ("trial_finished", "trial_pruned")]
    done = events[-1]
    return {"best": done.get("best_objective"), "steps": sum(e.get("step", 0) for e in ended),
            "trials": len(ended), "pruned": sum(e["event"] == "trial_pruned" for e in ended),
            "seconds": time.time() - started, "ended": ended}

def finished_grid(llmos, env, name):
    """The sweep of that name in the data folder, if one finished: its figures."""
    listed = subprocess.run([llmos, "sweeps", "list", "--json"], env=env, capture_output=True, text=True)
    for s in json.loads(listed.stdout or '{"sweeps": []}')["sweeps"]:
        if s.get("name") == name and s.get("status") == "finished":
            shown = json.loads(subprocess.run([llmos, "sweeps", "show", s["id"], "--json"], env=env,
                                              capture_output=True, text=True, check=True).stdout)
            rows = shown["leaderboard"]
            return {"best": shown["best_objective"], "steps": sum(r["step"] for r in rows), "trials": len(rows),
                    "pruned": 0, "seconds": sum(r["seconds"] for r in rows), "ended": []}
    return None

def steps_to_reach(ended, target):
    used = 0
    for e in ended:
        used += e.get("step", 0)
        if e["event"] == "trial_finished" and e.get("state") == "succeeded" and e["objective"] <= target:
            return used, e["trial"]
    return None, None

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("llmos")
    ap.add_argument("--task", default="classify", choices=["classify", "lm"])
    ap.add_argument("--steps", type=int, default=360)
    ap.add_argument("--trials", type=int, default=24)
    ap.add_argument("--seeds", default="0")
    ap.add_argument("--min-steps", type=int, help="the first rung (default: steps / 9)")
    ap.add_argument("--pruner", default="asha", choices=["asha", "hyperband"])
    ap.add_argument("--lr-max", type=float, default=1e-2, help="TPE's learning-rate range ends here")
    ap.add_argument("--rank-max", type=int, default=32, help="TPE's rank range ends here")
    ap.add_argument("--home")
    a = ap.parse_args()
    home = a.home or tempfile.mkdtemp(prefix="llmos-sweepbench-")
    env = dict(os.environ, LLMOS_HOME=home)
    if not os.path.exists(os.path.join(home, "demo", "topics.jsonl")):
        subprocess.run([a.llmos, "demo"], env=env, check=True, stdout=subprocess.DEVNULL)
    sayings = os.path.join(home, "demo", "sayings.txt")
    if a.task == "lm" and not os.path.exists(sayings):
        with open(os.path.join(home, "demo", "topics.jsonl")) as f, open(sayings, "w") as out:
            out.write("\n\n".join(json.loads(line)["text"].strip() for line in f if line.strip()) + "\n")
    recipe = {
        "model": {"path": "fortune-lm"},
        "dataset": {"path": os.path.join(home, "demo", "topics.jsonl"), "kind": "classification",
                    "validation_fraction": 0.2, "seed": 42},
        "task": {"kind": "classification", "max_seq_len": 96},
        "method": {"kind": "lora", "rank": 8, "alpha": 16},
        "optimizer": {"name": "adamw", "lr": 3e-3},
        "schedule": {"name": "linear", "warmup_ratio": 0.05},
        "training": {"max_steps": a.steps, "batch_size": 16, "checkpoint_every": 0, "seed": 42},
    }
    if a.task == "lm":
        recipe["dataset"] = {"path": sayings, "kind": "text", "validation_fraction": 0.2, "seed": 42}
        recipe["task"] = {"kind": "causal_lm", "max_seq_len": 96}
    objective = {"metric": "eval_loss", "direction": "minimize"}
    grid_name = "grid" if a.task == "classify" else "grid-lm"
    grid = {"version": 1, "name": grid_name, "recipe": recipe, "objective": objective,
            "strategy": {"kind": "grid"},
            "space": {"optimizer.lr": [1e-3, 3e-3, 1e-2], "method.rank": [2, 8, 32],
                      "method.dropout": [0.0, 0.1, 0.3]}}
    tpe = {"version": 1, "name": "tpe-asha", "recipe": recipe, "objective": objective,
           "strategy": {"kind": "tpe", "seed": 0, "startup_trials": 8},
           "pruner": {"kind": a.pruner, "min_steps": a.min_steps or a.steps // 9, "reduction_factor": 3},
           "budget": {"max_trials": a.trials},
           "space": {"optimizer.lr": {"log_uniform": [1e-3, a.lr_max]},
                     "method.rank": {"int": [2, a.rank_max], "log": True},
                     "method.dropout": {"uniform": [0.0, 0.3]}}}
    results = {}
    results["grid"] = finished_grid(a.llmos, env, grid_name)
    if not results["grid"]:
        path = os.path.join(home, grid_name + ".json")
        with open(path, "w") as f:
            json.dump(grid, f, indent=2)
        results["grid"] = run_sweep(a.llmos, env, path)
    g = results["grid"]
    for seed in [int(x) for x in a.seeds.split(",")]:
        tpe["strategy"]["seed"] = seed
        tpe["name"] = ("" if a.task == "classify" else "lm-") + f"tpe-{a.pruner}-min{tpe['pruner']['min_steps']}-lr{a.lr_max:g}-r{a.rank_max}-seed{seed}"
        path = os.path.join(home, tpe["name"] + ".json")
        with open(path, "w") as f:
            json.dump(tpe, f, indent=2)
        results[f"tpe+{a.pruner} seed {seed}"] = run_sweep(a.llmos, env, path)
    target = g["best"] * 1.01
    print("| search | trials | pruned | optimizer steps | share of grid's steps | best eval_loss | best / grid best "
          "| steps to reach within 1% (trial) | wall s |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name, r in results.items():
        used, trial = steps_to_reach(r["ended"], target) if r["ended"] else (None, None)
        reach = f"{used} = {used / g['steps']:.0%} (trial {trial})" if used is not None else "-"
        print(f"| {name} | {r['trials']} | {r['pruned']} | {r['steps']} | {r['steps'] / g['steps']:.0%} | "
              f"{r['best']:.4f} | {r['best'] / g['best']:.4f} | {reach} | {r['seconds']:.0f} |")
    print(f"\ntarget: within 1% of the grid's best ({g['best']:.4f}) with at most 40% of its {g['steps']} steps")
    print(f"data folder: {home}; command: {' '.join(sys.argv)}")

if __name__ == "__main__":
    main()
