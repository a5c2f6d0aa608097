"""Fuzz targets: one per webhook, each a hypothesis strategy for whole HTTP requests.

A target says where to POST and how to build a request (body bytes and headers) from generated
parts; personal numbers planted in the text are returned alongside, so the test can look for
them afterwards in the tracker store, the queue and the logs. To fuzz another webhook (Telegram,
WhatsApp), add a `Target` to TARGETS with its own request builder (signing it when the channel
checks signatures); tests/fuzz/test_webhooks.py runs every target.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Callable

from hypothesis import strategies as st

from bot.understanding.privacy import is_valid_bsn, is_valid_iban


@dataclass(frozen=True)
class Request:
    body: bytes
    headers: dict[str, str]
    planted: tuple[str, ...]  # personal numbers placed in the text, to search for afterwards


@dataclass(frozen=True)
class Target:
    name: str
    path: str
    requests: Callable[[], st.SearchStrategy[Request]]


def _bsn_from(prefix: int) -> str | None:
    digits = f"{prefix:08d}"
    for last in range(10):
        if is_valid_bsn(digits + str(last)):
            return digits + str(last)
    return None


def bsns() -> st.SearchStrategy[str]:
    """Nine digits passing the 11-proef, as written: plain or in groups."""
    plain = st.integers(10_000_000, 99_999_999).map(_bsn_from).filter(bool)
    return st.tuples(plain, st.sampled_from(["{}", "dotted", "spaced"])).map(
        lambda p: p[0] if p[1] == "{}" else (".".join([p[0][:3], p[0][3:6], p[0][6:]]) if p[1] == "dotted"
                                             else " ".join([p[0][:4], p[0][4:6], p[0][6:]])))


def phones() -> st.SearchStrategy[str]:
    number = st.integers(10_000_000, 99_999_999)
    return st.tuples(st.sampled_from(["06-{}", "06{}", "+316{}", "0031 6 {}"]), number).map(lambda p: p[0].format(p[1]))


def emails() -> st.SearchStrategy[str]:
    local = st.from_regex(r"[a-z][a-z0-9.]{1,10}[a-z0-9]", fullmatch=True)
    return st.tuples(local, st.sampled_from(["voorbeeld.nl", "mail.com", "gemeente-goes.nl"])).map("@".join)


def _iban(bank: str, account: int) -> str:
    body = f"{bank}{account:010d}"
    for check in range(2, 99):
        candidate = f"NL{check:02d}{body}"
        if is_valid_iban(candidate):
            return candidate
    raise ValueError(body)


def ibans() -> st.SearchStrategy[str]:
    return st.tuples(st.sampled_from(["ABNA", "INGB", "RABO", "SNSB"]), st.integers(0, 9_999_999_999)).map(
        lambda p: _iban(*p))


def personal_numbers() -> st.SearchStrategy[str]:
    return st.one_of(bsns(), phones(), emails(), ibans())


NASTY = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "'; DROP TABLE events; --", "{{7*7}}",
    "${jndi:ldap://127.0.0.1/a}", "\u202e\u0644\u0627", "👍🏽👨‍👩‍👧", "🙂" * 40, "\x00\x01\x1b[31m", "\ufeff",
    "/groet", '/kies_leefgebied{"leefgebied":"werken"}', "/restart", "A" * 2001, " ", "",
]


def texts() -> st.SearchStrategy[tuple[str, tuple[str, ...]]]:
    """Resident text: anything, nasty strings, and sentences with personal numbers planted in them."""
    free = st.text(min_size=0, max_size=300).map(lambda t: (t, ()))
    nasty = st.sampled_from(NASTY).map(lambda t: (t, ()))
    planted = st.tuples(st.text(max_size=40), personal_numbers(), st.text(max_size=40),
                        st.sampled_from(["mijn nummer is", "bel me op", "mijn bsn is", "rekening", ""])).map(
        lambda p: (f"{p[3]} {p[1]} {p[0]} {p[2]}".strip(), (p[1],)))
    # A number planted in a button-shaped message: channels pass payloads on unmasked.
    payload = st.tuples(st.sampled_from(["/groet", "/hulpvraag", "/kies_leefgebied"]), personal_numbers()).map(
        lambda p: (f'{p[0]}{{"leefgebied": "{p[1]}"}}', (p[1],)))
    return st.one_of(free, nasty, planted, planted, payload)


SENDERS = st.one_of(st.from_regex(r"fuzz-[A-Za-z0-9_\-]{1,20}", fullmatch=True),
                    st.text(max_size=140), st.integers(), st.none())
CONTENT_TYPES = st.sampled_from(["application/json", "application/json; charset=utf-8", "text/plain",
                                 "application/x-www-form-urlencoded", "multipart/form-data", "", "application/xml"])


@st.composite
def rest_requests(draw: st.DrawFn) -> Request:
    text, planted = draw(texts())
    kind = draw(st.sampled_from(["valid", "valid", "valid", "types", "extra", "raw", "encoding", "huge"]))
    sender = draw(st.from_regex(r"fuzz-[A-Za-z0-9_\-]{1,20}", fullmatch=True))
    headers = {"Content-Type": draw(CONTENT_TYPES)}
    if kind == "valid":
        payload: object = {"sender": sender, "message": text}
        if draw(st.booleans()):
            payload["message_id"] = draw(st.one_of(st.text(max_size=200), st.integers()))  # type: ignore[index]
        body = json.dumps(payload, ensure_ascii=draw(st.booleans())).encode("utf-8")
    elif kind == "types":
        payload = {"sender": draw(SENDERS), "message": draw(st.one_of(st.none(), st.integers(), st.floats(),
                                                                        st.lists(st.text(max_size=5), max_size=3),
                                                                        st.dictionaries(st.text(max_size=5),
                                                                                        st.text(max_size=5), max_size=3),
                                                                        st.just(text)))}
        body = json.dumps(payload).encode("utf-8")
    elif kind == "extra":
        payload = {"sender": sender, "message": text, "metadata": draw(st.one_of(
            st.none(), st.text(max_size=20), st.dictionaries(st.text(max_size=10), st.text(max_size=10), max_size=4))),
            draw(st.text(max_size=10)): draw(st.text(max_size=10))}
        body = json.dumps(payload).encode("utf-8")
    elif kind == "raw":
        body = draw(st.one_of(st.binary(max_size=500), st.text(max_size=200).map(lambda t: t.encode("utf-8")),
                              st.just(b'{"sender": "fuzz-x", "message": '), st.just(b"[]"), st.just(b"null")))
        planted = ()
    elif kind == "encoding":
        raw = json.dumps({"sender": sender, "message": text}, ensure_ascii=False)
        body = raw.encode(draw(st.sampled_from(["utf-16", "latin-1", "utf-8-sig", "utf-32"])), errors="replace")
    else:
        body = json.dumps({"sender": sender, "message": text * draw(st.integers(1, 300))}).encode("utf-8")
    return Request(body=body, headers=headers, planted=planted)


TARGETS = [Target("rest", "/webhooks/rest/webhook", rest_requests)]
