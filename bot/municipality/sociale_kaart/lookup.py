"""Finding organisations for a question: the kaart of a region (with the national fallback),
ranked by doelgroep, leefgebied, keywords and type, and the contacts open today.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Iterable

from bot.conversation.spoed import NEEDS
from bot.understanding.werkmodel import (
    DOELGROEP_LABELS,
    DOELGROEPEN,
    LEEFGEBIED_LABELS,
    LEEFGEBIEDEN,
    MEEDENKER_TYPES,
)
from bot.municipality.sociale_kaart.model import (
    Match,
    Organisatie,
    Region,
    SCORE_DOELGROEP,
    SCORE_DOELGROEP_ALLE,
    SCORE_KEYWORD,
    SCORE_LEEFGEBIED,
    SCORE_LEEFGEBIED_ALLE,
    SCORE_TYPE,
    TodayContact,
    VandaagEntry,
    _FOR_GROUP,
    _TYPE_REASON,
    _local,
    _today,
    gemeente_key,
)


@dataclass(frozen=True)
class SocialeKaart:
    """All regions; each gemeente belongs to at most one of them. ``landelijk``: the national
    same-day fallback (``landelijk.yml``) for residents whose gemeente no region covers."""

    regions: tuple[Region, ...]
    landelijk: tuple[VandaagEntry, ...] = ()

    @property
    def gemeenten(self) -> tuple[str, ...]:
        """Every gemeente on the kaart, as written in the files, sorted."""
        return tuple(sorted((g for r in self.regions for g in r.gemeenten), key=gemeente_key))

    def region_for(self, gemeente: str | None) -> Region | None:
        """The region of a gemeente (names compared leniently), or None when unknown."""
        if not gemeente or not gemeente.strip():
            return None
        key = gemeente_key(gemeente)
        for region in self.regions:
            if key in {gemeente_key(g) for g in region.gemeenten}:
                return region
        return None

    def organisatie(self, organisatie_id: str) -> Organisatie:
        """The organisation with this id; KeyError when there is none."""
        for region in self.regions:
            for org in region.organisaties:
                if org.id == organisatie_id:
                    return org
        raise KeyError(organisatie_id)

    def vandaag(self, gemeente: str | None, need: str, now: datetime, *, young: bool = False) -> list[TodayContact]:
        """What can happen today for this need: the region's same-day contacts, open ones first.

        ``need`` is one of bot/spoed.NEEDS (``urgent_need()`` gives it). ``young``: the resident is a
        young person (doelgroep "jongeren"); entries marked for young people are only shown then,
        and ``need="jongeren"`` gives those entries alone. When no region covers the gemeente (or it
        is unknown), or the region has nothing for this need there, the national fallback is given
        instead; national entries marked ``altijd`` are added to a region's own. A resident is never
        sent to another region's contacts. Order: open now first, checked entries before examples,
        then the order of the files (region first). ``now`` must be timezone-aware.
        """
        if need not in NEEDS:
            raise ValueError(f"need must be one of {NEEDS}, got {need!r}")
        _local(now)
        region = self.region_for(gemeente)
        national = [e for e in self.landelijk if e.fits(need, young)]
        regional: list[VandaagEntry] = []
        if region is not None:
            assert gemeente is not None
            regional = [e for e in region.vandaag if e.serves_gemeente(gemeente) and e.fits(need, young)]
        chosen = regional + [e for e in national if e.altijd] if regional else national
        contacts = [_today(entry, now) for entry in chosen]
        return sorted(contacts, key=lambda c: (not c.open_now, c.voorbeeld))

    def match(
        self,
        gemeente: str | None,
        leefgebieden: Iterable[str],
        doelgroepen: Iterable[str],
        meedenker_type: str | None,
        limit: int = 3,
        text: str | None = None,
    ) -> list[Match]:
        """Up to ``limit`` organisations of the resident's region, best first.

        Only the region of ``gemeente`` is searched. With no gemeente, or one that is on no region's
        list, the answer is an empty list: the assistant must not send a resident to organisations
        elsewhere in the country; the caller asks for the gemeente or offers a meedenker instead.

        An organisation takes part when it works in the gemeente, serves one of the resident's
        doelgroepen (or "alle"), serves one of the leefgebieden (or "alle", or the resident named
        none), and, if it has keywords, one of them is in ``text`` (no text: such organisations are
        left out). Each of the resident's doelgroepen it serves counts 8 (3 for "alle"), each
        leefgebied 4 (2 for "alle"; with no leefgebied given, "alle" counts once), a keyword 6, and
        the suggested ``meedenker_type`` 3. Ties keep the order of the file.
        """
        gebieden = list(dict.fromkeys(leefgebieden))
        groepen = list(dict.fromkeys(doelgroepen))
        for value, known, what in ((gebieden, LEEFGEBIEDEN, "leefgebied"), (groepen, DOELGROEPEN, "doelgroep")):
            unknown = [v for v in value if v not in known]
            if unknown:
                raise ValueError(f"unknown {what} id(s) {unknown}")
        if meedenker_type is not None and meedenker_type not in MEEDENKER_TYPES:
            raise ValueError(f"meedenker_type must be one of {MEEDENKER_TYPES} or None, got {meedenker_type!r}")
        if limit < 0:
            raise ValueError("limit must be 0 or more")
        region = self.region_for(gemeente)
        if region is None or limit == 0:
            return []
        assert gemeente is not None
        scored: list[tuple[int, int, int, Match]] = []
        for position, org in enumerate(region.organisaties):
            if not org.serves_gemeente(gemeente):
                continue
            score = 0
            specific = 0
            # Most telling reason first: callers may show only reasons[0] to the resident.
            first: list[str] = []  # specific doelgroepen, then specific leefgebieden
            keyword_reason: list[str] = []
            general: list[str] = []  # "alle"
            if org.keywords:
                keyword = org.keyword_in(text or "")
                if keyword is None:
                    continue
                score += SCORE_KEYWORD
                keyword_reason.append(f"past bij '{keyword}' in uw vraag")
            if org.all_doelgroepen:
                score += SCORE_DOELGROEP_ALLE * max(1, len(groepen))
                general.append("voor iedereen")
            else:
                hits = [g for g in groepen if g in org.doelgroepen]
                if not hits:
                    continue
                score += SCORE_DOELGROEP * len(hits)
                specific += len(hits)
                first.extend(_FOR_GROUP.get(g) or f"voor {DOELGROEP_LABELS[g]}" for g in hits)
            if org.all_leefgebieden:
                score += SCORE_LEEFGEBIED_ALLE * max(1, len(gebieden))
                general.insert(0, "helpt bij alle soorten vragen")
            elif gebieden:
                hits = [g for g in gebieden if g in org.leefgebieden]
                if not hits:
                    continue
                score += SCORE_LEEFGEBIED * len(hits)
                specific += len(hits)
                first.extend(f"helpt bij {LEEFGEBIED_LABELS[g]}" for g in hits)
            reasons = first + keyword_reason + general
            if meedenker_type is not None and org.type == meedenker_type:
                score += SCORE_TYPE
                reasons.append(_TYPE_REASON[org.type])
            scored.append((-score, -specific, position, Match(org, tuple(reasons), score)))
        scored.sort(key=lambda item: item[:3])
        return [item[3] for item in scored[:limit]]
