"""Prompt sets from jsonl / csv / parquet files or saved HF dataset directories, as chat messages.

Text from data files is data, never markup: chat-template control tokens in it (``<|im_end|>``, ``</s>``,
``[INST]``, ...) are broken with an invisible character so the tokenizer cannot read them as turn markers.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import progress
from .errors import UserError

if TYPE_CHECKING:
    from .sections import DataSettings

# Prompt fields evaluation breaks its metrics down by (eval.json), when the data has them (a list value counts in
# each of its groups; an empty list is the group "none", e.g. items with no injected error).
GROUP_FIELDS = ("lang", "errors")


class DataError(UserError, ValueError):
    """A prompt file that cannot be used; the message names the file and what is wrong."""


@dataclass
class Prompt:
    prompt_id: str
    input: str  # the input field as the prompt shows it (a list: its items joined by ", ")
    messages: list[dict[str, str]]
    reference: str | None
    # fields evaluation breaks its metrics down by (GROUP_FIELDS), when the row has them
    meta: dict[str, Any] = field(default_factory=dict)
    # the row's own fields but its id, reference and rationale (they have theirs), input included as the row holds
    # it (a list stays a list): judges read them from candidates.jsonl, metrics from the prediction rows
    fields: dict[str, Any] = field(default_factory=dict)
    # how the answer is reached (data.rationale_field), for training with rationales; None when the row has none
    rationale: str | None = None


class PromptList(list):
    """Prompts, and ``dropped``: how many rows were left out and why (too long, ...)."""

    dropped: dict[str, int]


# Control tokens of common chat templates and tokenizers. ``<|...|>`` covers ChatML (Qwen, SmolLM, Phi),
# Llama 3 and GPT; the list covers Llama 2 / Mistral, Gemma and the StarCoder-style added tokens of SmolLM2.
_CONTROL = re.compile(
    r"<\|[^<>|\s]{1,64}\|>"
    r"|</?s>|\[/?INST\]|<</?SYS>>|<(?:start|end)_of_turn>|<(?:bos|eos|pad|unk|mask)>"
    r"|<(?:repo_?name|file_?sep|filename|gh_stars|issue_(?:start|comment|closed)|empty_output"
    r"|jupyter_(?:start|text|code|output|script)|fim_(?:prefix|middle|suffix|pad))>"
)
_JOINER = "\u2060"  # WORD JOINER: invisible, and no tokenizer's control token contains it


def neutralise(text: str) -> str:
    """``text`` with every chat-template control token broken (a word joiner after its first character)."""
    return _CONTROL.sub(lambda m: m.group(0)[0] + _JOINER + m.group(0)[1:], text)


def neutralise_value(value: Any) -> Any:
    """A row's field with every string in it neutralised (inside lists and dicts too)."""
    if isinstance(value, str):
        return neutralise(value)
    if isinstance(value, list | tuple):
        return [neutralise_value(v) for v in value]
    if isinstance(value, dict):
        return {k: neutralise_value(v) for k, v in value.items()}
    return value


def render_input(value: Any) -> str:
    """The input field as the prompt shows it: a list (e.g. concepts) joined by ", ", anything else as text."""
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


def _decode(path: Path, data: bytes) -> str:
    """UTF-8 text without a byte-order mark; an error names the file and line of the first bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise DataError(
            f"{path}:{line}: not UTF-8 text (byte 0x{data[e.start]:02x}); re-save the file as UTF-8"
        ) from None


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
        for n, line in enumerate(_decode(path, path.read_bytes()).splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as e:
                raise DataError(f"{path}:{n}: not valid JSON ({e.msg})") from None
            if not isinstance(row, dict):
                raise DataError(f"{path}:{n}: expected a JSON object, got {type(row).__name__}")
            rows.append(row)
        return rows
    if suffix == ".json":
        try:
            rows = json.loads(_decode(path, path.read_bytes()))
        except json.JSONDecodeError as e:
            raise DataError(f"{path}:{e.lineno}: not valid JSON ({e.msg})") from None
        if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
            raise DataError(f"{path}: expected a JSON list of objects")
        return rows
    if suffix == ".csv":
        import csv
        import io

        return list(csv.DictReader(io.StringIO(_decode(path, path.read_bytes()), newline="")))
    if suffix == ".parquet":
        from datasets import Dataset

        return Dataset.from_parquet(str(path)).to_list()
    raise DataError(
        f"{path}: unknown format '{suffix}' (use .jsonl, .json, .csv, .parquet or a saved HF dataset dir)"
    )


def build_messages(settings: DataSettings, text: str, prefix: str = "") -> list[dict[str, str]]:
    """The chat messages of one input: the system prompt, then the user message (``prefix``, a task prefix such as
    ``predict: ``, before the user template's text)."""
    messages = []
    if settings.system_prompt:
        messages.append({"role": "system", "content": settings.system_prompt})
    # replace, not str.format: inputs may contain braces
    content = settings.user_template.replace("{input}", neutralise(text))
    messages.append({"role": "user", "content": prefix + content})
    return messages


def estimated_tokens(text: str) -> int:
    """A tokenizer-free length estimate (about 4 bytes a token for BPE vocabularies on English text)."""
    return (len(text.encode("utf-8")) + 3) // 4


def load_prompts(
    path: str | Path,
    settings: DataSettings,
    max_prompts: int | None = None,
    shuffle_seed: int | None = None,
    need_reference: bool = False,
    prefix: str = "",
) -> PromptList:
    """Read a prompt file into chat-templated Prompts; missing fields are errors naming the file and field.

    Inputs over ``data.max_input_tokens`` are skipped with a warning; the returned list's ``dropped`` counts them.
    ``prefix`` goes before every user message (the label task's prefix when the run trains with rationales).
    """
    path = Path(path)
    if not path.exists():
        raise DataError(f"{path}: no such file or directory")
    rows = _read_rows(path)
    if not rows:
        raise DataError(f"{path}: no rows")
    prompts = []
    too_long = 0
    for n, row in enumerate(rows):
        if settings.input_field not in row:
            raise DataError(
                f"{path}: row {n} has no field '{settings.input_field}' (data.input_field); fields: {sorted(row)}"
            )
        ref = None
        if settings.reference_field:
            if settings.reference_field in row and row[settings.reference_field] is not None:
                ref = neutralise(str(row[settings.reference_field]))
            elif need_reference:
                raise DataError(
                    f"{path}: row {n} has no field '{settings.reference_field}' (data.reference_field)"
                )
        pid = (
            str(row[settings.id_field])
            if settings.id_field and row.get(settings.id_field) is not None
            else f"row-{n:06d}"
        )
        text = render_input(row[settings.input_field])
        if settings.max_input_tokens and estimated_tokens(text) > settings.max_input_tokens:
            too_long += 1
            continue
        raw = row.get(settings.rationale_field) if settings.rationale_field else None
        rationale = (neutralise(str(raw)).strip() or None) if raw is not None else None  # "" is none
        meta = {k: row[k] for k in GROUP_FIELDS if row.get(k) is not None}
        own = {settings.id_field, settings.reference_field, settings.rationale_field}
        fields = {k: neutralise_value(v) for k, v in row.items() if k not in own}
        prompts.append(Prompt(pid, text, build_messages(settings, text, prefix), ref, meta, fields, rationale))
    if settings.id_field and settings.id_field not in rows[0]:
        progress.log(f"warning: {path}: no field '{settings.id_field}' (data.id_field); ids are row numbers")
    if len({p.prompt_id for p in prompts}) != len(prompts):
        raise DataError(
            f"{path}: ids in field '{settings.id_field}' are not unique (set data.id_field: null to use row numbers)"
        )
    if too_long:
        progress.log(
            f"warning: {path}: skipped {too_long} of {len(rows)} inputs longer than data.max_input_tokens "
            f"{settings.max_input_tokens}"
        )
    if not prompts:
        raise DataError(f"{path}: every input is longer than data.max_input_tokens {settings.max_input_tokens}")
    seen: dict[str, str] = {}
    duplicates = 0
    for p in prompts:
        duplicates += seen.setdefault(p.input, p.prompt_id) != p.prompt_id
    if duplicates:
        progress.log(f"warning: {path}: {duplicates} inputs repeat an earlier one under another id")
    if shuffle_seed is not None:
        random.Random(shuffle_seed).shuffle(prompts)
    out = PromptList(prompts[:max_prompts] if max_prompts else prompts)
    out.dropped = {"too_long": too_long, "duplicate_inputs": duplicates}
    return out
