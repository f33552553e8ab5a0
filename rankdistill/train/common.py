"""What the trainers share: the owned settings, pass-through checks, progress, resume and saving.

Every trainer (dpo, rrhf, sft, grpo) uses these helpers; what is left in each file is its algorithm.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import progress
from ..errors import RecipeError
from ..rundir import is_main_process

if TYPE_CHECKING:  # the recipe schema imports this module: no runtime import of it
    from ..recipe import Recipe

# TrainingArguments fields rankdistill fills from the recipe's typed fields; setting them again is ambiguous.
OWNED = {
    "output_dir": "(the run directory)",
    "max_steps": "train.max_steps",
    "learning_rate": "train.learning_rate",
    "per_device_train_batch_size": "train.batch_size",
    "gradient_accumulation_steps": "train.gradient_accumulation_steps",
    "save_steps": "train.save_steps",
    "seed": "seed",
}


def check_config_args(
    config_cls: type,
    args: dict[str, Any],
    algorithm: str,
    owned: dict[str, str],
    base: dict[str, Any] | None = None,
) -> None:
    """Fail before any work if a pass-through key is owned by the recipe or unknown to ``config_cls``, or its
    value is not one ``config_cls`` takes: a number or flag of another type, or one the config's own checks
    refuse when it is built from ``base`` (the settings the trainer builds it with) and the pass-through keys."""
    fields = {f.name: f for f in dataclasses.fields(config_cls)}
    name = f"{config_cls.__module__.split('.')[0]}.{config_cls.__name__}"
    for key, value in args.items():
        if key in owned:
            raise RecipeError(f"train.args.{key} ({algorithm}): set {owned[key]} instead")
        if key not in fields:
            raise RecipeError(f"train.args.{key} ({algorithm}): not a {name} field")
        expected, optional = _scalar_type(fields[key])
        if expected is not None and not (_fits(value, expected) or (optional and value is None)):
            raise RecipeError(
                f"train.args.{key} ({algorithm}): expected {expected.__name__}"
                f"{' or null' if optional else ''}, got {value!r} ({type(value).__name__})"
            )
    if base is None or not args:
        return
    problem = _build_error(config_cls, {**base, **args})
    if problem is None:
        return
    # name the key: the first one that the config refuses on its own
    for key in args:
        alone = _build_error(config_cls, {**base, key: args[key]})
        if alone is not None:
            raise RecipeError(f"train.args.{key} ({algorithm}): {alone}")
    raise RecipeError(f"train.args ({algorithm}: {', '.join(args)} together): {problem}")


def _scalar_type(field: dataclasses.Field) -> tuple[type | None, bool]:
    """(bool, int or float, whether None is allowed) for a field annotated as one of them, else (None, False)."""
    t = field.type
    parts = {p.strip() for p in (t.__name__ if isinstance(t, type) else str(t)).split("|")}
    optional = bool(parts & {"None", "NoneType"})
    parts -= {"None", "NoneType"}
    kinds = {"bool": bool, "int": int, "float": float}
    if len(parts) == 1 and next(iter(parts)) in kinds:
        return kinds[parts.pop()], optional
    return None, False


def _fits(value: Any, expected: type) -> bool:
    if expected is bool:
        return isinstance(value, bool)
    if isinstance(value, bool):
        return False
    return isinstance(value, (int, float)) if expected is float else isinstance(value, int)


def _build_error(config_cls: type, kwargs: dict[str, Any]) -> str | None:
    """The first line of what building ``config_cls(**kwargs)`` raises, or None."""
    import logging
    import warnings

    level = logging.getLogger("transformers").level
    logging.getLogger("transformers").setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            config_cls(**kwargs)
    except (ValueError, TypeError, KeyError, AssertionError) as e:
        return (str(e).strip().splitlines() or [type(e).__name__])[0]
    finally:
        logging.getLogger("transformers").setLevel(level)
    return None


def config_base(recipe: Recipe) -> dict[str, Any]:
    """What every trainer's config is built from, for check_config_args' ``base``: no model is loaded yet, so
    bf16 is off and the checkpoints go to a placeholder path (nothing is written)."""
    return base_config_kwargs(recipe, Path("checkpoints"), False)


def base_config_kwargs(recipe: Recipe, output_dir: Path, use_bf16: bool) -> dict[str, Any]:
    """TrainingArguments every algorithm gets from the recipe."""
    import torch

    t = recipe.train
    return dict(
        # explicit on CPU: without it, processes started by a launcher do not join one DDP group over gloo
        use_cpu=not torch.cuda.is_available(),
        output_dir=str(output_dir),
        max_steps=t.max_steps,
        learning_rate=t.learning_rate,
        per_device_train_batch_size=t.batch_size,
        gradient_accumulation_steps=t.gradient_accumulation_steps,
        seed=recipe.seed,
        save_strategy="steps",
        save_steps=t.save_steps,
        save_total_limit=2,
        logging_steps=1,
        report_to=[],
        disable_tqdm=True,  # our own progress bar
        bf16=use_bf16,
        gradient_checkpointing=False,  # small students fit without it; it costs a third more compute
        lr_scheduler_type="constant_with_warmup",
        warmup_steps=min(5, t.max_steps // 5),
    )


def wants_bf16(recipe: Recipe, model: Any) -> bool:
    import torch

    return next(model.parameters()).dtype == torch.bfloat16 or (
        recipe.student.quantization == "4bit" and torch.cuda.is_available() and torch.cuda.is_bf16_supported()
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


def score_labelled_positions_only() -> None:
    """Make TRL's fused LM head (DPO, SFT) score only the positions it trains on, on CPU too.

    Off Triton devices TRL scores every position -- prompt and padding included -- so that tile shapes stay fixed
    for graph compilers (Neuron), and folds each [tokens, 32768] tile with a dozen full-tile torch ops. Eager CPU
    training recompiles nothing, and the prompt is most of a short answer's tokens (a default-recipe GEC pair:
    ~60 prompt tokens, ~15 answer tokens), so CPU steps spent most of their LM-head time on positions whose
    log-probabilities are then zeroed. Scoring the labelled positions only is what TRL does on CUDA; the values
    are the same. A no-op if TRL's internals moved (then nothing is patched).
    """
    try:
        import trl.trainer.utils as trl_utils
        from trl.kernels.chunked_logprob import _use_triton
    except ImportError:
        return
    if getattr(trl_utils, "_use_triton", None) is _use_triton:  # decides only which positions are scored
        trl_utils._use_triton = lambda device: device.type == "cpu" or _use_triton(device)


def progress_callback(bar: Any, history: list[dict[str, float]]) -> Any:
    """A TrainerCallback that advances ``bar`` and keeps every logged loss in ``history``."""
    from transformers import TrainerCallback

    class Progress(TrainerCallback):
        def on_step_end(self, args, state, control, **kw):  # noqa: ANN001
            bar.advance()

        def on_log(self, args, state, control, logs=None, **kw):  # noqa: ANN001
            if logs and "loss" in logs:
                history.append(
                    {"step": state.global_step, **{k: float(v) for k, v in logs.items() if _number(v)}}
                )
                bar.update(f"loss {logs['loss']:.3f}")

    return Progress()


def _number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def run_trainer(trainer: Any, checkpoints: Path, bar: Any) -> None:
    """Train, resuming from the newest checkpoint in ``checkpoints`` if a killed run left one."""
    from transformers import PrinterCallback

    from ..rundir import last_complete_checkpoint

    trainer.remove_callback(PrinterCallback)  # it prints every log dict when tqdm is off
    resume = last_complete_checkpoint(checkpoints)  # one cut off mid-save is removed
    if resume:
        bar.advance(int(resume.name.split("-")[-1]))
        progress.log(f"resuming training from {resume}")
    trainer.train(resume_from_checkpoint=str(resume) if resume else None)


def save_adapter(trainer: Any, adapter_out: Path, history: list[dict[str, float]]) -> None:
    """The trained adapter (peft format) and the loss history; only the main process writes."""
    if not is_main_process():
        return
    trainer.model.save_pretrained(str(adapter_out), selected_adapters=["default"])
    (adapter_out / "train_log.json").write_text(json.dumps(history, indent=1))


class PeakMemory:
    """Peak memory while a block runs: max allocated on CUDA, else the process's resident set (sampled)."""

    def __enter__(self) -> PeakMemory:
        import threading

        import psutil
        import torch

        self.cuda = torch.cuda.is_available()
        self.peak_mb = 0.0
        if self.cuda:
            torch.cuda.reset_peak_memory_stats()
            return self
        proc = psutil.Process()
        self._stop = threading.Event()

        def sample() -> None:
            while not self._stop.is_set():
                self.peak_mb = max(self.peak_mb, proc.memory_info().rss / 2**20)
                self._stop.wait(0.05)

        self._thread = threading.Thread(target=sample, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.cuda:
            import torch

            self.peak_mb = torch.cuda.max_memory_allocated() / 2**20
        else:
            self._stop.set()
            self._thread.join()

    @property
    def kind(self) -> str:
        return "cuda_max_allocated" if self.cuda else "process_rss"
