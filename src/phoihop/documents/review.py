"""The content of a review report: its sections, the figures as sentences, tables and charts.

The results section follows the agreement's content areas when its indicators are linked to them
(Indicator.content_areas), otherwise the indicators' themes, so each figure lands under the area it serves.
"""

from __future__ import annotations

from collections.abc import Callable

from phoihop.core.formatting import vn_money, vn_number, vn_percent
from phoihop.reporting.choices import Theme, ValueType

from . import charts, narrative
from .choices import QUALITATIVE_SECTIONS, ReportKind
from .content import (
    Chart,
    DocumentContent,
    Heading,
    Paragraph,
    Signer,
    Table,
    join_names,
    parties_word,
    place_date,
    text_paragraphs,
)
from .figures import NON_ADDITIVE, Figure, Figures, IndicatorFigures, report_figures

TABLE_COLUMNS_CM = [1.0, 5.6, 1.9, 2.2, 2.2, 2.0, 1.6]  # sums to 16.5 cm: A4 less 30 mm + 15 mm margins

Progress = Callable[[int, str], None]


def _noop(percent: int, step: str) -> None:
    pass


def cell(figure: Figure | None, value_type: str, attr: str = "value") -> str:
    """A figure as a table cell: "trên 3.500", "từ 67 - 74%", "2,2 tỷ đồng", "–"."""
    if figure is None:
        return "–"
    value = getattr(figure, attr)
    if value is None:
        return "–"
    if attr == "value":
        if value_type == ValueType.RATIO:
            return narrative.percent(figure)
        if value_type == ValueType.AMOUNT:
            return narrative.money(figure)
        if value_type == ValueType.BOOLEAN:
            return "Có" if value else "Chưa"
        return narrative.amount(figure)
    if value_type == ValueType.RATIO:
        return vn_percent(value)
    if value_type == ValueType.AMOUNT:
        return vn_money(value)
    return vn_number(value)


def indicator_table(entries: list[IndicatorFigures], figures: Figures, locality: narrative.Locality) -> Table:
    previous = figures.previous_period.label if figures.previous_period else "Kỳ trước"
    columns = [
        "TT",
        "Chỉ tiêu",
        "Đơn vị tính",
        figures.period.label[:1].upper() + figures.period.label[1:],
        previous[:1].upper() + previous[1:],
        "Chỉ tiêu kế hoạch",
        "Tỷ lệ đạt (%)",
    ]
    rows, bold = [], set()
    for n, entry in enumerate(entries, start=1):
        ind = entry.indicator
        unit = str(ind.get_unit_display())
        show_total = not (entry.options and ind.disaggregation and ind.disaggregation.code in NON_ADDITIVE)
        total = entry.total if show_total else None
        rows.append(
            [
                str(n),
                ind.name,
                unit,
                cell(total, ind.value_type),
                cell(total, ind.value_type, "previous"),
                cell(total, ind.value_type, "target"),
                vn_percent(total.achievement) if total is not None and total.achievement is not None else "–",
            ]
        )
        if entry.options:
            bold.add(len(rows) - 1)
        for option, fig in entry.options:
            if not fig.has_value and fig.previous is None:
                continue
            label = (
                locality.level(option.code)
                if ind.disaggregation and ind.disaggregation.code == "recognition_level"
                else option.name
            )
            rows.append(
                [
                    "",
                    f"– {label}",
                    unit,
                    cell(fig, ind.value_type),
                    cell(fig, ind.value_type, "previous"),
                    cell(fig, ind.value_type, "target"),
                    vn_percent(fig.achievement) if fig.achievement is not None else "–",
                ]
            )
    return _without_empty_columns(
        Table(
            columns=columns, rows=rows, widths_cm=list(TABLE_COLUMNS_CM), numeric={3, 4, 5, 6}, bold_rows=bold
        )
    )


def _without_empty_columns(table: Table, optional=(4, 5, 6)) -> Table:
    """Drop the previous-period, target and achievement columns when no row has a figure in them; their width
    goes to the indicator names."""
    drop = [c for c in optional if all(row[c] == "–" for row in table.rows)]
    if not drop:
        return table
    keep = [c for c in range(len(table.columns)) if c not in drop]
    widths = [table.widths_cm[c] for c in keep]
    freed = sum(table.widths_cm[c] for c in drop)
    widths[3] += freed / 3  # this period's figures ("từ 67 - 74%") on one line
    widths[1] += freed - freed / 3
    return Table(
        columns=[table.columns[c] for c in keep],
        rows=[[row[c] for c in keep] for row in table.rows],
        widths_cm=widths,
        numeric={keep.index(c) for c in table.numeric if c in keep},
        caption=table.caption,
        bold_rows=table.bold_rows,
    )


def _groups(report, figures: Figures) -> list[tuple[str, list[IndicatorFigures]]]:
    """(heading, indicators) per content area of the agreement, or per theme; then the rest by theme."""
    with_data = figures.with_data()
    groups: list[tuple[str, list[IndicatorFigures]]] = []
    placed: set[str] = set()
    if report.agreement_id:
        areas = list(report.agreement.content_areas.prefetch_related("indicators"))
        linked = {area.pk: {i.code for i in area.indicators.all()} for area in areas}
        if any(linked.values()):
            for area in areas:
                entries = [e for e in with_data if e.code in linked[area.pk] and e.code not in placed]
                placed |= {e.code for e in entries}
                groups.append((area.title, entries))
    rest = [e for e in with_data if e.code not in placed]
    for theme, label in Theme.choices:
        entries = [e for e in rest if e.indicator.theme == theme]
        if entries:
            groups.append((str(label), entries))
    return groups


def _span_phrase(report, figures: Figures) -> str:
    """ "Qua 3 năm" counted from the agreement's signing to the report date; "Qua 5 năm" for a programme period
    whose signing is not known; else the period's own name ("Năm 2021")."""
    label = figures.period.label
    period_phrase = label[:1].upper() + label[1:]
    agreement = report.agreement
    end = report.date or figures.period.end
    if agreement is not None and agreement.signed_date and end and report.kind == ReportKind.FINAL:
        years = (end - agreement.signed_date).days // 365
        if years >= 2:
            return f"Qua {years} năm"
    years = figures.period.end.year - figures.period.start.year + 1
    if years >= 2:
        return f"Qua {years} năm"
    return period_phrase


def results_blocks(report, figures: Figures, locality: narrative.Locality, progress: Progress) -> list:
    label = figures.period.label
    period_phrase = label[:1].upper() + label[1:]
    blocks: list = [Heading("Kết quả thực hiện")]
    if figures.is_empty:
        blocks.append(
            Paragraph(
                f"Trong {label}, chưa có số liệu đã được duyệt của các đơn vị trong phạm vi báo cáo, "
                "vì vậy kết quả thực hiện chưa được tổng hợp bằng số liệu. Đề nghị các đơn vị hoàn thành "
                "và gửi báo cáo số liệu để bổ sung vào báo cáo này."
            )
        )
        return blocks
    ctx = narrative.Context(
        figures=figures,
        locality=locality,
        period_phrase=period_phrase,
        span_phrase=_span_phrase(report, figures),
        used=set(),
        parties=parties_word(report.organizations.count()),
    )
    groups = _groups(report, figures)
    previous_label = figures.previous_period.label if figures.previous_period else None
    for n, (title, entries) in enumerate(groups, start=1):
        progress(30 + int(40 * n / max(len(groups), 1)), f"Soạn phần kết quả: {title}")
        blocks.append(Heading(f"{n}. {title}", level=2))
        if not entries:
            blocks.append(Paragraph("Chưa có số liệu về nội dung này trong kỳ báo cáo."))
            continue
        for text in narrative.paragraphs_for(entries, ctx):
            blocks.append(Paragraph(text))
        for text in narrative.comparisons(entries, previous_label):
            blocks.append(Paragraph(text))
        if report.include_tables:
            table = indicator_table(entries, figures, locality)
            table.caption = f"Bảng {n}. Kết quả các chỉ tiêu – {title[:1].lower()}{title[1:]}"
            blocks.append(table)
        if report.include_charts:
            for png, caption in charts.for_group(entries, figures, locality):
                blocks.append(Chart(png=png, caption=caption))
    return blocks


def build(report, user=None, progress: Progress = _noop) -> DocumentContent:
    """The full content of `report`; its figures as figures.report_figures gives them to `user` (None: system use)."""
    orgs = ordered_organizations(report)
    progress(10, "Đọc số liệu từ kho tổng hợp")
    figures = report_figures(report, user, orgs)
    locality = narrative.Locality.for_organizations(orgs)
    progress(30, "Soạn nội dung")
    blocks: list = []
    situation = text_paragraphs(report.situation)
    if situation:
        blocks += [Heading(dict(QUALITATIVE_SECTIONS)["situation"]), *situation]
    blocks += results_blocks(report, figures, locality, progress)
    shortcomings, causes = text_paragraphs(report.shortcomings), text_paragraphs(report.causes)
    if shortcomings or causes:
        blocks.append(Heading("Tồn tại, hạn chế và nguyên nhân"))
        if shortcomings:
            blocks += [Heading("1. Tồn tại, hạn chế", level=2), *shortcomings]
        if causes:
            blocks += [Heading(f"{2 if shortcomings else 1}. Nguyên nhân", level=2), *causes]
    for name in ("lessons", "directions", "recommendations"):
        paragraphs = text_paragraphs(getattr(report, name))
        if paragraphs:
            blocks += [Heading(dict(QUALITATIVE_SECTIONS)[name]), *paragraphs]
    blocks.append(Paragraph(_closing_sentence(report, orgs)))
    content = DocumentContent(
        issuer_parent=report.issuer_parent.upper(),
        issuers=[line.upper() for line in report.issuer_lines],
        number=report.number,
        place_date=place_date(report.place, report.date),
        doc_type="BÁO CÁO",
        title=report.title,
        blocks=blocks,
        signers=[Signer.from_dict(s) for s in (report.signers or []) if isinstance(s, dict)],
        recipients=report.recipient_lines,
        archive=report.archive,
        author=getattr(user, "username", "") or "",
    )
    content.heading_numbers()
    progress(70, "Đã soạn xong nội dung")
    return content


def ordered_organizations(report) -> list:
    """The report's bodies in the agreement's party order (lead first), else in the order they were added."""
    orgs = list(report.organizations.all().order_by("pk"))
    if report.agreement_id:
        order = {link.organization_id: link.order for link in report.agreement.party_links.all()}
        orgs.sort(key=lambda o: (order.get(o.pk, 999), o.pk))
    return orgs


def _closing_sentence(report, orgs) -> str:
    names = join_names(o.name for o in orgs)
    kind = "báo cáo tổng kết" if report.kind == ReportKind.FINAL else "báo cáo sơ kết"
    subject = report.title[:1].lower() + report.title[1:] if report.title else ""
    for verb in ("tổng kết ", "sơ kết "):
        if subject.startswith(verb):
            subject = subject[len(verb) :]
    return f"Trên đây là {kind} {subject} của {names}./." if subject else f"Trên đây là {kind} của {names}./."
