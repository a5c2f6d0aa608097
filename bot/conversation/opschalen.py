"""Op- en afschalen: should an informal or a formal meedenker pick this question up?

Why this module exists: the documents say "informeel waar het kan, formeel waar het moet" and the
resident chooses (domain guide §2, §5; seed 001, "Indicaties voor op- & afschalen"). A coordinator
needs a first suggestion with its reasons, so a warm hand-over can start at once. The suggestion is
advice for a person, never a decision: every reason is a short plain Dutch sentence the coordinator
reads, and the words that led to it are quoted.

Rules, in order (see :func:`recommend`):

1. Safety first. A crisis route, or crisis language in the text (``bot.understanding.crisis``), always gives a
   formal meedenker, also when the resident prefers a volunteer; the reason says so.
2. The resident's own preference (the ``preference`` argument, or a clear wish in the text such as
   "liever een vrijwilliger") wins otherwise. Formal signals are then still listed, as "Let op: ...",
   so the informal meedenker knows when to call in a professional.
3. Without a preference, any formal signal gives a formal meedenker:
   complex (3+ leefgebieden, or 2+ leefgebieden with 2+ doelgroepen), a doelgroep that needs
   specialisation, two or more laws named, a complaint/objection/appeal, not helped despite care.
4. Otherwise informal: the question is lighter or practical, or the resident needs someone outside
   office hours.

Which doelgroepen need specialisation (``SPECIALISED_DOELGROEPEN``):

- ``nah`` (niet-aangeboren hersenletsel): the injury changes memory, planning and behaviour in ways
  that are easy to miss; the way through Wmo, Wlz and Zvw is long. Seed 001 lists no informal
  partner for this group.
- ``verstandelijke_beperking`` (LVB): residents can be talked into agreements they do not
  understand and often hide that they do not understand; seed 001 names this group as where
  cliëntondersteuning "extra waarde" has, and SMWO (formal) focuses on it.

Not in the list, on purpose:

- ``ggz``: it needs specialisation, but that specialisation exists informally: HerstelTalent works
  only with ervaringsdeskundigen, who are informal meedenkers (seed 001: "Informeel > vrijwilliger
  & ervaringsdeskundige"). A light GGZ question therefore stays informal; a complex one is caught by
  the other rules.
- ``lichamelijke_beperking``, ``ouderen``, ``mantelzorgers`` and the others: their typical questions
  (aids, paperwork, breathing space) are practical; complexity and laws catch the heavy cases.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Final, Iterable, Mapping

from bot.understanding.crisis import detect_crisis
from bot.understanding.werkmodel import (
    DOELGROEP_LABELS,
    DOELGROEPEN,
    LEEFGEBIED_LABELS,
    LEEFGEBIEDEN,
    ROUTE_CRISIS_112,
    ROUTE_CRISIS_113,
    ROUTE_CRISIS_VEILIG_THUIS,
    FORMEEL,
    INFORMEEL,
    MEEDENKER_TYPES,
    ROUTES,
    is_crisis,
)

__all__ = [
    "SPECIALISED_DOELGROEPEN",
    "Recommendation",
    "recommend",
    "laws_mentioned",
    "separate_questions",
]

SPECIALISED_DOELGROEPEN: Final[frozenset[str]] = frozenset({"nah", "verstandelijke_beperking"})

# Complexity thresholds (seed 001: "ingewikkeld, meervoudige vraagstukken").
COMPLEX_LEEFGEBIEDEN: Final = 3
COMPLEX_WITH_DOELGROEPEN: Final = (2, 2)  # (leefgebieden, doelgroepen)


# A leefgebied counts as a question of its own only when the classifier is this sure of it and
# its evidence is not the same words as another counted one (issue 9: two weak labels made most
# residents "formeel", "meerdere onderwerpen").
SEPARATE_QUESTION_CONFIDENCE: Final = 0.8


def separate_questions(leefgebieden: Mapping[str, Mapping[str, object]]) -> list[str]:
    """The leefgebieden that stand for a real, separate question, in the werkmodel's order.

    `leefgebieden` maps an id to its label as the conversation keeps it: a confidence and the
    evidence words. A life area the resident chose with a button has confidence 1.0.
    """
    def confidence(label_id: str) -> float:
        return float(leefgebieden[label_id].get("confidence", 0.0) or 0.0)

    counted: set[str] = set()
    seen: set[str] = set()
    known = [label_id for label_id in LEEFGEBIEDEN if label_id in leefgebieden]
    for label_id in sorted(known, key=confidence, reverse=True):  # the surest label keeps its words
        if confidence(label_id) < SEPARATE_QUESTION_CONFIDENCE:
            continue
        words = {str(word).lower() for word in (leefgebieden[label_id].get("evidence") or [])}
        if words and words <= seen:
            continue  # the same words already explain another leefgebied
        counted.add(label_id)
        seen |= words
    return [label_id for label_id in LEEFGEBIEDEN if label_id in counted]


@dataclass(frozen=True)
class Recommendation:
    """The suggested kind of meedenker and why, for the coordinator."""

    type: str  # INFORMEEL or FORMEEL
    reasons: tuple[str, ...]


# --------------------------------------------------------------------------------------------
# Text signals. Patterns run on _plain(text): lower case, accents stripped, one space between words.
# --------------------------------------------------------------------------------------------

# (law, pattern). Only names of the laws and words that belong to one law alone: "bijstand" is the
# benefit of the Participatiewet, the CIZ and the zorgkantoor are the gates of the Wlz, jeugdhulp is
# what the Jeugdwet provides, the zorgverzekeraar carries out the Zvw. Services that several laws
# can pay for (PGB, begeleiding, dagbesteding) are not counted.
_LAWS: Final[tuple[tuple[str, re.Pattern[str]], ...]] = tuple(
    (law, re.compile(pattern))
    for law, pattern in (
        ("Wmo", r"\bwmo\w*|\bwet maatschappelijke ondersteuning\b"),
        ("Wlz", r"\bwlz\w*|\bwet langdurige zorg\b|\bciz\b|\bzorgkantoor\w*"),
        ("Jeugdwet", r"\bjeugdwet\w*|\bjeugdhulp\w*|\bjeugdzorg\w*"),
        ("Zvw", r"\bzvw\b|\bzorgverzekeringswet\b|\bzorgverzekeraar\w*|\bzorgverzekering\b|\bbasisverzekering\b"),
        ("Participatiewet", r"\bparticipatiewet\b|\bbijstand\w*"),
    )
)

# (what, pattern) for complaints, objections and appeals. "klachten" alone is a health word
# ("rugklachten", "psychische klachten") and "beroep" alone is a profession, so both need context.
_DISPUTES: Final[tuple[tuple[str, re.Pattern[str]], ...]] = tuple(
    (what, re.compile(pattern))
    for what, pattern in (
        ("een klacht", r"\bklacht(?:en)? (?:(?:in)?dienen|ingediend|indienen|over|tegen)\b"
                       r"|\bklachten(?:procedure|commissie|regeling|functionaris|formulier|loket)\w*"
                       r"|\bklagen over\b|\b(?:wil|ga|gaan|moet) (?:\w+ )?klagen\b"),
        ("een bezwaar", r"(?<!geen )\bbezwaar\w*"),
        ("een beroep bij de rechter", r"\b(?:in|hoger) beroep\b"
                                      r"|\bberoep (?:aan)?(?:tekenen|getekend|instellen|ingesteld)\b"
                                      r"|\bberoepschrift\w*"),
        ("een geschil", r"\bgeschil\w*|\bnaar de rechter\b|\brechtszaak\b"),
    )
)

_NOT_HELPED: Final[re.Pattern[str]] = re.compile(
    r"\bniemand (?:die )?(?:me |mij |ons )?(?:helpt|wil helpen|kan helpen|geholpen)\b"
    r"|\bniemand (?:wil|kan) (?:me|mij|ons) (?:\w+ )?helpen\b"
    r"|\bal (?:jaren|maanden|zo lang|heel lang)\b[^.!?]{0,60}?"
    r"\b(?:hulp|zorg|behandeling|begeleiding|hulpverlening|hulpverleners)\b[^.!?]{0,40}?\bmaar\b"
    r"|\bondanks (?:alle |de |veel )?(?:hulp|zorg|behandeling|begeleiding)\b"
    r"|\bkastje naar de muur\b|\bvan loket naar loket\b"
    r"|\b(?:nog steeds|nog altijd|nooit) (?:\w+ )?niet geholpen\b|\bnergens (?:\w+ )?geholpen\b"
    r"|\b(?:de |die )?hulp (?:helpt|werkt) niet\b|\bniets (?:helpt|werkt|heeft geholpen)\b"
    r"|\bal (?:zo ?veel|tig|heel veel) hulpverleners\b"
)

_MOMENT: Final = (
    r"(?:'?s avonds|'?s nachts|'?s ochtends vroeg|in het weekend|op zaterdag|op zondag|in de avond"
    r"|na werktijd|na kantoortijd|na vijven|na zessen|na mijn werk|na het werk|na schooltijd)"
)
_OUT_OF_HOURS: Final[re.Pattern[str]] = re.compile(
    rf"\b(?:alleen|pas|enkel|vooral) {_MOMENT}"
    rf"|\b(?:kan|kunt|bereikbaar|bellen|bel|belt|tijd|langskomen|afspreken|praten|afspraak)\b[^.!?]{{0,30}}{_MOMENT}"
    rf"|{_MOMENT}[^.!?]{{0,30}}\b(?:bereikbaar|bellen|belt|tijd|langskomen|afspreken|afspraak)\b"
    r"|\bbuiten (?:kantoor|werk)tijd\w*"
    r"|\boverdag (?:werk|moet ik werken|kan ik niet|ben ik (?:aan het werk|op mijn werk|niet thuis|weg|op school))"
    r"|\bik werk (?:overdag|fulltime|de hele dag)\b"
)

_PRACTICAL: Final[re.Pattern[str]] = re.compile(
    r"\bformulier\w*|\baanvraag (?:in ?vullen|doen)\b|\binvullen\b|\bbrief\b|\bbrieven\b|\bdigid\b"
    r"|\bmee(?:gaan| gaan)\b|\bmee naar\b|\bafspraak maken\b|\bregelen\b|\buitleg\b|\bhoe werkt\b"
)

_WANTS_INFORMAL: Final[re.Pattern[str]] = re.compile(
    r"\b(?:liever|graag|wil|zoek|wens|voorkeur)\b[^.!?]{0,30}?\been (?:vrijwilliger|ervaringsdeskundige)\b"
    r"(?! (?:worden|zijn|werken))"
    r"|\biemand die (?:het|dit|dat) zelf (?:ook )?(?:heeft )?meegemaakt\b"
    r"|\bgeen (?:professional|beroepskracht|hulpverlener|instantie)s?\b"
)
_WANTS_FORMAL: Final[re.Pattern[str]] = re.compile(
    r"\b(?:liever|graag|wil|zoek|wens|voorkeur)\b[^.!?]{0,30}?"
    r"\been (?:professional|beroepskracht|maatschappelijk werker|deskundige|echte hulpverlener)\b"
    r"|\bgeen (?:vrijwilliger|ervaringsdeskundige)s?\b"
)

_SAFETY: Final[dict[str, str]] = {
    ROUTE_CRISIS_112: "acuut gevaar",
    ROUTE_CRISIS_113: "gedachten aan zelfdoding",
    ROUTE_CRISIS_VEILIG_THUIS: "onveilige situatie thuis",
}


def _plain(text: str) -> str:
    """Lower case, accents stripped, curly quotes straightened, whitespace collapsed."""
    folded = unicodedata.normalize("NFKD", text.replace("\u2019", "'").replace("\u2018", "'"))
    stripped = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    return " ".join(stripped.split())


def _join(items: Iterable[str]) -> str:
    """'a', 'a en b', 'a, b en c'."""
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " en " + items[-1]


def _let_op(sentence: str) -> str:
    """'De inwoner ...' -> 'Let op: de inwoner ...' (a note beside the chosen type)."""
    return f"Let op: {sentence[:1].lower()}{sentence[1:]}"


def laws_mentioned(text: str) -> dict[str, str]:
    """Laws named in the text, each with the first words that named it (in the order of _LAWS)."""
    plain = _plain(text)
    found: dict[str, str] = {}
    for law, pattern in _LAWS:
        match = pattern.search(plain)
        if match:
            found[law] = match.group(0)
    return found


def _check(values: Iterable[str], known: tuple[str, ...], what: str) -> list[str]:
    values = list(values)
    unknown = [v for v in values if v not in known]
    if unknown:
        raise ValueError(f"unknown {what} id(s) {unknown}; known: {', '.join(known)}")
    return values


def _formal_signals(leefgebieden: list[str], doelgroepen: list[str], plain: str) -> list[str]:
    """Reasons for a formal meedenker apart from safety, as sentences for the coordinator."""
    reasons: list[str] = []
    topics = "; ".join(LEEFGEBIED_LABELS[g] for g in leefgebieden)
    if len(leefgebieden) >= COMPLEX_LEEFGEBIEDEN:
        reasons.append(f"Ingewikkelde vraag: {len(leefgebieden)} onderwerpen tegelijk ({topics}).")
    elif len(leefgebieden) >= COMPLEX_WITH_DOELGROEPEN[0] and len(doelgroepen) >= COMPLEX_WITH_DOELGROEPEN[1]:
        groups = "; ".join(DOELGROEP_LABELS[d] for d in doelgroepen)
        reasons.append(f"Ingewikkelde vraag: meerdere onderwerpen ({topics}) en meerdere groepen ({groups}).")
    for doelgroep in doelgroepen:
        if doelgroep in SPECIALISED_DOELGROEPEN:
            reasons.append(f"Vraagt om kennis van een specialist: {DOELGROEP_LABELS[doelgroep]}.")
    laws = laws_mentioned(plain)
    if len(laws) >= 2:
        named = _join(f"{law} ('{words}')" for law, words in laws.items())
        reasons.append(f"Er spelen meerdere wetten: {named}.")
    disputes = [(what, m.group(0)) for what, pattern in _DISPUTES if (m := pattern.search(plain))]
    if disputes:
        kinds = _join(what for what, _ in disputes)
        words = ", ".join(f"'{w}'" for _, w in disputes)
        reasons.append(f"Er is {kinds} ({words}). Daar is kennis van de regels voor nodig.")
    not_helped = _NOT_HELPED.search(plain)
    if not_helped:
        reasons.append(f"De inwoner is niet geholpen, ondanks hulp of zorg ('{not_helped.group(0)}').")
    return reasons


def _preference_in_text(plain: str) -> str | None:
    """A clear wish for a kind of meedenker in the resident's words, or None (also when both)."""
    informal = bool(_WANTS_INFORMAL.search(plain))
    formal = bool(_WANTS_FORMAL.search(plain))
    if informal == formal:
        return None
    return INFORMEEL if informal else FORMEEL


def recommend(
    leefgebieden: Iterable[str],
    doelgroepen: Iterable[str],
    text: str,
    route: str,
    preference: str | None,
) -> Recommendation:
    """Suggest an informal or formal meedenker, following domain guide §5 (rules: module docstring).

    ``text`` is what the resident wrote (all messages of the question, joined); ``route`` the route
    id of the conversation; ``preference`` the resident's explicit choice (INFORMEEL, FORMEEL or
    None). Unknown ids raise ValueError: they are a programming error, not resident input.
    """
    gebieden = list(dict.fromkeys(_check(leefgebieden, LEEFGEBIEDEN, "leefgebied")))
    groepen = list(dict.fromkeys(_check(doelgroepen, DOELGROEPEN, "doelgroep")))
    if route not in ROUTES:
        raise ValueError(f"unknown route {route!r}; known: {', '.join(ROUTES)}")
    if preference is not None and preference not in MEEDENKER_TYPES:
        raise ValueError(f"preference must be one of {MEEDENKER_TYPES} or None, got {preference!r}")
    plain = _plain(text or "")

    chosen = preference
    if chosen is None:
        chosen = _preference_in_text(plain)
    formal = _formal_signals(gebieden, groepen, plain)
    out_of_hours = _OUT_OF_HOURS.search(plain)
    hours_note = (
        f"De inwoner zoekt iemand buiten kantoortijd ('{out_of_hours.group(0)}')." if out_of_hours else None
    )

    # 1. Safety first: formal, whatever the preference.
    danger_route = route if is_crisis(route) else None
    if danger_route is None:
        signal = detect_crisis(text or "")
        danger_route = signal.route if signal else None
    if danger_route is not None:
        reasons = [f"Er is een risico voor de veiligheid ({_SAFETY[danger_route]}). Daarom een beroepskracht."]
        if chosen == INFORMEEL:
            reasons.append("De inwoner wil liever een vrijwilliger, maar veiligheid gaat voor.")
        reasons.extend(formal)
        if hours_note:
            reasons.append(_let_op(hours_note))
        return Recommendation(FORMEEL, tuple(reasons))

    # 2. The resident chooses.
    if chosen == INFORMEEL:
        reasons = ["De inwoner kiest zelf: liever een vrijwilliger of ervaringsdeskundige."]
        reasons.extend(_let_op(f"{r} Vraag zo nodig een beroepskracht om advies.") for r in formal)
        if hours_note:
            reasons.append(hours_note)
        return Recommendation(INFORMEEL, tuple(reasons))
    if chosen == FORMEEL:
        reasons = ["De inwoner kiest zelf: liever een beroepskracht."]
        reasons.extend(formal)
        if hours_note:
            reasons.append(_let_op(hours_note))
        return Recommendation(FORMEEL, tuple(reasons))

    # 3. Formal where it must.
    if formal:
        if hours_note:
            formal.append(_let_op(f"{hours_note} Een vrijwilliger kan daarbij helpen."))
        return Recommendation(FORMEEL, tuple(formal))

    # 4. Informal where it can.
    reasons = []
    if hours_note:
        reasons.append(f"{hours_note} Een vrijwilliger is vaker ook 's avonds bereikbaar.")
    practical = _PRACTICAL.search(plain)
    if practical:
        reasons.append(f"Praktische hulp ('{practical.group(0)}'). Dat kan een vrijwilliger goed.")
    if not reasons:
        reasons.append("De vraag lijkt licht. Er is geen reden voor een beroepskracht.")
    return Recommendation(INFORMEEL, tuple(reasons))
