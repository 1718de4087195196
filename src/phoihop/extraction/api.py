"""REST API of the extraction app (mounted under /api/v1/)."""

from ninja import Router

router = Router(tags=["extraction"])
