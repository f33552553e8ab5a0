"""Dynamic sampling (DAPO's; ``preferences.skip_tied``): a round's generate stage keeps drawing training prompts
until ``data.max_prompts`` of them have signal (candidates that do not all tie), or until it has drawn
``preferences.max_draw`` × ``data.max_prompts`` of them.

Prompts are drawn in the order of the round's pool (``draw_pool``) in chunks: the first holds what the round
needs, each next one what is still needed scaled by the share with signal so far (``chunk_size``). A chunk is sampled (filed in
candidates.partial.jsonl as it comes), then ranked through the run's judge (``run_judge``, tagged stage "draw":
a paid judge's answers are cached in the ledger, so the judge stage re-reads them for free; a call-free judge
recomputes), then its prompts are taken in pool order until the round is full; the rest of the last chunk counts
as not drawn. candidates.jsonl holds the kept prompts; round-NN/draw.json how many were drawn. Every decision
follows from the files and the ledger, so a resumed stage draws what an uninterrupted one would.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from .. import progress
from ..data import Prompt
from ..records import CandidateSet, PartialJsonl, Ranking, atomic_write_json, to_dict
from ..rundir import RunDir

if TYPE_CHECKING:
    from ..recipe import Recipe


MARGIN = 1.25  # a chunk after the first draws this much more than the share so far predicts is needed...
MIN_CHUNK = (
    8  # ...and at least this many prompts: fewer, larger chunks batch better; the surplus is not drawn
)


def chunk_size(need: int, kept: int, drawn: int, left: int) -> int:
    """Prompts to draw next: ``need`` at first, then ``need`` scaled by drawn / kept so far (all that is ``left``
    when none had signal yet)."""
    if drawn == 0:
        return min(need, left)
    if kept == 0:
        return left
    return min(left, max(MIN_CHUNK, math.ceil(MARGIN * need * drawn / kept)))


def draw_stage(run: RunDir, round_idx: int, recipe: Recipe) -> None:
    """Generate, rank and keep prompts with signal until the round holds ``data.max_prompts`` of them or the pool
    is drawn; writes draw.json, then candidates.jsonl (the stage's output)."""
    from ..headroom import has_signal
    from ..judging import MIN_RANKINGS_FOR_ABSTAIN_CHECK, abstain_error, max_abstain_rate
    from .candidates import StudentCandidates
    from .prompts import draw_pool

    pool = draw_pool(recipe, round_idx, run)
    target = min(recipe.data.max_prompts or len(pool), len(pool))
    partial = PartialJsonl(run.candidates(round_idx), key="prompt_id")
    limit = max_abstain_rate(recipe.judge)
    kept: list[str] = []
    drawn = abstained = 0
    with progress.task(f"round {round_idx}: generate (prompts with signal)", total=target) as bar:
        with StudentCandidates(run, round_idx, recipe, pool) as make:
            while len(kept) < target and drawn < len(pool):
                chunk = pool[
                    drawn : drawn + chunk_size(target - len(kept), len(kept), drawn, len(pool) - drawn)
                ]
                for done in make([p for p in chunk if p.prompt_id not in partial.done]):
                    partial.append([to_dict(c) for c in done])
                rankings = _rank(run, round_idx, recipe, chunk, partial)
                for p in chunk:
                    drawn += 1
                    abstained += rankings[p.prompt_id].abstained
                    if has_signal(rankings[p.prompt_id]):
                        kept.append(p.prompt_id)
                        bar.advance()
                        if len(kept) == target:
                            break
                if drawn >= MIN_RANKINGS_FOR_ABSTAIN_CHECK and abstained > limit * drawn:
                    raise abstain_error(abstained, drawn, limit)
    n = recipe.data.max_prompts
    atomic_write_json(
        run.draws(round_idx),
        {"drawn": drawn, "kept": len(kept), "target": target, "limit": len(pool), "abstained": abstained},
    )
    if len(kept) < target:
        bound = f"preferences.max_draw {recipe.preferences.max_draw} × data.max_prompts {n}"
        progress.log(
            f"round {round_idx}: drew {drawn} prompts ("
            + (bound if n and len(pool) == recipe.preferences.max_draw * n else "every training prompt")
            + f") and kept the {len(kept)} whose candidates do not all tie, short of {target}; the round learns "
            "from those"
        )
    else:
        progress.log(
            f"round {round_idx}: drew {drawn} prompts to find {target} whose candidates do not all tie"
        )
    partial.finish(kept)


def _rank(
    run: RunDir, round_idx: int, recipe: Recipe, chunk: list[Prompt], partial: PartialJsonl
) -> dict[str, Ranking]:
    """The chunk's rankings by prompt id; a judge call that failed stops the stage unfinished (as the judge
    stage does), and the same command asks again only what failed."""
    from ..errors import JudgeFailed
    from ..judging import rank_items, run_judge
    from ..judging.kinds import limits

    rows = {r["prompt_id"]: r for r in partial.rows}
    items = [CandidateSet.from_dict(rows[p.prompt_id]) for p in chunk]
    out: dict[str, Ranking] = {}
    with run_judge(run, recipe.judge, "draw", round_idx, seed=recipe.seed) as judge:
        failures = rank_items(
            judge, items, lambda r: out.__setitem__(r.prompt_id, r), limits(recipe.judge).concurrency
        )
    if failures is not None and failures.failed:
        raise JudgeFailed(
            f"round {round_idx}: preferences.skip_tied: {failures.failed} of {len(items)} prompts could not be "
            f"judged (last error: {failures.last_error}); the candidates are kept, run the same command again"
        )
    return out
