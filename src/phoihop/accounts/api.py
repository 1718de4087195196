"""REST API of the accounts app (mounted under /api/v1/)."""

from ninja import Router

router = Router(tags=["accounts"])
