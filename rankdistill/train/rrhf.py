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

from typing import TYPE_CHECKING, Any

from pydantic import Field

from . import common
from .common import DEFAULT_MAX_LENGTH, encode_lists, lists_dataset

if TYPE_CHECKING:
    from ..recipe import Recipe


class RRHFSettings(common.AlgorithmSettings):
    rank_weight: float = Field(1.0, ge=0, description="Weight of the ranking loss L_rank.")
    ft_weight: float = Field(1.0, ge=0, description="Weight of the cross-entropy on the best-scored candidate L_ft.")
    max_length: int = Field(
        DEFAULT_MAX_LENGTH, gt=0, description="Tokens of prompt + completion kept per candidate (cut at the end)."
    )

    moved_from_train = ("rank_weight", "ft_weight")


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


def config_fields(recipe: Recipe, settings: RRHFSettings) -> dict[str, Any]:
    return {"remove_unused_columns": False}  # the collator reads prompt / completions / scores


def train(job: common.TrainJob) -> dict:
    """One round of RRHF on the round's prefs/lists."""
    settings = job.settings
    # a prompt where the judge abstained on every candidate gives neither loss anything
    dataset = lists_dataset(job.data, 1)
    model, tokenizer = common.load_trainable(job.recipe, job.previous)

    def loss(model: Any, inputs: dict[str, Any], unwrapped: Any) -> tuple[Any, dict[str, float], dict]:
        out = rrhf_losses(model, inputs, settings.rank_weight, settings.ft_weight)
        return out["loss"], {"rank_loss": out["rank_loss"].detach(), "ft_loss": out["ft_loss"].detach()}, out

    result = common.fit(
        job,
        dataset,
        common.loss_trainer(loss),
        model=model,
        tokenizer=tokenizer,
        data_collator=lambda rows: encode_lists(tokenizer, rows, settings.max_length),
    )
    return {**result, "prompts": len(dataset)}


ALGORITHM = common.Algorithm(
    name="rrhf",
    summary="our own (train/rrhf.py): a ranking loss over all k candidates plus SFT on the best, no reference",
    train=train,
    settings=RRHFSettings,
    reads="lists",
    config="transformers:TrainingArguments",
    config_fields=config_fields,
    owned={
        "rank_weight": "train.per_algorithm.rrhf.rank_weight",
        "ft_weight": "train.per_algorithm.rrhf.ft_weight",
        "max_length": "train.per_algorithm.rrhf.max_length",
    },
)
