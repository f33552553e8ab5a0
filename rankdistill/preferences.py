"""Preferences stage: rankings -> the prefs datasets of shapes.SHAPES (pairs, lists, best) in round-NN/prefs/,
each built with the settings of the algorithm that reads it, and prefs/stats.json with their counts.
"""

from __future__ import annotations

import tempfile
from typing import TYPE_CHECKING, Any

from .records import CandidateSet, Ranking, atomic_write_json, read_json, read_jsonl, replace_dir
from .rundir import RunDir
from .shapes import SHAPES, Shape

if TYPE_CHECKING:
    from .recipe import Recipe


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


def shape_settings(recipe: Recipe, round_idx: int, shape: Shape) -> Any:
    """The settings ``shape`` is built with in round ``round_idx``: the section of the round's algorithm when it
    reads the shape, else of the shape's owner (prefs/best in a dpo round: raft's, as the recipe sets it; compare
    trains raft on those); None for a shape without settings."""
    from .train import ALGORITHMS, algorithm_for_round

    if shape.settings is None:
        return None
    name = algorithm_for_round(recipe, round_idx)
    if ALGORITHMS.get(name).reads != shape.name:
        name = shape.owner
    own = getattr(recipe.train.per_algorithm, name, None) if name else None
    return own if isinstance(own, shape.settings) else shape.settings()


def prefs_stage(run: RunDir, round_idx: int, recipe: Recipe) -> dict[str, Any]:
    """Write every shape's dataset and prefs/stats.json (the completion marker) atomically, and print the round's
    signal (can ranking teach anything?) before training starts."""
    from datasets import Dataset

    from . import progress
    from .headroom import signal_line, signal_stats, signal_warning

    items = [CandidateSet.from_dict(d) for d in read_jsonl(run.candidates(round_idx))]
    rankings = [Ranking.from_dict(d) for d in read_jsonl(run.rankings(round_idx))]
    final = run.prefs(round_idx)
    final.parent.mkdir(parents=True, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix=".prefs-", dir=final.parent)
    stats: dict[str, Any] = {}
    for shape in SHAPES.values():
        rows, counts = shape.build(items, rankings, recipe.preferences, shape_settings(recipe, round_idx, shape))
        stats.update(counts)
        data = Dataset.from_list(rows) if rows else Dataset.from_dict({c: [] for c in shape.columns})
        data.save_to_disk(f"{tmp}/{shape.name}")
    stats["signal"] = _with_draws(run, round_idx, signal_stats(items, rankings))
    atomic_write_json(f"{tmp}/stats.json", stats)
    replace_dir(tmp, final)
    progress.log(signal_line(round_idx, stats["signal"]))
    warning = signal_warning(round_idx, stats["signal"])
    if warning:
        progress.log(warning)
    return stats
