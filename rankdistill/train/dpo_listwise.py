"""Listwise DPO: the Plackett-Luce form of DPO over a prompt's whole ranking (Rafailov et al., 2023, app. A.3).

DPO learns from pairs; the judge ranks all k candidates, and splitting a ranking into pairs loses how the pairs
hang together. With implicit rewards r_i = β (log π(y_i|x) − log π_ref(y_i|x)) (summed sequence log-probs) and
the ranking τ (best first), the loss is the Plackett-Luce negative log-likelihood

    L = − Σ_{k=1}^{K} log [ exp(r_τ(k)) / Σ_{j=k}^{K} exp(r_τ(j)) ]          (losses.plackett_luce_loss)

which at K = 2 is DPO's sigmoid loss. Abstained candidates (NaN scores) are left out; tied candidates never
share a denominator (a tie says nothing about their order). Each step takes B prompts from ``prefs/lists`` and
puts all K candidates of each through the policy in one padded batch of B·K sequences, as RRHF does, and once
more without gradients through the reference: the base with the adapter disabled (no second model copy), or,
from round 2 with ``reference: previous``, the previous round's adapter loaded frozen beside the trained
one. A ``transformers.Trainer`` with its own loss: checkpoints, resume and ``accelerate launch`` come from it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import Field

from . import common
from .common import DEFAULT_MAX_LENGTH, REF_ADAPTER, encode_lists, lists_dataset

if TYPE_CHECKING:
    from ..recipe import Recipe



class ListwiseDPOSettings(common.ReferencePolicySettings):
    beta: float = Field(0.1, gt=0, description="β of the implicit rewards (the strength of the KL constraint).")
    max_length: int = Field(
        DEFAULT_MAX_LENGTH, gt=0, description="Tokens of prompt + completion kept per candidate (cut at the end)."
    )

    moved_from_train = ("reference", "beta")


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


def listwise_loss(beta: float) -> Any:
    """The Plackett-Luce loss of a batch, with the ranking accuracy of its implicit rewards to log."""

    def loss(model: Any, inputs: dict[str, Any], unwrapped: Any) -> tuple[Any, dict[str, float], dict]:
        from .losses import plackett_luce_loss

        ref = reference_logps(unwrapped, inputs)  # the unwrapped PeftModel: DDP has no disable_adapter
        policy = sequence_logps(model, inputs)
        rewards = beta * (policy.detach() - ref)
        value = plackett_luce_loss(policy, ref, inputs["scores"], beta)
        return value, {"ranking_accuracy": ranking_accuracy(rewards, inputs["scores"])}, {"rewards": rewards}

    return loss


def train(job: common.TrainJob) -> dict:
    """One round of listwise DPO on the round's prefs/lists."""
    settings = job.settings
    dataset = lists_dataset(job.data, 2)  # only a prompt with two scored candidates ranks anything
    model, tokenizer = common.load_trainable(job.recipe, job.previous)
    if job.previous is not None and job.settings.reference == "previous":
        model.load_adapter(str(job.previous), adapter_name=REF_ADAPTER, is_trainable=False)
        model.set_adapter("default")
    result = common.fit(
        job,
        dataset,
        common.loss_trainer(listwise_loss(settings.beta)),
        model=model,
        tokenizer=tokenizer,
        data_collator=lambda rows: encode_lists(tokenizer, rows, settings.max_length),
    )
    return {**result, "prompts": len(dataset)}


def config_fields(recipe: Recipe, settings: ListwiseDPOSettings) -> dict[str, Any]:
    return {"remove_unused_columns": False}  # the collator reads prompt / completions / scores


ALGORITHM = common.Algorithm(
    name="dpo_listwise",
    summary="our own (train/dpo_listwise.py): Plackett-Luce DPO over each prompt's whole ranking",
    train=train,
    settings=ListwiseDPOSettings,
    reads="lists",
    config="transformers:TrainingArguments",
    config_fields=config_fields,
    owned={
        "beta": "train.per_algorithm.dpo_listwise.beta",
        "max_length": "train.per_algorithm.dpo_listwise.max_length",
    },
)
