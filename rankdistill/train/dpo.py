"""DPO (Rafailov et al., 2023) with ``trl.DPOTrainer`` on the LoRA (or QLoRA) student.

Round 1 wraps the base model in a fresh adapter, so the reference is the base with the adapter disabled (no
second model copy). From round 2 the previous round's adapter is trained further; its reference is either the
initial student (adapter disabled) or the previous round's policy (TRL's frozen copy of the adapter), as the
recipe's ``train.per_algorithm.dpo.reference`` says.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import Field

from . import common

if TYPE_CHECKING:
    from ..recipe import Recipe

class DPOSettings(common.ReferencePolicySettings):
    beta: float = Field(0.1, gt=0, description="β: the strength of the KL constraint to the reference.")

    moved_from_train = ("reference", "beta")


def config_fields(recipe: Recipe, settings: DPOSettings) -> dict[str, Any]:
    return {"beta": settings.beta, "max_length": common.DEFAULT_MAX_LENGTH}


def train(job: common.TrainJob) -> dict:
    """One round of DPO on the round's prefs/pairs."""
    from datasets import load_from_disk
    from trl import DPOTrainer

    from ..models import load_policy, load_tokenizer, lora_config

    recipe = job.recipe
    common.score_labelled_positions_only()
    dataset = load_from_disk(str(job.data)).select_columns(["prompt", "chosen", "rejected"])
    if len(dataset) == 0:
        raise RuntimeError(
            f"{job.data}: no preference pairs this round (every prompt's candidates tied); "
            "raise generation.temperature or generation.k, or lower preferences.min_margin"
        )
    tokenizer = load_tokenizer(recipe.student, padding_side="left")
    # TRL wraps the plain model in a fresh adapter itself in round 1 (peft_config), hence not load_trainable
    model = load_policy(recipe.student, job.previous, for_training=True)

    def reference(trainer: Any) -> None:
        if job.previous is not None and job.settings.reference == "initial":
            # TRL froze a copy of the previous adapter as "ref"; without it the reference is the adapter-free base
            trainer.model.delete_adapter(common.REF_ADAPTER)

    result = common.fit(
        job,
        dataset,
        DPOTrainer,
        model=model,
        tokenizer=tokenizer,
        after_init=reference,
        peft_config=lora_config(recipe.student) if job.previous is None else None,
    )
    return {**result, "pairs": len(dataset)}


ALGORITHM = common.Algorithm(
    name="dpo",
    summary="trl.DPOTrainer (any loss_type: sigmoid, ipo, robust, ...) on the round's preference pairs",
    train=train,
    settings=DPOSettings,
    reads="pairs",
    config="trl:DPOConfig",
    config_fields=config_fields,
    owned={"beta": "train.per_algorithm.dpo.beta"},
)
