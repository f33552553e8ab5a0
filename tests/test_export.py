"""Export what was trained: the merged model loads with plain transformers and answers as the run's evaluation
did; --best picks the best round (ties: the earlier)."""

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from tiny_models import build_base_model

from rankdistill.cli import main
from rankdistill.export import best_round
from rankdistill.loop import iterate, open_run
from rankdistill.recipe import load_recipe
from rankdistill.records import atomic_write_json

SMOKE = {
    "data.max_prompts": 4,
    "generation.k": 2,
    "generation.max_new_tokens": 16,
    "generation.backend": "transformers",
    "train.max_steps": 2,
    "train.per_algorithm.sft.batch_size": 2,  # CI time: the recipe's SFT batch is 8
    "eval.max_prompts": 4,
    "eval.max_new_tokens": 16,
    "rounds": 1,
}


def _fake_rounds(tmp_path, exact):
    run = open_run(tmp_path / "run", load_recipe("gec-smollm2-small", {"rounds": len(exact)}))
    for r, em in enumerate(exact, start=1):
        atomic_write_json(run.eval_json(r), {"round": r, "exact_match": em})
        run.adapter(r).mkdir(parents=True)
        (run.adapter(r) / "adapter_config.json").write_text("{}")
    return run


def test_best_round_is_the_highest_exact_match_and_ties_go_to_the_earlier(tmp_path):
    assert best_round(_fake_rounds(tmp_path, [0.5, 0.7, 0.7, 0.6])) == 2


def test_export_refuses_an_untrained_round_and_a_used_out_dir(tmp_path):
    run = _fake_rounds(tmp_path, [0.5])
    result = CliRunner().invoke(main, ["export", str(run.root), "--out", str(tmp_path / "x"), "--round", "2"])
    assert result.exit_code == 2 and "round 2 has no trained adapter (trained rounds: 1)" in result.output
    (tmp_path / "used").mkdir()
    (tmp_path / "used" / "file").write_text("mine")
    result = CliRunner().invoke(main, ["export", str(run.root), "--out", str(tmp_path / "used")])
    assert result.exit_code == 2 and "not empty" in result.output
    assert (tmp_path / "used" / "file").read_text() == "mine"
    run.eval_json(1).unlink()
    result = CliRunner().invoke(main, ["export", str(run.root), "--out", str(tmp_path / "y"), "--best"])
    assert result.exit_code == 2 and "no trained round has an exact match" in result.output


@pytest.fixture(scope="module")
def merged(tmp_path_factory):
    """A smoke run of the small recipe (1 round) and its best round exported with --merge."""
    tmp = tmp_path_factory.mktemp("export")
    run = iterate(load_recipe("gec-smollm2-small", SMOKE), tmp / "run")
    out = tmp / "merged"
    result = CliRunner().invoke(main, ["export", str(run.root), "--out", str(out), "--best", "--merge"])
    assert result.exit_code == 0, result.output
    return run, out


def _test_prompts(run, n):
    from rankdistill.data import load_prompts

    predictions = {
        json.loads(line)["prompt_id"]: json.loads(line)["prediction"]
        for line in run.predictions(1).read_text().splitlines()
    }
    resolved = load_recipe(run.recipe_path)
    prompts = load_prompts(resolved.data.test, resolved.data, max_prompts=n, need_reference=True)
    return [p.messages for p in prompts], [predictions[p.prompt_id] for p in prompts]


@pytest.mark.integration
def test_merged_export_answers_like_the_rounds_evaluation(merged, tmp_path):
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    from rankdistill.models import resolve_student

    run, out = merged
    recipe = load_recipe(run.recipe_path)
    info = json.loads((out / "rankdistill-export.json").read_text())
    assert (info["round"], info["merged"]) == (1, True)
    assert {"config.json", "model.safetensors", "tokenizer.json", "generation_config.json"} <= {
        p.name for p in out.iterdir()
    }
    assert not (out / "adapter_config.json").exists()  # standalone: no peft needed
    assert (out / "model.safetensors").stat().st_mode & 0o044  # a server running as another user can read it

    # rankdistill is not involved from here: what a user of the directory gets
    tok = AutoTokenizer.from_pretrained(out)
    model = AutoModelForCausalLM.from_pretrained(out, dtype=torch.float32)
    assert tok.chat_template
    base = AutoModelForCausalLM.from_pretrained(resolve_student(recipe.student.model), dtype=torch.float32)
    name = "model.layers.0.self_attn.q_proj.weight"
    assert not torch.equal(model.state_dict()[name], base.state_dict()[name])  # the adapter is in the weights
    conversations, predictions = _test_prompts(run, 3)
    for messages, prediction in zip(conversations, predictions, strict=True):
        ids = tok.apply_chat_template(
            messages, add_generation_prompt=True, return_tensors="pt", return_dict=True
        )
        with torch.inference_mode():
            gen = model.generate(**ids, do_sample=False, max_new_tokens=16)
        answer = tok.decode(gen[0, ids["input_ids"].shape[1] :], skip_special_tokens=True).strip()
        assert answer == prediction

    adapter_only = tmp_path / "adapter"
    result = CliRunner().invoke(main, ["export", str(run.root), "--out", str(adapter_only), "--round", "1"])
    assert result.exit_code == 0, result.output
    assert (adapter_only / "adapter_config.json").exists() and (adapter_only / "tokenizer.json").exists()


@pytest.mark.integration
def test_qlora_base_model_round_with_plain_prompts_exports_full_precision_with_a_note(tmp_path):
    """A base model without a chat template, QLoRA: a whole round runs on plain-text prompts, and the merged
    export is a plain full-precision model."""
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    from rankdistill.models import PLAIN_TEMPLATE

    base = build_base_model(tmp_path / "base")
    # a DPO round on the student's own samples: generate, judge and train all see the plain-text prompts
    sets = {**SMOKE, "train.schedule": None, "generation.sources": ["student"]}
    recipe = load_recipe("gec-smollm2-small", {**sets, "student.model": str(base), "student.quantization": "4bit"})
    run = iterate(recipe, tmp_path / "run")
    candidates = [json.loads(x) for x in run.candidates(1).read_text().splitlines()]
    assert len(candidates) == 4 and all(len(c["candidates"]) == 3 for c in candidates)  # 2 samples + greedy
    assert json.loads(run.eval_json(1).read_text())["n"] == 4
    out = tmp_path / "merged"
    result = CliRunner().invoke(main, ["export", str(run.root), "--out", str(out), "--merge"])
    assert result.exit_code == 0, result.output
    assert "merged into the full-precision base" in result.output
    config = json.loads((out / "config.json").read_text())
    assert "quantization_config" not in config
    model = AutoModelForCausalLM.from_pretrained(out)
    assert all(p.dtype == torch.float32 for p in model.parameters())
    assert AutoTokenizer.from_pretrained(out).chat_template == PLAIN_TEMPLATE


@pytest.mark.vllm
@pytest.mark.integration
@pytest.mark.skipif(importlib.util.find_spec("vllm") is None, reason="vLLM is not installed")
def test_vllm_loads_the_merged_export_as_it_is(merged):
    """vLLM's engine (what `vllm serve DIR` runs) on the exported directory: its chat answers, greedy, are the
    round's evaluation predictions."""
    run, out = merged
    conversations, predictions = _test_prompts(run, 4)
    script = Path(__file__).resolve().parent / "vllm_export.py"
    proc = subprocess.run(
        [sys.executable, str(script), str(out), json.dumps(conversations)],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert proc.returncode == 0, proc.stderr[-4000:]
    # vLLM's shutdown may log to stdout after the result line
    result = next(line for line in proc.stdout.splitlines() if line.startswith("RESULT "))
    assert json.loads(result.removeprefix("RESULT ")) == predictions
