"""People named with a position: "đồng chí X - Phó Chủ tịch UBND tỉnh", "Chủ tịch LĐLĐ tỉnh X" …"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import JOBS, POSITIONS, PRIMARY_SURNAMES, PROVINCE_KEYS, SURNAMES, TYPO_FIXES, opens_phrase
from .text import Layout
from .vietnamese import LETTER_CLASS, LOWER_CLASS, UPPER_CLASS, tone_key

_L, _U, _LO = LETTER_CLASS, UPPER_CLASS, LOWER_CLASS
_S = r"[ \t\u00a0]+"

_NAME_TOKEN = rf"[{_U}][{_LO}]*(?![{_L}])"
_CAP_RUN = re.compile(rf"{_NAME_TOKEN}(?:{_S}{_NAME_TOKEN})*")
_POS_RE = re.compile(
    r"(?<![" + _L + r"])(?:" + "|".join(re.escape(p) for p in sorted(POSITIONS, key=len, reverse=True)) + r")"
    r"(?![" + _L + r"])",
    re.IGNORECASE,
)
_JOB_RE = re.compile(
    r"(?:" + "|".join(re.escape(j) for j in sorted(JOBS, key=len, reverse=True)) + r")(?![" + _L + r"])",
    re.IGNORECASE,
)
_ADDRESS = re.compile(
    rf"(?<![{_L}])(?:đồng chí|Đồng chí|ĐỒNG CHÍ|đ/c|Đ/c|Đ/C|ông|Ông|bà|Bà|anh|Anh|chị|Chị)"
    rf"(?:{_S}(?:các{_S}đồng chí|Các{_S}đồng chí))?[ \t\u00a0]*:?{_S}",
)
_LIST_INTRO = re.compile(rf"(?:các{_S}đồng chí|Các{_S}đồng chí|các{_S}vị|gồm)[ \t\u00a0]*:", re.IGNORECASE)
_SEPARATOR = re.compile(r"[ \t\u00a0]*(?:[-–—]|,|\(|:)[ \t\u00a0]*")
_LEVEL_BEFORE = re.compile(
    rf"(?:tỉnh|thành phố|TP\.?|quận|huyện|thị xã|xã|phường|thị trấn){_S}$", re.IGNORECASE
)
# Words that end a position: what the person does next.
_VERBS = (
    "phát biểu", "cho biết", "báo cáo", "chủ trì", "đồng chủ trì", "đã", "đang", "sẽ", "nhấn mạnh",
    "khẳng định", "đề nghị", "yêu cầu", "trao", "tặng", "thay mặt", "chúc mừng", "đánh giá", "ghi nhận",
    "biểu dương", "tham dự", "dự", "tới dự", "về dự", "đến dự", "cùng", "có", "được", "làm", "giới thiệu",
    "phát động", "ký", "chia sẻ", "bày tỏ", "nêu", "lưu ý", "mong muốn", "trình bày", "thông tin",
    "kết luận", "tham gia", "trả lời", "khen", "cảm ơn", "quán triệt", "điều hành", "nói", "cho rằng",
    "kêu gọi", "động viên", "gửi", "thăm", "chỉ đạo", "tiếp", "làm việc", "tại", "trong", "với", "khi",
    "nhằm", "để", "là", "thì", "cũng", "vừa", "luôn", "thông báo", "công bố", "nhận", "gặp", "dẫn đầu",
    "kiểm tra", "hướng dẫn", "trao đổi", "đối thoại", "tổ chức", "quyết định", "nhận định", "phân tích",
    "đề xuất", "kiến nghị", "lắng nghe", "ân cần", "hỏi thăm", "tuyên bố", "chủ động", "rất", "từng",
    "mới", "chính thức", "bế mạc", "khai mạc", "điều khiển", "tiếp thu", "giải đáp", "thừa nhận",
    "bộc bạch", "tâm sự", "kể", "vui mừng", "xúc động", "khen ngợi", "ký kết", "thống nhất", "đọc",
    "tham luận", "góp ý", "gợi ý", "khuyến khích", "gửi lời", "thăm hỏi", "tiếp nhận", "chứng kiến",
    "cắt băng", "tuyên dương", "vinh danh", "trực tiếp", "phụ trách", "lưu ý", "đề cập", "nhắc lại",
    "bấm nút", "trao tặng", "ấn nút", "chủ tọa", "chủ toạ", "điều hành", "nêu rõ", "chỉ rõ",
)  # fmt: skip
_VERB_RE = re.compile(
    r"[ \t\u00a0]+(?:"
    + "|".join(re.escape(v) for v in sorted(_VERBS, key=len, reverse=True))
    + rf")(?![{_L}])"
)
_HARD_STOP = re.compile(r"[;\n()“”\"…]|\.(?:\s|$)|:|,\s*\.\.")
_JOINER = re.compile(r"[ \t\u00a0]+(?:và|[-–—])[ \t\u00a0]+")
_ABBREV_DOT = re.compile(r"(?:TP|Tp|TT|Q|P|TX|ThS|TS|PGS|GS|BS|KS)$")


_ADDRESS_WORDS = {"Ông", "Bà", "Anh", "Chị", "Cô", "Chú", "Em", "Cụ", "Bác"}
# Nouns that introduce a named worker the way a form of address does ("đoàn viên Y Blin Niê, giáo viên …").
_ROLE_NOUN = re.compile(
    rf"(?<![{_L}])(?:đoàn viên|công nhân|nữ công nhân|người lao động|lao động|hội viên|nữ đoàn viên)"
    rf"{_S}(?=[{_U}])"
)
# "X tái đắc cử Chủ tịch …", "X được bầu giữ chức Chủ tịch …": a position won at a congress.
_ELECTED = re.compile(
    rf"{_S}(?:được{_S})?(?:tái{_S})?(?:đắc cử|được bầu|trúng cử|giữ chức)(?:{_S}(?:giữ chức|chức danh|chức|làm))?{_S}"
)
_BRACKETED = re.compile(r"[ \t\u00a0]*\(([^()\n]{1,100})\)")
# The last words of a company or school name: a capitalised run after them is part of that name.
_UNIT_NAME_BEFORE = re.compile(
    rf"(?:Công ty|TNHH|Cổ phần|CP|MTV|Tập đoàn|Nhà máy|Xí nghiệp|Bệnh viện|Hợp tác xã|HTX|Tiểu học|THCS|THPT|"
    rf"Mầm non|Trường){_S}$"
)
_ORDINAL_AFTER = re.compile(rf"{_S}(?:[IVX]+|\d+)(?![{_L}\d])")
# Signature block of a document: a position in capitals on its own line, then the signer's name.
_SIGNATURE = re.compile(
    rf"^[ \t]*((?:PHÓ |KT\. )?(?:CHỦ TỊCH|GIÁM ĐỐC|TRƯỞNG BAN|BÍ THƯ|TỔNG GIÁM ĐỐC|CHÁNH VĂN PHÒNG|"
    rf"PHÓ CHỦ TỊCH THƯỜNG TRỰC|TRƯỞNG PHÒNG|HIỆU TRƯỞNG|CỤC TRƯỞNG|THỦ TRƯỞNG))[ \t]*\n(?:[ \t]*\n)*"
    rf"(?:[ \t]*\((?:đã ký|Đã ký)[^)\n]*\)[ \t]*\n(?:[ \t]*\n)*)?[ \t]*({_NAME_TOKEN}(?:{_S}{_NAME_TOKEN}){{1,4}})[ \t]*$",
    re.MULTILINE,
)
_CANONICAL_POSITION = {p.lower(): p for p in POSITIONS}


_RANK_BEFORE = re.compile(
    rf"(?<![{_L}])(Đại tướng|Thượng tướng|Trung tướng|Thiếu tướng|Đại tá|Thượng tá|Trung tá|Thiếu tá|Đại úy|"
    rf"Đại uý|Thượng úy|Thượng uý|Trung úy|Trung uý|Thiếu úy|Thiếu uý){_S}$"
)


@dataclass
class Person:
    """A named person with the wording of their position."""

    name: str
    title: str
    start: int
    end: int
    title_start: int = 0
    title_end: int = 0


def _tokens(run: str) -> list[str]:
    return re.split(_S, run.strip())


def _split_place_name(tokens: list[str], after_level: bool, anchored: bool) -> int | None:
    """Index where a person's name starts in a run of capitalised words, or None.

    The words before that index are a place name ("Hoàng Mai Nguyễn Văn A" after "quận").
    """
    best: tuple[float, int] | None = None
    n = len(tokens)
    for i, tok in enumerate(tokens):
        rest = n - i
        if tok not in SURNAMES and not (anchored and i == 0):
            continue
        if rest < 2 or rest > 5:
            continue
        if rest == 5 and i > 0:
            continue
        name_key = tone_key(" ".join(tokens[i:]))
        if name_key in PROVINCE_KEYS:
            continue
        score = 0.0
        score += 2 if tok in PRIMARY_SURNAMES else (0.5 if tok in SURNAMES else 0)
        score += {2: 0.3, 3: 1.0, 4: 0.6, 5: 0.1}[rest]
        prefix = tone_key(" ".join(tokens[:i]))
        if i > 0 and prefix in PROVINCE_KEYS:
            score += 3
        if i == 0:
            if after_level and rest == 2:
                continue
            score += 0.5
        if best is None or score > best[0]:
            best = (score, i)
    return None if best is None else best[1]


def _title_end(text: str, start: int, limit: int) -> int:
    """End of a position phrase starting at `start`."""
    window_end = min(limit, start + 220)
    end = window_end
    for m in _HARD_STOP.finditer(text, start, window_end):
        if m.group(0).startswith(".") and _ABBREV_DOT.search(text[max(start, m.start() - 4) : m.start()]):
            continue
        end = m.start()
        break
    vm = _VERB_RE.search(text, start, end)
    if vm:
        end = vm.start()
    # "và" / a dash go on inside a name of a body ("Lao động - Thương binh và Xã hội") but not
    # when another person, a position or a clause follows.
    for jm in _JOINER.finditer(text, start, end):
        nxt = jm.end()
        if (
            _POS_RE.match(text, nxt)
            or _ADDRESS.match(text, jm.end() - 1)
            or re.match(rf"(?:đồng chí|ông|bà|anh|chị|các){_S}", text[nxt : nxt + 12], re.IGNORECASE)
            or not re.match(rf"[{_U}]", text[nxt : nxt + 1])
            or _starts_name(text, nxt)
        ):
            end = jm.start()
            break
    # A comma continues the position only when another position follows it.
    pos = start
    while True:
        c = text.find(",", pos, end)
        if c == -1:
            break
        after = c + 1
        while after < end and text[after] in " \t\u00a0":
            after += 1
        if not _POS_RE.match(text, after):
            end = c
            break
        pos = after
    # A capitalised run that holds a person's name starts another person: stop before it.
    return end


def _starts_name(text: str, pos: int) -> bool:
    m = _CAP_RUN.match(text, pos)
    if not m:
        return False
    tokens = _trim_run(text, m)
    return 2 <= len(tokens) <= 5 and tokens[0] in SURNAMES and tone_key(" ".join(tokens)) not in PROVINCE_KEYS


def _trim_run(text: str, m: re.Match[str]) -> list[str]:
    """Tokens of a capitalised run, without a last word that opens a lower-case phrase ("Chủ" tịch)
    and without a sentence-initial form of address ("Ông Nguyễn Văn A")."""
    tokens = _tokens(m.group(0))
    nxt = re.match(rf"{_S}([{_LO}]+)", text[m.end() : m.end() + 20])
    if len(tokens) > 1 and nxt and opens_phrase(tokens[-1], nxt.group(1)):
        tokens = tokens[:-1]
    return tokens


def _drop_address(m: re.Match[str], tokens: list[str]) -> tuple[int, list[str]]:
    """Start offset and tokens of a run without a leading "Ông"/"Bà" (capitalised at a sentence start)."""
    if len(tokens) >= 3 and tokens[0] in _ADDRESS_WORDS and tokens[1] in SURNAMES:
        return m.start() + m.group(0).index(tokens[1], len(tokens[0])), tokens[1:]
    return m.start(), tokens


def _clean_title(title: str) -> str:
    title = re.sub(r"\s+", " ", title).strip(" ,.;:-–—")
    for wrong, right in TYPO_FIXES.items():
        title = re.sub(rf"(?<![{_L}]){re.escape(wrong)}(?![{_L}])", right, title)
    return title


def _name_after(text: str, pos: int, limit: int, anchored: bool) -> tuple[int, int, list[str]] | None:
    m = _CAP_RUN.match(text, pos, limit)
    if not m:
        return None
    start, tokens = _drop_address(m, _trim_run(text, m))
    if len(tokens) < 2 or len(tokens) > 5:
        return None
    if not anchored and tokens[0] not in SURNAMES:
        return None
    if tone_key(" ".join(tokens)) in PROVINCE_KEYS:
        return None
    end = start + len(" ".join(tokens))
    return start, end, tokens


def find_people_mentions(text: str, layout: Layout | None = None) -> list[Person]:
    """Each place where a person is named with a position (a person named twice appears twice)."""
    found: list[Person] = []
    seen_spans: set[tuple[int, int]] = set()

    def usable(pos: int) -> bool:
        return layout is None or not layout.is_clutter(pos)

    def add(name: str, title: str, start: int, end: int, t_start: int, t_end: int) -> None:
        title = _clean_title(title)
        if not title or (start, end) in seen_spans:
            return
        if not _POS_RE.search(title) and not _JOB_RE.match(title):
            return
        # A military or police rank written before the name belongs to the title.
        rank = _RANK_BEFORE.search(text[max(0, start - 16) : start])
        if rank and not title.startswith(rank.group(1)):
            title = f"{rank.group(1)}, {title}"
        seen_spans.add((start, end))
        found.append(Person(name, title, start, end, t_start, t_end))

    n = len(text)
    # 1. Name first: "[đồng chí] Nguyễn Văn A - Chủ tịch …", and lists "các đồng chí: A – …; B - …".
    starts: list[tuple[int, bool]] = []
    for m in _ADDRESS.finditer(text):
        starts.append((m.end(), True))
    for m in _ROLE_NOUN.finditer(text):
        starts.append((m.end(), True))
    for m in _LIST_INTRO.finditer(text):
        starts.append((m.end(), True))
        for sm in re.finditer(r";[ \t\u00a0]*", text[m.end() : m.end() + 800]):
            starts.append((m.end() + sm.end(), True))
    for m in _CAP_RUN.finditer(text):
        if m.group(0).split()[0] in SURNAMES:
            starts.append((m.start(), False))
    for pos, anchored in starts:
        while pos < n and text[pos] in " \t\u00a0":
            pos += 1
        if not usable(pos):
            continue
        got = _name_after(text, pos, n, anchored)
        if not got:
            continue
        s, e, tokens = got
        if _UNIT_NAME_BEFORE.search(text[max(0, s - 20) : s]) or _ORDINAL_AFTER.match(text, e):
            continue  # "Công ty TNHH Lạc Tỷ II": a name inside the name of a company
        # A job may follow an unmarked full name too ("Nguyễn Văn An, công nhân Công ty X").
        job_ok = anchored or (len(tokens) >= 3 and tokens[0] in PRIMARY_SURNAMES)
        bm = _BRACKETED.match(text, e)
        if bm and not (_POS_RE.match(bm.group(1).strip()) or _JOB_RE.match(bm.group(1).strip())):
            # "Chị Trần Thị Kim Thoa (35 tuổi, quê Sóc Trăng), công nhân tổ may": look inside, then past it.
            inner_start = bm.start(1)
            for piece in re.finditer(r"[^,]+", bm.group(1)):
                p0 = inner_start + piece.start() + len(piece.group(0)) - len(piece.group(0).lstrip())
                if _POS_RE.match(text, p0) or (job_ok and _JOB_RE.match(text, p0)):
                    add(
                        " ".join(tokens),
                        text[p0 : inner_start + piece.end()],
                        s,
                        e,
                        p0,
                        inner_start + piece.end(),
                    )
                    break
            else:
                e = bm.end()
        sep = _SEPARATOR.match(text, e) or _ELECTED.match(text, e)
        if not sep:
            continue
        t0 = sep.end()
        if _POS_RE.match(text, t0) or (job_ok and _JOB_RE.match(text, t0)):
            t1 = _title_end(text, t0, n)
            add(" ".join(tokens), text[t0:t1], s, e, t0, t1)
    # 2. Position first: "Phó Chủ tịch UBND tỉnh Nguyễn Thị Bé Mười".
    for pm in _POS_RE.finditer(text):
        if not usable(pm.start()):
            continue
        t_end = _title_end(text, pm.start(), n)
        # Look for a name inside or right after the position phrase.
        segment_end = min(n, t_end + 60)
        found_name = False
        for cm in _CAP_RUN.finditer(text, pm.end(), segment_end):
            if cm.start() > t_end + 1:
                break
            tokens = _trim_run(text, cm)
            after_level = bool(_LEVEL_BEFORE.search(text[max(0, cm.start() - 14) : cm.start()]))
            i = _split_place_name(tokens, after_level, anchored=False)
            if i is None:
                continue
            name_tokens = tokens[i:]
            name_start = cm.start() + len(" ".join(tokens[:i])) + (1 if i else 0)
            name_end = name_start + len(" ".join(name_tokens))
            title = text[pm.start() : name_start]
            if _UNIT_NAME_BEFORE.search(title) or _ORDINAL_AFTER.match(text, name_end):
                break  # "Chủ tịch Công đoàn Công ty TNHH Lạc Tỷ II": the run names the company
            add(" ".join(name_tokens), _with_earlier_position(text, pm.start(), title), name_start, name_end,
                pm.start(), name_start)  # fmt: skip
            found_name = True
            break
        if found_name or _owned_by_name_before(text, pm.start()):
            continue
        # "Phó Chủ tịch UBND huyện, đồng chí Lê Văn Bảy": the name after the position and a form of address.
        am = _TITLE_THEN_ADDRESS.match(text, t_end)
        if am:
            got = _name_after(text, am.end(), n, True)
            if got and not (
                _SEPARATOR.match(text, got[1]) and _POS_RE.match(text, _SEPARATOR.match(text, got[1]).end())
            ):
                s, e, tokens = got
                add(" ".join(tokens), _with_earlier_position(text, pm.start(), text[pm.start() : t_end]), s, e,
                    pm.start(), t_end)  # fmt: skip
    # 3. The signature block of a document: "PHÓ CHỦ TỊCH" on one line, the signer's name below.
    for sm in _SIGNATURE.finditer(text):
        position = re.sub(r"^KT\.\s*", "", sm.group(1))
        title = _CANONICAL_POSITION.get(position.lower(), position.capitalize())
        tokens = _tokens(sm.group(2))
        if tone_key(" ".join(tokens)) not in PROVINCE_KEYS:
            add(" ".join(tokens), title, sm.start(2), sm.end(2), sm.start(1), sm.end(1))
    return found


_TITLE_THEN_ADDRESS = re.compile(rf"[ \t\u00a0]*,[ \t\u00a0]*(?:đồng chí|Đồng chí|đ/c|Đ/c|ông|bà){_S}")


def _owned_by_name_before(text: str, pos: int) -> bool:
    """True when the position at `pos` is written after a person's name ("Nguyễn Văn A - Chủ tịch …")."""
    return bool(re.search(rf"[{_U}][{_LO}]*[ \t\u00a0]*[-–—:(][ \t\u00a0]*$", text[max(0, pos - 40) : pos]))


def _with_earlier_position(text: str, pos: int, title: str) -> str:
    """ "Ủy viên BTV Tỉnh ủy, Phó Chủ tịch UBND tỉnh X": take in the position before the comma."""
    back = re.search(r"([^,;.\n]{2,80}),[ \t\u00a0]*$", text[max(0, pos - 90) : pos])
    if back and _POS_RE.match(back.group(1).strip()):
        return back.group(1).strip() + ", " + title
    return title


def find_people(text: str, layout: Layout | None = None) -> list[Person]:
    """Every person named with a position or job, once, with the fullest wording of the position."""
    return merge_people(find_people_mentions(text, layout))


def merge_people(found: list[Person]) -> list[Person]:
    """One entry per name, in order of first mention, keeping the position written with most words."""
    by_name: dict[str, Person] = {}
    order: list[str] = []
    for p in sorted(found, key=lambda x: x.start):
        key = re.sub(r"\s+", " ", p.name).casefold()
        if key not in by_name:
            by_name[key] = p
            order.append(key)
        else:
            old = by_name[key]
            if len(re.findall(r"\w+", p.title)) > len(re.findall(r"\w+", old.title)):
                by_name[key] = Person(old.name, p.title, old.start, old.end, p.title_start, p.title_end)
    return [by_name[k] for k in order]


def name_spans(people: list[Person], text: str) -> list[tuple[int, int]]:
    """Every place in the text where one of the names occurs (so org parsing can step around them)."""
    spans = []
    for p in people:
        for m in re.finditer(re.escape(p.name), text):
            spans.append((m.start(), m.end()))
    return spans
