"""The user's legal standing (guardianship, power of attorney...) in plain words.

Letters state it, and Today warns before it runs out.
"""

from __future__ import annotations

from datetime import date

from app.records.model import Authority, Contact
from app.store.case import Case
from app.store.records import RecordMissing
from app.translation import _

# What the holder is called, for "I am Ailsa's welfare guardian".
HOLDER_WORDS = {
    "welfare-guardianship": _("welfare guardian"),
    "financial-guardianship": _("financial guardian"),
    "welfare-poa": _("welfare attorney"),
    "continuing-poa": _("continuing attorney"),
    "lpa-health-welfare": _("attorney under a health and welfare lasting power of attorney"),
    "lpa-property-finance": _("attorney under a property and financial affairs lasting power "
                              "of attorney"),
    "deputyship": _("deputy appointed by the Court of Protection"),
    "enduring-poa": _("attorney under a registered enduring power of attorney"),
    "controller": _("controller appointed by the Office of Care and Protection"),
    "appointee": _("appointee"),
    "other": _("representative"),
}
# What the document is called, for "your welfare guardianship order ends on...".
DOCUMENT_WORDS = {
    "welfare-guardianship": _("welfare guardianship order"),
    "financial-guardianship": _("financial guardianship order"),
    "welfare-poa": _("welfare power of attorney"),
    "continuing-poa": _("continuing power of attorney"),
    "lpa-health-welfare": _("lasting power of attorney (health and welfare)"),
    "lpa-property-finance": _("lasting power of attorney (property and finance)"),
    "deputyship": _("deputyship order"),
    "enduring-poa": _("enduring power of attorney"),
    "controller": _("controller order"),
    "appointee": _("appointeeship"),
    "self": _("authority"),
    "other": _("authority"),
}
# The law each kind of standing comes from, named in letters so the reader can check it.
LAW_WORDS = {
    "welfare-guardianship": _("the Adults with Incapacity (Scotland) Act 2000"),
    "financial-guardianship": _("the Adults with Incapacity (Scotland) Act 2000"),
    "welfare-poa": _("the Adults with Incapacity (Scotland) Act 2000"),
    "continuing-poa": _("the Adults with Incapacity (Scotland) Act 2000"),
    "lpa-health-welfare": _("the Mental Capacity Act 2005"),
    "lpa-property-finance": _("the Mental Capacity Act 2005"),
    "deputyship": _("the Mental Capacity Act 2005"),
    "enduring-poa": _("the Enduring Powers of Attorney (Northern Ireland) Order 1987"),
    "controller": _("the Mental Health (Northern Ireland) Order 1986"),
}
# A lasting power of attorney has no end date of its own: it lasts until it is revoked.
NO_END_DATE = frozenset({"lpa-health-welfare", "lpa-property-finance", "enduring-poa"})
# Welfare powers first: most letters are about care, not money.
_PREFERENCE = ("welfare-guardianship", "welfare-poa", "lpa-health-welfare", "deputyship",
               "controller", "financial-guardianship", "continuing-poa", "lpa-property-finance",
               "enduring-poa", "appointee", "other", "self")


def current_authority(case: Case, on: date) -> Authority | None:
    """The authority a letter should state: in force on `on`, welfare powers first.

    If every authority has expired, the latest one is returned so the letter can say so.
    """
    found = case.list_of(Authority)
    if not found:
        return None
    live = [a for a in found if a.expires_on is None or a.expires_on >= on]
    pool = live or found
    return min(pool, key=lambda a: (_PREFERENCE.index(a.kind),
                                    -(a.granted_on or date.min).toordinal()))


def holder(case: Case, authority: Authority | None) -> Contact | None:
    """The contact who holds the authority (the user), if recorded."""
    if authority is None or authority.holder is None:
        return None
    try:
        return case.get(Contact, authority.holder)
    except RecordMissing:
        return None
