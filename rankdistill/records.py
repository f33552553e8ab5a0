"""Records passed between stages, and the file helpers that keep them crash-safe.

Every finished file is written under a temporary name and renamed into place, so a file that exists is
complete. Long stages append to a ``*.partial.jsonl`` file as they go and rename it when done; a resumed stage
reads the partial file back and skips what is already there.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class Completion:
    text: str
    num_tokens: int
    finish_reason: str  # "stop" (end of sequence) or "length" (hit max_new_tokens)
    # "student" (a sample), "greedy" (generation.greedy), "reference" / "teacher" (generation.sources);
    # judges never see it
    source: str = "student"


@dataclass
class CandidateSet:
    """One prompt and its candidates: the k the student sampled, its greedy answer, then any from other sources."""

    prompt_id: str
    messages: list[dict[str, str]]
    candidates: list[Completion]
    reference: str | None = None
    # the data row's own fields (data.Prompt.fields: e.g. concepts, lang), for judges that read them
    fields: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> CandidateSet:
        return cls(
            prompt_id=d["prompt_id"],
            messages=d["messages"],
            candidates=[Completion(**c) for c in d["candidates"]],
            reference=d.get("reference"),
            fields=d.get("fields") or {},  # (files written before fields were carried have none)
        )


@dataclass
class Ranking:
    """A judge's verdict on the candidates of one prompt.

    ``order`` lists candidate indices best first; ``ties`` lists groups of indices the judge could not
    separate (equal scores); ``scores`` is indexed like the candidates (NaN where the judge abstained).
    """

    prompt_id: str
    order: list[int]
    scores: list[float]
    ties: list[list[int]] = field(default_factory=list)
    judge: str = ""
    abstained: bool = False
    consistent: bool = True
    passed: list[bool] | None = None  # per candidate: passes the judge's pass/fail criterion (None: the judge has none)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Ranking:
        return cls(**d)


def to_dict(record: Any) -> dict[str, Any]:
    return asdict(record)


def atomic_write_text(path: Path, text: str) -> None:
    """Write text so that ``path`` either has the old content or all of the new."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def atomic_write_json(path: Path, obj: Any) -> None:
    atomic_write_text(path, json.dumps(obj, indent=2, ensure_ascii=False) + "\n")


def read_json(path: Path) -> Any:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def write_jsonl(path: Path, rows: Iterable[dict[str, Any]]) -> None:
    atomic_write_text(path, "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


class PartialJsonl:
    """Append-as-you-go output of a long stage; ``finish()`` renames it to the final name.

    Rows already in the partial file (from an interrupted run) are available as ``done``. A torn last line
    (killed mid-write) is dropped.
    """

    def __init__(self, final_path: Path, key: str):
        self.final_path = Path(final_path)
        self.partial_path = self.final_path.with_name(self.final_path.stem + ".partial.jsonl")
        self.key = key
        self.rows: list[dict[str, Any]] = []
        if self.partial_path.exists():
            good = []
            for line in self.partial_path.read_text(encoding="utf-8").splitlines():
                try:
                    good.append(json.loads(line))
                except json.JSONDecodeError:
                    break  # torn write at the end: everything after it is redone
            self.rows = good
            write_jsonl(self.partial_path, good)  # drop the torn tail before appending
        elif self.final_path.exists():  # finished earlier; a later step of the stage was interrupted
            self.rows = list(read_jsonl(self.final_path))
        self.done = {r[key] for r in self.rows}

    def append(self, rows: list[dict[str, Any]]) -> None:
        self.partial_path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.partial_path, "a", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
            f.flush()
            os.fsync(f.fileno())
        self.rows.extend(rows)
        self.done.update(r[self.key] for r in rows)

    def finish(self, order: list[str]) -> list[dict[str, Any]]:
        """Write the final file with rows in ``order`` (by key) and remove the partial file."""
        by_key = {r[self.key]: r for r in self.rows}
        rows = [by_key[k] for k in order]
        write_jsonl(self.final_path, rows)
        self.partial_path.unlink(missing_ok=True)
        return rows


def replace_dir(tmp_dir: Path, final_dir: Path) -> None:
    """Move a fully written directory into place (replacing any older one)."""
    final_dir = Path(final_dir)
    if final_dir.exists():
        shutil.rmtree(final_dir)
    os.replace(tmp_dir, final_dir)
