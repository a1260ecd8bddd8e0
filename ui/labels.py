"""Plain-English words for the codes records use."""

from __future__ import annotations

from datetime import datetime

from app.formats import weekday_day
from app.records.values import Moment

DIARY_KINDS = {"phone-call": "Phone call", "home-visit": "Home visit", "meeting": "Meeting",
               "email": "Email", "letter": "Letter", "observation": "Something I noticed",
               "incident": "Incident", "note": "Note"}
CHANNELS = {"email": "Email", "letter": "Letter", "portal": "Portal message",
            "hand": "Handed over in person", "other": "Other"}
DIRECTIONS = {"in": "Received", "out": "Sent"}
ROLES = {"social-worker": "Social worker", "team-manager": "Team manager",
         "head-of-service": "Head of service", "personal-assistant": "Personal assistant (PA)",
         "provider": "Care provider", "advocate": "Advocate", "guardian": "Guardian",
         "family": "Family", "msp": "MSP", "mp": "MP", "ms": "MS (Senedd member)",
         "councillor": "Councillor", "gp": "GP", "solicitor": "Solicitor",
         "ombudsman": "Ombudsman", "regulator": "Regulator", "other": "Other"}

def when_text(moment: Moment) -> str:
    """'Tue 4 Mar 2026, 14:30' — day names help people place events."""
    text = weekday_day(moment.day)
    return f"{text}, {moment.at.strftime('%H:%M')}" if moment.at else text


def delay_text(occurred: Moment, recorded: datetime) -> str:
    """How long after the event it was written down — it matters to how much it is trusted."""
    days = (recorded.date() - occurred.day).days
    if days <= 0:
        return "written the same day"
    if days == 1:
        return "written the next day"
    return f"written {days} days later"



# The bank export layouts `bankcsv` recognises, as people know the banks.
BANK_LAYOUTS = {
    "monzo": "Monzo", "starling": "Starling", "nationwide": "Nationwide",
    "nationwide-midata": "Nationwide (midata)",
    "lloyds": "Lloyds, Halifax, Bank of Scotland or TSB", "barclays": "Barclays",
    "natwest": "NatWest, RBS or Ulster Bank", "hsbc-paid-in-out": "HSBC", "hsbc": "HSBC",
    "santander-csv": "Santander", "santander": "Santander (text export)",
}
