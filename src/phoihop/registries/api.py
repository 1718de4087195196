"""REST API of the registries app (mounted under /api/v1/)."""

from ninja import Router

router = Router(tags=["registries"])
