"""Template helpers of the programs app: {{ size|file_size }}."""

from django import template

from phoihop.core.formatting import vn_number

register = template.Library()


@register.filter
def file_size(value) -> str:
    """Bytes as an office user reads them: "850 KB", "1,2 MB"."""
    if value is None:
        return "–"
    if value < 1024 * 1024:
        return f"{vn_number(max(1, round(value / 1024)))} KB"
    return f"{vn_number(round(value / (1024 * 1024), 1))} MB"
