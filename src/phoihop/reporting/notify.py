"""Email notices to a unit when its report is returned, approved or overdue (sent after the transaction commits)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mass_mail
from django.db import transaction

from phoihop.accounts.choices import Role
from phoihop.core.formatting import vn_date


def unit_recipients(report) -> list[str]:
    """Emails of the people who enter the unit's figures, and of whoever sent this report."""
    users = (
        get_user_model()
        .objects.filter(
            is_active=True,
            memberships__organization_id=report.organization_id,
            memberships__role__in=[Role.EDITOR, Role.ADMIN],
        )
        .exclude(email="")
    )
    emails = set(users.values_list("email", flat=True))
    if report.submitted_by_id and report.submitted_by.email:
        emails.add(report.submitted_by.email)
    return sorted(emails)


def _link(report) -> str:
    return settings.SITE_URL.rstrip("/") + report.get_absolute_url()


def _send(report, subject: str, body: str) -> None:
    recipients = unit_recipients(report)
    if not recipients:
        return
    message = (subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
    transaction.on_commit(lambda: send_mass_mail([message], fail_silently=True))


def _title(report) -> str:
    return f"{report.form.name} – {report.period.label} – {report.organization}"


def report_returned(report) -> None:
    who = report.returned_by.get_full_name() or report.returned_by.username if report.returned_by else ""
    _send(
        report,
        f"[phoihop] Báo cáo bị trả lại: {_title(report)}",
        f"Báo cáo {_title(report)} đã bị trả lại{f' bởi {who}' if who else ''}.\n\n"
        f"Lý do: {report.returned_reason}\n\nSửa số liệu và gửi lại tại: {_link(report)}\n",
    )


def report_approved(report) -> None:
    _send(
        report,
        f"[phoihop] Báo cáo đã được duyệt: {_title(report)}",
        f"Báo cáo {_title(report)} đã được duyệt và khóa số liệu.\n\nXem tại: {_link(report)}\n",
    )


def report_overdue(report) -> None:
    _send(
        report,
        f"[phoihop] Báo cáo quá hạn: {_title(report)}",
        f"Báo cáo {_title(report)} đã quá hạn nộp ({vn_date(report.due_date)}) mà chưa gửi.\n\n"
        f"Nhập số liệu và gửi tại: {_link(report)}\n",
    )
