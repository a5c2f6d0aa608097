"""Crisis rules in Arabic, Turkish, Polish, Ukrainian, Tigrinya (and Russian, answered in English).

Why a list of its own: the Dutch rules (bot/understanding/crisis/) are built on Dutch words, and the intent
model never saw these languages. A message that one of these rules hears gets the same route as a
Dutch rule (bot/understanding/routing.py), so the full crisis reply, in the resident's language. Each rule also
tells the language it is written in: "я хочу вмерти" has no letter that only Ukrainian has.
The patterns are written by the team and must be checked by a native speaker (docs/languages.md);
they are matched on a folded text (no diacritics, no Arabic vowel marks, one apostrophe).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from bot.understanding.crisis import CrisisSignal
from bot.understanding.werkmodel import ROUTE_CRISIS_112, ROUTE_CRISIS_113, ROUTE_CRISIS_VEILIG_THUIS

_113, _112, _VT = ROUTE_CRISIS_113, ROUTE_CRISIS_112, ROUTE_CRISIS_VEILIG_THUIS


@dataclass(frozen=True)
class LanguageSignal:
    language: str
    signal: CrisisSignal


# (language, route, rule id, pattern on the folded text). Acute danger first.
_RULES: tuple[tuple[str, str, str, str], ...] = (
    # Arabic (folded: أ إ آ -> ا, ى -> ي, ة -> ه, no harakat)
    ("ar", _112, "doodt_mij", r"(?:يريد|يبي|سوف|س)\s*(?:ان\s+)?يقتلني|هددني\s+بالقتل|سيقتلني"),
    ("ar", _112, "ademt_niet", r"لا\s+(?:يتنفس|تتنفس)|فاقد\s+الوعي"),
    ("ar", _112, "pillen", r"(?:بلعت|ابتلعت|اخذت|شربت)\s+(?:كل\s+|علبه\s+)?(?:الحبوب|حبوب|الادويه|الدواء)"),
    ("ar", _113, "wil_dood", r"(?:اريد|ابي|بدي|اود)\s+(?:ان\s+)?(?:اموت|الموت)|اتمني\s+(?:ان\s+)?(?:اموت|الموت)"),
    ("ar", _113, "mezelf_doden", r"(?:اقتل|قتل|سأقتل|ساقتل|اؤذي|اذي)\s+نفسي|انتحر|الانتحار|انتحار"),
    ("ar", _113, "niet_leven", r"لا\s+(?:اريد|ابي|بدي)\s+(?:ان\s+اعيش|العيش|الحياه)|(?:انهي|انهاء)\s+حياتي"),
    ("ar", _VT, "slaat_mij", r"(?:يضربني|يضربنا|تضربني|يضرب\s+(?:اطفالي|اولادي|ابني|بنتي|امي|زوجتي))"),
    ("ar", _VT, "geweld_thuis", r"عنف\s+(?:منزلي|اسري)|(?:يهددني|يؤذيني|يعنفني)|اغتصبني|اغتصاب"),
    # Turkish (folded: ş->s ğ->g ı->i ö->o ü->u ç->c)
    ("tr", _112, "doodt_mij", r"\bbeni\s+(?:oldurecek|olduruyor|oldurmek\s+istiyor)"),
    ("tr", _112, "ademt_niet", r"\bnefes\s+almiyor|\bbilinci\s+yok"),
    ("tr", _112, "pillen", r"\b(?:butun|tum|cok)\s+(?:haplari|hap|ilaclari|ilac)\s+(?:ictim|yuttum|aldim)"),
    ("tr", _113, "mezelf_doden", r"\bkendimi\s+(?:oldur\w*|asmak|asacagim)|\bintihar"),
    ("tr", _113, "wil_dood", r"\bolmek\s+istiyorum|\bolsem\s+daha\s+iyi|\bolmeyi\s+dusunuyorum"),
    ("tr", _113, "niet_leven", r"\b(?:artik\s+)?yasamak\s+istemiyorum|\bhayatima\s+son\s+ver"),
    ("tr", _VT, "slaat_mij", r"\b(?:beni|bizi|cocuklarimi|cocugumu)\s+(?:dovuyor|dovdu|dover|vuruyor|dovecek)"),
    ("tr", _VT, "geweld_thuis", r"\b(?:ev\s+ici|aile\s+ici|evde)\s+siddet|\bbana\s+siddet|\bbeni\s+tehdit\s+ediyor|\btecavuz"),
    # Polish (folded: ą->a ę->e ł->l ń->n ó->o ś->s ź ż->z ć->c)
    ("pl", _112, "doodt_mij", r"\b(?:chce\s+mnie\s+zabic|zabije\s+mnie|grozi\s+ze\s+mnie\s+zabije)"),
    ("pl", _112, "ademt_niet", r"\bnie\s+oddycha|\bjest\s+nieprzytomn"),
    ("pl", _112, "pillen", r"\b(?:polknal\w*|wzial\w*|zazyl\w*)\s+(?:wszystkie\s+|cale\s+opakowanie\s+)?(?:tabletki|leki|pigulki)|\bprzedawkowal"),
    ("pl", _113, "mezelf_doden", r"\b(?:chce\s+sie\s+zabic|zabije\s+sie|zabic\s+sie|samobojstw\w*|odebrac\s+sobie\s+zycie|skoncze\s+ze\s+soba)"),
    ("pl", _113, "wil_dood", r"\bchce\s+umrzec|\bwolal\w*\s+(?:bym\s+)?umrzec|\bmysle\s+o\s+smierci"),
    ("pl", _113, "niet_leven", r"\bnie\s+chce\s+(?:juz\s+)?zyc"),
    ("pl", _VT, "slaat_mij", r"\b(?:bije|uderza|pobil\w*|kopie)\s+(?:mnie|nas|dzieci|moje\s+dziecko)|\b(?:mnie|nas)\s+(?:bije|pobil)"),
    ("pl", _VT, "geweld_thuis", r"\bprzemoc\w*\s+(?:domow\w*|w\s+domu)|\bgrozi\s+mi\b|\bzgwalcil|\bgwalt"),
    # Ukrainian (folded apostrophes)
    ("uk", _112, "doodt_mij", r"хоче\s+(?:мене\s+)?вбити|вб'є\s+мене|погрожує\s+вбити"),
    ("uk", _112, "ademt_niet", r"не\s+дихає|знепритомн"),
    ("uk", _112, "pillen", r"(?:випив|випила|ковтнув|ковтнула)\s+(?:всі|усі)\s+(?:таблетки|ліки)"),
    ("uk", _113, "mezelf_doden", r"вбити\s+себе|вб'ю\s+себе|покінчити\s+(?:з\s+)?собою|покінчу\s+з\s+собою|самогубств|накласти\s+на\s+себе\s+руки"),
    ("uk", _113, "wil_dood", r"хочу\s+(?:вмерти|померти)"),
    ("uk", _113, "niet_leven", r"не\s+хочу\s+(?:більше\s+)?жити"),
    ("uk", _VT, "slaat_mij", r"(?:б'є|побив|побила|б'ють)\s+(?:мене|нас|дітей|дитину)|мене\s+(?:б'є|побив)"),
    ("uk", _VT, "geweld_thuis", r"домашнє\s+насильство|насильство\s+вдома|погрожує\s+мені|згвалтув"),
    # Russian: "another language", answered in English with the numbers
    ("ru", _112, "doodt_mij", r"хочет\s+(?:меня\s+)?убить|убьет\s+меня|убьёт\s+меня"),
    ("ru", _112, "ademt_niet", r"не\s+дышит"),
    ("ru", _113, "mezelf_doden", r"убить\s+себя|покончить\s+с\s+собой|покончу\s+с\s+собой|самоубийств"),
    ("ru", _113, "wil_dood", r"хочу\s+умереть|не\s+хочу\s+(?:больше\s+)?жить"),
    ("ru", _VT, "slaat_mij", r"(?:бьет|бьёт|избил|избила)\s+(?:меня|нас|детей)|меня\s+(?:бьет|бьёт|избил)|домашнее\s+насилие"),
    # Tigrinya (and Amharic, the same script)
    ("ti", _112, "doodt_mij", r"ክቐትለኒ|ክቀትለኒ|ሊቐትለኒ|ሊገድለኝ"),
    ("ti", _113, "wil_dood", r"ክመውት\s*(?:እደሊ|ደልየ|ይደሊ|እየ)|ሞት\s*ይደሊ|መሞት\s*እፈልጋለሁ|ልሞት\s*ነው"),
    ("ti", _113, "mezelf_doden", r"(?:ርእሰይ|ነብሰይ|ነፍሰይ)\s*(?:ክቐትል|ክቀትል|ክጎድእ)|ራሴን\s*(?:መግደል|ልገድል)|ነብሰ\s*ቕትለት"),
    ("ti", _113, "niet_leven", r"ክነብር\s*ኣይ(?:ደልን|ደልይን)|መንበር\s*ኣይደልን|መኖር\s*ኣልፈልግም"),
    ("ti", _VT, "slaat_mij", r"ይወቕዓኒ|ይወቅዓኒ|ይወቕዑኒ|ይሃርመኒ|ይደብድበኛል|ይመታኛል"),
    ("ti", _VT, "geweld_thuis", r"ዓመጽ\s*(?:ኣብ\s*)?ገዛ|ኣብ\s*ገዛ\w*\s*ዓመጽ|ዓመጽ\s*ስድራ|የቤት\s*ውስጥ\s*ጥቃት|የሚያስፈራራኝ|የፈራርሓኒ|የፈራርሐኒ"),
)
# Figures of speech ("I am dying of laughter"): a message holding one is not heard as danger by
# these rules (the semantic net still reads it, as for Dutch "ik schrok me dood").
_FIGURATIVE = re.compile(r"من\s+الضحك|gulmekten|ze\s+smiechu|вiд\s+смiху|від\s+сміху|от\s+смеха")
_COMPILED = tuple((language, route, f"{language}.{rule}", re.compile(pattern))
                  for language, route, rule, pattern in _RULES)
_ROUTE_ORDER = {_112: 0, _113: 1, _VT: 2}
_HARAKAT = re.compile(r"[\u064B-\u065F\u0670\u0640]")
_ARABIC_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه", "ؤ": "ؤ"})
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "ʹ": "'"})


def fold(text: str) -> str:
    """Lower case without diacritics (Latin), Arabic vowel marks or apostrophe variants.

    The Turkish capital İ and the dotless ı both become i, so "İntihar" and "intihar" match alike;
    Cyrillic and Ethiopic letters are kept as they are (й and ї are letters, not marks).
    """
    text = text.replace("İ", "i").replace("ı", "i").replace("I", "i").translate(_APOSTROPHES)
    text = _HARAKAT.sub("", text).translate(_ARABIC_FOLD).lower()
    out = []
    for char in text:
        if "a" <= char <= "z" or not ("\u00C0" <= char <= "\u024F"):
            out.append(char)
            continue
        base = unicodedata.normalize("NFD", char)[0]
        out.append({"ł": "l", "ı": "i"}.get(char, base))
    return "".join(out)


@lru_cache(maxsize=512)
def signals(text: str) -> tuple[LanguageSignal, ...]:
    """Every rule that fires, most urgent first, each with its language."""
    folded = fold(text)
    if _FIGURATIVE.search(folded):
        return ()
    found: list[LanguageSignal] = []
    for language, route, rule, pattern in _COMPILED:
        match = pattern.search(folded)
        if match:
            found.append(LanguageSignal(language, CrisisSignal(route, rule, text[match.start():match.end()]
                                                               if len(folded) == len(text) else match.group(0))))
    return tuple(sorted(found, key=lambda s: _ROUTE_ORDER[s.signal.route]))
