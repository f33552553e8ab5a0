"""The run directory: where every stage's files live, and which stages are complete.

A stage is complete when its final output exists; outputs are only ever renamed into place when whole
(see records.py), so existence is enough and no separate state file can disagree with the files.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from .errors import RunLocked, UserError
from .records import atomic_write_json, read_json


@dataclasses.dataclass(frozen=True)
class Stage:
    """One stage of a round: ``function(run, round, recipe)`` reads the files of the stage before and writes its
    own ``output`` (a file, or a directory completed by its ``marker`` file)."""

    name: str
    function: str  # "module:function", imported when the stage runs
    output: Callable[[RunDir, int], Path]
    column: str  # the summary table's seconds column it counts in
    candidates: bool  # only rounds that learn from judged candidates run it (sft, grpo and ppo rounds skip it)
    marker: str | None = None  # the file inside the output directory whose existence marks it complete
    from_previous_student: bool = False  # starts from the student as the round before left it
    leftovers: tuple[str, ...] = ()  # its other files in the round directory (globs): partial output, checkpoints

    def done_path(self, run: RunDir, r: int) -> Path:
        out = self.output(run, r)
        return out / self.marker if self.marker else out


# The one list of stages, in the order a round runs them.
STAGES = (
    Stage(
        "generate",
        "rankdistill.generation:generate_stage",
        lambda run, r: run.candidates(r),
        "gen",
        True,
        from_previous_student=True,
        leftovers=("candidates.partial.jsonl",),
    ),
    Stage(
        "judge",
        "rankdistill.judging:judge_stage",
        lambda run, r: run.rankings(r),
        "judge",
        True,
        leftovers=("rankings.partial.jsonl",),
    ),
    Stage(
        "prefs",
        "rankdistill.preferences:prefs_stage",
        lambda run, r: run.prefs(r),
        "judge",
        True,
        "stats.json",
    ),
    Stage(
        "train",
        "rankdistill.train:train_stage",
        lambda run, r: run.adapter(r),
        "train",
        False,
        "adapter_config.json",
        from_previous_student=True,
        leftovers=("checkpoints", ".adapter-*"),
    ),
    Stage(
        "eval",
        "rankdistill.evaluate:eval_stage",
        lambda run, r: run.eval_json(r),
        "eval",
        False,
        leftovers=("predictions.jsonl", "predictions.partial.jsonl", "eval-*"),
    ),
)
STAGE_NAMES = tuple(s.name for s in STAGES)


def stage(name: str) -> Stage:
    """The stage called ``name``."""
    return STAGES[STAGE_NAMES.index(name)]


def is_main_process() -> bool:
    """True unless this is a non-zero rank under ``accelerate launch`` / torchrun (which set RANK): only the main
    process writes files, records times and draws progress."""
    return os.environ.get("RANK", "0") == "0"


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

    @property
    def data_stats_path(self) -> Path:
        """Prompts used and dropped (too long, duplicate inputs) when the data was read."""
        return self.root / "data_stats.json"

    def candidates(self, r: int) -> Path:
        return self.round_dir(r) / "candidates.jsonl"

    def draws(self, r: int) -> Path:
        """Dynamic sampling's record (preferences.skip_tied): prompts drawn, kept with signal, the limit."""
        return self.round_dir(r) / "draw.json"

    def rankings(self, r: int) -> Path:
        return self.round_dir(r) / "rankings.jsonl"

    def prefs(self, r: int) -> Path:
        return self.round_dir(r) / "prefs"

    def adapter(self, r: int) -> Path:
        return self.round_dir(r) / "adapter"

    def student(self, r: int) -> Path | None:
        """The adapter of the student as it stands after round ``r`` (None: the untrained student, r = 0): what
        round r + 1 samples from and trains further, and what round r evaluates."""
        return self.adapter(r) if r > 0 else None

    def checkpoints(self, r: int) -> Path:
        return self.round_dir(r) / "checkpoints"

    def eval_json(self, r: int) -> Path:
        return self.round_dir(r) / "eval.json"

    def predictions(self, r: int) -> Path:
        return self.round_dir(r) / "predictions.jsonl"

    def output(self, name: str, r: int) -> Path:
        """The file or directory whose existence marks stage ``name`` of round ``r`` complete."""
        return stage(name).done_path(self, r)

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

    def made_from(self, stage: str, r: int) -> list[Path]:
        """What was made from ``stage`` of round ``r``, itself included: the outputs and leftovers (partial
        files, checkpoints, predictions) of that stage and the later ones of the round, and every later round
        (each starts from this round's student)."""
        out = []
        for later in STAGES[STAGE_NAMES.index(stage) :]:
            out.append(later.output(self, r))
            out += sorted(p for pattern in later.leftovers for p in self.round_dir(r).glob(pattern))
        out += [self.round_dir(q) for q in self.rounds() if q > r]
        return [p for p in dict.fromkeys(out) if p.exists()]

    @contextlib.contextmanager
    def set_aside(self, stage: str, r: int) -> Iterator[None]:
        """Redo ``stage`` of round ``r``: what was made from it (``made_from``) is moved aside, deleted once the
        block succeeds, and put back if it fails, so a --force never loses what it could not replace nor keeps
        anything stale. One line says what it removes."""
        from . import progress

        aside = self.root / f".set-aside-{os.getpid()}"
        made = self.made_from(stage, r)
        if made:
            names = [str(p.relative_to(self.root)) for p in made]
            progress.log(f"{stage} --force on round {r} removes what was made from it: {', '.join(names)}")
        moved = []
        for n, target in enumerate(made):
            aside.mkdir(parents=True, exist_ok=True)
            os.replace(target, aside / str(n))
            moved.append(target)
        try:
            yield
        except BaseException:
            for n, target in enumerate(moved):
                if target.exists():  # a half-made new output (e.g. a partial directory) yields to the old one
                    shutil.rmtree(target) if target.is_dir() else target.unlink()
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(aside / str(n), target)
            raise
        finally:
            shutil.rmtree(aside, ignore_errors=True)

    @property
    def lock_path(self) -> Path:
        return self.root / ".lock"

    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        """Hold the run's writer lock; another process holding it makes this raise RunLocked at once.

        An flock on RUN/.lock: the kernel drops it when the holder exits or is killed, so a kill -9 needs no
        clean-up. Re-entrant within a process (iterate holds it while its stages run).
        """
        key = str(self.root.resolve())
        if key in _HELD:
            _HELD[key] += 1
            try:
                yield
            finally:
                _HELD[key] -= 1
            return
        import fcntl

        try:
            self.root.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        except PermissionError as e:
            raise UserError(
                f"{self.root}: cannot write here ({e.strerror}); `summary`, `ledger` and `eval` of a finished "
                "round read a run without writing, other commands need a writable run directory"
            ) from None
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = os.pread(fd, 64, 0).decode(errors="replace").strip() or "unknown"
                raise RunLocked(
                    f"{self.root} is being written by another rankdistill process (pid {holder}); wait for it to "
                    "finish or stop it, or use another run directory"
                ) from None
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
            _HELD[key] = 1
            try:
                yield
            finally:
                del _HELD[key]
        finally:
            os.close(fd)  # releases the flock


_HELD: dict[str, int] = {}  # run directories whose lock this process holds, and how deeply


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
