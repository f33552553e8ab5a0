"""Typed recipes: every field has a default and a one-line description; unknown keys are errors.

A recipe is YAML. ``load_recipe(path, overrides)`` validates it (and any ``--set key=value`` overrides) and
raises ``RecipeError`` naming the file and the dotted key of every problem.

The schema sits above the extensions and below the stages: ``Recipe`` is composed of the shared sections
(sections.py) and the sections the registries' entries declare (a generation backend's, a judge kind's, an
algorithm's); no extension imports this module (tests/test_layers.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import Field, ValidationError, ValidationInfo, create_model, field_validator, model_validator

from .errors import RecipeError
from .generation.backends import settings_model
from .judging.kinds import JudgeSection, JudgeSettings, is_tag, kind_of, reads_reference
from .sections import (
    DataSettings,
    EvalSettings,
    LoraSettings,
    PreferenceSettings,
    StudentSettings,
)
from .sections import (
    GenerationSettings as SharedGenerationSettings,
)
from .settings import Settings
from .shapes import SHAPES
from .train import ALGORITHMS
from .train.common import TRAIN_FIELDS, AlgorithmSettings

__all__ = [
    "DataSettings",
    "EvalSettings",
    "GenerationSettings",
    "JudgeSettings",
    "LoraSettings",
    "PreferenceSettings",
    "Recipe",
    "RecipeError",
    "StudentSettings",
    "load_recipe",
    "recipe_from_dict",
]

DEFAULT_RECIPE = "gec-gemma3-270m"


# The generation section: the shared fields, backend narrowed to auto | each backend, and each backend's section.
GenerationSettings = settings_model(SharedGenerationSettings)


def _per_algorithm_settings() -> type[Settings]:
    """train.per_algorithm: one section per registered algorithm, validated by that algorithm's own settings."""
    fields: dict[str, Any] = {
        a.name: (a.settings, Field(default_factory=a.settings, description=a.summary)) for a in ALGORITHMS
    }
    return create_model("PerAlgorithmSettings", __base__=Settings, **fields)


AlgorithmName = Literal[tuple(ALGORITHMS.names())]  # type: ignore[valid-type]
PerAlgorithmSettings = _per_algorithm_settings()


class TrainSettings(Settings):
    algorithm: AlgorithmName = Field(
        "dpo",
        description="The algorithm of every round (without a schedule): "
        + "; ".join(f"{a.name}: {a.summary}" for a in ALGORITHMS)
        + ".",
    )
    schedule: list[AlgorithmName] | None = Field(
        None,
        description="Algorithm per round, e.g. [sft, dpo]: round 1 sft, later rounds dpo (the last entry "
        "repeats); None: train.algorithm every round.",
    )
    max_steps: int = Field(40, gt=0, description="Optimizer steps per round.")
    learning_rate: float = Field(5e-5, gt=0, description="Peak learning rate.")
    batch_size: int = Field(4, gt=0, description="Pairs (lists, examples, prompts) per device per step.")
    gradient_accumulation_steps: int = Field(1, gt=0, description="Micro-batches per optimizer step.")
    save_steps: int = Field(
        10, gt=0, description="Checkpoint every N steps so a killed run resumes mid-training."
    )
    args: dict[str, Any] = Field(
        default_factory=dict,
        description="Any other field of train.algorithm's config class, passed through (e.g. loss_type: [ipo] "
        "for dpo); added to train.per_algorithm.<train.algorithm>.args.",
    )
    per_algorithm: PerAlgorithmSettings = Field(  # type: ignore[valid-type]
        default_factory=PerAlgorithmSettings,
        description="Each algorithm's own section: its knobs (dpo's beta, ppo's kl_coef, ...), the train fields "
        "it sets for itself (max_steps, learning_rate, batch_size, gradient_accumulation_steps, save_steps), "
        "and args passed through to its config class; applies whenever that algorithm trains (schedules, "
        "compare).",
    )

    @field_validator("algorithm", "schedule", mode="before")
    @classmethod
    def _plugins_left_out(cls, value: Any) -> Any:
        for name in value if isinstance(value, list) else [value]:
            ALGORITHMS.refuse(name)  # a plug-in that could not be loaded: why, not "should be 'dpo', ..."
        return value

    @model_validator(mode="after")
    def _algorithm_is_trained(self, info: ValidationInfo) -> TrainSettings:
        if (info.context or {}).get("saved"):  # a run directory's own recipe.yaml: as it was made
            return self
        if self.schedule and "algorithm" in self.model_fields_set and self.algorithm not in self.schedule:
            raise ValueError(
                f"train.algorithm {self.algorithm} is not trained: train.schedule {self.schedule} picks every "
                f"round's algorithm (set train.schedule=null to train {self.algorithm} every round, or put it "
                "in the schedule)"
            )
        return self


class Recipe(Settings):
    name: str = Field("run", description="Run name; the default run directory is runs/<name>.")
    seed: int = Field(0, description="Seed for shuffling, sampling and training.")
    rounds: int = Field(2, ge=1, description="Rounds of generate -> judge -> prefs -> train -> eval.")
    student: StudentSettings = Field(default_factory=StudentSettings, description="The model being trained.")
    data: DataSettings = Field(default_factory=DataSettings, description="Training and test prompts.")
    generation: GenerationSettings = Field(
        default_factory=GenerationSettings, description="Candidate sampling."
    )
    # validated by the settings class of its kind (rankdistill/judging/: one module per kind)
    judge: JudgeSection = Field(
        default_factory=lambda: JudgeSettings(),
        description="The teacher that ranks candidates: judge.kind and that kind's settings "
        "(`rankdistill recipes` lists the kinds).",
    )
    preferences: PreferenceSettings = Field(
        default_factory=PreferenceSettings, description="Rankings to training pairs."
    )
    train: TrainSettings = Field(default_factory=TrainSettings, description="Preference training.")
    eval: EvalSettings = Field(
        default_factory=EvalSettings, description="Greedy evaluation after each round."
    )

    @field_validator("name")
    @classmethod
    def _plain_name(cls, v: str) -> str:
        # the run directory is runs/<name>: a path in it would put the run (and its files) somewhere else
        if not v.strip() or v in (".", "..") or "/" in v or "\\" in v or v.startswith("~"):
            raise ValueError(
                "a run name is a plain name (no '/', '..' or '~'); to put a run elsewhere, use --run-dir"
            )
        return v

    @model_validator(mode="after")
    def _reference_needs_field(self) -> Recipe:
        if reads_reference(self.judge) and not self.data.reference_field:
            raise ValueError(f"judge.kind {self.judge.kind!r} needs data.reference_field")
        if "reference" in self.generation.sources and not self.data.reference_field:
            raise ValueError("generation.sources: 'reference' needs data.reference_field")
        if "teacher" in self.generation.sources and not kind_of(self.judge).answers:
            raise ValueError(
                "generation.sources: 'teacher' asks the judge's model for its own answer, which a judge of kind "
                f"{self.judge.kind!r} cannot give (an openai judge can)"
            )
        return self


def recipes_dir() -> Path:
    """The recipes shipped with the project (package resources in a wheel; recipes/ in a checkout)."""
    from .resources import shipped_dir

    return shipped_dir("recipes")


def resolve_recipe_path(name_or_path: str | Path | None) -> Path:
    """A path as given, or the name of a shipped recipe (with or without .yaml)."""
    if name_or_path is None:
        name_or_path = DEFAULT_RECIPE
    p = Path(name_or_path)
    if p.exists():
        return p
    shipped = recipes_dir() / (p.name if p.suffix in (".yaml", ".yml") else f"{p.name}.yaml")
    if shipped.exists():
        return shipped
    raise RecipeError(f"{name_or_path}: no such recipe file (nor a shipped recipe in {recipes_dir()})")


def _set_dotted(tree: dict, dotted: str, value: Any) -> None:
    keys = dotted.split(".")
    node = tree
    for key in keys[:-1]:
        child = node.setdefault(key, {})
        if not isinstance(child, dict):
            raise RecipeError(f"--set {dotted}: '{key}' is not a section")
        node = child
    node[keys[-1]] = value


def parse_overrides(pairs: list[str] | tuple[str, ...]) -> dict[str, Any]:
    """['a.b=1', 'c=x'] -> {'a.b': 1, 'c': 'x'}; values are parsed as YAML scalars."""
    out: dict[str, Any] = {}
    for pair in pairs:
        key, sep, raw = pair.partition("=")
        if not sep or not key.strip():
            raise RecipeError(f"--set {pair!r}: expected key=value, e.g. --set train.max_steps=2")
        try:
            out[key.strip()] = yaml.safe_load(raw) if raw.strip() else None
        except yaml.YAMLError as e:
            problem = " ".join(str(getattr(e, "problem", None) or e).split())
            raise RecipeError(f"--set {key.strip()}: the value is not YAML ({problem})") from None
    return out


def _format_errors(err: ValidationError, source: str) -> str:
    lines = []
    for e in err.errors():
        # (a judge section's location holds the kind it was validated as: judge.<openai>.model)
        key = ".".join(str(p) for p in e["loc"] if not is_tag(p)) or "(top level)"
        if e["type"] == "extra_forbidden":
            lines.append(f"{source}: unknown key '{key}'")
        elif e["type"] == "value_error" and isinstance(e.get("input"), dict):
            # a section's own check: its message names the keys; the whole section quoted would bury it
            lines.append(f"{source}: {e['msg'].removeprefix('Value error, ')}")
        else:
            got = _hide_credentials(e.get("input"))
            lines.append(f"{source}: key '{key}': {e['msg']} (got {got!r})")
    return "\n".join(lines)


def _hide_credentials(value: Any) -> Any:
    """A value to quote in an error: every URL in it without user:password, query or fragment."""
    from .urls import public_url

    if isinstance(value, str) and "://" in value:
        return public_url(value)
    if isinstance(value, dict):
        return {k: _hide_credentials(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_hide_credentials(v) for v in value]
    return value


def _override_per_algorithm(tree: dict[str, Any], overrides: dict[str, Any]) -> None:
    """A --set of a train field an algorithm may set for itself (train.max_steps=2) wins over the file
    everywhere, the file's train.per_algorithm values included, unless the --sets also name that algorithm's."""
    per_algorithm = (tree.get("train") or {}).get("per_algorithm") or {}
    for key in TRAIN_FIELDS:
        if f"train.{key}" not in overrides:
            continue
        for algorithm, own in per_algorithm.items():
            named = (
                "train.per_algorithm",
                f"train.per_algorithm.{algorithm}",
                f"train.per_algorithm.{algorithm}.{key}",
            )
            if isinstance(own, dict) and key in own and not any(n in overrides for n in named):
                own[key] = overrides[f"train.{key}"]


def migrate(tree: dict[str, Any], overriding: bool = False) -> list[str]:
    """Move the keys of older recipes to where they live now, in place; one note per moved key.

    - a flat ``train.<key>`` that algorithms own now (their settings' ``moved_from_train``, e.g. train.beta) goes
      to each such algorithm's section; from a --set (``overriding``) it replaces what the file set there;
    - ``train.args.<key>`` that train.algorithm's settings type now (e.g. ppo's max_length) goes to its section;
    - ``train.per_algorithm.<name>.<key>`` passed through to its config class goes under ``.args`` (a key that
      is another algorithm's own setting stays, to be refused as unknown);
    - ``preferences.<key>`` that the shape an algorithm reads takes from its section now (preferences.best_margin:
      train.per_algorithm.raft.best_margin) goes there, as train.<key> does.
    """
    notes = _move_shape_settings(tree, overriding)
    train = tree.get("train")
    if not isinstance(train, dict):
        return notes
    per = train.get("per_algorithm") if isinstance(train.get("per_algorithm"), dict) else {}

    def section(name: str) -> dict[str, Any]:
        if not isinstance(per.get(name), dict):
            per[name] = {}
        return per[name]

    for key in [k for k in train if k not in TrainSettings.model_fields]:
        owners = [a.name for a in ALGORITHMS if key in a.settings.moved_from_train]
        if not owners:
            continue  # refused as an unknown key
        value = train.pop(key)
        for name in owners:
            if overriding or key not in section(name):
                section(name)[key] = value
        also = f" (and {', '.join(f'{n}.{key}' for n in owners[1:])})" if owners[1:] else ""
        notes.append(f"train.{key} is train.per_algorithm.{owners[0]}.{key}{also} now")
    algorithm = train.get("algorithm", TrainSettings.model_fields["algorithm"].default)
    args = train.get("args")
    if isinstance(args, dict) and algorithm in ALGORITHMS:
        typed = set(ALGORITHMS.get(algorithm).settings.model_fields) - set(AlgorithmSettings.model_fields)
        for key in [k for k in args if k in typed]:
            section(algorithm).setdefault(key, args.pop(key))
            notes.append(f"train.args.{key} ({algorithm}) is train.per_algorithm.{algorithm}.{key} now")
    for name, own in per.items():
        if name not in ALGORITHMS or not isinstance(own, dict) or ALGORITHMS.get(name).config is None:
            continue
        known = {f for a in ALGORITHMS for f in a.settings.model_fields}
        for key in [k for k in own if k not in known]:
            if not isinstance(own.get("args"), dict):
                own["args"] = {}
            own["args"].setdefault(key, own.pop(key))
            notes.append(f"train.per_algorithm.{name}.{key} is train.per_algorithm.{name}.args.{key} now")
    if per:
        train["per_algorithm"] = per
    return notes


def _move_shape_settings(tree: dict[str, Any], overriding: bool) -> list[str]:
    """preferences.<key> that is a setting of a prefs shape (shapes.Shape.settings) now: to the section of each
    algorithm that reads that shape; a note per key."""
    preferences = tree.get("preferences")
    if not isinstance(preferences, dict):
        return []
    notes = []
    shape_keys = {
        a.name: set(SHAPES[a.reads].settings.model_fields)
        for a in ALGORITHMS
        if a.reads in SHAPES and SHAPES[a.reads].settings is not None
    }
    for key in [k for k in preferences if k not in PreferenceSettings.model_fields]:
        owners = [name for name, keys in shape_keys.items() if key in keys]
        sections = [_algorithm_section(tree, name) for name in owners]
        if not owners or None in sections:
            continue  # refused as an unknown key (or the section it would go to is no mapping)
        value = preferences.pop(key)
        for section in sections:
            if overriding or key not in section:
                section[key] = value
        also = f" (and {', '.join(f'{n}.{key}' for n in owners[1:])})" if owners[1:] else ""
        notes.append(f"preferences.{key} is train.per_algorithm.{owners[0]}.{key}{also} now")
    return notes


def _algorithm_section(tree: dict[str, Any], name: str) -> dict[str, Any] | None:
    """``train.per_algorithm.<name>`` of ``tree``, made where missing; None where a key on the way is no mapping."""
    node = tree
    for key in ("train", "per_algorithm", name):
        if node.get(key) is None:
            node[key] = {}
        node = node[key]
        if not isinstance(node, dict):
            return None
    return node


def load_recipe(path: str | Path | None = None, overrides: dict[str, Any] | None = None) -> Recipe:
    """Load and validate a recipe file, applying dotted overrides; RecipeError names the file and key. Keys of
    older recipes are read where they live now, with a note saying where."""
    path = resolve_recipe_path(path)
    try:
        tree = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as e:
        raise RecipeError(f"{path}: not valid YAML: {e}") from e
    if tree is None:  # an empty file (or /dev/null) would silently run every default on the whole data set
        raise RecipeError(
            f"{path}: the recipe file is empty; a recipe is a mapping of keys (`rankdistill init NAME` writes an "
            "editable copy of a shipped one, `rankdistill recipes` lists them)"
        )
    if not isinstance(tree, dict):
        raise RecipeError(f"{path}: a recipe is a mapping of keys, got {type(tree).__name__}")
    source = str(path)
    notes = [f"{path}: {n}" for n in migrate(tree)]
    if overrides:
        for dotted, value in overrides.items():
            _set_dotted(tree, dotted, value)
        notes += [f"--set {n}" for n in migrate(tree, overriding=True)]
        _override_per_algorithm(tree, overrides)
        source = f"{path} (with --set {', '.join(overrides)})"
    if notes:
        from . import progress

        for note in notes:
            progress.log(f"note: {note}")
    try:
        return Recipe.model_validate(tree)
    except ValidationError as e:
        raise RecipeError(_format_errors(e, source)) from None


def recipe_from_dict(tree: dict[str, Any], source: str = "recipe", saved: bool = True) -> Recipe:
    """Validate an already-parsed recipe: by default a run directory's recipe.yaml (``saved``: read as the run
    was made, older keys moved silently, and no refusal of settings the run already used)."""
    migrate(tree)
    try:
        return Recipe.model_validate(tree, context={"saved": saved})
    except ValidationError as e:
        raise RecipeError(_format_errors(e, source)) from None


def dump_recipe(recipe: Recipe) -> str:
    """The resolved recipe as YAML (every field, defaults included), as a run directory saves it."""
    return yaml.safe_dump(saved_tree(recipe), sort_keys=False, allow_unicode=True)


def saved_tree(recipe: Recipe) -> dict[str, Any]:
    """The recipe as files keep it: the judge section as its kinds save it, without credentials (JudgeKind.saved),
    which only the process that was given them holds."""
    from .judging.kinds import saved

    tree = recipe.model_dump(mode="json")
    tree["judge"] = saved(recipe.judge).model_dump(mode="json")
    return tree
