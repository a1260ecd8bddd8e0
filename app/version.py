"""Casebook's version, and whether it runs as a frozen app (a package made by PyInstaller)."""

from __future__ import annotations

import sys

# The parsing sandbox's child is the frozen program itself, started with this first argument
# (a frozen app has no `python -m`).
SANDBOX_FLAG = "--read-file-in-sandbox"


def version() -> str:
    """The installed version (pyproject.toml's, carried in the package's metadata). Read when
    asked (About, --version), never at start: finding a package's metadata looks through
    every installed distribution, about 50 ms."""
    from importlib import metadata

    try:
        return metadata.version("casebook")
    except metadata.PackageNotFoundError:
        return "unknown"


def is_frozen() -> bool:
    """Whether this is a frozen app rather than Python running the source or a wheel."""
    return bool(getattr(sys, "frozen", False))
