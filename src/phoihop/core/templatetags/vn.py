"""Template filters for Vietnamese formats: {{ x|vn_number }}, {{ x|vn_percent }}, {{ d|vn_date }} …"""

from django import template

from phoihop.core import formatting

register = template.Library()

register.filter("vn_number", formatting.vn_number)
register.filter("vn_percent", formatting.vn_percent)
register.filter("vn_money", formatting.vn_money)
register.filter("vn_date", formatting.vn_date)
register.filter("vn_date_long", formatting.vn_date_long)
register.filter("vn_datetime", formatting.vn_datetime)


@register.simple_tag(takes_context=True)
def query_replace(context, **kwargs):
    """The current query string with some parameters replaced: keeps filters across pagination links."""
    params = context["request"].GET.copy()
    for key, value in kwargs.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = value
    return "?" + params.urlencode() if params else "?"
