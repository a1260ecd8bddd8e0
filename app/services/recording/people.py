"""The people and organisations in a case, as the screens list them."""

from __future__ import annotations

from app.records.model import Contact
from app.store.case import Case


def save_contact(case: Case, contact: Contact) -> Contact:
    """Add a person, or save new details (the old ones stay in the history)."""
    return case.save(contact) if contact.id else case.add(contact)


def contacts_by_name(case: Case) -> list[Contact]:
    """Every contact, in alphabetical order of name."""
    return sorted(case.list_of(Contact), key=lambda c: c.name.casefold())


def contact_names(case: Case) -> dict[str, str]:
    """Every contact's name by id."""
    return {c.id: c.name for c in case.list_of(Contact)}
