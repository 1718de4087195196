"""Sensible first drafts for a new review report: header, title, signers, recipients and the written sections.

Everything here is a suggestion the user edits before export; nothing is invented beyond what the agreement,
its parties and the period say.
"""

from __future__ import annotations

import re

from phoihop.core.formatting import vn_date
from phoihop.core.i18n import in_vietnamese
from phoihop.orgs.choices import OrgKind
from phoihop.programs.models import Agreement

from .choices import ReportKind
from .content import join_names, parties_word

_LOCALITY = re.compile(r"\s+((?:quận|huyện|thị xã|thành phố|tỉnh|phường|xã)\s.+)$", re.IGNORECASE)


def issuer_lines(org) -> list[str]:
    """ "ỦY BAN NHÂN DÂN" / "QUẬN HAI BÀ TRƯNG": the body and its locality on two lines so the header fits."""
    name = org.name.strip()
    match = _LOCALITY.search(name)
    if match and len(name) > 24:
        return [name[: match.start()].strip().upper(), match.group(1).strip().upper()]
    return [name.upper()]


def abbreviation(org) -> str:
    if org.abbreviation:
        return org.abbreviation
    return {OrgKind.PEOPLE_COMMITTEE: "UBND", OrgKind.LABOUR_FEDERATION: "LĐLĐ"}.get(org.kind, "")


def number_for(orgs) -> str:
    """The number with its sequence left blank until the document is registered: "/BC-UBND-LĐLĐ"."""
    issuers = "-".join(dict.fromkeys(a for a in (abbreviation(o) for o in orgs) if a))
    return f"/BC-{issuers}" if issuers else "/BC"


def place_for(orgs, agreement: Agreement | None) -> str:
    if agreement is not None and agreement.place:
        return agreement.place
    for org in orgs:
        match = _LOCALITY.search(org.name)
        if match:
            words = match.group(1).split()
            # "quận Hai Bà Trưng" → "Hai Bà Trưng"; "thành phố Hà Nội" → "Hà Nội"
            skip = 2 if words[0].lower() == "thành" or words[0].lower() == "thị" else 1
            return " ".join(words[skip:])
    return ""


def title_for(kind: str, period, agreement: Agreement | None, orgs) -> str:
    verb = "Tổng kết" if kind == ReportKind.FINAL else "Sơ kết"
    if agreement is not None:
        label = agreement.get_kind_display()
        number = f" số {agreement.number}" if agreement.number else ""
        text = f"{verb} thực hiện {label}{number} {agreement.period_label}"
        if period and (period.start.year, period.end.year) != (
            agreement.period_start_year,
            agreement.period_end_year,
        ):
            text = f"{verb} {period.label} thực hiện {label}{number}"
        return text
    names = join_names(o.name for o in orgs)
    return f"{verb} công tác phối hợp giữa {names} {period.label}"


def signer_for(org, title: str = "", name: str = "") -> dict:
    """ "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" or "TM. BAN THƯỜNG VỤ / CHỦ TỊCH" (domain.md §1)."""
    title = title.strip() or "Chủ tịch"
    deputy = title.lower().startswith("phó")
    if org.kind == OrgKind.PEOPLE_COMMITTEE:
        lines = ["TM. ỦY BAN NHÂN DÂN"]
    elif org.kind in (OrgKind.LABOUR_FEDERATION, OrgKind.NATIONAL_FEDERATION):
        lines = ["TM. BAN THƯỜNG VỤ"]
    else:
        lines = [f"TM. {org.name.upper()}"] if org.kind != OrgKind.GRASSROOTS_UNION else []
    if deputy:
        lines.append("KT. CHỦ TỊCH")
    lines.append(title.upper())
    return {"heading": "\n".join(lines), "name": name}


def signers_for(orgs, agreement: Agreement | None) -> list[dict]:
    links = {}
    if agreement is not None:
        links = {link.organization_id: link for link in agreement.party_links.all()}
    out = []
    for org in orgs:
        link = links.get(org.pk)
        out.append(signer_for(org, link.signatory_title if link else "", link.signatory_name if link else ""))
    return out


def recipients_for(orgs) -> str:
    lines = []
    for org in orgs:
        if org.parent_id and org.parent.name not in lines:
            lines.append(f"{org.parent.name} (để báo cáo)")
    lines.append("Các cơ quan, đơn vị trực thuộc")
    return "\n".join(dict.fromkeys(lines))


def archive_for(orgs) -> str:
    parts = ["VT", *[a for a in (abbreviation(o) for o in orgs) if a]]
    return ", ".join(dict.fromkeys(parts))


def situation_for(kind: str, period, agreement: Agreement | None, orgs) -> str:
    names = join_names(o.name for o in orgs)
    if agreement is None:
        return (
            f"Trong {period.label}, {names} tiếp tục phối hợp triển khai các nội dung công tác đã thống nhất. "
            "(Nêu bối cảnh, thuận lợi, khó khăn của kỳ báo cáo.)"
        )
    signed = f" ngày {vn_date(agreement.signed_date)}" if agreement.signed_date else ""
    number = f" số {agreement.number}" if agreement.number else ""
    text = (
        f"Thực hiện {agreement.get_kind_display()}{number}{signed} về {agreement.title[:1].lower()}"
        f"{agreement.title[1:]}, {names} đã phối hợp chặt chẽ, thường xuyên trong triển khai các nội dung "
        "phối hợp tới các cơ quan, đơn vị, doanh nghiệp trên địa bàn."
    )
    if agreement.parent_id:
        parent = agreement.parent
        parent_number = f" số {parent.number}" if parent.number else ""
        text = (
            f"Nhằm cụ thể hóa {parent.get_kind_display()}{parent_number} {parent.period_label}, "
            + text[:1].lower()
            + text[1:]
        )
    return text + "\n(Nêu thêm bối cảnh, thuận lợi, khó khăn của kỳ báo cáo.)"


@in_vietnamese
def drafts(kind: str, period, agreement: Agreement | None, orgs) -> dict:
    """Initial values for every editable field of a new ReviewReport."""
    orgs = list(orgs)
    word = "giai đoạn tới" if kind == ReportKind.FINAL else "thời gian tới"
    return {
        "title": title_for(kind, period, agreement, orgs),
        "issuers": "\n".join(line for org in orgs for line in issuer_lines(org)),
        "number": number_for(orgs),
        "place": place_for(orgs, agreement),
        "signers": signers_for(orgs, agreement),
        "recipients": recipients_for(orgs),
        "archive": archive_for(orgs),
        "situation": situation_for(kind, period, agreement, orgs),
        "shortcomings": "(Nêu những nội dung phối hợp chưa đạt yêu cầu, chỉ tiêu chưa hoàn thành.)",
        "causes": "(Nêu nguyên nhân khách quan và chủ quan của những tồn tại, hạn chế.)",
        "lessons": "",
        "directions": (
            f"Trong {word}, {parties_word(len(orgs))} tiếp tục phối hợp tổ chức hiệu quả các phong trào thi đua trong công nhân, "
            "viên chức, lao động; chăm lo, bảo vệ quyền, lợi ích hợp pháp, chính đáng của người lao động; "
            "tuyên truyền, phổ biến pháp luật và các chủ trương của Đảng, chính sách của Nhà nước."
        ),
        "recommendations": "(Nêu kiến nghị, đề xuất với cấp trên, nếu có.)",
    }
