"""The reference taxonomy: bundled data, the loader's checks, search, and tag parsing."""

from __future__ import annotations

import json
import os
import re
import shutil
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.paths import REFERENCE
from app.services.support_plans.taxonomy import (
    TagProblem,
    Taxonomy,
    TaxonomyProblem,
    describe_tag,
    load_taxonomy,
    parse_tag,
    source_words,
)

SEEDS = Path(os.environ.get("CASEBOOK_SEEDS", "/work/shared/seeds"))
FILES = ("standards.json", "frameworks.json", "steps.json", "law.json", "review_checklist.json")

# Components per standard in the 2021/2022 framework (1.1 … 12.19).
COMPONENTS_PER_STANDARD = {
    1: 12, 2: 11, 3: 6, 4: 8, 5: 11, 6: 8, 7: 14, 8: 11, 9: 10, 10: 3, 11: 8, 12: 19,
}


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    return load_taxonomy()


@pytest.fixture
def reference_copy(tmp_path: Path) -> Path:
    for name in FILES:
        shutil.copy(REFERENCE / name, tmp_path / name)
    return tmp_path


def _edit(folder: Path, name: str, change: Callable[[dict[str, Any]], None]) -> None:
    path = folder / name
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


# --- the bundled data ---------------------------------------------------------------------


def test_bundled_taxonomy_loads_once_and_is_dated(taxonomy: Taxonomy) -> None:
    assert load_taxonomy() is taxonomy
    sources = (taxonomy.standards_source, taxonomy.steps_source, taxonomy.law_source,
               taxonomy.checklist_source)
    assert all(s.checked_on == date(2026, 11, 23) for s in sources)
    assert "paraphrased" in taxonomy.standards_source.note.casefold()
    assert taxonomy.standards_source.publisher.startswith("Scottish Government")


def test_there_are_twelve_standards_numbered_in_order(taxonomy: Taxonomy) -> None:
    assert [s.number for s in taxonomy.standards] == list(range(1, 13))
    assert all(s.title and s.meaning for s in taxonomy.standards)


def test_every_component_has_a_number_title_and_meaning(taxonomy: Taxonomy) -> None:
    for standard in taxonomy.standards:
        for c in standard.components:
            match = re.fullmatch(r"(\d+)\.(\d+)", c.id)
            assert match, c.id
            assert 1 <= int(match[1]) <= 12
            assert int(match[1]) == c.standard == standard.number
            assert c.title.strip() and c.meaning.strip()
    counts = Counter(c.standard for c in taxonomy.components)
    assert dict(counts) == COMPONENTS_PER_STANDARD


def test_components_run_without_gaps(taxonomy: Taxonomy) -> None:
    for standard in taxonomy.standards:
        seconds = [int(c.id.split(".")[1]) for c in standard.components]
        assert seconds == list(range(1, len(seconds) + 1)), standard.number


def test_ids_and_tags_are_unique(taxonomy: Taxonomy) -> None:
    tags = [o.tag for o in taxonomy.options]
    assert len(tags) == len(set(tags))
    others = sum(len(f.standards) + len(f.components) for f in taxonomy.others)
    assert len(tags) == 12 + 121 + 7 + len(taxonomy.laws) + others
    checklist_ids = [i.id for i in taxonomy.checklist]
    assert len(checklist_ids) == len(set(checklist_ids))


def test_seven_steps_each_with_typical_records(taxonomy: Taxonomy) -> None:
    assert [s.number for s in taxonomy.steps] == list(range(1, 8))
    assert taxonomy.steps[0].title == "My money"
    assert taxonomy.steps[6].title == "Seeing how it worked"
    assert all(s.meaning and s.records for s in taxonomy.steps)
    assert any("review" in r for r in taxonomy.steps[6].records)


def test_checklist_has_eleven_musts_and_ten_where_relevant(taxonomy: Taxonomy) -> None:
    assert [i.id for i in taxonomy.must_items] == [f"must-{n}" for n in range(1, 12)]
    assert [i.id for i in taxonomy.where_relevant_items] == [
        f"relevant-{n}" for n in range(1, 11)
    ]
    assert all(i.text.endswith("?") and i.why for i in taxonomy.checklist)


def test_laws_cover_the_brief_and_link_to_legislation(taxonomy: Taxonomy) -> None:
    ids = {law.id for law in taxonomy.laws}
    assert {
        "sds-act-2013-s1-3", "sds-act-2013-dp", "sds-regs-2014-reg5", "sds-regs-2014-reg6",
        "care-act-2014-s24", "care-act-2014-s25", "care-act-2014-s26", "care-act-2014-s27",
        "care-act-2014-s31", "care-act-2014-s32", "care-act-2014-s33",
        "uk-gdpr-art15", "uk-gdpr-art16", "uk-gdpr-art12-3", "awi-2000-s1",
    } <= ids
    assert all(law.url.startswith("https://www.legislation.gov.uk/") for law in taxonomy.laws)
    gdpr = taxonomy.law("uk-gdpr-art15")
    assert gdpr is not None and len(gdpr.jurisdictions) == 4
    awi = taxonomy.law("awi-2000-s1")
    assert awi is not None and awi.jurisdictions == ("scotland",)


# --- search -------------------------------------------------------------------------------


def test_search_finds_9_10_by_its_number_first(taxonomy: Taxonomy) -> None:
    assert taxonomy.search("9.10")[0].tag == "standard:9.10"
    assert taxonomy.search("standard:9.10")[0].tag == "standard:9.10"
    assert taxonomy.search(" Standard 9.10 ")[0].tag == "standard:9.10"


@pytest.mark.parametrize("word", ["FOI", "foi", "court", "Written"])
def test_search_finds_9_10_by_a_word_from_its_meaning(taxonomy: Taxonomy, word: str) -> None:
    assert "standard:9.10" in [o.tag for o in taxonomy.search(word)]


def test_search_ranks_exact_ids_before_longer_ones(taxonomy: Taxonomy) -> None:
    tags = [o.tag for o in taxonomy.search("9.1")]
    assert tags[0] == "standard:9.1"
    assert "standard:9.10" in tags
    assert taxonomy.search("step 3")[0].tag == "step:3"
    assert taxonomy.search("12")[0].tag == "standard:12"


def test_search_ranks_title_matches_above_meaning_matches(taxonomy: Taxonomy) -> None:
    results = taxonomy.search("records")
    titles = [o for o in results if "records" in o.title.casefold()]
    others = [o for o in results if "records" not in o.title.casefold()]
    assert titles and others
    assert results.index(titles[-1]) < results.index(others[0])


def test_search_needs_every_word(taxonomy: Taxonomy) -> None:
    for option in taxonomy.search("direct payment stop"):
        text = " ".join((option.name, option.title, option.meaning, *option.extra)).casefold()
        assert all(w in text for w in ("direct", "payment", "stop"))
    assert "law:sds-regs-2014-reg6" in [o.tag for o in taxonomy.search("direct payment stop")]


def test_search_blank_lists_all_and_nonsense_finds_nothing(taxonomy: Taxonomy) -> None:
    assert taxonomy.search("   ") == list(taxonomy.options)
    assert taxonomy.search("zzqqxx") == []


# --- tags ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tag", "kind", "key", "normal"),
    [
        ("standard:9.10", "component", "9.10", "standard:9.10"),
        ("Standard: 09.10", "component", "9.10", "standard:9.10"),
        ("standard:9", "standard", "9", "standard:9"),
        ("step:3", "step", "3", "step:3"),
        ("STEP: 7 ", "step", "7", "step:7"),
        ("law:uk-gdpr-art15", "law", "uk-gdpr-art15", "law:uk-gdpr-art15"),
        ("law:UK-GDPR-Art16", "law", "uk-gdpr-art16", "law:uk-gdpr-art16"),
    ],
)
def test_parse_known_tags(tag: str, kind: str, key: str, normal: str) -> None:
    parsed = parse_tag(tag)
    assert (parsed.kind, parsed.key, parsed.tag) == (kind, key, normal)
    assert parsed.known and parsed.problem is None


@pytest.mark.parametrize(
    ("tag", "kind", "says"),
    [
        ("standard:13.2", "component", "13.2"),
        ("standard:9.11", "component", "9.11"),
        ("standard:13", "standard", "Standard 13"),
        ("standard:abc", "standard", "abc"),
        ("standard:", "standard", "standard number"),
        ("step:8", "step", "1 to 7"),
        ("step:x", "step", "'x'"),
        ("law:sds-regs-2014-reg9", "law", "sds-regs-2014-reg9"),
        ("law:", "law", "needs a name"),
    ],
)
def test_unknown_or_malformed_prefixed_tags_are_reported(tag: str, kind: str, says: str) -> None:
    parsed = parse_tag(tag)
    assert parsed.kind == kind
    assert not parsed.known
    assert parsed.problem is not None and says in parsed.problem
    assert describe_tag(tag).endswith("(not recognised)")


@pytest.mark.parametrize("tag", ["urgent", "foo:bar", "::", "%%% ?", "9.10", " carer stress "])
def test_anything_else_is_a_free_tag(tag: str) -> None:
    parsed = parse_tag(tag)
    assert parsed.kind == "free" and parsed.key == tag.strip() and not parsed.known
    assert parsed.problem is None
    assert describe_tag(tag) == tag.strip()


@pytest.mark.parametrize("tag", ["", "   ", "\n"])
def test_blank_tag_is_refused(tag: str) -> None:
    with pytest.raises(TagProblem, match="blank"):
        parse_tag(tag)


def test_describe_tag_gives_plain_labels() -> None:
    assert describe_tag("standard:9.10") == "Standard 9.10 — You can see your records"
    assert describe_tag("standard:9") == "Standard 9 — Transparency"
    assert describe_tag("step:3") == "Step 3 — Getting my plan agreed"
    assert describe_tag("law:uk-gdpr-art15") == "UK GDPR Art 15 — Getting a copy of your data"


@given(st.text(min_size=1).filter(lambda s: s.strip()))
def test_parse_and_describe_never_crash_on_any_text(text: str) -> None:
    parsed = parse_tag(text)
    assert parsed.tag
    assert describe_tag(text)


# --- the loader's checks ------------------------------------------------------------------


def test_a_copy_of_the_bundled_files_loads_the_same(reference_copy: Path) -> None:
    assert load_taxonomy(reference_copy) == load_taxonomy()


def test_missing_meaning_names_the_component(reference_copy: Path) -> None:
    def drop(data: dict[str, Any]) -> None:
        del data["standards"][8]["components"][9]["meaning"]

    _edit(reference_copy, "standards.json", drop)
    with pytest.raises(TaxonomyProblem, match=r"standards\.json, component 9\.10: 'meaning'"):
        load_taxonomy(reference_copy)


def test_component_under_the_wrong_standard_is_refused(reference_copy: Path) -> None:
    def move(data: dict[str, Any]) -> None:
        data["standards"][0]["components"][0]["id"] = "2.1"

    _edit(reference_copy, "standards.json", move)
    with pytest.raises(TaxonomyProblem, match=r"component 2\.1: it is listed under standard 1"):
        load_taxonomy(reference_copy)


def test_duplicate_step_is_refused(reference_copy: Path) -> None:
    def double(data: dict[str, Any]) -> None:
        data["steps"][1]["number"] = 1

    _edit(reference_copy, "steps.json", double)
    with pytest.raises(TaxonomyProblem, match=r"steps\.json, step 1: .*more than once"):
        load_taxonomy(reference_copy)


def test_unknown_jurisdiction_names_the_law(reference_copy: Path) -> None:
    def wrong(data: dict[str, Any]) -> None:
        data["laws"][0]["jurisdictions"] = ["narnia"]

    _edit(reference_copy, "law.json", wrong)
    with pytest.raises(TaxonomyProblem, match=r"law sds-act-2013-s1-3: unknown jurisdiction"):
        load_taxonomy(reference_copy)


def test_bad_checklist_kind_and_bad_date_are_refused(reference_copy: Path) -> None:
    def kind(data: dict[str, Any]) -> None:
        data["items"][0]["kind"] = "maybe"

    _edit(reference_copy, "review_checklist.json", kind)
    with pytest.raises(TaxonomyProblem, match=r"item must-1: 'kind'"):
        load_taxonomy(reference_copy)

    shutil.copy(REFERENCE / "review_checklist.json", reference_copy / "review_checklist.json")

    def when(data: dict[str, Any]) -> None:
        data["checked_on"] = "23/11/2026"

    _edit(reference_copy, "steps.json", when)
    with pytest.raises(TaxonomyProblem, match=r"steps\.json, top level: 'checked_on'"):
        load_taxonomy(reference_copy)


def test_broken_json_and_missing_file_are_named(reference_copy: Path) -> None:
    (reference_copy / "law.json").write_text("{ not json", encoding="utf-8")
    with pytest.raises(TaxonomyProblem, match=r"law\.json is not valid JSON \(line 1"):
        load_taxonomy(reference_copy)
    (reference_copy / "law.json").unlink()
    with pytest.raises(TaxonomyProblem, match=r"law\.json is missing"):
        load_taxonomy(reference_copy)


# --- guard against copying the source documents -------------------------------------------


def _words(text: str) -> list[str]:
    # Tags in the HTML seed are markup, not words of a sentence.
    return re.findall(r"[a-z0-9]+", re.sub(r"<[^>]+>", " ", text).casefold())


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def test_no_eight_word_run_is_copied_from_the_seeds() -> None:
    seeds = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if not seeds:
        pytest.skip(f"seed documents not found in {SEEDS}")
    runs: set[tuple[str, ...]] = set()
    for seed in seeds:
        words = _words(seed.read_text(encoding="utf-8"))
        runs.update(tuple(words[i : i + 8]) for i in range(len(words) - 7))
    copied = []
    for name in FILES:
        for text in _strings(json.loads((REFERENCE / name).read_text(encoding="utf-8"))):
            if text.startswith("https://"):
                continue  # addresses are not prose
            words = _words(text)
            copied += [
                f"{name}: {' '.join(words[i : i + 8])}"
                for i in range(len(words) - 7)
                if tuple(words[i : i + 8]) in runs
            ]
    assert copied == []


def test_england_and_wales_have_frameworks_from_their_laws(taxonomy: Taxonomy) -> None:
    """Each nation's own framework (issue 15): England's Care Act wellbeing areas and the
    outcomes of the 2015 Eligibility Regulations, Wales's Act and regulations; each entry says
    where in the law it comes from; Northern Ireland has none to offer."""
    england = taxonomy.framework("england")
    wales = taxonomy.framework("wales")
    assert england is not None and wales is not None
    assert taxonomy.framework("northern-ireland") is None
    assert taxonomy.framework("scotland") == taxonomy.frameworks[0]
    control = taxonomy.entry("england:1.4")
    assert control is not None and control.label == "England 1.4 — Control over daily life"
    assert (control.ref, control.official.split(" (")[0]) == (
        "Care Act 2014 s1(2)(d)", "control by the individual over day-to-day life")
    assert [c.ref for c in england.standards[1].components] == [
        f"Eligibility Criteria Regulations 2015 reg 2(2)({letter})" for letter in "abcdefghij"]
    assert len(england.standards[0].components) == 9  # s1(2)(a)-(i)
    assert len(wales.standards[1].components) == 7  # reg 3(b)(i)-(vii)
    assert england.source.checked_on == date(2026, 12, 8)  # re-checked for parts 5 and 6
    assert wales.source.checked_on == date(2026, 12, 7)
    for framework in (england, wales):
        assert all(c.ref and c.title and c.meaning for c in framework.components)


def test_england_covers_personal_budgets_and_direct_payments(taxonomy: Taxonomy) -> None:
    """Issue 15: England's framework covers planning, personal budgets, direct payments and
    review, each entry with the section or guidance paragraph it comes from and its words."""
    england = taxonomy.framework("england")
    assert england is not None
    assert [(s.number, s.ref) for s in england.standards] == [
        (1, "Care Act 2014 s1(2)"), (2, "Eligibility Criteria Regulations 2015 reg 2(2)"),
        (3, "Care Act 2014 s25"), (4, "Care Act 2014 s27"), (5, "Care Act 2014 s26"),
        (6, "Care Act 2014 ss31 and 32")]
    sufficient = taxonomy.entry("england:5.4")
    assert sufficient is not None
    assert sufficient.ref == "Care and Support Statutory Guidance para 11.10"
    assert source_words(sufficient) == (
        "In Care and Support Statutory Guidance para 11.10: “The personal budget must always "
        "be an amount sufficient to meet the person's care and support needs”")
    assert taxonomy.describe_tag("england:6.4") == "England 6.4 — Someone can ask for the person"
    assert taxonomy.entry("england:6.4").ref == "Care Act 2014 s32(1)(c)"  # type: ignore[union-attr]
    # A budget that is too small is found by the words a worried parent would type.
    found = [o.tag for o in taxonomy.search("sufficient", "england")]
    assert found[0] == "england:5.4"
    assert "england:5.5" in {o.tag for o in taxonomy.search("timeliness", "england")}
    assert "11.10" in england.source.note and "Socitm" in england.source.note


def test_scottish_standards_keep_their_official_titles(taxonomy: Taxonomy) -> None:
    """Issue 15: each SDS standard shows its official title (May 2024 edition) beside
    Casebook's plain one; standard 7's could not be checked and is left blank, not guessed."""
    scotland = taxonomy.framework("scotland")
    assert scotland is not None
    official = {s.number: s.official for s in scotland.standards}
    assert official[4] == "Meaningful and measurable recording practices"
    assert official[1] == "Independent Support, Community Brokerage and Advocacy"
    assert official[12] == "Access to budgets and flexibility of spend"
    assert official[7] == ""
    assert sum(1 for title in official.values() if title) == 11
    records = taxonomy.entry("standard:4")
    assert records is not None and records.title == "Good, useful records"
    assert source_words(records) == (
        "Official title (2024 edition): “Meaningful and measurable recording practices”")
    assert source_words(taxonomy.entry("standard:9")) == ""  # type: ignore[arg-type]  # same
    assert source_words(taxonomy.entry("standard:7")) == ""  # type: ignore[arg-type]
    assert source_words(taxonomy.entry("standard:9.10")) == ""  # type: ignore[arg-type]
    # The official name finds the plain one.
    assert [o.tag for o in taxonomy.search("worker autonomy", "scotland")][0] == "standard:8"
    assert "May 2024" in scotland.source.note


def test_an_official_title_that_is_not_text_is_refused(reference_copy: Path) -> None:
    def bad(data: dict[str, Any]) -> None:
        data["standards"][3]["official"] = 4

    _edit(reference_copy, "standards.json", bad)
    with pytest.raises(TaxonomyProblem, match="'official' must be text"):
        load_taxonomy(reference_copy)


def test_the_picker_offers_only_what_applies_in_the_case_s_nation(taxonomy: Taxonomy) -> None:
    def tags(nation: Any) -> set[str]:
        return {o.tag for o in taxonomy.search("", nation)}

    england = tags("england")
    assert "england:1.4" in england and "law:care-act-2014-s25" in england
    assert not {t for t in england if t.startswith(("standard:", "step:", "wales:"))}
    assert "law:sds-act-2013-s1-3" not in england
    scotland = tags("scotland")
    assert "standard:9.10" in scotland and "step:3" in scotland
    assert not {t for t in scotland if t.startswith(("england:", "wales:"))}
    assert tags("northern-ireland") <= {f"law:{law.id}" for law in taxonomy.laws}
    assert tags(None) == {o.tag for o in taxonomy.options}
    assert [o.tag for o in taxonomy.search("1.4", "wales")][0] == "wales:1.4"
    assert "england:1.4" in {o.tag for o in taxonomy.search("day-to-day", "england")}


def test_framework_tags_are_parsed_and_checked(taxonomy: Taxonomy) -> None:
    assert taxonomy.parse_tag(" England:01.4 ").tag == "england:1.4"
    assert taxonomy.parse_tag("wales:2").kind == "standard"
    assert taxonomy.parse_tag("wales:9").problem == (
        "Wales 9 is not in the Social Services and Well-being (Wales) Act 2014.")
    assert "not a standard number" in str(taxonomy.parse_tag("england:x").problem)
    assert taxonomy.describe_tag("england:2.3") == "England 2.3 — Using the toilet"
