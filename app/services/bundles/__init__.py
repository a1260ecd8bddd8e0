"""Evidence bundles: a complaint or ombudsman pack built from the record in one step.

`make_bundle` reads the case, lays out Casebook's own pages (cover, contents, summary,
chronology, requests, plan comparisons, standards, spending, manifest), merges the original
exhibits, stamps and links every page, attaches the originals, and signs the file with the
case's own key. `verify_bundle` checks a bundle anyone was given.

The names below load their module on first use: building needs reportlab, pypdf and pyHanko
(most of a second to import), and every `casebook` command would otherwise pay for them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.services.bundles.builder import (
        BuiltBundle,
        BundleCancelled,
        build_bundle,
        make_bundle,
        save_bundle,
    )
    from app.services.bundles.history import PastBundle, mark_given, past_bundles
    from app.services.bundles.options import (
        OPTIONAL,
        SECTION_TITLES,
        BundleError,
        BundleOptions,
    )
    from app.services.bundles.verify import BundleCheck, BundleCheckFailed, verify_bundle

_HOME = {
    **dict.fromkeys(("BuiltBundle", "BundleCancelled", "build_bundle", "make_bundle",
                     "save_bundle"), "builder"),
    **dict.fromkeys(("PastBundle", "mark_given", "past_bundles"), "history"),
    **dict.fromkeys(("OPTIONAL", "SECTION_TITLES", "BundleError", "BundleOptions"), "options"),
    **dict.fromkeys(("BundleCheck", "BundleCheckFailed", "verify_bundle"), "verify"),
}

__all__ = ["OPTIONAL", "SECTION_TITLES", "BuiltBundle", "BundleCancelled", "BundleCheck",
           "BundleCheckFailed", "BundleError", "BundleOptions", "PastBundle", "build_bundle",
           "make_bundle", "mark_given", "past_bundles", "save_bundle", "verify_bundle"]


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_HOME[name]}"), name)
