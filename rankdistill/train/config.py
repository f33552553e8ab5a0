"""An algorithm's config (a TrainingArguments subclass): the fields rankdistill fills from the recipe, and the
checks of the pass-through ``train.args`` before any work (owned, unknown, of the wrong type, or refused).
"""

from __future__ import annotations

import dataclasses
import math
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import RecipeError

if TYPE_CHECKING:
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
