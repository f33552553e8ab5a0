"""One registry per kind of extension: training algorithms, judge kinds, generation backends, metrics.

An entry is an object with a ``name``. Built-in entries live in their own module of the registry's package, as a
module-level constant (``ALGORITHM = Algorithm(...)`` in ``train/dpo.py``): the registry imports every module of
the package the first time it is asked, so adding one is adding a file. Entries can also be added by hand
(``add``: metrics.py's metrics). Plug-ins register through the registry's entry-point group, whose object is the
entry itself (``[project.entry-points."rankdistill.algorithms"] mine = "my_pkg.algo:ALGORITHM"``).

Modules of a registry's package are imported while the recipe schema is built, so they import only light
modules at their top (no torch, transformers, trl, vllm, openai; ``rankdistill.recipe`` only under
TYPE_CHECKING).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator
from importlib.metadata import entry_points
from typing import Any, Generic, TypeVar

from .errors import UserError

E = TypeVar("E")


class UnknownEntry(UserError, ValueError):
    """A name no registry entry has; the message lists the known ones."""


class Registry(Generic[E]):
    """Entries of one kind by name: built-ins found in ``package`` (its modules' ``attr``), plug-ins in ``group``."""

    def __init__(self, kind: str, group: str, package: str | None = None, attr: str | None = None):
        self.kind = kind
        self.group = group
        self.package = package
        self.attr = attr
        self._entries: dict[str, E] = {}
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
            try:
                self.add(ep.load())
            except Exception as e:  # noqa: BLE001 - a broken plug-in must not hide the built-ins
                from . import progress

                progress.log(f"warning: {self.kind} plug-in {ep.name!r} ({ep.value}) cannot be loaded: {e}")

    def get(self, name: str) -> E:
        self._load()
        if name not in self._entries:
            raise UnknownEntry(f"unknown {self.kind} {name!r}; known: {', '.join(self.names())}")
        return self._entries[name]

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


def entries_with(registry: Registry[Any], **flags: Any) -> list[Any]:
    """The entries whose attributes equal ``flags`` (e.g. the algorithms that read prefs/lists)."""
    return [e for e in registry if all(getattr(e, k) == v for k, v in flags.items())]
