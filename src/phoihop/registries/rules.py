"""Domain checks shared by several registries: tax codes, an issuer's reach, dates inside a movement."""

from __future__ import annotations

from django.db.models import Q
from stdnum.exceptions import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength
from stdnum.vn import mst

from phoihop.core.formatting import vn_date


def tax_code_error(code: str) -> str | None:
    """None when the enterprise tax code (MST) is valid, else a Vietnamese message saying why not.

    The 10th digit is a checksum over the first nine (python-stdnum's vn.mst), so a mistyped digit is caught.
    """
    if not code:
        return None
    try:
        mst.validate(code)
    except (InvalidLength, InvalidFormat):
        return f"Mã số thuế «{code}» phải gồm 10 chữ số, hoặc 10 chữ số, dấu gạch và 3 số của chi nhánh."
    except InvalidComponent:
        return f"Mã số thuế «{code}» không hợp lệ (phần số thứ tự hoặc mã chi nhánh toàn số 0)."
    except InvalidChecksum:
        return f"Mã số thuế «{code}» sai chữ số kiểm tra (chữ số thứ 10): kiểm tra lại từng chữ số."
    return None


def reach_paths(issuer) -> list[str]:
    """The subtrees an issuer may commend: its own and those of its coordination partners, i.e. its
    counterpart and the co-parties of agreements it signed (UBND quận commends units under LĐLĐ quận too)."""
    from phoihop.orgs.models import Organization
    from phoihop.programs.models import AgreementParty

    signed = AgreementParty.objects.filter(organization_id=issuer.pk).values("agreement_id")
    partners = Organization.objects.filter(
        Q(pk=issuer.counterpart_id)
        | Q(counterpart_id=issuer.pk)
        | Q(pk__in=AgreementParty.objects.filter(agreement_id__in=signed).values("organization_id"))
    )
    return [issuer.path, *(org.path for org in partners.only("path") if org.pk != issuer.pk)]


def within_reach(org, paths: list[str]) -> bool:
    return any(org.path.startswith(path) for path in paths)


def movement_date_error(movement, day, label: str) -> str | None:
    if movement is None or day is None or movement.covers(day):
        return None
    end = vn_date(movement.end_date) if movement.end_date else "nay"
    return (
        f"{label} {vn_date(day)} nằm ngoài thời gian của phong trào «{movement.name}» "
        f"({vn_date(movement.start_date)} – {end})."
    )
