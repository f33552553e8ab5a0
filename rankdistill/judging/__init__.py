"""Judge stage: the teacher ranks each prompt's candidates -> round-NN/rankings.jsonl.

``run_judge`` is the one way to get a judge for a run: every paid call (the judge stage, teacher answers,
``label``, GRPO and PPO rewards, compare's win rates) goes through the run's ledger, so judge.max_cost, the
cache and the accounting hold for all of them.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import progress
from ..errors import JudgeFailed
from ..records import CandidateSet, PartialJsonl, read_jsonl, to_dict
from ..rundir import RunDir
from .base import (
    MIN_RANKINGS_FOR_ABSTAIN_CHECK,
    Judge,
    JudgeKind,
    JudgeKindSettings,
    Limits,
    ranking_from_scores,
)
from .kinds import JUDGE_KINDS, check_judge, kind_of, limits, make_judge, max_abstain_rate, uses_ledger
from .ledger import (
    CostLimitReached,
    Ledger,
    LedgerError,
    corrupt_message,
    ledger_state,
    open_read_only,
    refuse_newer,
    start_new_ledger,
)

if TYPE_CHECKING:
    from ..recipe import Recipe

__all__ = [
    "JUDGE_KINDS",
    "MIN_RANKINGS_FOR_ABSTAIN_CHECK",
    "CostLimitReached",
    "Judge",
    "JudgeKind",
    "JudgeKindSettings",
    "Ledger",
    "Limits",
    "abstain_error",
    "check_judge",
    "judge_stage",
    "kind_of",
    "limits",
    "make_judge",
    "max_abstain_rate",
    "rank_items",
    "ranking_from_scores",
    "run_judge",
    "set_round",
    "tagged_ledger",
    "uses_ledger",
]


def ledger_path(run: RunDir) -> Path:
    return run.root / "ledger.sqlite"


def judged_rounds(run: RunDir) -> list[int]:
    """Rounds whose judge stage finished or started ranking."""
    return [
        r
        for r in run.rounds()
        if run.rankings(r).exists() or run.rankings(r).with_name("rankings.partial.jsonl").exists()
    ]


def check_ledger(run: RunDir, settings: JudgeKindSettings) -> None:
    """Refuse a missing, empty or corrupt ledger when rankings of this run were judged through it: going on
    would pay every call again without a word (and lose the record of what was paid)."""
    if not uses_ledger(settings):
        return
    rounds = judged_rounds(run)
    path = ledger_path(run)
    state = ledger_state(path)
    if state == "corrupt":
        raise LedgerError(corrupt_message(path, "not a valid SQLite database"))
    if state == "ok":  # a newer rankdistill's ledger: refused before any work, not when first written
        db = open_read_only(path)
        try:
            version = db.execute("PRAGMA user_version").fetchone()[0]
        finally:
            db.close()
        refuse_newer(version, path)
    if rounds and state in ("missing", "empty"):
        raise LedgerError(
            f"{path} is {state}, but round(s) {', '.join(map(str, rounds))} were judged through it: restore it "
            "from a backup, or start a new one (every judge call is paid again) with --new-ledger"
        )


def new_ledger(run: RunDir) -> None:
    """--new-ledger: keep the old ledger file aside and start an empty one on purpose."""
    path = ledger_path(run)
    kept = start_new_ledger(path, f"started anew (old ledger was {ledger_state(path)})")
    progress.log(f"new ledger {path}" + (f"; the old one is kept as {kept}" if kept else ""))


def open_ledger(run: RunDir, settings: JudgeKindSettings, path: Path | None = None) -> Ledger:
    """The run's ledger after check_ledger, or another ledger file ``path`` (``label --ledger``: only its own
    soundness is checked); its calls are tagged with the run's directory relative to the ledger's when the ledger
    lives elsewhere (compare's algorithm runs reach theirs through a link)."""
    if path is None or Path(path).resolve() == ledger_path(run).resolve():
        path = ledger_path(run)
        check_ledger(run, settings)
    return tagged_ledger(run, path, limits(settings).max_cost)


def tagged_ledger(run: RunDir, path: Path, max_cost: float | None) -> Ledger:
    """The ledger file ``path`` (a corrupt one: LedgerError), capped at ``max_cost``, its calls tagged with the
    run's directory relative to the ledger's when the ledger lives elsewhere."""
    ledger = Ledger(path, max_cost=max_cost)
    assert ledger.path is not None
    home, here = ledger.path.parent, run.root.resolve()
    if here != home:
        ledger.run_dir = os.path.relpath(here, home)
    return ledger


@contextlib.contextmanager
def run_judge(
    run: RunDir,
    settings: JudgeKindSettings,
    stage: str,
    round_idx: int | None = None,
    seed: int = 0,
    ledger_file: Path | None = None,
) -> Iterator[Judge]:
    """The judge for ``stage`` of ``run``, bound to the run's ledger (opened and checked once, closed after):
    every call it makes is capped by judge.max_cost, answered from the ledger when asked before, and recorded
    with its round and stage. ``ledger_file``: another ledger file (``label --ledger``)."""
    ledger = open_ledger(run, settings, ledger_file) if uses_ledger(settings) else None
    if ledger is not None:
        ledger.round, ledger.stage = round_idx, stage
    try:
        judge = make_judge(settings, ledger, seed=seed)
        if ledger is not None:
            judge.ledger = ledger  # type: ignore[attr-defined]  # (an ensemble's): set_round finds it
        yield judge
    finally:
        if ledger is not None:
            ledger.close()


def set_round(judge: Any, round_idx: int | None) -> None:
    """Tag the calls a judge from ``run_judge`` makes from now on with ``round_idx``."""
    if getattr(judge, "ledger", None) is not None:
        judge.ledger.round = round_idx


def rank_items(judge: Any, items: list[CandidateSet], on_result: Any, concurrency: int = 8) -> Any:
    """Rank concurrently when the judge can (``session`` + ``arank``), one by one otherwise.

    Returns the Failures of a concurrent judge (None for the others, whose errors are raised).
    """
    if hasattr(judge, "arank") and hasattr(judge, "session"):
        from .llm import rank_all

        # a server that is down fails every call: stop after a few rounds of in-flight calls, not after all
        return asyncio.run(rank_all(judge, items, on_result, max_failures_in_a_row=max(4, 2 * concurrency)))
    for item in items:
        on_result(judge.rank(item))
    return None


def abstain_error(abstained: int, ranked: int, limit: float) -> JudgeFailed:
    return JudgeFailed(
        f"{abstained} of {ranked} rankings abstained (no parseable verdict), more than judge.max_abstain_rate "
        f"{limit:g}: check the judge's model and template (its replies are in ledger.sqlite), "
        "or raise judge.max_abstain_rate and run again to accept them (nothing is paid again)"
    )


def judge_stage(run: RunDir, round_idx: int, recipe: Recipe) -> None:
    """Rank every prompt's candidates; resumable by prompt, and by call through the ledger.

    When judge.max_cost is reached the finished rankings are kept, the stage is left unfinished and
    CostLimitReached is raised: the same command resumes once the limit is raised. Calls that fail (server
    down, 5xx or timeouts after retries) leave the stage unfinished the same way (JudgeFailed): failures are
    never cached, so the same command asks again only what failed. So does an abstention rate above
    judge.max_abstain_rate.
    """
    items = [CandidateSet.from_dict(d) for d in read_jsonl(run.candidates(round_idx))]
    partial = PartialJsonl(run.rankings(round_idx), key="prompt_id")
    todo = [it for it in items if it.prompt_id not in partial.done]
    settings = recipe.judge
    limit = max_abstain_rate(settings)
    counts = {"ranked": len(partial.rows), "abstained": sum(bool(r.get("abstained")) for r in partial.rows)}
    with run_judge(run, settings, "judge", round_idx, seed=recipe.seed) as judge:
        with progress.task(
            f"round {round_idx}: judge", total=len(items), completed=len(items) - len(todo)
        ) as bar:

            def done(ranking: Any) -> None:
                partial.append([to_dict(ranking)])
                bar.advance()
                counts["ranked"] += 1
                counts["abstained"] += bool(ranking.abstained)
                if (
                    counts["ranked"] >= MIN_RANKINGS_FOR_ABSTAIN_CHECK
                    and counts["abstained"] > limit * counts["ranked"]
                ):
                    raise abstain_error(counts["abstained"], counts["ranked"], limit)

            failures = rank_items(judge, todo, done, limits(settings).concurrency)
    if failures is not None and failures.failed:
        unasked = f", {failures.not_attempted} more left unasked" if failures.not_attempted else ""
        where = f"server {failures.where}; " if failures.where else ""  # a local judge has no server to name
        raise JudgeFailed(
            f"round {round_idx}: {failures.failed} of {len(todo)} prompts could not be judged{unasked} "
            f"({where}last error: {failures.last_error}). "
            f"The {len(partial.done)} finished rankings are kept; run the same command again to ask only "
            "the rest"
        )
    if counts["abstained"] > limit * counts["ranked"]:
        raise abstain_error(counts["abstained"], counts["ranked"], limit)
    partial.finish([it.prompt_id for it in items])
