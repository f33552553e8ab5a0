"""What a GPU user runs, on a CUDA device (`pytest -m cuda`; skipped without one, so CI skips it): generation
(greedy and sampled, token for token as plain generate()), every algorithm for two steps on LoRA (bf16) and
QLoRA (bitsandbytes NF4), an `iterate` of the default recipe at smoke settings, `export --merge`, the local judge.
benchmarks/device_check.sh runs this file on a lent GPU machine with the rest of the device checks.
"""

from __future__ import annotations

import json

import pytest
from devices import needs_cuda

from rankdistill.recipe import load_recipe

pytestmark = needs_cuda

SMOKE = {
    "data.max_prompts": 8,
    "generation.k": 4,
    "generation.max_new_tokens": 16,
    "generation.backend": "transformers",
    "train.max_steps": 2,
    "eval.max_prompts": 16,
    "eval.max_new_tokens": 16,
    "rounds": 2,  # the default schedule: SFT, then DPO on the SFT student's samples
}


def lora_b_max(adapter) -> float:
    from safetensors.torch import load_file

    weights = load_file(str(adapter / "adapter_model.safetensors"))
    return max(float(v.float().norm()) for k, v in weights.items() if "lora_B" in k)


# --- generation ----------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def student_fp32():
    """The packaged student on the GPU in float32: what plain generate() is compared with token for token."""
    from rankdistill.models import load_base_model, load_tokenizer

    recipe = load_recipe("gec-smollm2-small", {"student.dtype": "float32"})
    model = load_base_model(recipe.student)
    assert model.device.type == "cuda"
    return model, load_tokenizer(recipe.student)


def test_sampled_and_greedy_answers_equal_plain_generate_on_the_gpu(student_fp32):
    """The sampling loop on CUDA (finished rows checked every 8 tokens, the exponential draw on the GPU) samples
    what generate(num_return_sequences=k) samples for the same seed, and its greedy answers are
    generate(do_sample=False)'s."""
    import torch
    from test_generation_hf import _messages, plain_samples

    from rankdistill.generation.hf import HFGenerator, stop_token_ids, to_completion

    model, tok = student_fp32
    gen = HFGenerator(model, tok)
    kw = dict(max_new_tokens=40, temperature=0.8, top_p=0.95)
    ours = gen.generate(_messages(), k=3, seed=0, **kw)
    assert ours == plain_samples(model, tok, _messages(), 3, 0, **kw)
    assert len({c.text for cands in ours for c in cands}) > 3
    enc = gen._encode(_messages())
    with torch.inference_mode():
        out = model.generate(**enc, do_sample=False, max_new_tokens=40, pad_token_id=tok.pad_token_id)
    eos = stop_token_ids(model.generation_config.eos_token_id, tok)
    reference = [[to_completion(ids, eos, tok)] for ids in out[:, enc["input_ids"].shape[1] :].tolist()]
    assert gen.generate(_messages(), greedy=True, max_new_tokens=40) == reference


def test_the_loop_waits_for_the_gpu_every_8_tokens_not_every_token(student_fp32, monkeypatch):
    from test_device_placement import MESSAGES, HostReads, _loop

    from rankdistill.generation.hf import HFGenerator

    model, tok = student_fp32
    gen = HFGenerator(model, tok)  # sync_every None: the CUDA schedule
    enc = gen._encode(MESSAGES[2:] * 3)
    reads = HostReads(monkeypatch)
    with reads.mode:
        out = _loop(gen, enc, greedy=True, max_new_tokens=24, stop_at_period=False)
    assert len(out) == 3 and reads.count <= 2 + 24 // 8 + 1 + 1


def test_default_bf16_generation_and_auto_batch_fill_the_gpu():
    """The default dtype on CUDA is bf16; `batch_size: auto` puts the whole 240-item test set in one call."""
    import torch

    from rankdistill.data import load_prompts
    from rankdistill.generation.hf import HFGenerator
    from rankdistill.models import load_base_model, load_tokenizer
    from rankdistill.run import resolve_paths

    recipe = resolve_paths(load_recipe("gec-smollm2-small"))
    model = load_base_model(recipe.student)
    assert next(model.parameters()).dtype == torch.bfloat16
    gen = HFGenerator(model, load_tokenizer(recipe.student))
    prompts = load_prompts(recipe.data.test, recipe.data, need_reference=True)
    messages = [p.messages for p in prompts]
    assert gen.auto_batch_size(messages, 1, 48, greedy=True) == len(messages) == 240
    answers = [o for piece in gen.stream(messages[:64], [0] * 64, "auto", greedy=True, max_new_tokens=24)
               for _, o in piece]  # fmt: skip
    assert len(answers) == 64 and any(a[0].finish_reason == "stop" for a in answers)
    assert sum(bool(a[0].text) for a in answers) > 48


def test_qlora_base_is_nf4_on_the_gpu():
    from rankdistill.models import load_base_model

    model = load_base_model(load_recipe("gec-smollm2-small", {"student.quantization": "4bit"}).student)
    layers = [m for m in model.modules() if type(m).__name__ == "Linear4bit"]
    assert layers and all(m.weight.device.type == "cuda" for m in layers)
    assert {m.weight.quant_state.quant_type for m in layers} == {"nf4"}


# --- every algorithm, two steps, LoRA and QLoRA -------------------------------------------------------------

LISTS = [
    ("She go to school.", ["She goes to school.", "Sure! She go to school is wrong.", "She go to school."]),
    ("Yo tengo dos hermano.", ["Yo tengo dos hermanos.", "Correct: Yo tengo dos hermano.", "Yo tengo."]),
]


def _prefs(run, recipe) -> None:
    """Round 1's prefs/lists, prefs/pairs and prefs/best, as the prefs stage writes them."""
    from datasets import Dataset

    from rankdistill.data import build_messages

    lists = [
        {"prompt": build_messages(recipe.data, x), "completions": c, "scores": [1.0, 0.2, 0.5]}
        for x, c in LISTS
    ]
    Dataset.from_list(lists).save_to_disk(str(run.prefs(1) / "lists"))
    pairs = [
        {
            "prompt": row["prompt"],
            "chosen": [{"role": "assistant", "content": row["completions"][0]}],
            "rejected": [{"role": "assistant", "content": row["completions"][1]}],
        }
        for row in lists
    ]
    Dataset.from_list(pairs).save_to_disk(str(run.prefs(1) / "pairs"))
    best = [{"prompt": p["prompt"], "completion": p["chosen"]} for p in pairs]
    Dataset.from_list(best).save_to_disk(str(run.prefs(1) / "best"))


@pytest.mark.parametrize("quantization", ["none", "4bit"], ids=["lora", "qlora"])
@pytest.mark.parametrize("algorithm", ["sft", "dpo", "dpo_listwise", "rrhf", "raft", "ppo", "grpo"])
def test_each_algorithm_trains_two_steps_on_the_gpu(tmp_path, algorithm, quantization):
    from rankdistill.run import resolve_paths
    from rankdistill.rundir import RunDir
    from rankdistill.train import train_stage

    overrides = {
        "data.max_prompts": 4,
        "generation.k": 2,
        "generation.max_new_tokens": 8,
        "train.algorithm": algorithm,
        "train.schedule": None,
        "train.max_steps": 2,
        "train.batch_size": 2,
        "train.per_algorithm.ppo.minibatch_size": 2,
        "train.learning_rate": 5e-4,
        "train.save_steps": 100,
        "student.quantization": quantization,
    }
    recipe = resolve_paths(load_recipe("gec-smollm2-grpo", overrides))
    run = RunDir(tmp_path / "run")
    _prefs(run, recipe)
    result = train_stage(run, 1, recipe)
    assert len(result["history"]) == 2
    adapter = run.adapter(1)
    assert lora_b_max(adapter) > 0  # LoRA B starts at 0: the adapter moved
    stats = json.loads((adapter / "train_stats.json").read_text())
    assert stats["memory_kind"] == "cuda_max_allocated" and stats["peak_memory_mb"] > 0
    assert stats["quantization"] == quantization
    if algorithm == "ppo":
        assert lora_b_max(adapter / "critic") > 0


# --- a whole run, its export, the local judge --------------------------------------------------------------


@pytest.fixture(scope="module")
def smoke_run(tmp_path_factory):
    from rankdistill.loop import iterate

    return iterate(load_recipe("gec-smollm2-small", SMOKE), tmp_path_factory.mktemp("cuda") / "run")


def test_iterate_of_the_small_recipe_runs_on_the_gpu(smoke_run):
    """A smoke iterate of the small recipe (gec-smollm2-small) runs every round on CUDA and records the GPU."""
    from click.testing import CliRunner

    from rankdistill.cli import main

    run = smoke_run
    for r in (0, 1, 2):
        assert json.loads(run.eval_json(r).read_text())["n"] == 16
    assert lora_b_max(run.adapter(2)) > 0 and run.candidates(2).exists()
    machine = json.loads(run.manifest_path.read_text())["machine"]
    assert machine["device"] == "cuda" and machine["gpu"] and machine["libraries"]["cuda"]
    first = CliRunner().invoke(main, ["summary", str(run.root)]).output.splitlines()[0]
    assert first.startswith(f"device: cuda ({machine['gpu']}), ")


def test_export_merge_answers_like_the_adapter_on_the_gpu(smoke_run, tmp_path):
    """The merged export (stored dtype: fp32 for the packaged student, whichever device merged it) loads with
    plain transformers and answers, greedy, as rankdistill's own generator does with the adapter in fp32."""
    import torch
    from click.testing import CliRunner
    from transformers import AutoModelForCausalLM, AutoTokenizer

    from rankdistill.cli import main
    from rankdistill.generation.hf import HFGenerator
    from rankdistill.models import load_policy, load_tokenizer

    run, out = smoke_run, tmp_path / "merged"
    result = CliRunner().invoke(main, ["export", str(run.root), "--out", str(out), "--round", "2", "--merge"])
    assert result.exit_code == 0, result.output
    model = AutoModelForCausalLM.from_pretrained(out).to("cuda")
    assert all(p.dtype == torch.float32 for p in model.parameters())
    recipe = load_recipe(run.recipe_path, {"student.dtype": "float32"})
    tok = load_tokenizer(recipe.student)
    messages = [[{"role": "user", "content": "Correct this sentence: she go to school."}]] * 2
    ours = HFGenerator(load_policy(recipe.student, run.adapter(2)), tok).generate(
        messages, greedy=True, max_new_tokens=16
    )
    exported = HFGenerator(model, AutoTokenizer.from_pretrained(out, padding_side="left")).generate(
        messages, greedy=True, max_new_tokens=16
    )
    assert [c[0].text for c in exported] == [c[0].text for c in ours]


def test_local_judge_scores_on_the_gpu(tmp_path):
    import math

    from rankdistill.judging import make_judge
    from rankdistill.judging.ledger import Ledger
    from rankdistill.recipe import JudgeSettings
    from rankdistill.records import CandidateSet, Completion

    item = CandidateSet(
        "p",
        [{"role": "user", "content": "Correct this sentence: i has a cat"}],
        [Completion(t, 3, "stop") for t in ["I have a cat.", "Banana phone purple seven."]],
    )
    judge = make_judge(JudgeSettings(kind="local", template="pointwise"), Ledger(tmp_path / "ledger.sqlite"))
    r = judge.rank(item)
    assert not r.abstained and all(1 <= s <= 10 and not math.isnan(s) for s in r.scores)
    assert r.scores[0] != r.scores[1]
    assert judge.client.load()[1].device.type == "cuda"
