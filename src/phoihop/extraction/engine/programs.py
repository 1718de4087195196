"""Coordination programmes, regulations and plans named in a text, each once, with number, period and role."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .dates import YEAR_RANGE, find_dates
from .orgs import find_orgs
from .text import Layout, Sentence
from .vietnamese import LETTER_CLASS

_L = LETTER_CLASS
_S = r"[ \t\u00a0]+"
_S0 = r"[ \t\u00a0]*"

# A document number: "145/CTr-UBND-LĐLĐ", "01/2019/QCPH-UBND-LĐLĐ", "12/QC-UBND-LĐLĐ", "37-CT/TW".
DOC_NUMBER = r"\d{1,5}(?:/(?:19|20)\d\d)?[/-][A-ZĐ][A-Za-zĐđ0-9&]*(?:[-/][A-Za-zĐđ0-9&]+)*"
_DOC_NUMBER_RE = re.compile(rf"(?<![\w/]){DOC_NUMBER}")
_NUMBER_AFTER = re.compile(rf"{_S0}(?:\({_S0})?(?:[Ss]ố{_S0}:?{_S0})?({DOC_NUMBER})")
_PARTY_NUMBER = re.compile(r"^\d+-[A-Za-zĐđ]+/[A-ZĐ]+")  # Party documents: "37-CT/TW", "10-CTr/TU"

_TYPES = [
    (r"chương trình phối hợp(?:{s}(?:công tác|hoạt động|thực hiện))?", "chương trình", True),
    (r"chương trình liên tịch", "chương trình", True),
    (r"quy chế phối hợp(?:{s}(?:công tác|hoạt động|làm việc))?", "quy chế", True),
    (r"quy chế liên tịch", "quy chế", True),
    (r"kế hoạch phối hợp|kế hoạch liên tịch", "kế hoạch", True),
    (r"chương trình", "chương trình", False),
    (r"quy chế", "quy chế", False),
    (r"kế hoạch", "kế hoạch", False),
]
_TYPE_RE = re.compile(
    "|".join(f"(?P<t{i}>(?<![{_L}])(?:{p.format(s=_S)})(?![{_L}]))" for i, (p, _, _) in enumerate(_TYPES)),
    re.IGNORECASE,
)
# Generic uses of the type words that never name a coordination document.
_NOT_A_PROGRAM = re.compile(
    rf"{_S}(?:dân chủ|hành động|công tác(?!{_S}(?:giữa|phối))|mục tiêu|phát triển|nghệ thuật|văn nghệ|"
    rf"giáo dục|đào tạo|làm việc(?!{_S}phối)|chi tiêu|nội bộ|tổ chức và hoạt động|khen thưởng|thi đua|"
    rf"sản xuất|kinh doanh|đầu tư|giao lưu|học bổng|đề ra|đã đề ra|năm học)(?![{_L}])|{_S0},{_S0}(?:kế hoạch|chương trình)",
    re.IGNORECASE,
)
_COUNTED = re.compile(rf"(?<![\d.,/])\d[\d.]*{_S}$")
_QUOTED_NAME = re.compile(rf"{_S0}[“\"]([^”\"\n]{{3,160}})[”\"]")
_NAMED_INSIDE = re.compile(rf"[“\"](Chương trình{_S}[^”\"\n]{{3,160}})[”\"]")
_NAMED_BARE = re.compile(
    rf"(?<![{_L}“\"])Chương trình{_S}(\d[\d.,]*{_S}(?:triệu|nghìn|ngàn|tỷ)?{_S0}[{_L} ]{{3,40}})"
)

_PERIOD_PATTERNS = [
    (re.compile(rf"(?:giai đoạn|nhiệm kỳ|thời kỳ|Giai đoạn|Nhiệm kỳ){_S}(?:từ{_S}(?:năm{_S})?)?((?:19|20)\d\d)"
                rf"{_S0}(?:[-–—]|đến|tới){_S0}(?:năm{_S})?((?:19|20)\d\d)"), "range"),
    (YEAR_RANGE, "range"),
    (re.compile(rf"(?<![{_L}])từ{_S}năm{_S}((?:19|20)\d\d)(?!{_S0}(?:[-–—]|đến))"), "from"),
    (re.compile(rf"(?<![{_L}])năm{_S}((?:19|20)\d\d)(?![\d])(?!{_S0}[-–—]{_S0}\d)"), "year"),
]  # fmt: skip
_WINDOW_STOP = re.compile(
    rf"[.;:!?\n]|(?<![{_L}])(?:nghị quyết|đại hội|chỉ thị|nghị định|(?<!pháp )luật|kết luận|phong trào|tháng công nhân|"
    rf"dự án|chương trình|quy chế|kế hoạch)(?![{_L}])|{_S}và{_S}(?:ký|triển khai|tổng kết|sơ kết|thông qua|ban hành)",
    re.IGNORECASE,
)
_CONTENT_AREAS = re.compile(
    rf"(?:(?<![{_L}])(?:tập trung vào|tập trung|gồm có|gồm|với|có|bao gồm|xoay quanh|thực hiện|về){_S})?"
    rf"(?<![\d.,])(\d+|hai|ba|bốn|sáu|bảy|tám|chín|mười){_S}(?:nhóm{_S})?(?:nội dung|lĩnh vực phối hợp)(?![{_L}])",
    re.IGNORECASE,
)
_STRUCTURE = re.compile(rf"(\d+|[{_L}]+){_S}chương{_S0},{_S0}(\d+){_S}điều", re.IGNORECASE)
_WORD_NUMBERS = {"hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10}

_SIGN_BEFORE = re.compile(
    rf"(?:ký kết|thống nhất ký|cùng ký|ký|thông qua(?:{_S}dự thảo)?|ban hành|phê duyệt|triển khai|"
    rf"lễ ký(?:{_S}kết)?|công bố){_S0}(?:{_S}(?:các|bản|văn bản|dự thảo))?{_S0}$",
    re.IGNORECASE,
)
_PARENT_BEFORE = re.compile(
    rf"(?:cụ thể hóa|cụ thể hoá|triển khai thực hiện|thực hiện|căn cứ|trên cơ sở|theo){_S}"
    rf"(?:[{_L}]+{_S}){{0,3}}$",
    re.IGNORECASE,
)
_REVIEW_BEFORE = re.compile(
    rf"(?:tổng kết|sơ kết|kết quả thực hiện|kết quả|thực hiện|đánh giá|năm thực hiện|triển khai thực hiện|"
    rf"qua{_S}\d+{_S}năm|thực hiện tốt|tồn tại|hạn chế của|từ){_S0}(?:{_S}[{_L}]+){{0,3}}{_S0}$",
    re.IGNORECASE,
)
# After a programme: "của Tổng LĐLĐ …", "giữa Chính phủ và Tổng LĐLĐ …" (whose programme it is).
_HIGHER_OWNER = re.compile(
    rf"{_S0}[^.;]{{0,60}}?(?<![{_L}])(?:của|giữa){_S}(?:Tổng|Bộ|Chính phủ|Thủ tướng|Ban|Ủy ban|Uỷ ban|UBND|"
    rf"Liên đoàn|LĐLĐ|Tỉnh|Thành|BCH|Ban Thường vụ|Đoàn Chủ tịch|Trung ương|Đảng)"
)
# "Thông qua chương trình “Mái ấm Công đoàn”, LĐLĐ quận trao …": "through", not "adopted".
_THROUGH = re.compile(rf"(?:^|[.;,:\n])[ \t]*(?:Thông qua|thông qua){_S0}$")
_REPLACED_BEFORE = re.compile(rf"(?:thay thế|bãi bỏ|hết hiệu lực|sửa đổi){_S0}$", re.IGNORECASE)
_REFERENCED_BEFORE = re.compile(
    rf"(?:thay thế|bãi bỏ|hết hiệu lực|sửa đổi){_S}(?:[{_L}]+{_S}){{0,2}}$", re.IGNORECASE
)
_YEARLY = re.compile(rf"(?:hàng|hằng){_S}(?:năm|quý)[^.;]{{0,80}}$", re.IGNORECASE)
_DECISION = re.compile(
    rf"[Qq]uyết định{_S}(?:số{_S0}:?{_S0})?({DOC_NUMBER})(?P<rest>[^.;\n]{{0,160}}?)ban hành{_S}"
    rf"(?:bản{_S})?(?=quy chế)",
    re.IGNORECASE,
)


@dataclass
class Mention:
    """One place where the text names a programme, regulation or plan."""

    start: int
    end: int
    kind: str
    specific: bool
    number: str | None = None
    name: str | None = None
    own_date: str | None = None
    period: tuple[int | None, int | None] | None = None
    hint: str | None = None
    in_lead: bool = False
    in_title: bool = False
    governed_year: int | None = None


@dataclass
class Program:
    """A programme as listed in the output."""

    kind: str
    number: str | None = None
    name: str | None = None
    signed_date: str | None = None
    period: tuple[int | None, int | None] | None = None
    hints: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    content_areas: int | None = None
    structure: str | None = None
    first: int = 0


def _period_after(text: str, start: int, limit: int) -> tuple[tuple[int | None, int | None] | None, int]:
    stop = _WINDOW_STOP.search(text, start, min(limit, start + 230))
    end = stop.start() if stop else min(limit, start + 230)
    best = None
    for pat, kind in _PERIOD_PATTERNS:
        m = pat.search(text, start, end)
        if m and (best is None or m.start() < best[0]):
            # "Đại hội … nhiệm kỳ 2023-2028" is a congress term, not the programme's period.
            if kind == "range" and re.search(r"đại hội", text[max(start, m.start() - 60) : m.start()], re.I):
                continue
            if kind == "range":
                a, b = int(m.group(1)), int(m.group(2))
                if a <= b:
                    best = (m.start(), (a, b), m.end())
            elif kind == "from":
                best = (m.start(), (int(m.group(1)), None), m.end())
            else:
                # "5 năm 2020-2025", "Luật lao động năm 2019" and the like are handled by the stop words.
                y = int(m.group(1))
                best = (m.start(), (y, y), m.end())
    if best is None:
        return None, start
    return best[1], best[2]


_GOVERNED = re.compile(
    rf"(?:kế hoạch|chương trình|KẾ HOẠCH|CHƯƠNG TRÌNH)(?:{_S}(?!và\b)[^\s,;.]+){{0,4}}{_S}"
    rf"(?:thực hiện|triển khai thực hiện){_S}$|"
    rf"^\s*(?:Thực hiện|Triển khai thực hiện){_S}$|\n[ \t]*(?:Thực hiện|Triển khai thực hiện){_S}$",
    re.IGNORECASE,
)
_PERIOD_LEAD = re.compile(
    rf"(?:^|[.;,\n])[ \t]*(?:[Tt]rong{_S})?[Gg]iai đoạn{_S}((?:19|20)\d\d){_S0}[-–—]{_S0}((?:19|20)\d\d){_S0},{_S0}"
    rf"(?:[{_L}]+{_S}){{0,4}}$"
)


def _period_before(text: str, start: int) -> tuple[int, int] | None:
    """ "Giai đoạn 2016-2020, thực hiện Quy chế phối hợp số …": a period that opens the clause."""
    m = _PERIOD_LEAD.search(text[max(0, start - 80) : start])
    if m and int(m.group(1)) <= int(m.group(2)):
        return int(m.group(1)), int(m.group(2))
    return None


def _find_mentions(layout: Layout, lead: Sentence | None, own: set[tuple[str, str | None]]) -> list[Mention]:
    text = layout.text
    title_span = None
    if layout.title_line is not None:
        tl = layout.lines[layout.title_line]
        title_span = (tl.start, tl.end)
    out: list[Mention] = []
    named_spans: list[tuple[int, int]] = []
    # Named union programmes: Chương trình “…”, “Chương trình …”, Chương trình 1 triệu sáng kiến.
    for rx in (_NAMED_INSIDE, _NAMED_BARE):
        for m in rx.finditer(text):
            if layout.is_clutter(m.start()) or any(a <= m.start() < b for a, b in named_spans):
                continue
            if _COUNTED.search(text, max(0, m.start() - 12), m.start()):
                continue
            name = re.sub(r"\s+", " ", m.group(1)).strip()
            out.append(Mention(m.start(), m.end(), "chương trình", True, name=_name_key(name)))
            named_spans.append((m.start(), m.end()))
    for m in _TYPE_RE.finditer(text):
        if layout.is_clutter(m.start()) or any(a <= m.start() < b for a, b in named_spans):
            continue
        if _COUNTED.search(text, max(0, m.start() - 12), m.start()):
            continue  # "tổ chức 18 chương trình “…”": events counted, not a document
        in_lead = bool(lead and lead.start <= m.start() < lead.end)
        mention = _read_mention(text, m, in_lead)
        if mention is None:
            continue
        mention.in_title = bool(title_span and title_span[0] <= m.start() < title_span[1])
        mention.hint = _hint(text, m.start(), mention, layout, own)
        out.append(mention)
    _apply_decisions(text, out)
    out.sort(key=lambda x: x.start)
    # "Kế hoạch số 312/KH-UBND … thực hiện Quy chế phối hợp công tác năm 2023": the year is the plan's.
    for prev, nxt in zip(out, out[1:], strict=False):
        if (
            nxt.governed_year
            and prev.kind == "kế hoạch"
            and prev.period is None
            and nxt.start - prev.end < 160
        ):
            prev.period = (nxt.governed_year, nxt.governed_year)
    return out


def _read_mention(text: str, m: re.Match[str], in_lead: bool) -> Mention | None:
    """The programme named by a type word ("chương trình phối hợp …"), or None for a generic use."""
    idx = next(i for i in range(len(_TYPES)) if m.group(f"t{i}"))
    _, kind, specific = _TYPES[idx]
    pos = m.end()
    number = None
    nm = _NUMBER_AFTER.match(text, pos)
    if nm:
        if _PARTY_NUMBER.match(nm.group(1)):
            return None  # a Party programme ("10-CTr/TU") is never a coordination document
        number = nm.group(1).rstrip(".-/")
        pos = nm.end()
    name = None
    qm = _QUOTED_NAME.match(text, m.end())
    if qm and kind == "chương trình" and not specific and number is None:
        name, pos, specific = _name_key(qm.group(1)), qm.end(), True
    if number is None and name is None and _NOT_A_PROGRAM.match(text, m.end()):
        return None
    # A plan counts only when it is a coordination plan pinned down (§6.1), never a yearly habit and never
    # a body's own plan for a campaign ("Kế hoạch số 12/KH-LĐLĐ về tổ chức Tháng Công nhân").
    if kind == "kế hoạch" and number is not None and not specific and not _joint_plan(text, m.end(), number):
        return None
    if kind == "kế hoạch" and not in_lead:
        if number is None and _YEARLY.search(text[max(0, m.start() - 120) : m.start()]):
            return None
    own_date = None
    if re.match(rf"{_S0},?{_S0}(?:(?:được{_S})?(?:ký|ban hành){_S})?ngày{_S}", text[pos : pos + 40]):
        ds = find_dates(text, pos, min(len(text), pos + 60))
        if ds and ds[0].start - pos < 40 and ds[0].year is not None:
            own_date = ds[0].iso()
            pos = ds[0].end
    period, _ = _period_after(text, pos, len(text))
    # "Kế hoạch thực hiện Quy chế phối hợp … năm 2024": the year is the plan's, not the regulation's.
    governed_year = None
    if period and period[0] == period[1] and _GOVERNED.search(text[max(0, m.start() - 80) : m.start()]):
        governed_year, period = period[0], None
    # "trong thực hiện Quy chế phối hợp năm 2024": a regulation runs for years; the year is the work's.
    if (
        period
        and kind == "quy chế"
        and period[0] == period[1]
        and number is None
        and re.search(rf"thực hiện{_S0}$", text[max(0, m.start() - 20) : m.start()], re.IGNORECASE)
    ):
        governed_year, period = period[0], None
    if period is None and (specific or number):
        period = _period_before(text, m.start())
    if kind == "kế hoạch" and number is None and period is None and not in_lead:
        return None
    mention = Mention(m.start(), pos, kind, specific, number, name, own_date, period, in_lead=in_lead)
    mention.governed_year = governed_year
    return mention


def _joint_plan(text: str, pos: int, number: str) -> bool:
    """A numbered plan is a coordination plan when its number or its wording says so."""
    if re.search(r"KHLT|KHPH|LT-|PH-|-[A-ZĐ]+-[A-ZĐ]+", number):
        return True
    return bool(re.search(r"phối hợp|liên tịch", text[pos : pos + 120], re.IGNORECASE))


def _name_key(name: str) -> str:
    name = re.sub(r"^Chương trình\s+", "", name.strip(), flags=re.IGNORECASE)
    return re.split(r"\s+[-–—:]\s+", name)[0].strip()


def _owned_by_parties(text: str, pos: int, own: set[tuple[str, str | None]]) -> bool:
    """True when the bodies a programme is "của"/"giữa" are the text's own parties (so it is no parent)."""
    om = re.search(rf"(?<![{_L}])(?:của|giữa){_S}", text[pos : pos + 80])
    if not om or not own:
        return False
    owners = find_orgs(text, pos + om.end(), min(len(text), pos + om.end() + 90))
    return bool(owners) and all((o.kind, o.level) in own for o in owners[:2])


def _hint(
    text: str, start: int, mention: Mention, layout: Layout, own: set[tuple[str, str | None]] | None = None
) -> str | None:
    before = text[max(0, start - 60) : start]
    sent = layout.sentence_at(start)
    if sent is not None:
        before = text[max(sent.start, start - 60) : start]
    if _REFERENCED_BEFORE.search(before):
        return "referenced"
    if re.search(r"cụ thể (?:hóa|hoá)[^.;]{0,30}$", before, re.IGNORECASE):
        return "parent"
    # "Kế hoạch … thực hiện Chương trình …": the programme a plan or programme puts into practice.
    lo = max(0, start - 140) if sent is None else max(sent.start, start - 140)
    if re.search(
        rf"(?:kế hoạch|chương trình|quy chế)[^.;\n]{{0,100}}(?:thực hiện|triển khai thực hiện|cụ thể hóa){_S}$",
        text[lo:start],
        re.IGNORECASE,
    ):
        return "parent"
    after = text[mention.end : mention.end + 160]
    # "sơ kết 2 năm thực hiện Quy chế … của UBND tỉnh": the meeting reviews it, whoever issued it.
    if re.search(r"(?:tổng kết|sơ kết|kết quả|đánh giá)[^.;]{0,40}$", before, re.IGNORECASE):
        return "reviewed"
    if (
        _PARENT_BEFORE.search(before)
        and _HIGHER_OWNER.match(after)
        and not _owned_by_parties(text, mention.end, own or set())
    ):
        return "parent"
    if _SIGN_BEFORE.search(before) and not _THROUGH.search(before):
        past = re.search(rf"(?:đã|được|từng){_S}(?:[{_L}]+{_S}){{0,2}}$", before, re.IGNORECASE)
        if mention.own_date is None or not past:
            if not past or mention.in_lead or _sentence_is_lead(layout, start):
                return "signed"
        return "past_signed"
    if _REVIEW_BEFORE.search(before):
        return "reviewed"
    return None


def _sentence_is_lead(layout: Layout, pos: int) -> bool:
    body = layout.body_sentences()
    return bool(body) and body[0].start <= pos < body[0].end


_ATTACHED_DECISION = re.compile(
    rf"[^.;\n]{{0,160}}?(?:ban hành{_S})?kèm theo{_S}[Qq]uyết định{_S}(?:số{_S0}:?{_S0})?({DOC_NUMBER})"
    rf"(?P<rest>{_S0}(?:ngày{_S}[^.;,\n]{{4,30}})?)",
)


def _apply_decisions(text: str, mentions: list[Mention]) -> None:
    """ "Quyết định số X ngày D ban hành Quy chế phối hợp …": the regulation takes the decision's number."""
    for x in mentions:
        if x.kind != "quy chế" or x.number:
            continue
        am = _ATTACHED_DECISION.match(text, x.start)
        if am:
            x.number = am.group(1).rstrip(".-/")
            ds = find_dates(am.group("rest"))
            if ds and ds[0].year is not None:
                x.own_date = ds[0].iso()
    for m in _DECISION.finditer(text):
        target = next((x for x in mentions if x.kind == "quy chế" and 0 <= x.start - m.end() < 5), None)
        if target is None or target.number:
            continue
        target.number = m.group(1).rstrip(".-/")
        ds = find_dates(m.group("rest"))
        if ds and ds[0].year is not None:
            target.own_date = ds[0].iso()
        # "… thay thế Quyết định số X … ban hành Quy chế …": the old regulation is replaced, not issued.
        if _REPLACED_BEFORE.search(text[max(0, m.start() - 40) : m.start()]):
            target.hint = "referenced"


def _merge(mentions: list[Mention]) -> list[Program]:
    programs: list[Program] = []

    def by_number(num: str) -> Program | None:
        key = re.sub(r"\s+", "", num).casefold()
        return next(
            (p for p in programs if p.number and re.sub(r"\s+", "", p.number).casefold() == key), None
        )

    def new(m: Mention) -> Program:
        p = Program(m.kind, m.number, m.name, m.own_date, m.period, first=m.start)
        programs.append(p)
        return p

    def attach(p: Program, m: Mention) -> None:
        p.mentions.append(m)
        if m.hint and (m.specific or m.number or m.name):
            p.hints.append(m.hint)
        if m.number and not p.number:
            p.number = m.number
        if m.own_date and not p.signed_date:
            p.signed_date = m.own_date
        if m.period and not p.period:
            p.period = m.period

    deferred: list[Mention] = []
    for m in mentions:
        target: Program | None
        if m.number:
            target = by_number(m.number) or next(
                (
                    q
                    for q in programs
                    if not q.number and not q.name and q.kind == m.kind and m.period and q.period == m.period
                ),
                None,
            )
        elif m.name:
            target = next((q for q in programs if q.name == m.name), None)
        elif m.period and (m.specific or m.in_lead) and not m.in_title:
            target = next(
                (q for q in programs if q.kind == m.kind and q.period == m.period and not q.name), None
            )
        else:
            deferred.append(m)
            continue
        attach(target or new(m), m)
    _merge_same_document(programs)
    for m in deferred:
        same = [p for p in programs if p.kind == m.kind and not p.name]
        exact = [p for p in same if m.period and p.period == m.period]
        if exact:
            attach(exact[0], m)
        elif m.in_title and m.period and not same:
            attach(new(m), m)
        elif same:
            # The nearest programme of that kind mentioned before (or else after) this place.
            before = [p for p in same if any(x.start < m.start for x in p.mentions)]
            target = (
                max(before, key=lambda p: max(x.start for x in p.mentions if x.start < m.start))
                if before
                else same[0]
            )
            target.mentions.append(m)
            if m.in_lead and m.hint:
                target.hints.append(m.hint)
        elif m.specific or (m.in_lead and m.kind != "kế hoạch"):
            attach(new(m), m)
    return programs


def _merge_same_document(programs: list[Program]) -> None:
    """ "Quy chế … giai đoạn 2021-2026" and "Quy chế số 02/QCPH … ngày 15/7/2021" are one regulation."""
    for numbered in [p for p in programs if p.number and p.period is None and not p.name]:
        year = int(numbered.signed_date[:4]) if numbered.signed_date else None
        fits = [
            q
            for q in programs
            if q is not numbered
            and not q.number
            and not q.name
            and q.kind == numbered.kind
            and q.period
            and year is not None
            and q.period[0] is not None
            and q.period[0] - 1 <= year <= (q.period[1] or q.period[0])
            and "signed" not in q.hints
        ]
        if len(fits) == 1:
            other = fits[0]
            numbered.period = other.period
            numbered.mentions += other.mentions
            numbered.hints += other.hints
            programs.remove(other)


def _attach_details(text: str, layout: Layout, programs: list[Program]) -> None:
    mentions = sorted(((x.start, p) for p in programs for x in p.mentions), key=lambda t: t[0])
    if not mentions:
        return
    for rx, attr in ((_CONTENT_AREAS, "content_areas"), (_STRUCTURE, "structure")):
        for m in rx.finditer(text):
            if layout.is_clutter(m.start()):
                continue
            sent = layout.sentence_at(m.start())
            lo = sent.start if sent else m.start() - 300
            prior = [(s, p) for s, p in mentions if lo - 400 <= s < m.start()]
            same_sentence = [(s, p) for s, p in prior if s >= lo]
            # "N nội dung" belongs to a document named in its sentence ("Quy chế gồm …", "Theo chương trình, …"),
            # or to the one just named when the sentence goes on about it ("Theo đó, …").
            follows_on = re.match(r"\s*(?:Theo đó|Cụ thể|Trong đó|Nội dung)", text[lo : lo + 20])
            pick = (same_sentence or (prior if follows_on else []))[-1:]
            if not pick:
                continue
            prog = pick[0][1]
            if attr == "content_areas":
                raw = m.group(1).lower()
                prog.content_areas = int(raw) if raw.isdigit() else _WORD_NUMBERS.get(raw)
            else:
                prog.structure = re.sub(r"\s+", " ", m.group(0))


def _role(p: Program, doc_kind: str) -> str:
    if "signed" in p.hints:
        return "signed"
    if "parent" in p.hints:
        return "parent"
    if "referenced" in p.hints and "reviewed" not in p.hints:
        return "referenced"
    if "reviewed" in p.hints or "past_signed" in p.hints:
        return "reviewed" if doc_kind != "signing" or "reviewed" in p.hints else "referenced"
    if any(m.in_lead for m in p.mentions) and doc_kind in ("signing", "plan"):
        return "signed"
    if doc_kind in ("interim_review", "final_review", "activity_report", "briefing"):
        return "reviewed"
    return "referenced"


_HEADER_KINDS = {
    "QUYẾT ĐỊNH": "quy chế",
    "QUY CHẾ": "quy chế",
    "CHƯƠNG TRÌNH": "chương trình",
    "KẾ HOẠCH": "kế hoạch",
}


def _apply_header(programs: list[Program], header, layout: Layout) -> None:
    """A document's own number and date go to the programme it is (or, for a decision, issues)."""
    kind = _HEADER_KINDS.get(header.doc_type)
    if kind is None or not header.number:
        return
    issued = [p for p in programs if p.kind == kind and not p.number]
    if header.doc_type == "QUYẾT ĐỊNH" and not re.search(r"ban hành", layout.text[:3000], re.IGNORECASE):
        return
    if issued:
        target = issued[0]
    elif header.doc_type != "QUYẾT ĐỊNH" or re.search(
        r"ban hành(?:\s+kèm theo[^.\n]{0,40})?\s+quy chế",
        header.subject + " " + layout.text[:3000],
        re.IGNORECASE,
    ):
        # "Về việc ban hành Quy chế phối hợp …": the decision issues a regulation that the text only names
        # generically, so no other entry stands for it.
        target = Program(kind, first=0)
        programs.insert(0, target)
    else:
        return
    target.number = header.number
    target.signed_date = target.signed_date or header.date
    target.hints.insert(0, "signed")
    if target.period is None and header.subject:
        # The title block ("KẾ HOẠCH / Thực hiện … năm 2024") dates the document as a whole.
        for pat, kind in _PERIOD_PATTERNS:
            m = pat.search(header.subject)
            if m:
                a = int(m.group(1))
                b = int(m.group(2)) if kind == "range" else (None if kind == "from" else a)
                target.period = (a, b)
                break


def find_programs(
    layout: Layout,
    lead: Sentence | None,
    doc_kind: str,
    event_date: str | None,
    header=None,
    parties: list[str] | None = None,
) -> list[dict]:
    """programs of FORMAT.md §6, in order of first mention."""
    own = {(o.kind, o.level) for p in parties or [] for o in find_orgs(p) if o.kind != "other"}
    mentions = _find_mentions(layout, lead, own)
    programs = _merge(mentions)
    if header is not None:
        _apply_header(programs, header, layout)
    _attach_details(layout.text, layout, programs)
    out = []
    for p in sorted(programs, key=lambda q: min(x.start for x in q.mentions) if q.mentions else q.first):
        role = _role(p, doc_kind)
        signed = p.signed_date
        if signed is None and role == "signed" and event_date:
            signed = event_date
        start, end = p.period if p.period else (None, None)
        out.append(
            {
                "number": p.number,
                "kind": p.kind,
                "signed_date": signed,
                "period_start_year": start,
                "period_end_year": end,
                "role": role,
                "structure": p.structure,
                "content_areas_count": p.content_areas,
            }
        )
    return out


def number_spans(text: str) -> list[tuple[int, int]]:
    """Where document numbers are written (their digits are never figures)."""
    return [(m.start(), m.end()) for m in _DOC_NUMBER_RE.finditer(text)]
