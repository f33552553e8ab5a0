"""The ledger is the record of what was paid: a run judged through it refuses to go on without it, and its
schema migrations keep old files readable."""

import sqlite3

import pytest
from click.testing import CliRunner
from fake_openai import FakeServer
from test_judge_openai import KEY, make_run

from rankdistill.cli import main
from rankdistill.judging import judge_stage
from rankdistill.judging.ledger import MIGRATIONS, Ledger, LedgerError, Reply, summarize


@pytest.fixture(autouse=True)
def _key(monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)


def judged_run(tmp_path, srv):
    run, recipe = make_run(tmp_path, [["a", "bb"], ["ccc", "d"]], base_url=srv.url)
    judge_stage(run, 1, recipe)
    return run, recipe


@pytest.mark.parametrize("damage", ["missing", "empty", "truncated"])
def test_a_damaged_ledger_stops_the_judge_and_force_keeps_the_rankings(tmp_path, damage):
    with FakeServer() as srv:
        run, recipe = judged_run(tmp_path, srv)
        ledger = run.root / "ledger.sqlite"
        rankings = run.rankings(1).read_bytes()
        calls = srv.requests
        if damage == "missing":
            ledger.unlink()
        elif damage == "empty":
            ledger.write_bytes(b"")
        else:
            ledger.write_bytes(ledger.read_bytes()[:1500])
        result = CliRunner().invoke(main, ["judge", str(run.root), "--round", "1", "--force"])
        assert result.exit_code == 2, result.output
        assert "ledger.sqlite" in result.output and "--new-ledger" in result.output
        assert "Traceback" not in result.output
        assert run.rankings(1).read_bytes() == rankings  # --force deleted nothing it could not replace
        assert srv.requests == calls  # and paid nothing
        result = CliRunner().invoke(main, ["judge", str(run.root), "--round", "1", "--force", "--new-ledger"])
        assert result.exit_code == 0, result.output
        assert srv.requests == 2 * calls  # started anew on purpose: every call paid again
    kept = list(run.root.glob("ledger.sqlite.broken-*[0-9]"))
    assert (len(kept) == 1) == (damage != "missing")  # the old file is kept aside, never deleted


def test_an_empty_ledger_is_fine_before_anything_was_judged(tmp_path):
    with FakeServer() as srv:
        run, recipe = make_run(tmp_path, [["a", "bb"]], base_url=srv.url)
        (run.root / "ledger.sqlite").write_bytes(b"")
        judge_stage(run, 1, recipe)
    assert run.is_done("judge", 1)


def test_migrations_upgrade_a_version_1_ledger(tmp_path):
    path = tmp_path / "ledger.sqlite"
    db = sqlite3.connect(path, isolation_level=None)
    db.executescript(f"BEGIN; {MIGRATIONS[0]}; PRAGMA user_version = 1; COMMIT;")
    db.execute(
        "INSERT INTO calls (key, created, round, reply, parsed, prompt_tokens, cost_usd) "
        "VALUES ('k1', 0, 1, '{\"winner\": \"A\"}', '\"A\"', 7, 0.5)"
    )
    db.close()
    old = summarize(path)  # an old file reads without migrating
    assert old["calls"] == 1 and "rankings" not in old
    ledger = Ledger(path)
    assert ledger.db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert ledger.lookup("k1")["reply"] == '{"winner": "A"}'  # old answers still answer
    assert ledger.total_cost() == 0.5
    ledger.record_ranking("p0", "j", False, True, {"verdicts": 1})
    ledger.record(
        "k2",
        prompt_id="p0",
        judge="j",
        model="m",
        template="t",
        request={},
        reply=Reply("x"),
        parsed=None,
        cost_usd=0.0,
    )
    ledger.close()
    new = summarize(path)
    assert new["calls"] == 2 and new["rankings"] == 1


def test_a_corrupt_ledger_is_a_clear_error(tmp_path):
    path = tmp_path / "ledger.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(LedgerError, match="ledger.sqlite"):
        Ledger(path)


def test_iterate_refuses_an_emptied_ledger_before_any_work(tmp_path):
    from rankdistill.loop import iterate, resolve_paths
    from rankdistill.recipe import dump_recipe

    with FakeServer() as srv:
        run, recipe = judged_run(tmp_path, srv)
    run.recipe_path.write_text(dump_recipe(resolve_paths(recipe)))
    (run.root / "ledger.sqlite").write_bytes(b"")
    with pytest.raises(LedgerError, match="round\\(s\\) 1 were judged through it"):
        iterate(recipe, run.root)
    assert not run.is_done("eval", 0)  # stopped before round-0 evaluation
