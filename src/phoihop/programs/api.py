"""REST API of the programs app (mounted under /api/v1/)."""

from ninja import Router

router = Router(tags=["programs"])
