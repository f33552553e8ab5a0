"""DPO (Rafailov et al., 2023) with ``trl.DPOTrainer`` on the LoRA (or QLoRA) student.

Round 1 wraps the base model in a fresh adapter, so the reference is the base with the adapter disabled (no
second model copy). From round 2 the previous round's adapter is trained further; its reference is either the
initial student (adapter disabled) or the previous round's policy (TRL's frozen copy of the adapter), as the
recipe's ``train.reference`` says.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

from .. import progress
from ..recipe import Recipe, RecipeError
from ..rundir import last_complete_checkpoint

# Settings rankdistill fills from the recipe's typed fields; setting them again in train.args is ambiguous.
_OWNED = {
    "output_dir": "(the run directory)",
    "max_steps": "train.max_steps",
    "learning_rate": "train.learning_rate",
    "per_device_train_batch_size": "train.batch_size",
    "gradient_accumulation_steps": "train.gradient_accumulation_steps",
    "beta": "train.beta",
    "save_steps": "train.save_steps",
    "seed": "seed",
}


def check_args(recipe: Recipe) -> None:
    """Fail before any work if train.args names a field DPOConfig does not have."""
    from trl import DPOConfig

    known = {f.name for f in dataclasses.fields(DPOConfig)}
    for key in recipe.train.args:
        if key in _OWNED:
            raise RecipeError(f"train.args.{key}: set {_OWNED[key]} instead")
        if key not in known:
            raise RecipeError(f"train.args.{key}: not a trl.DPOConfig field")


def make_config(recipe: Recipe, output_dir: Path, use_bf16: bool) -> Any:
    import torch
    from trl import DPOConfig

    t = recipe.train
    kwargs: dict[str, Any] = dict(
        use_cpu=not torch.cuda.is_available(),  # on CPU, launched processes join one DDP group over gloo
        output_dir=str(output_dir),
        max_steps=t.max_steps,
        learning_rate=t.learning_rate,
        per_device_train_batch_size=t.batch_size,
        gradient_accumulation_steps=t.gradient_accumulation_steps,
        beta=t.beta,
        seed=recipe.seed,
        save_strategy="steps",
        save_steps=t.save_steps,
        save_total_limit=2,
        logging_steps=1,
        report_to=[],
        disable_tqdm=True,  # our own progress bar
        bf16=use_bf16,
        # small students fit without it; it costs a third more compute
        gradient_checkpointing=False,
        max_length=512,
        lr_scheduler_type="constant_with_warmup",
        warmup_steps=min(5, t.max_steps // 5),
    )
    kwargs.update(t.args)
    return DPOConfig(**kwargs)


def train_dpo(
    recipe: Recipe,
    pairs_dir: Path,
    adapter_out: Path,
    checkpoints: Path,
    previous_adapter: Path | None,
    label: str = "train",
) -> dict:
    """Train one round of DPO; writes the adapter to ``adapter_out`` and returns the loss history."""
    import torch
    from datasets import load_from_disk
    from transformers import PrinterCallback, TrainerCallback
    from trl import DPOTrainer

    from ..models import load_policy, load_tokenizer, lora_config

    check_args(recipe)
    dataset = load_from_disk(str(pairs_dir)).select_columns(["prompt", "chosen", "rejected"])
    if len(dataset) == 0:
        raise RuntimeError(
            f"{pairs_dir}: no preference pairs this round (every prompt's candidates tied); "
            "raise generation.temperature or generation.k, or lower preferences.min_margin"
        )
    tokenizer = load_tokenizer(recipe.student, padding_side="left")
    model = load_policy(recipe.student, previous_adapter, for_training=True)
    use_bf16 = next(model.parameters()).dtype == torch.bfloat16 or (
        recipe.student.quantization == "4bit" and torch.cuda.is_available() and torch.cuda.is_bf16_supported()
    )
    config = make_config(recipe, checkpoints, use_bf16)
    history: list[dict[str, float]] = []

    class Progress(TrainerCallback):
        def __init__(self, bar: Any):
            self.bar = bar

        def on_step_end(self, args, state, control, **kw):  # noqa: ANN001
            self.bar.advance()

        def on_log(self, args, state, control, logs=None, **kw):  # noqa: ANN001
            if logs and "loss" in logs:
                history.append({"step": state.global_step, **{k: float(v) for k, v in logs.items()}})
                self.bar.update(f"loss {logs['loss']:.3f}")

    resume = last_complete_checkpoint(checkpoints)
    with progress.task(label, total=recipe.train.max_steps) as bar:
        trainer = DPOTrainer(
            model=model,
            args=config,
            train_dataset=dataset,
            processing_class=tokenizer,
            peft_config=lora_config(recipe.student) if previous_adapter is None else None,
            callbacks=[Progress(bar)],
        )
        trainer.remove_callback(PrinterCallback)  # it prints every log dict when tqdm is off
        if previous_adapter is not None and recipe.train.reference == "initial":
            # TRL froze a copy of the previous adapter as "ref"; without it the reference is the adapter-free base.
            trainer.model.delete_adapter("ref")
        if resume:
            bar.advance(int(resume.name.split("-")[-1]))
            progress.log(f"resuming training from {resume}")
        trainer.train(resume_from_checkpoint=str(resume) if resume else None)
    trainer.model.save_pretrained(str(adapter_out), selected_adapters=["default"])
    (adapter_out / "train_log.json").write_text(json.dumps(history, indent=1))
    return {"history": history, "pairs": len(dataset)}
