"""The third-party components Casebook is built from, and their licences, read from the
metadata of the installed distributions (Help → About shows them; packages carry them as a
notices file, since a frozen app keeps no such metadata)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from app.paths import RESOURCES
from app.translation import _

NOTICES_FILE = RESOURCES / "THIRD-PARTY-NOTICES.txt"
# A requirement's distribution name: everything before its version, extras or marker.
_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
_LICENCE_FILE = re.compile(r"(^|/)(licen[cs]e|copying|notice|authors)[^/]*$", re.IGNORECASE)


@dataclass(frozen=True)
class Component:
    """One bundled distribution: its name, version, licence and licence texts."""

    name: str
    version: str
    licence: str
    texts: tuple[str, ...]


def _field(dist: metadata.Distribution, name: str) -> str:
    return str((dist.metadata.get_all(name) or [""])[0] or "")


def _licence(dist: metadata.Distribution) -> str:
    expression = _field(dist, "License-Expression")
    if expression:
        return expression
    stated = _field(dist, "License")
    # Some packages put the whole licence text in this field: a first line says enough.
    if stated and len(stated) < 120 and "\n" not in stated.strip():
        return stated.strip()
    classified = [c.split("::")[-1].strip() for c in dist.metadata.get_all("Classifier") or []
                  if c.startswith("License ::")]
    return "; ".join(classified) or (stated.strip().splitlines()[0] if stated.strip()
                                     else _("See the licence text"))


def _texts(dist: metadata.Distribution) -> tuple[str, ...]:
    texts = []
    for file in dist.files or []:
        if _LICENCE_FILE.search(str(file)) and not str(file).endswith((".py", ".pyc")):
            try:
                raw = Path(str(dist.locate_file(file))).read_bytes()
            except OSError:
                continue
            texts.append(raw.decode("utf-8", errors="replace").strip())
    return tuple(t for t in texts if t)


def components(root: str = "casebook") -> list[Component]:
    """Every distribution `root` needs, directly or not, that is installed here (extras such
    as the test tools are left out), sorted by name."""
    seen: dict[str, Component] = {}
    queue = [root]
    while queue:
        name = queue.pop()
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # needed only on another system (tzdata on Windows, say)
        key = dist.metadata["Name"].lower().replace("_", "-")
        if key in seen:
            continue
        if name != root:
            seen[key] = Component(dist.metadata["Name"], dist.version, _licence(dist),
                                  _texts(dist))
        for requirement in dist.requires or []:
            if "extra ==" in requirement:
                continue
            match = _NAME.match(requirement)
            if match:
                queue.append(match.group(1))
    return sorted(seen.values(), key=lambda c: c.name.lower())


def notices_text(found: list[Component]) -> str:
    """The notices file: a list of the components, then each one's licence texts."""
    lines = [_("Casebook is free software under the GNU General Public Licence, version 3 or"),
             _("later (COPYING). It is built from these components, each under its own licence:"),
             ""]
    lines += [f"  {c.name} {c.version} — {c.licence}" for c in found]
    for c in found:
        lines += ["", "=" * 78, f"{c.name} {c.version} — {c.licence}", "=" * 78]
        lines += [text + "\n" for text in c.texts] or [_("(No licence text ships with this "
                                                         "component; its licence is named above.)")]
    return "\n".join(lines) + "\n"


def bundled_notices() -> str | None:
    """The notices file a package carries, if this copy of Casebook has one."""
    try:
        return NOTICES_FILE.read_text(encoding="utf-8")
    except OSError:
        return None
