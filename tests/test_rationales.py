"""Training with rationales (distilling step-by-step): the rows of the two tasks, the prompt evaluation asks, and
two-task SFT on a tiny random-weight model (the first loss against a hand computation, learning, rows without a
rationale)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from rankdistill.recipe import RecipeError, load_recipe

ROWS = [
    {"id": "a", "text": "She go to school.", "reference": "She goes to school.", "rationale": 'agreement: "go" → "goes".'},
    {"id": "b", "text": "I has a cat.", "reference": "I have a cat.", "rationale": 'agreement: "has" → "have".'},
    {"id": "c", "text": "They is here.", "reference": "They are here."},  # no rationale
    {"id": "d", "text": "We was late.", "reference": "We were late.", "rationale": ""},  # empty: none
]


def _data(tmp_path: Path, rows=ROWS) -> Path:
    path = tmp_path / "train.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def _recipe(tmp_path: Path, **sets):
    data = _data(tmp_path)
    base = {
        "data.train": str(data),
        "data.test": str(data),
        "data.rationale_field": "rationale",
        "data.user_template": "{input}",
    }
    return load_recipe("gec-smollm2-small", {**base, **sets})


def _user(messages):
    return messages[-1]["content"]


def test_rows_pair_each_label_with_its_rationale_under_the_two_prefixes(tmp_path):
    from rankdistill.train import recipe_for
    from rankdistill.train.sft import sft_rows

    recipe = recipe_for(_recipe(tmp_path), "sft")
    rows = {_user(r["prompt"]): r for r in sft_rows(recipe, recipe.train.per_algorithm.sft)}
    a = rows["predict: She go to school."]
    assert a["completion"] == [{"role": "assistant", "content": "She goes to school."}]
    assert _user(a["rationale_prompt"]) == "explain: She go to school."
    assert a["rationale_completion"] == [{"role": "assistant", "content": 'agreement: "go" → "goes".'}]
    # the system prompt is the data's in both tasks; only the user message's prefix differs
    assert a["prompt"][:-1] == a["rationale_prompt"][:-1]
    for text in ("predict: They is here.", "predict: We was late."):  # none, and empty: the label task only
        assert rows[text]["rationale_prompt"] is None and rows[text]["rationale_completion"] is None
    # without data.rationale_field: plain SFT rows, no prefix, the rationale is not read
    plain = recipe_for(_recipe(tmp_path, **{"data.rationale_field": None}), "sft")
    assert sorted(_user(r["prompt"]) for r in sft_rows(plain)) == sorted(x["text"] for x in ROWS)
    assert all("rationale_prompt" not in r for r in sft_rows(plain))


def test_the_rationale_is_the_rows_own_field_not_one_judges_or_metrics_see(tmp_path):
    from rankdistill.data import load_prompts

    recipe = _recipe(tmp_path)
    prompts = {p.prompt_id: p for p in load_prompts(recipe.data.train, recipe.data)}
    assert prompts["a"].rationale == 'agreement: "go" → "goes".'
    assert prompts["c"].rationale is None and prompts["d"].rationale is None
    assert "rationale" not in prompts["a"].fields and prompts["a"].fields["text"] == "She go to school."


def test_evaluation_asks_the_label_tasks_prompt_in_every_round(tmp_path):
    from rankdistill.evaluate import eval_prompts
    from rankdistill.generation import training_prompts
    from rankdistill.train import recipe_for
    from rankdistill.train.sft import sft_rows

    recipe = _recipe(tmp_path, **{"data.system_prompt": "Correct it.", "data.user_template": "Fix: {input}"})
    label = {r["completion"][0]["content"]: r["prompt"] for r in sft_rows(recipe_for(recipe, "sft"))}
    asked = {p.reference: p.messages for p in eval_prompts(recipe, recipe.data.test)}
    assert asked == label  # exactly the label task's prompt, never the rationale's
    assert _user(asked["She goes to school."]) == "predict: Fix: She go to school."
    # the student's samples in later rounds (any algorithm) are asked the same way
    for algorithm in ("sft", "dpo"):
        again = {p.reference: p.messages for p in training_prompts(recipe_for(recipe, algorithm))}
        assert again == label
    # no rationales: no prefix anywhere
    plain = _recipe(tmp_path, **{"data.rationale_field": None, "data.user_template": "Fix: {input}"})
    assert {_user(p.messages) for p in eval_prompts(plain, plain.data.test)} == {f"Fix: {x['text']}" for x in ROWS}


def test_max_examples_keeps_the_same_items_whatever_the_seed_or_rationales(tmp_path):
    from rankdistill.train import recipe_for
    from rankdistill.train.sft import sft_rows

    def kept(**sets):
        recipe = recipe_for(_recipe(tmp_path, **{"train.per_algorithm.sft.max_examples": 2, **sets}), "sft")
        return sorted(r["completion"][0]["content"] for r in sft_rows(recipe, recipe.train.per_algorithm.sft))

    first = kept()
    assert len(first) == 2
    assert kept(seed=7) == first and kept(**{"data.rationale_field": None}) == first


def test_settings_are_checked(tmp_path):
    for bad, why in (("alpha", 0), ("alpha", 1.5), ("max_examples", 0)):
        with pytest.raises(RecipeError, match=rf"train\.per_algorithm\.sft\.{bad}"):
            _recipe(tmp_path, **{f"train.per_algorithm.sft.{bad}": why})


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    from tiny_models import build_base_model

    return build_base_model(tmp_path_factory.mktemp("tiny") / "base")


def _train(recipe, out: Path, previous=None):
    from rankdistill.train import run_algorithm

    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    return run_algorithm(recipe, None, out, out.parent / f"{out.name}-checkpoints", previous)


def _completion_nll(model, tokenizer, prompt, completion) -> tuple[float, int]:
    """Σ −log π over a completion's tokens and their count, from the chat template as a user would tokenize."""
    import torch

    prompt_ids = tokenizer.apply_chat_template(prompt, add_generation_prompt=True, tokenize=True, return_dict=True)
    full = tokenizer.apply_chat_template(prompt + completion, tokenize=True, return_dict=True)["input_ids"]
    n_prompt = len(prompt_ids["input_ids"])
    assert full[:n_prompt] == prompt_ids["input_ids"]
    with torch.no_grad():
        logps = model(torch.tensor([full])).logits[0, :-1].float().log_softmax(-1)
    token = logps.gather(1, torch.tensor(full[1:])[:, None])[:, 0]
    return float(-token[n_prompt - 1 :].sum()), len(full) - n_prompt


def test_two_task_sft_on_a_tiny_model(tiny, tmp_path):
    import torch
    from safetensors.torch import load_file
    from transformers import AutoModelForCausalLM

    from rankdistill.models import load_tokenizer
    from rankdistill.train import recipe_for
    from rankdistill.train.sft import sft_rows

    sets = {
        "student.model": str(tiny),
        "student.dtype": "float32",
        "train.max_steps": 6,
        "train.batch_size": 4,  # every item in each step: step 1's loss is the whole set's
        "train.learning_rate": 1e-2,
        "train.save_steps": 100,
        "train.per_algorithm.sft.alpha": 0.7,
    }
    recipe = recipe_for(_recipe(tmp_path, **sets), "sft")
    result = _train(recipe, tmp_path / "adapter")
    assert result["examples"] == 4 and result["rationales"] == 2  # c and d train the label task only
    log = result["history"]
    # step 1: LoRA's B starts at 0, so the student is the base; each task's mean over its own tokens, by hand
    model = AutoModelForCausalLM.from_pretrained(str(tiny), dtype=torch.float32)
    tokenizer = load_tokenizer(recipe.student, padding_side="right")
    rows = sft_rows(recipe, recipe.train.per_algorithm.sft)
    labels = [_completion_nll(model, tokenizer, r["prompt"], r["completion"]) for r in rows]
    rationales = [
        _completion_nll(model, tokenizer, r["rationale_prompt"], r["rationale_completion"])
        for r in rows
        if r["rationale_completion"]
    ]
    label = sum(s for s, _ in labels) / sum(n for _, n in labels)
    rationale = sum(s for s, _ in rationales) / sum(n for _, n in rationales)
    assert log[0]["label_loss"] == pytest.approx(label, rel=1e-4)
    assert log[0]["rationale_loss"] == pytest.approx(rationale, rel=1e-4)
    assert log[0]["loss"] == pytest.approx(0.7 * label + 0.3 * rationale, rel=1e-4)
    # it learns both tasks, and the adapter moved
    assert log[-1]["label_loss"] < log[0]["label_loss"] and log[-1]["rationale_loss"] < log[0]["rationale_loss"]
    weights = load_file(str(tmp_path / "adapter" / "adapter_model.safetensors"))
    assert max(float(v.norm()) for k, v in weights.items() if "lora_B" in k) > 0

    # the label task alone (no data.rationale_field): plain SFT, its first loss the label mean
    plain = recipe_for(_recipe(tmp_path, **{**sets, "data.rationale_field": None, "train.max_steps": 1}), "sft")
    first = _train(plain, tmp_path / "plain")["history"][0]
    unprefixed = [_completion_nll(model, tokenizer, r["prompt"], r["completion"]) for r in sft_rows(plain)]
    assert first["loss"] == pytest.approx(sum(s for s, _ in unprefixed) / sum(n for _, n in unprefixed), rel=1e-4)
    assert "rationale_loss" not in first
