"""Pure-Python engine that reads Vietnamese coordination reports into the extraction format (no Django)."""

from .dates import parse_vn_date
from .decode import DecodedText, decode_bytes
from .errors import ExtractionError
from .evaluate import evaluate, format_report
from .extractor import extract
from .numbers import parse_vn_number, parse_vn_value
from .readers import read_document

__all__ = [
    "DecodedText",
    "ExtractionError",
    "decode_bytes",
    "evaluate",
    "extract",
    "format_report",
    "parse_vn_date",
    "parse_vn_number",
    "parse_vn_value",
    "read_document",
]
