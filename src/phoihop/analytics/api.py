"""REST API of the analytics app (mounted under /api/v1/)."""

from ninja import Router

router = Router(tags=["analytics"])
