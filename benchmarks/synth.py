"""Build the synthetic ten-year case the scale suite measures, once, and reuse it.

Everything is generated from word lists and sentence templates with a fixed random seed, so the
same content comes out every time (ids included; only the database key and audit times differ).
The full case holds 20,000 diary entries, 5,000 letters and 2,000 files totalling about 200 MB:
typed letters as small PDFs (their text is given to the store directly, as the sandboxed reader
would have found it), scanned letters as image-only PDFs, and photographs as JPEGs.
It is unlocked with the real default Argon2id cost and also has a keyring slot.
"""

from __future__ import annotations

import io
import json
import math
import shutil
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock
from decimal import Decimal
from pathlib import Path
from random import Random
from typing import TypeVar

from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from app.formats import long_day
from app.records.model import (
    Budget,
    Channel,
    Commitment,
    Contact,
    ContactRole,
    Correspondence,
    DiaryEntry,
    DiaryKind,
    Outcome,
    Person,
    Plan,
    Request,
    RequestKind,
)
from app.records.values import Moment, format_instant
from app.store import schema
from app.store.case import Case

T = TypeVar("T")

# Bump whenever what `build` writes changes, so an old case in benchmarks/data is rebuilt.
SYNTH_VERSION = 3
SEED = 1_000_003
PASSPHRASE = "benchmark case passphrase"  # the synthetic case only
STAMP_FILE = "stamp.json"
CASE_FOLDER = "case"
FIRST_DAY = date(2015, 1, 1)
BATCH = 2_500  # records per write transaction
TYPED_PDF_BYTES = 1_600  # about what one typed letter PDF comes to


@dataclass(frozen=True)
class Scale:
    """How big a synthetic case to build."""

    contacts: int = 60
    diary: int = 20_000
    letters: int = 5_000
    attachments: int = 2_000
    attachment_bytes: int = 200_000_000
    years: int = 10
    requests: int = 2_000
    plans: int = 300


FULL = Scale()
# The same ten years written up three times as densely: how each measure grows with the case.
TRIPLE = Scale(diary=3 * FULL.diary, letters=3 * FULL.letters,
               attachments=3 * FULL.attachments, attachment_bytes=3 * FULL.attachment_bytes,
               requests=3 * FULL.requests, plans=3 * FULL.plans)


@dataclass(frozen=True)
class BuiltCase:
    """A synthetic case on disk and what went into it."""

    folder: Path
    scale: Scale
    counts: dict[str, int]
    attachment_bytes: int
    build_seconds: float
    reused: bool = False


# Word lists ---------------------------------------------------------------------------------
FIRST = ["Aileen", "Alasdair", "Amira", "Andrew", "Bethany", "Callum", "Carol", "Catriona",
         "Colin", "Dawn", "Declan", "Eilidh", "Elaine", "Euan", "Fraser", "Gillian", "Gordon",
         "Hamish", "Hannah", "Imran", "Iona", "Isla", "Jamal", "Janet", "Keith", "Kirsty",
         "Lachlan", "Leanne", "Lorna", "Malcolm", "Marek", "Mhairi", "Moira", "Neil", "Niamh",
         "Olga", "Paul", "Rachel", "Ravi", "Ruth", "Sandra", "Shona", "Stuart", "Tariq",
         "Tom", "Una", "Wendy", "Yusuf", "Zofia", "Graham"]
SURNAMES = ["Aitken", "Baird", "Bell", "Brodie", "Cairns", "Campbell", "Crawford", "Dewar",
            "Docherty", "Drummond", "Findlay", "Forsyth", "Galbraith", "Gillespie", "Hendry",
            "Hutton", "Imrie", "Jardine", "Kelso", "Laing", "Lennox", "Lockhart", "McAllister",
            "McBride", "McCallum", "McGregor", "McKenzie", "Maxwell", "Munro", "Nairn",
            "Ogilvie", "Paterson", "Quinn", "Rennie", "Ritchie", "Sinclair", "Strachan",
            "Tait", "Urquhart", "Wallace", "Weir", "Younger", "Kowalski", "Okafor", "Patel"]
ORGANISATIONS = ["Northbridge Council Adult Services", "Northbridge Council Finance",
                 "Northbridge Health and Social Care Partnership", "Riverside Care Agency",
                 "Brightpath Support Ltd", "Kelvinhaugh Day Centre", "Northbridge Advocacy",
                 "Harbour Street Surgery", "Lowther and Weir Solicitors", "Care Standards Office",
                 "Public Services Complaints Office", "Northbridge Payroll Service"]
ROLES: list[ContactRole] = ["social-worker", "social-worker", "social-worker", "team-manager",
                            "head-of-service", "personal-assistant", "personal-assistant",
                            "personal-assistant", "provider", "advocate", "family", "gp",
                            "councillor", "msp", "solicitor", "ombudsman", "regulator", "other"]
TOPICS = ["the support plan", "the direct payment", "respite care", "the PA rota",
          "overnight support", "the day centre place", "transport to college",
          "the occupational therapy assessment", "the ceiling hoist", "the wheelchair repair",
          "the annual review", "the carer's assessment", "the budget letter",
          "lunchtime medication", "the moving and handling plan", "the adapted bathroom",
          "the short break", "employer liability insurance", "the payroll service",
          "the guardianship renewal", "the outcomes plan", "the eligibility decision",
          "the complaint", "the request for records", "the risk assessment",
          "the communication passport", "the behaviour support plan", "the weekend hours",
          "community activities", "the swimming sessions", "the hydrotherapy referral",
          "the speech and language referral", "continence supplies", "the bed sensor",
          "the funding panel", "the charging assessment", "the contribution letter",
          "the hospital discharge", "the dental appointment", "the new care provider",
          "the emergency plan", "the housing adaptation", "the supported tenancy",
          "the sleep-in shift", "the travel training", "the epilepsy protocol"]
MOODS = ["settled", "anxious", "tired", "cheerful", "unsettled", "sore", "chatty", "quiet",
         "restless", "relaxed", "upset", "excited"]
ACTIVITIES = ["went swimming", "had lunch at the café", "went to the library",
              "enjoyed the music group", "walked along the river", "did some baking",
              "visited her gran", "went to the cinema", "painted at the community hall",
              "went to the garden centre", "watched the football", "went bowling",
              "fed the ducks at the park", "went shopping for clothes"]
NEEDS = ["two people for transfers", "a consistent team", "time to take in information",
         "support through the night", "help at mealtimes", "a familiar routine",
         "extra time at appointments", "someone who knows her signs", "a quiet room",
         "reminders for medication"]
INCIDENTS = ["fall in the bathroom", "missed medication", "no worker turned up",
             "seizure at the day centre", "hoist sling torn", "lost purse on the bus",
             "agency worker left early", "wrong dose delivered by pharmacy",
             "bruise found on arm", "taxi did not arrive"]
DECISIONS = ["approved", "deferred to the next panel", "reduced", "agreed in principle",
             "put on hold", "refused", "passed to the team manager", "sent back for more detail"]
REASONS = ["the assessment is out of date", "more information is needed",
           "the budget is being looked at again", "the provider has not confirmed cover",
           "the panel did not meet this month", "the worker has left the team",
           "the cost is above the usual rate", "the paperwork was not signed"]
DOCUMENTS = ["a copy of the minutes", "the revised plan", "the invoice", "my notes of the meeting",
             "the GP letter", "the timesheets", "the bank statement", "the assessment form",
             "the photographs", "the incident form"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
FREE_TAGS = ["review", "respite", "money", "health", "transport", "staffing", "complaint",
             "housing", "college", "equipment"]
STANDARD_TAGS = ["standard:9.10", "standard:5.4", "standard:3", "standard:7"]

DIARY_KINDS: list[DiaryKind] = ["phone-call", "phone-call", "home-visit", "meeting", "email",
                                "letter", "observation", "observation", "incident", "note"]
TITLES: dict[str, list[str]] = {
    "phone-call": ["Call with {person} about {short}", "{person} phoned about {short}",
                   "Rang {person} to chase {short}"],
    "home-visit": ["Home visit from {person}", "{person} came round about {short}"],
    "meeting": ["Meeting about {short}", "Review meeting with {person}",
                "{person} chaired the meeting on {short}"],
    "email": ["Email from {person} about {short}", "Emailed {person} about {short}"],
    "letter": ["Letter about {short}", "Posted a letter to {person} about {short}"],
    "observation": ["{first} {mood} after she {activity}", "{first} {mood} today"],
    "incident": ["Incident: {incident}", "{incident} — reported to {person}"],
    "note": ["Note about {short}", "Things to raise about {short}"],
}
DIARY_SENTENCES = [
    "{person} said {topic} would be looked at by {weekday}.",
    "I asked {person} to confirm {topic} in writing.",
    "{person} could not say who had made the decision about {topic}.",
    "We went over {topic} again; nothing has changed since {month}.",
    "{first} was {mood} today and {activity}.",
    "The agency sent {n} different workers this week, which unsettled {first}.",
    "{person} promised to phone back about {topic} but did not.",
    "I explained again that {first} needs {need}, and that this is written in the plan.",
    "The visit lasted {n}0 minutes.",
    "{person} mentioned that the funding panel meets on a {weekday}.",
    "I reminded {person} that we are still waiting for {topic}.",
    "The cost quoted for {topic} was £{amount}.",
    "{first} {activity} with support from {pa}.",
    "{topic_cap} was on the agenda but was not discussed.",
    "{person} said the decision was {decision} because {reason}.",
    "I wrote down what was said straight after the call.",
    "{pa} covered the shift at short notice.",
    "There was an {incident_lower} and I told {person} the same day.",
    "{person} agreed that {topic} should be reviewed within {n} weeks.",
    "Nobody had read the communication passport before the visit.",
]
LETTER_SENTENCES = [
    "Thank you for your letter of {day} about {topic}.",
    "I am writing to confirm that {topic} has been {decision}.",
    "The funding panel considered {topic} on {day}.",
    "Please let me know by {day} whether you agree.",
    "I would be grateful for a written reply within {n} working days.",
    "I have enclosed {document} for your records.",
    "We cannot agree {topic} at present because {reason}.",
    "I do not accept that {topic} can be reduced without a new assessment.",
    "Could you tell me who made the decision about {topic}, and when?",
    "The weekly amount will be £{amount} from {day}.",
    "Your social worker, {person}, will contact you to arrange a visit.",
    "I am still waiting for a reply to my letter about {topic}.",
    "The plan says that {first} needs {need}, and this has not been provided.",
    "If you are unhappy with this decision you can ask for it to be looked at again.",
    "I would like a copy of every record that mentions {topic}.",
]
SUBJECTS = ["Your request about {short}", "Re: {short}", "Outcome of the review of {short}",
            "Complaint about {short}", "Request for copies of records", "Update on {short}",
            "Invoice for {month}", "Change to {short}", "Decision on {short}",
            "Chasing a reply about {short}", "Meeting to discuss {short}"]
_STOPWORDS = {"the", "a", "an", "to", "at", "of", "for", "in", "on", "and", "her"}


# Text ---------------------------------------------------------------------------------------
def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _short(topic: str) -> str:
    return topic.removeprefix("the ")


class _Writer:
    """Fills the sentence templates from the word lists with one seeded generator."""

    def __init__(self, rng: Random, contacts: list[Contact], first: str) -> None:
        self.rng = rng
        self.contacts = contacts
        self.first = first
        self.assistants = [c for c in contacts if c.role == "personal-assistant"] or contacts

    def fields(self, day: date) -> dict[str, str]:
        rng = self.rng
        topic = rng.choice(TOPICS)
        incident = rng.choice(INCIDENTS)
        later = day + timedelta(days=rng.randint(7, 60))
        return {
            "person": rng.choice(self.contacts).name, "first": self.first,
            "pa": rng.choice(self.assistants).name.split()[0], "topic": topic,
            "topic_cap": _cap(topic), "short": _short(topic), "mood": rng.choice(MOODS),
            "activity": rng.choice(ACTIVITIES), "need": rng.choice(NEEDS),
            "incident": _cap(incident), "incident_lower": incident,
            "decision": rng.choice(DECISIONS), "reason": rng.choice(REASONS),
            "document": rng.choice(DOCUMENTS), "weekday": rng.choice(WEEKDAYS),
            "month": day.strftime("%B %Y"), "day": long_day(later),
            "n": str(rng.randint(2, 9)),
            "amount": f"{rng.randint(40, 900)}.{rng.randint(0, 99):02d}",
        }

    def sentences(self, pool: list[str], day: date, low: int, high: int) -> list[str]:
        return [self.rng.choice(pool).format(**self.fields(day))
                for _ in range(self.rng.randint(low, high))]

    def diary_title(self, kind: str, day: date) -> str:
        return self.rng.choice(TITLES[kind]).format(**self.fields(day))

    def subject(self, day: date) -> str:
        return self.rng.choice(SUBJECTS).format(**self.fields(day))

    def letter(self, day: date, to: str, sender: str) -> list[str]:
        """A letter's lines: greeting, paragraphs and sign-off."""
        lines = [f"Dear {to},", ""]
        for _ in range(self.rng.randint(2, 4)):
            lines.append(" ".join(self.sentences(LETTER_SENTENCES, day, 1, 3)))
            lines.append("")
        lines += ["Yours sincerely,", sender]
        return lines


# Files --------------------------------------------------------------------------------------
def _wrap(lines: list[str], width: int = 92) -> list[str]:
    out: list[str] = []
    for line in lines:
        words, current = line.split(), ""
        for word in words:
            if current and len(current) + 1 + len(word) > width:
                out.append(current)
                current = word
            else:
                current = f"{current} {word}".strip()
        out.append(current)
    return out


def typed_pdf(lines: list[str], title: str) -> tuple[bytes, int]:
    """A typed letter as a text PDF, and its page count."""
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=A4, invariant=True)
    pdf.setTitle(title)
    pages, rows = 0, _wrap(lines)
    for start in range(0, max(len(rows), 1), 50):
        text = pdf.beginText(60, 790)
        text.setFont("Helvetica", 10)
        for row in rows[start:start + 50]:
            text.textLine(row)
        pdf.drawText(text)
        pdf.showPage()
        pages += 1
    pdf.save()
    return buf.getvalue(), pages


class _Images:
    """Noisy but compressible JPEGs of a chosen size: photographs and scanned pages.

    The size of a noise JPEG is close to proportional to its pixel count, so a running
    bytes-per-pixel estimate (per kind of image) lands each file near its target size.
    """

    def __init__(self, rng: Random) -> None:
        self.rng = rng
        self.bytes_per_pixel = {"photo": 0.3, "scan": 0.15}

    def jpeg(self, kind: str, target: int) -> bytes:
        rng = self.rng
        pixels = max(target / self.bytes_per_pixel[kind], 64 * 48)
        width = max(int(math.sqrt(pixels * (4 / 3 if kind == "photo" else 0.7))), 64)
        height = max(int(pixels / width), 48)
        mode, channels = ("RGB", 3) if kind == "photo" else ("L", 1)
        noise = Image.frombytes(mode, (width, height), rng.randbytes(width * height * channels))
        # Narrow the noise around a base tone per channel: less entropy, like a real picture.
        lut: list[int] = []
        for _ in range(channels):
            base = rng.randint(150, 225) if kind == "scan" else rng.randint(30, 200)
            spread = rng.randint(20, 60) if kind == "photo" else rng.randint(8, 24)
            lut += [min(255, base + value * spread // 255) for value in range(256)]
        out = io.BytesIO()
        noise.point(lut).save(out, "JPEG", quality=rng.randint(70, 88))
        data = out.getvalue()
        estimate = len(data) / (width * height)
        self.bytes_per_pixel[kind] = 0.7 * self.bytes_per_pixel[kind] + 0.3 * estimate
        return data


def scanned_pdf(jpeg: bytes, pages: int) -> bytes:
    """A scanned letter: one page image per page and no text layer."""
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=A4, invariant=True)
    width, height = A4
    for _ in range(pages):
        # reportlab embeds a JPEG as it is, so the PDF is about the size of its images.
        pdf.drawImage(ImageReader(io.BytesIO(jpeg)), 20, 20, width - 40, height - 40)
        pdf.showPage()
    pdf.save()
    return buf.getvalue()


@dataclass
class _FilePlan:
    """One attachment to make: what it is, when, and which record holds it."""

    id: str
    kind: str  # "typed", "scan" or "photo"
    day: date
    owner: int
    target: int = 0


@dataclass
class _Plan:
    """The whole case laid out before anything is written."""

    diary_days: list[datetime]
    letter_days: list[datetime]
    files: list[_FilePlan] = field(default_factory=list)


# Building -----------------------------------------------------------------------------------
def _hex_id(rng: Random, prefix: str, used: set[str]) -> str:
    while True:
        candidate = f"{prefix}-{rng.getrandbits(48):012x}"
        if candidate not in used:
            used.add(candidate)
            return candidate


def _moment(rng: Random, scale: Scale) -> datetime:
    days = rng.randrange(scale.years * 365 + scale.years // 4)
    minute = rng.randrange(8 * 60, 21 * 60)
    start = datetime.combine(FIRST_DAY + timedelta(days=days), clock(minute // 60, minute % 60))
    return start


def _plan(rng: Random, scale: Scale, used: set[str]) -> _Plan:
    plan = _Plan([_moment(rng, scale) for _ in range(scale.diary)],
                 [_moment(rng, scale) for _ in range(scale.letters)])
    photos = scale.attachments * 7 // 20
    scans = scale.attachments // 5
    for n in range(scale.attachments):
        kind = "photo" if n < photos else "scan" if n < photos + scans else "typed"
        if kind == "photo" or not plan.letter_days:
            owner = rng.randrange(max(scale.diary, 1))
            day = plan.diary_days[owner].date() if plan.diary_days else FIRST_DAY
            kind = "photo" if plan.diary_days else kind
        else:
            owner = rng.randrange(scale.letters)
            day = plan.letter_days[owner].date()
        plan.files.append(_FilePlan(_hex_id(rng, "att", used), kind, day, owner))
    # Typed letters are a few kilobytes; the pictures share the rest of the byte budget with
    # log-normal sizes (most files modest, a few large), scaled to land near the total.
    pictures = [f for f in plan.files if f.kind != "typed"]
    typed_guess = TYPED_PDF_BYTES * (len(plan.files) - len(pictures))
    weights = [rng.lognormvariate(0.0, 0.7) for _ in pictures]
    budget = max(scale.attachment_bytes - typed_guess, 0)
    for item, weight in zip(pictures, weights, strict=True):
        item.target = int(budget * weight / sum(weights))
    return plan


def _chunks(items: list[T], size: int) -> Iterator[list[T]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _make_contacts(rng: Random, scale: Scale, used: set[str]) -> list[Contact]:
    contacts: list[Contact] = []
    for _ in range(scale.contacts):
        first, last = rng.choice(FIRST), rng.choice(SURNAMES)
        role = rng.choice(ROLES)
        org = None if role in ("family", "personal-assistant") else rng.choice(ORGANISATIONS)
        slug = org.split()[0].lower() if org else "mail"
        contacts.append(Contact(
            _hex_id(rng, "contact", used), f"{first} {last}", role, org,
            email=f"{first}.{last}@{slug}.example".lower(),
            phone=f"01632 {rng.randint(100000, 999999)}",
            notes=rng.choice([None, f"Usually works {rng.choice(WEEKDAYS)}s.",
                              f"Took over from a colleague in {rng.randint(2015, 2024)}."])))
    return contacts


def _add_files(case: Case, rng: Random, writer: _Writer, plan: _Plan,
               contacts: list[Contact], person: str) -> int:
    images = _Images(rng)
    total = 0
    # What earlier pictures fell short of (or overshot) their targets is carried forward, so
    # the total lands on the budget although each JPEG's size is only estimated.
    owed = 0
    for batch in _chunks(plan.files, 200):
        with case.transaction():
            for item in batch:
                added = format_instant(datetime.combine(item.day, clock(18), tzinfo=UTC))
                stamp = item.day.isoformat()
                text, pages = "", None
                target = max(item.target + owed, item.target // 2)
                if item.kind == "photo":
                    data = images.jpeg("photo", target)
                    name, media = f"photo-{stamp}-{rng.randint(1000, 9999)}.jpg", "image/jpeg"
                elif item.kind == "scan":
                    pages = rng.randint(1, 3)
                    data = scanned_pdf(images.jpeg("scan", target // pages), pages)
                    name, media = f"scanned-letter-{stamp}.pdf", "application/pdf"
                else:
                    sender = rng.choice(contacts).name
                    lines = writer.letter(item.day, person, sender)
                    data, pages = typed_pdf(lines, "Letter")
                    text = "\n".join(lines)
                    name, media = f"letter-{stamp}.pdf", "application/pdf"
                if item.kind != "typed":
                    owed = target - len(data)
                case.add_attachment(name, data, media, text=text, page_count=pages,
                                    attachment_id=item.id, added_at=added)
                total += len(data)
    return total


def _add_diary(case: Case, rng: Random, writer: _Writer, plan: _Plan,
               contacts: list[Contact], used: set[str]) -> None:
    files: dict[int, list[str]] = {}
    for item in plan.files:
        if item.kind == "photo":
            files.setdefault(item.owner, []).append(item.id)
    for batch in _chunks(list(enumerate(plan.diary_days)), BATCH):
        with case.transaction():
            for n, when in batch:
                kind = rng.choice(DIARY_KINDS)
                day = when.date()
                commitments = [Commitment(f"Send {rng.choice(DOCUMENTS)}",
                                          rng.choice(contacts).id,
                                          day + timedelta(days=rng.randint(3, 30)))
                               for _ in range(rng.choice((0, 0, 0, 1, 2)))]
                tags = rng.sample(FREE_TAGS, rng.randint(0, 2))
                if rng.random() < 0.1:
                    tags.append(rng.choice(STANDARD_TAGS))
                case.add(DiaryEntry(
                    _hex_id(rng, "diary", used), Moment(day, when.time()),
                    (when + timedelta(hours=rng.choice((1, 2, 5, 20, 50)))).replace(tzinfo=UTC),
                    kind, writer.diary_title(kind, day),
                    " ".join(writer.sentences(DIARY_SENTENCES, day, 2, 7)),
                    participants=[c.id for c in rng.sample(contacts, rng.randint(0, 3))],
                    purpose_stated=rng.choice([None, f"To discuss {rng.choice(TOPICS)}"]),
                    commitments=commitments, tags=tags, attachment_ids=files.get(n, [])))


def _add_letters(case: Case, rng: Random, writer: _Writer, plan: _Plan,
                 contacts: list[Contact], person_name: str, used: set[str]) -> None:
    files: dict[int, list[str]] = {}
    for item in plan.files:
        if item.kind != "photo":
            files.setdefault(item.owner, []).append(item.id)
    ids: list[str] = []
    for batch in _chunks(list(enumerate(plan.letter_days)), BATCH):
        with case.transaction():
            for n, when in batch:
                incoming = rng.random() < 0.6
                other = rng.choice(contacts)
                day = when.date()
                sender, addressee = (other.name, person_name) if incoming else (person_name,
                                                                                other.name)
                letter_id = _hex_id(rng, "letter", used)
                channel: Channel = rng.choice(("email", "email", "letter", "portal"))
                sent = Moment(day, when.time() if channel != "letter" else None)
                received = Moment(day + timedelta(days=rng.randint(0, 3))) if incoming else None
                case.add(Correspondence(
                    letter_id, "in" if incoming else "out", channel, sent_at=sent,
                    received_at=received, from_=[other.id] if incoming else [],
                    to=[] if incoming else [other.id],
                    cc=[c.id for c in rng.sample(contacts, rng.choice((0, 0, 1)))],
                    subject=writer.subject(day),
                    body="\n".join(writer.letter(day, addressee, sender)),
                    in_reply_to=rng.choice(ids) if ids and rng.random() < 0.3 else None,
                    tags=rng.sample(FREE_TAGS, rng.randint(0, 2)),
                    attachment_ids=files.get(n, [])))
                ids.append(letter_id)


REQUEST_KINDS: list[RequestKind] = ["subject-access", "foi", "copy-of-document",
                                    "complaint-stage-1", "review", "commitment", "other"]


def _add_requests_and_plans(case: Case, rng: Random, scale: Scale, contacts: list[Contact],
                            used: set[str]) -> None:
    """Requests over the years, most answered, some still open and overdue; and plan versions,
    each replacing the one before, with outcomes carried on."""
    last = FIRST_DAY + timedelta(days=365 * scale.years)
    with case.transaction():
        for _ in range(scale.requests):
            made = FIRST_DAY + timedelta(days=rng.randrange(365 * scale.years))
            answered = made + timedelta(days=rng.randint(5, 60))
            still_open = rng.random() < 0.1 or answered > last
            case.add(Request(
                _hex_id(rng, "request", used), rng.choice(REQUEST_KINDS), made,
                "open" if still_open else "answered", to=rng.choice(contacts).id,
                summary=f"About {rng.choice(TOPICS)}",
                answered_on=None if still_open else answered))
        previous: Plan | None = None
        step = max(1, 365 * scale.years // max(scale.plans, 1))
        for n in range(scale.plans):
            plan_id = _hex_id(rng, "plan", used)
            outcomes = [Outcome(f"{plan_id}-o{k}", f"{rng.choice(NEEDS).capitalize()}",
                                continues=previous.outcomes[k].id
                                if previous and k < len(previous.outcomes) else None)
                        for k in range(rng.randint(3, 6))]
            previous = case.add(Plan(
                plan_id, "personal-outcomes-plan", FIRST_DAY + timedelta(days=n * step),
                title=f"Outcomes plan {n + 1}", status="agreed",
                supersedes=previous.id if previous else None,
                budget=Budget(Decimal("320.00"), "week", "1"), outcomes=outcomes,
                review_due=FIRST_DAY + timedelta(days=n * step + 365)))


def build(folder: Path, scale: Scale = FULL, *, kdf: dict[str, int] | None = None,
          remember: bool = True,
          progress: Callable[[str], None] | None = None) -> BuiltCase:
    """Make the synthetic case in an empty or new folder (kdf None = the real default cost).

    With `remember`, a keyring slot is added through whatever keyring backend is active.
    """
    started = time.perf_counter()
    say = progress or (lambda _message: None)
    rng = Random(SEED)
    used: set[str] = set()
    person = Person(name="Rowan Fairlie (BENCHMARK)", jurisdiction="scotland",
                    known_as="Rowan", local_authority="Northbridge Council",
                    communication="Uses some signs and a picture book; give her time.",
                    sds_option="1")
    case, _code = Case.create(folder, person, PASSPHRASE, kdf=kdf)
    try:
        contacts = _make_contacts(rng, scale, used)
        with case.transaction():
            for contact in contacts:
                case.add(contact)
        writer = _Writer(rng, contacts, "Rowan")
        plan = _plan(rng, scale, used)
        say(f"{len(plan.files)} files")
        total = _add_files(case, rng, writer, plan, contacts, person.name)
        say(f"{scale.diary} diary entries")
        _add_diary(case, rng, writer, plan, contacts, used)
        say(f"{scale.letters} letters")
        _add_letters(case, rng, writer, plan, contacts, person.name, used)
        say(f"{scale.requests} requests and {scale.plans} plan versions")
        _add_requests_and_plans(case, rng, scale, contacts, used)
        if remember:
            notice = case.remember_on_this_computer()
            if notice:
                raise RuntimeError(notice)
        counts = {"contacts": case.count(Contact), "diary": case.count(DiaryEntry),
                  "letters": case.count(Correspondence), "attachments": len(case.attachments()),
                  "requests": case.count(Request), "plans": case.count(Plan)}
    finally:
        case.close()
    return BuiltCase(Path(folder), scale, counts, total, time.perf_counter() - started)


def _stamp(scale: Scale) -> dict[str, object]:
    return {"synth_version": SYNTH_VERSION, "seed": SEED, "schema": schema.current_version(),
            "scale": asdict(scale)}


def ensure(data_dir: Path, scale: Scale = FULL, *, kdf: dict[str, int] | None = None,
           progress: Callable[[str], None] | None = None) -> BuiltCase:
    """The synthetic case in `data_dir`, built now unless a matching one is already there.

    The stamp is written last, so a build that was interrupted is thrown away and redone.
    """
    folder = data_dir / CASE_FOLDER
    stamp_path = data_dir / STAMP_FILE
    wanted = _stamp(scale)
    try:
        found = json.loads(stamp_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        found = None
    if isinstance(found, dict) and found.get("stamp") == wanted and Case.is_case_folder(folder):
        return BuiltCase(folder, scale, dict(found["counts"]), int(found["attachment_bytes"]),
                         float(found["build_seconds"]), reused=True)
    stamp_path.unlink(missing_ok=True)
    shutil.rmtree(folder, ignore_errors=True)
    data_dir.mkdir(parents=True, exist_ok=True)
    built = build(folder, scale, kdf=kdf, progress=progress)
    stamp_path.write_text(json.dumps({
        "stamp": wanted, "counts": built.counts, "attachment_bytes": built.attachment_bytes,
        "build_seconds": round(built.build_seconds, 1)}, indent=1), encoding="utf-8")
    return built


def queries(count: int = 200, scale: Scale = FULL) -> list[str]:
    """Realistic searches: one to three neighbouring words from the case's own phrases and
    people (so most find something), the last one often only partly typed."""
    names = [c.name for c in _make_contacts(Random(SEED), scale, set())]
    rng = Random(SEED + 1)
    phrases = TOPICS + ACTIVITIES + INCIDENTS + NEEDS + DOCUMENTS + ORGANISATIONS + names
    found: list[str] = []
    for _ in range(count):
        words = [w for w in rng.choice(phrases).split() if w.lower() not in _STOPWORDS]
        size = min(rng.choice((1, 1, 1, 2, 2, 3)), len(words))
        start = rng.randrange(len(words) - size + 1)
        picked = words[start:start + size]
        last = picked[-1]
        if len(last) > 4 and rng.random() < 0.6:
            picked[-1] = last[:rng.randint(3, len(last) - 1)]
        found.append(" ".join(picked).lower())
    return found
