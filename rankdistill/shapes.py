"""The preference data shapes: what the prefs stage writes under round-NN/prefs/ and an algorithm reads
(``Algorithm.reads``), in one table, SHAPES: each shape's builder, its usable rows as prefs/stats.json counts them,
and why a round has none to train on.

``pairs`` is TRL's conversational preference format (prompt, chosen, rejected) plus the margin; ``lists`` holds
every candidate with its score, for listwise losses such as RRHF; ``best`` each prompt's top-ranked answer as a
prompt-completion row, for reward-ranked fine-tuning (raft). A shape whose rows depend on the algorithm that reads
it declares those settings (``Shape.settings``: best's margin and ties); that algorithm's settings class derives
from them, so they are set in its section, train.per_algorithm.<name>.

train/ imports this module (its checks and messages), so it imports nothing of train/: the stage that writes the
shapes, with the settings of the round's algorithm, is preferences.py.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import Field

from .records import CandidateSet, Ranking, read_json
from .settings import Settings

if TYPE_CHECKING:
    from .sections import PreferenceSettings


class BestSettings(Settings):
    """What prefs/best keeps: the settings of the algorithm that reads it (raft's)."""

    best_margin: float = Field(
        0.0,
        ge=0,
        description="A prompt's top-ranked answer is trained on only when its score beats every different "
        "answer's by more than this.",
    )
    best_ties: Literal["skip", "each"] = Field(
        "skip",
        description="When different answers share the top score (a judge with many right answers, e.g. checks), "
        "'skip' the prompt (none is clearly best) or train on 'each' of them (rejection-sampling fine-tuning: "
        "every distinct answer that scores best, when the best beats the others by best_margin).",
    )
    keep_tied_correct: bool = Field(
        False,
        description="Also train on prompts whose candidates all equal the reference (all tied, all correct: "
        "'keep answering this'), which otherwise give no pair and no top answer.",
    )


@dataclass
class Pair:
    chosen: int
    rejected: int
    margin: float


def build_pairs(ranking: Ranking, strategy: str = "best_vs_worst", min_margin: float = 0.0) -> list[Pair]:
    """Candidate index pairs (better, worse) from one ranking.

    Ties never become pairs, abstained (NaN) candidates are left out, and a pair must beat ``min_margin``.
    ``best_vs_worst`` pairs the top score with the bottom one; ``all_pairs`` every strictly ordered pair;
    ``best_vs_rest`` the top one with each worse one; ``best_vs_next`` the top one with the best of the worse ones
    (the hardest negative: for an edit task, often the answer that copies the input or misses one fix).
    """
    scored = [i for i in ranking.order if not math.isnan(ranking.scores[i])]
    if len(scored) < 2:
        return []
    s = ranking.scores

    def clears_margin(a: int, b: int) -> bool:  # strictly better, by more than min_margin
        return s[a] - s[b] > max(min_margin, 1e-9)

    if strategy == "best_vs_worst":
        candidates = [(scored[0], scored[-1])]
    elif strategy == "all_pairs":
        candidates = [(a, b) for n, a in enumerate(scored) for b in scored[n + 1 :]]
    elif strategy == "best_vs_rest":
        candidates = [(scored[0], b) for b in scored[1:]]
    elif strategy == "best_vs_next":
        worse = [b for b in scored[1:] if clears_margin(scored[0], b)]
        candidates = [(scored[0], worse[0])] if worse else []
    else:
        raise ValueError(f"preferences.strategy: unknown strategy {strategy!r}")
    tied = {frozenset((a, b)) for group in ranking.ties for a in group for b in group if a != b}
    pairs = []
    for a, b in candidates:
        if frozenset((a, b)) in tied or not clears_margin(a, b):
            continue
        pairs.append(Pair(a, b, s[a] - s[b]))
    return pairs


def pair_rows(
    items: list[CandidateSet], rankings: list[Ranking], settings: PreferenceSettings
) -> tuple[list[dict], dict]:
    """TRL conversational rows for every pair, and counts of what was skipped and why."""
    rows: list[dict[str, Any]] = []
    stats = {
        "prompts": len(items),
        "pairs": 0,
        "skipped_all_tied": 0,
        "skipped_abstained": 0,
        "skipped_margin": 0,
        "duplicate_pairs": 0,
        "chosen_sources": {},  # how often each candidate source won a pair (generation.sources)
    }
    by_id = {r.prompt_id: r for r in rankings}
    for item in items:
        ranking = by_id[item.prompt_id]
        scored = [x for x in ranking.scores if not math.isnan(x)]
        if len(scored) < 2:
            stats["skipped_abstained"] += 1
            continue
        if max(scored) - min(scored) <= 1e-9:
            stats["skipped_all_tied"] += 1
            continue
        pairs = build_pairs(ranking, settings.strategy, settings.min_margin)
        if not pairs:
            stats["skipped_margin"] += 1
            continue
        seen: set[tuple[str, str]] = set()
        for p in pairs:
            chosen, rejected = item.candidates[p.chosen], item.candidates[p.rejected]
            if (chosen.text, rejected.text) in seen:  # two samples with the same text: one pair, not two
                stats["duplicate_pairs"] += 1
                continue
            seen.add((chosen.text, rejected.text))
            stats["chosen_sources"][chosen.source] = stats["chosen_sources"].get(chosen.source, 0) + 1
            rows.append(
                {
                    "prompt_id": item.prompt_id,
                    "prompt": item.messages,
                    "chosen": [{"role": "assistant", "content": chosen.text}],
                    "rejected": [{"role": "assistant", "content": rejected.text}],
                    "margin": p.margin,
                    "chosen_source": chosen.source,
                    "rejected_source": rejected.source,
                }
            )
    stats["pairs"] = len(rows)
    return rows, stats


def best_rows(
    items: list[CandidateSet], rankings: list[Ranking], _: PreferenceSettings, settings: BestSettings
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """prefs/best (RAFT's data) and its counts: each prompt's top-ranked answer when its score beats every
    *different* answer's by more than ``settings.best_margin`` (copies of the top answer are not rivals; with
    ``best_ties: each``, neither are other answers as good: each distinct one is a row); and, with
    ``keep_tied_correct``, the prompts whose candidates all equal the reference (all tied, all
    correct), which give no pair and no top answer, with the reference as the answer."""
    from .metrics import normalize

    rows: list[dict[str, Any]] = []
    stats: dict[str, Any] = {
        "best_examples": 0,
        "best_cleared_margin": 0,  # prompts whose top answer (best_ties each: answers) is kept
        "best_below_margin": 0,  # top answers not clearly above a different one
        "tied_correct": 0,  # prompts whose candidates all equal the reference
        "tied_correct_kept": 0,  # of those, kept (keep_tied_correct)
        "best_sources": {},  # where the kept top answers came from (generation.sources)
    }
    by_id = {r.prompt_id: r for r in rankings}
    for item in items:
        ranking = by_id[item.prompt_id]
        s = ranking.scores
        scored = [i for i in ranking.order if not math.isnan(s[i])]
        if len(scored) < 2:
            continue  # abstained: counted by pair_rows
        texts = {i: normalize(item.candidates[i].text) for i in scored}
        if item.reference is not None and all(t == normalize(item.reference) for t in texts.values()):
            stats["tied_correct"] += 1
            if settings.keep_tied_correct:
                stats["tied_correct_kept"] += 1
                rows.append(_best_row(item, item.reference, "tied_correct", "reference", 0.0))
            continue
        top = scored[0]
        # best_ties "each": the answers scoring as high as the top are not its rivals but its equals
        tops = [i for i in scored if s[top] - s[i] <= 1e-9] if settings.best_ties == "each" else [top]
        best_texts = {texts[i] for i in tops}
        rivals = [s[i] for i in scored if texts[i] not in best_texts]
        if not rivals:  # one answer (or only equals), sampled k times, and not the reference: nothing ranks below
            continue
        margin = s[top] - max(rivals)
        if margin <= max(settings.best_margin, 1e-9):
            stats["best_below_margin"] += 1
            continue
        stats["best_cleared_margin"] += 1
        kept: set[str] = set()
        for i in tops:
            if texts[i] in kept:  # copies of one answer: one row
                continue
            kept.add(texts[i])
            source = item.candidates[i].source
            stats["best_sources"][source] = stats["best_sources"].get(source, 0) + 1
            rows.append(_best_row(item, item.candidates[i].text, "top", source, margin))
    stats["best_examples"] = len(rows)
    return rows, stats


def _best_row(item: CandidateSet, text: str, kind: str, source: str, margin: float) -> dict[str, Any]:
    return {
        "prompt_id": item.prompt_id,
        "prompt": item.messages,
        "completion": [{"role": "assistant", "content": text}],
        "kind": kind,  # "top" (cleared the margin) or "tied_correct"
        "source": source,
        "margin": margin,
    }


def list_rows(items: list[CandidateSet], rankings: list[Ranking]) -> list[dict[str, Any]]:
    """Every candidate of every prompt with its score and source (RRHF's and listwise DPO's data)."""
    by_id = {r.prompt_id: r for r in rankings}
    return [
        {
            "prompt_id": it.prompt_id,
            "prompt": it.messages,
            "completions": [c.text for c in it.candidates],
            "scores": by_id[it.prompt_id].scores,
            "sources": [c.source for c in it.candidates],
        }
        for it in items
    ]


def _no_usable(what: str, st: dict[str, Any]) -> str:
    return (
        f"no usable {what}: of {st['prompts']} prompts, {st['skipped_all_tied']} all tied, "
        f"{st['skipped_abstained']} abstained, {st['skipped_margin']} under preferences.min_margin"
    )


def _no_best(st: dict[str, Any], reader: str) -> str:
    return (
        f"no top-ranked answer to train on: of {st['prompts']} prompts, {st['skipped_all_tied']} all tied "
        f"({st['tied_correct']} all equal to the reference: train.per_algorithm.{reader}.keep_tied_correct "
        f"keeps those), "
        f"{st['skipped_abstained']} abstained, {st['best_below_margin']} not above "
        f"train.per_algorithm.{reader}.best_margin"
    )


@dataclass(frozen=True)
class Shape:
    """One prefs dataset, prefs/<name>, as algorithms read it."""

    name: str
    # its rows and counts (merged into prefs/stats.json) from the round's candidates and rankings, given the
    # preferences section and the reading algorithm's section (None when the shape has no settings)
    build: Callable[[list[CandidateSet], list[Ranking], PreferenceSettings, Any], tuple[list[dict], dict]]
    usable: Callable[[dict[str, Any]], int]  # the rows a trainer can use, from prefs/stats.json
    nothing: Callable[[dict[str, Any], str], str]  # why there are none (prefs/stats.json, the reading algorithm)
    columns: tuple[str, ...]  # its columns (an empty dataset is written with them)
    settings: type[Settings] | None = None  # what the reading algorithm sets: its settings class derives from it
    owner: str | None = None  # whose section gives those settings in a round that trains another algorithm


SHAPES: dict[str, Shape] = {
    s.name: s
    for s in (
        Shape(
            "pairs",
            build=lambda items, rankings, preferences, _: pair_rows(items, rankings, preferences),
            usable=lambda st: st["pairs"],
            nothing=lambda st, _: _no_usable("preference pairs", st),
            columns=("prompt_id", "prompt", "chosen", "rejected", "margin", "chosen_source", "rejected_source"),
        ),
        Shape(
            "lists",
            build=lambda items, rankings, *_: (list_rows(items, rankings), {}),
            usable=lambda st: st["prompts"] - st["skipped_abstained"] - st["skipped_all_tied"],
            nothing=lambda st, _: _no_usable("rankings that separate two candidates", st),
            columns=("prompt_id", "prompt", "completions", "scores", "sources"),
        ),
        Shape(
            "best",
            build=best_rows,
            # prefs built before best/ existed: unknown, counted as 1 so the trainer says why
            usable=lambda st: st.get("best_examples", 1),
            nothing=_no_best,
            columns=("prompt_id", "prompt", "completion", "kind", "source", "margin"),
            settings=BestSettings,
            owner="raft",
        ),
    )
}


def shape_problem(reads: str | None, settings: type) -> str | None:
    """Why an algorithm that reads ``reads`` with settings class ``settings`` cannot (a shape no one writes, or
    settings without the ones its shape needs), or None."""
    if reads is None:
        return None
    if reads not in SHAPES:
        return f"it reads {reads!r}, which is no prefs dataset (known: {', '.join(SHAPES)}, or None: the prompts)"
    needs = SHAPES[reads].settings
    if needs is not None and not (isinstance(settings, type) and issubclass(settings, needs)):
        return f"it reads {reads!r}, so its settings class must derive from rankdistill.shapes.{needs.__name__}"
    return None


def no_training_reason(prefs: Path, reads: str, reader: str) -> str | None:
    """Why the prefs directory ``prefs`` holds nothing in ``reads`` for algorithm ``reader`` to train on (every
    ranking tied or abstained), from its stats.json; None when it holds some (or has no stats.json)."""
    path = prefs / "stats.json"
    if not path.exists():
        return None
    st = read_json(path)
    shape = SHAPES[reads]
    return None if shape.usable(st) > 0 else shape.nothing(st, reader)
