"""Installing a plug-in the way `pip install` leaves one: its modules and a dist-info whose entry_points.txt
names them, in a directory the test puts on PYTHONPATH."""

from __future__ import annotations

from pathlib import Path


def install_plugin(site: Path, name: str, modules: dict[str, str], entry_points: dict[str, dict[str, str]]) -> Path:
    """Write ``modules`` (file name -> source) and the package ``name``'s metadata registering ``entry_points``
    ({group: {entry name: "module:attr"}}) into ``site``; returns ``site``."""
    dist = site / f"{name.replace('-', '_')}-0.1.dist-info"
    dist.mkdir(parents=True)
    for filename, source in modules.items():
        (site / filename).write_text(source)
    (dist / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 0.1\n")
    (dist / "entry_points.txt").write_text(
        "".join(
            f"[{group}]\n" + "".join(f"{entry} = {target}\n" for entry, target in entries.items())
            for group, entries in entry_points.items()
        )
    )
    return site
