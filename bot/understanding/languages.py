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

import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import yaml

from bot.understanding.language import SHORT_WORDS, is_english, short_language

DUTCH, ENGLISH = "nl", "en"
ARABIC, TURKISH, POLISH, UKRAINIAN, TIGRINYA = "ar", "tr", "pl", "uk", "ti"
OTHER = "ru"  # Cyrillic without Ukrainian letters: answered in English, with the numbers
INTERPRETER_LANGUAGES = (ARABIC, TURKISH, POLISH, UKRAINIAN, TIGRINYA)
FOREIGN = frozenset({*INTERPRETER_LANGUAGES, OTHER})  # a callback needs an interpreter
CONFIG_FILE = Path(__file__).resolve().parents[2] / "config" / "languages.yml"

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

# Common words of each language, written without diacritics: a word is folded before it is looked
# up ("dzień" and "dzien", "ölmek" and "olmek"), since many residents type without them. Words that
# Dutch has too ("ben", "de", "nie", "to", "do", "tak", "mam", "al", "den") are left out on purpose.
_TURKISH_WORDS = frozenset(
    "ve bir bu icin benim bana beni sen siz size sizin biz bize onlar var yok degil cok ne nasil neden niye "
    "evet hayir merhaba selam selamlar tesekkur tesekkurler lutfen istiyorum istemiyorum yardim yardima "
    "ev evim evde kira kirayi kiram is isim iste mektup mektubu para param borc borcum borclarim okul "
    "okula cocuk cocugum cocuklarim kocam karim esim annem babam ama ile gibi daha simdi hemen yapmak "
    "yapamiyorum anlamiyorum bilmiyorum turkce konusuyor konusan musunuz misiniz musun misin hic kimse "
    "bugun yarin dun hastayim hasta doktor issiz odemek odeyemiyorum fatura faturalar belediye belediyeden "
    "ile icin gore kadar sonra once artik gerek lazim sadece herkes hepsi burada orada nerede zaman "
    "gun hafta ay yil saat sabah aksam gece iyi kotu guzel tamamen cunku eger veya ya da mi mu "
    "kiz oglum kizim ev sahibi ev sahibim calisiyorum calismak arıyorum ariyorum "
    "geldi gitti oldu olur olmaz yapin yapabilir yardimci edebilir misiniz randevu mektup tercuman tercumana "
    "anlamadim".split()
) - {"is", "ne", "mi", "ben", "de", "da", "ay", "ya"}
_POLISH_WORDS = frozenset(
    "sie jest sa byl byla jak co czy moj moja moje moi mnie mi jestem jestesmy chce chcialbym chcialabym "
    "prosze dzien dobry dobrze czesc dziekuje dzieki pomoc pomocy pomoze pomozecie pracy praca pracuje "
    "pracowac mieszkanie mieszkania mieszkaniu list listu listy pieniadze pieniedzy czynsz czynszu ale "
    "bardzo juz tylko gdzie kiedy dlaczego ktory ktora ktore moze mozna mozesz mozecie mowic mowie mowi "
    "polsku angielsku niderlandzku rozumiem nie rozumiem potrzebuje potrzebna potrzebny szkola szkoly "
    "dziecko dzieci dziecka maz zona syn corka matka ojciec pracodawca pracodawcy wynajem umowa umowe "
    "jego jej przez dla przy bez nic nikt szukam drogie drogo moge mozemy zaplacic zaplacilem dostalem "
    "dostalam gminy gmina urzad urzedu lekarz lekarza zdrowie choroba chory chora sam sama teraz jutro "
    "wczoraj dzisiaj zawsze nigdy tez takze albo lub oraz wiec bo ze zeby jesli jezeli mam mialem mialam "
    "musze musi mamy pan pani panstwo witam dzien dobry pozdrawiam sprawa sprawie pytanie pytania "
    "rachunek rachunki dlug dlugi kredyt zasilek zasilku mieszkam pracuje wlasciciel tlumacz tlumacza "
    "tlumaczem".split()
) - {"nie", "ze", "to", "mi", "ten", "tak", "ta", "mam", "pan", "bo", "co", "sam"}
ROMANIZED_FILE = Path(__file__).resolve().parent / "data" / "romanized_words.yml"


_ROMANIZED: dict[str, list[str]] = yaml.safe_load(ROMANIZED_FILE.read_text(encoding="utf-8"))  # read once


def _romanized(language: str) -> frozenset[str]:
    """Words of `language` as typed in Latin letters (bot/understanding/data/romanized_words.yml)."""
    return frozenset(_ROMANIZED[language])


# Arabic typed in Latin letters ("Arabizi"): digits stand for letters inside words (3 = ع, 7 = ح).
_ARABIZI_WORDS = frozenset(
    "ana enta enti inta inti ehna e7na howa heya mesh msh mish mafi ma3 m3a 3ndi 3andi andi 3ayez 3ayza "
    "ayez ayza bidi baddi biddi keef kif kifak kefak ezay izzay leh lesh shukran shokran "
    "kteer ktir kthir momken mumkin mumken ba3den ba3d el7a2ni ra7 7aga 7aja shi "
    "shwaya shway sa3edni sa3dni mosa3da musa3ada ma3lesh maalesh tayeb zay mutarjim motarjem mutarjem "
    "tarjama".split()
) | _romanized("arabic")  # not "wallah", "yalla", "habibi", "inshallah", "tamam": Dutch straattaal has them
_ARABIZI_DIGITS = re.compile(r"[a-z][2356789]|[2356789][a-z]")
# Ukrainian typed in Latin letters.
_UKRAINIAN_LATIN = frozenset(
    "ya mene meni potribna potriben potribno dopomoha dopomoga dopomohu dopomogu khochu hochu tse shcho "
    "scho mozhete mozhna dyakuyu diakuiu dobryi dobriy pryvit bud laska zhytlo robota roboty robotu "
    "kvartyra kvartyru hroshi groshi lyst lysta ukrainskoyu ukrainska rozumiyu ne rozumiyu chy vy mova movoyu "
    "bula buv mayu maiemo potriben sim'ya simya dytyna dity cholovik druzhyna perekladach perekladacha "
    "dopomohy dopomozhit".split()
) - {"ne", "ya", "vy", "chy"} | _romanized("ukrainian")
# Tigrinya typed in Latin letters ("yekenyeley", "hagez"): no other evidence than its words.
_TIGRINYA_LATIN = _romanized("tigrinya")
_ENGLISH_WORDS = frozenset(
    "i i'm im my me you your the a an are am was were be been have has had do does did don't dont "
    "can can't cant could would should will won't want need help with what how why who where when this "
    "that it it's and or but not no please hello hi thanks thank speak english someone anyone to of for "
    "on at from about myself husband wife home living life money job work school they them their there "
    "we our us he she his her him if so because get got just very still any some than then only also "
    "know think said told letter letters rent landlord pay paying paid house apartment flat doctor "
    "appointment benefits debt debts afraid scared alone lonely tired friend friends family child "
    "children son daughter mother father sister brother sorry yes okay understand anything nothing "
    "something everything really much many more last next week today tomorrow yesterday morning "
    "evening night call phone number email please could municipality support lost fired boss urgent "
    "urgently interpreter translator free charge cost costs price".split()
) - {"in", "is", "me", "help", "of", "hallo", "hoi", "op", "had", "was", "an", "al", "over", "die",
     "van", "week", "en", "hij", "zij"}
_DUTCH_COMMON = frozenset(
    "ik je jij u uw mijn mn m'n de het een is ben bent heb hebt heeft hebben wil wilt kan kun kunt niet "
    "geen wat hoe waar dat en maar voor met van op aan om te er al nog ook graag hulp huis geld werk "
    "hallo ja nee die deze dit zijn was waren wordt worden word door naar bij uit over als dan omdat "
    "want zo heel veel meer moet moeten mag weet wel even morgen vandaag gisteren week hem haar ze we "
    "wij ons onze hun mij jou jouw gaat ga doen doe krijg krijgen brief brieven huur toeslag gemeente "
    "afspraak heeft iemand niemand iets niets alles".split()
)
# Dutch words for the offices residents deal with, used as names in any language ("lyst vid gemeente",
# "mam afspraak w gemeente"): no evidence that the message is Dutch.
_OFFICE_WORDS = frozenset("gemeente afspraak brief brieven huur toeslag".split())
# Words Dutch and English share ("is", "was", "over"): evidence for neither.
_SHARED_NL_EN = frozenset("in is me help of hallo was had over die van week al an op we hem en".split())
_MIN_EVIDENCE = 2
# Short-message answers in a language of their own (a Latin-script "ok" or a name says nothing).
# A greeting, thanks, yes or no alone says its language, as "hello" and "thanks" say English.
_SHORT_ANSWERS = {
    TURKISH: frozenset({"evet", "hayir", "merhaba", "selam", "tesekkurler", "tesekkur", "sagol", "sagolun"}),
    POLISH: frozenset({"tak", "dziekuje", "dzieki", "czesc", "witam", "prosze"}),
}
# Words that alone, in a short message without a Dutch word, say the language: asking for help,
# saying one does not understand, asking for an interpreter, thanks. No name or Dutch word is among them.
_TELLING_WORDS = {
    TURKISH: frozenset("anlamadim anlamiyorum yardim tercuman tercumana".split()),
    POLISH: frozenset("pomocy pomoc rozumiem tlumacz tlumacza tlumaczem".split()),
    UKRAINIAN: frozenset("dyakuyu diakuiu dopomoha dopomohy dopomozhit perekladach perekladacha rozumiyu".split()),
    ARABIC: frozenset("mutarjim motarjem mutarjem tarjama shukran shokran sa3edni sa3dni".split()),
    TIGRINYA: frozenset("yekenyeley yekenyelay yeqenyeley yeqenyelay yekeneyeley yekenyelei hagez hagezeni "
                        "hagizeni hagezuni tergwami tergwame tergami ayrdeanin ayrdanin ayteredeanin "
                        "ayfeltn ayfeltin ayfelten".split()) & _TIGRINYA_LATIN,
}


def _telling(text: str) -> str | None:
    """The language one of the message's telling words belongs to (help, thanks, an interpreter), or None."""
    words = {fold_word(w) for w in _WORD.findall(text)}
    for language, telling in _TELLING_WORDS.items():
        if words & telling:
            return language
    return None


def _share(pattern: re.Pattern[str], letters: str) -> float:
    return len(pattern.findall(letters)) / max(1, len(letters))


_SCRIPT_MIN_LETTERS = 3
_SCRIPT_MIN_SHARE = 0.25


def _own_script(pattern: re.Pattern[str], letters: str) -> bool:
    """A message partly in its own script says its language, even with a Dutch word of the
    office in it ("huurtoeslag ደው ኢሉ"): nobody writing Dutch types three letters of Ethiopic."""
    found = len(pattern.findall(letters))
    share = found / max(1, len(letters))
    return share > 0.5 or (found >= _SCRIPT_MIN_LETTERS and share >= _SCRIPT_MIN_SHARE)


def fold_word(word: str) -> str:
    """Without diacritics: "dzień" -> "dzien", "ölmek" -> "olmek", "ł" -> "l", "ı" -> "i"."""
    word = word.lower().replace("ł", "l").replace("ı", "i")
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def _latin_scores(text: str) -> tuple[dict[str, int], dict[str, int], int]:
    """Evidence per language (points, and how many of them are words of its own) and the Dutch words."""
    typed = _WORD.findall(text)
    raw = [w.lower() for w in typed]
    words = [fold_word(w) for w in raw]
    tokens = [t.lower() for t in re.findall(r"[A-Za-z0-9']+", text)]
    dutch = sum(1 for w in words if w in _DUTCH_COMMON and w not in _SHARED_NL_EN and w not in _OFFICE_WORDS)
    points = dict.fromkeys((ENGLISH, TURKISH, POLISH, ARABIC, UKRAINIAN, TIGRINYA), 0)
    own = dict(points)
    for original, w, as_typed in zip(raw, words, typed):
        for language, vocabulary, letters in ((TURKISH, _TURKISH_WORDS, _TURKISH_LETTERS),
                                              (POLISH, _POLISH_WORDS, _POLISH_LETTERS)):
            unique, shared = letters
            if w in vocabulary:
                points[language] += 2 if unique.search(original) else 1
                own[language] += 1
            elif unique.search(original):
                points[language] += 2
                if as_typed.islower() and len(w) > 1:  # "anlamadım", "huurtoeslag'ım"; not a name ("Paweł")
                    own[language] += 1
            elif shared.search(original) or (language == TURKISH and len(w) > 4 and _TURKISH_ENDING.search(w)):
                points[language] += 1  # shared letters alone (German "über", "möchte") never decide
        if w in _ENGLISH_WORDS:
            points[ENGLISH] += 1
            own[ENGLISH] += 1
        for language, vocabulary in ((UKRAINIAN, _UKRAINIAN_LATIN), (TIGRINYA, _TIGRINYA_LATIN)):
            if w in vocabulary:
                points[language] += 1
                own[language] += 1
    spelled = _spelled_like(words)
    if spelled is not None:  # "nie moge zaplacic czynszu": Polish by its spelling, without its letters
        # (English by spelling too; Dutch words in the message still count against it below)
        points[spelled] += 2
        own[spelled] += 1
    for token in tokens:
        if token in _ARABIZI_WORDS or (_ARABIZI_DIGITS.search(token) and not token.isdigit()
                                       and re.search(r"[a-z]{2}", token)):
            points[ARABIC] += 1
            own[ARABIC] += 1
    return points, own, dutch


PROFILES_FILE = Path(__file__).resolve().parent / "data" / "language_trigrams.json"
SPELLING_MARGIN = 1.0  # mean log-probability per letter trigram above Dutch and English alike
SPELLING_MIN_TRIGRAMS = 12  # a name or two short words are too short to say anything by spelling


@lru_cache(maxsize=1)
def _profiles() -> dict[str, tuple[dict[str, float], float]]:
    """Letter-trigram profiles (scripts/build_language_profiles.py)."""
    raw = json.loads(PROFILES_FILE.read_text(encoding="utf-8"))
    return {language: (profile["logp"], profile["floor"]) for language, profile in raw.items()}


def _spelled_like(words: list[str]) -> str | None:
    """English, Turkish or Polish when the words are spelled clearly more like it than like any other."""
    grams = [f" {w} "[i:i + 3] for w in words for i in range(len(w))]
    if len(grams) < SPELLING_MIN_TRIGRAMS:
        return None
    means = {language: sum(logp.get(g, floor) for g in grams) / len(grams)
             for language, (logp, floor) in _profiles().items()}
    best = max((ENGLISH, TURKISH, POLISH), key=lambda language: means[language])
    others = [means[language] for language in means if language != best]
    return best if means[best] - max(others) >= SPELLING_MARGIN else None


def detect(text: str) -> str:
    """The language of one message, read on its own: nl, en, ar, tr, pl, uk, ti, or ru (other)."""
    letters = "".join(_WORD.findall(text))
    if not letters:
        return DUTCH
    for pattern, language in ((_ARABIC, ARABIC), (_ETHIOPIC, TIGRINYA)):
        if _own_script(pattern, letters):
            return language
    if _own_script(_CYRILLIC, letters):
        # Ukrainian has і ї є ґ, Russian ы э ъ ё; Cyrillic with neither is read as Ukrainian, the
        # language the assistant has texts in (a Russian speaker reads it; "так" is both).
        if _RUSSIAN_LETTERS.search(text) and not _UKRAINIAN_LETTERS.search(text):
            return OTHER
        return UKRAINIAN
    points, own, dutch = _latin_scores(text)
    told = _telling(text) if dutch == 0 else None
    if told is not None:  # "selam, hagez yedlyeni": asking for help in a language, no Dutch word
        return told
    best = max(points, key=lambda language: (points[language], own[language]))
    # Mixed Dutch ("ik heb een appointment morgen") stays Dutch: the other language must outweigh it twice.
    if points[best] >= _MIN_EVIDENCE and own[best] >= 1 and points[best] > 2 * dutch:
        if best != ENGLISH or is_english(text) or points[ENGLISH] >= 3 or _only_english(text):
            return best
    return DUTCH


def _only_english(text: str) -> bool:
    """Every word English or shared with Dutch, none only Dutch ("need help urgently")."""
    words = [fold_word(w) for w in _WORD.findall(text)]
    return bool(words) and all(w in _ENGLISH_WORDS or w in _SHARED_NL_EN for w in words)


_RUSSIAN_LETTERS = re.compile(r"[ыэъёЫЭЪЁ]")


def _short_latin(text: str) -> str | None:
    """A short Latin-script message names a language only by an answer of its own ("yes", "evet",
    "tak") or by two words of one language ("Dzień dobry", "thank you"); a name or "ok" says none."""
    words = [fold_word(w) for w in _WORD.findall(text)]
    for language, answers in _SHORT_ANSWERS.items():
        if words and all(w in answers for w in words):
            return language
    said = short_language(text, None)  # "yes", "thanks", "ja", "nee"; None: a few words of no one language ("is it free?")
    if said is not None:
        return said
    points, own, dutch = _latin_scores(text)
    told = _telling(text) if dutch == 0 else None
    if told is not None:
        return told
    best = max(points, key=lambda language: (own[language], points[language]))
    if own[best] >= 2 and dutch == 0:
        return best
    return None


def conversation_language(text: str) -> str | None:
    """The language the conversation goes on in after this message, or None when the message does
    not say (a short Latin-script "ok", a name, a number, an emoji): the slot keeps its value.

    A message in another script says its language however short it is ("نعم" is Arabic).
    """
    found = detect(text)
    letters = "".join(_WORD.findall(text))
    if letters and not _LATIN.search(letters):
        # Another script says its language however short ("نعم"); one of no language here
        # (Chinese, Greek) says nothing.
        return found if found not in (DUTCH, ENGLISH) else None
    # Latin script: a short message ("ok", "Paweł") keeps the conversation's language.
    if is_short(text):
        return _short_latin(text)
    if found == DUTCH and _latin_scores(text)[1][ENGLISH] >= 2:
        # "ok. wat gebeurt met mijn nummer als ik geef? who see it? gemeente?": Dutch and English mixed
        # says no language; the conversation keeps its own (residents' round 45: an English
        # conversation went on in Dutch at the form).
        return None
    if found == DUTCH and len(_WORD.findall(text)) < 5:
        # "is it free?" in an English conversation: a few words with an English one and no word only
        # Dutch has say no language; the conversation keeps its own (residents' tests).
        points, _own, dutch = _latin_scores(text)
        if dutch == 0 and any(points.values()):
            return None
    return found


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


# ---------------------------------------------------------------------------------------------
# Values in English (issue 27: "English all the way")
# ---------------------------------------------------------------------------------------------

# Values the assistant composes from a closed Dutch vocabulary (dates, topic labels, the moment and
# the wish of the form), said again in English. The resident's own words ("kernwoorden", a name, a
# place) and texts from configuration in Dutch only (organisations, today's contacts) are left alone.
ENGLISH_VALUE_KEYS = frozenset({"onderwerpen", "uiterlijk", "open_weer", "moment", "voorkeur", "spoed", "gemeenten",
                                "bereikbaar_vanaf", "terugbellen_uiterlijk"})
_ENGLISH_PHRASES: tuple[tuple[str, str], ...] = (
    # The wish as the read-back names it (bot/conversation/contact.py PREFERENCE_LABELS), before its words below.
    ("een vrijwilliger of iemand die het zelf meemaakte", "a volunteer or someone who has been through it"),
    ("iemand die dit als werk doet", "someone who does this as their job"),
    ("iemand die het zelf meemaakte", "someone who has been through it"), ("een vrijwilliger", "a volunteer"),
    ("familie, vrienden en contact met anderen", "family, friends and contact with others"),
    ("school en leren", "school and learning"), ("werk en dagbesteding", "work and day activities"),
    ("gezondheid en zorg", "health and care"), ("geld en post", "money and letters"),
    ("uw situatie", "your situation"), ("jouw situatie", "your situation"), ("je situatie", "your situation"),
    (", en over ", ", and about "), ("wonen", "housing"),
    ("maakt niet uit", "no preference"), ("in het weekend", "at the weekend"), ("doordeweeks", "on weekdays"),
    ("in de ochtend", "in the morning"), ("in de middag", "in the afternoon"), ("in de avond", "in the evening"),
    ("ochtend", "morning"), ("middag", "afternoon"), ("avond", "evening"),
    ("overmorgen", "the day after tomorrow"), ("vandaag", "today"), ("morgen", "tomorrow"),
    ("informeel", "a volunteer"), ("formeel", "a professional"), ("geen", "none"),
    ("maandag", "Monday"), ("dinsdag", "Tuesday"), ("woensdag", "Wednesday"), ("donderdag", "Thursday"),
    ("vrijdag", "Friday"), ("zaterdag", "Saturday"), ("zondag", "Sunday"),
    ("januari", "January"), ("februari", "February"), ("maart", "March"), ("april", "April"), ("mei", "May"),
    ("juni", "June"), ("juli", "July"), ("augustus", "August"), ("september", "September"),
    ("oktober", "October"), ("november", "November"), ("december", "December"),
    (" om ", " at "), (" uur", ""), (" of ", " or "), (" en ", " and "),
)
_ENGLISH_PATTERN = re.compile("|".join(rf"(?<![\w]){re.escape(dutch)}(?![\w])" if dutch[0].isalpha() else re.escape(dutch)
                                       for dutch, _ in _ENGLISH_PHRASES))
_ENGLISH_OF = dict(_ENGLISH_PHRASES)


def english_values(values: dict[str, str]) -> dict[str, str]:
    """The composed values of a response in English ("dinsdag 1 december" -> "Tuesday 1 December")."""
    english = {key: _ENGLISH_PATTERN.sub(lambda m: _ENGLISH_OF[m.group(0)], value)
               if key in ENGLISH_VALUE_KEYS and isinstance(value, str) else value
               for key, value in values.items()}
    if isinstance(english.get("kernwoorden"), str):  # the resident's words stay; only "en" between them
        english["kernwoorden"] = english["kernwoorden"].replace("' en '", "' and '").replace(
            "wat u schreef", "what you wrote")
    return english
