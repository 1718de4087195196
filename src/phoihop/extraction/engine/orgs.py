"""Mentions of bodies: "UBND và LĐLĐ quận Hai Bà Trưng", "LĐLĐ các thành phố Hà Nội, Hải Phòng" …"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import CENTRAL_CITIES, PROVINCE_KEYS, opens_phrase
from .text import SpanSet
from .vietnamese import LETTER_CLASS, LOWER_CLASS, UPPER_CLASS, tone_key

_L, _U, _LO = LETTER_CLASS, UPPER_CLASS, LOWER_CLASS
_S = r"[ \t\u00a0]+"
_S0 = r"[ \t\u00a0]*"

_UBND = (
    r"(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|Ủy ban Nhân dân|Uỷ ban Nhân dân|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN"
    r"|Ủy Ban Nhân Dân|Uỷ Ban Nhân Dân)"
)
_LDLD = r"(?:LĐLĐ|LĐ LĐ|Liên đoàn Lao động|Liên đoàn lao động|Liên Đoàn Lao Động|LIÊN ĐOÀN LAO ĐỘNG)"
_ABBR = rf"(?:{_S0}\({_S0}(?:UBND|LĐLĐ){_S0}\))?"
_HEAD = re.compile(
    rf"(?<![\w/-])(?P<tong>Tổng{_S}(?:LĐLĐ|Liên đoàn Lao động|Liên đoàn lao động)(?:{_S}Việt Nam|{_S}VN)?)"
    rf"|(?<![\w/-])(?P<ubnd>{_UBND}){_ABBR}"
    rf"|(?<![\w/-])(?<!Tổng )(?P<ldld>{_LDLD}){_ABBR}"
)
_JOIN = re.compile(rf"{_S0}(?:và|-|–|—|,|với){_S0}")
LEVELS = {
    "tỉnh": "tỉnh", "thành phố": "thành phố", "tp.": "thành phố", "tp": "thành phố", "quận": "quận",
    "huyện": "huyện", "thị xã": "thị xã", "tx.": "thị xã", "xã": "xã", "phường": "phường",
    "thị trấn": "thị trấn",
}  # fmt: skip
_LEVEL = re.compile(
    rf"(?:(?:tỉnh|thành phố|quận|huyện|thị xã|xã|phường|thị trấn)(?![{_L}])|(?:TP|Tp|TX)\.|TP(?![{_L}]))"
    rf"(?!{_S}ủy|{_S}uỷ|{_S}hội)",
    re.IGNORECASE,
)
_LEVEL_LOWER = re.compile(
    rf"(?<![{_L}])(?:tỉnh|thành phố|quận|huyện|thị xã|xã|phường|thị trấn)(?![{_L}])(?!{_S}(?:hội|ủy|uỷ))"
)
_TOKEN = rf"(?:[{_U}][{_LO}]*|HCM|\d{{1,2}})(?![{_L}\d])"
_TOKEN_CAPS = rf"(?:[{_U}]+)(?![{_L}\d])"
_PLACE = re.compile(rf"{_TOKEN}(?:(?:{_S}|{_S0}[-–]{_S0}){_TOKEN})*")
_QUANT = re.compile(rf"(?:các|hai|ba|bốn|năm|\d+|0\d){_S}", re.IGNORECASE)
# Other bodies that can be parties. Their name runs to the end of the capitalised words that follow.
_OTHER_HEAD = re.compile(
    rf"(?<![{_L}])(?:Sở|Ban Quản lý|Ban|Hội Liên hiệp Phụ nữ|Hội Nông dân|Hội Cựu chiến binh|Hội"
    rf"|Bảo hiểm xã hội|BHXH|Công an|Bộ|Cục|Chi cục|Mặt trận Tổ quốc|Ủy ban Mặt trận Tổ quốc"
    rf"|Tỉnh đoàn|Thành đoàn|Đoàn Thanh niên|Công đoàn ngành|Công đoàn Khu [{_U}][{_L} ]+?"
    rf"|Công đoàn các Khu công nghiệp|Ngân hàng Chính sách xã hội|Ngân hàng|Kho bạc Nhà nước|Thanh tra"
    rf"|Viện Kiểm sát nhân dân|Tòa án nhân dân|Hội đồng nhân dân|HĐND|Liên minh Hợp tác xã"
    rf"|Trung tâm|Văn phòng|Bệnh viện|Trường Đại học|Trường Cao đẳng|Học viện|Bộ Chỉ huy Quân sự|Cục Thuế|Liên đoàn Thương mại và Công nghiệp Việt Nam"
    rf"|VCCI|Phòng Thương mại và Công nghiệp Việt Nam|Công ty|Tổng Công ty|Tổng công ty|Tập đoàn"
    rf"|Công đoàn(?={_S}(?:tỉnh|thành phố|quận|huyện|thị xã|xã|phường|khu|các|cơ sở|(?!Thủ đô)[{_U}])))"
    rf"(?![{_L}])"
)


# Small patterns used at a position (pattern.match(text, pos, end)) so that no slice is copied.
_SPACES = re.compile(_S)
_SPACES0 = re.compile(_S0)
_NEXT_LOWER = re.compile(rf"{_S}([{_LO}]+)")
_NEXT_CAPITAL = re.compile(rf"{_S}[{_U}]")
_QUANT_AT = re.compile(_S0 + _QUANT.pattern, re.IGNORECASE)
_SECOND_LEVEL = re.compile(rf"{_S0},{_S0}({_LEVEL.pattern}){_S0}:?", re.IGNORECASE)
_COLON = re.compile(rf"{_S0}:")
_LIST_JOIN = re.compile(rf"{_S0}(?:,|và){_S0}")
_NAME_JOIN = re.compile(rf"{_S0}(?:-|–|và|,){_S0}(?=[{_U}])")
_BRACKET_ABBR = re.compile(rf"{_S0}\([{_U}&-]{{2,12}}\)(?={_S})")
_CAPITAL_AFTER = re.compile(rf"{_S}[{_U}]")
_CAPITAL_WORD = re.compile(rf"[{_U}][{_LO}]+(?![{_L}])")
# A position or a common family name after a dash starts a person, not the rest of a body's name.
_STARTS_PERSON = re.compile(
    rf"(?:Chủ tịch|Phó|Giám đốc|Trưởng|Bí thư|Ủy viên|Uỷ viên|Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|"
    rf"Bùi|Đỗ|Hồ|Ngô|Dương|Lý)(?![{_L}])"
)
_NAME_WORD = re.compile(rf"{_S}([{_U}]+(?:-[{_U}]+)+|[{_L}]+)(?![{_L}])")
_SPACED_PLACE = re.compile(rf"{_S}({_PLACE.pattern})")


_GRASSROOTS_BODY = re.compile(
    r"(?:Công đoàn cơ sở|Công đoàn Công ty|Công đoàn Nhà máy|Công đoàn Trường|CĐCS|Công ty|Tổng công ty|"
    r"Tổng Công ty|Nhà máy|Xí nghiệp|Trường|Bệnh viện|Hợp tác xã|Tập đoàn)(?![" + _L + r"])"
)
# What a union of one unit is named after: "Công đoàn cơ sở Công ty TNHH …".
_UNIT_HEAD = re.compile(
    rf"(?:Công ty|Tổng công ty|Tổng Công ty|Nhà máy|Xí nghiệp|Trường|Bệnh viện|Tập đoàn)(?![{_L}])"
)
# Words that end a place written in capitals ("… TỈNH LẠNG SƠN GIAI ĐOẠN 2022 - 2027").
_CAPS_STOP = {
    "VÀ", "GIAI", "NĂM", "VỀ", "GIỮA", "CỦA", "VỚI", "TRONG", "NHIỆM", "THỰC", "TẠI", "THEO", "LẦN", "KHÓA",
    "KHOÁ", "QUY", "CHƯƠNG", "KẾ", "BAN", "SỞ", "LIÊN", "ỦY", "UỶ", "ĐẾN", "TỪ", "CÔNG", "HỘI", "ĐỢT",
}  # fmt: skip
_CAPS_WORD = re.compile(rf"(?:{_S}|{_S0}[-–]{_S0})?({_TOKEN_CAPS})")


def _caps_place(text: str, pos: int, limit: int) -> tuple[str, int] | None:
    """A place written in capitals: the longest known province name, else the words before a stop word."""
    spans: list[tuple[int, int, str]] = []
    p = pos
    while len(spans) < 5:
        m = _CAPS_WORD.match(text, p, limit) if spans else re.compile(_TOKEN_CAPS).match(text, p, limit)
        if not m:
            break
        word = m.group(1) if spans else m.group(0)
        start = m.start(1) if spans else m.start()
        spans.append((start, m.end(), word))
        p = m.end()
    for k in range(len(spans), 0, -1):
        raw = text[pos : spans[k - 1][1]]
        if tone_key(raw.title()) in PROVINCE_KEYS:
            return raw.title(), spans[k - 1][1]
    kept = []
    for _start, end, word in spans[:4]:
        if word in _CAPS_STOP:
            break
        kept.append(end)
    if not kept:
        return None
    return text[pos : kept[-1]].title(), kept[-1]


@dataclass
class OrgMention:
    """One body as written: head ("UBND", "LĐLĐ", "Tổng LĐLĐ Việt Nam", "Sở …"), level and place."""

    start: int
    end: int
    head: str
    level: str | None = None
    place: str | None = None
    joint: int = 0  # mentions parsed from one "UBND và LĐLĐ …" phrase share a group number
    plural: bool = False

    @property
    def name(self) -> str:
        return " ".join(x for x in (self.head, self.level, self.place) if x)

    @property
    def kind(self) -> str:
        return {"UBND": "ubnd", "LĐLĐ": "ldld"}.get(self.head, "other")

    def admin_level(self, year: int | None = None) -> str | None:
        """district / city / province / commune / national, from the level word and the place."""
        if self.kind == "other" and _GRASSROOTS_BODY.match(self.head):
            # One enterprise, school or grassroots union, even when its name ends in "Việt Nam".
            return "grassroots"
        if self.head.startswith("Tổng LĐLĐ") or self.head.endswith("Việt Nam"):
            return "national"
        if self.kind == "other" and self.level is None:
            # "Công đoàn Khu kinh tế tỉnh", "Sở Nội vụ tỉnh Bình Dương": the level word in the name.
            found = list(_LEVEL_LOWER.finditer(self.head))
            m = found[-1] if found else None
            if m:
                place = self.head[m.end() :].strip() or None
                return level_of(_level_word(m.group(0)), place, year)
            return None
        return level_of(self.level, self.place, year)


def level_of(level: str | None, place: str | None, year: int | None = None) -> str | None:
    """The administrative level of a body written with `level` and `place`."""
    key = tone_key(place) if place else None
    if key == "huế" and (year is None or year >= 2025):
        return "city"
    if level == "thành phố":
        if key is None or key in CENTRAL_CITIES or key in ("hồ chí minh", "hcm"):
            return "city"
        return "district"
    if level == "tỉnh":
        return "province"
    if level in ("quận", "huyện", "thị xã"):
        return "district"
    if level in ("xã", "phường", "thị trấn"):
        return "commune"
    if key is not None:
        if key in CENTRAL_CITIES:
            return "city"
        if key in PROVINCE_KEYS:
            return "province"
    return None


def _level_word(s: str) -> str:
    low = s.lower()
    return LEVELS.get(low, LEVELS.get(low.rstrip("."), low))


def _blocked_at(pos: int, blocked: SpanSet) -> bool:
    return pos in blocked


def _place_at(text: str, pos: int, limit: int, blocked: SpanSet) -> tuple[str, int] | None:
    m = _PLACE.match(text, pos, limit)
    if not m:
        return None
    place = m.group(0)
    cut = blocked.first_start_in(m.start(), m.end())
    if cut is not None:
        place = text[m.start() : cut].rstrip(" -–\t")
    # A last word that opens a lower-case phrase ("Công" an, "Chủ" tịch) is not part of the place.
    toks = place.split()
    nxt = _NEXT_LOWER.match(text, m.start() + len(place), min(limit, m.start() + len(place) + 20))
    if toks and nxt and opens_phrase(toks[-1], nxt.group(1)):
        toks = toks[:-1]
    place = " ".join(toks)
    # Keep the original spacing of the place as written.
    if not place:
        return None
    raw_end = m.start() + len(place)
    raw = text[m.start() : raw_end]
    if raw.replace(" ", "") != place.replace(" ", ""):
        raw = place
    if place in ("Việt Nam", "VN"):
        return None
    if raw == "HCM":
        raw = "Hồ Chí Minh"
    return raw, raw_end


def _parse_tail(text: str, pos: int, limit: int, blocked: SpanSet):
    """Level and place(s) after a head. Returns (list of (level, place)), end, plural flag."""
    plural = False
    qm = _QUANT_AT.match(text, pos, limit)
    if qm and _LEVEL.match(text, qm.end(), limit):
        plural = True
        pos = qm.end()
    else:
        pos = _SPACES0.match(text, pos, limit).end()
    items: list[tuple[str | None, str | None]] = []
    level = None
    lm = _LEVEL.match(text, pos, limit)
    if lm and not _blocked_at(pos, blocked):
        level = _level_word(lm.group(0))
        pos = lm.end()
        # "3 tỉnh, thành phố: Hà Nội, …": a second level word and a colon introduce a list.
        lm2 = _SECOND_LEVEL.match(text, pos, limit)
        if plural and lm2:
            level = None
            pos = lm2.end()
        cm = _COLON.match(text, pos, limit)
        if cm and plural:
            pos = cm.end()
    sm = _SPACES.match(text, pos, limit)
    # "TP.Thủ Dầu Một": an abbreviated level may touch its place name.
    glued = level is not None and text[pos - 1 : pos] == "." and text[pos : pos + 1].isupper()
    got = _place_at(text, sm.end() if sm else pos, limit, blocked) if (sm or plural or glued) else None
    if got is None and level is not None and sm and lm is not None and lm.group(0).isupper():
        # A header in capitals: "ỦY BAN NHÂN DÂN TỈNH SƠN LA".
        got = _caps_place(text, sm.end(), limit)
    if got:
        items.append((level, got[0]))
        pos = got[1]
    else:
        items.append((level, None))
        return items, pos, plural
    # Lists of places: only after a plural head ("LĐLĐ các thành phố Hà Nội, Hải Phòng và tỉnh …").
    while plural:
        jm = _LIST_JOIN.match(text, pos, limit)
        if not jm:
            break
        p2 = jm.end()
        lev2 = level
        lm = _LEVEL.match(text, p2, limit)
        if lm:
            lev2 = _level_word(lm.group(0))
            sm = _SPACES.match(text, lm.end(), limit)
            if not sm:
                break
            p2 = sm.end()
        if _HEAD.match(text, p2) or _OTHER_HEAD.match(text, p2):
            break
        got = _place_at(text, p2, limit, blocked)
        if not got:
            break
        items.append((lev2, got[0]))
        pos = got[1]
    if plural:
        items = [(lev or _infer_level(place), place) for lev, place in items]
    return items, pos, plural


def _infer_level(place: str | None) -> str | None:
    """ "Hà Nội" in a list of federations is a thành phố, "Quảng Ninh" a tỉnh."""
    if not place:
        return None
    key = tone_key(place)
    if key in CENTRAL_CITIES:
        return "thành phố"
    if key in PROVINCE_KEYS:
        return "tỉnh"
    return None


# Lower-case words that occur inside names of departments and mass organisations.
_NAME_PHRASES = [
    "lao động", "thương binh", "xã hội", "nội vụ", "tài chính", "y tế", "giáo dục", "đào tạo", "công thương",
    "tư pháp", "xây dựng", "kế hoạch", "đầu tư", "nông nghiệp", "phát triển nông thôn", "nông thôn",
    "văn hóa", "văn hoá", "thể thao", "du lịch", "thông tin", "truyền thông", "khoa học", "công nghệ",
    "tài nguyên", "môi trường", "giao thông", "vận tải", "ngoại vụ", "dân tộc", "liên hiệp", "phụ nữ",
    "nông dân", "cựu chiến binh", "quản lý", "các khu công nghiệp", "khu công nghiệp", "khu kinh tế",
    "nhân dân", "tổ quốc", "thanh niên", "cộng sản", "chính sách", "nhà nước", "kiểm sát", "hợp tác xã",
    "quân sự", "biên phòng", "chỉ huy", "an toàn", "chế xuất", "viên chức", "thuế", "thường vụ",
    "các khu kinh tế", "các khu chế xuất và công nghiệp", "các khu chế xuất", "khu chế xuất", "các khu",
    "chấp hành", "thường trực", "nữ công", "tuyên giáo", "dân vận", "kinh tế", "đa khoa", "y học cổ truyền",
    "phục hồi chức năng", "sư phạm", "kỹ thuật", "công đoàn", "lao động xã hội", "cơ sở",
]  # fmt: skip
_NAME_PHRASE_RE = re.compile(
    rf"{_S0}("
    + "|".join(re.escape(p) for p in sorted(_NAME_PHRASES, key=len, reverse=True))
    + rf")(?![{_L}])",
    re.IGNORECASE,
)
_NAME_WORDS = {w for p in _NAME_PHRASES for w in p.split()}


def _other_name(text: str, m: re.Match[str], limit: int) -> tuple[str, int]:
    """The full name of a body such as "Sở Lao động - Thương binh và Xã hội tỉnh Bình Dương"."""
    end = m.end()
    company = m.group(0).startswith(("Công ty", "Tổng", "Tập đoàn"))
    union = m.group(0).startswith("Công đoàn")
    # A sector union's name mixes cases like a company's ("Công đoàn Dệt may Việt Nam").
    company = company or bool(union and _CAPITAL_AFTER.match(text, m.end(), limit))
    named_after_unit = False
    while True:
        # "Lao động - Thương binh và Xã hội", "Văn hóa, Thể thao và Du lịch": joined capitalised parts.
        jm = _NAME_JOIN.match(text, end, limit)
        if jm:
            nxt = jm.end()
            if _HEAD.match(text, nxt) or _OTHER_HEAD.match(text, nxt):
                break
            pm = _NAME_PHRASE_RE.match(text, nxt, limit)
            if pm:
                end = pm.end()
                continue
            # "Công đoàn Than - Khoáng sản Việt Nam": a capitalised part that is no position and no person.
            cw = _CAPITAL_WORD.match(text, nxt, limit)
            if cw and text[jm.start() : nxt].strip() in ("-", "–") and not _STARTS_PERSON.match(text, nxt):
                end, company = cw.end(), True  # a proper name that may mix cases ("Khoáng sản Việt Nam")
                continue
            break
        pm = _NAME_PHRASE_RE.match(text, end, limit) if _SPACES.match(text, end, end + 1) else None
        if pm:
            end = pm.end()
            continue
        # "Bảo hiểm xã hội (BHXH) tỉnh": an abbreviation in brackets does not end the name.
        am = _BRACKET_ABBR.match(text, end, limit)
        if am:
            end = am.end()
            continue
        wm = _NAME_WORD.match(text, end, limit)
        if not wm:
            break
        word = wm.group(1)
        um = _UNIT_HEAD.match(text, wm.start(1), limit) if union and not named_after_unit else None
        if um:
            # "Công đoàn cơ sở Công ty TNHH …": the union is named after its enterprise or school.
            end, company, named_after_unit = um.end(), True, True
            continue
        if _HEAD.match(text, wm.start(1)) or _OTHER_HEAD.match(text, wm.start(1)):
            break
        lm = _LEVEL.match(text, wm.start(1))
        if lm and word[0].islower():
            # "… tỉnh Bình Dương": a level word and the place that follows.
            end = lm.end()
            pm = _SPACED_PLACE.match(text, end, limit)
            if pm:
                end = pm.end()
            break
        if word[0].isupper():
            end = wm.end()
            continue
        # Company names mix cases ("Công ty TNHH Gang thép Hưng Nghiệp Formosa").
        if company and _NEXT_CAPITAL.match(text, wm.end(), limit):
            end = wm.end()
            continue
        break
    name = re.sub(rf"{_S0}\([{_U}&-]{{2,12}}\)", "", text[m.start() : end])
    return re.sub(r"\s+", " ", name).strip(), end


def find_orgs(
    text: str, start: int = 0, end: int | None = None, blocked: SpanSet | list[tuple[int, int]] | None = None
):
    """Every UBND / LĐLĐ / Tổng LĐLĐ (and other named body) mention in text[start:end]."""
    end = len(text) if end is None else end
    blocked = blocked if isinstance(blocked, SpanSet) else SpanSet(blocked or [])
    out: list[OrgMention] = []
    group = 0
    pos = start
    while True:
        m = _HEAD.search(text, pos, end)
        om = _OTHER_HEAD.search(text, pos, end)
        if om and (not m or om.start() < m.start()):
            if _blocked_at(om.start(), blocked):
                pos = om.end()
                continue
            name, e = _other_name(text, om, end)
            group += 1
            # The organs of a body ("Ban Thường vụ LĐLĐ tỉnh") stand for the body that follows.
            organ = re.match(r"Ban (?:Thường vụ|thường vụ|Chấp hành|chấp hành|Thường trực)$", name)
            if name not in ("Ban", "Hội", "Bộ", "Trung tâm", "Văn phòng", "Thanh tra", "Cục") and not organ:
                out.append(OrgMention(om.start(), e, name, joint=group))
            pos = max(e, om.end())
            continue
        if not m:
            break
        if _blocked_at(m.start(), blocked):
            pos = m.end()
            continue
        group += 1
        if m.group("tong"):
            out.append(OrgMention(m.start(), m.end(), "Tổng LĐLĐ Việt Nam", joint=group))
            pos = m.end()
            continue
        heads = ["UBND" if m.group("ubnd") else "LĐLĐ"]
        h_end = m.end()
        # "UBND và LĐLĐ quận X", "UBND-LĐLĐ huyện Y": two heads share what follows.
        jm = _JOIN.match(text, h_end)
        if jm:
            m2 = _HEAD.match(text, jm.end())
            if m2 and not m2.group("tong"):
                other = "UBND" if m2.group("ubnd") else "LĐLĐ"
                # Only when the first head has no level of its own ("UBND huyện và LĐLĐ huyện X" is two).
                if other != heads[0] and not re.match(
                    rf"{_S}{_LEVEL.pattern}", text[h_end:end], re.IGNORECASE
                ):
                    heads.append(other)
                    h_end = m2.end()
        items, t_end, plural = _parse_tail(text, h_end, end, blocked)
        for head in heads:
            for level, place in items:
                out.append(OrgMention(m.start(), t_end, head, level, place, joint=group, plural=plural))
        pos = max(t_end, m.end())
    return out


_ISSUER_HEAD = re.compile(
    r"(?:ỦY BAN|UỶ BAN|LIÊN ĐOÀN|SỞ|BAN|HỘI|CÔNG ĐOÀN|BẢO HIỂM|CÔNG AN|TỈNH ĐOÀN|THÀNH ĐOÀN|MẶT TRẬN|BỘ|"
    r"TỔNG LIÊN ĐOÀN|TRƯỜNG|BỆNH VIỆN|CÔNG TY)(?![" + _L + r"])"
)
_LOWER_WORDS = {"tỉnh", "thành", "phố", "quận", "huyện", "thị", "xã", "phường", "trấn", "và", "các"}


def _mixed_case(caps: str) -> str:
    """ "SỞ Y TẾ TỈNH THANH HÓA" → "Sở Y Tế tỉnh Thanh Hóa": capitals a reader of bodies can parse."""
    words = caps.split(" ")
    out = []
    for w in words:
        low = w.lower()
        out.append(low if low in _LOWER_WORDS else w[:1] + w[1:].lower())
    return " ".join(out)


def issuers(header_text: str) -> list[OrgMention]:
    """The bodies in a document's issuer block ("UBND HUYỆN X" / "LIÊN ĐOÀN LAO ĐỘNG HUYỆN X", "A - B")."""
    segments: list[str] = []
    for line in header_text.split("\n"):
        line = line.strip()
        if not line or not re.search(rf"[{_L}]", line):
            continue
        for part in re.split(r"\s+[-–]\s+(?=" + _ISSUER_HEAD.pattern + ")", line):
            if segments and not _ISSUER_HEAD.match(part) and part.isupper():
                segments[-1] += " " + part  # "ỦY BAN NHÂN DÂN" / "TỈNH LẠNG SƠN": one body on two lines
            else:
                segments.append(part)
    text = "; ".join(_mixed_case(seg) if seg.isupper() else seg for seg in segments)
    return find_orgs(text)
