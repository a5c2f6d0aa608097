import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

import bot.municipality.gemeenten as gemeenten
from bot.municipality.gemeenten import (
    GEMEENTEN_FILE,
    GemeentenDataError,
    all_gemeenten,
    find_gemeente,
    load_gemeenten,
    normalise,
    suggestions,
)
from bot.ops.settings import PROJECT_ROOT

# Municipalities per province on 1 January 2026 (CBS gemeentelijke indeling).
PROVINCE_COUNTS = {
    "Groningen": 10, "Friesland": 18, "Drenthe": 12, "Overijssel": 25, "Flevoland": 6,
    "Gelderland": 51, "Utrecht": 26, "Noord-Holland": 44, "Zuid-Holland": 50, "Zeeland": 13,
    "Noord-Brabant": 56, "Limburg": 31,
}


@pytest.fixture(autouse=True)
def fresh_cache():
    gemeenten._default.cache_clear()
    yield
    gemeenten._default.cache_clear()


# --- the list ---------------------------------------------------------------------------------


def test_the_list_has_342_municipalities_on_1_january_2026():
    data = load_gemeenten(GEMEENTEN_FILE)
    assert data.peildatum == date(2026, 1, 1)
    assert len(all_gemeenten()) == 342
    assert len(set(all_gemeenten())) == 342
    assert {p: len(names) for p, names in data.provincies.items()} == PROVINCE_COUNTS


@pytest.mark.parametrize("name", [
    "Voorne aan Zee", "Dijk en Waard", "Land van Cuijk", "Maashorst", "Eemsdelta", "Purmerend",
    "'s-Gravenhage", "'s-Hertogenbosch", "Nuenen, Gerwen en Nederwetten", "Bergen (L.)",
    "Bergen (NH.)", "Súdwest-Fryslân", "Noardeast-Fryslân", "De Fryske Marren", "Tytsjerksteradiel",
    "Vijfheerenlanden", "Hoeksche Waard", "Het Hogeland", "Westerkwartier", "Beekdaelen",
    "IJsselstein", "Oude IJsselstreek", "Reusel-De Mierden", "Rozendaal", "Schiermonnikoog",
])
def test_recent_and_tricky_names_are_on_the_list(name):
    assert name in all_gemeenten()
    assert find_gemeente(name) == name


@pytest.mark.parametrize("former", [
    "Brielle", "Hellevoetsluis", "Westvoorne", "Heerhugowaard", "Langedijk", "Boxmeer", "Cuijk",
    "Grave", "Sint Anthonis", "Mill en Sint Hubert", "Landerd", "Uden", "Weesp", "Beemster",
    "Appingedam", "Delfzijl", "Loppersum", "Haaren", "Haarlemmerliede en Spaarnwoude", "Nuth",
])
def test_merged_municipalities_are_not_on_the_list(former):
    assert former not in all_gemeenten()


def test_every_name_is_found_back_exactly():
    for name in all_gemeenten():
        assert find_gemeente(name) == name, name


def test_the_list_is_sorted_for_showing():
    names = all_gemeenten()
    assert list(names) == sorted(names, key=normalise)
    assert names[0] == "Aa en Hunze"


def test_the_list_is_read_on_first_use_not_at_import():
    script = (
        "import pathlib\n"
        "read = []\n"
        "original = pathlib.Path.read_text\n"
        "def spy(self, *args, **kwargs):\n"
        "    read.append(self.name)\n"
        "    return original(self, *args, **kwargs)\n"
        "pathlib.Path.read_text = spy\n"
        "import bot.municipality.gemeenten\n"
        "assert 'gemeenten.yml' not in read, read\n"
        "assert bot.municipality.gemeenten.find_gemeente('Utrecht') == 'Utrecht'\n"
        "assert read.count('gemeenten.yml') == 1, read\n"
        "bot.municipality.gemeenten.find_gemeente('Zwolle')\n"
        "assert read.count('gemeenten.yml') == 1, read\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=PROJECT_ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_a_broken_file_fails_where_it_is_used_and_names_the_file(monkeypatch, tmp_path):
    monkeypatch.setattr(gemeenten, "GEMEENTEN_FILE", tmp_path / "weg.yml")
    with pytest.raises(GemeentenDataError, match="weg.yml"):
        find_gemeente("Utrecht")


# --- finding what residents type -------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("utrecht", "Utrecht"),
    ("UTRECHT", "Utrecht"),
    ("  Zwolle. ", "Zwolle"),
    ("Sudwest Fryslan", "Súdwest-Fryslân"),
    ("súdwest-fryslân", "Súdwest-Fryslân"),
    ("noardeast fryslan", "Noardeast-Fryslân"),
    ("Ijsselstein", "IJsselstein"),
    ("hendrik ido ambacht", "Hendrik-Ido-Ambacht"),
    ("HendrikIdoAmbacht", "Hendrik-Ido-Ambacht"),
    ("Capelle a/d IJssel", "Capelle aan den IJssel"),
    ("Alphen a.d. Rijn", "Alphen aan den Rijn"),
    ("Valkenburg a/d Geul", "Valkenburg aan de Geul"),
    ("nuenen gerwen en nederwetten", "Nuenen, Gerwen en Nederwetten"),
    ("Bergen NH", "Bergen (NH.)"),
    ("bergen (l)", "Bergen (L.)"),
    ("Bergen Noord-Holland", "Bergen (NH.)"),
    ("Bergen op Zoom", "Bergen op Zoom"),
])
def test_case_accents_hyphens_and_spaces_do_not_matter(text, expected):
    assert find_gemeente(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("gemeente Utrecht", "Utrecht"),
    ("Gemeente Súdwest-Fryslân", "Súdwest-Fryslân"),
    ("ik woon in Ede", "Ede"),
    ("Ik woon in de gemeente Tilburg", "Tilburg"),
    ("wij wonen in Zaanstad", "Zaanstad"),
    ("ik kom uit Venlo", "Venlo"),
    ("woonplaats: Goes", "Goes"),
    ("ik woon in Uitgeest", "Uitgeest"),
    ("In Hoorn", "Hoorn"),
])
def test_lead_in_words_are_ignored(text, expected):
    assert find_gemeente(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Den Haag", "'s-Gravenhage"),
    ("den haag", "'s-Gravenhage"),
    ("denhaag", "'s-Gravenhage"),
    ("'s-Gravenhage", "'s-Gravenhage"),
    ("s gravenhage", "'s-Gravenhage"),
    ("The Hague", "'s-Gravenhage"),
    ("den bosch", "'s-Hertogenbosch"),
    ("Den Bosch", "'s-Hertogenbosch"),
    ("'s-Hertogenbosch", "'s-Hertogenbosch"),
    ("’s Hertogenbosch", "'s-Hertogenbosch"),
    ("Nuenen", "Nuenen, Gerwen en Nederwetten"),
    ("Voorburg", "Leidschendam-Voorburg"),
    ("Volendam", "Edam-Volendam"),
    ("Sittard", "Sittard-Geleen"),
    ("Zuidwest-Friesland", "Súdwest-Fryslân"),
    ("De Friese Meren", "De Fryske Marren"),
])
def test_common_short_and_everyday_names(text, expected):
    assert find_gemeente(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Hellevoetsluis", "Voorne aan Zee"),
    ("Brielle", "Voorne aan Zee"),
    ("Heerhugowaard", "Dijk en Waard"),
    ("Uden", "Maashorst"),
    ("Boxmeer", "Land van Cuijk"),
    ("Weesp", "Amsterdam"),
    ("Delfzijl", "Eemsdelta"),
])
def test_former_municipalities_lead_to_the_current_one(text, expected):
    assert find_gemeente(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Amersfort", "Amersfoort"),     # letter missing
    ("Rotterdm", "Rotterdam"),
    ("Utercht", "Utrecht"),          # two letters swapped
    ("Eindhovem", "Eindhoven"),      # wrong letter
    ("Nijmegenn", "Nijmegen"),       # letter too many
    ("Heerhugowaart", "Dijk en Waard"),  # typo in a former name
    ("ik woon in Groningn", "Groningen"),
])
def test_one_small_typo_in_a_longer_name_is_forgiven(text, expected):
    assert find_gemeente(text) == expected


@pytest.mark.parametrize("text", [
    "Heerden",   # one letter from both Heerde and Heerlen
    "Almero",    # one letter from both Almere and Almelo
    "Bergen",    # Bergen (L.) or Bergen (NH.)
    "Alphen",    # Alphen aan den Rijn or Alphen-Chaam
    "Krimpen",
])
def test_ambiguous_answers_give_none(text):
    assert find_gemeente(text) is None


@pytest.mark.parametrize("text", [
    "Ooss",       # short names get no typo tolerance: too many near neighbours
    "Eed",
    "Groning",    # two letters off
    "Amsterdammm",
])
def test_short_names_or_bigger_typos_are_not_guessed(text):
    assert find_gemeente(text) is None


@pytest.mark.parametrize("text", [
    "Parijs", "Antwerpen", "Nergenshuizen", "Bonaire", "Friesland", "Noord-Holland", "Nederland",
    "ik weet het niet", "", "   ", "gemeente", "ik woon in", "1234 AB",
])
def test_unknown_places_give_none(text):
    assert find_gemeente(text) is None


# --- suggestions ------------------------------------------------------------------------------


def test_suggestions_offer_the_candidates_of_an_ambiguous_answer():
    assert set(suggestions("Bergen")[:2]) == {"Bergen (L.)", "Bergen (NH.)"}
    assert set(suggestions("Alphen")[:2]) == {"Alphen aan den Rijn", "Alphen-Chaam"}
    assert set(suggestions("Almero")[:2]) == {"Almere", "Almelo"}
    assert set(suggestions("Heerden")) >= {"Heerde", "Heerlen"}


def test_suggestions_help_with_bigger_typos():
    assert suggestions("Groning")[0] == "Groningen"
    assert suggestions("Zwol")[0] == "Zwolle"
    assert suggestions("Amsterdammm")[0] == "Amsterdam"
    assert suggestions("ik woon in Apeldorn")[0] == "Apeldoorn"


def test_suggestions_put_an_exact_answer_first_and_respect_n():
    assert suggestions("Den Haag")[0] == "'s-Gravenhage"
    assert len(suggestions("Bergen", n=1)) == 1
    assert len(suggestions("Bergen", n=5)) <= 5
    assert suggestions("Bergen", n=0) == ()


@pytest.mark.parametrize("text", ["Parijs", "xyz", "", "ik weet het niet"])
def test_no_suggestions_for_what_is_nowhere_near(text):
    assert suggestions(text) == ()


def test_suggestions_are_official_names():
    official = set(all_gemeenten())
    for text in ("Bergen", "Hellevoetslus", "den bos", "Sudwest", "Krimpen"):
        assert set(suggestions(text)) <= official


# --- a broken data file -----------------------------------------------------------------------


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "gemeenten.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(GemeentenDataError, match="ontbreekt.yml"):
        load_gemeenten(tmp_path / "ontbreekt.yml")


def test_malformed_yaml_is_named(tmp_path):
    path = _write(tmp_path, "provincies: [Utrecht\n")
    with pytest.raises(GemeentenDataError, match=r"gemeenten.yml.*cannot be read"):
        load_gemeenten(path)


def test_a_wrong_count_is_refused(tmp_path):
    text = GEMEENTEN_FILE.read_text(encoding="utf-8").replace("aantal: 342", "aantal: 343")
    with pytest.raises(GemeentenDataError, match=r"gemeenten.yml.*'aantal' is 343 but 342"):
        load_gemeenten(_write(tmp_path, text))


def test_a_duplicate_is_refused(tmp_path):
    text = GEMEENTEN_FILE.read_text(encoding="utf-8").replace("    - Zwolle\n", "    - Zwolle\n    - zwolle\n")
    with pytest.raises(GemeentenDataError, match="listed twice"):
        load_gemeenten(_write(tmp_path, text))


def test_an_alias_to_an_unknown_municipality_is_refused(tmp_path):
    text = GEMEENTEN_FILE.read_text(encoding="utf-8").replace("Weesp: Amsterdam", "Weesp: Amsterdm")
    with pytest.raises(GemeentenDataError, match=r"alias 'Weesp'.*'Amsterdm'"):
        load_gemeenten(_write(tmp_path, text))


def test_an_alias_that_clashes_with_an_official_name_is_refused(tmp_path):
    text = GEMEENTEN_FILE.read_text(encoding="utf-8").replace("Weesp: Amsterdam", "Zwolle: Amsterdam")
    with pytest.raises(GemeentenDataError, match="clashes"):
        load_gemeenten(_write(tmp_path, text))


@pytest.mark.parametrize("text, message", [
    ("- Utrecht\n", "mapping at the top"),
    ("peildatum: gisteren\naantal: 1\nprovincies:\n  Utrecht: [Utrecht]\n", "peildatum"),
    ("peildatum: 2026-01-01\naantal: 1\n", "provincies"),
    ("peildatum: 2026-01-01\naantal: 1\nprovincies:\n  Vlaanderen: [Gent]\n", "Vlaanderen"),
    ("peildatum: 2026-01-01\naantal: 1\nprovincies:\n  Utrecht: [Utrecht, 12]\n", "provincies.Utrecht"),
    ("peildatum: 2026-01-01\naantal: 1\nprovincies:\n  Utrecht: [Utrecht]\naliassen: [x]\n", "aliassen"),
])
def test_structural_errors_name_the_file_and_the_field(tmp_path, text, message):
    with pytest.raises(GemeentenDataError, match=message) as error:
        load_gemeenten(_write(tmp_path, text))
    assert "gemeenten.yml" in str(error.value)


def test_a_small_valid_file_works_on_its_own(tmp_path):
    path = _write(tmp_path, "peildatum: 2026-01-01\naantal: 2\nprovincies:\n"
                            "  Utrecht: [Utrecht, De Bilt]\naliassen:\n  Bilthoven: De Bilt\n")
    data = load_gemeenten(path)
    assert data.names == ("De Bilt", "Utrecht")
    assert data.find("bilthoven") == "De Bilt"
    assert data.find("Amsterdam") is None
