"""Distilled SFT (Tunstall et al., 2023, Zephyr's dSFT): ``trl.SFTTrainer`` on the references of data.train.

The references are the teacher's pseudo-labels; the loss is cross-entropy on the answer tokens only (TRL's
prompt-completion format). A round trained with SFT needs no candidates or rankings, so the loop skips its
generate, judge and prefs stages.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import progress
from . import common

if TYPE_CHECKING:  # the recipe schema imports this module: no runtime import of it
    from ..recipe import Recipe


def check_args(recipe: Recipe) -> None:
    """Pass-through keys must be trl.SFTConfig fields the recipe does not already set."""
    from trl import SFTConfig

    base = config_kwargs(recipe, Path("checkpoints"), False)
    common.check_config_args(SFTConfig, recipe.train.args, "sft", common.OWNED, base)


def config_kwargs(recipe: Recipe, output_dir: Path, use_bf16: bool) -> dict[str, Any]:
    """SFTConfig's settings from the recipe, before the pass-through train.args."""
    kwargs = common.base_config_kwargs(recipe, output_dir, use_bf16)
    kwargs.update(max_length=512, completion_only_loss=True)
    return kwargs


def sft_rows(recipe: Recipe) -> list[dict[str, Any]]:
    """Prompt-completion rows: the training prompts (as the generate stage picks them) and their references."""
    from ..generation import training_prompts

    rows = [
        {"prompt": p.messages, "completion": [{"role": "assistant", "content": p.reference}]}
        for p in training_prompts(recipe)
        if p.reference is not None
    ]
    if not rows:
        raise RuntimeError(f"{recipe.data.train}: sft needs references (data.reference_field) and found none")
    return rows


def train_sft(
    recipe: Recipe,
    adapter_out: Path,
    checkpoints: Path,
    previous_adapter: Path | None,
    label: str = "train",
) -> dict:
    """Train one round of SFT on the references; writes the adapter and returns the loss history."""
    check_args(recipe)
    return train_on_rows(recipe, sft_rows(recipe), adapter_out, checkpoints, previous_adapter, label)


def train_on_rows(
    recipe: Recipe,
    rows: list[dict[str, Any]],
    adapter_out: Path,
    checkpoints: Path,
    previous_adapter: Path | None,
    label: str = "train",
) -> dict:
    """``trl.SFTTrainer`` on prompt-completion ``rows`` (the loss on the completion's tokens only); shared with
    raft, which picks its rows from the round's rankings."""
    from datasets import Dataset
    from trl import SFTConfig, SFTTrainer

    common.score_labelled_positions_only()
    dataset = Dataset.from_list([{"prompt": r["prompt"], "completion": r["completion"]} for r in rows])
    model, tokenizer = common.load_trainable(recipe, previous_adapter)
    tokenizer.padding_side = "right"  # SFT pads on the right (no generation here)
    kwargs = config_kwargs(recipe, checkpoints, common.wants_bf16(recipe, model))
    kwargs.update(recipe.train.args)
    history: list[dict[str, float]] = []
    with progress.task(label, total=recipe.train.max_steps) as bar:
        trainer = SFTTrainer(
            model=model,
            args=SFTConfig(**kwargs),
            train_dataset=dataset,
            processing_class=tokenizer,
            callbacks=[common.progress_callback(bar, history)],
        )
        common.run_trainer(trainer, checkpoints, bar)
    common.save_adapter(trainer, adapter_out, history)
    return {"history": history, "examples": len(dataset)}


def train(
    recipe: Recipe,
    data: Path | None,
    adapter_out: Path,
    checkpoints: Path,
    previous_adapter: Path | None,
    label: str = "train",
) -> dict:
    """The dispatch table's entry point (train/__init__.py): ``data`` is None (the references)."""
    return train_sft(recipe, adapter_out, checkpoints, previous_adapter, label)
