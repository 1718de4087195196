"""Django admin for campaign boards (which units, which indicator, which period, against which target)."""

from django.contrib import admin

from . import actions
from .models import Campaign


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    list_display = ["title", "indicator", "period", "owner", "target"]
    search_fields = ["title", "slug"]
    filter_horizontal = ["organizations"]
    raw_id_fields = ["owner", "agreement"]
    prepopulated_fields = {"slug": ["title"]}

    def save_model(self, request, obj, form, change):
        """Saved through the one write path, so permissions and the change log apply as anywhere else."""
        data = form.cleaned_data
        saved = actions.save_campaign(
            request.user,
            slug=data["slug"],
            title=data["title"],
            indicator=data["indicator"],
            period=data["period"],
            owner=data["owner"],
            organizations=list(data["organizations"]),
            target=data.get("target"),
            target_label=data.get("target_label", ""),
            agreement=data.get("agreement"),
            source=data.get("source", ""),
        )
        obj.pk = saved.pk

    def save_related(self, request, form, formsets, change):
        """The organisations were set by the action above."""
