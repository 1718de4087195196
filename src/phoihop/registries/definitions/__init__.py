"""Every registry's descriptor; importing this package registers them all."""

from . import commendations, emulation, labour, welfare  # noqa: F401
