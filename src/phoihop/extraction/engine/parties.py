"""Which bodies are parties: the two sides of the agreement, the hosts of the joint meeting, or the actor."""

from __future__ import annotations

import re

from .doc_kind import Lead
from .orgs import OrgMention, find_orgs
from .text import Layout, SpanSet
from .vietnamese import LETTER_CLASS, UPPER_CLASS, tone_key

_L = LETTER_CLASS
_UPPER = UPPER_CLASS
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
            group = [p for p in partners if p.joint == g]
            # "phối hợp với LĐLĐ tỉnh và Công đoàn Than - Khoáng sản Việt Nam": several partners.
            for p in partners:
                if p.joint == g:
                    continue
                if not re.fullmatch(r"\s*(?:và|,|cùng|cùng với)\s*", text[group[-1].end : p.start]):
                    break
                group.append(p)
                g = p.joint
            chosen += group
    return chosen


def _level_place(o: OrgMention) -> tuple[str | None, str | None]:
    """Level word and place of a body; for other bodies they are read from the end of the name."""
    if o.kind != "other":
        return o.level, o.place
    # The youth unions of a province and of a centrally-run city carry their level in their name.
    ym = re.match(rf"(Tỉnh|Thành) đoàn((?:{_S}[{_UPPER}][{_L}]*)*)$", o.head)
    if ym:
        return ("tỉnh" if ym.group(1) == "Tỉnh" else "thành phố"), (ym.group(2).strip() or None)
    m = _TRAILING_LEVEL.search(o.head)
    if not m:
        return None, None
    return m.group(1).lower(), (m.group(2).strip() or None)


def _set_place(o: OrgMention, place: str) -> None:
    if o.kind == "other":
        o.head = f"{o.head} {place}"
    else:
        o.place = place


def _share_places(orgs: list[OrgMention]) -> list[OrgMention]:
    """ "UBND huyện và LĐLĐ huyện Mỹ Đức": the place (and a missing level) is shared by the pair."""
    distinct: dict[str, list[OrgMention]] = {}
    for o in orgs:
        distinct.setdefault(tone_key(o.name), []).append(o)
    reps = [group[0] for group in distinct.values()]
    ubnd = [o for o in reps if o.kind == "ubnd"]
    ldld = [o for o in reps if o.kind == "ldld"]
    if len(ubnd) == 1 and len(ldld) == 1 and len(reps) == 2:
        a, b = ubnd[0], ldld[0]
        if a.level is None and b.level is not None and a.place is None:
            a.level, a.place = b.level, b.place
        elif b.level is None and a.level is not None and b.place is None:
            b.level, b.place = a.level, a.place
    # "Công an tỉnh Hải Dương và LĐLĐ tỉnh": the second "tỉnh" is the same province. A body without a place
    # takes the one place that the other parties of its level share.
    known = [_level_place(o) for o in reps]
    for o, (lvl, place) in zip(reps, known, strict=True):
        if lvl is None or place:
            continue
        places = {p for lv, p in known if lv == lvl and p}
        if len(places) == 1:
            _set_place(o, places.pop())
    return _propagate(orgs, distinct)


def _propagate(orgs: list[OrgMention], distinct: dict[str, list[OrgMention]]) -> list[OrgMention]:
    """Copies of one body (the same name found twice) follow what was learnt about the first."""
    for group in distinct.values():
        for o in group[1:]:
            o.head, o.level, o.place = group[0].head, group[0].level, group[0].place
    return orgs


_TRAILING_LEVEL = re.compile(
    rf"(?<![{_L}])(tỉnh|thành phố|quận|huyện|thị xã|xã|phường)((?:{_S}[{_UPPER}][{_L}]*)*)$"
)
# Abbreviations of bodies, so that "Hội LHPN tỉnh" in a headline is the lead's "Hội Liên hiệp Phụ nữ tỉnh X".
_BODY_ABBREVIATIONS = [
    (re.compile(r"(?<![\w-])LHPN(?![\w-])"), "liên hiệp phụ nữ"),
    (re.compile(r"(?<![\w-])BHXH(?![\w-])"), "bảo hiểm xã hội"),
    (re.compile(r"(?<![\w-])MTTQ(?![\w-])"), "mặt trận tổ quốc"),
    (
        re.compile(r"(?<![\w-])(?:LĐ-TB-XH|LĐ-TB&XH|LĐTB&XH|LĐTBXH)(?![\w-])"),
        "lao động - thương binh và xã hội",
    ),
    (re.compile(r"(?<![\w-])KCN(?![\w-])"), "khu công nghiệp"),
    (re.compile(r"(?<![\w-])KKT(?![\w-])"), "khu kinh tế"),
    (re.compile(r"(?<![\w-])CĐCS(?![\w-])"), "công đoàn cơ sở"),
]


def _body_key(name: str) -> str:
    """A body's name without its level and place, abbreviations spelt out, for comparing mentions."""
    for rx, full in _BODY_ABBREVIATIONS:
        name = rx.sub(full, name)
    name = _TRAILING_LEVEL.sub("", name.strip())
    return re.sub(r"\s+", " ", tone_key(name)).strip()


def _upgrade(chosen: list[OrgMention], fuller: list[OrgMention]) -> list[OrgMention]:
    """A headline's short form of another body gives way to the lead's full form of the same body."""
    out = []
    for o in chosen:
        best = o
        if o.kind == "other":
            lvl, place = _level_place(o)
            for f in fuller:
                if f.kind != "other" or _body_key(f.head) != _body_key(o.head):
                    continue
                f_lvl, f_place = _level_place(f)
                abbreviated = any(
                    rx.search(best.head) and not rx.search(f.head) for rx, _ in _BODY_ABBREVIATIONS
                )
                if (f_lvl == lvl or lvl is None) and ((f_place and not place) or abbreviated):
                    best = f
        out.append(best)
    return out


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
            o
            for o in found
            if o.kind != "other"
            or o.head.startswith(
                (
                    "Sở",
                    "Hội",
                    "Bảo hiểm",
                    "BHXH",
                    "Công an",
                    "Ban Quản lý",
                    "Công đoàn",
                    "Tỉnh đoàn",
                    "Thành đoàn",
                )
            )
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
    # 3. The body whose work is reported, in the opening sentences (which spell it out better than a
    #    headline's "Công đoàn Nghệ An"), then the headline.
    if not chosen and doc_kind in ("activity_report", "plan", "other"):
        for s in body[:3]:
            chosen = _subject_orgs(text, s.start, s.end, blocked, title_spans)
            if chosen:
                break
    if not chosen and regions and layout.title_line is not None:
        a, b = regions[0]
        chosen = _subject_orgs(text, a, b, blocked, title_spans)
    chosen = [o for o in chosen if o.head != "HĐND" and (o.kind != "other" or len(o.head) > 4)]
    if lead.sentence is not None:
        lead_end = lead.sentence.end
        fuller = [
            o for o in all_orgs if layout.body_start <= o.start < lead_end and not _in_titles(o, title_spans)
        ]
        chosen = _upgrade(chosen, fuller)
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
