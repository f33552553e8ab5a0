"""The run directory: where every stage's files live, and which stages are complete.

A stage is complete when its final output exists; outputs are only ever renamed into place when whole
(see records.py), so existence is enough and no separate state file can disagree with the files.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from .records import atomic_write_json, read_json

STAGES = ("generate", "judge", "prefs", "train", "eval")


class RunDir:
    def __init__(self, root: str | Path):
        self.root = Path(root)

    def round_dir(self, r: int) -> Path:
        return self.root / f"round-{r:02d}"

    @property
    def recipe_path(self) -> Path:
        return self.root / "recipe.yaml"

    @property
    def manifest_path(self) -> Path:
        return self.root / "manifest.json"

    def candidates(self, r: int) -> Path:
        return self.round_dir(r) / "candidates.jsonl"

    def rankings(self, r: int) -> Path:
        return self.round_dir(r) / "rankings.jsonl"

    def prefs(self, r: int) -> Path:
        return self.round_dir(r) / "prefs"

    def adapter(self, r: int) -> Path:
        return self.round_dir(r) / "adapter"

    def checkpoints(self, r: int) -> Path:
        return self.round_dir(r) / "checkpoints"

    def eval_json(self, r: int) -> Path:
        return self.round_dir(r) / "eval.json"

    def predictions(self, r: int) -> Path:
        return self.round_dir(r) / "predictions.jsonl"

    def output(self, stage: str, r: int) -> Path:
        """The file or directory whose existence marks ``stage`` of round ``r`` complete."""
        return {
            "generate": self.candidates,
            "judge": self.rankings,
            "prefs": lambda r: self.prefs(r) / "stats.json",
            "train": lambda r: self.adapter(r) / "adapter_config.json",
            "eval": self.eval_json,
        }[stage](r)

    def is_done(self, stage: str, r: int) -> bool:
        return self.output(stage, r).exists()

    def rounds(self) -> list[int]:
        """Round numbers that have a directory, in order."""
        return sorted(int(p.name.split("-")[1]) for p in self.root.glob("round-[0-9][0-9]") if p.is_dir())

    def last_trained_round(self) -> int:
        done = [r for r in self.rounds() if r > 0 and self.is_done("train", r)]
        return max(done, default=0)

    # Per-stage wall time, kept beside the outputs so the summary table survives restarts.
    def record_time(self, stage: str, r: int, seconds: float) -> None:
        path = self.round_dir(r) / "timings.json"
        timings = read_json(path) if path.exists() else {}
        timings[stage] = round(timings.get(stage, 0.0) + seconds, 2)
        atomic_write_json(path, timings)

    def timings(self, r: int) -> dict[str, float]:
        path = self.round_dir(r) / "timings.json"
        return read_json(path) if path.exists() else {}


class Timer:
    def __enter__(self) -> Timer:
        self.start = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        self.seconds = time.perf_counter() - self.start


def last_complete_checkpoint(folder: Path) -> Path | None:
    """The newest complete trainer checkpoint in ``folder``; incomplete ones (killed mid-save) are removed.

    transformers writes ``trainer_state.json`` last, so a checkpoint without it was cut off while saving.
    """
    complete = []
    for path in folder.glob("checkpoint-*"):
        if not path.name.removeprefix("checkpoint-").isdigit():
            continue
        if (path / "trainer_state.json").exists():
            complete.append(path)
        else:
            shutil.rmtree(path, ignore_errors=True)
    return max(complete, key=lambda p: int(p.name.removeprefix("checkpoint-")), default=None)
