"""RRHF (Yuan et al., 2023): rank responses to align language models, without a reward model or PPO.

TRL has no RRHF, and the reference code compares every candidate only with the first one; this trainer follows
the paper. Each step takes B prompts from ``prefs/lists`` and puts all K candidates of each through the model in
one padded batch of B·K sequences:

    p_i    = (1/|y_i|) Σ_t log π(y_i,t | x, y_<t)          (completion tokens only)
    L_rank = Σ_{s_i < s_j} max(0, p_i − p_j)               (losses.rrhf_rank_loss)
    L_ft   = −(1/|y_best|) Σ_t log π(y_best,t | x, y_best,<t)   (cross-entropy on the best-scored candidate)
    L      = w_rank · L_rank + w_ft · L_ft

It is a ``transformers.Trainer`` with its own collator and loss, so checkpoints, resume, mixed precision and
``accelerate launch`` (DDP, FSDP, DeepSpeed) come from transformers.
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

if TYPE_CHECKING:  # the recipe schema imports this module: no runtime import of it
    from ..recipe import Recipe

# Tokens of prompt + completion kept per sequence (longer completions are cut at the end).
DEFAULT_MAX_LENGTH = 512


@dataclasses.dataclass
class RRHFConfig(TrainingArguments):
    """TrainingArguments plus RRHF's own settings (module level: checkpoints pickle it)."""

    rank_weight: float = 1.0
    ft_weight: float = 1.0
    max_length: int = DEFAULT_MAX_LENGTH


OWNED = {**common.OWNED, "rank_weight": "train.rank_weight", "ft_weight": "train.ft_weight"}


def check_args(recipe: Recipe) -> None:
    """Pass-through keys must be TrainingArguments fields (or max_length)."""
    common.check_config_args(RRHFConfig, recipe.train.args, "rrhf", OWNED, common.config_base(recipe))


def encode_lists(tokenizer: Any, rows: list[dict[str, Any]], max_length: int) -> dict[str, Any]:
    """One right-padded batch of every candidate of every row: input_ids, attention_mask and labels
    [B·K, T] (labels −100 on prompt and padding), and scores [B, K] (NaN pads rows with fewer candidates)."""
    import torch

    k = max(len(r["completions"]) for r in rows)
    seqs: list[list[int]] = []
    labels: list[list[int]] = []
    scores: list[list[float]] = []
    for row in rows:
        prompt_text = tokenizer.apply_chat_template(row["prompt"], tokenize=False, add_generation_prompt=True)
        prompt_ids = tokenizer(prompt_text, add_special_tokens=False)["input_ids"]
        completions = list(row["completions"]) + [None] * (k - len(row["completions"]))
        for text in completions:
            if text is None:  # padding candidate: no completion tokens, NaN score
                ids, n_prompt = prompt_ids, len(prompt_ids)
            else:
                full = tokenizer.apply_chat_template(
                    [*row["prompt"], {"role": "assistant", "content": text}], tokenize=False
                )
                # the completion is what the chat template adds after the generation prompt (end-of-turn included)
                tail = (
                    full[len(prompt_text) :] if full.startswith(prompt_text) else text + tokenizer.eos_token
                )
                ids = prompt_ids + tokenizer(tail, add_special_tokens=False)["input_ids"]
                n_prompt = len(prompt_ids)
            ids = ids[:max_length]
            seqs.append(ids)
            labels.append([-100] * min(n_prompt, len(ids)) + ids[n_prompt:])
        s = [float("nan") if x is None else float(x) for x in row["scores"]]
        scores.append(s + [float("nan")] * (k - len(s)))
    width = max(len(s) for s in seqs)
    pad = tokenizer.pad_token_id
    # a collator's batch, made on the CPU: the Trainer (or the caller) moves it to the model's device
    cpu = torch.device("cpu")
    return {
        "input_ids": torch.tensor([s + [pad] * (width - len(s)) for s in seqs], device=cpu),
        "attention_mask": torch.tensor([[1] * len(s) + [0] * (width - len(s)) for s in seqs], device=cpu),
        "labels": torch.tensor([lab + [-100] * (width - len(lab)) for lab in labels], device=cpu),
        "scores": torch.tensor(scores, dtype=torch.float32, device=cpu),
    }


def candidate_logps(model: Any, batch: dict[str, Any]) -> Any:
    """p_i for every candidate of the batch, shaped [B, K]: one forward pass over all B·K sequences.

    Logits only from the position before the first completion token on: the prompt is most of a short answer's
    sequence, and its [T, 49k] fp32 logits (and their log-softmax, forward and backward) were most of the step.
    """
    import torch

    from .losses import mean_completion_logps

    batch = common.on_device(batch, common.model_device(model))
    labels = batch["labels"]
    labelled = (labels != -100).any(dim=0).nonzero()
    first = max(int(labelled[0]) - 1, 0) if len(labelled) else labels.shape[1] - 1
    keep = torch.arange(first, labels.shape[1], device=labels.device)
    logits = model(
        input_ids=batch["input_ids"], attention_mask=batch["attention_mask"], logits_to_keep=keep
    ).logits
    return mean_completion_logps(logits, labels[:, first:]).view(batch["scores"].shape)


def rrhf_losses(model: Any, batch: dict[str, Any], rank_weight: float, ft_weight: float) -> dict[str, Any]:
    """L, L_rank and L_ft of one batch (see the module docstring)."""
    import torch

    from .losses import best_candidate_index, rrhf_rank_loss

    p = candidate_logps(model, batch)
    scores = batch["scores"].to(p.device)
    rank = rrhf_rank_loss(p, scores)
    has_score = ~torch.isnan(scores).all(dim=1)  # a prompt where the judge abstained on all has no best
    best = p.gather(1, best_candidate_index(scores).unsqueeze(1)).squeeze(1)
    ft = -(best * has_score).sum() / has_score.sum().clamp(min=1)
    return {"loss": rank_weight * rank + ft_weight * ft, "rank_loss": rank, "ft_loss": ft, "logps": p}


class RRHFTrainer(Trainer):
    """``transformers.Trainer`` with RRHF's loss; logs rank_loss and ft_loss beside the loss."""

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._parts: dict[str, list[float]] = defaultdict(list)

    def compute_loss(self, model, inputs, return_outputs=False, num_items_in_batch=None):  # noqa: ANN001
        out = rrhf_losses(model, inputs, self.args.rank_weight, self.args.ft_weight)
        self._parts["rank_loss"].append(float(out["rank_loss"].detach()))
        self._parts["ft_loss"].append(float(out["ft_loss"].detach()))
        return (out["loss"], out) if return_outputs else out["loss"]

    def log(self, logs: dict[str, float], *args: Any, **kwargs: Any) -> None:
        for key, values in self._parts.items():
            if values:
                logs[key] = sum(values) / len(values)
        self._parts.clear()
        super().log(logs, *args, **kwargs)


def train_rrhf(
    recipe: Recipe,
    lists_dir: Path,
    adapter_out: Path,
    checkpoints: Path,
    previous_adapter: Path | None,
    label: str = "train",
) -> dict:
    """Train one round of RRHF on ``prefs/lists``; writes the adapter and returns the loss history."""
    from datasets import load_from_disk

    args = dict(recipe.train.args)
    check_args(recipe)
    dataset = load_from_disk(str(lists_dir)).select_columns(["prompt", "completions", "scores"])
    # a prompt where the judge abstained on every candidate gives neither loss anything
    dataset = dataset.filter(lambda r: any(not _is_nan(s) for s in r["scores"]), keep_in_memory=True)
    if len(dataset) == 0:
        raise RuntimeError(f"{lists_dir}: no prompt has a scored candidate this round")
    model, tokenizer = common.load_trainable(recipe, previous_adapter)
    max_length = args.pop("max_length", DEFAULT_MAX_LENGTH)
    kwargs = common.base_config_kwargs(recipe, checkpoints, common.wants_bf16(recipe, model))
    kwargs.update(
        rank_weight=recipe.train.rank_weight,
        ft_weight=recipe.train.ft_weight,
        max_length=max_length,
        remove_unused_columns=False,  # the collator reads prompt / completions / scores
    )
    kwargs.update(args)
    config = RRHFConfig(**kwargs)
    history: list[dict[str, float]] = []
    with progress.task(label, total=recipe.train.max_steps) as bar:
        trainer = RRHFTrainer(
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


def _is_nan(x: Any) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))


def train(
    recipe: Recipe,
    data: Path | None,
    adapter_out: Path,
    checkpoints: Path,
    previous_adapter: Path | None,
    label: str = "train",
) -> dict:
    """The dispatch table's entry point (train/__init__.py): ``data`` is prefs/lists."""
    return train_rrhf(recipe, data, adapter_out, checkpoints, previous_adapter, label)
