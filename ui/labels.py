"""Plain-English words for the codes records use."""

from __future__ import annotations

from datetime import datetime

from app.formats import weekday_day
from app.records.values import Moment
from ui.i18n import tr

DIARY_KINDS = {
    "phone-call": tr("Phone call"),
    "home-visit": tr("Home visit"),
    "meeting": tr("Meeting"),
    "email": tr("Email"),
    "letter": tr("Letter"),
    "observation": tr("Something I noticed"),
    "incident": tr("Incident"),
    "note": tr("Note"),
}
CHANNELS = {"email": tr("Email"), "letter": tr("Letter"), "portal": tr("Portal message"),
            "hand": tr("Handed over in person"), "other": tr("Other")}
DIRECTIONS = {"in": tr("Received"), "out": tr("Sent")}
ROLES = {
    "social-worker": tr("Social worker"),
    "team-manager": tr("Team manager"),
    "head-of-service": tr("Head of service"),
    "personal-assistant": tr("Personal assistant (PA)"),
    "provider": tr("Care provider"),
    "advocate": tr("Advocate"),
    "guardian": tr("Guardian"),
    "family": tr("Family"),
    "msp": tr("MSP"),
    "mp": tr("MP"),
    "ms": tr("MS (Senedd member)"),
    "mla": tr("MLA (Assembly member, Northern Ireland)"),
    "councillor": tr("Councillor"),
    "gp": tr("GP"),
    "solicitor": tr("Solicitor"),
    "ombudsman": tr("Ombudsman"),
    "regulator": tr("Regulator"),
    "other": tr("Other"),
}

def when_text(moment: Moment) -> str:
    """'Tue 4 Mar 2026, 14:30' — day names help people place events."""
    text = weekday_day(moment.day)
    return f"{text}, {moment.at.strftime('%H:%M')}" if moment.at else text


def delay_text(occurred: Moment, recorded: datetime) -> str:
    """How long after the event it was written down — it matters to how much it is trusted."""
    days = (recorded.date() - occurred.day).days
    if days <= 0:
        return tr("written the same day")
    if days == 1:
        return tr("written the next day")
    return tr("written {days} days later").format(days=days)



# The bank export layouts `bankcsv` recognises, as people know the banks.
BANK_LAYOUTS = {
    "monzo": tr("Monzo"),
    "starling": tr("Starling"),
    "nationwide": tr("Nationwide"),
    "nationwide-midata": tr("Nationwide (midata)"),
    "lloyds": tr("Lloyds, Halifax, Bank of Scotland or TSB"),
    "barclays": tr("Barclays"),
    "natwest": tr("NatWest, RBS or Ulster Bank"),
    "hsbc-paid-in-out": tr("HSBC"),
    "hsbc": tr("HSBC"),
    "santander-csv": tr("Santander"),
    "santander": tr("Santander (text export)"),
}
