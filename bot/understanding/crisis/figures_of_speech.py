"""Figurative death, violence and madness language ("doodmoe", "ik schrok me dood", "this is
killing me"): never crisis on its own; is_near_miss() lets the caller veto a model's crisis guess.
"""
from __future__ import annotations

import re
from typing import Final

from bot.understanding.crisis.patterns import _A, _F


# Figurative death, violence and madness language: never crisis on its own.
NEAR_MISSES: Final[list[tuple[str, re.Pattern[str]]]] = [
    ("nm.dood_als_versterker", _F(
        r"\bdood ?(?:moe|op|ziek|eng|gewoon|normaal|stil|leuk|serieus|zonde|saai|nerveus|"
        r"zenuwachtig|benauwd|ongerust)\b|\bdoods ?(?:bang|benauwd)\b")),
    ("nm.me_dood", _F(
        r"\b(?:schrik|schrok|schrokken|schrikken|lach|lachte|lachen|verveel|verveelde|vervelen|erger|"
        r"ergerde|ergeren|werk|werkte|werken|schaam|schaamde|zoek|zocht|betaal|betaalde|pieker|eet|"
        r"zweet|vries|loop|liep)(?: \w+){0,3} (?:me|mij|ons|zich|je|mezelf)" + _A + r" dood\b"
        r"|\b(?:me|mij|ons|zich|je|mezelf)" + _A + r" dood ?(?:geschrokken|gelachen|geergerd|"
        r"verveeld|gewerkt|geschaamd|gezocht|betaald|gelopen)\b"
        r"|\bdood ?(?:geschrokken|gelachen|gewerkt|verveeld)\b|\bdood ?lach[a-z]*|\bdoodschrikken\b")),
    ("nm.dood_van", _F(
        r"\b(?:ga|gaat|gaan|ging|gingen|bijna|half|zowat)(?: \w+){0,2} dood (?:van|door|aan) ")),
    ("nm.sterven_van", _F(
        r"\b(?:sterf|sterft|sterven|stierf)(?: \w+){0,2} (?:van|of) (?:de |het )?(?:honger|dorst|kou|"
        r"warmte|hitte|verveling|schaamte|lachen|nieuwsgierigheid|zenuwen|slaap|hunger)\b")),
    ("nm.dodelijk", _F(
        r"\bdodelijk (?:saai|vermoeiend|vervelend|irritant|eng|serieus|nauwkeurig|vermoeid)\b"
        r"|\bmoordend[a-z]*\b|\bmoord ?(?:weer|dag|feest|wijf|kerel|vent|baan|tempo)\b")),
    ("nm.vermoordt_me", _F(
        r"\bvermoordt (?:me|mij|ons)\b|\bkan (?:hem|haar|je|ze|hen|jullie) wel (?:vermoorden|wurgen|"
        r"schieten|villen|killen|afmaken)\b")),
    ("nm.maakt_me_af", _F(
        r"\b(?:maakt|maken|maakten|maakte) (?:me|mij|ons)(?: (?:echt|helemaal|gewoon|nog))* "
        r"(?:af|kapot|gek|gesloopt)\b")),
    ("nm.gek", _F(
        r"\bom gek (?:van )?te worden\b|\bword(?:t|en)?(?: \w+){0,2} (?:gek|knettergek|stapelgek|"
        r"gestoord|krankzinnig|horendol)\b|\b(?:maakt|maken|maak) (?:me|mij|ons)(?: \w+){0,2} "
        r"(?:gek|horendol|knettergek)\b|\bgek (?:van|maken|geworden)\b|\bkrankzinnig\b")),
    ("nm.figuurlijk_geweld", _F(
        r"\bslaat (?:de spijker|alarm|nergens op|de plank mis|op hol|een flater)\b"
        r"|\bvoor (?:mijn|de|zijn|haar) (?:kop|hoofd) (?:slaan|geslagen)\b"
        r"|\bschiet (?:me|mij) een hoedje\b|\bhart stond(?: \w+){0,2} stil\b"
        r"|\bslaat (?:me|mij) (?:met stomheid|uit het veld)\b")),
    ("nm.zelfmoordactie", _F(
        r"\b(?:zelf ?moor[dt]) ?(?:actie|acties|missie|aanslag|aanslagen|terrorist[a-z]*|commando|"
        r"squad|vest|drone[a-z]*)\b|\bsuicide (?:mission|squad|run|doors?|bomber|drill)\b")),
    # Issue 24: figures of speech and near-accidents residents use in messy text.
    ("nm.alledaags", _F(
        r"\b(?:water|h2o) (?:staat|stond|komt|kwam)(?: \w+){0,3} (?:aan|tot aan|tot) (?:de|me|mijn|mn) ?lippe?n?\b"
        r"|\b(?:vermoord|vermoordt|maakt|maak)(?: \w+){0,2} (?:me|mij|jou|je) (?:dood )?als\b"
        r"|\b(?:de dood|het graf) (?:in ?jagen|injagen|in jaagt)\b|\bover mijn lijk\b"
        r"|\bbijna (?:gevallen|gevalle|gestruikeld|uitgegleden|van de (?:trap|ladder) gevallen)\b"
        r"|\ber is (?:niks|niets) (?:ergs )?gebeurd\b|\bschrik(?:ken)? me (?:een hoedje|rot|wezenloos)\b"
        r"|\bverschoot me\b|\bik (?:word|wordt) (?:soms |echt )?zot\b"
        # "ik zit diep in de shit, heb alles vergokt" (residents' round 41: the full 113 reply by both models)
        r"|\b(?:zit|zitten|zat|zaten|ben|zijn|beland|belandt|kom|kwam|raak|raakte)(?: \w+){0,3} "
        r"(?:diep |echt |flink |helemaal |goed |zwaar )*in de (?:shit|stront|penarie|puree|nesten|knoei)\b")),
    # Shutting oneself out of gambling ("kan ik mezelf blokkeren voor gokken", residents' round 42: the
    # suicide question for "mezelf").
    ("nm.zelfuitsluiting", _F(
        r"\b(?:mezelf|mijzelf|me|myself) (?:laten |kan |te )?(?:blokkeren|uitsluiten|uit (?:te )?sluiten|inschrijven|"
        r"registreren|block|ban|exclude)\b(?:(?: \w+){0,4} (?:gok\w*|casino\w*|cruks|gambl\w*|bet\w*))?")),
    # Frustration with the assistant itself (residents' tests, 2026-12-06): "dat heb ik al gezegd".
    ("nm.frustratie", _F(
        r"\b(?:dat|het) (?:heb|had) ik (?:\w+ ){0,5}?(?:toch |net |al |toch al |net al )+(?:gezegd|verteld|geschreven|getypt|gegeven|ingevuld|gestuurd|genoemd)\b"
        r"|\b(?:heb|had) ik (?:u |je |jullie )?(?:toch |net |al |zojuist |eerder )+(?:gezegd|verteld|geschreven|getypt|gegeven|ingevuld|gestuurd|genoemd)\b"
        r"|\bik (?:zei|zeg|schreef) (?:het |dat )?(?:toch|net|al)(?: al| net)?\b|\bdat (?:zei|zeg|schreef|typte) ik (?:toch|net|al|zojuist|net al)\b"
        r"|\b(?:je|u) (?:snapt|begrijpt) (?:het|me|mij) (?:toch |echt )?(?:niet|nie)\b|\bwaar haalt u dat vandaan\b"
        # "Ik vind het niet prettig dat U dat steeds vraagt", "waarom vraag je dat nou weer?"
        r"|\b(?:dat|waarom) (?:u|je|jij|jullie) (?:dat|dit|het|me|mij)? ?(?:steeds|telkens|weer|nou|nu|elke keer|alweer)(?: weer)? (?:vraagt|vragen|vraag)\b"
        r"|\bwaarom (?:vraagt|vraag) (?:u|je|jij|jullie) (?:dat|dit|het)\b"
        # "zaandam zei ik toch al in het begin", "nu snap ik er helemaal niks meer van" (residents' round 43:
        # both got the safety check)
        r"|\b(?:zei|schreef|typte) ik (?:toch|net|al)\b|\b(?:nu )?snap ik (?:er )?(?:helemaal |echt )?(?:niks|niets) (?:meer )?van\b")),
    # Fear of falling, of the stairs or in the street ("Ik ben bang dat ik eens val", residents' round 43).
    ("nm.bang_om_te_vallen", _F(
        r"\bbang (?:dat ik|om te|dat hij|dat ze|dat zij)(?: \w+){0,4} (?:val|valt|vallen)\b|\bvalgevaar\b")),
    ("nm.moe", _F(r"^(?:(?!\b(?:dood|leven|wakker|stoppen|weg|ophouden|suicidaal|zelfmoord\w*|zelfdoding)\b).)*\b(?:ik ben|ben) (?:gewoon |zo |heel |echt |erg |ontzettend |doodop |)*(?:moe|uitgeput|op)\b(?:(?!\b(?:dood|leven|wakker|stoppen|weg|ophouden|suicidaal|zelfmoord\w*|zelfdoding)\b).)*$")),
    ("nm.ik_ben_kapot", _F(
        r"\bik ben (?:helemaal |echt |zo )?(?:kapot|op|gesloopt)(?= (?:[.,]|(?:van|na|want)\b)|$)")),
    ("nm.en_killing", _F(
        r"\bkilling it\b|\b(?:this|that|it|its|work|job|heat|traffic|boss|exam|exams|school|feet|back|"
        r"wait|commute|kids|weather|bill|bills|rent|prices)(?: \w+){0,2} (?:is |are |s |re |keeps |"
        r"keep )?killing me\b|\bkill(?:s|ing)? me (?:with|softly)\b")),
    ("nm.en_dead", _F(
        r"\bdead (?:tired|on my feet|beat)\b|\bim (?:so |literally )?dead\b(?= ?(?:$|[.,]|lol|haha|lmao))"
        r"|\b(?:bored|scared|worried|freezing)(?: me)? to death\b|\bdying (?:of|from|to)\b"
        r"|\b(?:could|nearly|almost|literally) die(?:d)? (?:of|from|laughing)\b|\bto die for\b"
        r"|\bdied laughing\b|\bkilling myself (?:laughing|at work)\b")),
    # A tax assessment ("voorlopige aanslag", "aanslag gemeentelijke belastingen"): residents' round 40,
    # an expat's question about one got the suicide check three times.
    ("nm.belastingaanslag", _F(
        r"\b(?:voorlopige|definitieve|navorderings|belasting|gemeentelijke|waterschaps|ozb|te betalen) ?aanslag\w*\b"
        r"|\baanslag(?:en)? (?:inkomstenbelasting|ib|belasting|gemeentelijke belastingen|waterschapsbelasting|ozb|"
        r"afvalstoffenheffing|rioolheffing|motorrijtuigenbelasting|van de belastingdienst)\b")),
    ("nm.en_crazy", _F(
        r"\b(?:drives?|driving) me (?:crazy|nuts|mad|insane|up the wall)\b"
        r"|\bgoing (?:crazy|insane|nuts|mad)\b|\bi could kill (?:him|her|you|them)\b")),
]
