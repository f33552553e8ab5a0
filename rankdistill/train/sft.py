"""Distilled SFT (Tunstall et al., 2023, Zephyr's dSFT): ``trl.SFTTrainer`` on the references of data.train.

The references are the teacher's pseudo-labels; the loss is cross-entropy on the answer tokens only (TRL's
prompt-completion format). A round trained with SFT needs no candidates or rankings, so the loop skips its
generate, judge and prefs stages.

With ``data.rationale_field`` set it trains two tasks, as distilling step-by-step does (Hsieh et al., 2023): the
same input with a task prefix, ``predict: `` -> the label and ``explain: `` -> the rationale, loss α·CE(label) +
(1−α)·CE(rationale). The prefix goes before the user message, where the data's own instructions (the user
template) are, so it works with every chat template (Gemma's has no system turn) and the system prompt stays
the data's; every prompt the student answers (generation, evaluation, every round) carries the predict prefix
too, so the label task's prompt is the one it is asked.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any

from pydantic import Field

from . import common

if TYPE_CHECKING:
    from ..data import Prompt
    from ..recipe import Recipe


class SFTSettings(common.AlgorithmSettings):
    """train.per_algorithm.sft: the rationale task (with data.rationale_field) and a budget of labelled items."""

    alpha: float = Field(
        0.5,
        gt=0,
        le=1,
        description="With data.rationale_field: the label task's weight α in α·CE(label) + (1−α)·CE(rationale) "
        "(Hsieh et al. 2023: 0.5).",
    )
    predict_prefix: str = Field(
        "predict: ",
        description="With data.rationale_field: put before the user message of the label task and of every prompt "
        "the student answers (generation, evaluation, every round).",
    )
    explain_prefix: str = Field(
        "explain: ",
        description="With data.rationale_field: put before the user message of the rationale task.",
    )
    max_examples: int | None = Field(
        None,
        gt=0,
        description="Train on this many labelled items only (None: all): those whose ids hash lowest, the same "
        "items whatever the seed, round or rationale setting.",
    )


def config_fields(recipe: Recipe, settings: SFTSettings) -> dict[str, Any]:
    return {"max_length": common.DEFAULT_MAX_LENGTH, "completion_only_loss": True}


def prompt_prefix(recipe: Recipe, settings: SFTSettings) -> str:
    """The label task's prefix when the run trains with rationales, else nothing."""
    return settings.predict_prefix if recipe.data.rationale_field else ""


def labelled_budget(prompts: list[Prompt], n: int | None) -> list[Prompt]:
    """The ``n`` prompts whose ids hash lowest, in their given order: a fixed random subset of a labelled set."""
    if not n or n >= len(prompts):
        return prompts
    rank = sorted(prompts, key=lambda p: hashlib.sha256(p.prompt_id.encode()).hexdigest())
    keep = {p.prompt_id for p in rank[:n]}
    return [p for p in prompts if p.prompt_id in keep]


def sft_rows(recipe: Recipe, settings: SFTSettings | None = None) -> list[dict[str, Any]]:
    """Prompt-completion rows: the training prompts (as the generate stage picks them: the predict prefix on, with
    rationales) and their references; with data.rationale_field, each row's rationale task (``rationale_prompt``
    and ``rationale_completion``, None for a row without a rationale) beside it."""
    from ..data import build_messages
    from ..generation.prompts import training_prompts

    settings = settings or SFTSettings()
    prompts = [p for p in training_prompts(recipe) if p.reference is not None]
    if not prompts:
        raise RuntimeError(f"{recipe.data.train}: sft needs references (data.reference_field) and found none")
    rows = []
    for p in labelled_budget(prompts, settings.max_examples):
        row: dict[str, Any] = {"prompt": p.messages, "completion": [{"role": "assistant", "content": p.reference}]}
        if recipe.data.rationale_field:
            explain = build_messages(recipe.data, p.input, settings.explain_prefix)
            row["rationale_prompt"] = explain if p.rationale else None
            row["rationale_completion"] = [{"role": "assistant", "content": p.rationale}] if p.rationale else None
        rows.append(row)
    return rows


def train_on_rows(job: common.TrainJob, rows: list[dict[str, Any]], alpha: float = 1.0) -> dict:
    """``trl.SFTTrainer`` on prompt-completion ``rows`` (the loss on the completion's tokens only); shared with
    raft, which picks its rows from the round's rankings. When rows carry a rationale task (sft_rows), both tasks
    train, the label's with weight ``alpha``."""
    from datasets import Dataset
    from trl import SFTTrainer

    common.score_labelled_positions_only()
    model, tokenizer = common.load_trainable(job.recipe, job.previous)
    tokenizer.padding_side = "right"  # SFT pads on the right (no generation here)
    rationales = sum(bool(r.get("rationale_completion")) for r in rows)
    if not rationales:
        dataset = Dataset.from_list([{"prompt": r["prompt"], "completion": r["completion"]} for r in rows])
        return common.fit(job, dataset, SFTTrainer, model=model, tokenizer=tokenizer)
    result = common.fit(job, task_rows(rows), two_task_trainer(alpha), model=model, tokenizer=tokenizer)
    return {**result, "examples": len(rows), "rationales": rationales}


def task_rows(rows: list[dict[str, Any]]) -> Any:
    """One dataset row per task of each item (``item``: its index, ``task``: 0 label, 1 rationale) for TRL to
    tokenize as it tokenizes any SFT row; TwoTaskTrainer pairs them again."""
    from datasets import Dataset

    out = []
    for i, r in enumerate(rows):
        out.append({"prompt": r["prompt"], "completion": r["completion"], "item": i, "task": 0})
        if r.get("rationale_completion"):
            out.append({"prompt": r["rationale_prompt"], "completion": r["rationale_completion"], "item": i, "task": 1})
    return Dataset.from_list(out)


def pair_tasks(dataset: Any) -> Any:
    """TRL's tokenized task rows -> one row per item: its label's input_ids / labels and its rationale's
    (empty lists when it has none), in item order (the order of the label-only dataset, so a seeded sampler
    visits the items in the same order with and without rationales)."""
    from datasets import Dataset, Features, Sequence, Value

    tasks: dict[int, dict[str, list[int]]] = {}
    for row in dataset.select_columns(["item", "task", "input_ids", "labels"]):
        name = "rationale_" if row["task"] else ""
        tasks.setdefault(row["item"], {}).update({f"{name}input_ids": row["input_ids"], f"{name}labels": row["labels"]})
    columns = ["input_ids", "labels", "rationale_input_ids", "rationale_labels"]
    ids = Sequence(Value("int64"))
    return Dataset.from_list(
        [{c: tasks[i].get(c, []) for c in columns} for i in sorted(tasks)], features=Features({c: ids for c in columns})
    )


class TwoTaskCollator:
    """A batch of items -> one padded batch (TRL's collator) of their label sequences then their rationale
    sequences, and ``is_rationale`` saying which is which."""

    def __init__(self, collator: Any):
        self.collator = collator

    def __call__(self, items: list[dict[str, Any]]) -> dict[str, Any]:
        import torch

        labels = [{"input_ids": r["input_ids"], "labels": r["labels"]} for r in items if r["input_ids"]]
        rationales = [
            {"input_ids": r["rationale_input_ids"], "labels": r["rationale_labels"]}
            for r in items
            if r["rationale_input_ids"]
        ]
        batch = self.collator(labels + rationales)
        # made on the CPU like the collator's tensors: the Trainer moves the batch to the model's device
        batch["is_rationale"] = torch.tensor(
            [False] * len(labels) + [True] * len(rationales), device=torch.device("cpu")
        )
        return batch


def two_task_trainer(alpha: float) -> type:
    """``trl.SFTTrainer`` whose rows are items with both tasks and whose loss is ``losses.two_task_loss``: TRL
    tokenizes (chat template, completion mask, truncation) and scores (its fused LM head) as for plain SFT; what
    it lacks is the pairing of an item's two tasks in one batch and their weights. Built when first asked: this
    module must not import trl at its top."""
    from trl import SFTTrainer

    from .losses import two_task_loss

    class TwoTaskTrainer(SFTTrainer):
        # the loss is a mean per micro-batch: the Trainer divides it by the accumulation steps
        loss_is_scaled_for_ga = False

        def __init__(self, *args: Any, **kwargs: Any):
            super().__init__(*args, **kwargs)
            self.train_dataset = pair_tasks(self.train_dataset)
            self.data_collator = TwoTaskCollator(self.data_collator)

        def _set_signature_columns_if_needed(self) -> None:
            self._signature_columns = ["input_ids", "labels", "rationale_input_ids", "rationale_labels"]

        def compute_loss(self, model, inputs, return_outputs=False, num_items_in_batch=None):  # noqa: ANN001
            is_rationale = inputs.pop("is_rationale")
            outputs = model(**inputs, use_cache=False, fused_lm_head=True)
            loss, label_loss, rationale_loss = two_task_loss(
                -outputs.log_probs, outputs.label_mask, is_rationale, alpha
            )
            mode = "train" if self.model.training else "eval"
            self._metrics[mode]["label_loss"].append(float(label_loss.detach()))
            if bool(is_rationale.any()):
                self._metrics[mode]["rationale_loss"].append(float(rationale_loss.detach()))
            return (loss, outputs) if return_outputs else loss

    return TwoTaskTrainer


def train(job: common.TrainJob) -> dict:
    """One round of SFT on the references of the training prompts (and their rationales, with
    data.rationale_field)."""
    rows = sft_rows(job.recipe, job.settings)
    field = job.recipe.data.rationale_field
    if field and not any(r["rationale_completion"] for r in rows):
        from .. import progress

        progress.log(f"warning: sft: no training item has a rationale (field '{field}'): the label task trains alone")
    return train_on_rows(job, rows, job.settings.alpha)


ALGORITHM = common.Algorithm(
    name="sft",
    summary="trl.SFTTrainer on the prompts' references (teacher labels): distilled SFT; with data.rationale_field, "
    "on their rationales too (distilling step-by-step)",
    train=train,
    settings=SFTSettings,
    config="trl:SFTConfig",
    config_fields=config_fields,
    prompt_prefix=prompt_prefix,
)
