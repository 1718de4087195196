"""DocumentContent → HTML → PDF (WeasyPrint), with the same A4 layout as the .docx.

Fonts: "Times New Roman" where installed, else Liberation Serif, which has the same metrics (installed by
`make sysdeps`), so line breaks and page counts match the Word document closely.
"""

from __future__ import annotations

from django.template.loader import render_to_string

from .content import DocumentContent
from .docx_layout import MARGINS_MM


def html(content: DocumentContent) -> str:
    return render_to_string(
        "documents/pdf/document.html",
        {"c": content, "margins": MARGINS_MM, "signer_rows": _signer_rows(content)},
    )


def _signer_rows(content: DocumentContent) -> list[list]:
    signers = content.signers
    if len(signers) <= 1:
        return []
    return [signers[i : i + 2] for i in range(0, len(signers), 2)]


def render(content: DocumentContent) -> bytes:
    from weasyprint import HTML

    return HTML(string=html(content)).write_pdf()
