"""Which language a message is written in: Dutch, English, or one of the five languages whose
speakers get the crisis numbers and a callback with an interpreter (issue 27).

Why rules and not a model: the answer must be explainable and right on short messages. A script
says it at once (Arabic, Ethiopic for Tigrinya, Cyrillic); Ukrainian is told from Russian by its
own letters і ї є ґ only, and Russian is "another language" (answered in English). Turkish and
Polish are told from Dutch by their own letters (ş ğ ı; ą ę ł ń ś ź ż ć) and by common words
that Dutch does not have. A short Latin-script message ("ok", "ja", a name, a number) never
says it is another language: the conversation keeps the language it had.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from bot.language import SHORT_WORDS, is_english, short_language

DUTCH, ENGLISH = "nl", "en"
ARABIC, TURKISH, POLISH, UKRAINIAN, TIGRINYA = "ar", "tr", "pl", "uk", "ti"
OTHER = "ru"  # Cyrillic without Ukrainian letters: answered in English, with the numbers
INTERPRETER_LANGUAGES = (ARABIC, TURKISH, POLISH, UKRAINIAN, TIGRINYA)
FOREIGN = frozenset({*INTERPRETER_LANGUAGES, OTHER})  # a callback needs an interpreter
CONFIG_FILE = Path(__file__).resolve().parent.parent / "config" / "languages.yml"

_ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]")
_ETHIOPIC = re.compile(r"[\u1200-\u139F\u2D80-\u2DDF]")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_UKRAINIAN_LETTERS = re.compile(r"[іїєґІЇЄҐ]")
_LATIN = re.compile(r"[a-zA-Z\u00C0-\u024F]")
# Letters only this language has (weight 2), and letters it shares with German or French (weight 1).
_TURKISH_LETTERS = (re.compile(r"[şğıŞĞİ]"), re.compile(r"[çöüÇÖÜ]"))
_POLISH_LETTERS = (re.compile(r"[ąęłńśźżćĄĘŁŃŚŹŻĆ]"), re.compile(r"[óÓ]"))
# Turkish verb endings ("istiyorum", "yapamıyorum", "öldürmek"): no Dutch word ends so.
_TURKISH_ENDING = re.compile(r"(?:iyor|ıyor|uyor|üyor|yor)(?:um|sun|uz|lar|du|dum)?$|(?:mak|mek)$")
_WORD = re.compile(r"[^\W\d_]+")

# Common words of each language that are not Dutch words (nor English ones): "ben", "de", "nie",
# "to", "do", "w" are left out on purpose, since Dutch has them too.
_TURKISH_WORDS = frozenset(
    "ve bir bu için benim bana beni sen siz biz onlar var yok değil degil çok cok ne nasıl nasil neden evet "
    "hayır hayir merhaba selam teşekkür tesekkur lütfen lutfen istiyorum yardım yardim ev evim kira iş is "
    "işim mektup para borç borc okul çocuk cocuk çocuğum kocam karım annem babam ama ile gibi daha şimdi "
    "simdi yapmak yapamıyorum anlamıyorum türkçe turkce konuşuyor konusuyor musunuz misiniz mı mi mu mü "
    "hiç hic kimse bugün yarın hastayım doktor işsiz ödemek odemek faturalar belediye".split()
) - {"is", "mi", "ne"}
_POLISH_WORDS = frozenset(
    "się sie jest nie że ze jak co czy mam mój moj moja moje mnie mi jestem chcę chce proszę prosze "
    "dzień dzien dobry cześć czesc dziękuję dziekuje tak pomoc pomocy pracy praca pracuję pracuje "
    "mieszkanie mieszkania list listy pieniądze pieniadze czynsz ale bardzo już juz tylko gdzie kiedy "
    "dlaczego który ktory może moze możesz mozesz mówić mowic mówię mowie polsku angielsku rozumiem "
    "potrzebuję potrzebuje szkoła szkola dziecko dzieci mąż maz żona zona pracodawca wynajem umowa "
    "ten ta to jego jej przez dla od przy bez nic nikt szukam drogie drogo jestem mogę moge zapłacić "
    "zaplacic dostałem dostalem dostałam dostalam gminy".split()
) - {"nie", "ze", "to", "mi", "ten", "tak", "ta", "mam"}
_DUTCH_COMMON = frozenset(
    "ik je jij u mijn de het een is ben heb heeft wil kan niet geen wat hoe waar dat en maar voor met "
    "van op aan om te er al nog ook graag hulp huis geld werk hallo ja nee".split()
)
_MIN_EVIDENCE = 2


def _share(pattern: re.Pattern[str], letters: str) -> float:
    return len(pattern.findall(letters)) / max(1, len(letters))


def detect(text: str) -> str:
    """The language of one message, read on its own: nl, en, ar, tr, pl, uk, ti, or ru (other)."""
    letters = "".join(_WORD.findall(text))
    if not letters:
        return DUTCH
    for pattern, language in ((_ARABIC, ARABIC), (_ETHIOPIC, TIGRINYA)):
        if _share(pattern, letters) > 0.5:
            return language
    if _share(_CYRILLIC, letters) > 0.5:
        return UKRAINIAN if _UKRAINIAN_LETTERS.search(text) else OTHER
    words = [w.lower() for w in _WORD.findall(text)]
    dutch = sum(1 for w in words if w in _DUTCH_COMMON)
    scores = {}
    for language, vocabulary, own_letters in ((TURKISH, _TURKISH_WORDS, _TURKISH_LETTERS),
                                              (POLISH, _POLISH_WORDS, _POLISH_LETTERS)):
        unique, shared = own_letters
        found, strong = 0, False
        for w in words:
            if w in vocabulary or unique.search(w):
                found += 2 if unique.search(w) else 1
                strong = True
            elif shared.search(w) or (language == TURKISH and len(w) > 4 and _TURKISH_ENDING.search(w)):
                found += 1  # shared letters alone (German "über", "möchte") never decide
        scores[language] = found if strong else 0
    best = max(scores, key=lambda language: scores[language])
    if scores[best] >= _MIN_EVIDENCE and scores[best] > 2 * dutch and scores[best] > 2 * sum(
            1 for w in words if w in _ENGLISH_HINTS):
        return best
    return ENGLISH if is_english(text) else DUTCH


_ENGLISH_HINTS = frozenset("i you the is are my me what how please".split())


def conversation_language(text: str) -> str | None:
    """The language the conversation goes on in after this message, or None when the message does
    not say (a short Latin-script "ok", a name, a number, an emoji): the slot keeps its value.

    A message in another script says its language however short it is ("نعم" is Arabic).
    """
    found = detect(text)
    letters = "".join(_WORD.findall(text))
    if letters and not _LATIN.search(letters):
        # Another script says its language however short ("نعم"); one of no language here
        # (Chinese, Greek) says nothing, nor does a short Cyrillic one without a Ukrainian letter
        # ("так" is Ukrainian and Russian alike).
        if found == OTHER and is_short(text):
            return None
        return found if found not in (DUTCH, ENGLISH) else None
    # Latin script: a short message ("ok", "Paweł", "Dzień dobry") keeps the conversation's language.
    return short_language(text, found)


def reply_language(language: str | None) -> str | None:
    """The value of the slot `taal`: the language replies are written in. Another language without
    texts of its own (Russian) is answered in English."""
    if language == OTHER:
        return ENGLISH
    return language


def is_short(text: str) -> bool:
    return len(_WORD.findall(text)) < SHORT_WORDS


@lru_cache(maxsize=1)
def _config() -> dict:
    return yaml.safe_load(CONFIG_FILE.read_text(encoding="utf-8")) or {}


_YES_NO_WORDS = 3


def yes_or_no(text: str, language: str) -> str | None:
    """'bevestigen' or 'ontkennen' when a message in `language` starts with its yes or no."""
    words = [w.lower() for w in _WORD.findall(text)]
    if not words or len(words) > _YES_NO_WORDS:
        return None  # "Nie mogę zapłacić czynszu" starts with "nie" but is no answer
    table = (_config().get("ja_nee") or {}).get(language) or {}
    first = words[0]
    if first in (table.get("nee") or []):
        return "ontkennen"
    if first in (table.get("ja") or []):
        return "bevestigen"
    return None


def switch_asked(text: str) -> str | None:
    """"Kan het in het Nederlands?", "English please": the language the resident asks for."""
    for language, pattern in _SWITCH:
        if pattern.search(text):
            return language
    return None


_SWITCH = (
    (DUTCH, re.compile(r"\b(?:in\s+het\s+nederlands|nederlands\s+(?:graag|alsjeblieft|aub|a\.u\.b\.)|"
                       r"in\s+dutch|dutch\s+please|nederlands\s+spreken|liever\s+nederlands)\b", re.IGNORECASE)),
    (ENGLISH, re.compile(r"\b(?:english\s+please|in\s+english|speak\s+english|engels\s+graag|in\s+het\s+engels|"
                         r"liever\s+engels)\b", re.IGNORECASE)),
)
