"""The layout of an article: headline, posting stamp, page clutter, paragraphs and sentences."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from .dates import DateMatch, find_dates, find_time_spans
from .vietnamese import LETTER_CLASS, UPPER_CLASS

_L = LETTER_CLASS
_U = UPPER_CLASS

# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = {
    "tp", "tt", "q", "p", "h", "ths", "ts", "pgs", "gs", "bs", "ks", "cn", "đ/c", "đc", "v.v", "vv", "tx",
    "ld", "st", "ông", "bà", "th.s", "ncs", "tr", "sđd", "nxb", "kt", "tm", "tl", "tuq", "q.",
}  # fmt: skip
_STAMP_WORDS = re.compile(
    r"ngày đăng|cập nhật|đăng lúc|đăng ngày|thời gian đăng|gmt|thứ (?:hai|ba|tư|năm|sáu|bảy)|chủ nhật|"
    r"\bđăng\b|posted|\|",
    re.IGNORECASE,
)
_CLUTTER_LINE = re.compile(
    r"lượt xem|lượt đọc|lượt truy cập|số lượt|\bviews?\b|©|bản quyền|ghi rõ nguồn|copyright|"
    r"^(?:trả lời|chia sẻ|bình luận|in bài|gửi bài|tags?|từ khóa|từ khoá|theo dõi|quay lại|về đầu trang)\b|"
    r"^(?:ảnh|nguồn|video|tác giả|người viết|biên tập|thực hiện)\s*:|"
    # Rating widgets and breadcrumbs of portals.
    r"tổng số điểm|điểm của bài viết|đánh giá bài viết|^đánh giá\s*:|\d\s+trong\s+\d+\s+đánh giá|"
    r"^trang chủ\s*[»›>/|]|[»›]",
    re.IGNORECASE,
)
_RELATED_MARK = re.compile(
    r"^(?:tin|bài|bài viết|tin bài)\s+(?:liên quan|khác|cùng chuyên mục|đã đưa|mới|cũ|đọc nhiều|nổi bật|"
    r"xem nhiều)|^xem thêm|^đọc thêm|^cùng chuyên mục|^các (?:tin|bài|bài viết) khác|"
    r"^những (?:tin|bài)(?: viết)? (?:mới hơn|cũ hơn|khác|liên quan)|^(?:xem|đọc) nhiều(?: nhất)?\s*$",
    re.IGNORECASE,
)
_END_PUNCT = re.compile(r"[.!?…:;”\")]\s*$")
_CAPTION_END = re.compile(r"\s*[-–—]\s*Ảnh\s*\d+\s*$")


class SpanSet:
    """Sorted, merged [start, end) spans with a fast membership test."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for a, b in sorted(spans):
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        self.starts = [a for a, _ in merged]
        self.ends = [b for _, b in merged]

    def __contains__(self, pos: int) -> bool:
        i = bisect.bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.ends[i]

    def first_start_in(self, a: int, b: int) -> int | None:
        """The first span start in [a, b), if any."""
        i = bisect.bisect_left(self.starts, a)
        return self.starts[i] if i < len(self.starts) and self.starts[i] < b else None


@dataclass
class Line:
    """One non-empty line of the text, with its offsets (stripped)."""

    start: int
    end: int
    text: str
    index: int
    clutter: bool = False
    stamp: bool = False
    byline: bool = False
    caption: bool = False

    @property
    def ends_sentence(self) -> bool:
        return bool(_END_PUNCT.search(self.text))


@dataclass
class Sentence:
    """A sentence (or a heading line) with its offsets."""

    start: int
    end: int
    text: str
    line: int  # index of the first line it belongs to


@dataclass
class Layout:
    """Everything the field extractors need to know about where things are in the text."""

    text: str
    lines: list[Line]
    title: str
    title_line: int | None
    stamp: DateMatch | None
    sentences: list[Sentence]
    body_start: int  # offset of the first body line (after headline and stamp)
    clutter_spans: list[tuple[int, int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._clutter = SpanSet(self.clutter_spans)
        self._body: list[Sentence] | None = None
        self._line_starts = [ln.start for ln in self.lines]

    def is_clutter(self, pos: int) -> bool:
        return pos in self._clutter

    def line_at(self, pos: int) -> Line | None:
        i = bisect.bisect_right(self._line_starts, pos) - 1
        if i >= 0 and pos < self.lines[i].end + 1:
            return self.lines[i]
        return None

    def sentence_at(self, pos: int) -> Sentence | None:
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s = self.sentences[mid]
            if pos < s.start:
                hi = mid - 1
            elif pos >= s.end:
                lo = mid + 1
            else:
                return s
        return None

    def body_sentences(self) -> list[Sentence]:
        if self._body is None:
            self._body = [
                s for s in self.sentences if s.start >= self.body_start and not self.is_clutter(s.start)
            ]
        return self._body


def _split_lines(text: str) -> list[Line]:
    lines = []
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            lines.append(Line(pos + lead, pos + lead + len(stripped), stripped, len(lines)))
        pos += len(raw) + 1
    return lines


def _is_stamp(line: Line) -> DateMatch | None:
    if len(line.text) > 90:
        return None
    dates = [d for d in find_dates(line.text, day_month="none") if d.year is not None]
    if not dates:
        return None
    has_time = bool(find_time_spans(line.text))
    rest = line.text
    for d in reversed(dates):
        rest = rest[: d.start] + rest[d.end :]
    for a, b in reversed(find_time_spans(rest)):
        rest = rest[:a] + rest[b:]
    bare = not re.search(rf"[{_L}]{{3,}}", _STAMP_WORDS.sub("", rest))
    if has_time or bare or (_STAMP_WORDS.search(line.text) and len(line.text) <= 60):
        d = dates[0]
        return DateMatch(line.start + d.start, line.start + d.end, d.day, d.month, d.year, d.form)
    return None


def _is_byline(line: Line, is_last_block: bool) -> bool:
    """An author or photo credit: a short line of names or initials with no sentence in it."""
    t = line.text.strip("()[] ")
    if not is_last_block or len(t) > 60 or re.search(r"\d", t) or t.endswith((".", "!", "?", ":")):
        if not re.match(r"^(?:ảnh|bài và ảnh|bài, ảnh|tin, ảnh|tin và ảnh|theo)\s*:?", t, re.IGNORECASE):
            return False
        return len(t) <= 80
    words = re.findall(rf"[{_L}.]+", t)
    if not words or len(words) > 8:
        return False
    capitalised = sum(1 for w in words if re.match(rf"[{_U}]", w))
    return capitalised >= max(1, len(words) - 1)


def _headline_like(text: str) -> bool:
    return not _END_PUNCT.search(text)


def analyse(text: str) -> Layout:
    """Split a text into lines and sentences and mark headline, posting stamp and page clutter."""
    lines = _split_lines(text)
    stamp: DateMatch | None = None
    for ln in lines[:8] + lines[-4:]:
        d = _is_stamp(ln)
        if d is not None:
            ln.stamp = True
            ln.clutter = True
            if stamp is None:
                stamp = d
    for ln in lines:
        if _CLUTTER_LINE.search(ln.text):
            ln.clutter = True
        if _CAPTION_END.search(ln.text):
            ln.caption = True
    # Related-article lists: everything headline-like after the marker.
    in_related = False
    for ln in lines:
        if _RELATED_MARK.match(ln.text):
            in_related = True
            ln.clutter = True
            continue
        if in_related:
            if _headline_like(ln.text):
                ln.clutter = True
            else:
                in_related = False
    title_line = next((ln.index for ln in lines if not ln.clutter), None)
    # Runs of linked headlines glued into one long line: long, and no sentence ends in it.
    for ln in lines:
        if ln.index != title_line and len(ln.text) > 150 and _headline_like(ln.text):
            if not re.search(r"[.!?…]\s", ln.text):
                ln.clutter = True
    # Bylines at the end.
    tail = [ln for ln in lines if not ln.clutter]
    for ln in reversed(tail[-3:]):
        if ln.index == title_line:
            break
        if _is_byline(ln, True):
            ln.byline = True
            ln.clutter = True
        elif ln.ends_sentence:
            break
    title = _pick_title(lines, title_line)
    body_start = 0
    if title_line is not None:
        body_start = lines[title_line].end
        for ln in lines[title_line + 1 :]:
            if ln.stamp or ln.clutter:
                body_start = ln.end
                continue
            break
    sentences = split_sentences(text, lines)
    clutter_spans = [(ln.start, ln.end) for ln in lines if ln.clutter]
    return Layout(text, lines, title, title_line, stamp, sentences, body_start, clutter_spans)


def _pick_title(lines: list[Line], title_line: int | None) -> str:
    if title_line is None:
        return ""
    first = lines[title_line].text
    looks_like_body = bool(
        re.match(
            rf"^(?:\(.{{1,20}}\)\s*)?(?:[{_L}.]+\s*[-–]\s*)?(?:Sáng|Chiều|Tối|Ngày|Hôm|Mới đây|Vừa qua)\b",
            first,
        )
    )
    if looks_like_body or len(first) > 250:
        for ln in lines:
            if ln.caption:
                return _CAPTION_END.sub("", ln.text).strip()
    if len(first) > 250:
        m = re.search(r"[.!?…](?=\s+[" + _U + r"“\"(])", first)
        if m:
            return first[: m.end()].strip()
    return first


def split_sentences(text: str, lines: list[Line]) -> list[Sentence]:
    """Sentences over the whole text; a line break ends a sentence unless the line runs on."""
    out: list[Sentence] = []
    buf_start: int | None = None
    buf_line = 0
    for i, ln in enumerate(lines):
        if buf_start is None:
            buf_start, buf_line = ln.start, ln.index
        pieces = _sentence_breaks(ln.text)
        prev = 0
        for cut in pieces:
            seg_end = ln.start + cut
            out.append(Sentence(buf_start, seg_end, text[buf_start:seg_end], buf_line))
            buf_start = ln.start + cut
            while buf_start < ln.end and text[buf_start].isspace():
                buf_start += 1
            buf_line = ln.index
            prev = cut
        del prev
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        runs_on = (
            nxt is not None
            and not ln.ends_sentence
            and not ln.clutter
            and not nxt.clutter
            and re.match(rf"[{_L}]", nxt.text)
            and nxt.text[0].islower()
        )
        if not runs_on:
            if buf_start < ln.end:
                out.append(Sentence(buf_start, ln.end, text[buf_start : ln.end], buf_line))
            buf_start = None
    return out


_BREAK = re.compile(r"([.!?…]+)([”\"’)]*)(\s+)(?=[" + _U + r"“\"(\d\-–•])")


def _sentence_breaks(line: str) -> list[int]:
    cuts = []
    for m in _BREAK.finditer(line):
        if m.group(1) == ".":
            before = re.search(rf"([{_L}/.]+)$", line[: m.start()])
            word = before.group(1).lower() if before else ""
            if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                continue
        cuts.append(m.end(2))
    return cuts
