"""Loading and checking the YAML files of the sociale kaart. yaml.compose keeps the line of every
node, so an error names the file and the line; a bad file stops the start.
"""
from __future__ import annotations

from datetime import date, time
from pathlib import Path

import yaml

from bot.municipality.office_hours import DAYS
from bot.conversation.spoed import NEEDS
from bot.understanding.werkmodel import DOELGROEPEN, LEEFGEBIEDEN, MEEDENKER_TYPES
from bot.municipality.sociale_kaart.model import (
    ALLE,
    ALWAYS_OPEN,
    CLOSED,
    Contact,
    EVERY_DAY,
    Interval,
    LANDELIJK_FILE,
    MAX_OFFER_WORDS,
    OpeningHours,
    Organisatie,
    Region,
    SocialeKaartError,
    VandaagEntry,
    _CLOCK,
    _CONTACT_FIELDS,
    _DAY_RANGE,
    _EMAIL,
    _ID,
    _NULL_TAG,
    _ORG_FIELDS,
    _ORG_REQUIRED,
    _PHONE,
    _TOP_FIELDS,
    _VANDAAG_FIELDS,
    _VANDAAG_REQUIRED,
    _WEBSITE,
    gemeente_key,
)
from bot.municipality.sociale_kaart.lookup import SocialeKaart


# --------------------------------------------------------------------------------------------
# Loading: yaml.compose keeps the line of every node, so errors can point at it.
# --------------------------------------------------------------------------------------------


class _File:
    """Error helpers bound to one file."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def error(self, node: yaml.Node | None, message: str) -> SocialeKaartError:
        where = f", line {node.start_mark.line + 1}" if node is not None else ""
        return SocialeKaartError(f"{self.path}{where}: {message}")

    def mapping(self, node: yaml.Node, what: str, allowed: tuple[str, ...]) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        if not isinstance(node, yaml.MappingNode):
            raise self.error(node, f"{what} must be a mapping (key: value)")
        result: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise self.error(key_node, f"{what}: keys must be plain words")
            key = key_node.value
            if key in result:
                raise self.error(key_node, f"{what}: field '{key}' appears twice")
            if key not in allowed:
                raise self.error(key_node, f"{what}: unknown field '{key}' (allowed: {', '.join(allowed)})")
            if isinstance(value_node, yaml.ScalarNode) and value_node.tag == _NULL_TAG:
                continue  # "field:" with nothing after it counts as missing
            result[key] = (key_node, value_node)
        return result

    def text(self, node: yaml.Node, what: str) -> str:
        if not isinstance(node, yaml.ScalarNode) or not str(node.value).strip():
            raise self.error(node, f"{what} must be a non-empty text")
        return str(node.value).strip()

    def text_list(self, node: yaml.Node, what: str) -> list[tuple[str, yaml.Node]]:
        if isinstance(node, yaml.ScalarNode):
            return [(self.text(node, what), node)]
        if not isinstance(node, yaml.SequenceNode) or not node.value:
            raise self.error(node, f"{what} must be a non-empty list")
        return [(self.text(item, f"{what} entry"), item) for item in node.value]


def _ids(file: _File, field: tuple[yaml.Node, yaml.Node], what: str, one: str, known: tuple[str, ...],
         owner: str) -> tuple[str, ...]:
    key, node = field
    values = file.text_list(node, f"{owner}: {what}")
    words = [value for value, _ in values]
    if ALLE in words:
        if len(words) > 1:
            raise file.error(key, f"{owner}: {what} is either 'alle' or a list of ids, not both")
        return (ALLE,)
    seen: list[str] = []
    for value, item in values:
        if value not in known:
            raise file.error(item, f"{owner}: unknown {one} '{value}' "
                                   f"(known: {ALLE}, {', '.join(known)})")
        if value in seen:
            raise file.error(item, f"{owner}: {what} lists '{value}' twice")
        seen.append(value)
    return tuple(seen)


def _offer(file: _File, node: yaml.Node, label: str) -> str:
    offer = file.text(node, f"{label}: offer")
    if "\n" in offer:
        raise file.error(node, f"{label}: offer must be one line")
    if len(offer.split()) > MAX_OFFER_WORDS:
        raise file.error(node, f"{label}: offer has {len(offer.split())} words; keep it to "
                               f"{MAX_OFFER_WORDS} or fewer (plain Dutch, B1)")
    return offer


def _flag(file: _File, node: yaml.Node, what: str) -> bool:
    raw = file.text(node, what).lower()
    if raw not in ("true", "false", "yes", "no"):
        raise file.error(node, f"{what} must be true or false")
    return raw in ("true", "yes")


def _checked(file: _File, node: yaml.Node, what: str) -> date:
    try:
        return date.fromisoformat(file.text(node, what))
    except ValueError as error:
        raise file.error(node, f"{what} must be a date like 2026-11-25") from error


def _gemeenten_of(file: _File, node: yaml.Node, label: str, region_gemeenten: dict[str, str]) -> tuple[str, ...]:
    gemeenten: list[str] = []
    for value, item in file.text_list(node, f"{label}: gemeenten"):
        if gemeente_key(value) not in region_gemeenten:
            raise file.error(item, f"{label}: gemeente '{value}' is not one of this region's gemeenten")
        gemeenten.append(region_gemeenten[gemeente_key(value)])
    return tuple(gemeenten)


def _day_keys(file: _File, key_node: yaml.Node, label: str) -> list[int]:
    """'maandag', 'elke dag', 'maandag-vrijdag', 'maandag t/m vrijdag' -> weekday numbers."""
    raw = " ".join(str(key_node.value).lower().split())
    if raw == EVERY_DAY:
        return list(range(7))
    if raw in DAYS:
        return [DAYS.index(raw)]
    found = _DAY_RANGE.match(raw)
    if found and found.group(1) in DAYS and found.group(2) in DAYS:
        first, last = DAYS.index(found.group(1)), DAYS.index(found.group(2))
        if first < last:
            return list(range(first, last + 1))
    raise file.error(key_node, f"{label}: hours: '{key_node.value}' is not a day; write a day "
                               f"({', '.join(DAYS)}), '{EVERY_DAY}' or a range like 'maandag-vrijdag'")


def _intervals(file: _File, node: yaml.Node, label: str, day: str) -> tuple[Interval, ...]:
    what = f"{label}: hours.{day}"
    raw = file.text(node, what)
    if raw.lower() == CLOSED:
        return ()
    intervals: list[Interval] = []
    for part in raw.split(","):
        found = _CLOCK.match(part)
        if not found:
            raise file.error(node, f"{what} must be like \"09:00-17:00\", \"09:00-12:00, 13:00-17:00\", "
                                   f"\"21:00-08:00\" (past midnight) or \"{CLOSED}\", not {raw!r}")
        h1, m1, h2, m2 = (int(x) for x in found.groups())
        try:
            start, end = time(h1, m1), time(h2, m2)
        except ValueError as error:
            raise file.error(node, f"{what} has a time that does not exist: {part.strip()!r}") from error
        if start == end:
            raise file.error(node, f"{what} opens and closes at the same time: {part.strip()!r} "
                                   f"(write '{ALWAYS_OPEN}' for day and night)")
        if intervals and (intervals[-1][1] <= intervals[-1][0] or start < intervals[-1][1]):
            raise file.error(node, f"{what} has times that overlap or are not in order")
        intervals.append((start, end))
    return tuple(intervals)


def _opening_hours(file: _File, node: yaml.Node, label: str) -> OpeningHours:
    if isinstance(node, yaml.ScalarNode):
        if " ".join(str(node.value).lower().split()) == ALWAYS_OPEN:
            return OpeningHours(always=True)
        raise file.error(node, f"{label}: hours must be '{ALWAYS_OPEN}' or times per day, like "
                               f"'maandag-vrijdag: \"09:00-17:00\"' on the next lines")
    if not isinstance(node, yaml.MappingNode) or not node.value:
        raise file.error(node, f"{label}: hours must be '{ALWAYS_OPEN}' or times per day")
    week: list[tuple[Interval, ...] | None] = [None] * 7
    for key_node, value_node in node.value:
        days = _day_keys(file, key_node, label)
        intervals = _intervals(file, value_node, label, str(key_node.value))
        for day in days:
            if week[day] is not None:
                raise file.error(key_node, f"{label}: hours: {DAYS[day]} is given twice")
            week[day] = intervals
    hours = tuple(day or () for day in week)
    if not any(hours):
        raise file.error(node, f"{label}: hours has no open time; leave hours out when there are none")
    return OpeningHours(week=hours)


def _vandaag_entry(file: _File, node: yaml.Node, region: str | None,
                   region_gemeenten: dict[str, str]) -> VandaagEntry:
    allowed = tuple(f for f in _VANDAAG_FIELDS if f != ("altijd" if region else "gemeenten"))
    fields = file.mapping(node, "vandaag entry", allowed)
    id_node = fields.get("id", (None, None))[1]
    label = f"vandaag entry '{id_node.value}'" if isinstance(id_node, yaml.ScalarNode) else "vandaag entry"
    for name in _VANDAAG_REQUIRED:
        if name not in fields:
            raise file.error(node, f"{label}: field '{name}' is missing")
    entry_id = file.text(fields["id"][1], f"{label}: id")
    if not _ID.match(entry_id):
        raise file.error(fields["id"][1], f"{label}: id must be lower case letters, digits, '_' or '-'")
    voor: list[str] = []
    for value, item in file.text_list(fields["voor"][1], f"{label}: voor"):
        if value not in NEEDS:
            raise file.error(item, f"{label}: voor: unknown need '{value}' (known: {', '.join(NEEDS)})")
        if value in voor:
            raise file.error(item, f"{label}: voor lists '{value}' twice")
        voor.append(value)
    advies = _flag(file, fields["advies"][1], f"{label}: advies") if "advies" in fields else False
    contact: dict[str, str] = {}
    for name, pattern, example in (("phone", _PHONE, "0113 123456"), ("website", _WEBSITE, "https://www.example.nl")):
        if name in fields:
            value = file.text(fields[name][1], f"{label}: {name}")
            if not pattern.match(value):
                raise file.error(fields[name][1], f"{label}: {name} {value!r} is not valid (like {example})")
            contact[name] = value
    if not contact and not advies:
        raise file.error(node, f"{label}: needs a phone or a website (or 'advies: true' for general advice)")
    hours = _opening_hours(file, fields["hours"][1], label) if "hours" in fields else None
    if "phone" in contact and hours is None:
        raise file.error(fields["phone"][1], f"{label}: field 'hours' is missing: a resident must know when "
                                             f"to call (write '{ALWAYS_OPEN}' or times per day)")
    return VandaagEntry(
        id=entry_id,
        name=file.text(fields["name"][1], f"{label}: name"),
        voor=tuple(voor),
        offer=_offer(file, fields["offer"][1], label),
        checked=_checked(file, fields["checked"][1], f"{label}: checked"),
        source=file.path,
        region=region,
        phone=contact.get("phone"),
        website=contact.get("website"),
        hours=hours,
        voorbeeld=_flag(file, fields["voorbeeld"][1], f"{label}: voorbeeld") if "voorbeeld" in fields else False,
        advies=advies,
        gemeenten=(_gemeenten_of(file, fields["gemeenten"][1], label, region_gemeenten)
                   if "gemeenten" in fields else ()),
        altijd=_flag(file, fields["altijd"][1], f"{label}: altijd") if "altijd" in fields else False,
    )


def _vandaag_list(file: _File, node: yaml.Node, region: str | None, region_gemeenten: dict[str, str],
                  id_nodes: dict[str, yaml.Node]) -> tuple[VandaagEntry, ...]:
    """The `vandaag:` list of one file; ids are added to id_nodes (shared with the organisations)."""
    if not isinstance(node, yaml.SequenceNode) or not node.value:
        raise file.error(node, "vandaag must be a non-empty list")
    entries: list[VandaagEntry] = []
    for item in node.value:
        entry = _vandaag_entry(file, item, region, region_gemeenten)
        if entry.id in id_nodes:
            raise file.error(item, f"id '{entry.id}' is used twice "
                                   f"(first at line {id_nodes[entry.id].start_mark.line + 1})")
        id_nodes[entry.id] = item
        entries.append(entry)
    return tuple(entries)


def _organisatie(file: _File, node: yaml.Node, region: str, region_gemeenten: dict[str, str]) -> Organisatie:
    fields = file.mapping(node, "organisation", _ORG_FIELDS)
    id_node = fields.get("id", (None, None))[1]
    label = f"organisation '{id_node.value}'" if isinstance(id_node, yaml.ScalarNode) else "organisation"
    for name in _ORG_REQUIRED:
        if name not in fields:
            raise file.error(node, f"{label}: field '{name}' is missing")
    org_id = file.text(fields["id"][1], f"{label}: id")
    if not _ID.match(org_id):
        raise file.error(fields["id"][1], f"{label}: id must be lower case letters, digits, '_' or '-'")
    offer = _offer(file, fields["offer"][1], label)
    type_node = fields["type"][1]
    kind = file.text(type_node, f"{label}: type")
    if kind not in MEEDENKER_TYPES:
        raise file.error(type_node, f"{label}: type must be {' or '.join(MEEDENKER_TYPES)}, not '{kind}'")
    contact_fields = file.mapping(fields["contact"][1], f"{label}: contact", _CONTACT_FIELDS)
    contact_values: dict[str, str] = {}
    for name, (_, value_node) in contact_fields.items():
        value = file.text(value_node, f"{label}: contact.{name}")
        pattern = {"phone": _PHONE, "website": _WEBSITE, "email": _EMAIL}[name]
        if not pattern.match(value):
            example = {"phone": "0113 123456", "website": "https://www.example.nl", "email": "info@example.nl"}[name]
            raise file.error(value_node, f"{label}: contact.{name} {value!r} is not valid (like {example})")
        contact_values[name] = value
    if "phone" not in contact_values and "website" not in contact_values:
        raise file.error(fields["contact"][0], f"{label}: contact needs a phone or a website")
    gemeenten = _gemeenten_of(file, fields["gemeenten"][1], label, region_gemeenten) if "gemeenten" in fields else ()
    keywords: list[str] = []
    if "keywords" in fields:
        keywords = [value for value, _ in file.text_list(fields["keywords"][1], f"{label}: keywords")]
    return Organisatie(
        id=org_id,
        name=file.text(fields["name"][1], f"{label}: name"),
        offer=offer,
        leefgebieden=_ids(file, fields["leefgebieden"], "leefgebieden", "leefgebied", LEEFGEBIEDEN, label),
        doelgroepen=_ids(file, fields["doelgroepen"], "doelgroepen", "doelgroep", DOELGROEPEN, label),
        type=kind,
        contact=Contact(**contact_values),
        hours=file.text(fields["hours"][1], f"{label}: hours"),
        region=region,
        gemeenten=gemeenten,
        keywords=tuple(keywords),
    )


def _root(path: Path) -> yaml.Node:
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError) as error:
        raise SocialeKaartError(f"{path}: cannot be read: {error}") from error
    except yaml.YAMLError as error:
        raise SocialeKaartError(f"{path}: is not valid YAML: {error}") from error
    if root is None:
        raise SocialeKaartError(f"{path}: the file is empty")
    return root


def _landelijk(path: Path) -> tuple[tuple[VandaagEntry, ...], dict[str, yaml.Node]]:
    """The national fallback file: only a `vandaag:` list, without gemeenten."""
    file = _File(path)
    root = _root(path)
    fields = file.mapping(root, "the national file", ("vandaag",))
    if "vandaag" not in fields:
        raise file.error(root, "field 'vandaag' is missing at the top of the file")
    id_nodes: dict[str, yaml.Node] = {}
    return _vandaag_list(file, fields["vandaag"][1], None, {}, id_nodes), id_nodes


def _region(path: Path) -> tuple[Region, dict[str, yaml.Node], dict[str, yaml.Node]]:
    """One region file, plus the nodes of its gemeenten and of its ids (organisations and same-day
    contacts) for cross-file checks."""
    file = _File(path)
    root = _root(path)
    fields = file.mapping(root, "the file", _TOP_FIELDS)
    for name in ("region", "checked", "gemeenten", "organisaties"):
        if name not in fields:
            raise file.error(root, f"field '{name}' is missing at the top of the file")
    name = file.text(fields["region"][1], "region")
    checked = _checked(file, fields["checked"][1], "checked")
    example = _flag(file, fields["example"][1], "example") if "example" in fields else False

    gemeenten: list[str] = []
    gemeente_nodes: dict[str, yaml.Node] = {}
    for value, item in file.text_list(fields["gemeenten"][1], "gemeenten"):
        key = gemeente_key(value)
        if not key:
            raise file.error(item, f"gemeente '{value}' is not a name")
        if key in gemeente_nodes:
            raise file.error(item, f"gemeente '{value}' is listed twice "
                                   f"(first at line {gemeente_nodes[key].start_mark.line + 1})")
        gemeente_nodes[key] = item
        gemeenten.append(value)
    region_gemeenten = {gemeente_key(g): g for g in gemeenten}

    orgs_node = fields["organisaties"][1]
    if not isinstance(orgs_node, yaml.SequenceNode) or not orgs_node.value:
        raise file.error(orgs_node, "organisaties must be a non-empty list")
    organisaties: list[Organisatie] = []
    id_nodes: dict[str, yaml.Node] = {}
    for item in orgs_node.value:
        org = _organisatie(file, item, name, region_gemeenten)
        if org.id in id_nodes:
            raise file.error(item, f"organisation id '{org.id}' is used twice "
                                   f"(first at line {id_nodes[org.id].start_mark.line + 1})")
        id_nodes[org.id] = item
        organisaties.append(org)
    vandaag = (_vandaag_list(file, fields["vandaag"][1], name, region_gemeenten, id_nodes)
               if "vandaag" in fields else ())
    region = Region(name=name, gemeenten=tuple(gemeenten), organisaties=tuple(organisaties),
                    checked=checked, source=path, example=example, vandaag=vandaag)
    return region, gemeente_nodes, id_nodes


def load_sociale_kaart(folder: Path) -> SocialeKaart:
    """Read and check every ``*.yml`` file in the folder (one region each), in name order, and
    ``landelijk.yml`` (when present) as the national same-day fallback.

    Raises SocialeKaartError naming the file and the line of the bad entry: unknown leefgebied,
    doelgroep or need, missing or unknown field, bad type, contact, hours or date, an id used twice
    (also across files), a gemeente in two regions, a region name used twice.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise SocialeKaartError(f"{folder}: the sociale kaart folder does not exist")
    paths = sorted(p for p in folder.glob("*.yml") if p.name != LANDELIJK_FILE)
    if not paths:
        raise SocialeKaartError(f"{folder}: no region files (*.yml) found")
    regions: list[Region] = []
    gemeente_seen: dict[str, tuple[str, Path, yaml.Node]] = {}
    id_seen: dict[str, tuple[Path, yaml.Node]] = {}
    region_seen: dict[str, Path] = {}
    landelijk: tuple[VandaagEntry, ...] = ()
    national = folder / LANDELIJK_FILE
    if national.exists():
        landelijk, national_ids = _landelijk(national)
        id_seen.update({entry_id: (national, node) for entry_id, node in national_ids.items()})
    for path in paths:
        region, gemeente_nodes, id_nodes = _region(path)
        if region.name.casefold() in region_seen:
            raise SocialeKaartError(f"{path}: region '{region.name}' is also in {region_seen[region.name.casefold()]}")
        region_seen[region.name.casefold()] = path
        for key, node in gemeente_nodes.items():
            if key in gemeente_seen:
                other_region, other_path, other_node = gemeente_seen[key]
                raise SocialeKaartError(
                    f"{path}, line {node.start_mark.line + 1}: gemeente '{node.value}' is also in region "
                    f"'{other_region}' ({other_path}, line {other_node.start_mark.line + 1}); "
                    "a gemeente belongs to one region"
                )
            gemeente_seen[key] = (region.name, path, node)
        for org_id, node in id_nodes.items():
            if org_id in id_seen:
                other_path, other_node = id_seen[org_id]
                raise SocialeKaartError(
                    f"{path}, line {node.start_mark.line + 1}: id '{org_id}' is also used in "
                    f"{other_path}, line {other_node.start_mark.line + 1}"
                )
            id_seen[org_id] = (path, node)
        regions.append(region)
    return SocialeKaart(regions=tuple(regions), landelijk=landelijk)
