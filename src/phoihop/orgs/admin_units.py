"""Loading the official administrative units (current and legacy) into AdminUnit."""


def ensure_admin_units(log=print) -> None:
    """Load the units if the table is empty (filled in by the admin-units loader)."""
