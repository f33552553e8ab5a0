"""The recipes, judge templates and data shipped with rankdistill, wherever it is installed.

The repository keeps ``recipes/``, ``judges/`` and ``data/`` at its top level; the wheel carries them as
``rankdistill/shipped/{recipes,judges,data}`` (pyproject.toml maps them), found through importlib.resources.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

KINDS = ("recipes", "judges", "data")


def shipped_root() -> Path:
    """The directory holding ``recipes/``, ``judges/`` and ``data/``: inside an installed wheel, else the
    source checkout (an editable install or PYTHONPATH)."""
    packaged = files("rankdistill") / "shipped"
    if packaged.is_dir() and isinstance(packaged, Path):
        return packaged
    return Path(__file__).resolve().parent.parent


def shipped_dir(kind: str) -> Path:
    """``shipped_root() / kind`` for kind in recipes, judges, data."""
    if kind not in KINDS:
        raise ValueError(f"unknown shipped resource kind {kind!r}")
    return shipped_root() / kind


def first_comment(path: Path) -> str:
    """The first comment line of a YAML file (its one-line description), without the '#'."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            return line.lstrip("#").strip()
        if line.strip():
            break
    return ""


def shipped_files(kind: str) -> list[Path]:
    """The shipped recipes or judge templates (YAML files), sorted by name."""
    return sorted(shipped_dir(kind).glob("*.yaml"))


# recipe keys that hold data paths (dotted), rewritten by init_recipe
_DATA_KEYS = ("data.train", "data.test", "eval.data")


def init_recipe(name: str, dest: Path, force: bool = False) -> tuple[Path, list[str]]:
    """Copy the shipped recipe ``name`` to ``dest`` (a .yaml file, or a directory to put ``name.yaml`` in), its
    comments kept and its relative data paths made absolute paths to the packaged data, so the copy works
    from any directory. Returns the written path and the keys rewritten."""
    import re

    import yaml

    from .errors import RecipeError

    stem = name[:-5] if name.endswith(".yaml") else name
    src = shipped_dir("recipes") / f"{stem}.yaml"
    if not src.exists():
        known = ", ".join(p.stem for p in shipped_files("recipes"))
        raise RecipeError(f"{name}: no such shipped recipe (shipped: {known})")
    if dest.is_dir() or dest.suffix not in (".yaml", ".yml"):
        dest = dest / src.name
    if dest.exists() and not force:
        raise RecipeError(f"{dest} exists; pass --force to overwrite it")
    text = src.read_text(encoding="utf-8")
    tree = yaml.safe_load(text) or {}
    rewritten = []
    for dotted in _DATA_KEYS:
        section, key = dotted.split(".")
        value = (tree.get(section) or {}).get(key)
        if not isinstance(value, str) or Path(value).is_absolute():
            continue
        packaged = shipped_root() / value
        if not packaged.exists():
            continue
        # replace the value on its `key: value` line only, so comments and layout stay as they are
        pattern = re.compile(rf"^(\s*{key}:\s*)(['\"]?){re.escape(value)}\2(\s*(#.*)?)$", re.MULTILINE)
        text, n = pattern.subn(lambda m, p=packaged: f"{m.group(1)}{p.resolve()}{m.group(3)}", text, count=1)
        if n:
            rewritten.append(dotted)
    header = (
        f"# An editable copy of the shipped recipe {stem} (written by `rankdistill init`); data paths point at\n"
        f"# the data shipped with rankdistill: change them to use your own.\n"
    )
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(header + text, encoding="utf-8")
    return dest, rewritten
