"""User judges: a factory named by a ``module:attr`` path or a ``rankdistill.judges`` entry point.

The factory is called with ``judge.options`` as keyword arguments and returns a Judge (anything with a
``name`` and ``rank(CandidateSet) -> Ranking``); an object that already has ``rank`` is used as it is.
"""

from __future__ import annotations

import importlib
from importlib.metadata import entry_points
from typing import Any

from ..errors import UserError

ENTRY_POINT_GROUP = "rankdistill.judges"


class PluginError(UserError, ValueError):
    """A user judge that cannot be found, loaded or used."""


def load_factory(kind: str) -> Any:
    """The factory (or judge object) a user judge kind names; importing it is cheap enough to check early."""
    if ":" in kind:
        module, _, attr = kind.partition(":")
        try:
            factory = getattr(importlib.import_module(module), attr)
        except (ImportError, AttributeError) as e:
            raise PluginError(f"judge.kind {kind!r}: cannot load it ({e})") from None
    else:
        eps = [ep for ep in entry_points(group=ENTRY_POINT_GROUP) if ep.name == kind]
        if not eps:
            raise PluginError(f"judge.kind {kind!r}: no such judge in the {ENTRY_POINT_GROUP!r} entry points")
        try:
            factory = eps[0].load()
        except (ImportError, AttributeError) as e:
            raise PluginError(f"judge.kind {kind!r}: cannot load its entry point ({e})") from None
    return factory


def load_user_judge(settings: Any) -> Any:
    kind = settings.kind
    factory = load_factory(kind)
    judge = (
        factory if hasattr(factory, "rank") and not isinstance(factory, type) else factory(**settings.options)
    )
    if not callable(getattr(judge, "rank", None)):
        raise PluginError(
            f"judge.kind {kind!r}: the factory returned {judge!r}, which has no rank(item) method"
        )
    if not getattr(judge, "name", None):
        judge.name = kind
    return judge
