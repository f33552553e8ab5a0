"""DPO (Rafailov et al., 2023) with ``trl.DPOTrainer`` on the LoRA (or QLoRA) student.

Round 1 wraps the base model in a fresh adapter, so the reference is the base with the adapter disabled (no
second model copy). From round 2 the previous round's adapter is trained further; its reference is either the
initial student (adapter disabled) or the previous round's policy (TRL's frozen copy of the adapter), as the
recipe's ``train.reference`` says.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import progress
from . import common

if TYPE_CHECKING:  # the recipe schema imports this module: no runtime import of it
    from ..recipe import Recipe

# Settings rankdistill fills from the recipe's typed fields; setting them again in train.args is ambiguous.
OWNED = {**common.OWNED, "beta": "train.beta"}


def check_args(recipe: Recipe) -> None:
    """Fail before any work if train.args names a field DPOConfig does not have, or a value it refuses."""
    from trl import DPOConfig

    base = config_kwargs(recipe, Path("checkpoints"), False)
    common.check_config_args(DPOConfig, recipe.train.args, "dpo", OWNED, base)


def config_kwargs(recipe: Recipe, output_dir: Path, use_bf16: bool) -> dict[str, Any]:
    """DPOConfig's settings from the recipe, before the pass-through train.args."""
    kwargs = common.base_config_kwargs(recipe, output_dir, use_bf16)
    kwargs.update(beta=recipe.train.beta, max_length=512)
    return kwargs


def make_config(recipe: Recipe, output_dir: Path, use_bf16: bool) -> Any:
    from trl import DPOConfig

    return DPOConfig(**{**config_kwargs(recipe, output_dir, use_bf16), **recipe.train.args})


def train_dpo(
    recipe: Recipe,
    pairs_dir: Path,
    adapter_out: Path,
    checkpoints: Path,
    previous_adapter: Path | None,
    label: str = "train",
) -> dict:
    """Train one round of DPO; writes the adapter to ``adapter_out`` and returns the loss history."""
    from datasets import load_from_disk
    from trl import DPOTrainer

    from ..models import load_policy, load_tokenizer, lora_config

    check_args(recipe)
    common.score_labelled_positions_only()
    dataset = load_from_disk(str(pairs_dir)).select_columns(["prompt", "chosen", "rejected"])
    if len(dataset) == 0:
        raise RuntimeError(
            f"{pairs_dir}: no preference pairs this round (every prompt's candidates tied); "
            "raise generation.temperature or generation.k, or lower preferences.min_margin"
        )
    tokenizer = load_tokenizer(recipe.student, padding_side="left")
    # TRL wraps the plain model in a fresh adapter itself in round 1 (peft_config), hence not load_trainable
    model = load_policy(recipe.student, previous_adapter, for_training=True)
    config = make_config(recipe, checkpoints, common.wants_bf16(recipe, model))
    history: list[dict[str, float]] = []
    with progress.task(label, total=recipe.train.max_steps) as bar:
        trainer = DPOTrainer(
            model=model,
            args=config,
            train_dataset=dataset,
            processing_class=tokenizer,
            peft_config=lora_config(recipe.student) if previous_adapter is None else None,
            callbacks=[common.progress_callback(bar, history)],
        )
        if previous_adapter is not None and recipe.train.reference == "initial":
            # TRL froze a copy of the previous adapter as "ref"; without it the reference is the adapter-free base.
            trainer.model.delete_adapter("ref")
        common.run_trainer(trainer, checkpoints, bar)
    common.save_adapter(trainer, adapter_out, history)
    return {"history": history, "pairs": len(dataset)}


def train(
    recipe: Recipe,
    data: Path | None,
    adapter_out: Path,
    checkpoints: Path,
    previous_adapter: Path | None,
    label: str = "train",
) -> dict:
    """The dispatch table's entry point (train/__init__.py): ``data`` is prefs/pairs."""
    return train_dpo(recipe, data, adapter_out, checkpoints, previous_adapter, label)
