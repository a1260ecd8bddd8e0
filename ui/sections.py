"""The sections of a case's window, by the names the code uses and as a person reads them."""

from __future__ import annotations

from ui.i18n import tr

__all__ = ["SECTIONS", "section_title"]

SECTIONS = ["Today", "Diary", "Correspondence", "Requests", "Complaints", "Plans",
            "Standards", "Journey", "Money", "People", "Bundles", "Search"]
_TITLES = {"Today": tr("Today"), "Diary": tr("Diary"), "Correspondence": tr("Correspondence"),
           "Requests": tr("Requests"), "Complaints": tr("Complaints"), "Plans": tr("Plans"),
           "Standards": tr("Standards"), "Journey": tr("Journey"), "Money": tr("Money"),
           "People": tr("People"), "Bundles": tr("Bundles"), "Search": tr("Search")}


def section_title(section: str) -> str:
    """A section's name as the person reads it, in their language."""
    return _TITLES.get(section, section)
