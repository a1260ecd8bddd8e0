"""Each record type is declared once, and a missing or wrong declaration stops start-up."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from app.records import kinds, model
from app.records.kinds import DeclarationProblem, RecordKind, Ref
from app.store import records

ROOT = Path(__file__).resolve().parent.parent


def test_every_record_class_is_declared_once() -> None:
    declared = [k.cls for k in kinds.KINDS]
    assert sorted(c.__name__ for c in declared) == sorted(
        c.__name__ for c in kinds.record_classes())
    assert len(set(declared)) == len(declared)


def test_a_record_type_without_a_declaration_is_refused_with_a_clear_message() -> None:
    @dataclass
    class Visit:
        id: str
        title: str

    with pytest.raises(DeclarationProblem, match="Visit has no declaration.*app/records/kinds"):
        kinds.check(kinds.KINDS, (*kinds.record_classes(), Visit))


def test_a_declaration_naming_a_field_that_does_not_exist_is_refused() -> None:
    @dataclass
    class Visit:
        id: str
        title: str
        tags: list[str] = field(default_factory=list)

    wrong = RecordKind("visit", Visit, "visits", "Visits", "visit", sort=("when",),
                       title="title", text=("title",))
    with pytest.raises(DeclarationProblem, match="field 'when' that Visit does not have"):
        kinds.check((*kinds.KINDS, wrong), kinds.record_classes())
    dangling = dataclasses.replace(wrong, sort=("title",), refs=(Ref("title", "meeting"),))
    with pytest.raises(DeclarationProblem, match="refers to 'meeting'"):
        kinds.check((*kinds.KINDS, dangling), kinds.record_classes())
    not_tagged = dataclasses.replace(wrong, sort=("title",), taggable=True)
    kinds.check((*kinds.KINDS, not_tagged), kinds.record_classes())  # it has tags: fine


def test_start_up_fails_loudly_when_the_model_gains_an_undeclared_type(tmp_path: Path) -> None:
    """Importing the store with a record class added to the union alone stops at once, with the
    declaration problem named, rather than a KeyError later."""
    script = textwrap.dedent("""
        from dataclasses import dataclass
        import app.records.model as model

        @dataclass
        class Visit:
            id: str

        model.Record = model.Record | Visit
        import app.store.case
    """)
    run = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                         text=True, check=False)
    assert run.returncode != 0
    assert "DeclarationProblem: The record type Visit has no declaration" in run.stderr


def test_unknown_names_say_so_in_words() -> None:
    with pytest.raises(DeclarationProblem, match="'visit' is not a declared record type"):
        kinds.kind("visit")
    assert kinds.label("correspondence") == "Letters and emails"
    assert kinds.label(kinds.FILE) == "Files"
    assert kinds.label("something-else") == "something-else"


def test_write_order_puts_what_is_referred_to_first() -> None:
    order = [k.name for k in kinds.write_order()]
    assert sorted(order) == sorted(k.name for k in kinds.listed())
    for kind in kinds.listed():
        for ref in kind.refs:
            if kinds.is_kind(ref.kind) and ref.kind != kind.name:
                assert order.index(ref.kind) < order.index(kind.name), (kind.name, ref)
    assert order.index("plan") < order.index("transaction")  # outcomes live in plans


def test_values_follows_paths_into_lists_with_json_names() -> None:
    letter = model.Correspondence(id="c", direction="in", channel="email", from_=["a", "b"])
    assert list(kinds.values(letter, "from_")) == [("from[0]", "a"), ("from[1]", "b")]
    plan = model.Plan(id="p", kind="support-plan", dated=__import__("datetime").date(2026, 1, 1),
                      outcomes=[model.Outcome("o1", "x"), model.Outcome("o2", "y", continues="o0")])
    assert list(kinds.values(plan, "outcomes.continues")) == [("outcomes[1].continues", "o0")]


def test_search_text_and_sort_keys_come_from_the_declarations() -> None:
    title, body = records.search_text("plan", {
        "title": "Support plan", "outcomes": [{"id": "o-1", "text": "Go swimming"}],
        "checklist": [{"item": "who-was-there", "status": "missing", "note": "no guardian"}],
        "tags": ["choice"], "supersedes": "plan-1"})
    assert title == "Support plan"
    assert body == "Go swimming · no guardian · choice"
    assert records.sort_key("diary", {"occurred_at": "2026-03-04"}) == "2026-03-04T00:00"
    assert records.sort_key("correspondence", {"sent_at": "2026-03-04T10:15"}) == \
        "2026-03-04T10:15"
    assert records.sort_key("contact", {"name": "Morag"}) == "morag"
    assert records.sort_key("request", {"made_on": "2026-03-04"}) == "2026-03-04"
