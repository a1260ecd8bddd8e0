"""Compare two versions of a care or support plan, outcome by outcome.

Outcomes decide what a budget may be spent on, so a new version that quietly turns a broad aim
into a narrow service cuts support without saying so. `compare` pairs each outcome in the newer
version with the one(s) it continues in the older version, says which were removed, added,
reworded or narrowed and why, and compares the budgets and who was involved. `suggest_lineage`
proposes links for the user to confirm. Pure functions over small frozen dataclasses.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from difflib import SequenceMatcher
from typing import Literal

from app.formats import pounds
from app.problems import Problem
from app.services.support_plans.plan_facts import PERIODS_PER_YEAR, SDS_OPTIONS
from app.translation import _

ChangeKind = Literal["reworded", "narrowed", "same"]
TokenOp = Literal["equal", "removed", "added"]

OUTCOME_STATUSES = ("agreed", "proposed", "disputed")

# Pairs scoring at least this are treated as the same outcome carried forward.
PAIR_THRESHOLD = 0.45
# Suggestions below this are too weak to show.
SUGGEST_FLOOR = 0.2
# A short outcome wholly inside a longer one (a split or merged part) scores this much of a
# perfect match, so it pairs but never beats a genuinely close rewording.
CONTAIN_FACTOR = 0.8


class PlanCompareError(Problem):
    """Plans that cannot be compared as given; the message is plain English."""


@dataclass(frozen=True)
class OutcomeIn:
    """One outcome of a plan version, as the comparison needs it."""

    id: str
    text: str
    continues: str | None
    status: str


@dataclass(frozen=True)
class PlanIn:
    """One plan version, as the comparison needs it."""

    id: str
    title: str
    dated: date
    outcomes: list[OutcomeIn]
    budget_amount: Decimal | None
    budget_period: str | None
    sds_option: str | None
    guardian_consulted: bool | None
    person_involved: bool | None


@dataclass(frozen=True)
class DiffToken:
    """One word of a word-level diff, for highlighting."""

    text: str
    op: TokenOp


@dataclass(frozen=True)
class OutcomeChange:
    """An older outcome and the newer outcome that continues it, and what changed."""

    from_id: str
    to_id: str
    kind: ChangeKind
    words_removed: list[str]
    words_added: list[str]
    reasons: list[str]
    tokens: list[DiffToken]


@dataclass(frozen=True)
class BudgetChange:
    """The budget in each version.

    When both versions use the same period the amounts are as stated; when they differ both
    amounts are given per year. `annual_difference` is newer minus older (negative is a cut).
    """

    from_amount: Decimal | None
    to_amount: Decimal | None
    period: str
    annual_from: Decimal | None
    annual_to: Decimal | None
    annual_difference: Decimal | None


@dataclass(frozen=True)
class InvolvementFlags:
    """Whether the guardian was consulted and the person involved (None = not recorded)."""

    plan_id: str
    guardian_consulted: bool | None
    person_involved: bool | None


@dataclass(frozen=True)
class LineageSuggestion:
    """A proposed link: the newer outcome `new_id` may continue the older outcome `old_id`."""

    new_id: str
    old_id: str
    score: float


@dataclass(frozen=True)
class Replacement:
    """An older outcome no longer in the plan and a newer one that may have taken its place:
    a broad aim gone and one service added, with no link confirmed between them. Shown as
    'replaced by — narrowed?' for the person to confirm (by linking them) or ignore."""

    old_id: str
    new_id: str


@dataclass(frozen=True)
class PlanDiff:
    """Everything that changed between two versions of a plan."""

    older_id: str
    newer_id: str
    removed: list[str]
    added: list[str]
    changed: list[OutcomeChange]
    budget: BudgetChange | None
    sds_option_from: str | None
    sds_option_to: str | None
    involvement: list[InvolvementFlags]
    warnings: list[str]
    # Removed aims that one added service may have replaced (also in removed and added).
    replaced: tuple[Replacement, ...] = ()


# --- words -------------------------------------------------------------------------------------

_EDGES = re.compile(r"^[^\w£]+|[^\w%]+$")
_STOPWORDS = frozenset((
    "a", "an", "the", "and", "or", "but", "nor", "to", "of", "in", "on", "at", "for", "with", "by",
    "from", "into", "onto", "as", "so", "than", "that", "this", "these", "those", "it", "its",
    "is", "are", "be", "been", "being", "was", "were", "am", "has", "have", "had", "do", "does",
    "did", "not", "no", "he", "she", "they", "him", "her", "them", "his", "hers", "their",
    "theirs", "i", "me", "my", "we", "us", "our", "you", "your", "who", "whom", "which", "what",
    "when", "where", "how", "will", "shall", "must", "may", "might", "could", "would", "should",
    "can", "also", "each", "every", "per", "other", "some", "any", "all", "more", "most", "very",
    "just", "about", "up", "if", "then", "there",
))
_NUMBER_WORDS: dict[str, int] = {
    word: value
    for value, word in enumerate((
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
        "nineteen", "twenty",
    ))
} | {"thirty": 30, "forty": 40, "fifty": 50}


def _key(word: str) -> str:
    """A word as compared: lower case, straight quotes, no punctuation at either end."""
    return _EDGES.sub("", word.lower().replace("\u2019", "'").replace("\u2018", "'"))


def _plain(text: str) -> str:
    """The text as space-separated keys, for phrase matching."""
    return " ".join(k for k in (_key(w) for w in text.split()) if k)


def _stem(key: str) -> str:
    """A crude English stem, enough for 'supported' to meet 'support' and 'meals' 'meal'."""
    key = key.removesuffix("'s")
    for suffix, replacement, min_len in (
        ("ies", "y", 5), ("ing", "", 6), ("ed", "", 5), ("ly", "", 6), ("s", "", 4),
    ):
        if key.endswith(suffix) and len(key) >= min_len and not key.endswith("ss"):
            key = key[: -len(suffix)] + replacement
            # 'shopping' -> 'shopp' -> 'shop'
            if suffix in ("ing", "ed") and len(key) > 3 and key[-1] == key[-2] not in "lsz":
                key = key[:-1]
            break
    return key


def _content(text: str) -> frozenset[str]:
    """The stems that carry an outcome's meaning (no stopwords, no numbers)."""
    stems = set()
    for word in text.split():
        key = _key(word)
        if len(key) < 2 or key in _STOPWORDS or key in _NUMBER_WORDS:
            continue
        if any(ch.isdigit() for ch in key):
            continue
        stems.add(_stem(key))
    return frozenset(stems)


def _weights(
    old_docs: Sequence[frozenset[str]], new_docs: Sequence[frozenset[str]]
) -> dict[str, float]:
    """How much each word says about which outcome it is in, within each version.

    The person's name and words like 'support' appear in most outcomes of a version, so they
    should count for little when deciding which outcomes are the same one. Counting each
    version separately keeps a word shared by just one old and one new outcome strong.
    """
    per_side: list[dict[str, float]] = []
    for docs in (old_docs, new_docs):
        count: dict[str, int] = {}
        for doc in docs:
            for term in doc:
                count[term] = count.get(term, 0) + 1
        per_side.append({t: math.log((len(docs) + 1) / df) for t, df in count.items()})
    terms = set(per_side[0]) | set(per_side[1])
    return {
        t: sum(side.get(t, 0.0) for side in per_side) / sum(1 for side in per_side if t in side)
        for t in terms
    }


def _score(old: frozenset[str], new: frozenset[str], weights: dict[str, float]) -> float:
    """How likely two outcomes are the same one carried forward, from 0 to 1."""
    if not old or not new:
        return 0.0
    shared = sum(weights[t] for t in old & new)
    size_old = sum(weights[t] for t in old)
    size_new = sum(weights[t] for t in new)
    dice = 2 * shared / (size_old + size_new)
    contained = shared / min(size_old, size_new)
    return max(dice, CONTAIN_FACTOR * contained)


# --- narrowing heuristics ----------------------------------------------------------------------

_NUM = r"\d[\d,]*(?:\.\d+)?|" + "|".join(_NUMBER_WORDS)
_PER_WORDS = {"day": 365, "week": 52, "fortnight": 26, "month": 12, "year": 1, "annum": 1}
_PER_ADVERBS = {
    "daily": "day", "weekly": "week", "fortnightly": "fortnight", "monthly": "month",
    "yearly": "year", "annually": "year",
}
_PERIOD_AFTER = re.compile(
    r"(?:\s+\S+){0,4}?\s+(?:a|an|per|each|every)\s+(day|week|fortnight|month|year|annum)\b"
    r"|(?:\s+\S+){0,4}?\s+(" + "|".join(_PER_ADVERBS) + r")\b"
)
_UNITS = {
    "hour": "hours", "hours": "hours", "hr": "hours", "hrs": "hours", "day": "days",
    "days": "days", "night": "nights", "nights": "nights", "visit": "visits", "visits": "visits",
    "session": "sessions", "sessions": "sessions", "call": "calls", "calls": "calls",
    "times": "times",
}
_COUNT = re.compile(
    rf"\b({_NUM})\s+(?:(?:more|extra|additional|further)\s+)?("
    + "|".join(sorted(_UNITS, key=len, reverse=True))
    + r")\b"
)
_MONEY = re.compile(r"£(\d[\d,]*(?:\.\d+)?)")
_ONCE_TWICE = re.compile(r"\b(once|twice)\b")
_UNIT_LABELS = {
    "hours": _("Hours"), "days": _("Days"), "nights": _("Nights"), "visits": _("Visits"),
    "sessions": _("Sessions"), "calls": _("Calls"), "times": _("Frequency"), "money": _("Money"),
}

# Phrases naming a particular service, place or timetable rather than an aim.
_SERVICE_PATTERNS = [
    re.compile(p)
    for p in (
        rf"\b(?:{_NUM}|once|twice)\s+(?:\S+\s+){{0,2}}?(?:a|an|per|each|every)\s+"
        r"(?:day|week|fortnight|month|year)\b",
        rf"\b(?:{_NUM})\s+(?:hours?|hrs?|days?|nights?|visits?|sessions?)\b",
        r"\b(?:daily|weekly|fortnightly|monthly)\b",
        r"\bday\s+(?:centre|center|care|services?|opportunit(?:y|ies))\b",
        r"\b(?:resource|activity|community|respite)\s+(?:centre|center)\b",
        r"\brespite\b",
        r"\bcare\s+home\b",
        r"\bresidential\b",
        r"\bsupported\s+(?:living|accommodation)\b",
        r"\bplacement\b",
        r"\battend(?:s|ing|ance)?\b",
        r"\bsessions?\b",
        r"\bhours?\b",
    )
]
_STRONG = ("will", "must", "shall")
_WEAK = ("may", "might", "could", "should", "where possible", "if possible", "when possible",
         "subject to")
_CONDITIONS = (
    "if funding allows", "if funds allow", "funding permitting", "as funding allows",
    "subject to funding", "within available resources", "resources permitting",
    "as resources allow", "when available", "where available", "if available", "subject to",
    "where possible", "if possible", "when possible", "where appropriate", "as appropriate",
    "at the discretion of",
)
_LIMITS = ("up to", "no more than", "a maximum of", "at most", "only")
# The person deciding, and being told or asked instead: losing the first for the second takes
# the choice away ("choose who supports him" → "be told who supports him").
_CHOOSING = ("choose", "chooses", "decide", "decides", "direct", "directs", "control",
             "controls", "pick", "picks", "select", "selects")
_TOLD = ("be told", "be informed", "be kept informed", "be consulted", "be asked",
         "be involved in", "be given information")
# Word stems that mark an outcome as being about a life, not a service.
_AIMS = (
    ("independen",), ("choice", "choos", "chose"), ("control",), ("communit",), ("fulfil",),
    ("wellbeing", "well-being"), ("dignity",), ("decid", "decision"), ("friend",),
    ("relationship",), ("aspiration",),
)


@dataclass(frozen=True)
class _Quantity:
    unit: str
    value: Decimal
    per: str | None


def _number(text: str) -> Decimal:
    return Decimal(_NUMBER_WORDS[text]) if text in _NUMBER_WORDS else Decimal(text.replace(",", ""))


def _period_after(plain: str, end: int) -> str | None:
    m = _PERIOD_AFTER.match(plain, end)
    if m is None:
        return None
    if m[1] is not None:
        return "year" if m[1] == "annum" else m[1]
    return _PER_ADVERBS[m[2]]


def _quantities(plain: str) -> list[_Quantity]:
    """Hours, days, visits, frequencies and sums of money stated in a text, with their period."""
    found = [
        _Quantity(_UNITS[m[2]], _number(m[1]), _period_after(plain, m.end()))
        for m in _COUNT.finditer(plain)
    ]
    found += [
        _Quantity("money", _number(m[1]), _period_after(plain, m.end()))
        for m in _MONEY.finditer(plain)
    ]
    found += [
        _Quantity("times", Decimal(1 if m[1] == "once" else 2), _period_after(plain, m.end()))
        for m in _ONCE_TWICE.finditer(plain)
    ]
    return found


def _totals(quantities: list[_Quantity]) -> dict[str, _Quantity]:
    """One total per unit; units mixing stated and unstated periods are left out as unclear."""
    by_unit: dict[str, list[_Quantity]] = {}
    for q in quantities:
        by_unit.setdefault(q.unit, []).append(q)
    totals: dict[str, _Quantity] = {}
    for unit, qs in by_unit.items():
        pers = {q.per for q in qs}
        if len(pers) == 1:
            totals[unit] = _Quantity(unit, sum((q.value for q in qs), Decimal(0)), qs[0].per)
        elif None not in pers:
            yearly = sum((q.value * _PER_WORDS[str(q.per)] for q in qs), Decimal(0))
            totals[unit] = _Quantity(unit, yearly, "year")
    return totals


def _amount(q: _Quantity) -> str:
    if q.unit == "money":
        return f"{pounds(q.value)}"
    number = format(q.value.normalize(), "f")
    if q.unit == "times":
        return {"1": _("once"), "2": _("twice")}.get(number) or _("{n} times").format(n=number)
    return number


def _with_period(q: _Quantity) -> str:
    return _amount(q) + (f" a {q.per}" if q.per else "")


def _quantity_reasons(old: str, new: str) -> tuple[list[str], list[str]]:
    """Narrowing reasons (cuts, amounts no longer stated) and other notes (increases)."""
    narrowing: list[str] = []
    notes: list[str] = []
    before, after = _totals(_quantities(old)), _totals(_quantities(new))
    for unit, was in before.items():
        now = after.get(unit)
        if now is None:
            noun = "" if unit in ("money", "times") else f" {unit}"
            per = f" a {was.per}" if was.per else ""
            narrowing.append(
                _("It no longer says {0}{noun}{per}").format(_amount(was), noun=noun, per=per)
            )
            continue
        if was.per == now.per:
            a, b = was.value, now.value
            text = _("from {0} to {1}").format(_amount(was), _with_period(now))
        elif was.per is not None and now.per is not None:
            a, b = was.value * _PER_WORDS[was.per], now.value * _PER_WORDS[now.per]
            text = _("from {0} to {1}").format(_with_period(was), _with_period(now))
        else:
            continue
        if b < a:
            narrowing.append(_("{what} cut {change}").format(what=_UNIT_LABELS[unit], change=text))
        elif b > a:
            notes.append(_("{what} increased {change}").format(what=_UNIT_LABELS[unit],
                                                               change=text))
    return narrowing, notes


def _services(plain: str) -> list[str]:
    """Phrases naming a service, place or timetable; the more specific pattern wins an overlap."""
    taken: list[tuple[int, int]] = []
    phrases: list[tuple[int, str]] = []
    for pattern in _SERVICE_PATTERNS:
        for m in pattern.finditer(plain):
            if any(m.start() < end and start < m.end() for start, end in taken):
                continue
            taken.append(m.span())
            phrases.append((m.start(), m[0]))
    return [phrase for _, phrase in sorted(phrases)]


def _count(plain: str, phrase: str) -> int:
    return f" {plain} ".count(f" {phrase} ")


def _first_at(plain: str, phrase: str) -> int:
    return f" {plain} ".find(f" {phrase} ")


def _gained(old: str, new: str, phrases: Sequence[str]) -> list[str]:
    """Phrases used more in the new text than the old, in the order they appear in the new."""
    more = [p for p in phrases if _count(new, p) > _count(old, p)]
    # 'subject to funding' already says 'subject to'; report only the longer phrase.
    more = [p for p in more if not any(p != q and f" {p} " in f" {q} " for q in more)]
    return sorted(more, key=lambda p: _first_at(new, p))


def _aims(plain: str) -> dict[int, str]:
    """Which aim groups a text mentions, with the first word that did so."""
    found: dict[int, str] = {}
    for word in plain.split():
        for group, stems in enumerate(_AIMS):
            if group not in found and word.startswith(stems):
                found[group] = word
    return found


def _quoted_list(words: list[str]) -> str:
    quoted = [f"'{w}'" for w in words]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]


def _text_reasons(old_text: str, new_text: str) -> tuple[list[str], list[str]]:
    """Why the new wording narrows the old (first list) and other notable changes (second)."""
    old, new = _plain(old_text), _plain(new_text)
    narrowing: list[str] = []
    services = _services(new)
    if services and not _services(old):
        narrowing.append(
            _("A general aim has become a specific service: ")
            + ", ".join(f"'{s}'" for s in services)
        )
    weak_gained = _gained(old, new, _WEAK)
    strong_lost = [s for s in _STRONG if _count(new, s) < _count(old, s)]
    if strong_lost and weak_gained:
        narrowing.append(_("'{0}' has become '{1}'").format(strong_lost[0], weak_gained[0]))
    choice_lost = [w for w in _CHOOSING if _count(new, w) < _count(old, w)]
    told = _gained(old, new, _TOLD)
    if choice_lost and told:
        narrowing.append(_("'{0}' has become '{1}': the choice is no longer theirs").format(
            choice_lost[0], told[0]))
    for phrase in _gained(old, new, _CONDITIONS):
        if not (strong_lost and weak_gained and phrase == weak_gained[0]):
            narrowing.append(
                _("'{phrase}' has been added, which makes it conditional").format(phrase=phrase)
            )
    narrowing += [
        _("'{p}' has been added, which sets a limit").format(p=p)
        for p in _gained(old, new, _LIMITS)
    ]
    cuts, notes = _quantity_reasons(old, new)
    narrowing += cuts
    lost_aims = [word for group, word in _aims(old).items() if group not in _aims(new)]
    if lost_aims and len(new.split()) * 10 <= len(old.split()) * 6:
        narrowing.append(
            _("It is much shorter and no longer mentions {0}").format(_quoted_list(lost_aims))
        )
    return narrowing, notes


def _word_diff(old_text: str, new_text: str) -> tuple[list[DiffToken], list[str], list[str]]:
    """Word-level diff: tokens for highlighting, words removed, words added."""
    old_words, new_words = old_text.split(), new_text.split()
    matcher = SequenceMatcher(
        None, [_key(w) or w for w in old_words], [_key(w) or w for w in new_words],
        autojunk=False,
    )
    tokens: list[DiffToken] = []
    removed: list[str] = []
    added: list[str] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            tokens += [DiffToken(w, "equal") for w in new_words[j1:j2]]
            continue
        tokens += [DiffToken(w, "removed") for w in old_words[i1:i2]]
        tokens += [DiffToken(w, "added") for w in new_words[j1:j2]]
        removed += [_display(w) for w in old_words[i1:i2] if _display(w)]
        added += [_display(w) for w in new_words[j1:j2] if _display(w)]
    return tokens, removed, added


def _display(word: str) -> str:
    """A word as listed in words removed or added: as written, without edge punctuation."""
    return _EDGES.sub("", word)


# --- pairing -----------------------------------------------------------------------------------


def _check(plan: PlanIn) -> None:
    """Refuse a plan version whose fields cannot be compared."""
    name = plan.title or plan.id
    if plan.budget_period is not None and plan.budget_period not in PERIODS_PER_YEAR:
        raise PlanCompareError(
            _("The budget period '{budget_period}' of '{name}' is not week, 4-weeks, "
              "month or year").format(budget_period=plan.budget_period, name=name)
        )
    if plan.budget_amount is not None:
        if plan.budget_period is None:
            raise PlanCompareError(
                _("The budget of '{name}' has an amount but no period").format(name=name)
            )
        if plan.budget_amount < 0:
            raise PlanCompareError(
                _("The budget of '{name}' is less than nothing").format(name=name)
            )
    if plan.sds_option is not None and plan.sds_option not in SDS_OPTIONS:
        raise PlanCompareError(
            _("'{sds_option}' in '{name}' is not a self-directed support option (1 to 4)").format(
                sds_option=plan.sds_option, name=name
            )
        )
    seen: set[str] = set()
    for outcome in plan.outcomes:
        if outcome.id in seen:
            raise PlanCompareError(
                _("'{name}' has two outcomes with the same id '{id}'").format(
                    name=name, id=outcome.id
                )
            )
        seen.add(outcome.id)
        if outcome.status not in OUTCOME_STATUSES:
            raise PlanCompareError(
                _("An outcome in '{name}' has status '{status}', not agreed, proposed or "
                  "disputed").format(name=name, status=outcome.status)
            )


def _linked(outcome: OutcomeIn, old_ids: dict[str, int]) -> bool:
    return outcome.continues is not None and outcome.continues in old_ids


def _pairs(older: PlanIn, newer: PlanIn) -> set[tuple[int, int]]:
    """Pairs (older index, newer index): confirmed lineage first, then by wording."""
    old_ids = {o.id: i for i, o in enumerate(older.outcomes)}
    pairs: set[tuple[int, int]] = set()
    for j, outcome in enumerate(newer.outcomes):
        if _linked(outcome, old_ids):
            pairs.add((old_ids[str(outcome.continues)], j))
    old_terms = [_content(o.text) for o in older.outcomes]
    new_terms = [_content(o.text) for o in newer.outcomes]
    weights = _weights(old_terms, new_terms)
    candidates = sorted(
        (-score, i, j)
        for i, a in enumerate(old_terms)
        for j, b in enumerate(new_terms)
        if (score := _score(a, b, weights)) >= PAIR_THRESHOLD
    )
    matched_old = {i for i, _ in pairs}
    matched_new = {j for _, j in pairs}
    # First one to one, so a reworded or reordered list pairs cleanly; then let what is left
    # join an outcome that is already paired, which is how a split or a merge shows.
    for one_to_one in (True, False):
        for _negative_score, i, j in candidates:
            free_old, free_new = i not in matched_old, j not in matched_new
            if (free_old and free_new) if one_to_one else (free_old or free_new):
                pairs.add((i, j))
                matched_old.add(i)
                matched_new.add(j)
    return pairs


def _change(
    older: PlanIn, newer: PlanIn, pairs: set[tuple[int, int]], i: int, j: int
) -> OutcomeChange:
    """Describe one pair, reading a split or merge against all of its parts together."""
    old_side = sorted(a for a, b in pairs if b == j)
    new_side = sorted(b for a, b in pairs if a == i)
    old_text = " ".join(older.outcomes[a].text.strip() for a in old_side)
    new_text = " ".join(newer.outcomes[b].text.strip() for b in new_side)
    tokens, removed, added = _word_diff(old_text, new_text)
    narrowing, notes = _text_reasons(old_text, new_text)
    if len(new_side) > 1:
        notes.append(_("This outcome has been split into {0} outcomes").format(len(new_side)))
    if len(old_side) > 1:
        notes.append(
            _("{0} earlier outcomes have been combined into this one").format(len(old_side))
        )
    was, now = older.outcomes[i], newer.outcomes[j]
    if was.status != now.status:
        notes.append(
            _("Its status has changed from {status} to {status2}").format(
                status=was.status, status2=now.status
            )
        )
    kind: ChangeKind
    if narrowing:
        kind = "narrowed"
    elif not removed and not added:
        kind = "same"
    else:
        kind = "reworded"
        if not notes:
            notes.append(_("The wording has changed; no narrowing was found"))
    return OutcomeChange(was.id, now.id, kind, removed, added, narrowing + notes, tokens)


# --- budget, involvement, warnings -------------------------------------------------------------


def _per(period: str) -> str:
    return _("every 4 weeks") if period == "4-weeks" else f"a {period}"


def _budget(older: PlanIn, newer: PlanIn) -> BudgetChange | None:
    was, now = older.budget_amount, newer.budget_amount
    if was is None and now is None:
        return None
    if was is None or now is None:
        period = str(older.budget_period if was is not None else newer.budget_period)
        return BudgetChange(was, now, period, None, None, None)
    old_period, new_period = str(older.budget_period), str(newer.budget_period)
    annual_from = was * PERIODS_PER_YEAR[old_period]
    annual_to = now * PERIODS_PER_YEAR[new_period]
    if old_period == new_period:
        return BudgetChange(was, now, old_period, annual_from, annual_to, annual_to - annual_from)
    return BudgetChange(
        annual_from, annual_to, "year", annual_from, annual_to, annual_to - annual_from
    )


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _warnings(
    older: PlanIn,
    newer: PlanIn,
    changes: list[OutcomeChange],
    removed: list[str],
    budget: BudgetChange | None,
) -> list[str]:
    warnings: list[str] = []
    if newer.guardian_consulted is False:
        warnings.append(_("The guardian was not consulted on this version"))
    if newer.person_involved is False:
        warnings.append(_("The person was not involved in this version"))
    if older.guardian_consulted is False:
        warnings.append(_("The guardian was not consulted on the earlier version"))
    if older.person_involved is False:
        warnings.append(_("The person was not involved in the earlier version"))
    narrowed = len({c.to_id for c in changes if c.kind == "narrowed"})
    if narrowed:
        warnings.append(
            _("{0} been narrowed, which may limit what the budget can be spent on").format(
                _plural(narrowed, "outcome has", "outcomes have")
            )
        )
    if removed:
        warnings.append(
            _("{0} from the earlier version {1} no longer in this version").format(
                _plural(len(removed), "outcome", "outcomes"), "is" if len(removed) == 1 else "are"
            )
        )
    for status in ("proposed", "disputed"):
        n = sum(1 for o in newer.outcomes if o.status == status)
        if n:
            verb = "is" if n == 1 else "are"
            warnings.append(
                _("{0} in this version {verb} {status}").format(
                    _plural(n, "outcome", "outcomes"), verb=verb, status=status
                )
                + (_(", not agreed") if status == "proposed" else "")
            )
    old_ids = {o.id for o in older.outcomes}
    stray = sum(1 for o in newer.outcomes if o.continues is not None and o.continues not in old_ids)
    if stray:
        warnings.append(
            _(
                "{0} linked to an outcome that is not in the earlier version, so {1} "
                "paired by wording instead"
            ).format(
                _plural(stray, "outcome is", "outcomes are"),
                "it was" if stray == 1 else "they were",
            )
        )
    if budget is not None:
        warnings += _budget_warnings(older, newer, budget)
    if older.sds_option != newer.sds_option and older.sds_option and newer.sds_option:
        warnings.append(
            _(
                "The self-directed support option has changed from option {sds_option} "
                "({0}) to option {sds_option2} ({1})"
            ).format(
                SDS_OPTIONS[older.sds_option],
                SDS_OPTIONS[newer.sds_option],
                sds_option=older.sds_option,
                sds_option2=newer.sds_option,
            )
        )
    return warnings


def _budget_warnings(older: PlanIn, newer: PlanIn, budget: BudgetChange) -> list[str]:
    if older.budget_amount is not None and newer.budget_amount is None:
        return [_("This version does not say what the budget is")]
    if budget.annual_difference is None or budget.annual_difference >= 0:
        return []
    cut = -budget.annual_difference
    # A yearly difference is only worked out when both versions give an amount.
    assert older.budget_amount is not None and newer.budget_amount is not None
    return [
        _("The budget has been cut by {0} a year (from {1} {2} to {3} {4})").format(
            pounds(cut),
            pounds(older.budget_amount),
            _per(str(older.budget_period)),
            pounds(newer.budget_amount),
            _per(str(newer.budget_period)),
        )
    ]


# --- public ------------------------------------------------------------------------------------


def compare(older: PlanIn, newer: PlanIn) -> PlanDiff:
    """Compare two versions of a plan, outcome by outcome.

    Outcomes are paired by their confirmed `continues` lineage first, then by similar wording
    (so a reordered list still pairs). One older outcome continued by several newer ones (a
    split), or several by one (a merge), gives one `OutcomeChange` per pair, each read against
    all the parts together. Raises `PlanCompareError` for plans that cannot be compared.
    """
    _check(older)
    _check(newer)
    if older.id == newer.id:
        raise PlanCompareError(_("Choose two different plans to compare"))
    if older.dated > newer.dated:
        raise PlanCompareError(
            _("'{0}' is dated after '{1}'; put the older plan first").format(
                older.title or older.id, newer.title or newer.id
            )
        )
    pairs = _pairs(older, newer)
    changes = [_change(older, newer, pairs, i, j) for i, j in sorted(pairs)]
    removed = [
        o.id for i, o in enumerate(older.outcomes) if all(a != i for a, _ in pairs)
    ]
    added = [o.id for j, o in enumerate(newer.outcomes) if all(b != j for _, b in pairs)]
    budget = _budget(older, newer)
    replaced = _replacements(older, newer, removed, added)
    return PlanDiff(
        older_id=older.id,
        newer_id=newer.id,
        removed=removed,
        added=added,
        changed=changes,
        budget=budget,
        sds_option_from=older.sds_option,
        sds_option_to=newer.sds_option,
        involvement=[
            InvolvementFlags(p.id, p.guardian_consulted, p.person_involved)
            for p in (older, newer)
        ],
        warnings=_warnings(older, newer, changes, removed, budget)
        + [_replacement_warning(older, newer, r) for r in replaced],
        replaced=replaced,
    )


def _replacements(older: PlanIn, newer: PlanIn, removed: list[str],
                  added: list[str]) -> tuple[Replacement, ...]:
    """Each removed outcome that names an aim (independence, choice, community…) and no
    service, matched with an added outcome that names a service, best wording
    match first, each used once: the pattern of support cut by replacing an aim with one
    service. Nothing is suggested where a link was confirmed (those pair, not remove)."""
    texts = {o.id: o.text for o in [*older.outcomes, *newer.outcomes]}
    aims = [i for i in removed if _aims(_plain(texts[i])) and not _services(_plain(texts[i]))]
    services = [j for j in added if _services(_plain(texts[j]))]
    if not aims or not services:
        return ()
    terms = {k: _content(texts[k]) for k in (*aims, *services)}
    weights = _weights([terms[i] for i in aims], [terms[j] for j in services])
    ranked = sorted((-_score(terms[i], terms[j], weights), a, s)
                    for a, i in enumerate(aims) for s, j in enumerate(services))
    found: list[Replacement] = []
    for _negative_score, a, s in ranked:
        if all(r.old_id != aims[a] and r.new_id != services[s] for r in found):
            found.append(Replacement(aims[a], services[s]))
    return tuple(sorted(found, key=lambda r: removed.index(r.old_id)))


def _replacement_warning(older: PlanIn, newer: PlanIn, replaced: Replacement) -> str:
    texts = {o.id: o.text for o in [*older.outcomes, *newer.outcomes]}
    return _("'{old}' is gone and '{new}' is new: the aim may have been replaced by one "
             "service, which narrows it. If so, link the new outcome to the old one in the "
             "later plan").format(old=texts[replaced.old_id].strip(),
                                  new=texts[replaced.new_id].strip())


def suggest_lineage(
    older_outcomes: Sequence[OutcomeIn], newer_outcomes: Sequence[OutcomeIn]
) -> list[LineageSuggestion]:
    """Propose which older outcome each unlinked newer outcome continues, for the user to confirm.

    Newer outcomes already linked to one of `older_outcomes` are skipped. For each of the others,
    in their order, the candidates scoring at least `SUGGEST_FLOOR` come best first.
    """
    old_ids = {o.id: i for i, o in enumerate(older_outcomes)}
    old_terms = [_content(o.text) for o in older_outcomes]
    new_terms = [_content(o.text) for o in newer_outcomes]
    weights = _weights(old_terms, new_terms)
    suggestions: list[LineageSuggestion] = []
    for new, terms in zip(newer_outcomes, new_terms, strict=True):
        if _linked(new, old_ids):
            continue
        scored = [
            (-score, i)
            for i, old in enumerate(old_terms)
            if (score := _score(old, terms, weights)) >= SUGGEST_FLOOR
        ]
        suggestions += [
            LineageSuggestion(new.id, older_outcomes[i].id, round(-neg, 3))
            for neg, i in sorted(scored)
        ]
    return suggestions


def _money(amount: Decimal | None) -> str | None:
    return None if amount is None else str(amount.quantize(Decimal("0.01")))


def to_json(diff: PlanDiff) -> dict[str, object]:
    """The comparison as plain JSON values, for `casebook plan-diff` and other tools."""
    return {
        "removed": list(diff.removed),
        "added": list(diff.added),
        "changed": [
            {
                "from": c.from_id,
                "to": c.to_id,
                "kind": c.kind,
                "words_removed": list(c.words_removed),
                "words_added": list(c.words_added),
            }
            for c in diff.changed
        ],
        "budget": None
        if diff.budget is None
        else {
            "from": _money(diff.budget.from_amount),
            "to": _money(diff.budget.to_amount),
            "period": diff.budget.period,
        },
        "involvement": [
            {
                "plan_id": f.plan_id,
                "guardian_consulted": f.guardian_consulted,
                "person_involved": f.person_involved,
            }
            for f in diff.involvement
        ],
    }
