"""What residents need, at a glance: counts, period, weeks, median, shares, suppression, pictures."""
from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from bot.dashboard import insights_chart
from bot.dashboard.insights import (
    Insights,
    TicketFacts,
    build_insights,
    heatmap_table,
    legend_lines,
    render_pdf,
    render_png,
    render_svg,
    summary_rows,
)
from bot.understanding.werkmodel import DOELGROEPEN, LEEFGEBIEDEN, ROUTES

AMS = ZoneInfo("Europe/Amsterdam")
SVG = "{http://www.w3.org/2000/svg}"
NOV_START, NOV_END = date(2026, 11, 10), date(2026, 11, 23)  # two-digit days, weeks 46 to 48


def at(text: str) -> datetime:
    """A local Amsterdam moment."""
    return datetime.fromisoformat(text).replace(tzinfo=AMS)


def ticket(created: datetime, leefgebieden=(), doelgroepen=(), route="meedenker", meedenker_type=None,
           contact_after_hours: float | None = None, urgent=False, gemeente="Goes") -> TicketFacts:
    first = None if contact_after_hours is None else created + timedelta(hours=contact_after_hours)
    return TicketFacts(created, gemeente, tuple(leefgebieden), tuple(doelgroepen), route,
                       meedenker_type, first, urgent)


def many(n: int, **kwargs) -> list[TicketFacts]:
    """n alike tickets, by default created on Thursday 12 November 2026 at 09:00 (week 46)."""
    created = kwargs.pop("created", at("2026-11-12 09:00"))
    return [ticket(created, **kwargs) for _ in range(n)]


@pytest.fixture
def handcrafted() -> list[TicketFacts]:
    return (
        many(12, leefgebieden=["wonen"], doelgroepen=["ouderen"], meedenker_type="informeel", contact_after_hours=2)
        + many(15, leefgebieden=["financien"], meedenker_type="formeel", contact_after_hours=4, urgent=True)
        + many(10, leefgebieden=["gezondheid", "wonen"], doelgroepen=["mantelzorgers", "ouderen"],
               route="luisteren", created=at("2026-11-17 14:00"))
    )


# --- counting -------------------------------------------------------------------------------

def test_heatmap_counts_each_cell_a_ticket_touches_and_totals_count_tickets(handcrafted):
    heat = build_insights(handcrafted, NOV_START, NOV_END).heatmap
    assert heat.cell("wonen", "ouderen").count == 22  # 12 plus the 10 that also ask about gezondheid
    assert heat.cell("wonen", "mantelzorgers").count == 10
    assert heat.cell("gezondheid", "ouderen").count == 10
    assert heat.cell("gezondheid", "mantelzorgers").count == 10
    assert heat.cell("financien", "geen").count == 15
    assert heat.cell("leren", "jongeren").count == 0
    # Totals are tickets: row wonen has 22 tickets, though its cells add up to 32.
    assert heat.row_total("wonen").count == 22
    assert heat.row_total("gezondheid").count == 10
    assert heat.col_total("ouderen").count == 22
    assert heat.col_total("geen").count == 15
    assert heat.row_total("geen").count == 0
    assert heat.total.count == 37
    assert not any(c.hidden for row in heat.cells for c in row)
    assert heat.row_labels[0] == "wonen" and heat.row_labels[-1] == "geen leefgebied"
    assert heat.col_labels[-1] == "geen doelgroep" and "niet-aangeboren hersenletsel" in heat.col_labels


def test_routes_meedenkers_contact_and_urgency(handcrafted):
    result = build_insights(handcrafted, NOV_START, NOV_END)
    assert result.tickets.count == 37
    assert result.routes["meedenker"].count == 27
    assert result.routes["luisteren"].count == 10
    assert result.routes["crisis_113"].count == 0
    assert "onbekend" not in result.routes.keys
    assert result.routes.keys[: len(ROUTES)] == ROUTES
    assert result.meedenkers["informeel"].count == 12
    assert result.meedenkers["formeel"].count == 15
    assert result.meedenkers["geen"].count == 10
    assert result.informal_share == pytest.approx(12 / 27)
    assert result.formal_share == pytest.approx(15 / 27)
    assert result.contact["gehad"].count == 27 and result.contact["nog_niet"].count == 10
    assert result.urgency["urgent"].count == 15
    # 12 tickets after 2 hours, 15 after 4: the 14th of 27 is a 4.
    assert result.median_hours_to_first_contact == 4.0


def test_period_includes_both_days_in_local_time():
    facts = (
        many(10, created=at("2026-11-09 23:00"))  # the evening before: out
        + many(11, created=at("2026-11-10 00:30"))  # the first night (23:30 UTC the day before): in
        + many(12, created=at("2026-11-23 23:00"))  # the last evening: in
        + many(13, created=datetime(2026, 11, 23, 23, 30, tzinfo=timezone.utc))  # 00:30 on the 24th here: out
    )
    result = build_insights(facts, NOV_START, NOV_END)
    assert result.tickets.count == 11 + 12
    assert [c.count for c in result.weeks.cells] == [11, 0, 12]
    utc = build_insights(facts, NOV_START, NOV_END, tz=timezone.utc)
    assert utc.tickets.count == 12 + 13
    with pytest.raises(ValueError, match="before it starts"):
        build_insights(facts, NOV_END, NOV_START)


def test_weeks_are_iso_weeks_across_the_new_year():
    facts = (
        many(10, created=at("2026-12-27 10:00"))  # Sunday: 2026-W52
        + many(11, created=at("2026-12-31 10:00"))  # Thursday: 2026-W53
        + many(12, created=at("2027-01-03 10:00"))  # Sunday: still 2026-W53
        + many(13, created=at("2027-01-04 10:00"))  # Monday: 2027-W01
    )
    weeks = build_insights(facts, date(2026, 12, 27), date(2027, 1, 4)).weeks
    assert weeks.keys == ("2026-W52", "2026-W53", "2027-W01")
    assert weeks.labels == ("week 52 (2026)", "week 53 (2026)", "week 1 (2027)")
    assert [c.count for c in weeks.cells] == [10, 23, 13]
    assert weeks.total.count == 46
    one_year = build_insights(many(10), NOV_START, NOV_END).weeks
    assert one_year.labels == ("week 46", "week 47", "week 48")
    assert [c.text for c in one_year.cells] == ["10", "0", "0"]


def test_median_time_to_first_contact():
    assert build_insights(many(20), NOV_START, NOV_END).median_hours_to_first_contact is None
    facts = many(10, contact_after_hours=1) + many(10, contact_after_hours=3) + many(5)
    assert build_insights(facts, NOV_START, NOV_END).median_hours_to_first_contact == 2.0
    odd = many(10, contact_after_hours=1.5) + many(11, contact_after_hours=30)
    assert build_insights(odd, NOV_START, NOV_END).median_hours_to_first_contact == 30.0
    clock_skew = many(10, contact_after_hours=-0.5) + many(11, contact_after_hours=-0.1)
    assert build_insights(clock_skew, NOV_START, NOV_END).median_hours_to_first_contact == 0.0


def test_shares_are_not_shown_when_a_count_behind_them_is_hidden():
    facts = many(30, meedenker_type="informeel") + many(3, meedenker_type="formeel") + many(20)
    result = build_insights(facts, NOV_START, NOV_END)
    assert result.meedenkers["formeel"].text == "< 10"
    assert result.informal_share is None and result.formal_share is None
    rows = dict(summary_rows(result))
    assert rows["Formele meedenker"] == "< 10"
    assert "%" not in rows["Informele meedenker"]
    none_assigned = build_insights(many(20), NOV_START, NOV_END)
    assert none_assigned.informal_share is None and none_assigned.meedenkers["geen"].count == 20


def test_facts_are_checked():
    with pytest.raises(ValueError, match="timezone-aware"):
        ticket(datetime(2026, 11, 12, 9, 0))
    with pytest.raises(ValueError, match="unknown ids"):
        ticket(at("2026-11-12 09:00"), leefgebieden=["huisvesting"])
    with pytest.raises(ValueError, match="one string"):
        TicketFacts(at("2026-11-12 09:00"), None, "wonen", (), None, None, None, False)
    with pytest.raises(ValueError, match="route"):
        ticket(at("2026-11-12 09:00"), route="chat")
    with pytest.raises(ValueError, match="meedenker_type"):
        ticket(at("2026-11-12 09:00"), meedenker_type="vrijwilliger")
    doubled = ticket(at("2026-11-12 09:00"), leefgebieden=["werken", "wonen", "wonen"])
    assert doubled.leefgebieden == ("wonen", "werken")  # werkmodel order, each once


# --- suppression in the insights ----------------------------------------------------------

def lines_of(heat) -> list[list]:
    rows = [[*cells, total] for cells, total in zip(heat.cells, heat.row_totals)]
    rows.append([*heat.col_totals, heat.total])
    cols = [list(col) for col in zip(*rows)]
    return rows + cols


def test_a_small_cell_is_hidden_with_a_partner_in_its_row_and_column(handcrafted):
    facts = handcrafted + many(3, leefgebieden=["werken"], doelgroepen=["jongeren"])
    heat = build_insights(facts, NOV_START, NOV_END).heatmap
    assert heat.cell("werken", "jongeren").text == "< 10"
    assert heat.cell("werken", "jongeren").count is None
    assert heat.row_total("werken").text == "< 10"  # the row holds only those 3 tickets
    assert heat.col_total("jongeren").text == "< 10"
    for line in lines_of(heat):
        assert sum(c.hidden for c in line) != 1
    assert heat.total.count == 40  # the grand total is still shown
    assert heat.max_count == 22


def test_the_number_of_tickets_is_hidden_everywhere_when_one_table_needs_it():
    # Routes: 10 and 1, total 11. With "×" at least 10, "< 10" would be 1, so the total must go.
    facts = many(10, leefgebieden=["wonen"]) + many(1, leefgebieden=["wonen"], route="luisteren")
    result = build_insights(facts, NOV_START, NOV_END)
    assert result.routes["luisteren"].text == "< 10"
    assert result.routes.total.text == "×"
    for total in (result.tickets, result.heatmap.total, result.weeks.total, result.meedenkers.total,
                  result.contact.total, result.urgency.total):
        assert total.hidden
    assert dict(summary_rows(result))["Tickets"] == "×"


def test_few_tickets_show_no_numbers_at_all():
    result = build_insights(many(4, leefgebieden=["wonen"], doelgroepen=["ouderen"]), NOV_START, NOV_END)
    shown = [c.count for row in result.heatmap.cells for c in row if c.count] + [
        c.count for c in (*result.routes.cells, *result.weeks.cells, result.tickets) if c.count]
    assert shown == []
    assert result.tickets.text == "< 10"


facts_strategy = st.lists(
    st.builds(
        ticket,
        created=st.datetimes(datetime(2026, 11, 8), datetime(2026, 11, 26), timezones=st.just(AMS)),
        leefgebieden=st.lists(st.sampled_from(LEEFGEBIEDEN[:3]), max_size=2),
        doelgroepen=st.lists(st.sampled_from(DOELGROEPEN[:3]), max_size=2),
        route=st.sampled_from([ROUTES[0], ROUTES[1], None]),
        meedenker_type=st.sampled_from(["informeel", "formeel", None]),
        contact_after_hours=st.one_of(st.none(), st.floats(0, 100)),
        urgent=st.booleans(),
    ),
    max_size=80,
)


@settings(max_examples=40, deadline=None)
@given(facts_strategy)
def test_no_table_shows_a_small_count_or_a_single_hidden_entry_in_a_line(facts):
    result = build_insights(facts, NOV_START, NOV_END)
    tables = [lines_of(result.heatmap)] + [
        [[*b.cells, b.total]] for b in (result.routes, result.weeks, result.meedenkers, result.contact, result.urgency)
    ]
    for lines in tables:
        for line in lines:
            assert sum(c.hidden for c in line) != 1
            for c in line:
                assert c.count is None or c.count == 0 or c.count >= 10
                assert c.text in ("< 10", "×") or c.text == str(c.count)
    totals = {c.hidden for c in (result.tickets, result.heatmap.total, result.routes.total, result.weeks.total)}
    assert len(totals) == 1  # the number of tickets: hidden everywhere or nowhere


# --- summary and text table -------------------------------------------------------------

def test_summary_rows_and_heatmap_table(handcrafted):
    result = build_insights(handcrafted, NOV_START, NOV_END, gemeente="Goes")
    rows = summary_rows(result)
    as_dict = dict(rows)
    assert as_dict["Periode"] == "10 november 2026 t/m 23 november 2026"
    assert as_dict["Gemeente"] == "Goes"
    assert as_dict["Tickets"] == "37"
    assert as_dict["Mediane tijd tot eerste contact"] == "4,0 uur"
    assert as_dict["Informele meedenker"] == "12 (44%)"
    assert as_dict["Formele meedenker"] == "15 (56%)"
    assert as_dict["Route: luisterend oor"] == "10"
    assert as_dict["Week 46"] == "27" and as_dict["Week 47"] == "10"
    assert all(isinstance(label, str) and isinstance(value, str) for label, value in rows)
    header, body = heatmap_table(result)
    assert header[0] == "leefgebied" and header[-1] == "totaal" and len(header) == 13
    assert body[0][0] == "wonen" and body[0][2] == "22" and body[0][-1] == "22"
    assert body[-1][0] == "totaal" and body[-1][-1] == "37"
    assert dict(summary_rows(build_insights([], NOV_START, NOV_END)))["Gemeente"] == "alle gemeenten"


# --- pictures -----------------------------------------------------------------------------

@pytest.fixture
def mixed() -> Insights:
    """Shown, small and secondary-hidden counts, for a gemeente with a hostile name."""
    facts = (
        many(25, leefgebieden=["wonen"], doelgroepen=["ouderen"], meedenker_type="informeel", contact_after_hours=26.75)
        + many(14, leefgebieden=["financien"], doelgroepen=["laag_ses"], meedenker_type="formeel")
        + many(3, leefgebieden=["wonen"], doelgroepen=["mantelzorgers"], route="luisteren")
        + many(12, leefgebieden=["gezondheid"], created=at("2026-11-18 10:00"), meedenker_type="formeel")
    )
    return build_insights(facts, NOV_START, NOV_END, gemeente='Goes <script>alert("x")</script> & Co\x00\x1b')


def texts(root: ET.Element) -> list[str]:
    return ["".join(el.itertext()) for el in root.iter() if el.tag in (SVG + "text", SVG + "title", SVG + "desc")]


def test_svg_is_well_formed_accessible_and_escaped(mixed):
    source = render_svg(mixed)
    root = ET.fromstring(source.encode("utf-8"))
    assert root.tag == SVG + "svg"
    assert root.get("role") == "img"
    title, desc = root.find(SVG + "title"), root.find(SVG + "desc")
    assert title is not None and desc is not None
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert '<script>alert("x")</script> & Co' in title.text  # shown as text, never as markup
    assert "\x00" not in source and "\x1b" not in source
    assert not any(el.tag.endswith(("script", "style", "foreignObject", "image", "a")) for el in root.iter())
    assert not any(name in ("style", "href", "{http://www.w3.org/1999/xlink}href") or name.startswith("on")
                   for el in root.iter() for name in el.attrib)
    assert "<script" not in source and "&lt;script&gt;" in source
    assert "Meeste tickets over: geld en post (14)" in desc.text  # shown totals only: wonen's is hidden
    assert "54 tickets" in desc.text


def test_svg_shows_small_counts_as_less_than_ten_and_no_small_numbers(mixed):
    root = ET.fromstring(render_svg(mixed).encode("utf-8"))
    shown = []
    for text in texts(root):
        for line in legend_lines():  # "1 tot en met 9" explains the sign; it is no count
            text = text.replace(line, "")
        if not any(text in line for line in legend_lines()):
            shown.append(text)
    cell_texts = ["".join(el.itertext()) for el in root.iter(SVG + "text")]
    assert cell_texts.count("< 10") >= 3  # the cell, its row's other hidden entry's partner, routes
    assert "×" in cell_texts
    visible = [c.count for row in mixed.heatmap.cells for c in row if c.count]
    assert sorted(visible) == [14, 25]
    assert "25" in cell_texts and "14" in cell_texts
    for text in shown:
        assert not re.search(r"(?<![\d,])[1-9](?![\d,])", text), f"small number shown: {text!r}"
    assert any("26,8 uur" in t for t in shown)  # the median, with a Dutch decimal comma
    assert any("week 46" in t for t in shown)


def test_svg_text_has_enough_contrast(mixed):
    root = ET.fromstring(render_svg(mixed).encode("utf-8"))
    for group in root.iter(SVG + "g"):
        rect, text = group.find(SVG + "rect"), group.find(SVG + "text")
        assert insights_chart.contrast(text.get("fill"), rect.get("fill")) >= 4.5
    for text in root.findall(SVG + "text"):  # directly on the white page
        assert insights_chart.contrast(text.get("fill"), "#ffffff") >= 4.5
    for count in range(1, 200):
        background = insights_chart.heat_colour(count, 199)
        assert insights_chart.contrast(insights_chart.ink_on(background), background) >= 4.5


def test_hidden_cells_do_not_show_their_size_in_colour(mixed):
    root = ET.fromstring(render_svg(mixed).encode("utf-8"))
    hidden_fills = {g.find(SVG + "rect").get("fill") for g in root.iter(SVG + "g")
                    if g.find(SVG + "text").text in ("< 10", "×")}
    assert hidden_fills == {insights_chart.HIDDEN_FILL}


def test_png_and_pdf(mixed):
    png = render_png(mixed)
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 30_000
    picture = Image.open(io.BytesIO(png))
    assert picture.width == insights_chart.WIDTH * insights_chart.SCALE
    dark = sum(picture.convert("L").histogram()[:128])
    assert dark > 20_000  # text and bars were painted, not an empty page
    pdf = render_pdf(mixed)
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF") and len(pdf) > 15_000
    assert b"/Type /Page" in pdf
    box = re.search(rb"/MediaBox \[ ?0 0 ([\d.]+) ([\d.]+) ?\]", pdf)
    assert box and round(float(box.group(1))) == 842  # A4 landscape wide, in points
    assert b"/FontFile2" in pdf  # DejaVu Sans embedded: the text is text, not pixels


def test_long_names_and_empty_periods_still_draw():
    empty = build_insights([], NOV_START, NOV_END, gemeente="x" * 5000)
    root = ET.fromstring(render_svg(empty).encode("utf-8"))
    assert len(root.find(SVG + "title").text) < 200
    assert render_png(empty).startswith(b"\x89PNG")
    assert render_pdf(build_insights([], NOV_START, NOV_END, gemeente="$\\frac{1}{0}$ 中文")).startswith(b"%PDF-")
    year = build_insights(many(10), date(2026, 1, 1), date(2026, 12, 31))
    assert len(year.weeks.cells) == 53
    assert ET.fromstring(render_svg(year).encode("utf-8")) is not None
