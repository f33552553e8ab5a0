"""The wheel carries the recipes, judge templates and data; an installed copy finds them from any directory."""

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from rankdistill.cli import main
from rankdistill.recipe import load_recipe

ROOT = Path(__file__).resolve().parent.parent


def test_every_code_package_is_listed_in_pyproject():
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    on_disk = {
        ".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "rankdistill").rglob("__init__.py")
    }
    assert on_disk - listed == set(), "add new subpackages to [tool.setuptools] packages"
    data_dirs = {
        ".".join(("rankdistill.shipped.data", *d.relative_to(ROOT / "data").parts))
        for d in (ROOT / "data").rglob("*")
        if d.is_dir() and d.name != "__pycache__"
    }
    assert data_dirs - listed == set(), "add new data/ folders to [tool.setuptools] packages and package-data"


def _setuptools_builds_here() -> bool:
    """setuptools >= 77 in this environment: build without an isolated (downloaded) build environment."""
    try:
        import setuptools
    except ImportError:
        return False
    return int(setuptools.__version__.split(".")[0]) >= 77


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """The wheel built from a clean copy of this checkout (no stale build/ folder can leak into it), installed
    (not editable) into a bare directory."""
    tmp = tmp_path_factory.mktemp("wheel")
    src = tmp / "src"
    shutil.copytree(
        ROOT,
        src,
        ignore=shutil.ignore_patterns(
            ".git", ".venv*", "venv", "runs", "build", "dist", "*.egg-info", "__pycache__", ".*_cache"
        ),
    )
    isolation = ["--no-build-isolation"] if _setuptools_builds_here() else []
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", *isolation, "-w", tmp / "dist", src],
        check=True,
        cwd=tmp,
    )
    (wheel,) = (tmp / "dist").glob("rankdistill-*.whl")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", tmp / "site", wheel],
        check=True,
    )
    return wheel, tmp / "site"


def test_wheel_holds_every_shipped_file(installed):
    wheel, _ = installed
    names = set(zipfile.ZipFile(wheel).namelist())
    for kind in ("recipes", "judges", "data"):
        for f in (ROOT / kind).rglob("*"):
            if f.is_file() and f.suffix in (".yaml", ".jsonl") and "__pycache__" not in f.parts:
                assert f"rankdistill/shipped/{kind}/{f.relative_to(ROOT / kind).as_posix()}" in names


def test_installed_copy_resolves_recipes_templates_and_data_from_elsewhere(installed, tmp_path):
    _, site = installed
    script = (
        "import rankdistill, json\n"
        "from rankdistill.recipe import load_recipe\n"
        "from rankdistill.run import resolve_paths\n"
        "from rankdistill.judging.templates import load_template\n"
        "r = resolve_paths(load_recipe('gec-smollm2-small'))\n"
        "print(json.dumps([rankdistill.__file__, r.data.train, r.data.test,\n"
        "                  load_template('gec').name, load_recipe('instructions-smollm2-dpo-local').name]))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    out = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True, check=True
    ).stdout
    module, train, test, template, other = json.loads(out)
    assert module.startswith(str(site))
    assert train == str(site / "rankdistill/shipped/data/gec/train.jsonl")
    assert Path(test).read_text() == (ROOT / "data/gec/test.jsonl").read_text()
    assert (template, other) == ("gec", "instructions-smollm2-dpo-local")


def test_recipes_lists_shipped_recipes_and_templates_with_their_first_comment():
    out = CliRunner().invoke(main, ["recipes"]).output
    assert (
        "gec-gemma3-270m " in out and "The default recipe: rank distillation for multilingual grammatical" in out
        and "The small recipe" in out
    )
    assert "pairwise" in out and "Pairwise: compare two answers" in out
    # and what each registry holds
    assert "raft          trl.SFTTrainer on each prompt's top-ranked candidate" in out
    assert "reference    exact match with the prompt's reference answer" in out
    assert "vllm          vLLM's offline engine" in out and "metrics (keys of eval.json): exact_match," in out


def test_init_writes_a_copy_that_loads_from_another_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["init", "gec-smollm2-rrhf", "mine"])
    assert result.exit_code == 0, result.output
    copy = tmp_path / "mine" / "gec-smollm2-rrhf.yaml"
    text = copy.read_text()
    assert "# RRHF on the default GEC task" in text  # comments kept
    recipe = load_recipe(copy)
    shipped = load_recipe("gec-smollm2-rrhf").model_dump()
    mine = recipe.model_dump()
    for key in ("train", "test"):
        del shipped["data"][key], mine["data"][key]
    assert mine == shipped  # only the data paths differ
    assert (
        Path(recipe.data.train).is_absolute()
        and Path(recipe.data.train).read_text() == (ROOT / "data/gec/train.jsonl").read_text()
    )
    again = CliRunner().invoke(main, ["init", "gec-smollm2-rrhf", "mine"])
    assert again.exit_code == 2 and "--force" in again.output
    unknown = CliRunner().invoke(main, ["init", "no-such-recipe"])
    assert unknown.exit_code == 2 and "gec-smollm2-small" in unknown.output
