"""One Vietnamese text in, one object of the extraction format (FORMAT.md) out."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from .doc_kind import classify, document_header, find_event_date, find_lead
from .figures import find_figures
from .orgs import issuers
from .parties import find_parties
from .people import find_people_mentions, merge_people, name_spans
from .programs import find_programs
from .text import SpanSet, analyse

TOP_KEYS = [
    "url",
    "title",
    "doc_kind",
    "event_date",
    "event_date_raw",
    "parties",
    "programs",
    "people",
    "figures",
]
PROGRAM_KEYS = [
    "number", "kind", "signed_date", "period_start_year", "period_end_year", "role", "structure",
    "content_areas_count",
]  # fmt: skip
PERSON_KEYS = ["name", "title"]
FIGURE_KEYS = ["quote", "value", "unit", "subject", "level", "period"]


def _nfc(obj: Any) -> Any:
    if isinstance(obj, str):
        return unicodedata.normalize("NFC", obj)
    if isinstance(obj, list):
        return [_nfc(x) for x in obj]
    if isinstance(obj, dict):
        return {k: _nfc(v) for k, v in obj.items()}
    return obj


def _prepare(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    # Zero-width characters and soft hyphens break words without being visible.
    return re.sub("[\u200b\u200c\u200d\u2060\ufeff\u00ad]", "", text)


def extract(text: str, url: str | None = None) -> dict:
    """Read one text into the object of FORMAT.md, keys in the documented order, strings in NFC."""
    text = _prepare(text)
    layout = analyse(text)
    lead = find_lead(layout)
    mentions = find_people_mentions(text, layout)
    people = merge_people(mentions)
    blocked = SpanSet(name_spans(people, text))
    # Bodies written inside a person's position are never parties by themselves.
    title_spans = [(p.title_start, p.title_end) for p in mentions]
    provisional_kind = {"none": "activity_report", "meeting": "activity_report", "issue": "plan"}.get(
        lead.kind, lead.kind
    )
    parties = find_parties(layout, lead, blocked, title_spans, provisional_kind)
    # Without an event word, whether the text reports figures decides between activity report and other.
    n_figures = len(find_figures(layout, parties, [], None)) if lead.kind in ("none", "meeting") else 0
    doc_kind = classify(layout, lead, len(parties), n_figures)
    if doc_kind != provisional_kind and doc_kind in ("activity_report", "plan", "other"):
        parties = find_parties(layout, lead, blocked, title_spans, doc_kind)
    header = document_header(layout)
    issuer = issuers(header.issuer_text) if header is not None else []
    if header is not None and doc_kind == "plan" and not header.joint:
        # A plan document is issued by the body in its header, whatever programme it implements.
        if issuer:
            parties = [issuer[-1].name]
    elif len({o.name for o in issuer}) >= 2:
        # A joint document names both sides in its issuer block.
        parties = list(dict.fromkeys(o.name for o in issuer))
    event = find_event_date(layout, lead, doc_kind)
    programs = find_programs(layout, lead.sentence, doc_kind, event.iso, header, parties)
    names = _programme_names(text)
    year = int(event.iso[:4]) if event.iso else (layout.stamp.year if layout.stamp else None)
    figures = find_figures(layout, parties, names, year)
    result = {
        "url": url,
        "title": layout.title,
        "doc_kind": doc_kind,
        "event_date": event.iso,
        "event_date_raw": event.raw,
        "parties": parties,
        "programs": [{k: p[k] for k in PROGRAM_KEYS} for p in programs],
        "people": [{"name": p.name, "title": p.title} for p in people],
        "figures": [{k: f[k] for k in FIGURE_KEYS} for f in figures],
    }
    return _nfc({k: result[k] for k in TOP_KEYS})


def _programme_names(text: str) -> list[str]:
    """Names of union programmes ("Chương trình 1 triệu sáng kiến"), whose digits are part of a name."""
    return [m.group(1) for m in re.finditer(r"Chương trình\s+(\d[^“”\"\n,.;:–-]{2,40})", text)]
