"""Making and updating requests: from a letter, from a promise in the diary, and their answers.

Each change is one transaction, so a request and the record it came from never disagree.
"""

from __future__ import annotations

import dataclasses
from datetime import date

from app.formats import long_day
from app.records.model import (
    Correspondence,
    DiaryEntry,
    Pause,
    PauseReason,
    Request,
    RequestKind,
)
from app.records.values import ValueProblem
from app.store.case import Case
from app.translation import _


def received_day(letter: Correspondence) -> date:
    """The day the organisation got a letter we sent (received if known, else sent)."""
    moment = letter.received_at or letter.sent_at
    if moment is None:  # Correspondence.check() forbids this; kept for type checkers
        raise ValueProblem(_("the letter has no date"))
    return moment.day


def from_letter(case: Case, letter_id: str, kind: RequestKind, summary: str | None = None,
                *, complaint_id: str | None = None) -> Request:
    """'This letter asks for something': a request made by an outgoing letter."""
    letter = case.get(Correspondence, letter_id)
    if letter.direction != "out":
        raise ValueProblem(_("Only a letter you sent can ask for something; for a letter you "
                             "received, use 'they promised something' instead"))
    request = Request(
        id="", kind=kind, made_on=received_day(letter), status="open", made_via=letter.id,
        to=letter.to[0] if letter.to else None, summary=summary or letter.subject,
        complaint_id=complaint_id)
    return case.add(request)


def from_commitment(case: Case, entry_id: str, index: int) -> Request:
    """A promise written in the diary ('she'll send it by Friday') becomes a tracked request."""
    entry = case.get(DiaryEntry, entry_id)
    if not 0 <= index < len(entry.commitments):
        raise ValueProblem(_("That diary entry has no such promise"))
    promise = entry.commitments[index]
    if any(r.kind == "commitment" and r.summary == promise.text
           and r.made_on == entry.occurred_at.day for r in case.list_of(Request)):
        raise ValueProblem(_("That promise is already tracked in Requests."))
    return case.add(Request(id="", kind="commitment", made_on=entry.occurred_at.day,
                            status="open", to=promise.by, summary=promise.text,
                            due_on=promise.due))


def _update(case: Case, request_id: str, **changes: object) -> Request:
    with case.transaction():
        request = dataclasses.replace(case.get(Request, request_id), **changes)  # type: ignore[arg-type]
        return case.save(request)


def mark_answered(case: Case, request_id: str, answered_on: date,
                  answered_by: str | None = None) -> Request:
    """They replied: the clock stops on that day."""
    if answered_by is not None:
        reply = case.get(Correspondence, answered_by)
        if reply.direction != "in":
            raise ValueProblem(_("The answer should be a letter you received"))
    return _update(case, request_id, status="answered", answered_on=answered_on,
                   answered_by=answered_by)


def set_due(case: Case, request_id: str, due_on: date) -> Request:
    """Someone gave a due date that is not the usual rule's."""
    return _update(case, request_id, due_on=due_on)


def withdraw(case: Case, request_id: str) -> Request:
    """The request no longer stands."""
    return _update(case, request_id, status="withdrawn")


def reopen(case: Case, request_id: str) -> Request:
    """Undo 'answered' or 'withdrawn' (for example, the answer was not a real answer)."""
    return _update(case, request_id, status="open", answered_on=None, answered_by=None)


def extend(case: Case, request_id: str, new_due: date) -> Request:
    """They told you they need longer, until `new_due`."""
    return _update(case, request_id, extended_to=new_due)


def pause(case: Case, request_id: str, asked_on: date,
          reason: PauseReason | None = None) -> Request:
    """They asked you to clarify (or, with `reason` "fee", sent a fees notice): the clock
    stops from that day. A stop after an earlier one ended keeps that earlier stop (it still
    counts)."""
    with case.transaction():
        request = case.get(Request, request_id)
        earlier = list(request.earlier_pauses)
        if request.paused_on is not None and request.resumed_on is not None:
            if asked_on < request.resumed_on:
                raise ValueProblem(
                    _(
                        "You replied to their last question on {0}; a new question must come "
                        "on or after that day"
                    ).format(long_day(request.resumed_on))
                )
            earlier.append(Pause(request.paused_on, request.resumed_on, request.pause_reason))
        return case.save(dataclasses.replace(request, paused_on=asked_on, resumed_on=None,
                                             pause_reason=reason, earlier_pauses=earlier))


def resume(case: Case, request_id: str, replied_on: date) -> Request:
    """You answered their question: the clock starts again."""
    return _update(case, request_id, resumed_on=replied_on)
