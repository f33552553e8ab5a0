"""What the trainers share: an algorithm's registry entry and settings, the checks before any work, and the
skeleton every algorithm built on a transformers ``Trainer`` runs (load, config, progress, train, resume, save).

What is left in each ``train/<name>.py`` is its algorithm: its settings, the data it trains on, and its loss or
its trainer class. Adding one is adding such a file (``ALGORITHM = Algorithm(...)``; train.ALGORITHMS finds it).
"""

from __future__ import annotations

import dataclasses
import importlib
import json
import math
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal

from pydantic import Field

from .. import progress
from ..errors import RecipeError
from ..records import CandidateSet, Completion
from ..rundir import is_main_process
from ..settings import Settings

if TYPE_CHECKING:  # the recipe schema imports this module: no runtime import of it
    from ..recipe import Recipe


class AlgorithmSettings(Settings):
    """An algorithm's section, ``train.per_algorithm.<name>``: the train fields it may set for itself (Zephyr's
    dSFT and dDPO want different ones) and the pass-through fields of its config class. Its own knobs are the
    fields of its subclass."""

    max_steps: int | None = Field(None, gt=0, description="Optimizer steps per round (None: train.max_steps).")
    learning_rate: float | None = Field(None, gt=0, description="Peak learning rate (None: train.learning_rate).")
    batch_size: int | None = Field(None, gt=0, description="Examples per device per step (None: train.batch_size).")
    gradient_accumulation_steps: int | None = Field(
        None, gt=0, description="Micro-batches per optimizer step (None: train.gradient_accumulation_steps)."
    )
    save_steps: int | None = Field(None, gt=0, description="Checkpoint every N steps (None: train.save_steps).")
    args: dict[str, Any] = Field(
        default_factory=dict,
        description="Any other field of its config class, passed through (train.args adds to these when this is "
        "train.algorithm), e.g. loss_type: [sigmoid, sft] for dpo.",
    )

    # flat train.<key> fields of older recipes that are this algorithm's own now (migrated with a note)
    moved_from_train: ClassVar[tuple[str, ...]] = ()


class ReferenceSettings(AlgorithmSettings):
    """The section of an algorithm with a reference policy (DPO's implicit reward, PPO's KL penalty)."""

    reference: Literal["initial", "previous"] = Field(
        "initial",
        description="Its reference policy from round 2 on: the initial student (adapters off), or the previous "
        "round's policy (Zephyr-style iterated DPO).",
    )

    moved_from_train = ("reference",)


# The train fields an algorithm's section may set for itself.
TRAIN_FIELDS = ("max_steps", "learning_rate", "batch_size", "gradient_accumulation_steps", "save_steps")


@dataclasses.dataclass(frozen=True)
class TrainJob:
    """One round's training, as train_stage hands it to an algorithm."""

    algorithm: Algorithm
    recipe: Recipe  # resolved for this algorithm: train.* its own values, train.args its pass-through fields
    data: Path | None  # the round's prefs/<algorithm.reads>, or None (it trains from the prompts)
    adapter_out: Path  # where the trained adapter goes (a fresh directory)
    checkpoints: Path  # where it checkpoints and resumes from
    previous: Path | None  # the previous round's adapter (None: a fresh one on the untrained student)
    label: str  # the progress bar's name
    judge: Any = None  # algorithm.judged: the run's judge, bound to its ledger (judging.run_judge)

    @property
    def settings(self) -> Any:
        """The algorithm's own section, train.per_algorithm.<name>."""
        return getattr(self.recipe.train.per_algorithm, self.algorithm.name)


@dataclasses.dataclass(frozen=True)
class Algorithm:
    """A training algorithm as train.ALGORITHMS knows it: ``ALGORITHM = Algorithm(...)`` in train/<name>.py."""

    name: str
    summary: str  # one line: what it trains on and with what (help texts, README)
    train: Callable[[TrainJob], dict]  # one round; returns {"history": [...], ...}
    settings: type[AlgorithmSettings] = AlgorithmSettings  # its section, train.per_algorithm.<name>
    reads: str | None = None  # the round's prefs/<reads> ("pairs", "lists", "best"); None: the prompts only
    config: str | None = None  # "module:Class" its pass-through args build, e.g. "trl:DPOConfig"
    config_fields: Callable[[Recipe, Any], dict[str, Any]] | None = None  # its config's own fields
    owned: dict[str, str] = dataclasses.field(default_factory=dict)  # config fields its settings set: where
    judged: bool = False  # asks the run's judge while it trains (rewards): TrainJob.judge is set
    # text its label task puts before the user message (sft with rationales: "predict: "); every prompt the
    # student answers gets it (train.task_prefix)
    prompt_prefix: Callable[[Recipe, Any], str] | None = None

    def config_class(self) -> type:
        module, _, attr = (self.config or "").partition(":")
        return getattr(importlib.import_module(module), attr)

    def config_kwargs(self, recipe: Recipe, output_dir: Path, use_bf16: bool) -> dict[str, Any]:
        """Its config's fields from the recipe, before the pass-through args."""
        kwargs = base_config_kwargs(recipe, output_dir, use_bf16)
        if self.config_fields is not None:
            kwargs.update(self.config_fields(recipe, getattr(recipe.train.per_algorithm, self.name)))
        return kwargs

    def build_config(self, recipe: Recipe, output_dir: Path, use_bf16: bool) -> Any:
        return self.config_class()(**{**self.config_kwargs(recipe, output_dir, use_bf16), **recipe.train.args})

    def check(self, recipe: Recipe) -> None:
        """Before any work: its pass-through args are fields of its config class, not set from the recipe, and of
        values the config takes (it is built, as the trainer will build it)."""
        owned = {**OWNED, **self.owned}
        if self.config is None:
            for key in recipe.train.args:
                raise RecipeError(
                    f"train.args.{key} ({self.name}): {self.name} has no pass-through settings"
                    + (f"; set {owned[key]}" if key in owned else "")
                    + f" (its settings: train.per_algorithm.{self.name}.*)"
                )
            return
        base = self.config_kwargs(recipe, Path("checkpoints"), False)
        check_config_args(self.config_class(), recipe.train.args, self.name, owned, base)


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


# Tokens of prompt + completion kept per candidate of prefs/lists (longer completions are cut at the end).
DEFAULT_MAX_LENGTH = 512


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


def lists_dataset(path: Any, min_scored: int) -> Any:
    """prefs/lists: the prompts with at least ``min_scored`` scored candidates (shared with listwise DPO)."""
    from datasets import load_from_disk

    dataset = load_from_disk(str(path)).select_columns(["prompt", "completions", "scores"])
    dataset = dataset.filter(
        lambda r: sum(not _is_nan(s) for s in r["scores"]) >= min_scored, keep_in_memory=True
    )
    if len(dataset) == 0:
        raise RuntimeError(f"{path}: no prompt has {min_scored} scored candidate(s) this round")
    return dataset


def _is_nan(x: Any) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))


def rank_rewards(scores: list[float]) -> list[float]:
    """Reward from a ranking: the share of the other scored samples this one beats (ties beat nobody)."""
    valid = [s for s in scores if not math.isnan(s)]
    if len(valid) < 2:
        return [0.0 for _ in scores]
    return [0.0 if math.isnan(s) else sum(o < s for o in valid) / (len(valid) - 1) for s in scores]


# The reward setting of the algorithms that ask the judge while they train (grpo, ppo): what JudgeReward returns.
RewardMode = Annotated[
    Literal["scores", "rank"],
    Field(description="The reward: the judge's scores, or rank-derived (the share of its group a sample beats)."),
]


class JudgeReward:
    """A TRL reward function that asks the judge to rank each prompt's group of samples."""

    def __init__(self, judge: Any, mode: str = "scores"):
        if judge is None:
            raise TypeError("JudgeReward needs the run's judge (judging.run_judge; train_with passes it)")
        self.judge = judge
        self.mode = mode
        self.__name__ = f"judge:{judge.name}"  # TRL logs rewards under the function's name
        self.calls = 0
        self.abstentions = 0

    def __call__(self, prompts: list, completions: list, prompt_id: list[str], **kw: Any) -> list[float]:
        references = kw.get("reference") or [None] * len(prompts)
        # the rows' own fields (a JSON text in GRPO's dataset, whose rows need not share one schema)
        fields = [json.loads(f) if isinstance(f, str) else f or {} for f in kw.get("fields") or [{}] * len(prompts)]
        texts = [c[-1]["content"] if isinstance(c, list) else c for c in completions]
        rewards: list[float] = []
        start = 0
        while start < len(texts):  # TRL keeps each prompt's samples next to each other
            end = start
            while end < len(texts) and prompt_id[end] == prompt_id[start]:
                end += 1
            item = CandidateSet(
                prompt_id[start],
                prompts[start],
                [Completion(t, 0, "stop") for t in texts[start:end]],
                references[start],
                fields[start],
            )
            scores = list(self.judge.rank(item).scores)
            self.calls += 1
            self.abstentions += sum(math.isnan(s) for s in scores)
            if self.mode == "rank":
                scores = rank_rewards(scores)
            rewards.extend(0.0 if math.isnan(s) else float(s) for s in scores)
            start = end
        return rewards


def fit(
    job: TrainJob,
    dataset: Any,
    trainer_class: Any,
    model: Any = None,
    tokenizer: Any = None,
    after_init: Callable[[Any], None] | None = None,
    **trainer_kwargs: Any,
) -> dict:
    """One round on a transformers Trainer (``trainer_class``): the student with a trainable adapter (or ``model``
    as given), its config, the progress bar, training (resumed from the newest checkpoint), and the saved adapter
    and loss history. Returns {"history", "examples"}."""
    if model is None:
        model, tokenizer = load_trainable(job.recipe, job.previous)
    config = job.algorithm.build_config(job.recipe, job.checkpoints, wants_bf16(job.recipe, model))
    history: list[dict[str, float]] = []
    with progress.task(job.label, total=job.recipe.train.max_steps) as bar:
        trainer = trainer_class(
            model=model,
            args=config,
            train_dataset=dataset,
            processing_class=tokenizer,
            callbacks=[progress_callback(bar, history)],
            **trainer_kwargs,
        )
        if after_init is not None:
            after_init(trainer)
        run_trainer(trainer, job.checkpoints, bar)
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
