"""Letters filled from the record: a draft to edit, a PDF to send, and the record of sending it.

The wording lives in `app/resources/templates/letters/*.json`, one file per letter: a subject and
a list of paragraphs with `$placeholders`. A paragraph whose placeholders have nothing to say
(no authority recorded, no date first aware...) is left out, so one template reads well for
every case. Saving a letter stores it as outgoing correspondence, with its PDF and the request
it makes (so its clock starts), in one transaction.
"""

from __future__ import annotations

import dataclasses
import json
import string
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Literal, cast

from app.paths import TEMPLATES
from app.problems import Problem
from app.records.model import (
    Authority,
    Channel,
    Complaint,
    Contact,
    Correspondence,
    Person,
    Request,
    RequestKind,
    choices,
)
from app.records.values import Moment, ValueProblem
from app.services.escalation.complaints import action_words, complaint_ladder, position, spoken
from app.services.escalation.ladders import load_ladders
from app.services.recording.standing import your_contact
from app.services.timelimits import clocks
from app.services.timelimits.authorities import (
    DOCUMENT_WORDS,
    HOLDER_WORDS,
    LAW_WORDS,
    NO_END_DATE,
    current_authority,
    holder,
)
from app.services.timelimits.deadlines import DeadlineError, NotYetInForce, Rule, load_rules
from app.services.timelimits.requests import received_day
from app.store.case import Case
from app.store.records import RecordMissing
from app.translation import _, ngettext

LETTERS = TEMPLATES / "letters"
Needs = Literal["none", "request", "complaint"]
# Rules a letter may quote to the organisation as the law (not Casebook's own conventions).
LEGAL_BINDINGS = frozenset({"statute", "regulations", "statutory-guidance", "model-procedure"})
# Every placeholder a template may use, besides the names of its own questions.
PLACEHOLDERS = frozenset({
    "person", "about", "about_full", "whose", "council", "recipient", "sender_email",
    "authority", "letter_date", "legal_reply_by", "asked_reply_by", "rule_reference",
    "request_title", "request_made_on", "request_due_on", "original_rule_reference",
    "promised_by", "asked_due_on", "days_late", "next_action", "complaint_title", "against",
    "issues", "resolution", "first_aware", "previous_stage", "history", "rep_title",
    "overdue_list", "handling", "ombudsman_name", "process_state",
})
# Letters to these stages go to whoever handled the complaint before.
COUNCIL_STAGES = frozenset({"complaint-stage-1", "complaint-stage-2"})
REPRESENTATIVE_TITLES = {"msp": "MSP", "mp": "MP", "ms": "MS", "mla": "MLA",
                         "councillor": "councillor"}
BULLET = "•"


class LetterDraftProblem(Problem):
    """A letter that cannot be drafted or saved as asked; the message is plain English."""


@dataclass(frozen=True)
class Ask:
    """Something only the user can say (which document, what is wrong...)."""

    name: str
    label: str
    hint: str
    required: bool
    default: str


@dataclass(frozen=True)
class LetterTemplate:
    """One kind of letter, as read from its file."""

    id: str
    title: str
    description: str
    needs: Needs
    request_kind: RequestKind
    reply_within_days: int | None
    recipient_roles: tuple[str, ...]
    recipient_words: tuple[str, ...]
    asks: tuple[Ask, ...]
    subject: str
    body: tuple[str, ...]


@dataclass(frozen=True)
class LetterDraft:
    """A filled-in letter, ready to be edited, rendered and saved."""

    kind: str
    on: date
    sender_lines: tuple[str, ...]
    recipient_lines: tuple[str, ...]
    subject: str
    body: str
    sign_off: tuple[str, ...]
    to_contact: str | None
    from_contact: str | None
    request_kind: RequestKind
    request_summary: str
    reply_by: date | None
    due_is_given: bool
    complaint_id: str | None
    in_reply_to: str | None
    warnings: tuple[str, ...]
    missing: tuple[str, ...]
    answers: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class SavedLetter:
    """What saving a letter added to the case."""

    correspondence: Correspondence
    request: Request
    attachment_id: str


# Reading templates ------------------------------------------------------------------------

def _problem(path: Path, text: str) -> LetterDraftProblem:
    return LetterDraftProblem(
        _("The letter template {name} is broken: {text}.").format(name=path.name, text=text)
    )


def _text(raw: dict[str, object], key: str, path: Path) -> str:
    value = raw.get(key)
    if not isinstance(value, str):
        raise _problem(path, _("'{key}' must be text").format(key=key))
    return value


def _texts(raw: object, key: str, path: Path) -> tuple[str, ...]:
    if not isinstance(raw, list) or not all(isinstance(item, str) for item in raw):
        raise _problem(path, _("'{key}' must be a list of texts").format(key=key))
    return tuple(cast(list[str], raw))


def _ask(raw: object, path: Path) -> Ask:
    if not isinstance(raw, dict):
        raise _problem(path, _("each question must be an object"))
    required = raw.get("required")
    if not isinstance(required, bool):
        raise _problem(path, _("'required' must be true or false"))
    return Ask(_text(raw, "name", path), _text(raw, "label", path), _text(raw, "hint", path),
               required, _text(raw, "default", path))


def read_template(path: Path) -> LetterTemplate:
    """Read one template file and check every placeholder it uses is one Casebook fills."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _problem(path, _("it cannot be read ({exc})").format(exc=exc)) from None
    if not isinstance(raw, dict) or raw.get("format") != "casebook.letter-template" \
            or raw.get("version") != 1:
        raise _problem(path, _("it is not a version 1 Casebook letter template"))
    needs = raw.get("needs")
    if needs not in ("none", "request", "complaint"):
        raise _problem(path, _("'needs' must be none, request or complaint"))
    kind = raw.get("request_kind")
    if kind not in choices(RequestKind):
        raise _problem(
            path, _("'request_kind' {kind!r} is not a kind of request").format(kind=kind)
        )
    days = raw.get("reply_within_days")
    if days is not None and (not isinstance(days, int) or days < 1):
        raise _problem(path, _("'reply_within_days' must be a whole number of days or null"))
    recipient = raw.get("recipient")
    asks = raw.get("asks")
    if not isinstance(recipient, dict) or not isinstance(asks, list):
        raise _problem(path, _("'recipient' must be an object and 'asks' a list"))
    template = LetterTemplate(
        id=_text(raw, "id", path), title=_text(raw, "title", path),
        description=_text(raw, "description", path), needs=cast(Needs, needs),
        request_kind=cast(RequestKind, kind), reply_within_days=days,
        recipient_roles=_texts(recipient.get("roles"), "roles", path),
        recipient_words=_texts(recipient.get("name_contains"), "name_contains", path),
        asks=tuple(_ask(item, path) for item in asks), subject=_text(raw, "subject", path),
        body=_texts(raw.get("body"), "body", path))
    if template.id != path.stem:
        raise _problem(path, _("its id {id!r} differs from its file name").format(id=template.id))
    known = PLACEHOLDERS | {ask.name for ask in template.asks}
    for text in (template.subject, *template.body, *(a.default for a in template.asks)):
        parsed = string.Template(text)
        if not parsed.is_valid():
            raise _problem(
                path, _("a '$' is not followed by a placeholder name in: {0}").format(text[:40])
            )
        unknown = set(parsed.get_identifiers()) - known
        if unknown:
            raise _problem(path, _("unknown placeholder ${0}").format(sorted(unknown)[0]))
    return template


@cache
def load_templates() -> dict[str, LetterTemplate]:
    """Every bundled letter, by id, in the order people usually need them."""
    found = {t.id: t for t in (read_template(p) for p in sorted(LETTERS.glob("*.json")))}
    order = ("subject-access", "copy-of-document", "chaser", "complaint-stage-1",
             "complaint-stage-2", "ombudsman", "record-amendment",
             "data-protection-complaint", "representative")
    return {k: found[k] for k in sorted(found, key=lambda k: (k not in order,
                                                              order.index(k) if k in order
                                                              else 0, k))}


def template(kind: str) -> LetterTemplate:
    """The template for one kind of letter."""
    try:
        return load_templates()[kind]
    except KeyError:
        raise LetterDraftProblem(
            _("Casebook has no letter called {kind!r}. Choose one of: {0}.").format(
                ", ".join(load_templates()), kind=kind
            )
        ) from None


# Filling a draft --------------------------------------------------------------------------

def _bullets(items: list[str]) -> str:
    return "\n".join(f"{BULLET} {item}" for item in items)


def _days(count: int) -> str:
    return ngettext("1 day", "{n} days", count).format(n=count)


def _contact(case: Case, contact_id: str | None) -> Contact | None:
    if contact_id is None:
        return None
    try:
        return case.get(Contact, contact_id)
    except RecordMissing:
        return None


def _pick_recipient(case: Case, tpl: LetterTemplate, request: Request | None,
                    complaint: Complaint | None) -> Contact | None:
    if request is not None and request.to:
        return _contact(case, request.to)
    everyone = case.list_of(Contact)
    for contact in everyone:
        if contact.role in tpl.recipient_roles:
            return contact
    for contact in everyone:
        words = f"{contact.name} {contact.organisation or ''}".casefold()
        if any(word in words for word in tpl.recipient_words):
            return contact
    if complaint is not None and tpl.request_kind in COUNCIL_STAGES:
        linked = [r for r in case.list_of(Request) if r.complaint_id == complaint.id and r.to]
        if linked:
            return _contact(case, linked[0].to)
    return None


def _authority_sentence(person: Person, authority: Authority | None, on: date) -> str:
    if authority is None or authority.kind == "self":
        return ""
    text = _("I am the {0} for {name}").format(HOLDER_WORDS[authority.kind], name=person.name)
    law = LAW_WORDS.get(authority.kind)
    if law and authority.granted_on:
        text += _(", appointed under {law} on {day}").format(law=law,
                                                             day=spoken(authority.granted_on))
    elif law:
        text += _(", under {law}").format(law=law)
    elif authority.granted_on:
        text += _(", appointed on {0}").format(spoken(authority.granted_on))
    if authority.reference:
        text += _(" (reference {reference})").format(reference=authority.reference)
    text += "."
    if (authority.expires_on and authority.expires_on >= on
            and authority.kind not in NO_END_DATE):
        text += _(" The appointment runs until {0}.").format(spoken(authority.expires_on))
    return text + _(" I can send you a copy if you need one.")


@dataclass(frozen=True)
class _Reply:
    """The date a letter asks for a reply by: a legal time limit (with its reference) or a
    date the user asks for."""

    legal: date | None = None
    asked: date | None = None
    reference: str = ""


def _provider(jurisdiction: str) -> str:
    """Who provides social care: in Northern Ireland a health and social care trust."""
    return _("the trust") if jurisdiction == "northern-ireland" else _("the council")


def _reply_dates(tpl: LetterTemplate, jurisdiction: str, on: date,
                 closed: frozenset[date]) -> _Reply:
    if tpl.reply_within_days:
        return _Reply(asked=on + timedelta(days=tpl.reply_within_days))
    try:
        rule = load_rules().rule_for(tpl.request_kind, jurisdiction)
    except DeadlineError as exc:
        raise LetterDraftProblem(str(exc)) from None
    if rule.counting == "given" or rule.clock_starts == "first_aware":
        return _Reply()
    try:
        due = load_rules().compute(rule, on, jurisdiction, local_holidays=closed).due_on
    except NotYetInForce:
        return _Reply()  # a letter dated before the duty began asks for no legal date
    if rule.binding in LEGAL_BINDINGS:
        return _Reply(legal=due, reference=rule.reference)
    return _Reply(asked=due)


def _handling(tpl: LetterTemplate, jurisdiction: str, on: date,
              closed: frozenset[date]) -> str:
    """What a first complaint asks of the council where the law sets first steps rather than
    one date for the answer: in England an acknowledgement and an offer to agree how long it
    will take (the six months are an outer limit); in Wales an acknowledgement and a talk,
    which is not the answer. Elsewhere nothing: the letter asks for the answer by its date."""
    if tpl.request_kind != "complaint-stage-1" or jurisdiction not in ("england", "wales"):
        return ""
    rules = load_rules()
    ack = rules.compute(rules.rule_for("complaint-acknowledgement", jurisdiction), on,
                        jurisdiction, local_holidays=closed).due_on
    if jurisdiction == "england":
        return _("Please acknowledge this complaint within three working days, by {ack}, and "
                 "offer to discuss with me how it will be handled and how long that should "
                 "take, as the Local Authority Social Services and NHS Complaints (England) "
                 "Regulations 2009 (reg 13) ask. I would like your answer in writing within "
                 "the time we agree.").format(ack=spoken(ack))
    talk = rules.compute(rules.rule_for("complaint-stage-1", jurisdiction), on, jurisdiction,
                         local_holidays=closed).due_on
    return _("Please acknowledge this complaint within two working days, by {ack}, and talk "
             "it through with me by {talk}, as the Social Services Complaints Procedure "
             "(Wales) Regulations 2014 (regs 15 and 16) ask. If it cannot be put right that "
             "way, I will ask for a formal investigation.").format(ack=spoken(ack),
                                                                   talk=spoken(talk))


def _is_legal(rule: Rule | None) -> bool:
    return rule is not None and rule.counting != "given" and rule.binding in LEGAL_BINDINGS


def _request_values(case: Case, request: Request, jurisdiction: str, on: date,
                    complaint: Complaint | None, closed: frozenset[date]) -> dict[str, str]:
    if request.status != "open":
        raise LetterDraftProblem(_("That request is not open, so there is nothing to chase."))
    state = clocks.clock(request, jurisdiction, on, closed)
    if state.state != "overdue" or state.due_on is None:
        raise LetterDraftProblem(_("That request is not overdue, so there is nothing to chase yet "
                                   "({0}{1}).").format(state.plain[0].lower(), state.plain[1:]))
    letter = None
    if request.made_via:
        try:
            letter = case.get(Correspondence, request.made_via)
        except RecordMissing:
            letter = None
    title = request.summary or (letter.subject if letter else None) \
        or clocks.KIND_WORDS[request.kind]
    due = spoken(state.due_on)
    values = {"request_title": title, "request_made_on": spoken(request.made_on),
              "request_due_on": due, "days_late": _days(state.days_overdue),
              "original_rule_reference": "", "promised_by": "", "asked_due_on": ""}
    if request.kind == "commitment" or request.extended_to:
        values["promised_by"] = due
    elif request.due_on is None and _is_legal(state.rule):
        values["original_rule_reference"] = state.rule.reference if state.rule else ""
    else:
        values["asked_due_on"] = due
    try:
        step = load_ladders().escalation_after(
            request.kind, jurisdiction, None, state.due_on,
            complaint.first_aware_on if complaint else None)
    except DeadlineError:
        step = None
    values["next_action"] = action_words(step.kind, step.who) if step else ""
    return values


# The stage a letter escalates from, nearest first: a stage 2 letter answers stage 1 even
# when a stage 2 request is already on the record.
_ESCALATES_FROM = {"complaint-stage-2": ("complaint-stage-1",),
                   "ombudsman": ("complaint-stage-2", "complaint-stage-1")}


def _complaint_values(case: Case, complaint: Complaint, jurisdiction: str,
                      on: date, kind: str) -> dict[str, str]:
    place = position(case, complaint, on)
    live = [c for rung in place.rungs for c in rung.clocks if c.state != "withdrawn"]
    history = [
        _("{0}, received {1}: {2}{3}").format(
            clocks.KIND_WORDS[c.request.kind],
            spoken(c.request.made_on),
            c.plain[0].lower(),
            c.plain[1:],
        )
        for c in live
    ]
    previous = ""
    current = place.current
    for earlier_kind in _ESCALATES_FROM.get(kind, ()):
        found = [c for c in live if c.request.kind == earlier_kind]
        if found:
            current = max(found, key=lambda c: c.request.made_on)
            break
    if current is not None:
        previous = _("You received my complaint on {0}.").format(spoken(current.request.made_on))
        if current.request.answered_on:
            previous += _(" You answered on {0}, but the answer did not put things right.").format(
                spoken(current.request.answered_on)
            )
        elif current.state == "overdue" and current.due_on:
            previous += _(" Your answer was due by {0} and I have not had one.").format(
                spoken(current.due_on)
            )
    against = complaint.against or case.person().local_authority or _provider(jurisdiction)
    return {"complaint_title": complaint.title,
            "against": against,
            "ombudsman_name": _ombudsman_name(jurisdiction),
            "process_state": _process_state(current, against) if kind == "ombudsman" else "",
            "issues": _bullets(complaint.issues),
            "resolution": _bullets(complaint.desired_resolution),
            "first_aware": spoken(complaint.first_aware_on) if complaint.first_aware_on else "",
            "previous_stage": previous, "history": _bullets(history)}


def _ombudsman_name(jurisdiction: str) -> str:
    ladder = complaint_ladder(jurisdiction)
    steps = [step for step in ladder.steps if "ombudsman" in step.kinds] if ladder else []
    return steps[0].who if steps else _("ombudsman")


def _process_state(current: clocks.RequestClock | None, against: str) -> str:
    """For the ombudsman: that the council's own process is finished, or overdue."""
    if current is None:
        return ""
    stage = clocks.KIND_WORDS[current.request.kind].lower()
    if current.request.answered_on:
        return _("{against}'s own complaints process is finished: its answer to my {stage} "
                 "came on {day}.").format(against=against, stage=stage,
                                          day=spoken(current.request.answered_on))
    if current.state == "overdue" and current.due_on:
        return _("{against} has not answered my {stage}, which was due by {day}, so its own "
                 "complaints process is overdue.").format(against=against, stage=stage,
                                                          day=spoken(current.due_on))
    return ""


def _fill(text: str, values: dict[str, str]) -> str | None:
    """The text filled in, or None when a placeholder in it has nothing to say."""
    parsed = string.Template(text)
    if any(not values.get(name, "") for name in parsed.get_identifiers()):
        return None
    return parsed.substitute(values)


def _sender(case: Case, person: Person, authority: Authority | None) -> Contact | None:
    # The authority's holder; with none recorded yet, the details given under You.
    found = holder(case, authority) if authority is not None else your_contact(case)
    if authority is not None and authority.kind == "self":
        return found or Contact("", person.name)
    return found


def draft(case: Case, kind: str, on: date, *, request_id: str | None = None,
          complaint_id: str | None = None, to: str | None = None,
          answers: dict[str, str] | None = None) -> LetterDraft:
    """Fill in a letter of `kind`, dated `on`, from the record and the user's answers.

    A chaser needs `request_id` (an overdue request); complaint letters need `complaint_id`.
    `to` chooses the recipient (otherwise Casebook picks the likeliest contact).
    """
    tpl = template(kind)
    person = case.person()
    jurisdiction, closed = person.jurisdiction, frozenset(person.closed_days)
    try:
        request = case.get(Request, request_id) if request_id else None
        complaint_id = complaint_id or (request.complaint_id if request else None)
        complaint = case.get(Complaint, complaint_id) if complaint_id else None
    except RecordMissing as exc:
        raise LetterDraftProblem(str(exc)) from None
    if tpl.needs == "request" and request is None:
        raise LetterDraftProblem(_("Choose the overdue request this letter chases."))
    if tpl.needs == "complaint" and complaint is None:
        raise LetterDraftProblem(_("Choose the complaint this letter is about."))
    recipient = _contact(case, to) if to else _pick_recipient(case, tpl, request, complaint)
    if to and recipient is None:
        raise LetterDraftProblem(_("The person you chose to write to is not in this case."))
    authority = current_authority(case, on)
    sender = _sender(case, person, authority)
    self_written = authority is not None and authority.kind == "self"
    dob = (
        _(" (date of birth {0})").format(spoken(person.date_of_birth))
        if person.date_of_birth
        else ""
    )
    reply = _reply_dates(tpl, jurisdiction, on, closed)
    handling = _handling(tpl, jurisdiction, on, closed)
    if handling:
        reply = _Reply()  # the nation's own first steps replace a single 'reply by' date
    values: dict[str, str] = {
        "handling": handling,
        "person": person.name,
        "about": _("me") if self_written else person.name,
        "about_full": _("me") if self_written else person.name + dob,
        "whose": _("my") if self_written
        else _("{name}'s").format(name=person.known_as or person.name),
        "council": person.local_authority or _provider(jurisdiction),
        "recipient": recipient.name if recipient else _("Sir or Madam"),
        "sender_email": (sender.email or "") if sender else "",
        "authority": _authority_sentence(person, authority, on),
        "letter_date": spoken(on),
        "legal_reply_by": spoken(reply.legal) if reply.legal else "",
        "asked_reply_by": spoken(reply.asked) if reply.asked else "",
        "rule_reference": reply.reference,
        "rep_title": REPRESENTATIVE_TITLES.get(recipient.role or "", _("elected representative"))
        if recipient else _("elected representative"),
        "overdue_list": _bullets([
            f"{clocks.KIND_WORDS[c.request.kind]}"
            f"{f' ({c.request.summary})' if c.request.summary else ''}: "
            f"{c.plain[0].lower()}{c.plain[1:]}"
            for c in clocks.overdue(case, on)]),
    }
    if request is not None:
        values.update(_request_values(case, request, jurisdiction, on, complaint, closed))
    if complaint is not None:
        values.update(_complaint_values(case, complaint, jurisdiction, on, kind))
    answers = answers or {}
    missing: list[str] = []
    given: list[tuple[str, str]] = []
    for ask in tpl.asks:
        answer = answers.get(ask.name)
        text = (answer if answer is not None else _fill(ask.default, values) or "").strip()
        given.append((ask.name, text))
        if not text and ask.required:
            missing.append(ask.label)
            text = f"[{ask.label}]"
        values[ask.name] = text
    paragraphs = [p for p in (_fill(text, values) for text in tpl.body) if p]
    subject = string.Template(tpl.subject).safe_substitute(
        {k: v for k, v in values.items() if v})
    recipient_lines = _recipient_lines(recipient, complaint, tpl, jurisdiction)
    warnings = _warnings(authority, sender, bool(recipient_lines), on)
    summary = (
        _("Answer to my reminder about: {0}").format(values["request_title"])
        if request is not None and tpl.needs == "request"
        else subject
    )
    return LetterDraft(
        kind=tpl.id, on=on,
        sender_lines=_lines(sender.name if sender else "", sender.address if sender else None,
                            sender.email if sender else None, sender.phone if sender else None),
        recipient_lines=recipient_lines,
        subject=subject, body="\n\n".join(paragraphs),
        sign_off=_sign_off(person, authority, sender),
        to_contact=recipient.id if recipient else None,
        from_contact=sender.id if sender and sender.id else None,
        request_kind=tpl.request_kind, request_summary=summary,
        reply_by=reply.legal or reply.asked,
        due_is_given=tpl.reply_within_days is not None,
        complaint_id=complaint.id if complaint else None,
        in_reply_to=request.made_via if request is not None and tpl.needs == "request"
        else None,
        warnings=tuple(warnings), missing=tuple(missing), answers=tuple(given))


def _warnings(authority: Authority | None, sender: Contact | None, addressed: bool,
              on: date) -> list[str]:
    found = []
    if authority and authority.expires_on and authority.expires_on < on:
        found.append(
            _("Your {0} ended on {1}; they may not accept this letter.").format(
                DOCUMENT_WORDS[authority.kind], spoken(authority.expires_on)
            )
        )
    if sender is None or not sender.name:
        found.append(_("Add your name and address at the top (give your details and your "
                       "legal authority in Case → The person and you to have them filled in "
                       "every time)."))
    elif not sender.address:
        found.append(_("Add your address at the top so they can reply (add it under You in "
                       "Case → The person and you to have it filled in every time)."))
    if not addressed:
        found.append(_("Casebook could not tell who this goes to; add their name and address."))
    return found


def _lines(name: str, address: str | None, *extra: str | None) -> tuple[str, ...]:
    lines = [name, *(address or "").splitlines(), *extra]
    return tuple(line.strip() for line in lines if line and line.strip())


def _recipient_lines(recipient: Contact | None, complaint: Complaint | None,
                     tpl: LetterTemplate, jurisdiction: str) -> tuple[str, ...]:
    if recipient is not None:
        return _lines(recipient.name, recipient.address, recipient.organisation
                      if not recipient.address else None)
    if tpl.request_kind == "ombudsman":
        ladder = complaint_ladder(jurisdiction)
        for step in ladder.steps if ladder else ():
            if "ombudsman" in step.kinds:
                return (step.who,)
    return _lines(complaint.against or "" if complaint else "", None)


def _sign_off(person: Person, authority: Authority | None,
              sender: Contact | None) -> tuple[str, ...]:
    lines = [_("Yours sincerely,"), sender.name if sender else ""]
    if authority is not None and authority.kind != "self":
        words = HOLDER_WORDS[authority.kind]
        lines.append(_("{role} for {name}").format(role=f"{words[0].upper()}{words[1:]}",
                                                   name=person.name))
    return tuple(line for line in lines if line)


def edited(letter: LetterDraft, *, subject: str, body: str, sender: str,
           recipient: str) -> LetterDraft:
    """The draft with the user's changes to the subject, body and address blocks."""
    return dataclasses.replace(
        letter, subject=" ".join(subject.split()), body=body.strip(),
        sender_lines=_lines("", sender), recipient_lines=_lines("", recipient))


def plain_text(letter: LetterDraft) -> str:
    """The letter as text for an email: body and sign-off (the subject goes in its own box)."""
    return letter.body.strip() + "\n\n" + "\n".join(letter.sign_off)


# Saving ------------------------------------------------------------------------------------

def save_letter(case: Case, letter: LetterDraft, *, sent_on: date, channel: Channel,
                received_on: date | None = None) -> SavedLetter:
    """Keep the sent letter as outgoing correspondence with its PDF, and start its request's
    clock from the day they receive it; all in one transaction, or nothing."""
    if not letter.subject.strip() or not letter.body.strip():
        raise LetterDraftProblem(_("The letter needs a subject and some text."))
    for label in letter.missing:
        if f"[{label}]" in letter.body or f"[{label}]" in letter.subject:
            raise LetterDraftProblem(_("Please fill in: {label}.").format(label=label))
    if received_on is not None and received_on < sent_on:
        raise LetterDraftProblem(_("The day they receive it cannot be before the day it is sent."))
    for contact_id in (letter.to_contact, letter.from_contact):
        if contact_id is not None and _contact(case, contact_id) is None:
            raise LetterDraftProblem(_("Someone this letter names is no longer in the case."))
    from app.services.mail.letter_pdf import render_pdf  # reportlab: only when saving

    pdf = render_pdf(letter)
    text = plain_text(letter)
    with case.transaction():
        attachment = case.add_attachment(
            f"letter-{sent_on.isoformat()}-{letter.kind}.pdf", pdf, "application/pdf",
            text=f"{letter.subject}\n{text}", page_count=None)
        sent = case.add(Correspondence(
            id="", direction="out", channel=channel, sent_at=Moment(sent_on),
            received_at=Moment(received_on) if received_on else None,
            from_=[letter.from_contact] if letter.from_contact else [],
            to=[letter.to_contact] if letter.to_contact else [], subject=letter.subject,
            body=text, in_reply_to=letter.in_reply_to, attachment_ids=[attachment.id]))
        made_on = received_day(sent)
        due = letter.reply_by if letter.due_is_given and letter.reply_by else None
        if due is not None and due < made_on:
            raise LetterDraftProblem(_("The reply date in the letter is before they would receive "
                                       "it; check the dates."))
        try:
            request = case.add(Request(
                id="", kind=letter.request_kind, made_on=made_on, status="open",
                made_via=sent.id, to=letter.to_contact, summary=letter.request_summary,
                due_on=due, complaint_id=letter.complaint_id))
        except ValueProblem as exc:
            raise LetterDraftProblem(str(exc)) from None
    return SavedLetter(sent, request, attachment.id)
