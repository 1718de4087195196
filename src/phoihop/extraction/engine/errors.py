"""The one exception the engine raises, carrying a message a Vietnamese user can act on."""

from __future__ import annotations


class ExtractionError(Exception):
    """A file or text the engine cannot read; `message_vi` is shown to the user as is."""

    def __init__(self, message_vi: str):
        super().__init__(message_vi)
        self.message_vi = message_vi

    def __str__(self) -> str:
        return self.message_vi
