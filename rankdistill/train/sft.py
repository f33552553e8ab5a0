"""Distilled SFT (Tunstall et al., 2023, Zephyr's dSFT): ``trl.SFTTrainer`` on the references of data.train.

The references are the teacher's pseudo-labels; the loss is cross-entropy on the answer tokens only (TRL's
prompt-completion format). A round trained with SFT needs no candidates or rankings, so the loop skips its
generate, judge and prefs stages.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import common

if TYPE_CHECKING:  # the recipe schema imports this module: no runtime import of it
    from ..recipe import Recipe


def config_fields(recipe: Recipe, settings: common.AlgorithmSettings) -> dict[str, Any]:
    return {"max_length": 512, "completion_only_loss": True}


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


def train_on_rows(job: common.TrainJob, rows: list[dict[str, Any]]) -> dict:
    """``trl.SFTTrainer`` on prompt-completion ``rows`` (the loss on the completion's tokens only); shared with
    raft, which picks its rows from the round's rankings."""
    from datasets import Dataset
    from trl import SFTTrainer

    common.score_labelled_positions_only()
    dataset = Dataset.from_list([{"prompt": r["prompt"], "completion": r["completion"]} for r in rows])
    model, tokenizer = common.load_trainable(job.recipe, job.previous)
    tokenizer.padding_side = "right"  # SFT pads on the right (no generation here)
    return common.fit(job, dataset, SFTTrainer, model=model, tokenizer=tokenizer)


def train(job: common.TrainJob) -> dict:
    """One round of SFT on the references of the training prompts."""
    return train_on_rows(job, sft_rows(job.recipe))


ALGORITHM = common.Algorithm(
    name="sft",
    summary="trl.SFTTrainer on the prompts' references (teacher labels): distilled SFT",
    train=train,
    config="trl:SFTConfig",
    config_fields=config_fields,
)
