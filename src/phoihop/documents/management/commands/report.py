"""`phoihop report`: write a review report (.docx, .pdf), its appendix (.xlsx) or an agreement (.docx) to a file.

    phoihop report --agreement 03/CTr-UBND-LĐLĐ --period 2017-2020 --kind final --format docx --out bao-cao.docx
    phoihop report --agreement 03/CTr-UBND-LĐLĐ --format agreement-docx --out chuong-trinh.docx

With --user the same scoping as the pages applies; without it the command runs as the operator of the server.
An existing draft of the same agreement, period and kind is used (with its written sections); otherwise a new
draft is created and kept, so it can be edited on the web afterwards.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError

from phoihop.core import permissions
from phoihop.documents import actions, rendering
from phoihop.documents.choices import DocumentKind, ReportKind
from phoihop.documents.models import ReviewReport
from phoihop.orgs.models import Organization
from phoihop.programs.models import Agreement
from phoihop.reporting.choices import PeriodKind
from phoihop.reporting.models import Period

FORMATS = {
    "docx": (DocumentKind.REVIEW_REPORT, "docx"),
    "pdf": (DocumentKind.REVIEW_REPORT, "pdf"),
    "xlsx": (DocumentKind.APPENDIX, "xlsx"),
    "agreement-docx": (DocumentKind.AGREEMENT, "docx"),
    "agreement-pdf": (DocumentKind.AGREEMENT, "pdf"),
}


def parse_period(text: str) -> Period:
    """ "2017-2020" (a programme period), "2021" (a year), "2022-H1" (a half year)."""
    text = text.strip()
    if match := re.fullmatch(r"(\d{4})\s*-\s*(\d{4})", text):
        start, end = int(match[1]), int(match[2])
        if end < start:
            raise CommandError(f"--period {text}: năm kết thúc trước năm bắt đầu.")
        return Period.objects.filter(
            kind=PeriodKind.PROGRAMME, start=dt.date(start, 1, 1), end=dt.date(end, 12, 31)
        ).first() or Period.for_programme(start, end)
    if match := re.fullmatch(r"(\d{4})", text):
        return Period.for_year(int(match[1]))
    if match := re.fullmatch(r"(\d{4})-H([12])", text, re.IGNORECASE):
        return Period.for_half(int(match[1]), int(match[2]))
    raise CommandError(f"--period {text!r}: viết 2017-2020, 2021 hoặc 2022-H1.")


class Command(BaseCommand):
    help = "Xuất báo cáo sơ kết/tổng kết (.docx, .pdf), phụ lục số liệu (.xlsx) hoặc văn bản phối hợp ra tệp."

    def add_arguments(self, parser):
        parser.add_argument("--agreement", help="Số, ký hiệu văn bản phối hợp, ví dụ 03/CTr-UBND-LĐLĐ")
        parser.add_argument(
            "--agreement-id", type=int, help="Mã số văn bản phối hợp (khi văn bản chưa có số)"
        )
        parser.add_argument(
            "--org", action="append", default=[], help="Đơn vị báo cáo (mã số), có thể lặp lại"
        )
        parser.add_argument(
            "--period", help="Kỳ: 2017-2020, 2021 hoặc 2022-H1 (mặc định: giai đoạn của văn bản)"
        )
        parser.add_argument("--kind", choices=ReportKind.values, default=ReportKind.FINAL)
        parser.add_argument("--format", dest="fmt", choices=sorted(FORMATS), default="docx")
        parser.add_argument("--out", required=True, help="Tệp kết quả")
        parser.add_argument("--user", help="Tên đăng nhập: chỉ dùng số liệu trong phạm vi người này")
        parser.add_argument("--report-id", type=int, help="Xuất một báo cáo đã soạn (mã số)")

    def handle(
        self,
        *args,
        agreement=None,
        org=(),
        period=None,
        kind=ReportKind.FINAL,
        fmt="docx",
        out="",
        user=None,
        report_id=None,
        agreement_id=None,
        **options,
    ):
        actor = None
        if user:
            actor = get_user_model().objects.filter(username=user, is_active=True).first()
            if actor is None:
                raise CommandError(f"--user {user}: không có người dùng này.")
        doc_kind, extension = FORMATS[fmt]
        found_agreement = (
            self._agreement(agreement, actor, agreement_id) if (agreement or agreement_id) else None
        )
        report = None
        if doc_kind == DocumentKind.AGREEMENT:
            if found_agreement is None:
                raise CommandError("--agreement là bắt buộc khi xuất văn bản phối hợp.")
        else:
            report = self._report(report_id, found_agreement, org, period, kind, actor)
        try:
            data = rendering.produce(
                doc_kind,
                extension,
                report=report,
                agreement=found_agreement,
                user=actor,
                template=rendering.active_template(
                    "agreement" if doc_kind == DocumentKind.AGREEMENT else "review_report"
                )
                if extension == "docx"
                else None,
                progress=lambda percent, step: (
                    self.stderr.write(f"  {percent:3d}% {step}") if options.get("verbosity", 1) > 1 else None
                ),
            )
        except PermissionDenied as exc:
            raise CommandError(str(exc))
        target = Path(out)
        target.parent.mkdir(parents=True, exist_ok=True)
        temp = target.with_name(f".{target.name}.part")
        temp.write_bytes(data)
        temp.replace(target)
        self.stdout.write(self.style.SUCCESS(f"Đã ghi {target} ({len(data):,} byte)".replace(",", ".")))

    def _agreement(self, number: str | None, actor, pk: int | None = None) -> Agreement:
        qs = Agreement.objects.filter(pk=pk) if pk else Agreement.objects.filter(number=number.strip())
        number = number or f"mã {pk}"
        if actor is not None:
            qs = permissions.visible_agreements(actor, qs)
        found = list(qs[:2])
        if not found:
            raise CommandError(
                f"--agreement {number}: không tìm thấy văn bản (hoặc văn bản ngoài phạm vi người dùng)."
            )
        if len(found) > 1:
            raise CommandError(f"--agreement {number}: có nhiều văn bản cùng số; dùng --report-id.")
        return found[0]

    def _report(self, report_id, agreement, org_ids, period_text, kind, actor) -> ReviewReport:
        reports = ReviewReport.objects.all()
        if actor is not None:
            reports = permissions.visible_review_reports(actor, reports)
        if report_id:
            report = reports.filter(pk=report_id).first()
            if report is None:
                raise CommandError(f"--report-id {report_id}: không tìm thấy báo cáo trong phạm vi.")
            return report
        orgs = []
        if org_ids:
            qs = Organization.objects.filter(pk__in=[int(o) for o in org_ids if str(o).isdigit()])
            if actor is not None:
                qs = permissions.visible_organizations(actor, qs)
            orgs = list(qs)
            if len(orgs) != len(set(org_ids)):
                raise CommandError("--org: có đơn vị không tồn tại hoặc ngoài phạm vi người dùng.")
        if agreement is None and not orgs:
            raise CommandError("Cần --agreement hoặc --org.")
        found_period = parse_period(period_text) if period_text else actions.default_period(agreement)
        if found_period is None:
            raise CommandError("Cần --period.")
        existing = reports.filter(kind=kind, period=found_period)
        existing = (
            existing.filter(agreement=agreement) if agreement else existing.filter(organizations__in=orgs)
        )
        report = existing.order_by("-updated_at").first()
        if report is not None:
            return report
        try:
            return actions.create_report(
                actor, kind=kind, period=found_period, agreement=agreement, organizations=orgs or None
            )
        except (PermissionDenied, ValidationError) as exc:
            raise CommandError(str(exc))
