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
    field_validator,
    model_validator,
)

from .errors import RecipeError
from .generation.backends import settings_model
from .settings import Settings

DEFAULT_RECIPE = "gec-smollm2-dpo"


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
        "(None: the chat template's end-of-turn marker; []: EOS only).",
    )
    sources: list[Literal["student", "reference", "teacher"]] = Field(
        ["student"],
        description="Where candidates come from: the student's k samples, plus the prompt's reference (teacher "
        "label) and/or the openai teacher's own answer (ledger-cached); the judge never sees the source.",
    )

    @field_validator("sources")
    @classmethod
    def _student_first(cls, v: list[str]) -> list[str]:
        if "student" not in v:
            raise ValueError("must include 'student' (the k samples the preference rounds learn from)")
        if len(set(v)) != len(v):
            raise ValueError(f"lists a source twice: {v}")
        return v


GenerationSettings = settings_model(_GenerationSettings)


class PriceSettings(Settings):
    input: float = Field(0.0, ge=0, description="Dollars per million prompt tokens.")
    output: float = Field(0.0, ge=0, description="Dollars per million completion tokens.")


BUILTIN_JUDGES = ("reference", "openai", "local", "ensemble")
# Which judge settings mean something for which kind; setting any other one (to a non-default value) is an
# error, so a typo'd kind or a leftover setting never goes silently unused. User judges take `options`.
_JUDGE_FIELDS = {
    "reference": {"similarity"},
    "openai": {
        "model",
        "template",
        "mode",
        "base_url",
        "base_url_env",
        "api_key_env",
        "concurrency",
        "timeout",
        "max_retries",
        "backoff",
        "temperature",
        "max_tokens",
        "seed",
        "structured_output",
        "price_per_mtok",
        "max_cost",
        "max_abstain_rate",
    },
    "local": {"model", "template", "mode", "max_cost", "max_abstain_rate"},
    "ensemble": {"members", "aggregate", "max_cost", "max_abstain_rate"},
    "plugin": {"options", "model", "template", "mode", "max_cost", "max_abstain_rate"},
}


class JudgeSettings(Settings):
    kind: str = Field(
        "reference",
        description="Who ranks candidates: reference | openai | local | ensemble | a `rankdistill.judges` "
        "entry point name | a 'module:attr' path to a user judge factory.",
    )
    similarity: Literal["chrf", "edit_distance"] = Field(
        "chrf",
        description="Breaks ties between non-exact candidates: chrF or normalised edit distance to the reference.",
    )
    model: str | None = Field(
        None, description="Teacher model: the served model name (openai) or a student-style model id (local)."
    )
    template: str = Field(
        "listwise", description="Judge prompt: a template name in judges/ or a path to your own YAML file."
    )
    mode: Literal["listwise", "pairwise", "pointwise"] | None = Field(
        None, description="Judging mode; None: the template's. Must agree with the template."
    )
    base_url: str | None = Field(
        None, description="Server URL, e.g. http://127.0.0.1:8000/v1 (None: $OPENAI_BASE_URL, else OpenAI)."
    )
    base_url_env: str = Field("OPENAI_BASE_URL", description="Environment variable read for the server URL.")
    api_key_env: str = Field(
        "OPENAI_API_KEY",
        description="Environment variable holding the API key (the key itself is never stored).",
    )
    concurrency: int = Field(8, gt=0, description="Judge calls in flight at once.")
    timeout: float = Field(60.0, gt=0, description="Seconds before one call times out (then it is retried).")
    max_retries: int = Field(
        5, ge=0, description="Retries of a call on 429, 5xx, timeouts and lost connections."
    )
    backoff: float = Field(
        1.0,
        ge=0,
        description="First retry wait in seconds; doubles each retry, with jitter (Retry-After wins).",
    )
    temperature: float = Field(0.0, ge=0, description="Judge sampling temperature.")
    max_tokens: int = Field(256, gt=0, description="Longest judge reply, in tokens.")
    seed: int | None = Field(None, description="Sampling seed sent to the server (None: not sent).")
    structured_output: Literal["auto", "json_schema", "none"] = Field(
        "auto",
        description="Ask for JSON matching a schema (response_format); 'auto' falls back to lenient parsing "
        "when the server refuses it.",
    )
    price_per_mtok: PriceSettings = Field(
        default_factory=PriceSettings,
        description="Prices used for the ledger's cost column, $ per 1M tokens.",
    )
    max_cost: float | None = Field(
        None, gt=0, description="Stop judging cleanly once this many dollars are spent (None: no limit)."
    )
    max_abstain_rate: float = Field(
        0.5,
        ge=0,
        le=1,
        description="Stop the judge stage (unfinished, resumable) when more than this share of rankings abstained.",
    )
    members: list[JudgeSettings] = Field(
        default_factory=list, description="Ensemble: the judges combined (each a judge section of its own)."
    )
    aggregate: Literal["borda", "mean_score", "majority"] = Field(
        "borda", description="Ensemble: Borda count, mean normalised score, or pairwise majority vote."
    )
    options: dict[str, Any] = Field(
        default_factory=dict, description="User judges: keyword arguments passed to their factory."
    )

    @model_validator(mode="after")
    def _fields_fit_kind(self) -> JudgeSettings:
        kind = self.kind if self.kind in BUILTIN_JUDGES else "plugin"
        if kind == "plugin" and ":" not in self.kind:
            from importlib.metadata import entry_points

            names = sorted(ep.name for ep in entry_points(group="rankdistill.judges"))
            if self.kind not in names:
                raise ValueError(
                    f"judge.kind: unknown judge {self.kind!r} (built in: {', '.join(BUILTIN_JUDGES)}; "
                    f"installed plugins: {', '.join(names) or 'none'}; or 'module:attr')"
                )
        allowed = _JUDGE_FIELDS[kind]
        defaults = JudgeSettings.model_construct()
        for name in type(self).model_fields:
            if name == "kind" or name in allowed:
                continue
            if getattr(self, name) != getattr(defaults, name):
                raise ValueError(
                    f"judge.{name} does not apply to judge.kind {self.kind!r} (its settings: {', '.join(sorted(allowed))})"
                )
        if kind == "openai" and not self.model:
            raise ValueError(
                "judge.model: the openai judge needs the served model's name (--set judge.model=NAME)"
            )
        if kind == "ensemble" and len(self.members) < 2:
            raise ValueError("judge.members: an ensemble needs at least two member judges")
        if kind in ("openai", "local"):
            from .judging.templates import TemplateError, load_template

            try:
                tpl = load_template(self.template)
            except TemplateError as e:
                raise ValueError(f"judge.template: {e}") from None
            if self.mode is not None and self.mode != tpl.mode:
                raise ValueError(
                    f"judge.mode {self.mode} disagrees with template {tpl.path} (mode {tpl.mode})"
                )
            if kind == "local" and tpl.mode == "listwise":
                raise ValueError(
                    "judge.template: the local judge scores pairwise or pointwise templates "
                    f"(log-probabilities of one verdict token); {tpl.path} is listwise"
                )
        return self


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
    keep_tied_correct: bool = Field(
        False,
        description="raft: also train on prompts whose candidates all equal the reference (all tied, all "
        "correct: 'keep answering this'), which otherwise give no pair and no top answer.",
    )


# Each has a trainer in rankdistill/train/ (the dispatch table there: train.TRAINERS).
ALGORITHMS = ("dpo", "dpo_listwise", "rrhf", "raft", "ppo", "grpo", "sft")
Algorithm = Literal[ALGORITHMS]


class TrainSettings(Settings):
    algorithm: Algorithm = Field(
        "dpo",
        description="dpo (trl.DPOTrainer), dpo_listwise (our Plackett-Luce DPO over whole rankings), rrhf (our "
        "listwise trainer), raft (trl.SFTTrainer on each prompt's top-ranked answer), ppo (our actor-critic, "
        "judge as reward), grpo (trl.GRPOTrainer, judge as reward), sft (trl.SFTTrainer on the references).",
    )
    schedule: list[Algorithm] | None = Field(
        None,
        description="Algorithm per round, e.g. [sft, dpo]: round 1 sft, later rounds dpo (the last entry "
        "repeats); None: train.algorithm every round.",
    )
    reference: Literal["initial", "previous"] = Field(
        "initial",
        description="Reference policy of dpo, dpo_listwise and ppo from round 2 on: the initial student, or "
        "the previous round's.",
    )
    max_steps: int = Field(40, gt=0, description="Optimizer steps per round.")
    learning_rate: float = Field(5e-5, gt=0, description="Peak learning rate.")
    batch_size: int = Field(4, gt=0, description="Pairs per device per step.")
    gradient_accumulation_steps: int = Field(1, gt=0, description="Micro-batches per optimizer step.")
    beta: float = Field(0.1, gt=0, description="DPO and listwise DPO beta (strength of the KL constraint).")
    save_steps: int = Field(
        10, gt=0, description="Checkpoint every N steps so a killed run resumes mid-training."
    )
    args: dict[str, Any] = Field(
        default_factory=dict,
        description="Any other field of train.algorithm's config class (trl.DPOConfig, trl.GRPOConfig, "
        "trl.SFTConfig for sft and raft, TrainingArguments for rrhf and dpo_listwise, PPOConfig for ppo), "
        "passed through (e.g. loss_type: ipo).",
    )
    per_algorithm: dict[Algorithm, dict[str, Any]] = Field(
        default_factory=dict,
        description="Settings by algorithm, for schedules and compare: max_steps, learning_rate, batch_size, "
        "gradient_accumulation_steps, save_steps override train's; anything else is passed through to its config "
        "class, e.g. {sft: {learning_rate: 3.0e-4}, grpo: {beta: 0.0}}; merged over train.args when that "
        "algorithm is train.algorithm.",
    )
    reward: Literal["scores", "rank"] = Field(
        "scores",
        description="GRPO and PPO reward: the judge's scores, or rank-derived (share of the group each sample "
        "beats).",
    )
    rank_weight: float = Field(1.0, ge=0, description="RRHF: weight of the ranking loss L_rank.")
    ft_weight: float = Field(
        1.0, ge=0, description="RRHF: weight of the cross-entropy on the best-scored candidate L_ft."
    )
    kl_coef: float = Field(
        0.05,
        ge=0,
        description="PPO: per-token KL penalty to the reference (its start value if target_kl is set).",
    )
    target_kl: float | None = Field(
        None,
        gt=0,
        description="PPO: adapt kl_coef toward this KL per sample (Ziegler et al., 2019); None: fixed.",
    )
    gamma: float = Field(1.0, ge=0, le=1, description="PPO: discount γ of GAE.")
    lam: float = Field(
        0.95, ge=0, le=1, description="PPO: GAE λ (bias-variance trade-off of the advantages)."
    )
    clip_eps: float = Field(0.2, gt=0, description="PPO: clip range ε of the policy ratio.")
    value_clip_eps: float = Field(
        0.2, gt=0, description="PPO: clip range of the value update around the old value."
    )
    vf_coef: float = Field(0.1, ge=0, description="PPO: weight of the value loss beside the policy loss.")
    ppo_epochs: int = Field(2, gt=0, description="PPO: passes over each rollout batch.")
    minibatch_size: int = Field(
        8,
        gt=0,
        description="PPO: samples per optimizer update (a rollout batch is batch_size × generation.k).",
    )


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
    judge: JudgeSettings = Field(
        default_factory=JudgeSettings, description="The teacher that ranks candidates."
    )
    preferences: PreferenceSettings = Field(
        default_factory=PreferenceSettings, description="Rankings to training pairs."
    )
    train: TrainSettings = Field(default_factory=TrainSettings, description="Preference training.")
    eval: EvalSettings = Field(
        default_factory=EvalSettings, description="Greedy evaluation after each round."
    )

    @model_validator(mode="after")
    def _reference_needs_field(self) -> Recipe:
        if self.judge.kind == "reference" and not self.data.reference_field:
            raise ValueError("judge.kind 'reference' needs data.reference_field")
        if "reference" in self.generation.sources and not self.data.reference_field:
            raise ValueError("generation.sources: 'reference' needs data.reference_field")
        if "teacher" in self.generation.sources and self.judge.kind != "openai":
            raise ValueError(
                "generation.sources: 'teacher' asks the openai teacher for its own answer; "
                f"judge.kind is {self.judge.kind!r}"
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
        key = ".".join(str(p) for p in e["loc"]) or "(top level)"
        if e["type"] == "extra_forbidden":
            lines.append(f"{source}: unknown key '{key}'")
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


# Typed train fields an algorithm may set for itself in train.per_algorithm (e.g. SFT at a higher learning rate
# and for more steps than the DPO rounds after it, as Zephyr's dSFT and dDPO differ).
PER_ALGORITHM_TYPED = (
    "max_steps",
    "learning_rate",
    "batch_size",
    "gradient_accumulation_steps",
    "save_steps",
)


def _override_per_algorithm(tree: dict[str, Any], overrides: dict[str, Any]) -> None:
    """A --set of a typed train field (train.max_steps=2) wins over the file everywhere, the file's
    train.per_algorithm values included, unless the --sets also name that algorithm's settings."""
    per_algorithm = (tree.get("train") or {}).get("per_algorithm") or {}
    for key in PER_ALGORITHM_TYPED:
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


def load_recipe(path: str | Path | None = None, overrides: dict[str, Any] | None = None) -> Recipe:
    """Load and validate a recipe file, applying dotted overrides; RecipeError names the file and key."""
    path = resolve_recipe_path(path)
    try:
        tree = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as e:
        raise RecipeError(f"{path}: not valid YAML: {e}") from e
    if not isinstance(tree, dict):
        raise RecipeError(f"{path}: a recipe is a mapping of keys, got {type(tree).__name__}")
    source = str(path)
    if overrides:
        for dotted, value in overrides.items():
            _set_dotted(tree, dotted, value)
        _override_per_algorithm(tree, overrides)
        source = f"{path} (with --set {', '.join(overrides)})"
    try:
        return Recipe.model_validate(tree)
    except ValidationError as e:
        raise RecipeError(_format_errors(e, source)) from None


def recipe_from_dict(tree: dict[str, Any], source: str = "recipe") -> Recipe:
    """Validate an already-parsed recipe (e.g. a run directory's recipe.yaml)."""
    try:
        return Recipe.model_validate(tree)
    except ValidationError as e:
        raise RecipeError(_format_errors(e, source)) from None


def dump_recipe(recipe: Recipe) -> str:
    """The resolved recipe as YAML (every field, defaults included), as a run directory saves it."""
    return yaml.safe_dump(saved_tree(recipe), sort_keys=False, allow_unicode=True)


def saved_tree(recipe: Recipe) -> dict[str, Any]:
    """The recipe as files keep it: judge URLs without their credentials (see judging.openai_backend.saved_url),
    which only the process that was given them holds."""
    from .judging.openai_backend import saved_url

    def strip(judge: dict[str, Any]) -> None:
        judge["base_url"] = saved_url(judge.get("base_url"))
        for member in judge.get("members") or []:
            strip(member)

    tree = recipe.model_dump(mode="json")
    strip(tree["judge"])
    return tree
