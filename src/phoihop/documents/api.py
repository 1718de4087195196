"""REST API of the documents app (mounted under /api/v1/)."""

from ninja import Router

router = Router(tags=["documents"])
