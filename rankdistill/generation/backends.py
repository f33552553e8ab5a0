"""Generation backends: the engines that sample the student's candidates and its greedy evaluation answers.

A backend is one module of this package (or of a plug-in, through the ``rankdistill.backends`` entry-point
group) holding ``BACKEND = Backend(...)``: its name (what ``generation.backend`` names), its settings section
(``generation.<name>``, validated by its own Settings class), whether it is installed, whether ``auto`` may pick
it on this machine for this student and why, its preflight check, and how it makes a ``Generator`` (``stream``,
``generate``, ``close``; hf.HFGenerator is the reference). Adding a backend is adding a file.

A backend sees its own section (None when it has no settings) and a small explicit context: the student's
section, the round's adapter, the stop strings (generation.stop); never the whole recipe.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol

from ..errors import UserError
from ..records import Completion
from ..registry import Registry
from ..settings import Settings

if TYPE_CHECKING:
    from ..recipe import Recipe
    from ..sections import StudentSettings


class BackendError(UserError):
    """The generation backend asked for cannot run here; the message says what to install."""


def _fits_anywhere(settings: Any, student: StudentSettings) -> tuple[bool, str]:
    return True, "it runs anywhere"


def _nothing_to_check(settings: Any) -> None:
    return None


def token_limits(max_new_tokens: int, each: list[int] | None, count: int) -> list[int]:
    """Each of ``count`` prompts' token limit, within 1 .. ``max_new_tokens`` (``each`` None: max_new_tokens for
    all): what a backend does with ``max_new_tokens_each``."""
    if each is None:
        return [max_new_tokens] * count
    if len(each) != count:
        raise ValueError(f"{len(each)} token limits for {count} conversations")
    return [max(1, min(max_new_tokens, n)) for n in each]


class Generator(Protocol):
    """What a backend's ``make`` returns: the generate stage calls ``stream`` (k sampled answers per prompt),
    evaluation ``stream`` with ``greedy=True``; ``close`` frees the engine's memory before the next stage."""

    def stream(
        self,
        messages: list[list[dict[str, str]]],
        seeds: list[int],
        group: int | str,
        k: int = 1,
        temperature: float = 1.0,
        top_p: float = 1.0,
        max_new_tokens: int = 64,
        greedy: bool = False,
        max_new_tokens_each: list[int] | None = None,
    ) -> Iterator[list[tuple[int, list[Completion]]]]:
        """Yields (position in ``messages``, its completions) for prompts as they finish; prompt j is seeded with
        ``seeds[j]``; ``group``: generation.batch_size / eval.batch_size (an int or 'auto'), for backends that
        batch. ``max_new_tokens_each``: prompt j's answers end after that many tokens (finish_reason "length"),
        never more than ``max_new_tokens`` (None: max_new_tokens for all; optional for plug-ins: budget.py)."""
        ...

    def generate(
        self,
        messages: list[list[dict[str, str]]],
        k: int = 1,
        temperature: float = 1.0,
        top_p: float = 1.0,
        max_new_tokens: int = 64,
        greedy: bool = False,
        seed: int = 0,
        max_new_tokens_each: list[int] | None = None,
    ) -> list[list[Completion]]:
        """One list of completions per conversation, all at once (``max_new_tokens_each``: as in ``stream``)."""
        ...

    def close(self) -> None: ...


@dataclass(frozen=True)
class Backend:
    name: str  # generation.backend's value; also the name of its settings section, generation.<name>
    summary: str  # one line: what it is, for the recipe's field descriptions
    # (its section, the student, the round's adapter or None, generation.stop) -> a generator
    make: Callable[[Any, StudentSettings, Path | None, list[str | int] | None], Generator]
    settings: type[Settings] | None = None  # its section generation.<name> (None: it has no settings)
    title: str = ""  # its name in messages ("vLLM"); default: name
    available: Callable[[], bool] = lambda: True  # installed?
    missing: str = ""  # what to install when it is not (BackendError's message)
    auto: int | None = None  # its place in auto's order of preference, lowest first; None: only when named
    # (its section, the student) -> whether auto may pick it on this machine, and why
    fits: Callable[[Any, StudentSettings], tuple[bool, str]] = _fits_anywhere
    check: Callable[[Any], None] = _nothing_to_check  # preflight, on its section: RecipeError on a bad setting

    @property
    def label(self) -> str:
        return self.title or self.name

    def section(self, generation: Any) -> Any:
        """Its settings in the recipe's generation section (generation.<name>; None: it has none)."""
        return getattr(generation, self.name) if self.settings is not None else None


def check_backend_entry(entry: Any) -> None:
    """A plug-in's BACKEND is one: a Backend whose settings class, if any, is a Settings of defaults."""
    from ..registry import settings_problem

    if not isinstance(entry, Backend):
        raise TypeError(f"{type(entry).__name__} is not a rankdistill.generation.backends.Backend")
    if entry.settings is not None:
        settings_problem(entry.settings, Settings)


BACKENDS: Registry[Backend] = Registry(
    "generation backend",
    group="rankdistill.backends",
    package="rankdistill.generation",
    attr="BACKEND",
    check=check_backend_entry,
)


def explain_backend(recipe: Recipe) -> tuple[str, str]:
    """(backend, why): what the recipe's ``generation.backend`` resolves to on this machine. ``auto`` takes the
    first backend in order of preference that is installed and fits; why says what ruled out the ones before it."""
    setting = recipe.generation.backend
    if setting != "auto":
        backend = BACKENDS.get(setting)
        if not backend.available():
            raise BackendError(backend.missing or f"generation.backend {setting!r} is not installed")
        return setting, "asked for"
    ruled_out = []
    for backend in sorted((b for b in BACKENDS if b.auto is not None), key=lambda b: b.auto):
        ok, why = (
            backend.fits(backend.section(recipe.generation), recipe.student)
            if backend.available() else (False, f"{backend.label} is not installed")
        )
        if ok:
            return backend.name, "auto: " + ("; ".join(ruled_out) or why)
        ruled_out.append(why)
    raise BackendError(f"generation.backend auto: no backend fits ({'; '.join(ruled_out)})")


def choose_backend(recipe: Recipe) -> str:
    """The backend the recipe's ``generation.backend`` resolves to on this machine."""
    return explain_backend(recipe)[0]


def check_backend(recipe: Recipe) -> None:
    """Preflight: the backend asked for is installed, and the settings of every backend that may run are
    accepted (auto: each backend's own check), before any work."""
    setting = recipe.generation.backend
    if setting == "auto":
        for backend in BACKENDS:
            backend.check(backend.section(recipe.generation))
        return
    explain_backend(recipe)  # installed?
    backend = BACKENDS.get(setting)
    backend.check(backend.section(recipe.generation))


def make_generator(recipe: Recipe, adapter: Path | None) -> Generator:
    """A generator for the student with ``adapter`` (None: the base model); call ``close()`` when done."""
    from .. import progress

    name, why = explain_backend(recipe)
    progress.log(f"generation backend: {name} ({why})")
    backend = BACKENDS.get(name)
    return backend.make(backend.section(recipe.generation), recipe.student, adapter, recipe.generation.stop)


def settings_model(base: type[Settings]) -> type[Settings]:
    """``base`` (the generation settings every backend shares) with ``backend: auto | <each backend>`` and one
    section per backend that has settings, so a new backend's section appears by adding its file. A section set
    away from its defaults while ``backend`` names another backend means nothing, and is refused."""
    from pydantic import Field, create_model, field_validator

    names = BACKENDS.names()
    order = [b.name for b in sorted((b for b in BACKENDS if b.auto is not None), key=lambda b: b.auto)]
    fields: dict[str, Any] = {
        "backend": (
            Literal[("auto", *names)],
            Field(
                "auto",
                description=f"Generation engine: auto | {' | '.join(names)}; 'auto' takes the first of "
                f"{', '.join(order)} that is installed and fits the machine and student (vllm: a CUDA device "
                "and a student that is not 4-bit).",
            ),
        )
    }
    sections = [b for b in BACKENDS if b.settings is not None]
    for b in sections:
        fields[b.name] = (
            b.settings,
            Field(default_factory=b.settings, description=f"{b.summary} (generation.backend: {b.name})."),
        )
    validators: dict[str, Any] = {"_backend_plugin": field_validator("backend", mode="before")(_plugin_left_out)}
    if sections:
        validators["_section_fits_backend"] = field_validator(*(b.name for b in sections))(
            _section_fits_backend
        )
    return create_model(
        base.__name__.lstrip("_"),
        __base__=base,
        __module__=base.__module__,
        __validators__=validators,
        **fields,
    )


def _plugin_left_out(cls: Any, value: Any) -> Any:
    BACKENDS.refuse(value)  # a backend plug-in that could not be loaded: why, not "should be 'auto', ..."
    return value


def _section_fits_backend(cls: Any, value: Settings, info: Any) -> Settings:
    chosen, name = info.data.get("backend"), info.field_name
    if chosen in (None, "auto", name):
        return value
    default = type(value)()
    changed = [k for k in type(value).model_fields if getattr(value, k) != getattr(default, k)]
    if changed:
        raise ValueError(
            f"generation.{name}.{changed[0]} does not apply to generation.backend {chosen!r}; "
            f"set generation.backend: {name} (or auto), or drop generation.{name}"
        )
    return value
