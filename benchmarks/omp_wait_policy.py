"""Training-step time under three OpenMP waiting settings — libgomp's default (spin ~300k times at a barrier),
OMP_WAIT_POLICY=PASSIVE (sleep at once) and GOMP_SPINCOUNT=10000 (spin briefly, then sleep: what the rankdistill
CLI sets unless you set either) — on a quiet CPU and beside one busy single-threaded process.

    python benchmarks/omp_wait_policy.py                 # tiny: 2 layers, 3 steps
    python benchmarks/omp_wait_policy.py --layers 30 --steps 6   # SmolLM2-135M's shape

Each cell runs in a fresh process (the policy is read once, when torch's OpenMP runtime starts) using every core:
forward + backward + SGD step of a random-weight Llama of SmolLM2-135M's widths, batch 4 x 64 tokens. The busy
neighbour is `while True: pass` in another process, as any other job on a shared machine would be. Prints a table
and one JSON line with the seconds per step and the ratios measured in this run.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys

WORKLOAD = r"""
import json, sys, time, torch
from transformers import LlamaConfig, LlamaForCausalLM
layers, steps = int(sys.argv[1]), int(sys.argv[2])
torch.manual_seed(0)
config = LlamaConfig(vocab_size=49152, hidden_size=576, intermediate_size=1536, num_hidden_layers=layers,
                     num_attention_heads=9, num_key_value_heads=3, max_position_embeddings=2048)
model = LlamaForCausalLM(config)
opt = torch.optim.SGD(model.parameters(), lr=1e-4)
x = torch.randint(0, 49152, (4, 64))
times = []
for step in range(steps + 1):  # the first step (allocation, warm-up) is left out
    t = time.perf_counter()
    loss = model(input_ids=x, labels=x).loss
    loss.backward()
    opt.step()
    opt.zero_grad()
    times.append(time.perf_counter() - t)
print(json.dumps({"step_s": sum(times[1:]) / steps, "threads": torch.get_num_threads()}))
"""


def run_cell(policy: str | None, busy: bool, layers: int, steps: int) -> dict:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("OMP_WAIT_POLICY", "OMP_NUM_THREADS", "GOMP_SPINCOUNT")
    }
    if policy == "SPIN10000":
        env["GOMP_SPINCOUNT"] = "10000"
    elif policy:
        env["OMP_WAIT_POLICY"] = policy
    neighbour = subprocess.Popen([sys.executable, "-c", "while True: pass"]) if busy else None
    try:
        out = subprocess.run(
            [sys.executable, "-c", WORKLOAD, str(layers), str(steps)],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
    finally:
        if neighbour is not None:
            neighbour.kill()
            neighbour.wait()
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--layers", type=int, default=2)
    parser.add_argument("--steps", type=int, default=3)
    args = parser.parse_args()
    cells = {}
    for busy in (False, True):
        for policy in (None, "PASSIVE", "SPIN10000"):
            name = f"{'busy' if busy else 'quiet'}/{policy or 'default'}"
            cells[name] = run_cell(policy, busy, args.layers, args.steps)
            print(
                f"{name:16s} {cells[name]['step_s']:.3f} s/step ({cells[name]['threads']} threads)",
                flush=True,
            )
    s = {k: v["step_s"] for k, v in cells.items()}
    ratios = {
        "busy_default_over_busy_passive": s["busy/default"] / s["busy/PASSIVE"],
        "quiet_passive_over_quiet_default": s["quiet/PASSIVE"] / s["quiet/default"],
        "busy_default_over_quiet_default": s["busy/default"] / s["quiet/default"],
        "busy_passive_over_quiet_passive": s["busy/PASSIVE"] / s["quiet/PASSIVE"],
        "busy_default_over_busy_spin10000": s["busy/default"] / s["busy/SPIN10000"],
        "quiet_spin10000_over_quiet_default": s["quiet/SPIN10000"] / s["quiet/default"],
    }
    for k, v in ratios.items():
        print(f"{k}: x{v:.2f}")
    print(
        json.dumps(
            {"layers": args.layers, "steps": args.steps, "cpus": os.cpu_count(), "step_s": s, **ratios}
        )
    )


if __name__ == "__main__":
    main()
