"""Typed recipes: every field has a default and a one-line description; unknown keys are errors.

A recipe is YAML. ``load_recipe(path, overrides)`` validates it (and any ``--set key=value`` overrides) and
raises ``RecipeError`` naming the file and the dotted key of every problem.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import (
    Field,
    PositiveInt,
    ValidationError,
    ValidationInfo,
    create_model,
    field_validator,
    model_validator,
)

from .errors import RecipeError
from .generation.backends import settings_model
from .judging.kinds import JudgeSettings, is_tag, judge_section, kind_of, reads_reference
from .settings import Settings
from .train import ALGORITHMS
from .train.common import TRAIN_FIELDS, AlgorithmSettings

__all__ = ["JudgeSettings", "Recipe", "RecipeError", "load_recipe", "recipe_from_dict"]

DEFAULT_RECIPE = "gec-gemma3-270m"


class LoraSettings(Settings):
    r: int = Field(16, gt=0, description="LoRA rank.")
    alpha: int = Field(32, gt=0, description="LoRA alpha (scale = alpha / r).")
    dropout: float = Field(0.0, ge=0, lt=1, description="Dropout on the LoRA input.")
    target_modules: list[str] | str = Field(
        "all-linear", description="Modules that get adapters: a list of names, or 'all-linear'."
    )


class StudentSettings(Settings):
    model: str = Field(
        "smollm2-135m-instruct",
        description="Alias 'smollm2-135m-instruct' or 'gemma3-270m' (packaged in PyPI), a .gguf file, a local "
        "transformers directory, or a hub id.",
    )
    chat_template: str | None = Field(
        None,
        description="Jinja chat template (text, or a file path) for a model without one (None: the model's; "
        "a model with none gets plain text: system prompt, blank line, user text).",
    )
    revision: str | None = Field(None, description="Hub revision (branch, tag or commit) for a hub id.")
    quantization: Literal["none", "4bit"] = Field(
        "none", description="'4bit' loads the base in bitsandbytes NF4 for QLoRA (works on CPU too)."
    )
    dtype: Literal["auto", "float32", "bfloat16", "float16"] = Field(
        "auto", description="Compute dtype; 'auto' is bf16 on CUDA with bf16 support, fp32 otherwise."
    )
    lora: LoraSettings = Field(default_factory=LoraSettings, description="LoRA adapter settings.")


class DataSettings(Settings):
    train: str = Field(
        "data/gec/train.jsonl",
        description="Prompts to generate from: jsonl/csv/parquet file or saved HF dataset dir.",
    )
    test: str | None = Field(
        "data/gec/test.jsonl", description="Held-out prompts with references for evaluation."
    )
    input_field: str = Field("text", description="Field holding the input text of each item.")
    reference_field: str | None = Field(
        "reference", description="Field holding the reference answer (None: none)."
    )
    id_field: str | None = Field(
        "id", description="Field holding a stable item id (None or missing: the row number)."
    )
    rationale_field: str | None = Field(
        None,
        description="Field holding a rationale (how the answer is reached; rows may lack one): SFT trains it as a "
        "second task (train.per_algorithm.sft), `rankdistill label --rationales` writes it (None: none).",
    )
    system_prompt: str | None = Field(
        None, description="System message put before every prompt (None: no system message)."
    )
    user_template: str = Field(
        "{input}", description="User message; '{input}' is replaced by the item's input text."
    )
    max_prompts: int | None = Field(
        None,
        gt=0,
        description="Prompts a generation round samples: round r takes the next N of the shuffled training set "
        "(None: all). SFT and GRPO learn from every training prompt.",
    )
    shuffle: bool = Field(True, description="Shuffle training prompts (seeded) before rounds take them.")
    max_input_tokens: int | None = Field(
        2048,
        gt=0,
        description="Skip (and count) inputs longer than this many tokens, estimated as UTF-8 bytes / 4 "
        "(None: keep all).",
    )

    @field_validator("user_template")
    @classmethod
    def _only_input_placeholder(cls, v: str) -> str:
        names = set(re.findall(r"(?<!\{)\{([^{}]*)\}(?!\})", v))
        bad = sorted(names - {"input"})
        if bad:
            raise ValueError(
                f"unknown placeholder(s) {', '.join('{' + b + '}' for b in bad)}; only {{input}} is known"
            )
        if "input" not in names:
            raise ValueError("the template must contain {input}")
        return v


class _GenerationSettings(Settings):
    # settings_model (generation/backends.py) narrows backend to auto | each registered backend and adds one
    # section per backend with settings, generation.<name>
    backend: str = Field("auto", description="Generation engine: auto, or a generation backend's name.")
    k: int = Field(4, ge=2, description="Candidates sampled per prompt.")
    greedy: bool = Field(
        True,
        description="Add the student's greedy answer to each prompt's candidates (source 'greedy'), ranked like "
        "the samples: the round's signal (prefs/stats.json) measures the samples against it.",
    )
    temperature: float = Field(1.0, gt=0, description="Sampling temperature for candidates.")
    top_p: float = Field(1.0, gt=0, le=1, description="Nucleus sampling threshold.")
    max_new_tokens: int = Field(64, gt=0, description="Longest candidate, in tokens.")
    batch_size: PositiveInt | Literal["auto"] = Field(
        "auto",
        description="Prompts per generate() call (each yields k sequences); 'auto': 16 on CPU, on CUDA as many as "
        "half the GPU's memory holds.",
    )
    stop: list[str | int] | None = Field(
        None,
        description="Strings or token ids that end an answer, beside EOS, in generation and evaluation "
        "(None: the chat template's end-of-turn marker; []: EOS only); e.g. ['<end_of_turn>', '\\n'] for "
        "one-line answers: a one-character string ends an answer at the token that holds it.",
    )
    sources: list[Literal["student", "reference", "teacher"]] = Field(
        ["student"],
        description="Where candidates come from: the student's k samples, plus the prompt's reference (teacher "
        "label) and/or the openai teacher's own answer (ledger-cached); the judge never sees the source.",
    )

    @field_validator("stop")
    @classmethod
    def _no_empty_stop(cls, v: list[str | int] | None) -> list[str | int] | None:
        if v is not None and any(isinstance(s, str) and not s for s in v):
            raise ValueError("an empty string would end every answer before it starts")
        return v

    @field_validator("sources")
    @classmethod
    def _student_first(cls, v: list[str]) -> list[str]:
        if "student" not in v:
            raise ValueError("must include 'student' (the k samples the preference rounds learn from)")
        if len(set(v)) != len(v):
            raise ValueError(f"lists a source twice: {v}")
        return v


# A judge section is validated by its kind's own settings class (rankdistill/judging/: one module per kind).
JudgeSection = judge_section()


GenerationSettings = settings_model(_GenerationSettings)


class PreferenceSettings(Settings):
    strategy: Literal["best_vs_worst", "best_vs_next", "best_vs_rest", "all_pairs"] = Field(
        "best_vs_worst",
        description="How pairs are built from a ranking: the best answer against the worst, the next-best "
        "(hardest negative), each worse one, or every ordered pair.",
    )
    min_margin: float = Field(
        0.0, ge=0, description="Drop pairs whose score difference is not above this margin."
    )
    best_margin: float = Field(
        0.0,
        ge=0,
        description="raft: a prompt's top-ranked answer is trained on only when its score beats every different "
        "answer's by more than this.",
    )
    best_ties: Literal["skip", "each"] = Field(
        "skip",
        description="raft: when different answers share the top score (a judge with many right answers, e.g. "
        "checks), 'skip' the prompt (none is clearly best) or train on 'each' of them (rejection-sampling "
        "fine-tuning: every distinct answer that scores best, when the best beats the others by best_margin).",
    )
    keep_tied_correct: bool = Field(
        False,
        description="raft: also train on prompts whose candidates all equal the reference (all tied, all "
        "correct: 'keep answering this'), which otherwise give no pair and no top answer.",
    )
    skip_tied: bool = Field(
        False,
        description="Dynamic sampling (DAPO): the generate stage ranks candidates as it samples and keeps drawing "
        "training prompts until data.max_prompts of them have candidates that do not all tie.",
    )
    max_draw: int = Field(
        4,
        ge=1,
        description="skip_tied: a round draws at most this many times data.max_prompts prompts, then trains on "
        "the prompts with signal it found.",
    )


def _per_algorithm_settings() -> type[Settings]:
    """train.per_algorithm: one section per registered algorithm, validated by that algorithm's own settings."""
    fields: dict[str, Any] = {
        a.name: (a.settings, Field(default_factory=a.settings, description=a.summary)) for a in ALGORITHMS
    }
    return create_model("PerAlgorithmSettings", __base__=Settings, **fields)


Algorithm = Literal[tuple(ALGORITHMS.names())]  # type: ignore[valid-type]
PerAlgorithmSettings = _per_algorithm_settings()


class TrainSettings(Settings):
    algorithm: Algorithm = Field(
        "dpo",
        description="The algorithm of every round (without a schedule): "
        + "; ".join(f"{a.name}: {a.summary}" for a in ALGORITHMS)
        + ".",
    )
    schedule: list[Algorithm] | None = Field(
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


class EvalSettings(Settings):
    data: str | None = Field(None, description="Evaluation prompts (None: data.test).")
    max_prompts: int | None = Field(None, gt=0, description="Evaluate on the first N items only (None: all).")
    max_new_tokens: int = Field(64, gt=0, description="Longest greedy answer, in tokens.")
    batch_size: PositiveInt | Literal["auto"] = Field(
        "auto",
        description="Prompts per generate() call; 'auto': 32 on CPU, on CUDA as many as half the GPU's memory holds.",
    )


class Recipe(Settings):
    name: str = Field("run", description="Run name; the default run directory is runs/<name>.")
    seed: int = Field(0, description="Seed for shuffling, sampling and training.")
    rounds: int = Field(2, ge=1, description="Rounds of generate -> judge -> prefs -> train -> eval.")
    student: StudentSettings = Field(default_factory=StudentSettings, description="The model being trained.")
    data: DataSettings = Field(default_factory=DataSettings, description="Training and test prompts.")
    generation: GenerationSettings = Field(
        default_factory=GenerationSettings, description="Candidate sampling."
    )
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
            got = _hide_credentials(e.get("input"), key.endswith("base_url"))
            lines.append(f"{source}: key '{key}': {e['msg']} (got {got!r})")
    return "\n".join(lines)


def _hide_credentials(value: Any, is_url: bool = False) -> Any:
    """A value to quote in an error: every judge base_url in it without user:password or query."""
    from .judging.openai_backend import public_url

    if is_url and isinstance(value, str) and "://" in value:
        return public_url(value)
    if isinstance(value, dict):
        return {k: _hide_credentials(v, k == "base_url") for k, v in value.items()}
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
      is another algorithm's own setting stays, to be refused as unknown).
    """
    train = tree.get("train")
    if not isinstance(train, dict):
        return []
    notes: list[str] = []
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
    """The recipe as files keep it: judge URLs without their credentials (see judging.openai_backend.saved_url),
    which only the process that was given them holds."""
    from .judging.openai_backend import saved_url

    def strip(node: Any) -> None:  # every base_url in the judge section, its members' included
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "base_url" and isinstance(value, str):
                    node[key] = saved_url(value)
                else:
                    strip(value)
        elif isinstance(node, list):
            for value in node:
                strip(value)

    tree = recipe.model_dump(mode="json")
    strip(tree["judge"])
    return tree
