"""The skeleton of every algorithm built on a transformers ``Trainer``: config, progress, train (resumed from the
newest checkpoint), guards, save; and a Trainer class for a loss of our own.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import progress
from ..rundir import is_main_process
from .loading import load_trainable, wants_bf16

if TYPE_CHECKING:
    from .algorithm import TrainJob


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


def fit(
    job: TrainJob,
    dataset: Any,
    trainer_class: Any,
    model: Any = None,
    tokenizer: Any = None,
    after_init: Callable[[Any], None] | None = None,
    tally: Any = None,
    **trainer_kwargs: Any,
) -> dict:
    """One round on a transformers Trainer (``trainer_class``): the student with a trainable adapter (or ``model``
    as given), its config, the progress bar, training (resumed from the newest checkpoint), and the saved adapter
    and loss history. Returns {"history", "examples"}. A loss or weight that is not finite stops it; ``tally``
    (an online algorithm's rewards, kept in its checkpoints) is checked at the end (guards.py)."""
    from ..rundir import last_complete_checkpoint
    from . import guards

    if model is None:
        model, tokenizer = load_trainable(job.recipe, job.previous)
    config = job.algorithm.build_config(job.recipe, job.checkpoints, wants_bf16(job.recipe.student, model))
    history: list[dict[str, float]] = []
    with progress.task(job.label, total=job.recipe.train.max_steps) as bar:
        callbacks = [progress_callback(bar, history), guards.finite_callback(job.label)]
        if tally is not None:
            tally.load_from(last_complete_checkpoint(job.checkpoints) if job.checkpoints.exists() else None)
            callbacks.append(guards.tally_callback(tally))
        trainer = trainer_class(
            model=model,
            args=config,
            train_dataset=dataset,
            processing_class=tokenizer,
            callbacks=callbacks,
            **trainer_kwargs,
        )
        if after_init is not None:
            after_init(trainer)
        run_trainer(trainer, job.checkpoints, bar)
    if tally is not None:
        tally.finish()  # too many abstentions: JudgeFailed; every reward 0: NothingLearned
    guards.check_finite(trainer.model, job.label, trainer.state.global_step)
    save_adapter(trainer, job.adapter_out, history)
    return {"history": history, "examples": len(dataset)}


def loss_trainer(
    loss: Callable[[Any, dict[str, Any], Any], tuple[Any, dict[str, float], dict[str, Any]]],
) -> Callable[..., Any]:
    """A transformers Trainer class whose loss is ``loss(model, inputs, unwrapped)`` -> (loss, values to log,
    outputs); the logged values are averaged since the last log and written beside the loss (for our own losses:
    RRHF, listwise DPO). ``unwrapped`` is the trainer's own model (a DDP-wrapped ``model`` has no
    disable_adapter). Built when first asked: this module must not import transformers at its top."""
    from transformers import Trainer

    class LossTrainer(Trainer):
        def __init__(self, *args: Any, **kwargs: Any):
            super().__init__(*args, **kwargs)
            self._logged: dict[str, list[float]] = defaultdict(list)

        def compute_loss(self, model, inputs, return_outputs=False, num_items_in_batch=None):  # noqa: ANN001
            value, logged, outputs = loss(model, inputs, self.model)
            for key, v in logged.items():
                self._logged[key].append(float(v))
            return (value, outputs) if return_outputs else value

        def log(self, logs: dict[str, float], *args: Any, **kwargs: Any) -> None:
            for key, values in self._logged.items():
                if values:
                    logs[key] = sum(values) / len(values)
            self._logged.clear()
            super().log(logs, *args, **kwargs)

    return LossTrainer
