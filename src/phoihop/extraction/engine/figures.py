"""Figures: quantities written in digits that a text reports as results, targets, money or shares."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import YEAR_RANGE, find_dates, find_month_years, find_time_spans
from .lexicon import COUNT_CLASSIFIERS, UNIT_NOUNS
from .numbers import Quantity, find_quantities
from .orgs import find_orgs, level_of
from .programs import number_spans
from .text import Layout, SpanSet
from .vietnamese import LETTER_CLASS, LOWER_CLASS, UPPER_CLASS

_L, _U, _LO = LETTER_CLASS, UPPER_CLASS, LOWER_CLASS
_S = r"[ \t\u00a0]+"
_S0 = r"[ \t\u00a0]*"

# Words right before a number that make it part of a name, an identifier or an ordinal.
_NAME_BEFORE = re.compile(
    rf"(?<![{_L}])(?:(?<!tổng )(?<!Tổng )(?<!với )(?<!nâng )(?<!đạt )số|Số|thứ|lần thứ|Điều|điều|khoản|Khoản|Chương|chương|mục|Mục|Nghị định|Nghị quyết|"
    rf"Quyết định|Chỉ thị|Kết luận|Thông tư|Luật|Công văn|Kế hoạch|Chương trình|Quy chế|Đề án|Dự án|"
    rf"Đại hội|khóa|khoá|Khóa|Khoá|nhiệm kỳ|tầng|lô|Lô|đường|Quốc lộ|quốc lộ|QL|Tỉnh lộ|Quận|Phường|"
    rf"quận|phường|Tổ|tổ|khu phố|Khu phố|ấp|thôn|xóm|lớp|Lớp|tháng|Tháng|Top|top|hotline|Hotline|"
    rf"điện thoại|ĐT|Fax|fax|mã|Mã|phiên|Phiên|Covid|COVID|số hiệu|mẫu|Mẫu|phụ lục|Phụ lục|Bước|bước|"
    rf"Phần|phần thứ|Giai đoạn|giai đoạn|Đợt|đợt|Kỳ|kỳ|Nhóm|Bảng|bảng|Hình|hình)"
    rf"{_S0}(?:[-–:]{_S0})?$"
)
_RANK_BEFORE = re.compile(
    rf"(?<![{_L}])(?:xếp|đứng|xếp hạng|đứng thứ|xếp thứ|vị trí|hạng)(?:{_S}thứ)?{_S0}$", re.I
)
# Lengths of time and other non-figures named right after the number.
_AFTER_SKIP = re.compile(
    rf"{_S0}(?:năm|tháng|ngày|tuần|giờ|phút|giây|quý|tuổi|lần|thập kỷ|thế kỷ|kỳ|nhiệm kỳ|"
    rf"(?:nhóm{_S})?nội dung|điều(?!{_S}khoản)|chương(?!{_S}trình)|mục|khoản|tiêu chí|bước|h\d|km|m2|m²|ha|kg|tấn|lít|mét)"
    rf"(?![{_L}])",
    re.IGNORECASE,
)
_PARTY_NOUNS = re.compile(
    rf"{_S0}(?:cơ quan|đơn vị|tỉnh|thành phố|tỉnh, thành phố|tỉnh, thành|địa phương|bên|LĐLĐ|"
    rf"Liên đoàn Lao động|Liên đoàn|liên đoàn|Công đoàn|công đoàn tỉnh|ngành|tổ chức)(?![{_L}])",
)
_THRESHOLD_AFTER = re.compile(rf"[^.;,\d]{{0,30}}(?<![{_L}])trở (?:lên|xuống)(?![{_L}])", re.IGNORECASE)
# An amount for each unit ("1 triệu đồng/suất", "mỗi suất trị giá 500.000 đồng") is no area's total.
_PER_UNIT_AFTER = re.compile(rf"{_S0}(?:đồng|đ|VNĐ|VND)?{_S0}/{_S0}[{_L}]+")
_EACH_BEFORE = re.compile(
    rf"(?<![{_L}])(?:mỗi|từng)(?:{_S}[{_L}]+){{1,3}}(?:{_S}(?:có{_S})?(?:giá trị|trị giá|là|được hỗ trợ|hỗ trợ))?{_S0}"
    rf"(?:từ{_S})?$",
    re.IGNORECASE,
)
_PRICE_WORD = r"(?:trị giá|giá trị|mức)"
_EACH_CLAUSE = re.compile(rf"[\s,]*(?:Mỗi|mỗi){_S}[^,;]*$")
_AVERAGE_BEFORE = re.compile(rf"(?<![{_L}])(?:bình quân|trung bình)(?![{_L}])", re.IGNORECASE)
# Award verbs: the giver of a Bằng khen sets the award's level, not the area of the count (FORMAT §8.6).
_AWARD_VERB = re.compile(
    rf"(?<![{_L}])(?:tặng|trao|khen thưởng|công nhận|biểu dương|tuyên dương)(?![{_L}])", re.IGNORECASE
)
_GOAL_BEFORE = re.compile(rf"(?<![{_L}])(?:chỉ tiêu|mục tiêu)(?:{_S}[{_L}]+){{0,2}}{_S0}$", re.IGNORECASE)
_AREA_NATIONAL = re.compile(rf"(?<![{_L}])(?:toàn quốc|cả nước|trên toàn quốc|toàn hệ thống)(?![{_L}])", re.I)
_AREA_WORD = re.compile(
    rf"(?<![{_L}])(?:toàn|trên địa bàn|trên toàn|cả|khắp){_S}(tỉnh|thành phố|quận|huyện|thị xã|Thủ đô)(?![{_L}])",
    re.IGNORECASE,
)
_LEVEL_PLACE = re.compile(
    rf"(?<![{_L}])([Tt]ỉnh|[Tt]hành phố|TP\.?|[Qq]uận|[Hh]uyện|[Tt]hị xã){_S}((?:[{_U}][{_LO}]*)(?:{_S}[{_U}][{_LO}]*)*)"
    rf"(?:{_S0}\([^)]*\))?{_S}(?:đã{_S})?(?:có|đạt|với|ghi nhận)(?:{_S}được)?{_S0}$"
)
_ACTOR_HAS = re.compile(
    rf"(?:đã{_S})?(?:có|đạt|với|ghi nhận|phát triển|kết nạp)(?:{_S}được)?{_S0}$", re.IGNORECASE
)
_UNIT_SUBJECT = re.compile(
    rf"(?:[^,.;]{{0,40}},{_S0})?(?:(?:Riêng|Còn|Đối với|Ở){_S})?(?:[Tt]ại{_S})?"
    rf"(?:(?!(?:các|những|nhiều|một|mọi){_S})[{_L}]+(?:{_S}[{_L}]+){{0,2}}{_S})?"
    rf"(?:Công ty|Nhà máy|Xí nghiệp|Tổng công ty|Trường|Bệnh viện|"
    rf"CĐCS|Công đoàn cơ sở|Công đoàn Công ty|Công đoàn Trường|Doanh nghiệp{_S}[{_U}])"
)
_UNIT_BEFORE_HAS = re.compile(
    rf"(?<![\d.,] )(?<![{_L}])(?:Công ty|công ty|Nhà máy|nhà máy|Xí nghiệp|Tập đoàn|Trường|trường|Bệnh viện|"
    rf"CĐCS|Công đoàn cơ sở|doanh nghiệp{_S}[{_U}]|Tổng công ty)[^.;]{{0,60}}(?:hiện{_S})?(?:có|với|đang có){_S}(?:hơn{_S}|gần{_S}|trên{_S}|khoảng{_S})?$"
)
_HEDGE_EN = {
    "gần": "nearly", "gần như": "nearly", "hơn": "more than", "trên": "more than", "khoảng": "about",
    "tối thiểu": "at least", "ít nhất": "at least", "ước tính": "an estimated", "ước đạt": "an estimated",
    "dưới": "fewer than", "từ": "from", "xấp xỉ": "about", "chừng": "about", "lên tới": "up to",
    "lên đến": "up to", "tới": "up to", "tối đa": "at most", "ngót": "nearly",
}  # fmt: skip
_UNIT_EN = {
    "initiative": "initiatives", "person": "people", "member": "union members", "grassroots_union":
    "grassroots unions", "VND": "VND", "percent": "per cent", "count": "items", "rank": "rank",
    "enterprise": "enterprises", "collective": "collectives", "individual": "individuals", "case": "cases",
    "meal": "meals",
}  # fmt: skip
_PERIOD_RE = re.compile(
    rf"(?<![{_L}])(?:[Qq]ua{_S}\d+{_S}năm(?:{_S}thực hiện)?|[Tt]rong{_S}\d+{_S}năm(?:{_S}thực hiện[^,.;]{{0,40}})?|"
    rf"[Gg]iai đoạn{_S}(?:19|20)\d\d{_S0}[-–]{_S0}(?:19|20)\d\d|[Nn]ăm{_S}(?:19|20)\d\d|[Hh][àằ]ng{_S}năm|"
    rf"[Tt]ính đến(?:{_S}ngày)?{_S}\d{{1,2}}[/.-]\d{{1,2}}(?:[/.-](?:19|20)\d\d)?|\d+{_S}tháng đầu năm(?:{_S}(?:19|20)\d\d)?|"
    rf"[Tt]rong năm qua|[Nn]ăm qua|[Tt]ừ đầu năm(?:{_S}(?:19|20)\d\d)?(?:{_S}đến nay)?|[Nn]hiệm kỳ{_S}(?:19|20)\d\d{_S0}[-–]{_S0}(?:19|20)\d\d)"
)
_NOUN_KEYS = sorted(UNIT_NOUNS, key=len, reverse=True)
_NOUN_RE = re.compile(r"(?:" + "|".join(re.escape(k) for k in _NOUN_KEYS) + rf")(?![{_L}])", re.IGNORECASE)
_HUMAN_UNITS = {"person", "member"}
_UNIT_BY_LOWER = {k.lower(): v for k, v in UNIT_NOUNS.items()}
_ABBREVIATED = {"dn", "kcn", "ccn", "nlđ", "cnlđ", "cđcs", "cnvclđ", "cnvc"}
_SPACES0 = re.compile(_S0)
_CLASSIFIER = re.compile(rf"({'|'.join(COUNT_CLASSIFIERS)}){_S}")
_PHRASE_WORD = re.compile(rf"{_S0}(“[^”\n]{{1,80}}”|\"[^\"\n]{{1,80}}\"|[{_L}]+)")
_PHRASE_STOPS = {
    "và",
    "với",
    "cho",
    "của",
    "để",
    "nhằm",
    "trong",
    "tại",
    "đã",
    "được",
    "là",
    "thì",
    "khi",
    "vào",
}
# Capitalised words that may stand right before a figure at the start of a sentence.
_SENTENCE_WORDS = {"Có", "Với", "Gồm", "Đạt", "Tổng", "Khoảng", "Gần", "Hơn", "Trên", "Dưới", "Thêm", "Còn"}
_NOT_NOUNS = {
    "và", "với", "của", "là", "để", "cho", "trong", "tại", "đã", "được", "so", "trở", "đến", "tới", "hay",
    "hoặc", "thì", "mà", "nên", "sẽ", "đang", "vào", "từ", "theo", "trên", "dưới", "hơn", "khi", "lên",
    "xuống", "nữa", "rồi", "này", "đó", "kia", "ấy", "như", "nhưng", "bởi", "do", "vì", "về", "ra", "đi",
    "có", "cũng", "đều", "vẫn", "còn", "phải", "bị", "cần", "nay", "qua", "sau", "trước",
}  # fmt: skip


@dataclass
class Figure:
    """One figure of the output."""

    start: int
    end: int
    num_start: int
    value: int | float | list
    unit: str
    level: str | None
    noun: str
    hedge: str | None
    period: str | None
    in_title: bool = False
    in_speech: bool = False

    def key(self) -> tuple:
        v = tuple(self.value) if isinstance(self.value, list) else self.value
        head = " ".join(self.noun.lower().split()[:2])
        return (v, self.unit, head)


def _spans_excluded(text: str) -> list[tuple[int, int]]:
    spans = [(d.start, d.end) for d in find_dates(text, day_month="cued")]
    spans += find_time_spans(text) + find_month_years(text)
    spans += [(m.start(), m.end()) for m in YEAR_RANGE.finditer(text)]
    spans += number_spans(text)
    spans += [(m.start(), m.end()) for m in re.finditer(r"https?://\S+|www\.\S+|\S+@\S+\.\w+", text)]
    # Digits glued to letters: "Covid-19", "F0", "5G", "H5N1".
    spans += [
        (m.start(), m.end()) for m in re.finditer(rf"[{_L}]+[-–]?\d+|\d+(?!đ(?![{_L}])|đồng)[{_L}]+\d*", text)
    ]
    return spans


_FIRST_PERSON = re.compile(rf"(?<![{_L}])(?:tôi|chúng tôi|chúng em|mình|em|cháu)(?![{_L}])")
_SPEECH_AFTER = re.compile(
    rf"[ \t\u00a0]*[-–—,]?[ \t\u00a0]*(?:[{_L}]+[ \t\u00a0]+){{0,5}}(?:nói|chia sẻ|cho biết|bày tỏ|tâm sự|kể|bộc bạch)"
    rf"(?![{_L}])"
)


def _is_speech(text: str, m: re.Match[str]) -> bool:
    """Direct speech rather than the name of a programme, movement or theme."""
    inner = m.group(0)[1:-1]
    if re.search(r"[:,][ \t\u00a0]*$", text[max(0, m.start() - 3) : m.start()]):
        return True
    return bool(_FIRST_PERSON.search(inner) or _SPEECH_AFTER.match(text, m.end()) or len(inner.split()) > 25)


def _quoted_names(text: str) -> list[tuple[int, int]]:
    """Short quoted strings, which in this genre are names of programmes, movements and themes."""
    out = []
    for m in re.finditer(r"“[^”\n]{1,160}”|\"[^\"\n]{1,160}\"", text):
        inner = m.group(0)[1:-1]
        if len(inner) <= 120 and not re.search(r"[.!?]\s", inner) and not _is_speech(text, m):
            out.append((m.start(), m.end()))
    return out


def _speech_spans(text: str) -> list[tuple[int, int]]:
    return [
        (m.start(), m.end())
        for m in re.finditer(r"“[^”\n]{1,400}”|\"[^\"\n]{1,400}\"", text)
        if _is_speech(text, m)
    ]


def _inside(pos: int, spans: SpanSet) -> bool:
    return pos in spans


def _noun_after(text: str, pos: int, limit: int) -> tuple[str | None, str, int, bool]:
    """(unit, noun text, end of the noun phrase, counted in "lượt") after a number."""
    p = _SPACES0.match(text, pos, limit).end()
    luot = False
    for _ in range(2):
        cm = _CLASSIFIER.match(text, p, limit)
        if not cm:
            break
        luot = luot or cm.group(1) == "lượt"
        # "lượt người" is itself a noun in the lexicon; keep the classifier only when no noun follows it.
        if not _NOUN_RE.match(text, cm.end(), limit):
            break
        p = cm.end()
    nm = _NOUN_RE.match(text, p, limit)
    if not nm:
        return None, "", p, luot
    noun = nm.group(0)
    # Abbreviations ("DN", "CĐCS") are matched case-insensitively; a lower-case "dn" is not one.
    if noun.lower() in _ABBREVIATED and noun != noun.upper():
        return None, "", p, luot
    unit = UNIT_NOUNS.get(noun) or _UNIT_BY_LOWER.get(noun.lower(), "count")
    end = _phrase_end(text, nm.end(), limit)
    return unit, text[p:end], end, luot


def _phrase_end(text: str, pos: int, limit: int) -> int:
    """End of the counted noun phrase: a few more words, a quoted name, up to punctuation or a number."""
    end = pos
    for _ in range(5):
        m = _PHRASE_WORD.match(text, end, limit)
        if not m or m.group(1) in _PHRASE_STOPS or text[m.end() : m.end() + 1].isdigit():
            break
        end = m.end()
    return end


def _default_level(parties: list[str], year: int | None) -> str | None:
    levels = []
    orgs = [o for p in parties for o in find_orgs(p)]
    # The UBND and LĐLĐ sides set the area; other bodies only when there is no such side.
    main = [o for o in orgs if o.kind != "other"] or orgs
    for o in main:
        lv = o.admin_level(year)
        if lv:
            levels.append(lv)
    if not levels:
        return None
    order = ["grassroots", "commune", "district", "city", "province", "national"]
    # The lowest level among the parties: a district programme reports district totals.
    lv = min(levels, key=order.index)
    return "district" if lv == "commune" else lv


def _level_from_mentions(layout: Layout) -> str | None:
    """With no party, the level the text's own UBND/LĐLĐ mentions share most often."""
    counts: dict[str, int] = {}
    for o in find_orgs(layout.text, layout.body_start):
        if o.kind == "other" or layout.is_clutter(o.start):
            continue
        lv = o.admin_level()
        if lv:
            lv = "district" if lv == "commune" else lv
            counts[lv] = counts.get(lv, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else None


def _per_unit(text: str, q: Quantity, before: str) -> bool:
    """ "1 triệu đồng/suất", "mỗi suất trị giá 500.000 đồng": an amount for each unit, not a total."""
    if _AVERAGE_BEFORE.search(before[-60:]):
        return False  # an average income is worked out over an area
    if _EACH_BEFORE.search(before[-50:]):
        return True
    # "quà trị giá từ 300.000 đồng đến 2 triệu đồng": a range of values of single gifts.
    if isinstance(q.value, list) and re.search(
        rf"(?<!tổng ){_PRICE_WORD}{_S0}(?:từ{_S0})?$", before[-30:], re.IGNORECASE
    ):
        return True
    pm = _PER_UNIT_AFTER.match(text, q.end)
    if not pm:
        return False
    per = pm.group(0).rsplit("/", 1)[-1].strip().lower()
    # "2 tỷ đồng/năm" is a yearly budget; "300.000 đồng/tháng" an allowance for each worker.
    value = q.value[-1] if isinstance(q.value, list) else q.value
    return per not in ("năm", "quý", "tháng", "ngày") or value < 5_000_000


def _subject_level(text: str, before: str, city_level: str) -> str | None:
    """The level of the body that opens the clause ("Từ đầu năm nay, LĐLĐ tỉnh đã hỗ trợ … 42 …")."""
    orgs = find_orgs(before, 0, min(len(before), 60))
    if not orgs or _AWARD_VERB.search(before[orgs[0].end :]):
        return None
    lead_in = before[: orgs[0].start]
    if lead_in.strip() and not re.search(r",\s*$", lead_in):
        return None  # the body is not the subject ("… của LĐLĐ tỉnh", "theo Quy chế … UBND tỉnh")
    return _org_level(orgs[0], city_level)


def _org_level(o, city_level: str) -> str | None:
    if o.place is None and o.level == "thành phố":
        return city_level  # the parties' own "thành phố" (a provincial city is a district)
    lv = o.admin_level()
    return "district" if lv == "commune" else lv


def _level_for(
    text: str,
    q: Quantity,
    sent_start: int,
    default: str | None,
    named_numbers: set,
    city_level: str,
    unit: str = "",
) -> str | None:
    clause_start = max(sent_start, text.rfind(";", sent_start, q.start) + 1)
    before = text[clause_start : q.start]
    # A condition such as "doanh nghiệp có từ 50 lao động trở lên" is no one's total.
    if _THRESHOLD_AFTER.match(text, q.end):
        return None
    if unit == "VND" and _per_unit(text, q, before):
        return None
    # "Mỗi công nhân còn được tặng 1 phần quà trị giá 500.000 đồng": everything in the clause is per head.
    if _EACH_CLAUSE.match(before):
        return None
    if _GOAL_BEFORE.search(before) and q.value in named_numbers:
        return "national"
    near = before[-90:]
    lm = _LEVEL_PLACE.search(near)
    if lm:
        lv = level_of(_norm_level(lm.group(1)), lm.group(2))
        if lv:
            return "district" if lv == "commune" else lv
    orgs = find_orgs(before, max(0, len(before) - 90), len(before))
    if orgs and _ACTOR_HAS.search(before[orgs[-1].end :]) and len(before) - orgs[-1].end < 30:
        lv = _org_level(orgs[-1], city_level)
        if lv:
            return lv
    if _AREA_NATIONAL.search(before):
        return "national"
    subject = _subject_level(text, before, city_level)
    if subject:
        return subject
    areas = list(_AREA_WORD.finditer(before))
    am = areas[-1] if areas else None
    if am:
        word = am.group(1).lower()
        if word in ("quận", "huyện", "thị xã"):
            return "district"
        if word == "tỉnh":
            return "province"
        if word == "thủ đô":
            return "city"
        return city_level
    # One enterprise, school or grassroots union as the subject: its own total.
    if _UNIT_BEFORE_HAS.search(before) or _UNIT_SUBJECT.match(text, sent_start, q.start):
        return "grassroots"
    return default


def _norm_level(w: str) -> str:
    w = w.lower()
    return "thành phố" if w.startswith("tp") else w


def _period_for(layout: Layout, pos: int) -> str | None:
    text = layout.text
    sent = layout.sentence_at(pos)
    lo = sent.start if sent else max(0, pos - 200)
    found = None
    for m in _PERIOD_RE.finditer(text, lo, pos):
        found = m
    if found:
        return found.group(0)
    line = layout.line_at(pos)
    if line is not None and line.start < lo:
        for m in _PERIOD_RE.finditer(text, line.start, lo):
            found = m
        if found:
            return found.group(0)
    return None


def find_figures(
    layout: Layout, parties: list[str], programme_names: list[str], year: int | None
) -> list[dict]:
    """figures of FORMAT.md §8."""
    text = layout.text
    excluded = SpanSet(_spans_excluded(text))
    quoted = SpanSet(_quoted_names(text))
    speech = SpanSet(_speech_spans(text))
    default = _default_level(parties, year)
    if default is None:
        default = _level_from_mentions(layout)
    n_parties = len(parties)
    # "toàn thành phố" is the parties' own area when they are a city's bodies, else the city above them.
    city_level = next(
        (o.admin_level(year) or "city" for p in parties for o in find_orgs(p) if o.level == "thành phố"),
        "city",
    )
    named_numbers = set()
    for name in programme_names:
        for q in find_quantities(name):
            named_numbers.add(q.value if not isinstance(q.value, list) else None)
    title_span = None
    if layout.title_line is not None:
        tl = layout.lines[layout.title_line]
        title_span = (tl.start, tl.end)
    figures: list[Figure] = []
    for line in layout.lines:
        if line.clutter:
            continue
        for q in find_quantities(text, line.start, line.end):
            fig = _read_figure(layout, q, excluded, quoted, default, n_parties, named_numbers, city_level)
            if fig is None:
                continue
            fig.in_title = bool(title_span and title_span[0] <= q.start < title_span[1])
            fig.in_speech = q.start in speech
            figures.append(fig)
    return [_as_dict(f, text) for f in _dedupe(figures)]


def _read_figure(
    layout, q: Quantity, excluded, quoted, default, n_parties, named_numbers, city_level="city"
) -> Figure | None:
    text = layout.text
    if _inside(q.num_start, excluded) or _inside(q.num_start, quoted):
        return None
    value = q.value
    first = value[0] if isinstance(value, list) else value
    if first == 0:
        return None
    token = q.tokens[0]
    if re.fullmatch(r"(?:19|20)\d\d", token) and not q.percent and q.scale is None:
        return None  # a year
    if re.fullmatch(r"\d{7,}", token):
        return None  # phone numbers and codes are written without separators
    before = text[max(0, q.num_start - 25) : q.num_start]
    # A denominator ("3/63") or a digit group after another number ("1900 1234") counts nothing itself.
    if re.search(r"\d/$|\d[ \t\u00a0]$", before):
        return None
    # Inside a proper name in mid-sentence ("Công ty May 10", "tại Quận 3").
    pm = re.search(rf"([^\s]+)[ \t\u00a0]+([{_U}][{_LO}]*)[ \t\u00a0]+$", before)
    if (
        pm
        and q.hedge is None
        and not re.search(r"[.!?:;…]$", pm.group(1))
        and pm.group(2) not in _SENTENCE_WORDS
    ):
        return None
    rank_m = _RANK_BEFORE.search(before)
    is_rank = bool(rank_m) and not q.percent
    if q.hedge is None and not is_rank and _NAME_BEFORE.search(before):
        return None
    if is_rank:
        unit, noun, end = "rank", "", _phrase_end(text, q.end, min(len(text), q.end + 200))
    elif q.percent:
        unit, noun = "percent", ""
        end = _phrase_end(text, q.end, min(len(text), q.end + 200))
        noun = text[q.end : end].strip()
    else:
        if _AFTER_SKIP.match(text, q.end) and q.scale is None:
            return None
        after = q.end
        # "44/45 doanh nghiệp": the numerator counts what follows the denominator.
        fm = re.match(r"/(?:\d{1,3}(?:\.\d{3})+|\d+)", text[q.end : q.end + 12])
        if fm:
            after = q.end + fm.end()
        unit, noun, end, luot = _noun_after(text, after, min(len(text), after + 120))
        if unit is None:
            if q.scale in ("tỷ", "tỉ", "triệu"):
                unit, end = "VND", q.end
            else:
                # Some other counted thing ("12 phiên chợ", "30 mô hình"): a plain count.
                wm = re.match(rf"{_S0}([{_LO}]+)", text[end : end + 30])
                if not wm or wm.group(1) in _NOT_NOUNS:
                    return None
                unit = "count"
                end = _phrase_end(text, end, min(len(text), end + 200))
                noun = text[q.end : end].strip()
        elif luot and unit in _HUMAN_UNITS:
            unit = "person"
        # "đoàn viên, CNVCLĐ": members and non-members together are counted as people.
        if unit == "member" and re.match(
            rf"{_S0}(?:,|và){_S0}(?:CNVCLĐ|CNLĐ|NLĐ|CNVC|người lao động|công nhân)", text[end : end + 40]
        ):
            unit = "person"
        pm = _PARTY_NOUNS.match(text, q.end)
        if (
            pm
            and not isinstance(value, list)
            and 2 <= value <= max(n_parties, 2)
            and (value == n_parties or n_parties == 0)
        ):
            return None  # "2 cơ quan", "3 tỉnh, thành phố": the parties counted again
    sent = layout.sentence_at(q.start)
    sent_start = sent.start if sent else max(0, q.start - 200)
    level = _level_for(text, q, sent_start, default, named_numbers, city_level, unit)
    start = q.num_start - (len(before) - rank_m.start()) if is_rank and rank_m else q.start
    return Figure(start, end, q.num_start, value, unit, level, noun, q.hedge, _period_for(layout, q.start))


def _dedupe(figures: list[Figure]) -> list[Figure]:
    """A fact stated twice counts once; the body's wording wins over the headline's."""
    body = [f for f in figures if not f.in_title]
    # A headline's rounded "hơn 10.000 đoàn viên" restates the body's "10.350 đoàn viên".
    figures = [f for f in figures if not (f.in_title and f.hedge and any(_rounds(f, b) for b in body))]
    # A speaker repeating an amount the report already gives ("số tiền 1 triệu đồng giúp gia đình tôi …").
    reported = [f for f in figures if not f.in_speech]
    figures = [
        f
        for f in figures
        if not (f.in_speech and any(_same_amount(f, r) and r.start < f.start for r in reported))
    ]
    kept: dict[tuple, Figure] = {}
    order: list[tuple] = []
    for f in figures:
        k = f.key()
        if k not in kept:
            kept[k] = f
            order.append(k)
        elif kept[k].in_title and not f.in_title:
            kept[k] = f
    return [kept[k] for k in order]


def _same_amount(a: Figure, b: Figure) -> bool:
    return a.unit == b.unit and a.value == b.value


_HUMAN = {"person": "human", "member": "human"}


def _rounds(title_fig: Figure, body_fig: Figure) -> bool:
    if (
        _HUMAN.get(title_fig.unit, title_fig.unit) != _HUMAN.get(body_fig.unit, body_fig.unit)
        or isinstance(title_fig.value, list)
        or isinstance(body_fig.value, list)
    ):
        return False
    a, b = float(title_fig.value), float(body_fig.value)
    return b > 0 and abs(a - b) / b <= 0.2


def _as_dict(f: Figure, text: str) -> dict:
    quote = text[f.start : f.end].strip()
    quote = re.sub(r"[\s,;:.]+$", "", quote)
    # Words that lead into the next number ("70% doanh nghiệp có từ 25 lao động") are not this figure's.
    while True:
        trimmed = re.sub(rf"{_S}(?:có|từ|trên|hơn|gần|khoảng|đạt|với|là)$", "", quote)
        if trimmed == quote or not re.search(r"\d", trimmed):
            break
        quote = trimmed
    hedge = _HEDGE_EN.get((f.hedge or "").lower())
    value_en = (f"{f.value[0]:,}–{f.value[1]:,}" if isinstance(f.value, list) else f"{f.value:,}").replace(
        ",", " "
    )
    noun = f.noun.strip(" ,;.")
    subject = " ".join(x for x in (hedge, value_en, _UNIT_EN[f.unit]) if x)
    if noun:
        subject += f" ({noun})"
    return {
        "quote": quote,
        "value": f.value,
        "unit": f.unit,
        "subject": subject,
        "level": f.level,
        "period": f.period,
    }
