"""Official document numbers ("số, ký hiệu") such as 03/CTr-UBND-LĐLĐ: parse, check and suggest a fix.

The shape comes from settings.AGREEMENT_NUMBER_PATTERN, a regular expression with the named groups
`seq` (the number), `kind` (the type abbreviation), `issuers` (the issuing bodies joined by "-") and
optionally `year`. Rules of Nghị định 30/2020 checked on top of the pattern: numbers below 10 carry a
leading zero, the ký hiệu has no spaces, the type abbreviation is one of Phụ lục III (written exactly,
"CTr", "QyĐ") and fits the kind of agreement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError

from phoihop.core.text import nfc

from .choices import DOCUMENT_TYPE_ABBREVIATIONS, AgreementKind

DEFAULT_EXAMPLE = "03/CTr-UBND-LĐLĐ"

# Abbreviations that are normal for each kind; the "related" ones are other agreement-type abbreviations,
# used in practice now and then (a warning), anything else in Phụ lục III is the wrong document type (an error).
FITTING_ABBREVIATIONS: dict[str, set[str]] = {
    AgreementKind.PROGRAMME: {"CTr", "CTrPH"},
    AgreementKind.JOINT_PROGRAMME: {"CTr", "CTLT", "CTrPH"},
    AgreementKind.REGULATION: {"QC", "QCPH"},
    AgreementKind.ANNUAL_PLAN: {"KH", "KHPH"},
}
RELATED_ABBREVIATIONS = {"CTr", "CTrPH", "CTLT", "QC", "QCPH", "QyĐ", "KH", "KHPH", "NQLT", "TTLT", "HD"}

_PREFIX = re.compile(r"^\s*số\s*[:.]?\s*", re.IGNORECASE)
_ABBREVIATIONS_FOLDED = {key.upper(): key for key in DOCUMENT_TYPE_ABBREVIATIONS}


@dataclass(frozen=True)
class DocumentNumber:
    """A parsed document number; `text` is the number as it must be written."""

    text: str
    seq: int
    kind: str
    issuers: tuple[str, ...]
    year: int | None = None
    warnings: tuple[str, ...] = field(default=(), compare=False)

    @property
    def issuers_text(self) -> str:
        return "-".join(self.issuers)


def example() -> str:
    return getattr(settings, "AGREEMENT_NUMBER_EXAMPLE", DEFAULT_EXAMPLE)


def pattern() -> re.Pattern:
    return re.compile(settings.AGREEMENT_NUMBER_PATTERN)


def clean_text(text: str) -> str:
    """NFC, no surrounding spaces, without the "Số:" label people copy from the document header."""
    return _PREFIX.sub("", nfc(text or "").strip()).strip()


def suggest(text: str) -> str | None:
    """A corrected spelling for common slips (spaces, missing leading zero, case), if that corrects it."""
    value = clean_text(text)
    value = re.sub(r"\s*/\s*", "/", value)
    value = re.sub(r"\s*-\s*", "-", value)
    value = re.sub(r"\s+", "-", value)
    head, sep, rest = value.partition("/")
    if head.isdigit():
        head = f"{int(head):02d}"
    value = head + sep + rest
    parts = value.split("/")
    if len(parts) >= 2:
        kind, dash, issuers = parts[-1].partition("-")
        kind = _ABBREVIATIONS_FOLDED.get(kind.upper(), kind)
        parts[-1] = kind + dash + issuers.upper()
        value = "/".join(parts)
    match = pattern().match(value)
    if not match or value == clean_text(text):
        return None
    return value


def _fail(text: str, reason: str) -> ValidationError:
    hint = suggest(text)
    tail = f"; có phải là {hint}?" if hint else f"; ví dụ {example()}"
    return ValidationError(f"Số ký hiệu '{text}' không đúng mẫu: {reason}{tail}", code="number")


def parse(text: str, kind: str | None = None) -> DocumentNumber:
    """Parse and check a number; raises ValidationError with a Vietnamese message saying what to fix."""
    original = nfc(text or "").strip()
    value = clean_text(original)
    if not value:
        raise ValidationError("Số ký hiệu đang để trống.", code="number")
    if re.search(r"\s", value):
        raise _fail(original, "các nhóm chữ viết liền, nối với nhau bằng dấu '-', không có khoảng trắng")
    match = pattern().match(value)
    if not match:
        raise _fail(original, "phải có dạng số/ký hiệu loại văn bản-cơ quan ban hành")
    groups = match.groupdict()
    seq_text = groups.get("seq") or ""
    if not seq_text.isdigit() or int(seq_text) == 0:
        raise _fail(original, "số văn bản bắt đầu từ 01")
    seq = int(seq_text)
    if seq_text != f"{seq:02d}":
        reason = (
            "số nhỏ hơn 10 phải có số 0 ở trước (Nghị định 30/2020)"
            if len(seq_text) < 2
            else "số văn bản không có số 0 thừa ở trước"
        )
        raise _fail(original, reason)
    abbreviation = groups.get("kind") or ""
    if abbreviation not in DOCUMENT_TYPE_ABBREVIATIONS:
        right = _ABBREVIATIONS_FOLDED.get(abbreviation.upper())
        reason = (
            f"viết tắt tên loại văn bản phải viết đúng là '{right}'"
            if right
            else f"'{abbreviation}' không phải chữ viết tắt tên loại văn bản theo Nghị định 30/2020 "
            "(ví dụ CTr: chương trình, QC: quy chế, KH: kế hoạch)"
        )
        raise _fail(original, reason)
    issuers_text = groups.get("issuers") or ""
    issuers = tuple(issuers_text.split("-")) if issuers_text else ()
    if any(not part or part != part.upper() for part in issuers):
        raise _fail(original, "chữ viết tắt tên cơ quan ban hành viết in hoa, nối bằng dấu '-'")
    year = int(groups["year"]) if groups.get("year") else None
    warnings = ()
    if kind:
        warnings = tuple(_check_kind(abbreviation, kind, original))
    return DocumentNumber(
        text=value, seq=seq, kind=abbreviation, issuers=issuers, year=year, warnings=warnings
    )


def _check_kind(abbreviation: str, kind: str, original: str) -> list[str]:
    fitting = FITTING_ABBREVIATIONS.get(kind, set())
    if not fitting or abbreviation in fitting:
        return []
    kind_label = AgreementKind(kind).label
    expected = " hoặc ".join(f"'{a}'" for a in sorted(fitting))
    type_label = DOCUMENT_TYPE_ABBREVIATIONS[abbreviation]
    if abbreviation in RELATED_ABBREVIATIONS:
        return [
            f"Số ký hiệu '{original}' dùng '{abbreviation}' ({type_label}) cho {kind_label.lower()}; "
            f"thường dùng {expected}. Kiểm tra lại nếu không cố ý."
        ]
    raise ValidationError(
        f"Số ký hiệu '{original}' có '{abbreviation}' là ký hiệu của {type_label.lower()}, "
        f"không phải của {kind_label.lower()}; hãy dùng {expected}.",
        code="number_kind",
    )
