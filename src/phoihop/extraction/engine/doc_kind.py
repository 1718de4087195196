"""What the text is about (signing, review, plan, briefing …), its lead sentence and the event's date."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import DateMatch, find_dates
from .orgs import issuers
from .text import Layout, Sentence
from .vietnamese import LETTER_CLASS

_L = LETTER_CLASS
_S = r"[ \t\u00a0]+"
_S0 = r"[ \t\u00a0]*"

# Event words, each with the kind it points to. The first one in the lead sentence decides.
_EVENT_WORDS = [
    (r"họp báo", "briefing"),
    (r"tổng kết", "final_review"),
    (r"sơ kết|đánh giá giữa kỳ|đánh giá kết quả (?:\d+|hai|ba|một) năm|hội nghị liên tịch|"
     r"đánh giá kết quả (?:thực hiện|phối hợp)", "interim_review"),
    (r"giao ban", "giao_ban"),
    # "Phó Chủ tịch UBND tỉnh đã ký ban hành Kế hoạch …": one official signs to issue, nobody co-signs.
    (r"(?:đã )?ký ban hành|ký quyết định ban hành|ban hành|phê duyệt", "issue"),
    (r"lễ ký|ký kết|thống nhất ký|ký chương trình|ký quy chế|ký kế hoạch|ký thỏa thuận|ký thoả thuận|"
     r"ký biên bản|đã ký|cùng ký|thông qua (?:dự thảo )?(?:chương trình|quy chế|kế hoạch)", "signing"),
    (r"đại hội", "congress"),
]  # fmt: skip
_EVENT_RE = re.compile(
    "|".join(f"(?P<k{i}>(?<![{_L}])(?:{p})(?![{_L}]))" for i, (p, _) in enumerate(_EVENT_WORDS)),
    re.IGNORECASE,
)
_MEETING_RE = re.compile(
    rf"(?<![{_L}])(?:hội nghị|tổ chức|lễ|buổi|ký|tổng kết|sơ kết|họp|giao ban|đại hội|ban hành|triển khai|"
    rf"đánh giá)(?![{_L}])",
    re.IGNORECASE,
)
_COORDINATION = re.compile(
    rf"(?<![{_L}])(?:phối hợp|liên tịch|quy chế|giữa|hai bên|các bên|ký kết)(?![{_L}])", re.IGNORECASE
)
_DOC_HEADER = re.compile(
    r"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập\s*[-–]\s*Tự do"
)
_DOC_NUMBER_LINE = re.compile(r"^\s*Số\s*:?\s*\d+[^\n]{0,40}/", re.MULTILINE)
_DOC_TYPE = re.compile(
    r"^\s*(QUYẾT ĐỊNH|QUY CHẾ|QUY ĐỊNH|KẾ HOẠCH|CHƯƠNG TRÌNH|BÁO CÁO|HƯỚNG DẪN|THÔNG BÁO|NGHỊ QUYẾT|"
    r"CÔNG VĂN|TỜ TRÌNH|CHỈ THỊ|BIÊN BẢN|THỎA THUẬN|THOẢ THUẬN)\b",
    re.MULTILINE,
)
_PLACE_DATE_LINE = re.compile(
    rf"^[ \t]*([{_L}][{_L} .\-]{{1,40}}),[ \t]*ngày[ \t]+\d{{1,2}}[ \t]+tháng[ \t]+\d{{1,2}}[ \t]+năm[ \t]+\d{{4}}",
    re.MULTILINE,
)
_TIME_CUE = re.compile(
    rf"(?<![{_L}])((?:Sáng|Chiều|Tối|Trưa|Đêm|Ngày|Hôm|Vào|Trong|sáng|chiều|tối|trưa|đêm|ngày|hôm|vào)"
    rf"(?:{_S}(?:nay|qua|ngày|hôm))?(?:{_S}ngày)?)(?:{_S}|[ \t]*\([ \t]*)$"
)
_CUTOFF = re.compile(
    rf"(?<![{_L}])(?:[Tt]ính đến|[Tt]ính tới|[Đđ]ến nay|[Tt]ừ đầu năm|[Tt]ừ ngày|[Đđ]ến ngày|[Tt]ính từ)[^.;\n]{{0,60}}",
)


@dataclass
class Lead:
    """The sentence that announces the main event, and what kind of event it is."""

    sentence: Sentence | None
    kind: str
    is_document: bool
    event_word_pos: int | None = None


def is_document(layout: Layout) -> bool:
    """True for the wording of an administrative document (national motto, "Số: …", place-date line)."""
    head = layout.text[:1500]
    signs = sum(
        bool(x)
        for x in (_DOC_HEADER.search(head), _DOC_NUMBER_LINE.search(head), _PLACE_DATE_LINE.search(head))
    )
    return signs >= 2


@dataclass
class DocumentHeader:
    """The type line, "Số: …" and place-and-date line of an administrative document."""

    doc_type: str
    number: str | None
    date: str | None
    issuer_text: str = ""
    subject: str = ""

    @property
    def joint(self) -> bool:
        """True when the number names two bodies ("01/KHPH-UBND-LĐLĐ"), i.e. the document is joint."""
        if not self.number or "/" not in self.number:
            return False
        tail = self.number.split("/")[-1]
        return len([x for x in tail.split("-")[1:] if x]) >= 2


_HEADER_NUMBER = re.compile(r"^\s*Số\s*:?\s*(\d{1,5}(?:/\d{4})?[/-][^\s,;]+)", re.MULTILINE)


def document_header(layout: Layout) -> DocumentHeader | None:
    """Header facts of a document text, or None when the text is not a document."""
    if not is_document(layout):
        return None
    head = layout.text[:3000]
    tm = _DOC_TYPE.search(head)
    nm = _HEADER_NUMBER.search(head)
    dm = _PLACE_DATE_LINE.search(head)
    date = None
    if dm:
        dates = find_dates(dm.group(0))
        date = dates[0].iso() if dates else None
    issuer_end = nm.start() if nm else (tm.start() if tm else 0)
    issuer = "\n".join(
        ln.strip() for ln in head[:issuer_end].split("\n") if ln.strip() and not _DOC_HEADER.search(ln)
    )
    subject = ""
    if tm:
        # The title block: the rest of the type line and the lines after it, up to a blank line or the body.
        lines = []
        for ln in head[tm.end() :].lstrip(" \t\n").split("\n")[:4]:
            if not ln.strip() or re.match(
                r"\s*(?:[IVX]+\.|\d+\.|Căn cứ|Điều|Chương|Thực hiện Chương trình)", ln
            ):
                break
            lines.append(ln.strip())
        subject = " ".join(lines)
    return DocumentHeader(
        tm.group(1) if tm else "", nm.group(1).rstrip(".") if nm else None, date, issuer, subject
    )


def _first_event(text: str, start: int, end: int) -> tuple[str, int] | None:
    for m in _EVENT_RE.finditer(text, start, end):
        for i, (_, kind) in enumerate(_EVENT_WORDS):
            if m.group(f"k{i}"):
                # "ký" inside "đăng ký" (registering) is not a signing.
                if kind == "signing" and re.search(rf"đăng{_S}$", text[max(0, m.start() - 6) : m.start()]):
                    break
                return kind, m.start()
    return None


def find_lead(layout: Layout) -> Lead:
    """The lead sentence: the first body sentence (among the first few) that announces an event."""
    text = layout.text
    if is_document(layout):
        return Lead(None, "document", True)
    body = layout.body_sentences()[:6]
    for s in body:
        if _MEETING_RE.search(s.text):
            ev = _first_event(text, s.start, s.end)
            if ev:
                return Lead(s, ev[0], False, ev[1])
    # No event word in the opening sentences: look at the headline, then settle for the first sentence.
    if layout.title_line is not None:
        tl = layout.lines[layout.title_line]
        ev = _first_event(text, tl.start, tl.end)
        first = body[0] if body else None
        if ev:
            return Lead(first, ev[0], False, None)
    for s in body:
        if _MEETING_RE.search(s.text):
            return Lead(s, "meeting", False, None)
    return Lead(body[0] if body else None, "none", False, None)


def classify(layout: Layout, lead: Lead, n_parties: int, n_figures: int) -> str:
    """doc_kind of FORMAT.md §3."""
    text = layout.text
    title = layout.title
    lead_text = lead.sentence.text if lead.sentence else ""
    if lead.is_document:
        m = _DOC_TYPE.search(text[:3000])
        doc_type = m.group(1) if m else ""
        if doc_type == "BÁO CÁO":
            head = text[m.end() : m.end() + 400].lower() if m else ""
            if "tổng kết" in head:
                return "final_review"
            if "sơ kết" in head:
                return "interim_review"
            return "activity_report"
        header = document_header(layout)
        # A joint paper (its number or its issuer block names two bodies) is the wording of an agreement.
        joint = header is not None and (
            header.joint or len({o.name for o in issuers(header.issuer_text)}) >= 2
        )
        if doc_type in ("KẾ HOẠCH", "CHƯƠNG TRÌNH") and not joint:
            return "plan"
        return "other"
    if re.search(r"họp báo", title + " " + lead_text, re.IGNORECASE):
        return "briefing"
    kind = lead.kind
    joint = n_parties >= 2 or bool(_COORDINATION.search(lead_text + " " + title))
    if kind in ("final_review", "interim_review"):
        if not joint:
            return "activity_report"
        if kind == "final_review" and _year_end_of_running_agreement(text, lead):
            return "interim_review"
        return kind
    if kind == "giao_ban":
        return "interim_review"
    if kind == "signing":
        return "signing"
    if kind == "issue":
        # Two bodies issuing a joint programme together adopt it; one body issuing its plan plans.
        joint_paper = re.search(r"liên tịch|phối hợp", lead_text, re.IGNORECASE)
        own_plan = re.search(r"kế hoạch", lead_text, re.IGNORECASE)
        return "signing" if n_parties >= 2 and joint_paper and not own_plan else "plan"
    if kind == "congress":
        return "other"
    if kind == "meeting":
        if re.search(r"triển khai|phát động", lead_text, re.IGNORECASE) and re.search(
            r"kế hoạch|chương trình", lead_text, re.IGNORECASE
        ):
            return "plan" if n_parties <= 1 else "signing"
        # Union bodies doing union work (gifts, contests, visits) report an activity.
        return "activity_report" if n_figures or n_parties else "other"
    return "activity_report" if n_figures or _CUTOFF.search(lead_text) else "other"


_REVIEWED_YEAR = re.compile(rf"tổng kết[^.;]{{0,100}}?(?<![{_L}])năm{_S}((?:19|20)\d\d)(?!\d)", re.IGNORECASE)
_AGREEMENT_SPAN = re.compile(
    rf"(?:quy chế|chương trình|kế hoạch)[^.;\n]{{0,120}}?((?:19|20)\d\d){_S0}[-–—]{_S0}((?:19|20)\d\d)",
    re.IGNORECASE,
)


def _year_end_of_running_agreement(text: str, lead: Lead) -> bool:
    """ "Tổng kết công tác phối hợp năm 2023" under a regulation for 2021-2026 takes stock part-way."""
    if lead.sentence is None or lead.event_word_pos is None:
        return False
    clause = text[lead.event_word_pos : lead.sentence.end]
    m = _REVIEWED_YEAR.match(clause)
    if not m or re.search(r"giai đoạn|nhiệm kỳ", clause[: m.end()], re.IGNORECASE):
        return False
    year = int(m.group(1))
    for am in _AGREEMENT_SPAN.finditer(text):
        start, end = int(am.group(1)), int(am.group(2))
        if start <= year < end:
            return True
    # "tổng kết công tác phối hợp năm 2024, triển khai nhiệm vụ năm 2025 theo Quy chế phối hợp số …": the
    # year's work is reviewed and the next year's planned under the same agreement, which is still in force.
    reviewed_work = not re.search(r"chương trình|quy chế|kế hoạch", clause[: m.end()], re.IGNORECASE)
    next_year = re.search(rf"(?<![{_L}])năm{_S}{year + 1}(?!\d)", clause)
    agreement = re.search(r"(?:theo|thực hiện)\s+(?:quy chế|chương trình)", clause, re.IGNORECASE)
    return bool(reviewed_work and next_year and agreement)


_DOCUMENT_DATE_BEFORE = re.compile(
    rf"(?:\d+/[{_L}\d/&-]*[{_L}][{_L}\d/&-]*|(?<![{_L}])(?:ký|ban hành|hiệu lực từ|hiệu lực kể từ)){_S0},?{_S0}(?:ngày)?{_S0}$"
)


@dataclass
class EventDate:
    """The event's ISO date (or None) and the text's own words for it."""

    iso: str | None
    raw: str | None


def _complete(d: DateMatch, layout: Layout) -> str | None:
    if d.year is not None:
        return d.iso()
    st = layout.stamp
    if st is not None and st.day == d.day and st.month == d.month:
        return DateMatch(d.start, d.end, d.day, d.month, st.year, d.form).iso()
    return None


def find_event_date(layout: Layout, lead: Lead, doc_kind: str) -> EventDate:
    """event_date and event_date_raw of FORMAT.md §4."""
    text = layout.text
    if lead.is_document:
        m = _PLACE_DATE_LINE.search(text[:3000])
        if m:
            line_end = text.find("\n", m.start())
            raw = text[m.start() : m.end() if line_end == -1 else min(line_end, m.end())].strip()
            dates = find_dates(raw)
            return EventDate(dates[0].iso() if dates else None, raw)
        return EventDate(None, None)
    candidates = []
    if lead.sentence is not None:
        candidates.append(lead.sentence)
    candidates += [s for s in layout.body_sentences()[:4] if s is not lead.sentence]
    if doc_kind == "activity_report":
        # A cut-off in the lead, else the dated event of the lead ("Sáng 27-5, LĐLĐ … trao 1.000 phần quà"),
        # else a cut-off further on.
        lead_date = _cued_date(text, lead.sentence, layout) if lead.sentence is not None else None
        for s in candidates:
            if lead_date is not None and s is not lead.sentence:
                return lead_date
            cm = _CUTOFF.search(s.text)
            if cm:
                dates = find_dates(text, s.start + cm.start(), s.start + cm.end())
                raw = _cutoff_raw(text, s.start + cm.start(), dates)
                iso = _complete(dates[0], layout) if dates else None
                # "Từ ngày 1/1 đến ngày 20/1/2024": a window is cut off at its end.
                ends = [
                    d
                    for d in dates[1:]
                    if re.search(r"(?:đến|tới)\s*(?:hết\s*)?(?:ngày\s*)?$", text[d.start - 12 : d.start])
                ]
                if ends and _complete(ends[0], layout):
                    iso = _complete(ends[0], layout)
                return EventDate(iso, raw)
    for s in candidates:
        found = _cued_date(text, s, layout)
        if found is not None:
            return found
        if s is lead.sentence:
            # The lead of a meeting with no date ("Mới đây", "Vừa qua") has none; do not go looking.
            if re.search(r"mới đây|vừa qua|vừa diễn ra|gần đây", s.text, re.IGNORECASE):
                return EventDate(None, None)
    return EventDate(None, None)


def _cued_date(text: str, s: Sentence, layout: Layout) -> EventDate | None:
    """The first date in a sentence that a time word introduces ("Sáng 17/9/2020", "Ngày 8-11-2024")."""
    for d in find_dates(text, s.start, s.end):
        window = text[max(s.start, d.start - 25) : d.start]
        if _DOCUMENT_DATE_BEFORE.search(window):
            continue  # "Quy chế số 1875/QCPH-UBND-LĐLĐ ngày 20/8/2021": the document's date, not the event's
        if d.form.startswith("words") and re.match(r"[Nn]gày", text[d.start : d.end]):
            # "Ngày 10 tháng 1 năm 2025" carries its own cue; "Sáng" or "Chiều" may stand before it.
            part = re.search(r"(?:Sáng|Chiều|Tối|Trưa|sáng|chiều|tối|trưa)[ \t\u00a0]+$", window)
            raw_start = d.start - (len(window) - part.start()) if part else d.start
            return EventDate(_complete(d, layout), text[raw_start : d.end].strip())
        cue = _TIME_CUE.search(window)
        if cue is None:
            continue
        raw_start = d.start - (len(window) - cue.start())
        raw_end = d.end + (1 if "(" in cue.group(0) and text[d.end : d.end + 1] == ")" else 0)
        raw = text[raw_start:raw_end]
        if re.match(r"(?:Trong|trong|Vào|vào)\b", raw) and not re.search(r"ngày", raw):
            continue
        return EventDate(_complete(d, layout), raw.strip())
    return None


def _cutoff_raw(text: str, start: int, dates: list[DateMatch]) -> str:
    if dates:
        end = dates[0].end
        # "Từ ngày 1/1 đến nay", "Từ ngày 1/1 đến ngày 30/6": the whole window.
        wm = re.match(
            rf"{_S0}(?:đến|tới){_S}(?:nay|hết{_S}ngày{_S}[\d/.-]+|ngày{_S}[\d/.-]+)", text[end : end + 30]
        )
        if wm:
            end += wm.end()
        return text[start:end].strip()
    m = re.match(r"[^,;.\n]{0,40}", text[start:])
    return text[start : start + (m.end() if m else 0)].strip()
