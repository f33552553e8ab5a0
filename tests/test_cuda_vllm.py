"""vLLM on a GPU, as a user with `pip install 'rankdistill[vllm]'` and a CUDA device runs it:
`pytest -m "vllm and cuda"` (skipped without both; the rest of the vLLM suite, `pytest -m vllm`, runs on the GPU
too). Our lent GPU machines cannot carry vLLM, so this file is for users' GPUs.

An `iterate` of the default recipe at smoke settings with ``generation.backend: auto`` picks vLLM for every
evaluation and generation stage, in the same process as the training stages between them (each engine's memory
is free before training, and what training left in torch's cache is free before the next engine); and greedy
answers of vLLM on the GPU equal the transformers backend's in fp32, base and adapter.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest
from devices import needs_cuda

pytestmark = [
    *needs_cuda,
    pytest.mark.vllm,
    pytest.mark.skipif(
        importlib.util.find_spec("vllm") is None, reason="needs vLLM: pip install 'rankdistill[vllm]'"
    ),
]

HERE = Path(__file__).resolve().parent
SMOKE = {
    "data.max_prompts": 8,
    "generation.k": 4,
    "generation.max_new_tokens": 16,
    "train.max_steps": 2,
    "eval.max_prompts": 16,
    "eval.max_new_tokens": 16,
    "rounds": 2,
}


def _iterate(run, **sets) -> subprocess.CompletedProcess:
    args = [x for k, v in {**SMOKE, **sets}.items() for x in ("--set", f"{k}={v}")]
    proc = subprocess.run(
        [sys.executable, "-m", "rankdistill", "iterate", "gec-smollm2-small", "--run-dir", str(run), *args],
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert proc.returncode == 0, f"{proc.stdout[-3000:]}\n{proc.stderr[-4000:]}"
    return proc


def test_auto_backend_runs_every_stage_of_the_default_recipe_with_vllm_on_the_gpu(tmp_path):
    run = tmp_path / "run"
    proc = _iterate(run)
    manifest = json.loads((run / "manifest.json").read_text())
    assert manifest["generation_backend"] == "vllm" and manifest["machine"]["device"] == "cuda"
    assert manifest["machine"]["libraries"]["vllm"]
    assert "generation backend: vllm (auto: vLLM and a CUDA device are present)" in proc.stdout + proc.stderr
    for r in (0, 1, 2):
        assert json.loads((run / f"round-{r:02d}/eval.json").read_text())["n"] == 16
    candidates = [json.loads(x) for x in (run / "round-02/candidates.jsonl").read_text().splitlines()]
    assert len(candidates) == 8 and all(
        len(c["candidates"]) == 6 for c in candidates
    )  # 4 samples + the greedy answer + reference


def test_greedy_answers_equal_across_backends_on_the_gpu(tmp_path):
    """fp32, as test_vllm.py's parity test: the transformers backend evaluates rounds 0 and 1 in the run, vLLM
    the same items again (a copy of the test file, so its predictions land beside the round's own)."""
    import yaml

    run = tmp_path / "run"
    _iterate(run, **{"rounds": 1, "generation.backend": "transformers", "student.dtype": "float32"})
    recipe = yaml.safe_load((run / "recipe.yaml").read_text())
    data = tmp_path / "same.jsonl"
    data.write_text(Path(recipe["data"]["test"]).read_text())
    for r in (0, 1):
        out = subprocess.run(
            [sys.executable, str(HERE / "vllm_stage.py"), str(run), "eval", str(r), str(data)],
            capture_output=True,
            text=True,
            timeout=900,
        )
        assert out.returncode == 0, out.stderr[-4000:]
        assert json.loads(out.stdout.strip().splitlines()[-1])["children_left"] == []
        hf = _predictions(run / f"round-{r:02d}/predictions.jsonl")
        vllm = _predictions(run / f"round-{r:02d}/eval-same.jsonl/predictions.jsonl")
        assert {k: (hf[k], vllm[k]) for k in hf if hf[k] != vllm[k]} == {}


def _predictions(path) -> dict[str, str]:
    return {r["prompt_id"]: r["prediction"] for r in map(json.loads, path.read_text().splitlines())}
