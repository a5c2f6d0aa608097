"""Insights after issue 29: crisis signals are counted apart and never as tickets; the answers to
the follow-up question are counted, with the same small-count rule as every other figure."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from zoneinfo import ZoneInfo

from bot.dashboard.insights import TicketFacts, build_insights, summary_rows

AMS = ZoneInfo("Europe/Amsterdam")
DAY = datetime(2026, 11, 12, 9, 0, tzinfo=AMS)
START, END = date(2026, 11, 1), date(2026, 11, 30)
BASE = TicketFacts(DAY, "Goes", ("wonen",), (), "meedenker", None, None, False)


def facts(n: int, **changes) -> list[TicketFacts]:
    return [replace(BASE, **changes) for _ in range(n)]


def test_signals_are_no_tickets_and_are_counted_apart():
    plain = facts(12) + facts(11, signal=True, route="crisis_113", urgent=True, gemeente=None)
    insights = build_insights(plain, START, END)
    assert insights.tickets.count == 12 and insights.urgency["urgent"].count == 0
    assert insights.routes["crisis_113"].count == 0
    assert insights.signals.count == 11
    assert ("Crisissignalen (geen ticket)", "11") in summary_rows(insights)


def test_followup_answers_are_counted_among_the_questions_sent():
    sent = (facts(14, followup_sent=True, followup_answer="geholpen")
            + facts(11, followup_sent=True, followup_answer="niet_geholpen")
            + facts(10, followup_sent=True, followup_answer="geen_contact")
            + facts(12, followup_sent=True) + facts(20))
    followup = build_insights(sent, START, END).followup
    assert followup.total.count == 47
    assert [followup[k].count for k in ("geholpen", "niet_geholpen", "geen_contact", "geen_antwoord")] == \
        [14, 11, 10, 12]
    rows = dict(summary_rows(build_insights(sent, START, END)))
    assert rows["Vraag na afloop gestuurd"] == "47" and rows["Na afloop: contact gehad en het hielp"] == "14"


def test_small_followup_counts_are_not_shown():
    few = facts(3, followup_sent=True, followup_answer="geholpen") + facts(30, followup_sent=True)
    followup = build_insights(few + facts(5), START, END).followup
    assert followup["geholpen"].text == "< 10" and followup["geholpen"].count is None
    assert followup["geen_antwoord"].count is None  # hidden too: total minus it would give the 3 back
