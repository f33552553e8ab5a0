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
import re
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

if TYPE_CHECKING:
    from ..recipe import Recipe
    from ..sections import StudentSettings


# Tokens of prompt + completion kept per training example (longer ones are cut at the end): every algorithm's.
DEFAULT_MAX_LENGTH = 512
# The previous round's adapter, loaded frozen beside the trained one when an algorithm's reference is 'previous'
# (TRL's DPOTrainer names the copy it makes so too).
REF_ADAPTER = "ref"


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


class ReferencePolicySettings(AlgorithmSettings):
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


def check_algorithm(entry: Any) -> None:
    """A plug-in's ALGORITHM is one: an Algorithm with a train function and a settings class made of defaults."""
    from ..registry import settings_problem

    if not isinstance(entry, Algorithm):
        raise TypeError(f"{type(entry).__name__} is not a rankdistill.train.common.Algorithm")
    if not callable(entry.train):
        raise TypeError("its train is not a function")
    settings_problem(entry.settings, AlgorithmSettings)


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
        problem = _value_problem(fields[key], value, name)
        if problem:
            raise RecipeError(f"train.args.{key} ({algorithm}): {problem}")
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


# How a config field's documentation enumerates its values, when its metadata has no "choices" (trl's loss_type).
_NAME = r"(?:`'?[\w.-]+'?`|'[\w.-]+')(?:\s*\(default\))?"
_ENUMERATED = re.compile(
    rf"(?:Possible|Supported|Valid) values are:?\s*({_NAME}(?:\s*(?:,\s*(?:and|or)?|and|or)\s*{_NAME})*)\s*\."
)


def _value_problem(field: dataclasses.Field, value: Any, config: str) -> str | None:
    """What a config would only find out while training: a number that is not finite, a list where one value
    goes, an item of another type in a list, or a name that is none of those the field's metadata or
    documentation lists (each item of a list: loss_type: [sigmoid, bogus])."""
    if any(isinstance(v, float) and not math.isfinite(v) for v in _leaves(value)):
        return f"{value!r} is not a finite number"
    many = _list_item_type(field)
    if isinstance(value, list | tuple):
        if many is None:
            return f"takes one value, got the list {value!r}"
        wrong = [v for v in value if many is not Any and not _fits_item(v, many)]
        if wrong:
            return f"expected a list of {many.__name__}, got {wrong[0]!r} in {value!r}"
    allowed = _allowed_values(field)
    if allowed:
        for v in value if isinstance(value, list | tuple) else [value]:
            if isinstance(v, str) and v not in allowed:
                return f"{v!r} is not one of {', '.join(allowed)} (the values {config} lists)"
    return None


def _leaves(value: Any) -> list[Any]:
    if isinstance(value, dict):
        return [x for v in value.values() for x in _leaves(v)]
    if isinstance(value, list | tuple):
        return [x for v in value for x in _leaves(v)]
    return [value]


def _list_item_type(field: dataclasses.Field) -> Any:
    """The item type when the field takes a list (``Any`` when not said), else None."""
    import types
    import typing

    hint = field.type
    if isinstance(hint, str):  # a postponed annotation: read as text
        if "list" not in hint.lower() and "sequence" not in hint.lower() and "tuple" not in hint.lower():
            return None if re.fullmatch(r"[\w\s|.]+", hint) else Any  # plain names only: str | None
        match = re.search(r"list\[(str|int|float|bool)\]", hint)
        return {"str": str, "int": int, "float": float, "bool": bool}[match.group(1)] if match else Any
    options = typing.get_args(hint) if typing.get_origin(hint) in (typing.Union, types.UnionType) else (hint,)
    if any(o is Any or typing.get_origin(o) is dict or o is dict for o in options):
        return Any
    for option in options:
        if typing.get_origin(option) in (list, tuple) or option in (list, tuple):
            args = typing.get_args(option)
            return args[0] if args and args[0] in (str, int, float, bool) else Any
    return None


def _fits_item(value: Any, expected: type) -> bool:
    return isinstance(value, str) if expected is str else _fits(value, expected)


def _allowed_values(field: dataclasses.Field) -> list[str]:
    """The names a field takes: its metadata's "choices", else the values its help text enumerates (used only
    when its default is among them, so a documentation that lists too few never refuses a good value)."""
    choices = field.metadata.get("choices")
    if choices:
        return [str(c) for c in choices]
    match = _ENUMERATED.search(" ".join(str(field.metadata.get("help", "")).split()))
    if not match:
        return []
    names = re.findall(r"`'?([\w.-]+)'?`|'([\w.-]+)'", match.group(1))
    allowed = [a or b for a, b in names]
    default = field.default_factory() if field.default_factory is not dataclasses.MISSING else field.default
    defaults = default if isinstance(default, list | tuple) else [default]
    return allowed if defaults and all(d in allowed for d in defaults) else []


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


def score_labelled_positions_only() -> None:
    """Make TRL's fused LM head (DPO, SFT) score only the positions it trains on, on CPU too, and there with one
    matmul whose logits the backward reuses (``dense_logprobs``).

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
    chunked = getattr(trl_utils, "_ChunkedLogProbFunction", None)
    if chunked is not None and not getattr(chunked, "dense_on_cpu", False):
        trl_utils._ChunkedLogProbFunction = dense_logprobs(chunked)


# The largest [tokens, vocabulary] float32 logits dense_logprobs keeps for the backward (512 MB); more tokens go to
# TRL's tiles, which compute them again. Vocabulary columns per tile: tiles that stay in cache while folded (the
# LM head's matmul ran fastest in tiles of 8192 columns: 84 GFLOP/s against 51 in one [90, 262144] product).
DENSE_LOGITS_MAX, DENSE_TILE = 2**27, 8192


def dense_logprobs(chunked: Any) -> Any:
    """TRL's ``ChunkedLogProbFunction`` (per-token log-probabilities of ``hidden @ weight.T`` and optional
    entropy, log Σp², mean logit, is-top-1) as CPU training runs it: the logits kept for the backward.

    TRL's function computes the [tokens, vocabulary] logits twice per step (the forward, and again in the backward
    before the input-gradient matmul), folding each [tokens, 32768] tile with a dozen elementwise torch ops written
    to stand for its GPU kernel. On CPU with a large vocabulary that was half of an SFT step of Gemma 3 270M (262k
    tokens: the LM head 1.6 s of a 3.1 s step, torch profiler; ``benchmarks/sft_step.py``). Here each tile of
    ``DENSE_TILE`` columns is computed once, folded while it is in cache (max, Σexp and what the outputs need),
    and kept; the backward turns each kept tile into its softmax gradient in place and adds its share of the
    input gradient: one matmul forward, one backward (0.59 s against TRL's 1.02 s for 90 tokens, 1.8 s against
    4.7 s for 300). Used on CPU for a frozen head without bias or soft-capping (LoRA on a tied head: every student
    here) whose logits fit ``DENSE_LOGITS_MAX``; anything else goes to TRL's own function. The values are TRL's
    (tests/test_train_speed.py).
    """
    import torch

    class DenseLogProbs(torch.autograd.Function):
        @staticmethod
        def forward(ctx, hidden, weight, bias, targets, temperature, chunk_size, softcap=None, scale=1.0,
                    outputs=("log_probs",)):  # noqa: ANN001  # fmt: skip
            n, vocab = hidden.shape[0], weight.shape[0]
            h, factor = hidden.float(), scale / temperature
            tiles, maxes, firsts, sums, ez, ee, totals = [], [], [], [], [], [], []
            target_logit = torch.zeros(n, device=h.device)
            for start in range(0, vocab, DENSE_TILE):
                end = min(start + DENSE_TILE, vocab)
                z = torch.mm(h, weight[start:end].float().t())
                if factor != 1.0:
                    z.mul_(factor)
                m, first = z.max(-1)
                e = torch.exp(z - m.unsqueeze(1))
                sums.append(e.sum(-1))
                if "entropy" in outputs:
                    ez.append(torch.linalg.vecdot(e, z))
                if "log_sum_sq_probs" in outputs:
                    ee.append(torch.linalg.vecdot(e, e))
                if "mean_logits" in outputs:
                    totals.append(z.sum(-1))
                local = targets - start
                inside = (local >= 0) & (local < end - start)
                here = z.gather(1, local.clamp(0, end - start - 1).unsqueeze(1)).squeeze(1)
                target_logit = torch.where(inside, here, target_logit)
                maxes.append(m)
                firsts.append(first + start)
                tiles.append(z)
            m = torch.stack(maxes, 1)  # [tokens, tiles]: each tile's max, then the rows' log Σexp from them
            top = m.amax(1, keepdim=True)
            w = torch.exp(m - top)
            total = (w * torch.stack(sums, 1)).sum(1)
            log_z = top.squeeze(1) + torch.log(total)
            logprobs = target_logit - log_z
            entropy = log_z - (w * torch.stack(ez, 1)).sum(1) / total if ez else None  # log Z − Σ p·z
            log_sum_sq = torch.log((w * w * torch.stack(ee, 1)).sum(1)) - 2 * torch.log(total) if ee else None
            mean = torch.stack(totals, 1).sum(1) / vocab if totals else None
            top1 = None
            if "is_top1" in outputs:  # the first maximum, as TRL counts it
                top1 = torch.stack(firsts, 1).gather(1, m.argmax(1, keepdim=True)).squeeze(1) == targets
            ctx.mark_non_differentiable(*(x for x in (log_sum_sq, mean, top1) if x is not None))
            ctx.save_for_backward(weight)
            # kept as attributes, not saved tensors: the backward turns them into the gradient in place
            ctx.tiles, ctx.log_z, ctx.entropy, ctx.targets = tiles, log_z, entropy, targets
            ctx.factor, ctx.hidden_dtype = factor, hidden.dtype
            return logprobs, entropy, log_sum_sq, mean, top1  # float32, as TRL's

        @staticmethod
        def backward(ctx, grad_logprobs, grad_entropy, *_):  # noqa: ANN001
            (weight,) = ctx.saved_tensors
            tiles, ctx.tiles = ctx.tiles, None  # used once
            if grad_logprobs is None and grad_entropy is None:
                return (None,) * 9
            n = ctx.log_z.shape[0]
            grad_hidden = torch.zeros(n, weight.shape[1], device=weight.device)
            log_z, rows = ctx.log_z.unsqueeze(1), torch.arange(n, device=weight.device)
            for i, z in enumerate(tiles):
                start = i * DENSE_TILE
                end = start + z.shape[1]
                log_p = z.sub_(log_z)
                grad = None
                if grad_entropy is not None:  # d entropy / dz_j = −p_j (log p_j + entropy)
                    grad = (log_p + ctx.entropy.unsqueeze(1)).mul_(log_p.exp())
                    grad.mul_(-grad_entropy.float().unsqueeze(1))
                p = log_p.exp_()
                if grad_logprobs is not None:  # d log p_target / dz_j = 1[j = target] − p_j
                    g = grad_logprobs.float()
                    p.mul_(-g.unsqueeze(1))
                    local = ctx.targets - start
                    inside = (local >= 0) & (local < end - start)
                    p.index_put_((rows[inside], local[inside]), g[inside], accumulate=True)
                    grad = p if grad is None else grad.add_(p)
                if ctx.factor != 1.0:
                    grad.mul_(ctx.factor)
                grad_hidden.addmm_(grad, weight[start:end].float())
            return grad_hidden.to(ctx.hidden_dtype), None, None, None, None, None, None, None, None

    class Dispatch:
        dense_on_cpu = True
        original = chunked

        @staticmethod
        def apply(hidden, weight, bias, targets, temperature, chunk_size, softcap=None, scale=1.0,
                  outputs=("log_probs",)):  # noqa: ANN001  # fmt: skip
            dense = (
                hidden.device.type == "cpu"
                and bias is None
                and softcap is None
                and not weight.requires_grad
                and hidden.shape[0] * weight.shape[0] <= DENSE_LOGITS_MAX
            )
            fn = DenseLogProbs if dense else chunked
            return fn.apply(hidden, weight, bias, targets, temperature, chunk_size, softcap, scale, outputs)

    return Dispatch


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

    def __init__(self, judge: Any, mode: str = "scores", tally: Any = None):
        if judge is None:
            raise TypeError("JudgeReward needs the run's judge (judging.run_judge; train_with passes it)")
        self.judge = judge
        self.mode = mode
        self.tally = tally  # guards.RewardTally: the round's abstentions and rewards, checked as they come
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
            judged = scores
            if self.mode == "rank":
                scores = rank_rewards(scores)
            rewards.extend(0.0 if math.isnan(s) else float(s) for s in scores)
            if self.tally is not None:
                self.tally.add(judged, rewards[len(rewards) - len(scores) :])
            start = end
        return rewards


def reward_tally(job: TrainJob) -> Any:
    """The round's RewardTally (guards.py), limited by the judge's max_abstain_rate."""
    from ..judging.kinds import max_abstain_rate
    from . import guards

    return guards.RewardTally(max_abstain_rate(job.recipe.judge), job.label, getattr(job.judge, "name", "the judge"))


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
