"""DPO on the real packaged student, LoRA and QLoRA (bitsandbytes NF4 on CPU): the loss falls, weights move."""

from __future__ import annotations

import pytest

from rankdistill.recipe import load_recipe

pytestmark = pytest.mark.integration

PAIRS = [
    (
        "She go to school.",
        "She goes to school.",
        "Sure! Here is the corrected sentence: she go to school, which is wrong.",
    ),
    (
        "Je suis allé a Paris.",
        "Je suis allé à Paris.",
        "The sentence is grammatically correct, but it is French.",
    ),
    (
        "Yo tengo dos hermano.",
        "Yo tengo dos hermanos.",
        "Correct sentence: Yo tengo dos hermano. Explanation follows.",
    ),
    (
        "Er spielt fussball.",
        "Er spielt Fußball.",
        "Here is my answer. The verb is wrong and should be changed.",
    ),
]


def _pairs_dataset(path, recipe):
    from datasets import Dataset

    from rankdistill.data import build_messages

    rows = [
        {
            "prompt": build_messages(recipe.data, text),
            "chosen": [{"role": "assistant", "content": good}],
            "rejected": [{"role": "assistant", "content": bad}],
        }
        for text, good, bad in PAIRS
    ]
    Dataset.from_list(rows).save_to_disk(str(path))
    return path


@pytest.mark.parametrize("quantization", ["none", "4bit"])
def test_dpo_lowers_loss_and_changes_adapter(tmp_path, quantization):
    from safetensors.torch import load_file

    from rankdistill.train import run_algorithm

    recipe = load_recipe(
        "gec-smollm2-small",
        {
            "student.quantization": quantization,
            "train.max_steps": 6,
            "train.learning_rate": 1e-3,
            "train.batch_size": 2,  # CI time: a smaller batch and a larger step learn the 4 pairs as well
            "train.save_steps": 100,
        },
    )
    pairs = _pairs_dataset(tmp_path / "pairs", recipe)
    out = tmp_path / "adapter"
    result = run_algorithm(recipe, pairs, out, tmp_path / "ckpt", previous=None)  # plain DPO: no train.args
    losses = [h["loss"] for h in result["history"]]
    assert losses[0] == pytest.approx(0.6931, abs=1e-3)  # log 2: policy == reference at step 0
    assert losses[-1] < losses[0] - 0.1
    assert result["history"][-1]["rewards/margins"] > 0
    weights = load_file(str(out / "adapter_model.safetensors"))
    assert max(float(v.float().norm()) for k, v in weights.items() if "lora_B" in k) > 0
    if quantization == "4bit":
        import json

        assert json.loads((out / "adapter_config.json").read_text())["r"] == recipe.student.lora.r
