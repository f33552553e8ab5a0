"""Preferences stage: rankings -> pairwise and listwise HF datasets in round-NN/prefs/.

``prefs/pairs`` is TRL's conversational preference format (prompt, chosen, rejected) plus the margin;
``prefs/lists`` holds every candidate with its score, for listwise losses such as RRHF; ``prefs/best`` each
prompt's top-ranked answer as a prompt-completion row, for reward-ranked fine-tuning (raft).
"""

from __future__ import annotations

import math
import tempfile
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .records import CandidateSet, Ranking, atomic_write_json, read_json, read_jsonl, replace_dir
from .rundir import RunDir

if TYPE_CHECKING:
    from .recipe import Recipe
    from .sections import PreferenceSettings


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
    items: list[CandidateSet], rankings: list[Ranking], settings: PreferenceSettings
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """prefs/best (RAFT's data) and its counts: each prompt's top-ranked answer when its score beats every
    *different* answer's by more than ``best_margin`` (copies of the top answer are not rivals; with
    ``best_ties: each``, neither are other answers as good: each distinct one is a row); and, with
    ``keep_tied_correct``, the prompts whose candidates all equal the reference (all tied, all correct), which
    give no pair and no top answer, with the reference as the answer."""
    from .metrics import normalize

    rows: list[dict[str, Any]] = []
    stats: dict[str, Any] = {
        "best_examples": 0,
        "best_cleared_margin": 0,  # prompts whose top answer (best_ties each: answers) is kept
        "best_below_margin": 0,  # top answers not clearly above a different one
        "tied_correct": 0,  # prompts whose candidates all equal the reference
        "tied_correct_kept": 0,  # of those, kept (preferences.keep_tied_correct)
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


BEST_COLUMNS = ["prompt_id", "prompt", "completion", "kind", "source", "margin"]


def list_rows(items: list[CandidateSet], rankings: list[Ranking]) -> list[dict[str, Any]]:
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


def round_signal(run: RunDir, round_idx: int) -> dict[str, Any]:
    """Round ``round_idx``'s signal (headroom.signal_stats) from its candidates and rankings, with what dynamic
    sampling drew (draw.json) when it did."""
    from .headroom import signal_stats

    items = [CandidateSet.from_dict(d) for d in read_jsonl(run.candidates(round_idx))]
    rankings = [Ranking.from_dict(d) for d in read_jsonl(run.rankings(round_idx))]
    return _with_draws(run, round_idx, signal_stats(items, rankings))


def _with_draws(run: RunDir, round_idx: int, signal: dict[str, Any]) -> dict[str, Any]:
    if run.draws(round_idx).exists():
        draws = read_json(run.draws(round_idx))
        signal.update(drawn=draws["drawn"], draw_limit=draws["limit"])
    return signal


def prefs_stage(run: RunDir, round_idx: int, recipe: Recipe) -> dict[str, Any]:
    """Write prefs/pairs, prefs/lists and prefs/stats.json (the completion marker) atomically, and print the
    round's signal (can ranking teach anything?) before training starts."""
    from datasets import Dataset

    from . import progress
    from .headroom import signal_line, signal_stats, signal_warning

    items = [CandidateSet.from_dict(d) for d in read_jsonl(run.candidates(round_idx))]
    rankings = [Ranking.from_dict(d) for d in read_jsonl(run.rankings(round_idx))]
    rows, stats = pair_rows(items, rankings, recipe.preferences)
    best, best_stats = best_rows(items, rankings, recipe.preferences)
    stats.update(best_stats)
    stats["signal"] = _with_draws(run, round_idx, signal_stats(items, rankings))
    final = run.prefs(round_idx)
    final.parent.mkdir(parents=True, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix=".prefs-", dir=final.parent)
    columns = ["prompt_id", "prompt", "chosen", "rejected", "margin", "chosen_source", "rejected_source"]
    pairs = Dataset.from_list(rows) if rows else Dataset.from_dict({c: [] for c in columns})
    pairs.save_to_disk(f"{tmp}/pairs")
    Dataset.from_list(list_rows(items, rankings)).save_to_disk(f"{tmp}/lists")
    top = Dataset.from_list(best) if best else Dataset.from_dict({c: [] for c in BEST_COLUMNS})
    top.save_to_disk(f"{tmp}/best")
    atomic_write_json(f"{tmp}/stats.json", stats)
    replace_dir(tmp, final)
    progress.log(signal_line(round_idx, stats["signal"]))
    warning = signal_warning(round_idx, stats["signal"])
    if warning:
        progress.log(warning)
    return stats


def usable_rows(st: dict[str, Any]) -> dict[str, int]:
    """What each prefs dataset gives a trainer, from prefs/stats.json: pairs, the lists that rank two candidates,
    the top-ranked answers (prefs built before best/ existed: unknown, counted as 1 so the trainer says why)."""
    return {
        "pairs": st["pairs"],
        "lists": st["prompts"] - st["skipped_abstained"] - st["skipped_all_tied"],
        "best": st.get("best_examples", 1),
    }


def no_training_reason(run: RunDir, round_idx: int, reads: str) -> str | None:
    """Why round ``round_idx`` has nothing in prefs/``reads`` to train on (every ranking tied or abstained), or
    None."""
    path = run.prefs(round_idx) / "stats.json"
    if not path.exists():
        return None
    st = read_json(path)
    if usable_rows(st)[reads] > 0:
        return None
    if reads == "best":
        return (
            f"no top-ranked answer to train on: of {st['prompts']} prompts, {st['skipped_all_tied']} all tied "
            f"({st['tied_correct']} all equal to the reference: preferences.keep_tied_correct keeps those), "
            f"{st['skipped_abstained']} abstained, {st['best_below_margin']} not above preferences.best_margin"
        )
    what = "rankings that separate two candidates" if reads == "lists" else "preference pairs"
    return (
        f"no usable {what}: of {st['prompts']} prompts, {st['skipped_all_tied']} all tied, "
        f"{st['skipped_abstained']} abstained, {st['skipped_margin']} under preferences.min_margin"
    )
