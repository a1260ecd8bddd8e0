"""The record types of a case, as in `case-format.md` version 1.

Plain dataclasses with no SQL and no Qt: the store saves them, the services reason over them, the
window shows them. Field types drive `app.records.codec`, which reads and writes the JSON.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Literal, get_args

from app.records.values import Moment, ValueProblem
from app.translation import _

Jurisdiction = Literal["scotland", "england", "wales", "northern-ireland"]
SdsOption = Literal["1", "2", "3", "4"]
AuthorityKind = Literal[
    "welfare-guardianship", "financial-guardianship", "welfare-poa", "continuing-poa",
    "lpa-health-welfare", "lpa-property-finance", "deputyship", "appointee", "self", "other",
    "enduring-poa", "controller",
]
ContactRole = Literal[
    "social-worker", "team-manager", "head-of-service", "personal-assistant", "provider",
    "advocate", "guardian", "family", "msp", "mp", "ms", "councillor", "gp", "solicitor",
    "ombudsman", "regulator", "other", "mla",
]
DiaryKind = Literal[
    "phone-call", "home-visit", "meeting", "email", "letter", "observation", "incident", "note",
]
Direction = Literal["in", "out"]
Channel = Literal["email", "letter", "portal", "hand", "other"]
RequestKind = Literal[
    "subject-access", "foi", "copy-of-document", "complaint-stage-1", "complaint-stage-2",
    "ombudsman", "review", "reassessment", "record-amendment", "commitment", "other", "eir",
    "foi-review-answer", "dp-complaint", "care-inspectorate", "ombudsman-review",
]
RequestStatus = Literal["open", "answered", "withdrawn"]
PauseReason = Literal["question", "fee"]
ComplaintStatus = Literal["open", "resolved", "closed"]
PlanKind = Literal[
    "support-plan", "personal-outcomes-plan", "care-and-support-plan", "carer-support-plan",
    "assessment", "review-record", "other",
]
PlanStatus = Literal["draft", "agreed", "disputed", "superseded"]
BudgetPeriod = Literal["week", "4-weeks", "month", "year"]
OutcomeStatus = Literal["agreed", "proposed", "disputed"]
ChecklistStatus = Literal["present", "missing", "wrong"]
TransactionSource = Literal["manual", "bank-import", "council-payment"]
PaymentInterval = Literal["week", "2-weeks", "4-weeks", "month", "quarter"]


def choices(alias: object) -> tuple[str, ...]:
    """The allowed values of one of the Literal types above, for pickers and messages."""
    return tuple(str(a) for a in get_args(alias))


@dataclass
class Person:
    """The supported person the case is about."""

    name: str
    jurisdiction: Jurisdiction
    known_as: str | None = None
    date_of_birth: date | None = None
    local_authority: str | None = None
    communication: str | None = None
    sds_option: SdsOption | None = None
    # Beyond format v1: days the council (or trust) is closed besides bank holidays (Scottish
    # local holidays), which working-day rules that allow for them skip.
    closed_days: list[date] = field(default_factory=list)

    def check(self) -> None:
        """Refuse a person without a name."""
        if not self.name.strip():
            raise ValueProblem(_("the person's name is empty"))


@dataclass
class Authority:
    """The user's legal standing to act (guardianship, power of attorney...)."""

    id: str
    kind: AuthorityKind
    holder: str | None = None
    granted_on: date | None = None
    expires_on: date | None = None
    reference: str | None = None
    attachment_ids: list[str] = field(default_factory=list)
    # Beyond format v1: what the order or power lets the holder decide, in its own words.
    powers: str | None = None

    def check(self) -> None:
        """An authority cannot expire before it was granted."""
        if self.granted_on and self.expires_on and self.expires_on < self.granted_on:
            raise ValueProblem(_("the expiry date is before the date it was granted"))


@dataclass
class Contact:
    """A person or organisation in the case."""

    id: str
    name: str
    role: ContactRole | None = None
    organisation: str | None = None
    email: str | None = None
    phone: str | None = None
    address: str | None = None
    notes: str | None = None

    def check(self) -> None:
        """A contact needs a name."""
        if not self.name.strip():
            raise ValueProblem(_("the contact's name is empty"))


@dataclass
class Pause:
    """A time the clock stood still: they asked a question on `paused_on`, you replied on
    `resumed_on`."""

    paused_on: date
    resumed_on: date
    reason: PauseReason | None = None  # None: a question (the first releases knew no other)


@dataclass
class Commitment:
    """Something someone promised to do, perhaps by a date."""

    text: str
    by: str | None = None
    due: date | None = None


@dataclass
class DiaryEntry:
    """A call, visit, meeting or observation, written down at the time."""

    id: str
    occurred_at: Moment
    recorded_at: datetime
    kind: DiaryKind
    title: str
    body: str | None = None
    participants: list[str] = field(default_factory=list)
    purpose_stated: str | None = None
    commitments: list[Commitment] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    attachment_ids: list[str] = field(default_factory=list)

    def check(self) -> None:
        """A diary entry needs a title."""
        if not self.title.strip():
            raise ValueProblem(_("the entry has no title"))


@dataclass
class Correspondence:
    """A letter, email, portal message or hand-delivered note, in or out."""

    id: str
    direction: Direction
    channel: Channel
    sent_at: Moment | None = None
    received_at: Moment | None = None
    from_: list[str] = field(default_factory=list, metadata={"json": "from"})
    to: list[str] = field(default_factory=list)
    cc: list[str] = field(default_factory=list)
    subject: str | None = None
    body: str | None = None
    in_reply_to: str | None = None
    tags: list[str] = field(default_factory=list)
    attachment_ids: list[str] = field(default_factory=list)
    # Beyond format v1: an imported email's Message-ID and the Message-ID it answers, so a
    # reply threads even when it is brought in before the message it replies to.
    message_id: str | None = None
    replies_to_message: str | None = None

    def check(self) -> None:
        """At least one date; and it cannot arrive before it was sent."""
        if self.sent_at is None and self.received_at is None:
            raise ValueProblem(_("a letter needs the date it was sent or the date it was received"))
        if self.sent_at and self.received_at and self.received_at.day < self.sent_at.day:
            raise ValueProblem(_("the date received is before the date sent"))


@dataclass
class Request:
    """Something asked for that has a clock running on it."""

    id: str
    kind: RequestKind
    made_on: date
    status: RequestStatus
    made_via: str | None = None
    to: str | None = None
    summary: str | None = None
    due_on: date | None = None
    extended_to: date | None = None
    answered_on: date | None = None
    answered_by: str | None = None
    complaint_id: str | None = None
    # Beyond format v1 (readers of v1 ignore them): the clock stopped while the organisation
    # waited for a clarification it asked for, from `paused_on` until `resumed_on`.
    paused_on: date | None = None
    resumed_on: date | None = None
    # Why it stopped: a question (None), or a fees notice, which only pauses a clock that a
    # question would start again (FOIA s9 and s10(2)).
    pause_reason: PauseReason | None = None
    # Earlier questions they asked and you answered, each of which stopped the clock too.
    earlier_pauses: list[Pause] = field(default_factory=list)

    def check(self) -> None:
        """Dates must follow one another sensibly."""
        for earlier in self.earlier_pauses:
            if earlier.resumed_on < earlier.paused_on or earlier.paused_on < self.made_on:
                raise ValueProblem(_("an earlier stop of the clock has its dates the wrong way"))
            if self.paused_on and self.paused_on < earlier.resumed_on:
                raise ValueProblem(_("the clock was stopped again before it had restarted"))
        if self.resumed_on and not self.paused_on:
            raise ValueProblem(_("the clock restarted without having been stopped"))
        if self.paused_on and self.paused_on < self.made_on:
            raise ValueProblem(_("the clock was stopped before the request was made"))
        if self.paused_on and self.resumed_on and self.resumed_on < self.paused_on:
            raise ValueProblem(_("the clock restarted before it was stopped"))
        if self.answered_on and self.answered_on < self.made_on:
            raise ValueProblem(_("the answer date is before the request was made"))
        if self.due_on and self.due_on < self.made_on:
            raise ValueProblem(_("the due date is before the request was made"))
        if self.extended_to and self.extended_to < self.made_on:
            raise ValueProblem(_("the extended date is before the request was made"))


@dataclass
class Complaint:
    """A complaint that groups requests through the ladder of the case's nation."""

    id: str
    title: str
    against: str | None = None
    issues: list[str] = field(default_factory=list)
    desired_resolution: list[str] = field(default_factory=list)
    opened_on: date | None = None
    status: ComplaintStatus = "open"
    tags: list[str] = field(default_factory=list)
    # Beyond format v1: when the person first knew of the problem; ombudsman time limits
    # count from it, not from the council's last letter.
    first_aware_on: date | None = None


@dataclass
class Budget:
    """The relevant amount of a plan and the period it is for."""

    amount: Decimal
    period: BudgetPeriod
    sds_option: SdsOption | None = None


@dataclass
class Outcome:
    """An agreed personal outcome, perhaps continuing one from the plan this version replaced."""

    id: str
    text: str
    status: OutcomeStatus = "agreed"
    continues: str | None = None


@dataclass
class ChecklistTick:
    """How a review record measures up to one item of the review checklist."""

    item: str
    status: ChecklistStatus
    note: str | None = None


@dataclass
class Plan:
    """One version of a support plan, outcomes plan, assessment or review record."""

    id: str
    kind: PlanKind
    dated: date
    title: str | None = None
    received_on: date | None = None
    author: str | None = None
    status: PlanStatus | None = None
    supersedes: str | None = None
    guardian_consulted: bool | None = None
    person_involved: bool | None = None
    budget: Budget | None = None
    review_due: date | None = None
    outcomes: list[Outcome] = field(default_factory=list)
    attachment_ids: list[str] = field(default_factory=list)
    # Optional additions to format v1 (older files simply lack them).
    copy_request: str | None = None  # the request asking for a copy not yet received
    tags: list[str] = field(default_factory=list)
    checklist: list[ChecklistTick] = field(default_factory=list)

    def check(self) -> None:
        """Each outcome id and each checklist item appears only once in a plan."""
        ids = [o.id for o in self.outcomes if o.id]
        if len(ids) != len(set(ids)):
            raise ValueProblem(_("two outcomes in this plan have the same id"))
        items = [t.item for t in self.checklist]
        if len(items) != len(set(items)):
            raise ValueProblem(_("a checklist item is ticked twice"))


@dataclass
class Transaction:
    """Money in or out of the budget account (negative = out)."""

    id: str
    date: date
    amount: Decimal
    counterparty: str | None = None
    description: str | None = None
    category: str | None = None
    outcome_ids: list[str] = field(default_factory=list)
    attachment_ids: list[str] = field(default_factory=list)
    source: TransactionSource = "manual"
    bank_ref: str | None = None


@dataclass
class PaymentSchedule:
    """How the council pays the budget: this amount, this often, from this date.

    Beyond format v1 (its own top-level list, ``schedules``, which v1 readers ignore). A later
    schedule takes over from an earlier one on its first payment date.
    """

    id: str
    amount: Decimal
    interval: PaymentInterval
    first_on: date
    ends_on: date | None = None
    payer: str | None = None
    note: str | None = None

    def check(self) -> None:
        """A payment is money in, and a schedule cannot end before it starts."""
        if self.amount <= 0:
            raise ValueProblem(_("a council payment must be more than £0.00"))
        if self.ends_on and self.ends_on < self.first_on:
            raise ValueProblem(_("the schedule ends before its first payment"))


@dataclass
class AttachmentMeta:
    """What is known about a stored file; its bytes live separately in the store."""

    id: str
    filename: str
    media_type: str
    sha256: str
    added_at: datetime | None = None


Record = (
    Authority | Contact | DiaryEntry | Correspondence | Request | Complaint | Plan | Transaction
    | PaymentSchedule
)
