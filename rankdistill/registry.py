"""One registry per kind of extension: training algorithms, judge kinds, generation backends, metrics.

An entry is an object with a ``name``. Built-in entries live in their own module of the registry's package, as a
module-level constant (``ALGORITHM = Algorithm(...)`` in ``train/dpo.py``): the registry imports every module of
the package the first time it is asked, so adding one is adding a file. Entries can also be added by hand
(``add``: metrics.py's metrics). Plug-ins register through the registry's entry-point group, whose object is the
entry itself (``[project.entry-points."rankdistill.algorithms"] mine = "my_pkg.algo:ALGORITHM"``).

Modules of a registry's package are imported while the recipe schema is built, so they import only light
modules at their top (no torch, transformers, trl, vllm, openai) and never the schema (``rankdistill.recipe``)
at runtime: tests/test_layers.py fails on such an import, and on any import cycle.

A plug-in fails alone: one that cannot be imported, fails the registry's ``check`` (a settings class that is no
pydantic class, or has a field without a default) or is named like a built-in is left out, and its one-line
reason (``problems``) is what naming it says (``refuse``) and what `rankdistill recipes` lists.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterator
from importlib.metadata import entry_points
from typing import Any, Generic, TypeVar

from .errors import UserError

E = TypeVar("E")


class UnknownEntry(UserError, ValueError):
    """A name no registry entry has; the message lists the known ones."""


class Registry(Generic[E]):
    """Entries of one kind by name: built-ins found in ``package`` (its modules' ``attr``), plug-ins in ``group``."""

    def __init__(
        self,
        kind: str,
        group: str,
        package: str | None = None,
        attr: str | None = None,
        check: Callable[[Any], None] | None = None,
    ):
        self.kind = kind
        self.group = group
        self.package = package
        self.attr = attr
        self.check = check  # raises (ValueError, TypeError) on a plug-in entry rankdistill cannot use
        self._entries: dict[str, E] = {}
        self._plugins: dict[str, str] = {}  # plug-in entry name -> its entry point's "module:attr"
        self._problems: dict[str, str] = {}  # plug-in name -> why it is left out (one line)
        self._warned: set[str] = set()
        self._loaded = False

    def add(self, entry: E) -> E:
        """Register ``entry`` under its name (a second entry of the same name is a mistake, not an override)."""
        name = entry.name  # type: ignore[attr-defined]
        if name in self._entries and self._entries[name] is not entry:
            raise ValueError(f"two {self.kind}s are named {name!r}")
        self._entries[name] = entry
        return entry

    def _load(self) -> None:
        if self._loaded:
            return
        self._loaded = True  # before importing: a module may ask the registry while it is imported
        if self.package:
            pkg = importlib.import_module(self.package)
            for info in pkgutil.iter_modules(pkg.__path__):
                module = importlib.import_module(f"{self.package}.{info.name}")
                entry = getattr(module, self.attr, None) if self.attr else None
                if entry is not None:
                    self.add(entry)
        for ep in entry_points(group=self.group):
            where = f"{self.kind} plug-in {ep.name!r} ({ep.value})"
            try:
                entry = ep.load()
                name = getattr(entry, "name", None)
                if not isinstance(name, str) or not name:
                    raise TypeError(f"{type(entry).__name__} is not a {self.kind} entry (it has no name)")
                if self.check is not None:
                    self.check(entry)
            except Exception as e:  # noqa: BLE001 - a broken plug-in must not hide the built-ins (nor break them)
                self._problems.setdefault(ep.name, f"{where} cannot be used: {one_line(e)}")
                continue
            if name in self._entries:
                owner = "a built-in" if name not in self._plugins else f"another plug-in ({self._plugins[name]})"
                self._problems.setdefault(
                    name, f"{where} is left out: {owner} {self.kind} is named {name!r}; rename the plug-in"
                )
                continue
            self._entries[name] = entry
            self._plugins[name] = ep.value

    def get(self, name: str) -> E:
        self._load()
        self.refuse(name)
        if name not in self._entries:
            raise UnknownEntry(f"unknown {self.kind} {name!r}; known: {', '.join(self.names())}")
        return self._entries[name]

    def refuse(self, name: Any) -> None:
        """When ``name`` is a plug-in that was left out: UnknownEntry saying why; when it is a built-in that a
        plug-in of that name could not replace: a warning saying so (once)."""
        self._load()
        problem = self._problems.get(name) if isinstance(name, str) else None
        if problem is None:
            return
        if name not in self._entries:
            raise UnknownEntry(problem)
        if name not in self._warned:
            from . import progress

            self._warned.add(name)
            progress.log(f"warning: {problem}")

    @property
    def problems(self) -> dict[str, str]:
        """Plug-in name -> why it is left out, one line each."""
        self._load()
        return dict(self._problems)

    def origin(self, name: str) -> str | None:
        """The "module:attr" of a plug-in entry; None for a built-in."""
        self._load()
        return self._plugins.get(name)

    def names(self) -> list[str]:
        self._load()
        return list(self._entries)

    def __contains__(self, name: object) -> bool:
        self._load()
        return name in self._entries

    def __iter__(self) -> Iterator[E]:
        self._load()
        return iter(list(self._entries.values()))

    def __repr__(self) -> str:
        return f"Registry({self.kind}: {', '.join(self.names())})"


def one_line(error: BaseException) -> str:
    """An exception as one line: its type and the first line of its message."""
    text = str(error).strip().splitlines()
    return f"{type(error).__name__}: {text[0]}" if text else type(error).__name__


def settings_problem(settings: Any, base: type) -> None:
    """TypeError unless ``settings`` is a subclass of the settings class ``base`` whose every field has a default
    (a plug-in's section is built from its defaults when the recipe leaves it out)."""
    if not (isinstance(settings, type) and issubclass(settings, base)):
        raise TypeError(f"its settings {settings!r} is not a pydantic settings class (a subclass of {base.__name__})")
    required = [n for n, f in settings.model_fields.items() if f.is_required() and n != "kind"]
    if required:
        raise TypeError(
            f"its settings class {settings.__name__} has fields without a default ({', '.join(required)}); "
            "every setting needs one"
        )


def entries_with(registry: Registry[Any], **flags: Any) -> list[Any]:
    """The entries whose attributes equal ``flags`` (e.g. the algorithms that read prefs/lists)."""
    return [e for e in registry if all(getattr(e, k) == v for k, v in flags.items())]
