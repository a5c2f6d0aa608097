"""The sociale kaart's same-day category (issue 25): what can happen TODAY for a resident in urgent
need. Shipped files, open-now at frozen moments, the national fallback for gemeenten no region
covers, residents never sent to another region (the Amsterdam bug), and errors that name the file,
the line and the field for whoever edits the files."""
from __future__ import annotations

import re
from datetime import datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import textstat

from bot.municipality.gemeenten import all_gemeenten
from bot.municipality.helplines import load_helplines
from bot.understanding.werkmodel import MEEDENKER_TYPES
from bot.ops.settings import PROJECT_ROOT
from bot.municipality.sociale_kaart import (
    LANDELIJK_FILE,
    SocialeKaart,
    SocialeKaartError,
    gemeente_key,
    load_sociale_kaart,
)
from bot.conversation.spoed import DETECTED_NEEDS, GROUP_YOUNG, NEEDS
from bot.understanding.werkmodel import DOELGROEPEN, LEEFGEBIEDEN

FOLDER = PROJECT_ROOT / "config" / "sociale_kaart"
NL = ZoneInfo("Europe/Amsterdam")
OOSTERSCHELDE = ("Borsele", "Goes", "Kapelle", "Noord-Beveland", "Reimerswaal", "Schouwen-Duiveland", "Tholen")


def at(day: int, hour: int, minute: int = 0, month: int = 12) -> datetime:
    """A moment in Dutch time in December 2026 (7 December 2026 is a Monday)."""
    return datetime(2026, month, day, hour, minute, tzinfo=NL)


MONDAY_NOON = at(7, 12)
MONDAY_NIGHT = at(7, 2)


@pytest.fixture(scope="module")
def kaart() -> SocialeKaart:
    return load_sociale_kaart(FOLDER)


def ids(contacts) -> list[str]:
    return [c.id for c in contacts]


def all_entries(kaart: SocialeKaart):
    return list(kaart.landelijk) + [e for region in kaart.regions for e in region.vandaag]


# --- the shipped files ----------------------------------------------------------------------


def test_the_national_file_is_a_fallback_not_a_region(kaart):
    assert (FOLDER / LANDELIJK_FILE).exists()
    assert [r.name for r in kaart.regions] == ["Oosterschelderegio", "Voorbeeldregio Gooi"]
    assert kaart.landelijk and all(e.region is None for e in kaart.landelijk)
    assert all(not e.gemeenten for e in kaart.landelijk)


def test_de_kindertelefoon_is_national_for_young_people_with_its_hours(kaart):
    entry = next(e for e in kaart.landelijk if e.id == "kindertelefoon")
    assert entry.phone == "0800-0432" and entry.voor == (GROUP_YOUNG,) and entry.altijd
    assert entry.hours is not None and entry.hours.describe() == "elke dag 11.00 tot 21.00 uur"
    assert not entry.voorbeeld


def test_helpline_numbers_live_only_in_helplines_yml(kaart):
    helplines = load_helplines(PROJECT_ROOT / "config" / "helplines.yml")
    numbers = {re.sub(r"\D", "", n) for line in (helplines.luisterlijn, helplines.zelfmoordpreventie,
                                                 helplines.noodnummer, helplines.veilig_thuis)
               for n in (line.phone, line.phone_free) if n}
    for entry in all_entries(kaart):
        assert re.sub(r"\D", "", entry.phone or "") not in numbers, entry.id
        for number in numbers:
            assert not re.search(rf"(?<!\d){number}(?!\d)", re.sub(r"[ -]", "", entry.offer)), entry.id


def test_every_shipped_offer_is_plain_dutch(kaart):
    textstat.set_lang("nl")
    for entry in all_entries(kaart):
        assert len(entry.offer.split()) <= 20, entry.id
        assert textstat.flesch_reading_ease(entry.offer) >= 60, f"{entry.id}: {entry.offer}"
        assert not re.search(r"\b(je|jij|jouw)\b", entry.offer, re.IGNORECASE), entry.id


def test_checked_entries_have_a_secure_website_and_examples_say_so(kaart):
    for entry in all_entries(kaart):
        assert entry.checked.year >= 2026, entry.id
        if not entry.voorbeeld:
            assert entry.website is None or entry.website.startswith("https://"), entry.id
        if entry.website and ".example" in entry.website:
            assert entry.voorbeeld, entry.id
    example_region = next(r for r in kaart.regions if r.example)
    assert example_region.vandaag and all(e.voorbeeld for e in example_region.vandaag)


@pytest.mark.parametrize("need", DETECTED_NEEDS)
def test_no_need_is_a_dead_end_anywhere(kaart, need):
    """Every detected need gets something in every gemeente of the demo region and nationally,
    and at least one entry that is not an unchecked example."""
    for gemeente in (*OOSTERSCHELDE, "Amsterdam", None):
        contacts = kaart.vandaag(gemeente, need, MONDAY_NIGHT)
        assert contacts, (gemeente, need)
        assert any(not c.voorbeeld for c in contacts), (gemeente, need)


def test_a_young_person_in_goes_hears_of_the_night_shelter_the_gemeente_and_the_kindertelefoon(kaart):
    contacts = kaart.vandaag("Goes", "onderdak", MONDAY_NIGHT, young=True)
    assert ids(contacts)[0] == "noodopvang-bevelanden"  # open day and night, so first at 2 at night
    assert {"vandaag-gemeente-goes", "kindertelefoon", "opvang-zeeland"} <= set(ids(contacts))
    assert not any(c.landelijk and c.advies for c in contacts)  # the region's own gemeente, no general advice


def test_region_entries_stay_in_their_gemeenten(kaart):
    tholen = ids(kaart.vandaag("Tholen", "onderdak", MONDAY_NOON))
    assert "noodopvang-bevelanden" not in tholen and "vandaag-gemeente-goes" not in tholen
    assert "vandaag-gemeente-tholen" in tholen
    assert "voedselbank-schouwen-duiveland" in ids(kaart.vandaag("Schouwen-Duiveland", "eten", MONDAY_NOON))
    assert "voedselbank-schouwen-duiveland" not in ids(kaart.vandaag("Goes", "eten", MONDAY_NOON))


# --- the Amsterdam bug: a gemeente no region covers gets nothing regional ------------------------


@pytest.mark.parametrize("gemeente", ["Amsterdam", "amsterdam", "Gemeente Amsterdam", " AMSTERDAM "])
def test_a_resident_of_amsterdam_gets_no_zeeland_organisations(kaart, gemeente):
    every_keyword = "schulden deurwaarder bezwaar dementie verslaving dakloos op straat geen geld"
    for meedenker_type in (*MEEDENKER_TYPES, None):
        assert kaart.match(gemeente, LEEFGEBIEDEN, DOELGROEPEN, meedenker_type, limit=50, text=every_keyword) == []
        assert kaart.match(gemeente, [], [], meedenker_type, limit=50) == []


def test_no_uncovered_gemeente_of_the_netherlands_gets_organisations_or_regional_contacts(kaart):
    covered = {gemeente_key(g) for g in kaart.gemeenten}
    regional_ids = {e.id for region in kaart.regions for e in region.vandaag}
    uncovered = [g for g in all_gemeenten() if gemeente_key(g) not in covered]
    assert len(uncovered) > 300 and "Amsterdam" in uncovered
    for gemeente in uncovered:
        assert kaart.match(gemeente, LEEFGEBIEDEN, DOELGROEPEN, None, limit=50, text="schulden dakloos") == [], \
            gemeente
        contacts = kaart.vandaag(gemeente, "onderdak", MONDAY_NOON, young=True)
        assert contacts and all(c.landelijk for c in contacts), gemeente
        assert not set(ids(contacts)) & regional_ids, gemeente


def test_a_covered_gemeente_only_gets_its_own_regions_organisations(kaart):
    for gemeente, region in (("Goes", "Oosterschelderegio"), ("Huizen", "Voorbeeldregio Gooi")):
        matches = kaart.match(gemeente, LEEFGEBIEDEN, DOELGROEPEN, None, limit=50, text="schulden dakloos bezwaar")
        assert matches and all(m.organisatie.region == region for m in matches)


# --- the national fallback ---------------------------------------------------------------------


@pytest.mark.parametrize("gemeente", [None, "", "Amsterdam", "Bijlmer", "Utrecht"])
def test_unknown_or_uncovered_gemeenten_get_the_national_advice(kaart, gemeente):
    contacts = kaart.vandaag(gemeente, "onderdak", MONDAY_NOON)
    assert ids(contacts) == ["landelijk-gemeente-opvang"]
    assert contacts[0].advies and contacts[0].landelijk and contacts[0].phone is None
    assert "gemeente" in contacts[0].offer


def test_a_young_person_nowhere_covered_gets_the_kindertelefoon_first_while_it_is_open(kaart):
    contacts = kaart.vandaag("Amsterdam", "onderdak", MONDAY_NOON, young=True)
    assert ids(contacts) == ["kindertelefoon", "landelijk-gemeente-opvang"]
    assert contacts[0].open_now and contacts[0].phone == "0800-0432"
    assert ids(kaart.vandaag("Amsterdam", GROUP_YOUNG, MONDAY_NOON)) == ["kindertelefoon"]
    assert "kindertelefoon" not in ids(kaart.vandaag("Amsterdam", "onderdak", MONDAY_NOON, young=False))


def test_a_region_with_nothing_for_the_need_falls_back_to_the_national_list(kaart):
    # The example region only has a night shelter: an eviction in Huizen gets the national advice.
    assert ids(kaart.vandaag("Huizen", "uitzetting", MONDAY_NOON)) == \
        ids(kaart.vandaag("Amsterdam", "uitzetting", MONDAY_NOON))


def test_national_entries_marked_altijd_come_next_to_the_regions_own(kaart):
    goes = ids(kaart.vandaag("Goes", "energie", MONDAY_NOON))
    assert goes[0] == "vandaag-gemeente-goes"
    assert "landelijk-energieleverancier" in goes  # altijd: true
    assert "landelijk-gemeente-energie" not in goes  # the region names its own gemeente


# --- open now, at frozen moments ------------------------------------------------------------------


def kindertelefoon(kaart: SocialeKaart, now: datetime):
    return next(c for c in kaart.vandaag("Amsterdam", GROUP_YOUNG, now) if c.id == "kindertelefoon")


@pytest.mark.parametrize("hour, minute, open_now", [
    (10, 59, False), (11, 0, True), (15, 30, True), (20, 59, True), (21, 0, False), (2, 0, False),
])
def test_the_kindertelefoon_is_open_from_11_to_21(kaart, hour, minute, open_now):
    contact = kindertelefoon(kaart, at(7, hour, minute))
    assert contact.open_now is open_now
    assert contact.hours == "elke dag 11.00 tot 21.00 uur"


def test_when_closed_the_next_opening_is_given(kaart):
    assert kindertelefoon(kaart, at(7, 2)).opens == at(7, 11)
    assert kindertelefoon(kaart, at(7, 22)).opens == at(8, 11)
    assert kindertelefoon(kaart, at(7, 12)).opens is None


def test_open_now_uses_dutch_time_in_summer_and_winter(kaart):
    # 09:30 UTC is 10:30 in winter (closed) but 11:30 in summer time (open).
    assert not kindertelefoon(kaart, datetime(2026, 12, 7, 9, 30, tzinfo=timezone.utc)).open_now
    assert kindertelefoon(kaart, datetime(2026, 6, 8, 9, 30, tzinfo=timezone.utc)).open_now


def test_a_naive_moment_or_an_unknown_need_is_a_programming_error(kaart):
    with pytest.raises(ValueError, match="timezone-aware"):
        kaart.vandaag("Goes", "onderdak", datetime(2026, 12, 7, 12))
    with pytest.raises(ValueError, match="need must be one of"):
        kaart.vandaag("Goes", "slaapplek", MONDAY_NOON)
    assert set(NEEDS) == {*DETECTED_NEEDS, GROUP_YOUNG}


# --- a small kaart of our own: ordering and hours ------------------------------------------------


REGION_HEAD = 'region: Testregio\nchecked: "2026-11-25"\ngemeenten: [Middelburg, Veere]\norganisaties:\n' \
              '  - id: org\n    name: Org\n    offer: Helpt u.\n    leefgebieden: alle\n    doelgroepen: alle\n' \
              '    type: formeel\n    contact: {website: "https://org.example"}\n    hours: op afspraak\n'


def entry(id_: str, voor: str = "[onderdak]", hours: str | None = "dag en nacht", extra: str = "",
          phone: str | None = "0118 123456", website: str | None = None) -> str:
    """One `vandaag:` item, indented as in the files."""
    text = f"  - id: {id_}\n    name: Contact {id_}\n    voor: {voor}\n"
    if phone:
        text += f'    phone: "{phone}"\n'
    if website:
        text += f"    website: {website}\n"
    if hours is not None:
        text += f"    hours: {hours}\n" if not hours.startswith("\n") else f"    hours:{hours}"
    return text + f'    offer: Helpt u vandaag.\n    checked: "2026-12-06"\n' + extra


def write_region(folder: Path, *entries: str, name: str = "testregio.yml") -> Path:
    path = folder / name
    path.write_text(REGION_HEAD + ("vandaag:\n" + "".join(entries) if entries else ""), encoding="utf-8")
    return path


def write_landelijk(folder: Path, *entries: str) -> Path:
    path = folder / LANDELIJK_FILE
    path.write_text("vandaag:\n" + "".join(entries), encoding="utf-8")
    return path


def own(folder: Path, *entries: str, landelijk: tuple[str, ...] = ()) -> SocialeKaart:
    write_region(folder, *entries)
    if landelijk:
        write_landelijk(folder, *landelijk)
    return load_sociale_kaart(folder)


WEEKDAYS = '\n      maandag-vrijdag: "09:00-17:00"\n      zaterdag: "10:00-12:00"\n'
NIGHTS = '\n      maandag: "21:00-09:00"\n'


def test_open_ones_come_first_then_checked_before_examples(tmp_path):
    kaart = own(tmp_path,
                entry("kantoor", hours=WEEKDAYS),
                entry("voorbeeld-bed", extra="    voorbeeld: true\n"),
                entry("bed"))
    assert ids(kaart.vandaag("Middelburg", "onderdak", at(7, 22))) == ["bed", "voorbeeld-bed", "kantoor"]
    assert ids(kaart.vandaag("Middelburg", "onderdak", MONDAY_NOON)) == ["kantoor", "bed", "voorbeeld-bed"]


def test_hours_are_described_shortly(tmp_path):
    kaart = own(tmp_path, entry("kantoor", hours=WEEKDAYS), entry("bed"),
                entry("web", phone=None, website="https://web.example", hours=None))
    hours = {c.id: c.hours for c in kaart.vandaag("Veere", "onderdak", MONDAY_NOON)}
    assert hours == {"kantoor": "maandag tot en met vrijdag 9.00 tot 17.00 uur; zaterdag 10.00 tot 12.00 uur",
                     "bed": "dag en nacht", "web": ""}


@pytest.mark.parametrize("moment, open_now", [
    (at(7, 20, 59), False),   # Monday before it opens
    (at(7, 21), True),        # Monday evening
    (at(8, 3), True),         # the night from Monday to Tuesday
    (at(8, 8, 59), True),
    (at(8, 9), False),        # Tuesday morning: closed
    (at(8, 22), False),       # Tuesday evening: only Mondays
    (at(7, 3), False),        # the night from Sunday to Monday
])
def test_hours_past_midnight(tmp_path, moment, open_now):
    kaart = own(tmp_path, entry("nacht", hours=NIGHTS))
    contact = kaart.vandaag("Middelburg", "onderdak", moment)[0]
    assert contact.open_now is open_now
    assert contact.hours == "maandag 21.00 tot 9.00 uur"
    if not open_now:
        assert contact.opens is not None and contact.opens.hour == 21 and contact.opens.weekday() == 0


def test_young_people_only_entries(tmp_path):
    kaart = own(tmp_path, entry("jongerenopvang", voor="[onderdak, jongeren]"), entry("opvang"),
                entry("jongerenlijn", voor="[jongeren]"))
    assert ids(kaart.vandaag("Middelburg", "onderdak", MONDAY_NOON)) == ["opvang"]
    assert ids(kaart.vandaag("Middelburg", "onderdak", MONDAY_NOON, young=True)) == \
        ["jongerenopvang", "opvang", "jongerenlijn"]
    assert ids(kaart.vandaag("Middelburg", "eten", MONDAY_NOON, young=True)) == ["jongerenlijn"]
    assert ids(kaart.vandaag("Middelburg", GROUP_YOUNG, MONDAY_NOON)) == ["jongerenopvang", "jongerenlijn"]


def test_entry_gemeenten_and_the_national_fallback(tmp_path):
    kaart = own(tmp_path, entry("alleen-veere", extra="    gemeenten: [Veere]\n"),
                landelijk=(entry("advies", phone=None, hours=None, extra="    advies: true\n"),
                           entry("overal", phone=None, hours=None, website="https://overal.example",
                                 extra="    altijd: true\n")))
    assert ids(kaart.vandaag("veere", "onderdak", MONDAY_NOON)) == ["alleen-veere", "overal"]
    assert ids(kaart.vandaag("Middelburg", "onderdak", MONDAY_NOON)) == ["advies", "overal"]
    assert ids(kaart.vandaag("Amsterdam", "onderdak", MONDAY_NOON)) == ["advies", "overal"]
    assert ids(kaart.vandaag("Veere", "eten", MONDAY_NOON)) == []


def test_without_a_national_file_an_uncovered_gemeente_gets_an_empty_list(tmp_path):
    kaart = own(tmp_path, entry("bed"))
    assert kaart.landelijk == ()
    assert kaart.vandaag("Amsterdam", "onderdak", MONDAY_NOON) == []


def test_a_region_without_vandaag_still_loads(tmp_path):
    kaart = own(tmp_path)
    assert kaart.regions[0].vandaag == ()


def test_dag_en_nacht_may_be_written_in_capitals(tmp_path):
    kaart = own(tmp_path, entry("bed", hours="Dag en Nacht"))
    assert kaart.vandaag("Veere", "onderdak", MONDAY_NIGHT)[0].open_now


# --- errors name the file, the line and the field ---------------------------------------------------


def line_of(path: Path, needle: str, nth: int = 1) -> int:
    """The line (from 1) where the nth occurrence of needle starts; needle may span lines."""
    text = path.read_text(encoding="utf-8")
    starts = [m.start() for m in re.finditer(re.escape(needle), text)]
    return text.count("\n", 0, starts[nth - 1]) + 1


def expect_error(folder: Path, path: Path, needle: str, *words: str, nth: int = 1) -> str:
    with pytest.raises(SocialeKaartError) as info:
        load_sociale_kaart(folder)
    message = str(info.value)
    assert f"{path.name}, line {line_of(path, needle, nth)}:" in message, message
    for word in words:
        assert word in message, message
    return message


@pytest.mark.parametrize("entries, needle, words", [
    ((entry("a", voor="[onderdak, slaapplek]"),), "slaapplek]", ("vandaag entry 'a'", "unknown need 'slaapplek'")),
    ((entry("a", voor="[eten, eten]"),), "voor: [eten, eten]", ("lists 'eten' twice",)),
    ((entry("a", hours=None),), "phone:", ("vandaag entry 'a'", "field 'hours' is missing")),
    ((entry("a", hours='\n      maandag: "9-17"\n'),), 'maandag: "9-17"', ("hours.maandag must be like",)),
    ((entry("a", hours='\n      weekend: "10:00-12:00"\n'),), "weekend:", ("'weekend' is not a day",)),
    ((entry("a", hours='\n      vrijdag-maandag: "10:00-12:00"\n'),), "vrijdag-maandag", ("is not a day",)),
    ((entry("a", hours='\n      elke dag: "09:00-17:00"\n      zaterdag: gesloten\n'),), "zaterdag:",
     ("zaterdag is given twice",)),
    ((entry("a", hours='\n      maandag: "09:00-09:00"\n'),), "maandag:", ("opens and closes at the same time",)),
    ((entry("a", hours='\n      maandag: "25:00-26:00"\n'),), "maandag:", ("does not exist",)),
    ((entry("a", hours='\n      maandag: "13:00-17:00, 09:00-12:00"\n'),), "maandag:", ("not in order",)),
    ((entry("a", hours='\n      maandag: gesloten\n'),), "maandag: gesloten", ("has no open time",)),
    ((entry("a", hours="altijd open"),), "hours: altijd open", ("hours must be 'dag en nacht'",)),
    ((entry("a", phone=None, hours=None),), "- id: a", ("needs a phone or a website", "advies: true")),
    ((entry("a", phone="bel ons"),), "phone:", ("phone 'bel ons' is not valid",)),
    ((entry("a", phone=None, website="www.a.nl"),), "website: www.a.nl", ("website 'www.a.nl' is not valid",)),
    ((entry("a", extra="    voorbeeld: misschien\n"),), "voorbeeld:", ("voorbeeld must be true or false",)),
    ((entry("a", extra="    gemeenten: [Goes]\n"),), "gemeenten: [Goes]", ("'Goes' is not one of this region's",)),
    ((entry("a", extra="    altijd: true\n"),), "altijd:", ("unknown field 'altijd'",)),
    ((entry("a").replace('"2026-12-06"', "gisteren"),), "checked: gisteren", ("checked must be a date",)),
    ((entry("a").replace("Helpt u vandaag.", " ".join(["woord"] * 21)),), "offer: woord", ("21 words",)),
    ((entry("a").replace("    offer: Helpt u vandaag.\n", ""),), "- id: a", ("field 'offer' is missing",)),
    ((entry("org"),), "  - id: org\n    name: Contact", ("id 'org' is used twice", "first at line 5")),
    ((entry("a"), entry("a")), "- id: a", ("id 'a' is used twice",)),
])
def test_a_bad_vandaag_entry_names_file_line_and_field(tmp_path, entries, needle, words):
    path = write_region(tmp_path, *entries)
    nth = 2 if entries[0].startswith("  - id: a\n") and len(entries) == 2 else 1
    expect_error(tmp_path, path, needle, *words, nth=nth)


def test_an_empty_vandaag_list_is_refused(tmp_path):
    path = tmp_path / "testregio.yml"
    path.write_text(REGION_HEAD + "vandaag: []\n", encoding="utf-8")
    expect_error(tmp_path, path, "vandaag: []", "vandaag must be a non-empty list")


def test_the_national_file_has_no_gemeenten(tmp_path):
    write_region(tmp_path, entry("bed"))
    path = write_landelijk(tmp_path, entry("advies", extra="    gemeenten: [Veere]\n"))
    expect_error(tmp_path, path, "gemeenten:", "unknown field 'gemeenten'")


def test_the_national_file_needs_a_vandaag_list(tmp_path):
    write_region(tmp_path)
    path = tmp_path / LANDELIJK_FILE
    path.write_text("region: Nederland\n", encoding="utf-8")
    expect_error(tmp_path, path, "region:", "unknown field 'region'")
    path.write_text("# leeg\nvandaag:\n", encoding="utf-8")
    with pytest.raises(SocialeKaartError, match=r"landelijk.yml, line 2: field 'vandaag' is missing"):
        load_sociale_kaart(tmp_path)


def test_an_id_may_not_repeat_across_the_national_and_a_region_file(tmp_path):
    write_landelijk(tmp_path, entry("bed"))
    path = write_region(tmp_path, entry("bed"))
    message = expect_error(tmp_path, path, "- id: bed", "id 'bed' is also used in")
    assert LANDELIJK_FILE in message


def test_the_national_file_alone_is_not_a_kaart(tmp_path):
    write_landelijk(tmp_path, entry("bed"))
    with pytest.raises(SocialeKaartError, match="no region files"):
        load_sociale_kaart(tmp_path)


def test_the_shipped_national_file_with_a_typo_is_refused_with_its_line(tmp_path):
    write_region(tmp_path)
    text = (FOLDER / LANDELIJK_FILE).read_text(encoding="utf-8")
    broken = write_landelijk(tmp_path)
    broken.write_text(text.replace('elke dag: "11:00-21:00"', 'elke dag: "11-21"'), encoding="utf-8")
    expect_error(tmp_path, broken, 'elke dag: "11-21"', "vandaag entry 'kindertelefoon'", "hours.elke dag")
