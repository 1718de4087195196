"""Which bodies are parties: the two sides of the agreement, the hosts of the joint meeting, or the actor."""

from __future__ import annotations

import re

from .doc_kind import Lead
from .orgs import OrgMention, find_orgs
from .text import Layout, SpanSet
from .vietnamese import LETTER_CLASS, tone_key

_L = LETTER_CLASS
_S = r"[ \t\u00a0]+"
_S0 = r"[ \t\u00a0]*"

_BETWEEN = re.compile(rf"(?<![{_L}])giữa(?![{_L}])", re.IGNORECASE)
_BETWEEN_END = re.compile(
    rf"[.;:\n]|(?<![{_L}])(?:giai đoạn|năm \d|nhiệm kỳ|trong|về việc|về|nhằm|để|tiếp tục|được|đã|đạt|"
    rf"tại|vào|ngày|cho|với mục|theo)(?![{_L}])",
    re.IGNORECASE,
)
_ATTEND = re.compile(
    rf"(?<![{_L}])(?:tới dự|về dự|đến dự|tham dự|dự hội nghị|dự đại hội|dự lễ|dự buổi|dự chương trình|"
    rf"có sự tham dự|với sự tham dự|sự chứng kiến|"
    rf"chứng kiến|sự chỉ đạo|dưới sự|có sự tham gia|mời)(?![{_L}])",
    re.IGNORECASE,
)
_ORGAN = r"(?:(?:Ban Thường vụ|Ban thường vụ|Ban Chấp hành|Ban chấp hành|Thường trực|Đảng đoàn|Ban cán sự đảng)\s*)"
_WITH = re.compile(rf"(?<![{_L}])phối hợp với(?![{_L}])", re.IGNORECASE)
_OF_PROGRAM = re.compile(
    rf"(?:chương trình|quy chế|kế hoạch|nghị quyết|chỉ thị|quyết định|số)[^.;\n]{{0,80}}(?<![{_L}])của{_S}$",
    re.IGNORECASE,
)


def _in_titles(o: OrgMention, title_spans: list[tuple[int, int]]) -> bool:
    return any(a <= o.start < b for a, b in title_spans)


def _between_orgs(text: str, start: int, end: int, blocked) -> list[OrgMention]:
    out: list[OrgMention] = []
    for bm in _BETWEEN.finditer(text, start, end):
        em = _BETWEEN_END.search(text, bm.end(), min(end, bm.end() + 200))
        stop = em.start() if em else min(end, bm.end() + 200)
        found = find_orgs(text, bm.end(), stop, blocked)
        if len(found) >= 2 or (found and found[0].plural):
            out += found
    return out


def _subject_orgs(text: str, start: int, end: int, blocked: SpanSet, title_spans) -> list[OrgMention]:
    """Bodies in the clause before the main verb of a sentence, and after "phối hợp với"."""
    orgs = [o for o in find_orgs(text, start, end, blocked) if not _ATTEND.search(text[start : o.start])]
    orgs = [o for o in orgs if not _OF_PROGRAM.search(text[max(start, o.start - 120) : o.start])]
    if not orgs:
        return []
    first_group = orgs[0].joint
    chosen = [o for o in orgs if o.joint == first_group]
    # Subject list "UBND tỉnh và LĐLĐ tỉnh tổ chức": further bodies joined by "và" / "," before the verb.
    last = chosen[-1]
    for o in orgs:
        if o.joint == first_group:
            continue
        gap = text[last.end : o.start]
        # "UBND tỉnh và (Ban Thường vụ) LĐLĐ tỉnh": bodies joined by "và", a comma or "cùng".
        if re.fullmatch(rf"\s*(?:và|,|cùng|cùng với|với|-|–)?\s*{_ORGAN}?", gap):
            chosen.append(o)
            last = o
        else:
            break
    wm = _WITH.search(text, last.end, end)
    if wm and wm.start() - last.end < 40:
        partners = find_orgs(text, wm.end(), min(end, wm.end() + 150), blocked)
        if partners:
            g = partners[0].joint
            chosen += [p for p in partners if p.joint == g]
    return chosen


def _share_places(orgs: list[OrgMention]) -> list[OrgMention]:
    """ "UBND huyện và LĐLĐ huyện Mỹ Đức": the place (and a missing level) is shared by the pair."""
    ubnd = [o for o in orgs if o.kind == "ubnd"]
    ldld = [o for o in orgs if o.kind == "ldld"]
    if len(ubnd) == 1 and len(ldld) == 1:
        a, b = ubnd[0], ldld[0]
        if a.level is None and b.level is not None and a.place is None:
            a.level, a.place = b.level, b.place
        elif b.level is None and a.level is not None and b.place is None:
            b.level, b.place = a.level, a.place
        elif a.level == b.level:
            if a.place and not b.place:
                b.place = a.place
            elif b.place and not a.place:
                a.place = b.place
    return orgs


def _enrich(orgs: list[OrgMention], all_orgs: list[OrgMention]) -> None:
    """A party written without its place gets the one place the text elsewhere puts on the same body."""
    for o in orgs:
        if o.place or o.level is None or o.kind == "other":
            continue
        places = {
            (x.place or "").strip()
            for x in all_orgs
            if x.kind == o.kind and x.level == o.level and x.place and not x.plural
        }
        if len(places) == 1:
            o.place = places.pop()


def find_parties(
    layout: Layout, lead: Lead, blocked: SpanSet, title_spans: list[tuple[int, int]], doc_kind: str
) -> list[str]:
    """parties of FORMAT.md §5, written "UBND huyện Mỹ Đức", "LĐLĐ tỉnh" …"""
    text = layout.text
    all_orgs = [o for o in find_orgs(text, 0, len(text), blocked) if not layout.is_clutter(o.start)]
    regions: list[tuple[int, int]] = []
    if layout.title_line is not None:
        tl = layout.lines[layout.title_line]
        regions.append((tl.start, tl.end))
    body = layout.body_sentences()
    lead_idx = body.index(lead.sentence) if lead.sentence in body else 0
    for s in body[: max(1, lead_idx + 1)][:4]:
        regions.append((s.start, s.end))
    if lead.is_document:
        # A document names the two sides in its title block ("Quy chế phối hợp giữa UBND tỉnh và …").
        regions += [(ln.start, ln.end) for ln in layout.lines[:15]]
    chosen: list[OrgMention] = []
    # 0. A body that issues its own plan is the party, not the two sides of the programme it implements.
    if doc_kind == "plan" and lead.sentence is not None:
        chosen = [
            o
            for o in _subject_orgs(text, lead.sentence.start, lead.sentence.end, blocked, title_spans)
            if not _in_titles(o, title_spans)
        ][:1]
    # 1. "giữa A và B" in the headline or the lead.
    for a, b in regions if not chosen else []:
        found = _between_orgs(text, a, b, blocked)
        found = [
            o for o in found if o.kind != "other" or o.head.startswith(("Sở", "Hội", "Bảo hiểm", "Công an"))
        ]
        if found and len({o.name for o in found}) >= 2:
            chosen = found
            break
    # 2. The bodies that act in the lead sentence.
    if not chosen and lead.sentence is not None:
        chosen = _subject_orgs(text, lead.sentence.start, lead.sentence.end, blocked, title_spans)
        non_title = [o for o in chosen if not _in_titles(o, title_spans)]
        if non_title:
            chosen = non_title
    # 3. The headline.
    if not chosen and regions and layout.title_line is not None:
        a, b = regions[0]
        chosen = _subject_orgs(text, a, b, blocked, title_spans)
    if not chosen and doc_kind in ("activity_report", "plan", "other"):
        for s in body[:3]:
            chosen = _subject_orgs(text, s.start, s.end, blocked, title_spans)
            if chosen:
                break
    chosen = [o for o in chosen if o.head != "HĐND" and (o.kind != "other" or len(o.head) > 4)]
    chosen = _share_places(chosen)
    _enrich(chosen, all_orgs)
    chosen = _share_places(chosen)
    out: list[str] = []
    seen: set[str] = set()
    for o in chosen:
        name = o.name
        key = tone_key(name)
        if key not in seen and (o.level or o.place or o.kind == "other" or o.head.startswith("Tổng")):
            seen.add(key)
            out.append(name)
    # A bare "UBND"/"LĐLĐ" with no level anywhere is still a party when nothing better is known.
    if not out:
        for o in chosen:
            if tone_key(o.name) not in seen:
                seen.add(tone_key(o.name))
                out.append(o.name)
    return out
