"""REST API of the meetings app (mounted under /api/v1/)."""

from ninja import Router

router = Router(tags=["meetings"])
