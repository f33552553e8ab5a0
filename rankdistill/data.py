"""Prompt sets from jsonl / csv / parquet files or saved HF dataset directories, as chat messages."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import UserError
from .recipe import DataSettings


class DataError(UserError, ValueError):
    """A prompt file that cannot be used; the message names the file and what is wrong."""


@dataclass
class Prompt:
    prompt_id: str
    input: str
    messages: list[dict[str, str]]
    reference: str | None


def _read_rows(path: Path) -> list[dict[str, Any]]:
    if path.is_dir():
        from datasets import DatasetDict, load_from_disk

        ds = load_from_disk(str(path))
        if isinstance(ds, DatasetDict):  # a saved DatasetDict: take its only (or 'train') split
            ds = ds["train"] if "train" in ds else next(iter(ds.values()))
        return ds.to_list()
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        rows = []
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError as e:
                    raise DataError(f"{path}:{n}: not valid JSON ({e.msg})") from None
        return rows
    if suffix == ".json":
        rows = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(rows, list):
            raise DataError(f"{path}: expected a JSON list of objects")
        return rows
    if suffix == ".csv":
        import csv

        with open(path, encoding="utf-8", newline="") as f:
            return list(csv.DictReader(f))
    if suffix == ".parquet":
        from datasets import Dataset

        return Dataset.from_parquet(str(path)).to_list()
    raise DataError(
        f"{path}: unknown format '{suffix}' (use .jsonl, .json, .csv, .parquet or a saved HF dataset dir)"
    )


def build_messages(settings: DataSettings, text: str) -> list[dict[str, str]]:
    messages = []
    if settings.system_prompt:
        messages.append({"role": "system", "content": settings.system_prompt})
    # replace, not str.format: inputs may contain braces
    messages.append({"role": "user", "content": settings.user_template.replace("{input}", text)})
    return messages


def load_prompts(
    path: str | Path,
    settings: DataSettings,
    max_prompts: int | None = None,
    shuffle_seed: int | None = None,
    need_reference: bool = False,
) -> list[Prompt]:
    """Read a prompt file into chat-templated Prompts; missing fields are errors naming the file and field."""
    path = Path(path)
    if not path.exists():
        raise DataError(f"{path}: no such file or directory")
    rows = _read_rows(path)
    if not rows:
        raise DataError(f"{path}: no rows")
    prompts = []
    for n, row in enumerate(rows):
        if settings.input_field not in row:
            raise DataError(
                f"{path}: row {n} has no field '{settings.input_field}' (data.input_field); fields: {sorted(row)}"
            )
        ref = None
        if settings.reference_field:
            if settings.reference_field in row and row[settings.reference_field] is not None:
                ref = str(row[settings.reference_field])
            elif need_reference:
                raise DataError(
                    f"{path}: row {n} has no field '{settings.reference_field}' (data.reference_field)"
                )
        pid = (
            str(row[settings.id_field])
            if settings.id_field and row.get(settings.id_field) is not None
            else f"row-{n:06d}"
        )
        text = str(row[settings.input_field])
        prompts.append(Prompt(pid, text, build_messages(settings, text), ref))
    if len({p.prompt_id for p in prompts}) != len(prompts):
        raise DataError(
            f"{path}: ids in field '{settings.id_field}' are not unique (set data.id_field: null to use row numbers)"
        )
    if shuffle_seed is not None:
        random.Random(shuffle_seed).shuffle(prompts)
    return prompts[:max_prompts] if max_prompts else prompts
