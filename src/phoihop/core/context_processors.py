"""The navigation bar: each app's entry page, shown only when that page exists."""

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

NAV = [
    ("core:home", _("Trang chủ")),
    ("orgs:list", _("Tổ chức")),
    ("programs:list", _("Văn bản phối hợp")),
    ("reporting:home", _("Báo cáo")),
    ("analytics:pivot", _("Tổng hợp")),
    ("analytics:dashboards", _("Biểu đồ")),
    ("registries:home", _("Sổ theo dõi")),
    ("meetings:list", _("Hội nghị")),
    ("documents:list", _("Báo cáo sơ kết, tổng kết")),
    ("extraction:home", _("Đọc văn bản")),
]


def navigation(request):
    items = []
    for name, label in NAV:
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue
        items.append({"url": url, "label": label, "active": False})
    # The entry whose address is the longest prefix of the current page is the active one ("/tong-hop/bieu-do/"
    # belongs to "Biểu đồ", not also to "Tổng hợp").
    matches = [
        i
        for i in items
        if request.path == i["url"] or (i["url"] != "/" and request.path.startswith(i["url"]))
    ]
    if matches:
        max(matches, key=lambda i: len(i["url"]))["active"] = True
    return {"nav_items": items}
