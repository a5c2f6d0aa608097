"""Office hours: what a resident is told about when a meedenker calls back."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.municipality.office_hours import (
    DAYS,
    MONTHS,
    Expectation,
    OfficeHoursError,
    format_moment,
    format_time,
    load_office_hours,
)
from bot.ops.settings import PROJECT_ROOT

SHIPPED = PROJECT_ROOT / "config" / "office_hours.yml"
AMS = ZoneInfo("Europe/Amsterdam")


def at(text: str) -> datetime:
    """A local Amsterdam moment, e.g. at('2026-12-01 10:00')."""
    return datetime.fromisoformat(text).replace(tzinfo=AMS)


@pytest.fixture(scope="module")
def hours():
    return load_office_hours(SHIPPED)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "office_hours.yml"
    path.write_text(text, encoding="utf-8")
    return path


def shipped_with(tmp_path: Path, old: str, new: str) -> Path:
    text = SHIPPED.read_text(encoding="utf-8")
    assert old in text, old
    return write(tmp_path, text.replace(old, new))


# --- the shipped file ---------------------------------------------------------------------


def test_shipped_file_loads(hours):
    assert hours.timezone.key == "Europe/Amsterdam"
    assert hours.callback_within_working_days == 2
    assert hours.hours[DAYS.index("maandag")] == ((time(9), time(17)),)
    assert hours.hours[DAYS.index("vrijdag")] == ((time(9), time(16)),)
    assert hours.hours[DAYS.index("zaterdag")] == () and hours.hours[DAYS.index("zondag")] == ()
    assert date(2026, 12, 25) in hours.closed_dates
    assert isinstance(hours.checked, date)


def test_describe_the_week_in_plain_dutch(hours):
    assert hours.describe() == "maandag tot en met donderdag 9.00 tot 17.00 uur; vrijdag 9.00 tot 16.00 uur"


# --- expectations a resident hears (2026-12-01 is a Tuesday) --------------------------------


def test_during_office_hours(hours):
    now = at("2026-12-01 10:00")
    expected = hours.expectation(now)
    assert expected.open_now is True
    assert expected.next_open == now
    # Tuesday has started, so Wednesday and Thursday are the two working days.
    assert expected.callback_by == at("2026-12-03 17:00")


def test_before_opening_the_day_still_counts(hours):
    expected = hours.expectation(at("2026-11-30 08:00"))  # Monday
    assert expected.open_now is False
    assert expected.next_open == at("2026-11-30 09:00")
    assert expected.callback_by == at("2026-12-01 17:00")


def test_late_in_the_day_gets_the_same_promise_as_the_morning(hours):
    morning = hours.expectation(at("2026-12-01 09:05"))
    late = hours.expectation(at("2026-12-01 16:55"))
    assert morning.callback_by == late.callback_by == at("2026-12-03 17:00")


def test_friday_after_closing_waits_for_monday(hours):
    expected = hours.expectation(at("2026-12-04 16:30"))  # Friday closes at 16:00
    assert expected.open_now is False
    assert expected.next_open == at("2026-12-07 09:00")
    assert expected.callback_by == at("2026-12-08 17:00")


def test_the_callback_ends_at_that_days_closing_time(hours):
    # Wednesday evening: Thursday (1), Friday (2), and Friday closes at 16:00.
    assert hours.expectation(at("2026-12-02 20:00")).callback_by == at("2026-12-04 16:00")


@pytest.mark.parametrize("moment", ["2026-12-05 11:00", "2026-12-06 23:30"])
def test_weekend(hours, moment):
    expected = hours.expectation(at(moment))
    assert expected.open_now is False
    assert expected.next_open == at("2026-12-07 09:00")
    assert expected.callback_by == at("2026-12-08 17:00")


def test_christmas_is_skipped(hours):
    expected = hours.expectation(at("2026-12-24 18:00"))  # Thursday evening; Friday 25th is closed
    assert expected.next_open == at("2026-12-28 09:00")
    assert expected.callback_by == at("2026-12-29 17:00")


def test_a_closed_date_is_closed_even_in_office_hours(hours):
    expected = hours.expectation(at("2027-01-01 11:00"))  # Friday, New Year's Day
    assert expected.open_now is False
    assert expected.next_open == at("2027-01-04 09:00")
    assert expected.callback_by == at("2027-01-05 17:00")


def test_opening_and_closing_minutes(hours):
    assert hours.is_open(at("2026-12-01 09:00")) is True
    assert hours.is_open(at("2026-12-01 16:59")) is True
    assert hours.is_open(at("2026-12-01 17:00")) is False
    assert hours.is_open(at("2026-12-01 08:59")) is False


def test_summer_time_starts_over_the_weekend(hours):
    expected = hours.expectation(at("2027-03-26 18:00"))  # Friday; clocks go forward on Sunday the 28th
    assert expected.next_open == at("2027-03-29 09:00")
    assert expected.next_open.utcoffset() == timedelta(hours=2)
    assert expected.next_open.astimezone(timezone.utc).hour == 7


def test_a_moment_in_another_timezone_is_converted(hours):
    now = datetime(2026, 12, 1, 8, 30, tzinfo=timezone.utc)  # 9:30 in Amsterdam
    expected = hours.expectation(now)
    assert expected.open_now is True
    assert expected.next_open.tzinfo == AMS
    assert expected.callback_by.tzinfo == AMS


def test_a_naive_moment_is_refused(hours):
    with pytest.raises(ValueError, match="timezone-aware"):
        hours.expectation(datetime(2026, 12, 1, 10, 0))


def test_the_number_of_working_days_comes_from_the_file(tmp_path):
    one_day = load_office_hours(shipped_with(tmp_path, "callback_within_working_days: 2",
                                             "callback_within_working_days: 1"))
    assert one_day.expectation(at("2026-12-01 10:00")).callback_by == at("2026-12-02 17:00")


def test_a_lunch_break(tmp_path):
    lunch = load_office_hours(shipped_with(tmp_path, 'dinsdag: "09:00-17:00"', 'dinsdag: "09:00-12:30, 13:30-17:00"'))
    expected = lunch.expectation(at("2026-12-01 13:00"))
    assert expected.open_now is False
    assert expected.next_open == at("2026-12-01 13:30")
    assert lunch.is_open(at("2026-12-01 12:00")) and lunch.is_open(at("2026-12-01 14:00"))
    assert "dinsdag 9.00 tot 12.30 uur en 13.30 tot 17.00 uur" in lunch.describe()


def test_template_values():
    expected = Expectation(open_now=False, next_open=at("2026-12-07 09:00"), callback_by=at("2026-12-08 17:00"))
    assert expected.template_values() == {
        "bereikbaar_vanaf": "maandag 7 december om 9.00 uur",
        "terugbellen_uiterlijk": "dinsdag 8 december",
    }


# --- plain Dutch labels ------------------------------------------------------------------------


def test_format_moment():
    assert format_moment(at("2026-12-01 10:00")) == "dinsdag 1 december"
    assert format_moment(at("2026-12-01 09:05"), with_time=True) == "dinsdag 1 december om 9.05 uur"
    assert format_moment(at("2027-03-29 13:30"), with_time=True) == "maandag 29 maart om 13.30 uur"
    assert format_moment(date(2027, 1, 1)) == "vrijdag 1 januari"
    assert format_moment(date(2027, 1, 1), with_time=True) == "vrijdag 1 januari"


def test_format_time():
    assert format_time(time(9)) == "9.00 uur"
    assert format_time(at("2026-12-01 17:30")) == "17.30 uur"


def test_every_day_and_month_name_is_dutch():
    monday = date(2026, 11, 30)
    assert [format_moment(monday + timedelta(days=i)).split()[0] for i in range(7)] == list(DAYS)
    assert [format_moment(date(2027, m, 1)).split()[-1] for m in range(1, 13)] == list(MONTHS)
    assert MONTHS[4] == "mei" and DAYS[6] == "zondag"


def test_format_moment_does_not_depend_on_the_locale(monkeypatch):
    monkeypatch.setenv("LC_ALL", "C")
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert format_moment(date(2026, 12, 1)) == "dinsdag 1 december"


# --- errors name the file and the field --------------------------------------------------------


@pytest.mark.parametrize("old, new, field", [
    ('maandag: "09:00-17:00"', 'maandag: "9 tot 5"', "hours.maandag"),
    ('maandag: "09:00-17:00"', 'maandag: "17:00-09:00"', "hours.maandag"),
    ('maandag: "09:00-17:00"', 'maandag: "09:00-25:00"', "hours.maandag"),
    ('dinsdag: "09:00-17:00"', 'dinsdag: "09:00-13:00, 12:00-17:00"', "hours.dinsdag"),
    ('woensdag: "09:00-17:00"', 'woensdg: "09:00-17:00"', "hours.woensdg"),
    ('  zondag: gesloten\n', '', "hours.zondag"),
    ("timezone: Europe/Amsterdam", "timezone: Europe/Goes", "timezone"),
    ("callback_within_working_days: 2", "callback_within_working_days: 0", "callback_within_working_days"),
    ("callback_within_working_days: 2", "callback_within_working_days: twee", "callback_within_working_days"),
    ('  - "2026-12-25"', '  - "25 december"', "closed_dates[0]"),
    ('checked: "2026-11-25"', 'checked: "gisteren"', "checked"),
    ('checked: "2026-11-25"', 'gecontroleerd: "2026-11-25"', "gecontroleerd"),
])
def test_a_bad_field_is_named(tmp_path, old, new, field):
    path = shipped_with(tmp_path, old, new)
    with pytest.raises(OfficeHoursError) as info:
        load_office_hours(path)
    message = str(info.value)
    assert str(path) in message and f"'{field}'" in message, message


def test_a_missing_field_is_named(tmp_path):
    path = write(tmp_path, 'checked: "2026-11-25"\ntimezone: Europe/Amsterdam\n')
    with pytest.raises(OfficeHoursError, match=r"office_hours.yml: 'callback_within_working_days' is missing"):
        load_office_hours(path)


def test_a_week_without_open_days_is_refused(tmp_path):
    text = SHIPPED.read_text(encoding="utf-8")
    for day in ("maandag", "dinsdag", "woensdag", "donderdag"):
        text = text.replace(f'{day}: "09:00-17:00"', f"{day}: gesloten")
    text = text.replace('vrijdag: "09:00-16:00"', "vrijdag: gesloten")
    with pytest.raises(OfficeHoursError, match="'hours' must have at least one open day"):
        load_office_hours(write(tmp_path, text))


def test_an_unreadable_or_empty_file(tmp_path):
    with pytest.raises(OfficeHoursError, match="cannot be read"):
        load_office_hours(tmp_path / "bestaat-niet.yml")
    with pytest.raises(OfficeHoursError, match="expected a mapping"):
        load_office_hours(write(tmp_path, "- maandag\n"))


def test_closed_dates_may_be_left_out(tmp_path):
    text = SHIPPED.read_text(encoding="utf-8").split("closed_dates:")[0]
    hours = load_office_hours(write(tmp_path, text))
    assert hours.closed_dates == frozenset()
    assert hours.expectation(at("2026-12-24 18:00")).next_open == at("2026-12-25 09:00")
