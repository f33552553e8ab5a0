"""A catalogue of bad inputs, run through the real CLI (``python -m rankdistill``) as a user would: each must
stop with a non-zero exit, one message naming the file or key, no traceback, and nothing already finished
changed. Fail-fast checks make each case take about a second (no model is loaded)."""

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from fake_openai import FakeServer
from test_judge_openai import KEY, make_run

from rankdistill.judging import judge_stage

ROOT = Path(__file__).resolve().parent.parent


def cli(*args, env=None, cwd=None):
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "OPENAI_API_KEY": KEY,
        "OMP_NUM_THREADS": "1",
        **(env or {}),
    }
    env = {k: v for k, v in env.items() if v is not None}
    env.pop("OPENAI_BASE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "rankdistill", *args],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )


def hashes(root):
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.name != ".lock" and not p.name.endswith(("-shm", "-wal"))
    }


@pytest.fixture(scope="module")
def finished(tmp_path_factory):
    """A run whose round 1 was generated and judged through the ledger (an openai judge)."""
    tmp = tmp_path_factory.mktemp("finished")
    os.environ["OPENAI_API_KEY"] = KEY
    with FakeServer() as srv:
        run, recipe = make_run(tmp, [["a", "bb"], ["ccc", "d"]], base_url=srv.url)
        judge_stage(run, 1, recipe)
    return run


def write_recipe(tmp, **sections):
    train = tmp / "train.jsonl"
    if not train.exists():
        train.write_text(
            "".join(
                json.dumps({"id": f"x{i}", "text": f"helo {i}", "reference": f"hello {i}"}) + "\n"
                for i in range(3)
            )
        )
    tree = {"name": "bad", "data": {"train": str(train), "test": None}, "train": {"max_steps": 1}}
    for key, value in sections.items():
        tree.setdefault(key, {}).update(value)
    path = tmp / "recipe.yaml"
    path.write_text(yaml.safe_dump(tree))
    return path


def data_file(tmp, name, content: bytes):
    path = tmp / name
    path.write_bytes(content)
    return str(path)


OPENAI = {"kind": "openai", "model": "teacher", "base_url": "http://127.0.0.1:9/v1"}


def iterate_case(tmp, **sections):
    return ["iterate", str(write_recipe(tmp, **sections)), "--run-dir", str(tmp / "new-run")]


CASES = {
    # name: (args builder(tmp, run), extra env, text the message must name)
    "judge plugin module missing": (
        lambda tmp, run: iterate_case(tmp, judge={"kind": "nosuchmod:make"}),
        {},
        "judge.kind",
    ),
    "judge entry point missing": (
        lambda tmp, run: iterate_case(tmp, judge={"kind": "nosuchplugin"}),
        {},
        "judge.kind",
    ),
    "api key missing": (
        lambda tmp, run: iterate_case(tmp, judge={"kind": "openai", "model": "teacher"}),
        {"OPENAI_API_KEY": None},
        "OPENAI_API_KEY",
    ),
    "empty training file": (
        lambda tmp, run: iterate_case(tmp, data={"train": data_file(tmp, "empty.jsonl", b"")}),
        {},
        "empty.jsonl",
    ),
    "--set value that is not YAML": (
        lambda tmp, run: [*iterate_case(tmp), "--set", "train.args.x=[1,"],
        {},
        "train.args.x",
    ),
    "training file missing": (
        lambda tmp, run: iterate_case(tmp, data={"train": str(tmp / "nope.jsonl")}),
        {},
        "nope.jsonl",
    ),
    "non-utf8 data": (
        lambda tmp, run: iterate_case(
            tmp,
            data={
                "train": data_file(
                    tmp, "latin1.jsonl", '{"text": "caf\xe9", "reference": "x"}\n'.encode("latin-1")
                )
            },
        ),
        {},
        "latin1.jsonl:1",
    ),
    "broken jsonl line": (
        lambda tmp, run: iterate_case(
            tmp,
            data={"train": data_file(tmp, "broken.jsonl", b'{"text": "a", "reference": "b"}\n{"text": \n')},
        ),
        {},
        "broken.jsonl:2",
    ),
    "input field missing": (
        lambda tmp, run: iterate_case(tmp, data={"input_field": "sentence"}),
        {},
        "data.input_field",
    ),
    "test file without references": (
        lambda tmp, run: iterate_case(tmp, data={"test": data_file(tmp, "noref.jsonl", b'{"text": "a"}\n')}),
        {},
        "noref.jsonl",
    ),
    "unknown trainer argument": (
        lambda tmp, run: iterate_case(tmp, train={"args": {"no_such_arg": 1}}),
        {},
        "no_such_arg",
    ),
    "unknown recipe key": (lambda tmp, run: iterate_case(tmp, judge={"knd": "openai"}), {}, "judge.knd"),
    "bad judge template": (
        lambda tmp, run: iterate_case(
            tmp, judge={**OPENAI, "template": data_file(tmp, "tpl.yaml", b"user: [")}
        ),
        {},
        "tpl.yaml",
    ),
    "a recipe that differs from the run's": (
        lambda tmp, run: [
            "iterate",
            str(write_recipe(tmp, judge={**OPENAI, "model": "other"})),
            "--run-dir",
            str(run.root),
        ],
        {},
        "judge.model",
    ),
    "generate a round after the last": (
        lambda tmp, run: ["generate", str(run.root), "--round", "5"],
        {},
        "round 4",
    ),
    "stage on a directory that is no run": (lambda tmp, run: ["judge", str(tmp)], {}, "recipe.yaml"),
    "emptied ledger": (
        lambda tmp, run: ["judge", str(run.root), "--round", "1", "--force"],
        {},
        "ledger.sqlite",
    ),
    "truncated ledger": (
        lambda tmp, run: ["judge", str(run.root), "--round", "1", "--force"],
        {},
        "ledger.sqlite",
    ),
    "deleted ledger": (
        lambda tmp, run: ["judge", str(run.root), "--round", "1", "--force"],
        {},
        "ledger.sqlite",
    ),
    "judge server down": (lambda tmp, run: ["judge", str(run.root), "--round", "2"], {}, "127.0.0.1"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_is_one_clear_line_and_loses_nothing(case, finished, tmp_path):
    import shutil

    run_copy = tmp_path / "run"
    shutil.copytree(finished.root, run_copy)
    from rankdistill.rundir import RunDir

    run = RunDir(run_copy)
    ledger = run.root / "ledger.sqlite"
    if case == "emptied ledger":
        ledger.write_bytes(b"")
    elif case == "truncated ledger":
        ledger.write_bytes(ledger.read_bytes()[:2000])
    elif case == "deleted ledger":
        ledger.unlink()
    elif case == "judge server down":  # round 2's candidates, judged by a server that is not there
        rows = [json.loads(line) for line in run.candidates(1).read_text().splitlines()]
        for row in rows:  # new candidates: the ledger cannot answer them
            row["candidates"] = [{**c, "text": c["text"] + " again"} for c in row["candidates"]]
        run.candidates(2).parent.mkdir()
        run.candidates(2).write_text("".join(json.dumps(r) + "\n" for r in rows))
        (run.root / "round-01" / "adapter").mkdir()
        (run.root / "round-01" / "adapter" / "adapter_config.json").write_text("{}")
        recipe = yaml.safe_load(run.recipe_path.read_text())
        recipe["judge"].update(base_url="http://127.0.0.1:9/v1", max_retries=0)
        run.recipe_path.write_text(yaml.safe_dump(recipe))
    build, env, named = CASES[case]
    args = build(tmp_path, run)
    before = hashes(run.root)
    result = cli(*args, env=env, cwd=tmp_path)
    out = result.stdout + result.stderr
    assert result.returncode not in (0, 1), out  # 1 is what an uncaught exception gives
    assert "Traceback" not in out, out
    lines = [line for line in result.stderr.splitlines() if line.startswith(("error:", "judge stopped:"))]
    assert len(lines) == 1 and named in lines[0], out  # one line that names the file or key
    after = hashes(run.root)
    if case == "judge server down":  # the ledger logs the failed calls (as failures, never as answers)
        before.pop("ledger.sqlite"), after.pop("ledger.sqlite")
    assert after == before  # nothing finished was changed
    assert not (tmp_path / "new-run").exists() or case == "a recipe that differs from the run's"


def test_debug_shows_the_traceback(tmp_path):
    result = cli(
        "--debug",
        "iterate",
        str(write_recipe(tmp_path, judge={"kind": "nosuchmod:make"})),
        "--run-dir",
        str(tmp_path / "r"),
    )
    assert result.returncode != 0 and "Traceback" in result.stderr
