"""Fault catalogue, part 4 (issue 27): the run directory. --force says what it removes and leaves nothing stale, a
ledger from a newer rankdistill is one line, an overlong prompt never reaches the model, run names stay under
runs/, and export never deletes what it did not make and says when a round's training was skipped."""

from __future__ import annotations

import json
import sqlite3

import pytest
from click.testing import CliRunner
from fake_openai import FakeServer
from test_judge_openai import KEY, make_run
from tiny_models import build_base_model

from rankdistill.cli import main
from rankdistill.judging import judge_stage


@pytest.fixture(autouse=True)
def _key(monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    """A tiny student (512 tokens of context), for the checks and exports that read a real one."""
    return build_base_model(tmp_path_factory.mktemp("tiny"))


@pytest.fixture
def no_model(monkeypatch):
    """Loading the student is the work these checks must come before: here it fails the test at once."""
    from rankdistill import models

    def refuse(*args, **kwargs):
        raise AssertionError("a model was loaded before the checks stopped the command")

    monkeypatch.setattr(models, "load_base_model", refuse)
    monkeypatch.setattr(models, "load_tokenizer", refuse)


def one_line(result, prefix: str = "error:") -> str:
    lines = [line for line in result.output.splitlines() if line.startswith(prefix)]
    assert len(lines) == 1 and "Traceback" not in result.output, result.output
    return lines[0]


def test_force_says_what_it_removes_and_leaves_nothing_stale(tmp_path):
    with FakeServer() as srv:
        run, recipe = make_run(tmp_path, [["a", "bb"], ["ccc", "d"]], base_url=srv.url)
        judge_stage(run, 1, recipe)
        made = {
            run.prefs(1) / "stats.json": "{}",
            run.adapter(1) / "adapter_config.json": "{}",
            run.checkpoints(1) / "checkpoint-1" / "trainer_state.json": "{}",
            run.eval_json(1): "{}",
            run.predictions(1): "",
            run.candidates(2): "",  # round 2 was sampled from round 1's student
            run.round_dir(2) / "rankings.partial.jsonl": "",
        }
        for path, text in made.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
        result = CliRunner().invoke(main, ["judge", str(run.root), "--round", "1", "--force"])
        assert result.exit_code == 0, result.output
        said = [line for line in result.output.splitlines() if "--force" in line]
        assert len(said) == 1, result.output
        for name in ("rankings.jsonl", "prefs", "adapter", "checkpoints", "eval.json", "predictions", "round-02"):
            assert name in said[0], said[0]
    assert run.is_done("judge", 1)
    assert [p for p in made if p.exists()] == []  # nothing made from the old rankings is left
    assert not run.round_dir(2).exists()


def test_a_ledger_of_a_newer_rankdistill_is_one_line_in_every_command(tmp_path):
    with FakeServer() as srv:
        run, recipe = make_run(tmp_path, [["a", "bb"]], base_url=srv.url)
        judge_stage(run, 1, recipe)
        db = sqlite3.connect(run.root / "ledger.sqlite")
        db.execute("PRAGMA user_version = 99")
        db.close()
        data = tmp_path / "unlabelled.jsonl"
        data.write_text(json.dumps({"id": "u0", "text": "she go"}) + "\n")
        for args in (
            ["judge", str(run.root), "--round", "1", "--force"],
            ["ledger", str(run.root)],
            ["ledger", str(run.root), "--json"],
            ["label", str(data), "--recipe", "gec-smollm2-dpo-openai", "--out", str(tmp_path / "o.jsonl"),
             "--ledger", str(run.root / "ledger.sqlite"), "--set", f"judge.base_url={srv.url}"],  # fmt: skip
        ):
            result = CliRunner().invoke(main, args)
            assert result.exit_code == 2, (args, result.output)
            line = one_line(result)
            assert "ledger.sqlite" in line and "newer" in line, line
        assert srv.requests == 1  # nothing asked


@pytest.mark.parametrize("limit", [None, 100_000])
def test_an_input_longer_than_the_students_context_never_reaches_it(tmp_path, tiny, no_model, limit):
    data = tmp_path / "train.jsonl"
    rows = [{"id": "short", "text": "she go home", "reference": "She goes home."}]
    # 1 MB with no limit; 10 kB (2,500 tokens) under a limit the 512-token student is far from
    rows.append({"id": "huge", "text": "word " * (200_000 if limit is None else 2_000), "reference": "x"})
    data.write_text("".join(json.dumps(r) + "\n" for r in rows))
    args = ["iterate", "gec-smollm2-small", "--run-dir", str(tmp_path / "run"), "--set", f"student.model={tiny}"]
    args += ["--set", f"data.train={data}", "--set", "data.test=null"]
    args += ["--set", f"data.max_input_tokens={'null' if limit is None else limit}"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2, result.output
    line = one_line(result)
    assert "data.max_input_tokens" in line and "huge" in line and "512" in line, line


@pytest.mark.parametrize("name", ["../../escaped", "/tmp/escaped-run", "a/b", ".."])
def test_a_run_name_stays_under_runs(tmp_path, no_model, name):
    result = CliRunner().invoke(main, ["iterate", "gec-smollm2-small", "--set", f"name={name}"])
    assert result.exit_code == 2, result.output
    assert "name" in one_line(result)


def _trained_rounds(tmp_path, tiny, skipped: bool):
    from rankdistill.loop import open_run
    from rankdistill.recipe import load_recipe
    from rankdistill.train import carry_over_student

    run = open_run(tmp_path / "run", load_recipe("gec-smollm2-small", {"student.model": str(tiny), "rounds": 1}))
    carry_over_student(run, 1, load_recipe("gec-smollm2-small", {"student.model": str(tiny)}), "no usable preference pairs")
    if not skipped:
        (run.adapter(1) / "skipped.json").unlink()
    return run


def test_export_of_a_skipped_round_says_so_and_exports_the_student_it_kept(tmp_path, tiny):
    run = _trained_rounds(tmp_path, tiny, skipped=True)
    result = CliRunner().invoke(main, ["export", str(run.root), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    info = json.loads((tmp_path / "out" / "rankdistill-export.json").read_text())
    assert info["algorithm"] is None and "no usable preference pairs" in info["skipped"]
    assert "skipped" in info["note"] and "untrained" in info["note"]
    assert (tmp_path / "out" / "adapter_config.json").exists()


def test_export_never_deletes_a_folder_it_did_not_make(tmp_path, tiny):
    run = _trained_rounds(tmp_path, tiny, skipped=False)
    for mine in (tmp_path / ".out.tmp", tmp_path / "out.tmp"):
        mine.mkdir()
        (mine / "notes.txt").write_text("mine")
    result = CliRunner().invoke(main, ["export", str(run.root), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / ".out.tmp" / "notes.txt").read_text() == "mine"
    assert (tmp_path / "out.tmp" / "notes.txt").read_text() == "mine"
    assert (tmp_path / "out" / "adapter_config.json").exists()
    assert sorted(p.name for p in tmp_path.iterdir() if "out" in p.name) == [".out.tmp", "out", "out.tmp"]
