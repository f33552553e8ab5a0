"""PPO with a critic on the real packaged student (CPU, tiny): it learns, logs every metric, runs on QLoRA, and a
run killed with SIGKILL resumes from its checkpoint."""

from __future__ import annotations

import json
import math
import os
import signal
import subprocess
import sys
import time
import warnings

import pytest

from rankdistill.recipe import RecipeError, load_recipe

TINY = {
    "data.max_prompts": 2,
    "generation.k": 2,
    "generation.max_new_tokens": 8,
    "train.max_steps": 2,
    "train.batch_size": 2,
    "train.minibatch_size": 2,
    "train.ppo_epochs": 2,
    "train.learning_rate": 1e-3,
    "train.save_steps": 100,
}
METRICS = (
    "reward",
    "kl",
    "kl_coef",
    "clip_fraction",
    "policy_loss",
    "value_loss",
    "explained_variance",
    "entropy",
    "loss",
)


def lora_b_max(adapter) -> float:
    from safetensors.torch import load_file

    weights = load_file(str(adapter / "adapter_model.safetensors"))
    return max(float(v.float().norm()) for k, v in weights.items() if "lora_B" in k)


def test_ppo_and_listwise_dpo_in_the_dispatch_table():
    from rankdistill.train import check_train_settings, stages_for_round

    assert stages_for_round(load_recipe("gec-smollm2-small", {"train.algorithm": "ppo", "train.schedule": None}), 1) == ("train", "eval")  # online
    assert stages_for_round(load_recipe("gec-smollm2-small", {"train.algorithm": "dpo_listwise", "train.schedule": None}), 1)[:3] == (
        "generate",
        "judge",
        "prefs",
    )
    check_train_settings(load_recipe("gec-smollm2-ppo"))
    for args, message in [  # ppo has no config class of a library: its knobs are its section's typed fields
        ({"args": {"clip_eps": 0.1}}, "train.per_algorithm.ppo"),
        ({"args": {"cliprange": 0.1}}, "train.per_algorithm.ppo"),
    ]:
        with pytest.raises(RecipeError, match=message):
            check_train_settings(load_recipe("gec-smollm2-small", {"train.per_algorithm": {"ppo": args}}), ["ppo"])
    with pytest.raises(RecipeError, match=r"train\.per_algorithm\.ppo\.max_lenght"):  # a typo: refused as it loads
        load_recipe("gec-smollm2-small", {"train.per_algorithm": {"ppo": {"max_lenght": 9}}})
    listwise = load_recipe("gec-smollm2-small", {"train.per_algorithm": {"dpo_listwise": {"beta": 1}}})
    check_train_settings(listwise, ["dpo_listwise"])  # beta is listwise DPO's own setting now
    assert listwise.train.per_algorithm.dpo_listwise.beta == 1


def test_token_rewards_kl_on_every_token_score_on_the_last():
    import torch

    from rankdistill.train.ppo import token_rewards

    # kl_coef 0.5, KL (0.1, 0.2, −0.1) on the three response tokens, judge score 1:
    #   r = (−0.05, −0.1, +0.05 + 1) there, 0 on the prompt token and the padding
    mask = torch.tensor([[0.0, 1, 1, 1, 0]])
    kl = torch.tensor([[9.0, 0.1, 0.2, -0.1, 9.0]]) * mask
    r = token_rewards(torch.tensor([1.0]), kl, mask, 0.5)
    assert r.tolist()[0] == pytest.approx([0.0, -0.05, -0.1, 1.05, 0.0])


def test_adaptive_kl_and_prompt_order():
    from rankdistill.train.ppo import adapt_kl, prompt_batch

    assert adapt_kl(0.1, 12.0, None, 8, 100) == 0.1  # no target: fixed
    assert adapt_kl(0.1, 12.0, 6.0, 8, 100) == pytest.approx(
        0.1 * (1 + 0.2 * 8 / 100)
    )  # error clipped at +0.2
    assert adapt_kl(0.1, 5.4, 6.0, 8, 100) == pytest.approx(0.1 * (1 - 0.1 * 8 / 100))
    # each pass over the prompts takes every prompt once, and the order depends only on (seed, step)
    steps = [prompt_batch(5, 2, step, seed=0) for step in range(5)]
    flat = [i for s in steps for i in s]
    assert sorted(flat[:5]) == [0, 1, 2, 3, 4] and sorted(flat[5:10]) == [0, 1, 2, 3, 4]
    assert prompt_batch(5, 2, 3, seed=0) == steps[3]


@pytest.mark.integration
@pytest.mark.parametrize("quantization", ["none", "4bit"])
def test_ppo_learns_and_logs_every_metric(tmp_path, quantization):
    from rankdistill.run import resolve_paths
    from rankdistill.rundir import RunDir
    from rankdistill.train import train_with

    recipe = resolve_paths(load_recipe("gec-smollm2-ppo", {**TINY, "student.quantization": quantization}))
    out = tmp_path / "adapter"
    out.mkdir()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = train_with(recipe, RunDir(tmp_path / "run"), 1, out, tmp_path / "ckpt", None, "ppo")
    # QLoRA on CPU: rollouts run in eval mode, and bitsandbytes' CPU inference kernel (no backward) must not
    # stay in place for the updates (torch warns when it backpropagates through it)
    assert not [w for w in caught if "autograd kernel was not registered" in str(w.message)]
    assert lora_b_max(out) > 0  # the policy adapter moved
    assert lora_b_max(out / "critic") > 0 and (out / "critic/value_head.safetensors").exists()
    # the reference judge is the reward: one call per prompt's group, 2 prompts x 2 steps
    assert result["judge_calls"] == 4 and result["abstentions"] == 0
    log = json.loads((out / "train_log.json").read_text())
    assert [e["step"] for e in log] == [1, 2]
    for entry in log:
        assert all(key in entry for key in METRICS), sorted(entry)
        assert math.isfinite(entry["value_loss"]) and math.isfinite(entry["policy_loss"])
        assert 0 <= entry["reward"] <= 2  # exact match (0/1) + chrF (0..1)
        assert 0 <= entry["clip_fraction"] <= 1 and entry["entropy"] > 0
    # step 1 samples from the untrained policy (LoRA B = 0): it is the reference, so the KL is 0;
    # step 2 samples after two epochs of updates at lr 1e-3: the policy has left the reference
    assert abs(log[0]["kl"]) < 1e-4
    assert abs(log[1]["kl"]) > 1e-4
    if quantization == "4bit":
        return
    # round 2 from round 1's adapter with train.reference: previous: the reference is where round 2 starts
    # (KL 0 at its first step again), and the critic carries on from round 1's (its values are no longer 0)
    two = recipe.model_copy(deep=True)
    two.train.max_steps, two.train.per_algorithm.ppo.reference = 1, "previous"
    out2 = tmp_path / "adapter2"
    out2.mkdir()
    second = train_with(two, RunDir(tmp_path / "run"), 2, out2, tmp_path / "ckpt2", out, "ppo")["history"]
    assert abs(second[0]["kl"]) < 1e-4 and second[0]["explained_variance"] != 0.0


@pytest.mark.integration
def test_killed_ppo_resumes_from_its_checkpoint(tmp_path):
    run = tmp_path / "run"
    overrides = {**TINY, "train.max_steps": 3, "train.save_steps": 2, "rounds": 1, "data.test": "null"}
    args = [sys.executable, "-m", "rankdistill", "iterate", "gec-smollm2-ppo", "--run-dir", str(run)]
    args += [x for k, v in overrides.items() for x in ("--set", f"{k}={v}")]
    proc = subprocess.Popen(
        args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    checkpoint = run / "round-01/checkpoints/checkpoint-2"
    deadline = time.time() + 900
    while not (checkpoint / "trainer_state.json").exists() and proc.poll() is None and time.time() < deadline:
        time.sleep(0.2)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert (checkpoint / "trainer_state.json").exists(), "training never reached its first checkpoint"
    assert not (run / "round-01/adapter").exists()
    saved = json.loads((checkpoint / "trainer_state.json").read_text())["history"]

    done = subprocess.run(args, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-4000:]
    assert "resuming training" in done.stderr
    log = json.loads((run / "round-01/adapter/train_log.json").read_text())
    assert [e["step"] for e in log] == [1, 2, 3]
    assert log[:2] == saved  # steps 1-2 come from the checkpoint, not trained again
    assert lora_b_max(run / "round-01/adapter") > 0
    assert json.loads((run / "round-01/adapter/train_stats.json").read_text())["algorithm"] == "ppo"
    assert not (run / "round-01/checkpoints").exists()


def test_log_probs_are_those_of_the_tempered_distribution_the_samples_came_from():
    """Rollouts are sampled at generation.temperature; PPO's ratios and KL must score them under logits / T."""
    import torch
    from transformers import LlamaConfig, LlamaForCausalLM

    from rankdistill.train.ppo import policy_logps

    torch.manual_seed(0)
    config = LlamaConfig(
        vocab_size=32, hidden_size=16, intermediate_size=32, num_hidden_layers=1, num_attention_heads=2,
        num_key_value_heads=1, max_position_embeddings=16,
    )  # fmt: skip
    model = LlamaForCausalLM(config).eval()
    ids = torch.tensor([[3, 7, 1, 9, 4, 2]])
    labels = torch.tensor([[-100, -100, -100, 9, 4, 2]])  # a 3-token prompt, a 3-token answer
    batch = {"input_ids": ids, "attention_mask": torch.ones_like(ids), "labels": labels}
    with torch.no_grad():
        logits = model(input_ids=ids).logits[0]
        got, mask, _ = policy_logps(model, batch, temperature=0.7)
    # by hand: the answer token at position t is predicted by the logits at t - 1, scaled by 1 / 0.7
    expected = [torch.log_softmax(logits[t - 1] / 0.7, -1)[ids[0, t]] for t in (3, 4, 5)]
    assert mask[0].tolist() == [0, 0, 1, 1, 1]
    assert torch.allclose(got[0, 2:], torch.stack(expected), atol=1e-5)
    assert not torch.allclose(got[0, 2:], policy_logps(model, batch)[0][0, 2:], atol=1e-3)  # T = 1 differs
