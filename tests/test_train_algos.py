"""RRHF, GRPO and SFT on the real packaged student; schedules, compare and accelerate launch (CPU, tiny settings)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from rankdistill.recipe import load_recipe

pytestmark = pytest.mark.integration

TINY = {
    "data.max_prompts": 4,
    "generation.k": 2,
    "generation.max_new_tokens": 8,
    "train.max_steps": 2,
    "train.batch_size": 2,
    "train.per_algorithm.sft.batch_size": 2,  # CI time: the small recipe's SFT batch is 8
    "train.save_steps": 100,
    "eval.max_prompts": 4,
    "eval.max_new_tokens": 8,
}

LISTS = [
    ("She go to school.", ["She goes to school.", "Sure! She go to school is wrong.", "She go to school."]),
    ("Yo tengo dos hermano.", ["Yo tengo dos hermanos.", "Correct: Yo tengo dos hermano.", "Yo tengo."]),
]


def lora_b_max(adapter) -> float:
    from safetensors.torch import load_file

    weights = load_file(str(adapter / "adapter_model.safetensors"))
    return max(float(v.float().norm()) for k, v in weights.items() if "lora_B" in k)


def cli(*args: str, **kw) -> subprocess.CompletedProcess:
    proc = subprocess.run(args, capture_output=True, text=True, timeout=900, **kw)
    assert proc.returncode == 0, f"{' '.join(args)} failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-4000:]}"
    return proc


def sets(overrides: dict) -> list[str]:
    return [x for k, v in overrides.items() for x in ("--set", f"{k}={v}")]


def test_rrhf_orders_candidates_and_learns(tmp_path):
    import torch
    from datasets import Dataset

    from rankdistill.data import build_messages
    from rankdistill.train import run_algorithm as train_rrhf
    from rankdistill.train.common import load_trainable
    from rankdistill.train.rrhf import candidate_logps, encode_lists, rrhf_losses

    recipe = load_recipe(
        "gec-smollm2-small",
        {
            "train.algorithm": "rrhf",
            "train.schedule": None,
            "train.max_steps": 3,
            "train.learning_rate": 1e-3,
            "train.batch_size": 2,
            "train.save_steps": 100,
        },
    )
    rows = [
        {"prompt": build_messages(recipe.data, x), "completions": c, "scores": [0.0] * 3} for x, c in LISTS
    ]
    model, tokenizer = load_trainable(recipe, None)
    batch = encode_lists(tokenizer, rows, 512)
    with torch.no_grad():
        p = candidate_logps(model, batch)
        assert p.shape == (2, 3) and bool((p < 0).all())
        # scores that agree with the model's own p_i: it already orders every pair, so L_rank is exactly 0
        agree = rrhf_losses(model, {**batch, "scores": p.clone()}, 1.0, 1.0)
        assert float(agree["rank_loss"]) == 0.0
        # reversed scores: every pair is out of order; L_rank = sum of |p_i - p_j| over the 3 pairs, mean of 2
        reverse = rrhf_losses(model, {**batch, "scores": -p}, 1.0, 1.0)
        expected = (
            sum(abs(p[b, i] - p[b, j]) for b in range(2) for i in range(3) for j in range(i + 1, 3)) / 2
        )
        assert float(reverse["rank_loss"]) == pytest.approx(float(expected), rel=1e-4)
    del model

    for row, scores in zip(rows, (-p).tolist(), strict=True):
        row["scores"] = scores
    Dataset.from_list(rows).save_to_disk(str(tmp_path / "lists"))
    out = tmp_path / "adapter"
    out.mkdir()
    result = train_rrhf(recipe, tmp_path / "lists", out, tmp_path / "ckpt", None)
    ranks = [h["rank_loss"] for h in result["history"]]
    assert ranks[0] == pytest.approx(float(reverse["rank_loss"]), rel=1e-3)  # step 1 sees the untrained model
    assert ranks[-1] < ranks[0]
    assert lora_b_max(out) > 0
    assert json.loads((out / "train_log.json").read_text())[-1]["ft_loss"] > 0


@pytest.mark.parametrize("algorithm", ["grpo", "rrhf", "sft"])  # QLoRA DPO: test_training.py
def test_qlora_trains_each_algorithm(tmp_path, algorithm):
    from datasets import Dataset

    from rankdistill.data import build_messages
    from rankdistill.run import resolve_paths
    from rankdistill.rundir import RunDir
    from rankdistill.train import recipe_for, train_with

    overrides = {**TINY, "student.quantization": "4bit", "train.learning_rate": 5e-4}
    if algorithm != "grpo":
        overrides["train.max_steps"] = 1
    recipe = recipe_for(resolve_paths(load_recipe("gec-smollm2-grpo", overrides)), algorithm)
    run = RunDir(tmp_path / "run")
    rows = [
        {"prompt": build_messages(recipe.data, x), "completions": c, "scores": [1.0, 0.2, 0.5]}
        for x, c in LISTS
    ]
    Dataset.from_list(rows).save_to_disk(str(run.prefs(1) / "lists"))
    out = tmp_path / "adapter"
    out.mkdir()
    result = train_with(recipe, run, 1, out, tmp_path / "ckpt", None, algorithm)
    assert len(result["history"]) == recipe.train.max_steps
    assert lora_b_max(out) > 0
    if algorithm == "grpo":  # the reference judge is the reward: one call per group of k samples
        assert result["judge_calls"] == 4 and result["abstentions"] == 0  # 2 steps x 2 prompts
        assert any(k.startswith("rewards/judge:reference") for k in result["history"][0])


def test_sft_then_dpo_schedule_and_accelerate_launch(tmp_path):
    run = tmp_path / "run"
    # no test set: this test is about training, and evaluation is the slow part on CPU
    schedule = {
        **TINY,
        "rounds": 2,
        "train.schedule": "[sft, dpo]",
        "train.learning_rate": 5e-4,
        "data.test": "null",
    }
    cli(sys.executable, "-m", "rankdistill", "iterate", "gec-smollm2-small", "--run-dir", str(run), *sets(schedule))
    # round 1 is SFT on the references: no candidates generated or judged
    assert not (run / "round-01/candidates.jsonl").exists()
    assert json.loads((run / "round-01/adapter/train_stats.json").read_text())["algorithm"] == "sft"
    assert lora_b_max(run / "round-01/adapter") > 0
    # round 2 is DPO from the SFT adapter, on candidates sampled from the SFT student
    assert (run / "round-02/prefs/pairs").exists() and (run / "round-02/candidates.jsonl").exists()
    assert json.loads((run / "round-02/adapter/train_stats.json").read_text())["algorithm"] == "dpo"
    assert json.loads((run / "manifest.json").read_text())["train"]["schedule"] == ["sft", "dpo"]

    # two processes in one DDP group over gloo: the DPO round again (train.batch_size per process) ...
    before = (run / "round-02/adapter/adapter_model.safetensors").stat().st_mtime_ns
    proc = cli(
        sys.executable,
        "-m",
        "accelerate.commands.launch",
        "--multi_gpu",
        "--num_processes",
        "2",
        "-m",
        "rankdistill",
        "train",
        str(run),
        "--round",
        "2",
        "--force",
    )
    assert proc.stdout.count("round 2 train: done") == 1  # only the main process reports
    adapter = run / "round-02/adapter"
    assert (adapter / "adapter_config.json").exists() and not list(run.glob("round-02/.adapter-*"))
    stats = json.loads((adapter / "train_stats.json").read_text())
    assert stats["processes"] == 2 and stats["algorithm"] == "dpo"
    assert (adapter / "adapter_model.safetensors").stat().st_mtime_ns > before
    assert not (run / "round-02/checkpoints").exists()
    # ... and `accelerate launch --cpu` (without MPI, accelerate starts one process for it): round 1 redone, so
    # round 2, made from its student, is removed as stale
    cli(
        sys.executable,
        "-m",
        "accelerate.commands.launch",
        "--cpu",
        "--num_processes",
        "2",
        "-m",
        "rankdistill",
        "train",
        str(run),
        "--round",
        "1",
        "--force",
    )
    assert json.loads((run / "round-01/adapter/train_stats.json").read_text())["algorithm"] == "sft"
    assert not (run / "round-02").exists()


def test_compare_every_algorithm(tmp_path):
    run = tmp_path / "cmp"
    overrides = {**TINY, "rounds": 1, "train.learning_rate": 5e-4, "eval.max_prompts": 2}
    proc = cli(
        sys.executable,
        "-m",
        "rankdistill",
        "compare",
        "gec-smollm2-rrhf",
        "--algorithms",
        "dpo,rrhf,grpo,sft",
        "--run-dir",
        str(run),
        *sets(overrides),
    )
    report = (run / "compare/report.md").read_text()
    assert report in proc.stdout
    for algorithm in ("base", "dpo", "rrhf", "grpo", "sft"):
        assert f"| {algorithm} |" in report
    rows = json.loads((run / "compare/rows.json").read_text())
    trained = [r for r in rows if r["algorithm"] != "base"]
    assert len(trained) == 4
    assert all(
        r["train_seconds"] > 0 and r["peak_memory_mb"] > 0 and r["win_rate"] is not None for r in trained
    )
    assert (run / "compare/metrics.png").read_bytes()[:4] == b"\x89PNG"
    # generated and judged once: every algorithm's round 1 holds the same candidates
    shared = (run / "round-01/candidates.jsonl").read_text()
    for algorithm in ("dpo", "rrhf"):
        assert (run / f"compare/{algorithm}/round-01/candidates.jsonl").read_text() == shared
        stats = json.loads((run / f"compare/{algorithm}/round-01/adapter/train_stats.json").read_text())
        assert stats["algorithm"] == algorithm
    for algorithm in ("dpo", "rrhf", "grpo", "sft"):
        assert lora_b_max(run / f"compare/{algorithm}/round-01/adapter") > 0
