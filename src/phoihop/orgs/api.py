"""REST API of the orgs app (mounted under /api/v1/)."""

from ninja import Router

router = Router(tags=["orgs"])
