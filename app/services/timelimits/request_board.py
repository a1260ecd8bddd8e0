"""What the Requests screen and its forms show, read in one go off the window's thread."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.records.model import Complaint, Contact, Correspondence, Jurisdiction
from app.services.recording.people import contacts_by_name
from app.services.timelimits import clocks
from app.store.case import Case


@dataclass(frozen=True)
class RequestBoard:
    """Every request's clock on one day, and the people, letters and complaints the screen
    names or offers."""

    on: date
    jurisdiction: Jurisdiction
    clocks: list[clocks.RequestClock]
    contacts: list[Contact]  # alphabetical
    letters: dict[str, Correspondence]
    complaints: list[Complaint]
    closed: frozenset[date]  # the council's own closed days

    def name(self, contact_id: str | None) -> str:
        """A contact's name, or nothing."""
        return next((c.name for c in self.contacts if c.id == contact_id), "")

    def complaint_title(self, complaint_id: str | None) -> str:
        """A complaint's title, or nothing."""
        return next((c.title for c in self.complaints if c.id == complaint_id), "")


def request_board(case: Case, on: date) -> RequestBoard:
    """The Requests screen's view of the case on the day `on`, from one moment of it."""
    with case.snapshot():
        person = case.person()
        return RequestBoard(on, person.jurisdiction, clocks.all_clocks(case, on),
                            contacts_by_name(case),
                            {c.id: c for c in case.list_of(Correspondence)},
                            case.list_of(Complaint), frozenset(person.closed_days))
