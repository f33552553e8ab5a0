"""The student as the trainers load it: with a trainable LoRA adapter, on its device, in bf16 where it pays.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..recipe import Recipe
    from ..sections import StudentSettings


def wants_bf16(student: StudentSettings, model: Any) -> bool:
    """Mixed precision in bf16: the model is in bf16, or it is a 4-bit base on a GPU that computes in bf16."""
    import torch

    return next(model.parameters()).dtype == torch.bfloat16 or (
        student.quantization == "4bit" and torch.cuda.is_available() and torch.cuda.is_bf16_supported()
    )


def load_trainable(recipe: Recipe, previous_adapter: Path | None) -> tuple[Any, Any]:
    """(policy with a trainable LoRA adapter, left-padding tokenizer): a fresh adapter in round 1, else the
    previous round's, trained further."""
    import torch
    from peft import get_peft_model

    from ..models import load_policy, load_tokenizer, lora_config

    tokenizer = load_tokenizer(recipe.student, padding_side="left")
    model = load_policy(recipe.student, previous_adapter, for_training=True)
    if previous_adapter is None:
        # a seeded adapter: a round restarted from scratch trains (and samples, and asks the judge) as before
        torch.manual_seed(recipe.seed)
        model = get_peft_model(model, lora_config(recipe.student))
    return model, tokenizer


def model_device(model: Any) -> Any:
    """Where ``model``'s inputs belong: its first parameter's device (a DDP- or peft-wrapped model too)."""
    return next(model.parameters()).device


def on_device(batch: dict[str, Any], device: Any) -> dict[str, Any]:
    """``batch`` with its tensors on ``device`` (a no-op for those already there, as in a Trainer's steps)."""
    return {k: v.to(device) if hasattr(v, "to") else v for k, v in batch.items()}
