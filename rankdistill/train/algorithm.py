"""A training algorithm's registry entry (``ALGORITHM = Algorithm(...)`` in train/<name>.py), its settings
section's base classes, and the TrainJob train_stage hands it.
"""

from __future__ import annotations

import dataclasses
import importlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from pydantic import Field

from ..errors import RecipeError
from ..settings import Settings
from ..shapes import shape_problem
from .config import OWNED, base_config_kwargs, check_config_args

if TYPE_CHECKING:
    from ..recipe import Recipe


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
    run: Any = None  # the RunDir it trains a round of (None: outside a run, e.g. a benchmark's run_algorithm)
    round_idx: int | None = None  # that round

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
    # the round's prefs/<reads>, a shape of shapes.SHAPES ("pairs", "lists", "best"); None: the prompts only.
    # A shape with settings (best's margin) takes them from this algorithm's: its settings class derives from them
    reads: str | None = None
    config: str | None = None  # "module:Class" its pass-through args build, e.g. "trl:DPOConfig"
    config_fields: Callable[[Recipe, Any], dict[str, Any]] | None = None  # its config's own fields
    owned: dict[str, str] = dataclasses.field(default_factory=dict)  # config fields its settings set: where
    judged: bool = False  # asks the run's judge while it trains (rewards): TrainJob.judge is set
    # text its label task puts before the user message (sft with rationales: "predict: "); every prompt the
    # student answers gets it (train.task_prefix)
    prompt_prefix: Callable[[Recipe, Any], str] | None = None
    # its own checks before any work, given its settings and the student's section (kd: a teacher is named, and
    # its tokenizer is the student's); raises RecipeError
    preflight: Callable[[Any, Any], None] | None = None

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
        if self.preflight is not None:
            self.preflight(getattr(recipe.train.per_algorithm, self.name), recipe.student)
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
    """A plug-in's ALGORITHM is one: an Algorithm with a train function, a settings class made of defaults, and
    a prefs dataset it reads that the prefs stage writes (with the settings that dataset needs)."""
    from ..registry import settings_problem

    if not isinstance(entry, Algorithm):
        raise TypeError(f"{type(entry).__name__} is not a rankdistill.train.common.Algorithm")
    if not callable(entry.train):
        raise TypeError("its train is not a function")
    settings_problem(entry.settings, AlgorithmSettings)
    problem = shape_problem(entry.reads, entry.settings)
    if problem:
        raise ValueError(problem)
