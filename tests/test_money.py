"""The budget: schedules worked out and missed payments found, budget against spending,
spending per outcome across a plan change, links, suggestions, receipts and reminders."""

from __future__ import annotations

import json
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.records.model import Budget, Outcome, PaymentSchedule, Plan, Transaction
from app.services.budget.money import (
    budget_periods,
    employer_reminders,
    money_reminders,
    money_report,
    outside_plan,
    plan_timeline,
    report_json,
    spend_by_outcome,
    split_evenly,
    tax_year_end,
    unlinked,
)
from app.services.budget.schedule import (
    INTERVALS,
    ExpectedPayment,
    ScheduleError,
    ScheduleTerms,
    add_demo_schedule,
    check_payments,
    infer_schedule,
    next_payment,
    remove_schedule,
    schedules_in_use,
    set_schedule,
    step,
)
from app.services.budget.spending import (
    MoneyError,
    Suggester,
    attach_receipts,
    link_outcomes,
    link_suggested,
    record_transaction,
)
from app.services.casefile import interchange
from app.services.casefile.demo import create_demo_case
from app.store.case import Case
from tests.conftest import FAST_KDF, PASSPHRASE

D = Decimal


def paid(day: date, amount: str = "1000.00", tid: str = "") -> Transaction:
    """A council payment."""
    return Transaction(tid or f"in-{day.isoformat()}", day, D(amount), "Westshire Council",
                       "DP", "council payment", source="bank-import")


def spend(tid: str, day: date, amount: str, payee: str, outcomes: list[str] | None = None,
          category: str | None = None, description: str | None = None) -> Transaction:
    """Money out."""
    return Transaction(tid, day, -D(amount), payee, description, category, outcomes or [])


def two_plans(case: Case) -> None:
    """Plan A from 1 Jan 2026 (£1,200 a month); plan B from 15 Mar 2026 (£240 a week),
    whose first outcome continues A's first."""
    case.add(Plan("pa", "support-plan", date(2026, 1, 1), title="Plan A", status="superseded",
                  budget=Budget(D("1200.00"), "month", "1"),
                  outcomes=[Outcome("a1", "Support from personal assistants she knows"),
                            Outcome("a2", "Swimming club every week")]))
    case.add(Plan("pb", "support-plan", date(2026, 3, 15), title="Plan B", status="agreed",
                  supersedes="pa", budget=Budget(D("240.00"), "week", "1"),
                  outcomes=[Outcome("b1", "Up to 10 hours of support a week", continues="a1"),
                            Outcome("b2", "Going out to music groups")]))


# ---------------------------------------------------------------- schedules


@settings(max_examples=150)
@given(st.sampled_from(INTERVALS), st.dates(date(2020, 1, 1), date(2030, 12, 31)),
       st.integers(3, 14), st.decimals(D("1.00"), D("9999.99"), places=2))
def test_a_regular_schedule_is_worked_out_exactly(interval: str, first: date, n: int,
                                                  amount: Decimal) -> None:
    payments = [paid(step(first, interval, i), str(amount)) for i in range(n)]
    found = infer_schedule(payments)
    assert found is not None
    assert (found.interval, found.first_on, found.amount, found.based_on) == (
        interval, first, amount, n)


@settings(max_examples=100)
@given(st.sampled_from(INTERVALS), st.dates(date(2022, 1, 1), date(2028, 12, 31)),
       st.lists(st.booleans(), min_size=6, max_size=20))
def test_exactly_the_payments_that_never_came_are_missed(interval: str, first: date,
                                                         arrived: list[bool]) -> None:
    terms = [ScheduleTerms(D("500.00"), interval, first)]  # type: ignore[arg-type]
    arrived[0] = True  # checking starts at the first transaction
    payments = [paid(step(first, interval, i), "500.00")
                for i, came in enumerate(arrived) if came]
    on = step(first, interval, len(arrived) - 1) + timedelta(days=20)
    expected_missing = [step(first, interval, i) for i, came in enumerate(arrived) if not came]
    last = step(first, interval, len(arrived) - 1)
    missed = [c.expected_on for c in check_payments(terms, payments, on)
              if c.status == "missed" and c.expected_on <= last]
    assert missed == expected_missing


def test_payments_that_stop_without_notice_are_missed() -> None:
    payments = [paid(date(2026, m, 1)) for m in (3, 4, 5, 6)]
    payments.append(spend("t1", date(2026, 6, 20), "50.00", "Shop"))
    terms = schedules_in_use([], payments)
    assert terms == [ScheduleTerms(D("1000.00"), "month", date(2026, 3, 1),
                                   payer="Westshire Council", based_on=4)]
    missed = [c for c in check_payments(terms, payments, date(2026, 9, 5)) if c.status == "missed"]
    assert [(c.expected_on, c.amount) for c in missed] == [
        (date(2026, 7, 1), D("1000.00")), (date(2026, 8, 1), D("1000.00"))]
    # September's payment is only 4 days late: not yet called missed.
    checks = check_payments(terms, payments, date(2026, 9, 5))
    assert checks[-1].expected_on == date(2026, 9, 1) and checks[-1].status == "not yet due"
    assert next_payment(terms, date(2026, 9, 5)) == ExpectedPayment(date(2026, 10, 1), D("1000.00"))


def test_weekend_shifts_short_payments_and_one_offs() -> None:
    # Paid a few days early or late round weekends; one short; one one-off grant ignored.
    payments = [paid(date(2026, 1, 30), "800.00"), paid(date(2026, 3, 2), "800.00"),
                paid(date(2026, 3, 20), "250.00", "grant"), paid(date(2026, 4, 1), "800.00"),
                paid(date(2026, 5, 1), "800.00")]
    terms = [ScheduleTerms(D("800.00"), "month", date(2026, 2, 1))]
    checks = check_payments(terms, [*payments, paid(date(2026, 6, 3), "600.00")],
                            date(2026, 6, 30))
    assert [c.status for c in checks] == ["received"] * 4 + ["short"]
    assert checks[-1].received == D("600.00")


def test_too_few_or_irregular_payments_give_no_schedule() -> None:
    assert infer_schedule([paid(date(2026, 1, 1)), paid(date(2026, 2, 1))]) is None
    assert infer_schedule([paid(date(2026, 1, 1)), paid(date(2026, 1, 19)),
                           paid(date(2026, 3, 30))]) is None
    assert infer_schedule([]) is None


def test_the_latest_amount_sets_the_schedule_after_a_cut() -> None:
    old = [paid(date(2026, m, 1), "1820.00") for m in range(1, 6)]
    new = [paid(date(2026, m, 1), "1386.67") for m in range(6, 9)]
    found = infer_schedule(old + new)
    assert found is not None and found.amount == D("1386.67")
    assert found.first_on == date(2026, 6, 1) and found.based_on == 3


def test_a_one_off_or_a_short_new_rate_does_not_hide_payments_that_stopped() -> None:
    regular = [paid(date(2026, m, 1), "1000.00") for m in range(1, 7)]
    back_pay = paid(date(2026, 6, 20), "250.00", "back-pay")  # the latest payment, a one-off
    cut = [paid(date(2026, 7, 1), "700.00"), paid(date(2026, 8, 1), "700.00")]  # then nothing
    for payments in (regular + [back_pay], regular + cut):
        terms = schedules_in_use([], payments)
        assert [(t.amount, t.interval, t.first_on) for t in terms] == [
            (D("1000.00"), "month", date(2026, 1, 1))]
        missed = [c.expected_on for c in check_payments(terms, payments, date(2026, 10, 20))
                  if c.status == "missed"]
        assert date(2026, 9, 1) in missed and date(2026, 10, 1) in missed


def test_payments_a_penny_apart_are_one_schedule() -> None:
    amounts = ["1000.00", "1000.01", "999.99", "1000.00", "1000.00"]
    payments = [paid(step(date(2026, 1, 5), "4-weeks", i), a) for i, a in enumerate(amounts)]
    found = infer_schedule(payments)
    assert found is not None
    assert (found.interval, found.amount, found.based_on) == ("4-weeks", D("1000.00"), 5)


def test_user_schedules_take_over_from_one_another(case: Case) -> None:
    first = set_schedule(case, D("1000.00"), "month", date(2026, 1, 1), payer="Westshire")
    set_schedule(case, D("230.00"), "week", date(2026, 4, 6))
    terms = schedules_in_use(case.list_of(PaymentSchedule), [])
    assert [(t.amount, t.interval, t.first_on, t.ends_on) for t in terms] == [
        (D("1000.00"), "month", date(2026, 1, 1), date(2026, 4, 5)),
        (D("230.00"), "week", date(2026, 4, 6), None)]
    assert not terms[0].inferred and "every month" in terms[0].describe()
    with pytest.raises(ScheduleError, match="more than £0.00"):
        set_schedule(case, D("-5.00"), "month", date(2026, 1, 1))
    with pytest.raises(ScheduleError, match="ends before"):
        set_schedule(case, D("5.00"), "month", date(2026, 1, 1), ends_on=date(2025, 1, 1))
    with pytest.raises(ScheduleError, match="not a payment interval"):
        set_schedule(case, D("5.00"), "fortnightly", date(2026, 1, 1))
    assert case.count(PaymentSchedule) == 2
    remove_schedule(case, first.id)
    assert case.count(PaymentSchedule) == 1


def test_a_schedule_round_trips_through_the_case_file(case: Case, tmp_path: Path) -> None:
    set_schedule(case, D("1386.67"), "4-weeks", date(2026, 4, 1), payer="Glenmuir Council",
                 note="Set by letter of 20 March")
    doc = interchange.export_document(case)
    assert doc["schedules"][0]["amount"] == "1386.67"
    source = tmp_path / "case.json"
    source.write_text(json.dumps(doc), encoding="utf-8")
    copy, _code = interchange.import_case(tmp_path / "copy", source, PASSPHRASE, kdf=FAST_KDF)
    again = interchange.export_document(copy)
    copy.close()
    assert again["schedules"] == doc["schedules"]
    # A version 1 file from before schedules existed still reads.
    del doc["schedules"]
    assert interchange.parse_document(doc).records["schedule"] == []


# ---------------------------------------------------------------- budget and spending


def test_budget_against_spending_per_month_across_a_plan_change(case: Case) -> None:
    two_plans(case)
    transactions = [paid(date(2026, 2, 1), "1200.00"), spend("t1", date(2026, 2, 27), "900.00",
                                                             "Lena Novak", ["a1"]),
                    spend("t2", date(2026, 3, 20), "1500.00", "Lena Novak", ["b1"])]
    periods = budget_periods(transactions, plan_timeline(case), date(2026, 3, 31))
    assert [(p.label, p.budget, p.received, p.spent, p.difference) for p in periods] == [
        ("February 2026", D("1200.00"), D("1200.00"), D("900.00"), D("300.00")),
        # 14 days of £1,200 a month, then 17 days of £240 a week (£1,040 a month), of 31.
        ("March 2026", D("1112.26"), D("0.00"), D("1500.00"), D("-387.74"))]
    assert periods[1].plan_ids == ("pa", "pb") and periods[1].complete is False
    assert periods[0].verdict() == "Underspent by £300.00"
    assert periods[1].verdict() == "Overspent by £387.74"


def test_a_month_the_council_paid_nothing_into_is_not_an_underspend(case: Case) -> None:
    two_plans(case)
    transactions = [spend("t1", date(2026, 2, 27), "900.00", "Lena Novak", ["a1"]),
                    spend("t2", date(2026, 3, 20), "1500.00", "Lena Novak", ["b1"])]
    february, march = budget_periods(transactions, plan_timeline(case), date(2026, 3, 31))
    assert february.verdict() == "No payment received"  # not 'Underspent by £300.00'
    assert march.verdict() == "Overspent by £387.74"  # spending beyond the budget still shows
    running = budget_periods(transactions[:1], plan_timeline(case), date(2026, 2, 27))[0]
    assert running.verdict() == "No payment received yet"


def test_4_weekly_payments_give_4_weekly_budget_periods(case: Case) -> None:
    """Issue 15: a council paying every 4 weeks is set against 4-weekly budgets counted from
    its first payment, not calendar months (which would show one month with two payments as
    'overspent' beside one with none)."""
    case.add(Plan("p4", "support-plan", date(2026, 4, 1), title="Plan", status="agreed",
                  budget=Budget(D("560.00"), "4-weeks", "1")))
    case.add(PaymentSchedule("s4", D("560.00"), "4-weeks", date(2026, 4, 6)))
    for t in (paid(date(2026, 4, 6), "560.00"), paid(date(2026, 5, 4), "560.00"),
              spend("t1", date(2026, 4, 2), "100.00", "Lena Novak"),
              spend("t2", date(2026, 5, 20), "600.00", "Lena Novak")):
        case.add(t)
    report = money_report(case, date(2026, 6, 10))
    assert [(p.label, p.budget, p.received, p.spent, p.verdict()) for p in report.periods] == [
        # the period before the first payment, back to the first transaction
        ("9 Mar – 5 Apr 2026", D("100.00"), D("0.00"), D("100.00"),
         "No payment received"),  # 5 of its 28 days under the plan: £560 × 5 / 28
        ("6 Apr – 3 May 2026", D("560.00"), D("560.00"), D("0.00"), "Underspent by £560.00"),
        ("4 May – 31 May 2026", D("560.00"), D("560.00"), D("600.00"),
         "Overspent by £40.00"),
        ("1 Jun – 28 Jun 2026", D("560.00"), D("0.00"), D("0.00"),
         "No payment received yet")]
    assert not any(p.is_month for p in report.periods)
    case.add(PaymentSchedule("sm", D("560.00"), "month", date(2026, 6, 1)))
    monthly = money_report(case, date(2026, 6, 10))
    assert [p.label for p in monthly.periods][-1] == "June 2026"  # monthly pay: months


def test_the_money_reminders_include_an_overdue_review_and_today_shows_it_once(
        case: Case) -> None:
    from app.services.budget.money import money_reminders
    from app.services.timelimits.today import today

    two_plans(case)  # plan B of 15 March 2026, reviewed once a year when it gives no date
    on = date(2027, 5, 1)
    assert [r.kind for r in money_report(case, on).reminders] == ["review-overdue"]
    assert "review-overdue" not in [r.kind for r in money_reminders(case, on)]
    assert [r.kind for r in today(case, on).reminders].count("review-overdue") == 1


def test_spend_per_outcome_across_a_plan_change(case: Case) -> None:
    two_plans(case)
    transactions = [
        spend("t1", date(2026, 2, 27), "900.00", "Lena Novak", ["a1"]),
        spend("t2", date(2026, 3, 1), "10.01", "Swim and Music", ["a1", "a2"]),
        spend("t3", date(2026, 3, 27), "700.00", "Lena Novak", ["b1"]),
        spend("t4", date(2026, 4, 2), "25.00", "Westshire Music", ["b2"]),
        spend("t5", date(2026, 4, 3), "30.00", "Corner shop"),
        spend("t6", date(2026, 4, 4), "40.00", "Lena Novak", ["a1"]),  # old plan's outcome
    ]
    rows = {r.outcome_id: r for r in spend_by_outcome(transactions, plan_timeline(case))}
    assert {k: r.spent for k, r in rows.items()} == {
        "a1": D("945.01"), "a2": D("5.00"), "b1": D("700.00"), "b2": D("25.00")}
    assert rows["a1"].payments == 3 and rows["a1"].plan_id == "pa"
    assert rows["b1"].plan_title == "Plan B"
    assert [t.id for t in unlinked(transactions)] == ["t5"]
    assert [t.id for t in outside_plan(transactions, plan_timeline(case))] == ["t6"]


@given(st.decimals(D("-99999.99"), D("99999.99"), places=2), st.integers(1, 9))
def test_shares_add_up_to_the_penny(amount: Decimal, parts: int) -> None:
    shares = split_evenly(amount, parts)
    assert sum(shares) == amount and len(shares) == parts
    assert max(shares) - min(shares) <= D("0.01")
    assert all(s == s.quantize(D("0.01")) for s in shares)


def test_the_whole_report_as_json(case: Case) -> None:
    two_plans(case)
    for m in (3, 4, 5):
        case.add(paid(date(2026, m, 1), "1040.00"))
    case.add(spend("", date(2026, 4, 2), "612.40", "Bright Homecare", ["b1"]))
    cafe = case.add(spend("", date(2026, 4, 5), "3.20", "Corner Cafe"))
    report = money_report(case, date(2026, 7, 15))
    doc = json.loads(json.dumps(report_json(report)))
    # Plan A was in force on 1 March, so its outcomes show too (nothing spent on them).
    assert doc["spend_by_outcome"] == {"a1": "0.00", "a2": "0.00", "b1": "612.40", "b2": "0.00"}
    assert doc["unlinked"] == [cafe.id]
    assert doc["missed_payments"] == [{"expected_on": "2026-06-01", "amount": "1040.00"},
                                      {"expected_on": "2026-07-01", "amount": "1040.00"}]
    assert [p["start"] for p in doc["budget_periods"]] == [
        "2026-03-01", "2026-04-01", "2026-05-01", "2026-06-01", "2026-07-01"]
    assert doc["plan_in_force"]["budget"] == {"amount": "240.00", "period": "week",
                                              "sds_option": "1"}
    assert doc["schedule"]["inferred"] is True


# ---------------------------------------------------------------- linking


def test_bulk_link_then_unlinked_spend_is_zero(case: Case) -> None:
    two_plans(case)
    ids = [case.add(spend("", date(2026, 4, d), "20.00", "Corner Cafe")).id for d in (1, 2, 3)]
    assert len(unlinked(case.list_of(Transaction))) == 3
    link_outcomes(case, ids, ["b2"])
    assert unlinked(case.list_of(Transaction)) == []
    link_outcomes(case, ids[:1], ["b1"], add=True)
    assert case.get(Transaction, ids[0]).outcome_ids == ["b2", "b1"]
    link_outcomes(case, ids[1:2], [])
    assert [t.id for t in unlinked(case.list_of(Transaction))] == [ids[1]]


def test_a_link_outside_the_plan_in_force_changes_nothing(case: Case) -> None:
    two_plans(case)
    feb = case.add(spend("", date(2026, 2, 10), "20.00", "Cafe"))
    apr = case.add(spend("", date(2026, 4, 10), "20.00", "Cafe"))
    before = case.verify().head.seq
    with pytest.raises(MoneyError, match="in force then was 'Plan B'"):
        link_outcomes(case, [feb.id, apr.id], ["a1"])  # a1 is plan A's; April is plan B's
    assert case.get(Transaction, feb.id).outcome_ids == []
    assert case.verify().head.seq == before
    council = case.add(paid(date(2026, 4, 1)))
    with pytest.raises(MoneyError, match="council payment"):
        link_outcomes(case, [council.id], ["b1"])
    with pytest.raises(MoneyError, match="at least one"):
        link_outcomes(case, [], ["b1"])


def test_suggestions_follow_the_payee_and_the_outcome_lineage(case: Case) -> None:
    two_plans(case)
    history = [spend("h1", date(2026, 2, 27), "900.00", "LENA NOVAK", ["a1"]),
               spend("h2", date(2026, 2, 20), "12.00", "Westshire Leisure", ["a2"])]
    suggest = Suggester(history, plan_timeline(case)).outcomes
    wages = spend("n1", date(2026, 3, 27), "900.00", "Lena Novak 0427")
    assert suggest(wages) == ["b1"]  # a1 carried forward to b1
    music = spend("n2", date(2026, 4, 1), "8.00", "Town hall", description="Music group ticket")
    assert suggest(music) == ["b2"]  # words in common
    assert suggest(spend("n3", date(2026, 4, 1), "8.00", "Zzz")) == []
    assert suggest(spend("n4", date(2025, 4, 1), "8.00", "Lena Novak")) == []  # no plan
    assert suggest(paid(date(2026, 4, 1))) == []  # council payments are not linked


def test_linking_the_suggestions_in_one_step(case: Case) -> None:
    two_plans(case)
    case.add(spend("", date(2026, 3, 20), "900.00", "Lena Novak", ["b1"]))
    wages = case.add(spend("", date(2026, 4, 20), "900.00", "LENA NOVAK"))
    odd = case.add(spend("", date(2026, 4, 21), "5.00", "Zzz"))
    linked = link_suggested(case, [wages.id, odd.id])
    assert [t.id for t in linked] == [wages.id]
    assert case.get(Transaction, wages.id).outcome_ids == ["b1"]
    assert case.get(Transaction, odd.id).outcome_ids == []


def test_category_suggestions(case: Case) -> None:
    history = [spend("h1", date(2026, 1, 5), "50.00", "Tesco Stores 2291", category="activities"),
               paid(date(2026, 1, 1))]
    category = Suggester(history, plan_timeline(case), ["Glenmuir"]).category
    assert category("TESCO STORES 3310", None, -D("4.00")) == "activities"
    assert category("TESCO STORES 3310", None, D("4.00")) is None  # a refund is not spending
    assert category("HMRC CUMBERNAULD", None, -D("88.10")) == "HMRC PAYE"
    assert category("NEST PENSIONS", None, -D("20.00")) == "pension"
    assert category("WESTSHIRE CC", "DP MARCH", D("1000.00")) == "council payment"
    assert category("Westshire Council", None, D("10.00")) == "council payment"
    assert category("GLENMUIR", None, D("10.00")) == "council payment"
    assert category("A FRIEND", None, D("10.00")) is None
    assert category("CORNER CAFE", None, -D("3.20")) is None


# ---------------------------------------------------------------- recording with receipts


PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00"
       b"\x00\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81"
       b"\x84\x00\x00\x00\x00IEND\xaeB`\x82")


def test_spending_is_recorded_with_its_receipt(case: Case) -> None:
    two_plans(case)
    t = record_transaction(case, spend("", date(2026, 4, 9), "45.50", "ABC Mobility", ["b1"],
                                       "equipment"), [("receipt.png", PNG)])
    stored = case.get(Transaction, t.id)
    assert stored.amount == D("-45.50") and stored.outcome_ids == ["b1"]
    assert case.attachment_data(stored.attachment_ids[0]) == PNG
    again = attach_receipts(case, t.id, [("second.png", PNG)])
    assert len(again.attachment_ids) == 2
    count = case.count(Transaction)
    with pytest.raises(MoneyError, match="£0.00"):
        record_transaction(case, spend("", date(2026, 4, 9), "0.00", "X"))
    with pytest.raises(MoneyError, match="two decimal places"):
        record_transaction(case, spend("", date(2026, 4, 9), "1.005", "X"))
    with pytest.raises(MoneyError, match="cannot be linked"):
        record_transaction(case, spend("", date(2026, 4, 9), "1.00", "X", ["a2"]),
                           [("r.png", PNG)])
    assert case.count(Transaction) == count
    assert len(case.attachments()) == 2  # the refused receipt was not kept


# ---------------------------------------------------------------- employer reminders


def test_payroll_and_insurance_reminders(case: Case) -> None:
    assert tax_year_end(date(2026, 4, 5)) == date(2026, 4, 5)
    assert tax_year_end(date(2026, 4, 6)) == date(2027, 4, 5)
    case.add(spend("", date(2025, 6, 28), "900.00", "Lena Novak", category="PA wages"))
    case.add(spend("", date(2026, 6, 28), "900.00", "Lena Novak", category="PA wages"))
    found = {r.kind: r for r in employer_reminders(case, date(2026, 7, 1))}
    assert set(found) == {"payroll-records", "insurance-missing"}
    assert found["payroll-records"].due_on == date(2029, 4, 5)  # 2025-26 year, kept 3 years
    case.add(spend("", date(2025, 7, 20), "113.30", "Carers Insurance", category="insurance"))
    found = {r.kind: r for r in employer_reminders(case, date(2026, 7, 1))}
    assert found["insurance-renewal"].due_on == date(2026, 7, 20)
    assert found["insurance-renewal"].days_overdue == 0 and "due soon" in \
        found["insurance-renewal"].title
    late = {r.kind: r for r in employer_reminders(case, date(2026, 8, 1))}
    assert late["insurance-renewal"].days_overdue == 12
    case.add(spend("", date(2026, 7, 25), "118.00", "Carers Insurance", category="insurance"))
    assert "insurance-renewal" not in {r.kind for r in employer_reminders(case, date(2026, 8, 1))}


def test_the_demo_council_pays_short_then_stops(tmp_path: Path) -> None:
    demo = create_demo_case(tmp_path / "demo", kdf=FAST_KDF)
    if not demo.list_of(PaymentSchedule):  # until the demo itself sets it
        add_demo_schedule(demo)
    report = money_report(demo, date(2026, 11, 23))
    assert [c.expected_on.month for c in report.short] == [4, 5, 6, 7, 8, 9, 10]
    assert all(c.received == D("1386.67") and c.amount == D("1820.00") for c in report.short)
    assert [(c.expected_on, c.amount) for c in report.missed] == [(date(2026, 11, 1),
                                                                   D("1820.00"))]
    found = {r.kind: r for r in money_reminders(demo, date(2026, 11, 23))}
    assert found["payment-missed"].days_overdue == 22
    assert "Scotland" in found["payment-missed"].detail
    assert found["spending-unlinked"].record_id == "t-ins"
    assert "payroll-records" in found
    demo.close()
