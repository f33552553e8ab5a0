"""Every paid call capped, recorded and never paid twice: the cap's cost reservation, answers in flight when it
stops a stage, compare's shared ledger, the ledger's stages, and the checks that run before any call (against
the fault-injecting server in fake_openai.py)."""

import asyncio
import json
import sqlite3

import pytest
from click.testing import CliRunner
from fake_openai import FakeServer
from test_judge_openai import KEY, make_run

from rankdistill.cli import main
from rankdistill.judging import judge_stage, open_ledger, run_judge
from rankdistill.judging.ledger import MIGRATIONS, CostLimitReached, Ledger, Reply, summarize
from rankdistill.records import CandidateSet, Completion, read_jsonl

# the fake server counts the words of the last message as prompt tokens: at $1M per Mtok, a word costs $1
DOLLAR_A_WORD = {"input": 1e6}


@pytest.fixture(autouse=True)
def _key(monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)


def ledger_rows(run) -> list[dict]:
    db = sqlite3.connect(run.root / "ledger.sqlite")
    db.row_factory = sqlite3.Row
    rows = [dict(r) for r in db.execute("SELECT * FROM calls ORDER BY id")]
    db.close()
    return rows


def partial(run) -> set[str]:
    path = run.rankings(1).with_name("rankings.partial.jsonl")
    return {r["prompt_id"] for r in read_jsonl(path)} if path.exists() else set()


def test_concurrent_calls_reserve_a_cost_bound_and_overshoot_by_less_than_one_call():
    # each call: 10 prompt tokens at $0.1 = $1; its bound before sending: 10 bytes + 8 tokens = $1.8
    ledger = Ledger(None, max_cost=2.5)
    state = {"sent": 0, "in_flight": 0, "peak": 0}

    async def call():
        state["sent"] += 1
        state["in_flight"] += 1
        state["peak"] = max(state["peak"], state["in_flight"])
        await asyncio.sleep(0.02)
        state["in_flight"] -= 1
        return Reply("ok", prompt_tokens=10)

    async def main_():
        sem = asyncio.Semaphore(8)

        async def one(n):
            request = {"messages": [{"role": "user", "content": f"question{n:02d}"}]}
            return await ledger.ask(f"k{n}", meta, request, call, lambda r: r.prompt_tokens * 0.1, limit=sem)

        return await asyncio.gather(*(one(n) for n in range(8)), return_exceptions=True)

    meta = dict(prompt_id=None, judge="j", model="m", template="t")
    got = asyncio.run(main_())
    # $0 + $1.8 reserved < $2.5: two go out together; a third waits for their real cost ($2 < $2.5), goes out
    # alone, and then the budget is spent: the rest stop without being sent
    assert state["sent"] == 3 and state["peak"] == 2
    assert sum(isinstance(g, CostLimitReached) for g in got) == 5
    assert ledger.spent == pytest.approx(3.0)  # the cap ($2.5) plus less than one call ($1)
    assert ledger.total_cost() == pytest.approx(3.0)  # every call sent is recorded
    assert ledger.reserved == pytest.approx(0.0) and ledger.in_flight == 0


def test_concurrency_8_with_a_cap_of_one_call_sends_one_call_and_exits_3(tmp_path):
    prompts = [["a", "bb"]] * 8
    with FakeServer(delay=0.3) as srv:  # slow enough that all eight would be in flight at once
        one, _ = make_run(tmp_path / "one", prompts[:1], base_url=srv.url, price_per_mtok=DOLLAR_A_WORD)
        judge_stage(one, 1, _)
        call_cost = summarize(one.root / "ledger.sqlite")["cost_usd"]
        sent = srv.requests
        run, _ = make_run(
            tmp_path / "eight",
            prompts,
            base_url=srv.url,
            price_per_mtok=DOLLAR_A_WORD,
            concurrency=8,
            max_cost=call_cost,
        )
        result = CliRunner().invoke(main, ["judge", str(run.root), "--round", "1"])
        asked = srv.requests - sent
    assert result.exit_code == 3, result.output
    lines = [line for line in result.output.splitlines() if "judge.max_cost" in line]
    assert len(lines) == 1 and lines[0].startswith("stopped:") and "Traceback" not in result.output
    assert 1 <= asked <= 2  # the cap allows one call; at most one more
    assert not run.is_done("judge", 1)
    s = summarize(run.root / "ledger.sqlite")
    assert s["calls"] == asked and s["cost_usd"] <= 2 * call_cost  # every answer recorded, none lost


def test_answers_in_flight_when_the_cap_stops_the_stage_are_recorded(tmp_path):
    # p0 is cheap and slow, p1 expensive and fast: p1's answer spends the cap while p0 is still in flight
    long = " ".join(["word"] * 3000)
    prompts = [["a [fault=slow]", "bb"], [long, "y"], ["c", "dd"]]
    with FakeServer(slow_s=1.0) as srv:
        judge = dict(base_url=srv.url, price_per_mtok=DOLLAR_A_WORD, concurrency=2, timeout=5.0)
        run, recipe = make_run(tmp_path, prompts, max_cost=1000.0, **judge)
        with pytest.raises(CostLimitReached):
            judge_stage(run, 1, recipe)
        assert srv.ok == 2  # p0 and p1 were answered (and paid for); p2 was never sent
        rows = ledger_rows(run)
        assert sorted(r["prompt_id"] for r in rows if r["reply"]) == ["p0", "p1"]  # p0's late answer is kept
        assert partial(run) == {"p0", "p1"}  # and so is its ranking
        assert not run.is_done("judge", 1)
        recipe.judge.max_cost = 10_000.0
        judge_stage(run, 1, recipe)
        assert run.is_done("judge", 1) and srv.requests == 3  # only p2 was asked: nothing paid twice


def test_stage_command_says_done_when_it_did_the_work(tmp_path):
    with FakeServer() as srv:
        run, _ = make_run(tmp_path, [["a", "bb"]], base_url=srv.url)
        first = CliRunner().invoke(main, ["judge", str(run.root), "--round", "1"])
        second = CliRunner().invoke(main, ["judge", str(run.root), "--round", "1"])
    assert first.exit_code == 0 and "round 1 judge: done" in first.output, first.output
    assert "already complete" not in first.output
    assert second.exit_code == 0 and "already complete" in second.output


def test_ledger_command_on_a_corrupt_ledger_is_one_line(tmp_path):
    with FakeServer() as srv:
        run, recipe = make_run(tmp_path, [["a", "bb"]], base_url=srv.url)
        judge_stage(run, 1, recipe)
    (run.root / "ledger.sqlite").write_bytes(b"this is not a database" * 200)
    for args in (["ledger", str(run.root)], ["ledger", str(run.root), "--json"]):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 2, result.output
        assert "Traceback" not in result.output and "ledger.sqlite" in result.output
        assert len(result.output.strip().splitlines()) == 1


def test_ledger_rows_per_round_and_stage(tmp_path):
    with FakeServer() as srv:
        run, recipe = make_run(tmp_path, [["a", "bb"], ["ccc", "d"]], base_url=srv.url)
        judge_stage(run, 1, recipe)
        # the same run's judge, asked again for a later use (a win rate): its calls are rows of their own
        with run_judge(run, recipe.judge, "win_rate", 1) as judge:
            messages = [{"role": "user", "content": "Answer question 9"}]
            judge.rank(CandidateSet("w0", messages, [Completion("x", 1, "stop")] * 2))
    out = CliRunner().invoke(main, ["ledger", str(run.root), "--json"])
    assert out.exit_code == 0, out.output
    stages = {(r["round"], r["stage"]): r for r in json.loads(out.output)["stages"]}
    assert stages[(1, "judge")]["calls"] == 2 and stages[(1, "judge")]["rankings"] == 2
    assert stages[(1, "win_rate")]["calls"] == 1 and "rankings" not in stages[(1, "win_rate")]
    table = CliRunner().invoke(main, ["ledger", str(run.root)])
    assert table.exit_code == 0 and "win_rate" in table.output and "judge" in table.output


def test_compare_algorithm_runs_share_the_compare_runs_ledger(tmp_path):
    from rankdistill.compare import seed_algorithm_run
    from rankdistill.rundir import RunDir

    with FakeServer() as srv:
        run, recipe = make_run(tmp_path, [["a", "bb"]], base_url=srv.url)
        judge_stage(run, 1, recipe)
    target = RunDir(run.root / "compare" / "dpo")
    seed_algorithm_run(run, target)
    assert target.rankings(1).read_text() == run.rankings(1).read_text()
    # the copied rankings were paid through the shared ledger: the algorithm's run opens it, and tags its calls
    ledger = open_ledger(target, recipe.judge)
    assert ledger.path == (run.root / "ledger.sqlite").resolve() and ledger.run_dir == "compare/dpo"
    assert ledger.spent == summarize(run.root / "ledger.sqlite")["cost_usd"]  # one budget for the comparison
    ledger.close()
    seed_algorithm_run(run, target)  # again (a resumed compare): nothing changes
    assert (target.root / "ledger.sqlite").is_symlink()


def test_a_version_3_ledger_keeps_its_rankings_when_migrated(tmp_path):
    path = tmp_path / "ledger.sqlite"
    db = sqlite3.connect(path, isolation_level=None)
    for i, sql in enumerate(MIGRATIONS[:3], start=1):
        db.executescript(f"BEGIN; {sql}; PRAGMA user_version = {i}; COMMIT;")
    db.execute(
        "INSERT INTO calls (key, created, round, stage, reply, cost_usd) VALUES ('k', 0, 1, 'judge', 'r', 1)"
    )
    db.execute("INSERT INTO rankings VALUES (1, 'p0', 'j', 0, 1, 1, 0, 0, 0)")
    db.close()
    ledger = Ledger(path)
    ledger.run_dir = "compare/dpo"
    ledger.round = 1
    ledger.record_ranking("p0", "j", True, True, {"verdicts": 1, "abstentions": 1})  # another run's round 1
    ledger.close()
    s = summarize(path)
    assert s["rankings"] == 2 and s["rankings_abstained"] == 1  # neither overwrote the other
    assert [(r["run_dir"], r["stage"]) for r in s["stages"]] == [("", "judge"), ("compare/dpo", "judge")]


@pytest.mark.parametrize("command", ["iterate", "compare"])
def test_a_bad_trainer_argument_value_fails_before_any_call(tmp_path, command):
    with FakeServer() as srv:
        run_dir = tmp_path / "run"
        args = [command, "gec-smollm2-dpo-openai", "--run-dir", str(run_dir)]
        args += ["--set", f"judge.base_url={srv.url}", "--set", "train.args.lr_scheduler_type=bogus"]
        result = CliRunner().invoke(main, args)
        assert srv.requests == 0
    assert result.exit_code == 2, result.output
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "train.args.lr_scheduler_type (dpo)" in errors[0] and "bogus" in errors[0]
    assert "Traceback" not in result.output
    assert not (run_dir / "recipe.yaml").exists()  # the bad value never became part of the run


def test_trainer_argument_types_are_checked_before_any_work():
    from rankdistill.recipe import RecipeError, load_recipe
    from rankdistill.train import check_train_settings

    for algorithm, args, message in [
        ("grpo", {"warmup_steps": "abc"}, r"train.args.warmup_steps \(grpo\): expected float, got 'abc'"),
        ("grpo", {"lr_scheduler_type": "bogus"}, r"train.args.lr_scheduler_type \(grpo\): bogus is not"),
        ("dpo", {"logging_steps": True}, r"train.args.logging_steps \(dpo\): expected float"),
    ]:
        recipe = load_recipe("gec-smollm2-small", {"train.per_algorithm": {algorithm: args}})
        with pytest.raises(RecipeError, match=message):
            check_train_settings(recipe, [algorithm])
    # an algorithm's typed settings are checked as the recipe loads, earlier still
    with pytest.raises(RecipeError, match=r"train\.per_algorithm\.ppo\.max_length.*valid integer"):
        load_recipe("gec-smollm2-small", {"train.per_algorithm": {"ppo": {"max_length": "long"}}})
    # values the config takes pass: a number for a float, null for an optional one
    ok = load_recipe("gec-smollm2-small", {"train.per_algorithm": {"grpo": {"warmup_steps": 1, "num_generations_eval": None}}})
    check_train_settings(ok, ["grpo"])


@pytest.mark.parametrize("problem", ["no key", "empty data", "bad judge kind"])
def test_compare_runs_the_preflight_before_any_model_loads(tmp_path, monkeypatch, problem):
    run_dir = tmp_path / "run"
    args = ["compare", "gec-smollm2-dpo-openai", "--run-dir", str(run_dir)]
    if problem == "no key":
        monkeypatch.delenv("OPENAI_API_KEY")
        expect = "OPENAI_API_KEY"
    elif problem == "empty data":
        empty = tmp_path / "empty.jsonl"
        empty.write_text("")
        args += ["--set", f"data.train={empty}", "--set", "judge.base_url=http://127.0.0.1:9/v1"]
        expect = "empty.jsonl"
    else:
        args += ["--set", "judge.kind=nonesuch"]
        expect = "judge.kind"
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2, result.output
    assert expect in result.output and "Traceback" not in result.output
    assert not (run_dir / "round-00").exists()  # the untrained student was never evaluated
