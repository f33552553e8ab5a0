"""The algorithms registry: a training algorithm added in one new module (tests/toy_algorithm.py, registered
through the ``rankdistill.algorithms`` entry-point group) gets its own typed recipe section, runs the stages
before it that its input needs, and trains, with nothing else in the package touched."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from plugins import install_plugin

HERE = Path(__file__).resolve().parent


@pytest.fixture
def plugin(tmp_path):
    """A directory on PYTHONPATH holding toy_algorithm.py and the package metadata that registers it, as `pip
    install` of a plug-in leaves them."""
    site = install_plugin(
        tmp_path / "site",
        "toy-algorithm",
        {"toy_algorithm.py": (HERE / "toy_algorithm.py").read_text()},
        {"rankdistill.algorithms": {"chosen_sft": "toy_algorithm:ALGORITHM"}},
    )
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), str(HERE)])}


def _python(env: dict, code: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, timeout=600)


def test_its_settings_are_a_typed_section_of_the_recipe(plugin):
    code = (
        "from rankdistill.recipe import RecipeError, load_recipe\n"
        "from rankdistill.train import ALGORITHMS, stages_for_round\n"
        "r = load_recipe('gec-smollm2-small', {'train.schedule': ['sft', 'chosen_sft'],"
        " 'train.per_algorithm.chosen_sft.min_margin': 0.5})\n"
        "print('margin', r.train.per_algorithm.chosen_sft.min_margin)\n"
        "print('stages', ','.join(stages_for_round(r, 2)))\n"
        "print('listed', 'chosen_sft' in ALGORITHMS.names())\n"
        "for bad in ({'min_margin': -1}, {'beta': 0.1}):\n"
        "    try:\n"
        "        load_recipe('gec-smollm2-small', {'train.per_algorithm.chosen_sft': bad})\n"
        "    except RecipeError as e:\n"
        "        print('refused', str(e).splitlines()[-1])\n"
    )
    proc = _python(plugin, code)
    assert proc.returncode == 0, proc.stderr[-3000:]
    out = proc.stdout
    assert "margin 0.5" in out and "listed True" in out
    assert "stages generate,judge,prefs,train,eval" in out  # it reads pairs: the loop makes them first
    assert "key 'train.per_algorithm.chosen_sft.min_margin': Input should be greater than or equal to 0" in out
    assert "unknown key 'train.per_algorithm.chosen_sft.beta'" in out  # DPO's knob is not its own
    listed = subprocess.run(
        [sys.executable, "-m", "rankdistill", "recipes"], capture_output=True, text=True, env=plugin, timeout=120
    )
    assert "chosen_sft    trl.SFTTrainer on the chosen answer of each pair" in listed.stdout
    # without the plug-in the key is unknown
    bare = _python({**os.environ}, "from rankdistill.recipe import load_recipe\n"
                   "load_recipe('gec-smollm2-small', {'train.per_algorithm.chosen_sft.min_margin': 0.5})")
    assert bare.returncode != 0 and "chosen_sft" in bare.stderr


def test_a_round_of_it_trains_on_the_chosen_answers(plugin, tmp_path):
    from tiny_models import build_base_model

    base = build_base_model(tmp_path / "base")
    run = tmp_path / "run"
    sets = {
        "student.model": str(base),
        "student.dtype": "float32",
        "data.max_prompts": 3,
        "data.test": "null",
        "generation.k": 2,
        "generation.max_new_tokens": 4,
        "train.schedule": "[chosen_sft]",
        "train.max_steps": 2,
        "train.batch_size": 2,
        "train.learning_rate": 1e-2,
        "rounds": 1,
    }
    args = [x for k, v in sets.items() for x in ("--set", f"{k}={v}")]
    proc = subprocess.run(
        [sys.executable, "-m", "rankdistill", "iterate", "gec-smollm2-small", "--run-dir", str(run), *args],
        capture_output=True,
        text=True,
        env=plugin,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-4000:]
    stats = json.loads((run / "round-01/adapter/train_stats.json").read_text())
    pairs = json.loads((run / "round-01/prefs/stats.json").read_text())["pairs"]
    assert stats["algorithm"] == "chosen_sft" and stats["examples"] == pairs > 0
    log = json.loads((run / "round-01/adapter/train_log.json").read_text())
    assert [entry["step"] for entry in log] == [1, 2] and all(entry["loss"] > 0 for entry in log)
