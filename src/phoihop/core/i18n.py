"""Names that are data, not message ids: the catalogue's English names and English period names.

Vietnamese stays the default and the language of every document and message; a page shown in English uses the
English name when one is recorded, so an English page does not mix in Vietnamese indicator or period names.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools

from django.utils import translation
from django.utils.translation import get_language


def english() -> bool:
    """Is the page being rendered in English?"""
    return (get_language() or "").startswith("en")


def localized(vietnamese: str, english_text: str) -> str:
    """The English text on an English page when there is one; the Vietnamese otherwise."""
    return english_text if english_text and english() else vietnamese


class LocalizedName:
    """For a model with `name` and `name_en`: `label` is its name in the page's language."""

    @property
    def label(self) -> str:
        """Vietnamese, unless the page is in English and an English name is recorded."""
        return localized(self.name, self.name_en)


def period_in_english(kind: str, start: dt.date, end: dt.date, short: bool = False) -> str:
    """ "first half of 2022", "Q2 2022", "May 2022", "2021", "2017–2020 period"; short forms for table heads."""
    y = start.year
    if kind == "year":
        return str(y)
    if kind == "half_year":
        if short:
            return f"H{1 if start.month == 1 else 2} {y}"
        return f"{'first' if start.month == 1 else 'second'} half of {y}"
    if kind == "quarter":
        return f"Q{(start.month - 1) // 3 + 1} {y}"
    if kind == "month":
        return f"{calendar.month_abbr[start.month] if short else calendar.month_name[start.month]} {y}"
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        return f"{y}–{end.year}" if short else f"{y}–{end.year} period"
    return f"{start:%d/%m/%Y} – {end:%d/%m/%Y}"


def in_vietnamese(func):
    """Run `func` with Vietnamese active: documents and spreadsheets are Vietnamese administrative files, and a
    user working on an English page must get the same file as a colleague on a Vietnamese one."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        with translation.override("vi"):
            return func(*args, **kwargs)

    return wrapper
