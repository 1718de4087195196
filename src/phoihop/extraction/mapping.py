"""Proposing, for each extracted figure, the catalogue indicator, disaggregation, organisation and period.

The rules read the figure's quote and the sentence around it, folded (no diacritics), so "Công nhân giỏi cấp cơ
sở" and "cong nhan gioi cap co so" agree. A figure no rule recognises is kept unmapped for the user to decide.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from phoihop.core.text import fold

# (indicator code, units the figure may carry, words that must appear near the number — any of them)
RULES: list[tuple[str, set[str], tuple[str, ...]]] = [
    ("initiatives_registered", {"initiative"}, ("1 trieu sang kien", "dang ky", "chuong trinh 1 trieu")),
    ("initiatives_recognised", {"initiative"}, ("sang kien", "de tai", "giai phap")),
    ("good_workers", {"person"}, ("cong nhan gioi", "lao dong gioi", "tho gioi")),
    ("good_deed_examples", {"person"}, ("nguoi tot", "viec tot", "guong dien hinh")),
    (
        "skills_contest_participants",
        {"person"},
        ("hoi thi", "thi tay nghe", "thi tho", "thao dien", "tay nghe"),
    ),
    ("skills_contest_units", {"count"}, ("hoi thi", "thi tay nghe", "thi tho", "thao dien", "tay nghe")),
    ("dedicated_works", {"count"}, ("gan bien",)),
    (
        "public_employee_conference_rate",
        {"percent"},
        ("can bo, cong chuc", "cbccvc", "hanh chinh", "su nghiep cong lap"),
    ),
    ("workers_conference_rate", {"percent"}, ("hoi nghi nguoi lao dong", "doanh nghiep")),
    ("workplace_dialogue_rate", {"percent"}, ("doi thoai",)),
    ("collective_agreements_signed", {"count"}, ("thoa uoc",)),
    ("officials_trained", {"person"}, ("tap huan", "boi duong", "can bo chu chot")),
    ("legal_education_participants", {"person"}, ("tuyen truyen", "pho bien", "phap luat")),
    ("legal_education_sessions", {"count"}, ("tuyen truyen", "pho bien", "phap luat")),
    ("union_shelters", {"count"}, ("mai am",)),
    ("loans_vnd", {"VND"}, ("vay",)),
    ("donations_vnd", {"VND"}, ("ung ho", "quy ")),
    ("union_fee_collected_vnd", {"VND"}, ("kinh phi cong doan",)),
    ("gifts_vnd", {"VND"}, ("qua", "tro cap", "ho tro")),
    ("gifts_count", {"count"}, ("suat qua", "phan qua")),
    ("meals_served", {"meal"}, ("suat an", "bua an", "bep")),
    ("collectives_commended", {"collective"}, ("khen", "tap the")),
    ("individuals_commended", {"individual"}, ("khen", "ca nhan")),
    ("members_recruited", {"member", "person"}, ("ket nap", "doan vien moi", "phat trien doan vien")),
    ("grassroots_unions_founded", {"grassroots_union"}, ("thanh lap",)),
    ("inspections", {"count"}, ("thanh tra", "kiem tra", "giam sat")),
]

# Recognition levels, most specific first; "Thủ đô" means the city level in Hà Nội's texts.
LEVELS: list[tuple[str, tuple[str, ...]]] = [
    ("national", ("toan quoc", "cap trung uong", "tong lien doan")),
    ("city", ("cap thanh pho", "thu do", "cap tinh", "cap thanh")),
    ("district", ("cap quan", "cap huyen", "cap tren co so", "cap thi xa")),
    ("grassroots", ("cap co so", "co so")),
]


@dataclass
class FigureMapping:
    indicator_code: str | None
    option_code: str | None
    reason: str


def sentence_around(text: str, quote: str) -> tuple[int | None, int | None, str]:
    """Where the quote stands in the text and the sentence that holds it."""
    if not quote:
        return None, None, ""
    start = text.find(quote)
    if start < 0:
        squeezed = re.sub(r"\s+", " ", text)
        start = squeezed.find(quote)
        if start < 0:
            return None, None, ""
        text = squeezed
    end = start + len(quote)
    left = max(text.rfind(mark, 0, start) for mark in (".\n", ". ", "\n", "; "))
    right_candidates = [i for i in (text.find(mark, end) for mark in (". ", ".\n", "\n", "; ")) if i >= 0]
    right = min(right_candidates) if right_candidates else len(text)
    return start, end, text[left + 1 if left >= 0 else 0 : right + 1].strip()


def _window(sentence: str, quote: str) -> str:
    """The quote plus the words right after it in its sentence: that is where Vietnamese names what is counted."""
    folded_sentence, folded_quote = fold(sentence), fold(quote)
    at = folded_sentence.find(folded_quote)
    if at < 0:
        return folded_quote
    return folded_sentence[max(0, at - 40) : at + len(folded_quote) + 60]


def map_figure(figure: dict, sentence: str) -> FigureMapping:
    """The indicator (and recognition level) a figure reports, or none when no rule is sure."""
    unit = figure.get("unit") or ""
    quote = figure.get("quote") or ""
    near = _window(sentence, quote)
    folded_quote = fold(quote)
    for code, units, words in RULES:
        if unit not in units:
            continue
        hit = next((w for w in words if w in folded_quote), None) or next(
            (w for w in words if w in near), None
        )
        if hit is None:
            continue
        option = None
        if code in ("initiatives_recognised", "good_workers", "good_deed_examples"):
            option = next((level for level, keys in LEVELS if any(k in folded_quote for k in keys)), None)
            if option is None:
                option = next((level for level, keys in LEVELS if any(k in near for k in keys)), None)
        return FigureMapping(code, option, f"«{hit}»")
    return FigureMapping(None, None, "")


_YEARS = re.compile(r"(?:giai doan|nhiem ky)\s*(\d{4})\s*[-–]\s*(\d{4})")
_HALF = re.compile(r"6 thang (dau|cuoi) nam\s*(\d{4})")
_YEAR = re.compile(r"nam\s*(\d{4})")


def period_from_text(
    phrase: str | None, fallback: tuple[str, int, int] | None = None
) -> tuple[str, int, int] | None:
    """("programme", 2017, 2020) from "Giai đoạn 2017-2020"; ("half_year", 2022, 1); ("year", 2021, 2021)."""
    folded = fold(phrase or "")
    if m := _YEARS.search(folded):
        return ("programme", int(m.group(1)), int(m.group(2)))
    if m := _HALF.search(folded):
        return ("half_year", int(m.group(2)), 1 if m.group(1) == "dau" else 2)
    if m := _YEAR.search(folded):
        return ("year", int(m.group(1)), int(m.group(1)))
    return fallback
