"""Reward-ranked fine-tuning (RAFT, Dong et al., 2023; ReST-EM, Singh et al., 2023): SFT on each prompt's
top-ranked candidate, with ``trl.SFTTrainer`` (the trainer of train/sft.py) on the LoRA student.

The prefs stage picks the rows (``prefs/best``, preferences.best_rows): a prompt's best answer when the judge
ranks it above every *different* answer by more than ``preferences.best_margin``, and, with
``preferences.keep_tied_correct``, the prompts whose candidates all equal the reference. The loss is RRHF's
L_ft alone, cross-entropy on the answer's tokens (end-of-turn included):

    L = −(1/N) Σ_rows Σ_t log π(y*_t | x, y*_<t)      (N: answer tokens in the batch)

There is no negative gradient: unlike DPO it cannot learn "change the sentence" from rankings where copying a
wrong input is rejected more often than copying a correct one is chosen; a prompt the student already answers
right (all samples tied on the reference) is a "keep answering this" example only with keep_tied_correct.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from . import common

if TYPE_CHECKING:  # the recipe schema imports this module: no runtime import of it
    from ..recipe import Recipe


def check_args(recipe: Recipe) -> None:
    """Pass-through keys must be trl.SFTConfig fields the recipe does not already set."""
    from trl import SFTConfig

    from .sft import config_kwargs

    base = config_kwargs(recipe, Path("checkpoints"), False)
    common.check_config_args(SFTConfig, recipe.train.args, "raft", common.OWNED, base)


def train_raft(
    recipe: Recipe,
    best_dir: Path,
    adapter_out: Path,
    checkpoints: Path,
    previous_adapter: Path | None,
    label: str = "train",
) -> dict:
    """Train one round of SFT on ``prefs/best``; writes the adapter and returns the loss history."""
    from datasets import load_from_disk

    from .sft import train_on_rows

    check_args(recipe)
    if not best_dir.exists():
        raise RuntimeError(
            f"{best_dir} is missing (this round's prefs were built before raft existed); rebuild them: "
            f"rankdistill prefs RUN_DIR --round N --force"
        )
    rows = load_from_disk(str(best_dir)).select_columns(["prompt", "completion"]).to_list()
    if not rows:
        raise RuntimeError(f"{best_dir}: no prompt's top-ranked answer cleared preferences.best_margin")
    result = train_on_rows(recipe, rows, adapter_out, checkpoints, previous_adapter, label)
    return {"history": result["history"], "examples": len(rows)}


def train(
    recipe: Recipe,
    data: Path | None,
    adapter_out: Path,
    checkpoints: Path,
    previous_adapter: Path | None,
    label: str = "train",
) -> dict:
    """The dispatch table's entry point (train/__init__.py): ``data`` is prefs/best."""
    return train_raft(recipe, data, adapter_out, checkpoints, previous_adapter, label)
