"""The generation backends registry: each backend (generation/hf.py, generation/vllm.py, or a plug-in's module)
owns its settings section generation.<name>, its install check, its place in auto's order of preference, its
preflight check and its generator. A toy backend in one new module (tests/toy_backend.py), registered through
the entry-point group, samples a run's candidates and evaluation answers (no model), and its settings section
is validated like the built-in ones."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from plugins import install_plugin

from rankdistill.generation import backends
from rankdistill.generation import vllm as vllm_backend
from rankdistill.generation.backends import BACKENDS, Backend, explain_backend
from rankdistill.metrics import same
from rankdistill.recipe import GenerationSettings, RecipeError, dump_recipe, load_recipe, recipe_from_dict

HERE = Path(__file__).resolve().parent


def test_built_in_backends_are_listed_with_their_sections():
    assert {"transformers", "vllm"} <= set(BACKENDS.names())
    assert set(GenerationSettings.model_fields["backend"].annotation.__args__) == {"auto", *BACKENDS.names()}
    # a section per backend with settings, validated by that backend's own class
    assert GenerationSettings.model_fields["vllm"].annotation is vllm_backend.VLLMSettings
    assert "transformers" not in GenerationSettings.model_fields  # it has no settings


def test_auto_takes_the_first_backend_that_fits_and_says_what_ruled_out_the_others(monkeypatch):
    BACKENDS.names()  # the built-ins are loaded before one is added beside them
    fast_fits = [False]
    fast = Backend(
        name="fast",
        summary="a made-up engine auto prefers to every other",
        make=lambda settings, student, adapter, stop: None,
        auto=-1,
        fits=lambda settings, student: (fast_fits[0], "a fast device is here" if fast_fits[0] else "no fast device"),
    )
    monkeypatch.setitem(BACKENDS._entries, "fast", fast)
    monkeypatch.setattr(vllm_backend, "installed", lambda: False)
    recipe = load_recipe("gec-smollm2-small")
    assert explain_backend(recipe) == ("transformers", "auto: no fast device; vLLM is not installed")
    fast_fits[0] = True
    assert explain_backend(recipe) == ("fast", "auto: a fast device is here")
    # one that is not installed is never picked
    monkeypatch.setitem(BACKENDS._entries, "fast", dataclasses.replace(fast, available=lambda: False))
    assert explain_backend(recipe) == ("transformers", "auto: fast is not installed; vLLM is not installed")


def test_a_backend_section_set_while_another_backend_is_named_is_refused():
    refused = r"generation\.vllm\.max_model_len does not apply to generation\.backend 'transformers'; set generation\.backend: vllm"
    with pytest.raises(RecipeError, match=refused):
        load_recipe("gec-smollm2-small", {"generation.backend": "transformers", "generation.vllm.max_model_len": 256})
    # auto may pick vllm, and vllm is vllm: its section means something there
    assert load_recipe("gec-smollm2-small", {"generation.vllm.max_model_len": 256}).generation.vllm.max_model_len == 256
    named = load_recipe(
        "gec-smollm2-small", {"generation.backend": "vllm", "generation.vllm.engine_args": {"max_num_seqs": 8}}
    )
    assert named.generation.vllm.engine_args == {"max_num_seqs": 8}
    # a run directory's recipe.yaml holds every section at its defaults: it loads whatever backend it names
    for backend in ("transformers", "vllm", "auto"):
        tree = yaml.safe_load(dump_recipe(load_recipe("gec-smollm2-small", {"generation.backend": backend})))
        assert tree["generation"]["vllm"]["gpu_memory_utilization"] == 0.85
        assert recipe_from_dict(tree, "runs/x/recipe.yaml").generation.backend == backend


def test_the_refusal_is_one_line_with_exit_code_2(tmp_path):
    sets = ["--set", "generation.backend=transformers", "--set", "generation.vllm.kv_cache_gib=2"]
    proc = subprocess.run(
        [sys.executable, "-m", "rankdistill", "iterate", "gec-smollm2-small", "--run-dir", str(tmp_path / "run"), *sets],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    assert "generation.vllm.kv_cache_gib does not apply to generation.backend 'transformers'" in proc.stderr
    assert not (tmp_path / "run").exists()


def test_preflight_asks_the_backend_named_and_each_backend_under_auto(monkeypatch):
    checked = []
    BACKENDS.names()
    for name in ("transformers", "vllm"):
        entry = BACKENDS.get(name)
        check = lambda r, n=name: checked.append(n)  # noqa: E731
        monkeypatch.setitem(BACKENDS._entries, name, dataclasses.replace(entry, check=check))
    monkeypatch.setattr(vllm_backend, "installed", lambda: True)
    backends.check_backend(load_recipe("gec-smollm2-small"))
    assert checked == ["transformers", "vllm"]
    checked.clear()
    backends.check_backend(load_recipe("gec-smollm2-small", {"generation.backend": "vllm"}))
    assert checked == ["vllm"]
    monkeypatch.setattr(vllm_backend, "installed", lambda: False)
    with pytest.raises(backends.BackendError, match="needs vLLM, which is not installed"):
        backends.check_backend(load_recipe("gec-smollm2-small", {"generation.backend": "vllm"}))


# --- a backend in one new module, registered through the entry-point group ----------------------------


@pytest.fixture
def toy(tmp_path):
    """A directory on PYTHONPATH holding toy_backend.py and the package metadata that registers it, as
    `pip install` of a plug-in leaves them; and a recipe that selects it."""
    site = install_plugin(
        tmp_path / "site",
        "toy-backend",
        {"toy_backend.py": (HERE / "toy_backend.py").read_text()},
        {"rankdistill.backends": {"toy": "toy_backend:BACKEND"}},
    )
    recipe = tmp_path / "toy.yaml"
    recipe.write_text(
        "name: toy\nrounds: 1\ntrain: {schedule: null, algorithm: dpo}\ndata: {max_prompts: 3}\n"
        "eval: {max_prompts: 5}\n"
        "generation:\n  backend: toy\n  k: 2\n  toy: {answer: She goes home., tokens: 4}\n"
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    return recipe, env


def _rankdistill(env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "rankdistill", *args], capture_output=True, text=True, env=env, timeout=300
    )


def test_toy_backend_samples_the_candidates_and_the_eval_answers(toy, tmp_path):
    recipe, env = toy
    run = tmp_path / "run"
    opened = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from rankdistill.recipe import load_recipe; from rankdistill.run import open_run; "
            "from rankdistill.generation.backends import check_backend; r = load_recipe(sys.argv[1]); "
            "check_backend(r); open_run(sys.argv[2], r)",
            str(recipe),
            str(run),
        ],
        capture_output=True,
        text=True,
        env=env,
    )
    assert opened.returncode == 0, opened.stderr[-3000:]
    assert json.loads((run / "manifest.json").read_text())["generation_backend"] == "toy"
    assert (
        yaml.safe_load((run / "recipe.yaml").read_text())["generation"]["toy"]["answer"] == "She goes home."
    )

    gen = _rankdistill(env, "generate", str(run), "--round", "1")
    assert gen.returncode == 0, gen.stderr[-3000:]
    assert "generation backend: toy (asked for)" in gen.stderr + gen.stdout
    lines = [json.loads(x) for x in (run / "round-01/candidates.jsonl").read_text().splitlines()]
    assert len(lines) == 3
    for line in lines:
        assert [(c["text"], c["num_tokens"], c["source"]) for c in line["candidates"]] == [
            ("She goes home. #0", 4, "student"),
            ("She goes home. #1", 4, "student"),
            ("She goes home.", 4, "greedy"),  # generation.greedy: the backend's greedy answer
        ]

    ev = _rankdistill(env, "eval", str(run), "--round", "0")
    assert ev.returncode == 0, ev.stderr[-3000:]
    predictions = [json.loads(x) for x in (run / "round-00/predictions.jsonl").read_text().splitlines()]
    assert len(predictions) == 5 and {p["prediction"] for p in predictions} == {"She goes home."}
    result = json.loads((run / "round-00/eval.json").read_text())
    right = sum(same(p["reference"], "She goes home.") for p in predictions)
    assert result["n"] == 5 and result["exact_match"] == right / 5 and result["mean_length_tokens"] == 4.0


def test_toy_backend_settings_are_validated_by_its_own_class(toy, tmp_path):
    recipe, env = toy

    def refused(*sets: str) -> str:
        args = [a for s in sets for a in ("--set", s)]
        proc = _rankdistill(env, "iterate", str(recipe), "--run-dir", str(tmp_path / "never"), *args)
        assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr[-3000:]
        assert len(proc.stderr.strip().splitlines()) == 1
        return proc.stderr

    assert "unknown key 'generation.toy.answr'" in refused("generation.toy.answr=x")
    assert "key 'generation.toy.tokens'" in refused("generation.toy.tokens=0")  # gt=0
    assert "generation.toy.answer does not apply to generation.backend 'transformers'" in refused(
        "generation.backend=transformers"
    )
    listed = refused("generation.backend=toyy")
    assert "'toy'" in listed and "'transformers'" in listed and "'vllm'" in listed
    assert not (tmp_path / "never").exists()
