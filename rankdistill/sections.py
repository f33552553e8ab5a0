"""The recipe's shared sections: the settings that more than one part of rankdistill reads (the student, the data,
candidate sampling, preference pairs, evaluation).

Extensions (generation backends, judge kinds, training algorithms) import them from here; the recipe schema
(recipe.py) composes them with the extensions' own sections. This module imports no extension and no stage.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import Field, PositiveInt, field_validator

from .settings import Settings

__all__ = [
    "DataSettings",
    "EvalSettings",
    "GenerationSettings",
    "LoraSettings",
    "PreferenceSettings",
    "StudentSettings",
]


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


class GenerationSettings(Settings):
    """The generation section's shared fields; the recipe's section adds one section per backend with settings
    (generation.<name>) and narrows ``backend`` to auto | each registered backend (backends.settings_model)."""

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
    max_new_tokens_over_input: int | None = Field(
        None,
        ge=0,
        description="Each candidate the generate stage samples (and its greedy answer) gets at most its input's "
        "token count (the data.input_field text, tokenized by the student's tokenizer) plus this many tokens, "
        "never more than max_new_tokens; None: max_new_tokens for every prompt. For rewriting tasks such as GEC, "
        "in every round alike (ppo and grpo's own rollouts keep max_new_tokens).",
    )
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



class PreferenceSettings(Settings):
    strategy: Literal["best_vs_worst", "best_vs_next", "best_vs_rest", "all_pairs"] = Field(
        "best_vs_worst",
        description="How pairs are built from a ranking: the best answer against the worst, the next-best "
        "(hardest negative), each worse one, or every ordered pair.",
    )
    min_margin: float = Field(
        0.0, ge=0, description="Drop pairs whose score difference is not above this margin."
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


class EvalSettings(Settings):
    data: str | None = Field(None, description="Evaluation prompts (None: data.test).")
    max_prompts: int | None = Field(None, gt=0, description="Evaluate on the first N items only (None: all).")
    max_new_tokens: int = Field(64, gt=0, description="Longest greedy answer, in tokens.")
    max_new_tokens_over_input: int | None = Field(
        None,
        ge=0,
        description="Each answer gets at most its input's token count (the data.input_field text, tokenized by "
        "the student's tokenizer) plus this many tokens, never more than max_new_tokens; None: max_new_tokens "
        "for every prompt. For rewriting tasks such as GEC; the same rule in every round (round 0 included), so "
        "paired comparisons stay fair.",
    )
    batch_size: PositiveInt | Literal["auto"] = Field(
        "auto",
        description="Prompts per generate() call; 'auto': 32 on CPU, on CUDA as many as half the GPU's memory holds.",
    )
