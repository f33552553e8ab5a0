"""Listwise (Plackett-Luce) DPO on the real packaged student: the loss at the start, learning, the reference."""

from __future__ import annotations

import json
import math

import pytest

from rankdistill.recipe import load_recipe

pytestmark = pytest.mark.integration

LISTS = [
    ("She go to school.", ["She goes to school.", "Sure! She go to school is wrong.", "She go to school."]),
    ("Yo tengo dos hermano.", ["Yo tengo dos hermanos.", "Correct: Yo tengo dos hermano.", "Yo tengo."]),
]


def lora_b_max(adapter) -> float:
    from safetensors.torch import load_file

    weights = load_file(str(adapter / "adapter_model.safetensors"))
    return max(float(v.float().norm()) for k, v in weights.items() if "lora_B" in k)


def save_lists(path, recipe, scores):
    from datasets import Dataset

    from rankdistill.data import build_messages

    rows = [
        {"prompt": build_messages(recipe.data, x), "completions": c, "scores": s}
        for (x, c), s in zip(LISTS, scores, strict=True)
    ]
    Dataset.from_list(rows).save_to_disk(str(path))


def test_listwise_dpo_learns_the_ranking_and_keeps_the_reference(tmp_path):
    from rankdistill.train import recipe_for
    from rankdistill.train import run_algorithm as train_dpo_listwise

    overrides = {
        "train.max_steps": 4,
        "train.learning_rate": 1e-3,
        "train.batch_size": 2,
        "train.save_steps": 100,
        "train.beta": 0.5,
    }
    recipe = recipe_for(load_recipe("gec-smollm2-small", overrides), "dpo_listwise")
    # three distinct scores per prompt; the second prompt's third candidate abstained (NaN): K = 3 and K = 2
    save_lists(tmp_path / "lists", recipe, [[0.9, 0.1, 0.5], [1.0, 0.3, float("nan")]])
    out = tmp_path / "r1"
    out.mkdir()
    result = train_dpo_listwise(recipe, tmp_path / "lists", out, tmp_path / "ckpt1", None)
    losses = [h["loss"] for h in result["history"]]
    # step 1: LoRA B starts at 0, so π = π_ref and every r_i = 0; each prompt's loss is Σ_k log(#left at k):
    #   K = 3: log 3 + log 2 + log 1 = log 6;  K = 2: log 2;  mean over the two prompts
    assert losses[0] == pytest.approx((math.log(6) + math.log(2)) / 2, rel=1e-4)
    assert losses[-1] < losses[0]
    assert lora_b_max(out) > 0
    log = json.loads((out / "train_log.json").read_text())
    assert log[-1]["ranking_accuracy"] > log[0]["ranking_accuracy"] or log[-1]["ranking_accuracy"] == 1.0

    # round 2 from round 1's adapter, one step each way
    two = recipe.model_copy(deep=True)
    two.train.max_steps = 1
    two.train.per_algorithm.dpo_listwise.reference = (
        "previous"  # reference = round 1's policy = the start of round 2 -> every r_i = 0 again
    )
    out2 = tmp_path / "r2"
    out2.mkdir()
    prev = train_dpo_listwise(two, tmp_path / "lists", out2, tmp_path / "ckpt2", out)
    assert prev["history"][0]["loss"] == pytest.approx(losses[0], rel=1e-4)
    two.train.per_algorithm.dpo_listwise.reference = "initial"  # reference = the untrained base: round 1's progress counts
    out3 = tmp_path / "r3"
    out3.mkdir()
    initial = train_dpo_listwise(two, tmp_path / "lists", out3, tmp_path / "ckpt3", out)
    assert initial["history"][0]["loss"] < losses[0] - 0.05


def test_listwise_dpo_on_qlora(tmp_path):
    from rankdistill.train import recipe_for
    from rankdistill.train import run_algorithm as train_dpo_listwise

    overrides = {"student.quantization": "4bit", "train.max_steps": 1, "train.learning_rate": 1e-3}
    recipe = recipe_for(load_recipe("gec-smollm2-small", {**overrides, "train.batch_size": 2}), "dpo_listwise")
    save_lists(tmp_path / "lists", recipe, [[0.9, 0.1, 0.5], [0.2, 0.2, 0.7]])
    out = tmp_path / "adapter"
    out.mkdir()
    result = train_dpo_listwise(recipe, tmp_path / "lists", out, tmp_path / "ckpt", None)
    # π = π_ref at step 1: prompt 1 costs log 6; prompt 2 (0.7 above a tie at 0.2): log 3 for the top,
    # and each tied candidate stands alone in its denominator: 0 -> mean (log 6 + log 3) / 2
    assert result["history"][0]["loss"] == pytest.approx((math.log(6) + math.log(3)) / 2, rel=1e-3)
    assert lora_b_max(out) > 0
