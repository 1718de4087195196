"""Vietnamese text helpers: diacritic folding for search, NFC normalisation."""

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def nfc(value: str) -> str:
    return unicodedata.normalize("NFC", value)


def _slow_fold(value: str) -> str:
    decomposed = unicodedata.normalize("NFD", value.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return _SPACES.sub(" ", stripped).strip().lower()


# Precomposed Latin letters folded by one str.translate (imports fold hundreds of thousands of names); the table is
# built from the slow path itself, so the two never disagree.
_TABLE: dict[int, str] = {}
for _code in range(0x00C0, 0x1F00):
    _folded = _slow_fold(chr(_code))
    if _folded and _folded.isascii() and _folded != chr(_code):
        _TABLE[_code] = _folded


def fold(value: str | None) -> str:
    """Lower-case, strip tone marks and diacritics (đ → d) and squeeze spaces: "Hai Bà Trưng" → "hai ba trung"."""
    if not value:
        return ""
    text = value.translate(_TABLE)
    if not text.isascii():
        # Combining marks (decomposed input) or other scripts: the exact path.
        return _slow_fold(value)
    return " ".join(text.lower().split())
