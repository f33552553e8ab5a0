"""Listwise DPO: the Plackett-Luce form of DPO over a prompt's whole ranking (Rafailov et al., 2023, app. A.3).

DPO learns from pairs; the judge ranks all k candidates, and splitting a ranking into pairs loses how the pairs
hang together. With implicit rewards r_i = β (log π(y_i|x) − log π_ref(y_i|x)) (summed sequence log-probs) and
the ranking τ (best first), the loss is the Plackett-Luce negative log-likelihood

    L = − Σ_{k=1}^{K} log [ exp(r_τ(k)) / Σ_{j=k}^{K} exp(r_τ(j)) ]          (losses.plackett_luce_loss)

which at K = 2 is DPO's sigmoid loss. Abstained candidates (NaN scores) are left out; tied candidates never
share a denominator (a tie says nothing about their order). Each step takes B prompts from ``prefs/lists`` and
puts all K candidates of each through the policy in one padded batch of B·K sequences, as RRHF does, and once
more without gradients through the reference: the base with the adapter disabled (no second model copy), or,
from round 2 with ``train.reference: previous``, the previous round's adapter loaded frozen beside the trained
one. A ``transformers.Trainer`` with its own loss: checkpoints, resume and ``accelerate launch`` come from it.
"""

from __future__ import annotations

import dataclasses
import math
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from transformers import Trainer, TrainingArguments  # this module is only imported to train

from .. import progress
from . import common
from .rrhf import DEFAULT_MAX_LENGTH, encode_lists

if TYPE_CHECKING:  # the recipe schema imports this module: no runtime import of it
    from ..recipe import Recipe


@dataclasses.dataclass
class ListwiseDPOConfig(TrainingArguments):
    """TrainingArguments plus listwise DPO's own settings (module level: checkpoints pickle it)."""

    beta: float = 0.1
    max_length: int = DEFAULT_MAX_LENGTH


OWNED = {**common.OWNED, "beta": "train.beta"}
REF_ADAPTER = "ref"  # the previous round's adapter, frozen, when train.reference is 'previous'


def check_args(recipe: Recipe) -> None:
    """Pass-through keys must be TrainingArguments fields (or max_length)."""
    base = common.config_base(recipe)
    common.check_config_args(ListwiseDPOConfig, recipe.train.args, "dpo_listwise", OWNED, base)


def sequence_logps(model: Any, batch: dict[str, Any]) -> Any:
    """log π(y_i|x) (summed over completion tokens) of every candidate, shaped [B, K]: one forward pass."""
    from .losses import summed_completion_logps

    batch = common.on_device(batch, common.model_device(model))
    logits = model(input_ids=batch["input_ids"], attention_mask=batch["attention_mask"]).logits
    return summed_completion_logps(logits, batch["labels"]).view(batch["scores"].shape)


def reference_logps(model: Any, batch: dict[str, Any]) -> Any:
    """log π_ref(y_i|x), [B, K], without gradients: the frozen 'ref' adapter if loaded, else no adapter."""
    import torch

    with torch.no_grad():
        if REF_ADAPTER in model.peft_config:
            active = model.active_adapter
            model.set_adapter(REF_ADAPTER, inference_mode=True)
            try:
                return sequence_logps(model, batch)
            finally:
                model.set_adapter(active)  # also makes the trained adapter trainable again
        with model.disable_adapter():
            return sequence_logps(model, batch)


def ranking_accuracy(rewards: Any, scores: Any) -> Any:
    """Share of the strictly ordered, scored pairs whose implicit rewards agree with the judge."""
    scores = scores.to(rewards.device)
    better = scores.unsqueeze(2) > scores.unsqueeze(1)  # NaN compares False
    agree = (rewards.unsqueeze(2) > rewards.unsqueeze(1)) & better
    return agree.sum() / better.sum().clamp(min=1)


class ListwiseDPOTrainer(Trainer):
    """``transformers.Trainer`` with the Plackett-Luce loss; logs the ranking accuracy of the implicit rewards."""

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._parts: dict[str, list[float]] = defaultdict(list)

    def compute_loss(self, model, inputs, return_outputs=False, num_items_in_batch=None):  # noqa: ANN001
        from .losses import plackett_luce_loss

        ref = reference_logps(self.model, inputs)  # the unwrapped PeftModel: DDP has no disable_adapter
        policy = sequence_logps(model, inputs)
        loss = plackett_luce_loss(policy, ref, inputs["scores"], self.args.beta)
        rewards = self.args.beta * (policy.detach() - ref)
        self._parts["ranking_accuracy"].append(float(ranking_accuracy(rewards, inputs["scores"])))
        return (loss, {"rewards": rewards}) if return_outputs else loss

    def log(self, logs: dict[str, float], *args: Any, **kwargs: Any) -> None:
        for key, values in self._parts.items():
            if values:
                logs[key] = sum(values) / len(values)
        self._parts.clear()
        super().log(logs, *args, **kwargs)


def train_dpo_listwise(
    recipe: Recipe,
    lists_dir: Path,
    adapter_out: Path,
    checkpoints: Path,
    previous_adapter: Path | None,
    label: str = "train",
) -> dict:
    """Train one round of listwise DPO on ``prefs/lists``; writes the adapter and returns the loss history."""
    from datasets import load_from_disk

    args = dict(recipe.train.args)
    check_args(recipe)
    dataset = load_from_disk(str(lists_dir)).select_columns(["prompt", "completions", "scores"])
    # only a prompt with two scored candidates ranks anything
    dataset = dataset.filter(lambda r: sum(not _is_nan(s) for s in r["scores"]) >= 2, keep_in_memory=True)
    if len(dataset) == 0:
        raise RuntimeError(f"{lists_dir}: no prompt has two scored candidates this round")
    model, tokenizer = common.load_trainable(recipe, previous_adapter)
    if previous_adapter is not None and recipe.train.reference == "previous":
        model.load_adapter(str(previous_adapter), adapter_name=REF_ADAPTER, is_trainable=False)
        model.set_adapter("default")
    max_length = args.pop("max_length", DEFAULT_MAX_LENGTH)
    kwargs = common.base_config_kwargs(recipe, checkpoints, common.wants_bf16(recipe, model))
    kwargs.update(
        beta=recipe.train.beta,
        max_length=max_length,
        remove_unused_columns=False,  # the collator reads prompt / completions / scores
    )
    kwargs.update(args)
    config = ListwiseDPOConfig(**kwargs)
    history: list[dict[str, float]] = []
    with progress.task(label, total=recipe.train.max_steps) as bar:
        trainer = ListwiseDPOTrainer(
            model=model,
            args=config,
            train_dataset=dataset,
            data_collator=lambda rows: encode_lists(tokenizer, rows, max_length),
            processing_class=tokenizer,
            callbacks=[common.progress_callback(bar, history)],
        )
        common.run_trainer(trainer, checkpoints, bar)
    common.save_adapter(trainer, adapter_out, history)
    return {"history": history, "prompts": len(dataset)}


def train(
    recipe: Recipe,
    data: Path | None,
    adapter_out: Path,
    checkpoints: Path,
    previous_adapter: Path | None,
    label: str = "train",
) -> dict:
    """The dispatch table's entry point (train/__init__.py): ``data`` is prefs/lists."""
    return train_dpo_listwise(recipe, data, adapter_out, checkpoints, previous_adapter, label)


def _is_nan(x: Any) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))
