"""Errors of the analytics engine: bad queries (400) and organisations outside the caller's scope (404)."""


class QueryError(ValueError):
    """A query the engine cannot answer as asked; `message` is Vietnamese and names what to fix."""

    def __init__(self, message: str, field: str = ""):
        super().__init__(message)
        self.message = message
        self.field = field


class OutOfScope(LookupError):
    """An organisation or area the caller may not see (answered as "not found")."""

    def __init__(self, message: str = "Không tìm thấy đơn vị trong phạm vi của bạn."):
        super().__init__(message)
        self.message = message
