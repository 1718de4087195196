"""The content of an agreement as a document: both parties' header, its chapters and articles (a regulation)
or its content areas and tasks (a programme), and both signature blocks side by side."""

from __future__ import annotations

from phoihop.core.formatting import vn_date
from phoihop.programs.choices import KIND_ABBREVIATIONS, AgreementKind, TaskFrequency

from . import drafting
from .content import (
    ROMAN,
    DocumentContent,
    Heading,
    Paragraph,
    Signer,
    parties_word,
    place_date,
    text_paragraphs,
)

DOC_TYPES = {
    AgreementKind.PROGRAMME: "CHƯƠNG TRÌNH",
    AgreementKind.REGULATION: "QUY CHẾ",
    AgreementKind.JOINT_PROGRAMME: "CHƯƠNG TRÌNH LIÊN TỊCH",
    AgreementKind.ANNUAL_PLAN: "KẾ HOẠCH",
}


def _signers(agreement) -> list[Signer]:
    out = []
    for link in agreement.party_links.select_related("organization"):
        data = drafting.signer_for(link.organization, link.signatory_title, link.signatory_name)
        if link.signing_prefix and link.signing_prefix not in ("TM.",):
            # KT./Q./TL./TUQ. replace the deputy line the draft guessed.
            lines = [line for line in data["heading"].splitlines() if not line.startswith("KT.")]
            lines.insert(1, f"{link.signing_prefix} CHỦ TỊCH")
            data["heading"] = "\n".join(lines)
        out.append(Signer.from_dict(data))
    return out


def _task_line(task) -> str:
    parts = [task.title.rstrip(".;")]
    details = [f"chủ trì: {task.lead.name}"]
    cooperating = [o.name for o in task.cooperating.all()]
    if cooperating:
        details.append(f"phối hợp: {', '.join(cooperating)}")
    if task.deadline:
        details.append(f"thời hạn: {vn_date(task.deadline)}")
    elif task.frequency and task.frequency != TaskFrequency.ONCE:
        details.append(f"thời gian: {task.get_frequency_display().lower()}")
    return f"- {parts[0]} ({'; '.join(details)})."


def _programme_blocks(agreement) -> list:
    blocks: list = []
    summary = text_paragraphs(agreement.summary)
    if summary:
        blocks += [Heading("Mục đích, yêu cầu"), *summary]
    areas = list(agreement.content_areas.prefetch_related("tasks__lead", "tasks__cooperating"))
    if areas:
        blocks.append(Heading("Nội dung phối hợp"))
        for area in areas:
            blocks.append(Heading(f"{area.order}. {area.title}", level=2))
            blocks += text_paragraphs(area.description)
            for task in area.tasks.all():
                blocks.append(Paragraph(_task_line(task)))
    loose = list(
        agreement.tasks.filter(content_area__isnull=True)
        .select_related("lead")
        .prefetch_related("cooperating")
    )
    if loose:
        blocks.append(Heading("Nhiệm vụ cụ thể"))
        blocks += [Paragraph(_task_line(t)) for t in loose]
    blocks.append(Heading("Tổ chức thực hiện"))
    blocks.append(
        Paragraph(
            f"Hằng năm, {parties_word(agreement.parties.count())} xây dựng kế hoạch phối hợp cụ thể; định kỳ sơ kết, tổng kết việc thực hiện "
            f"{agreement.get_kind_display().lower()} và báo cáo cấp trên theo quy định."
        )
    )
    return blocks


def _regulation_blocks(agreement) -> list:
    blocks: list = []
    chapters = list(agreement.chapters.prefetch_related("articles"))
    loose = list(agreement.articles.filter(chapter__isnull=True))
    for article in loose:
        blocks.append(Heading(f"Điều {article.number}. {article.title}", level=2))
        blocks += text_paragraphs(article.body)
    for chapter in chapters:
        number = ROMAN[chapter.number - 1] if 0 < chapter.number <= len(ROMAN) else str(chapter.number)
        blocks.append(Paragraph(f"Chương {number}", align="center"))
        blocks.append(Paragraph(chapter.title.upper(), align="center"))
        for article in chapter.articles.all():
            blocks.append(Heading(f"Điều {article.number}. {article.title}", level=2))
            blocks += text_paragraphs(article.body)
    return blocks


def _blank_number(agreement, orgs) -> str:
    issuers = "-".join(a for a in map(drafting.abbreviation, orgs) if a)
    return f"/{KIND_ABBREVIATIONS.get(agreement.kind, 'CTr')}-{issuers}".rstrip("-")


def build(agreement, user=None) -> DocumentContent:
    orgs = [link.organization for link in agreement.party_links.select_related("organization")]
    if agreement.chapters.exists() or agreement.articles.exists():
        blocks = _regulation_blocks(agreement)
    else:
        blocks = _programme_blocks(agreement)
    content = DocumentContent(
        issuer_parent="",
        issuers=[line for org in orgs for line in drafting.issuer_lines(org)],
        number=agreement.number or _blank_number(agreement, orgs),
        place_date=place_date(agreement.place or drafting.place_for(orgs, agreement), agreement.signed_date),
        doc_type=DOC_TYPES.get(agreement.kind, "CHƯƠNG TRÌNH"),
        title=agreement.title,
        blocks=blocks,
        signers=_signers(agreement),
        recipients=[f"{o.parent.name} (để báo cáo)" for o in orgs if o.parent_id]
        + ["Các cơ quan, đơn vị liên quan"],
        archive=drafting.archive_for(orgs),
        author=getattr(user, "username", "") or "",
    )
    # Regulations number their chapters themselves; programmes get I, II, III … section headings.
    if not (agreement.chapters.exists() or agreement.articles.exists()):
        content.heading_numbers()
    return content
