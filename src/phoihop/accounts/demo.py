"""Demo users: one per role in several units, so scoping can be seen."""

DEMO_PASSWORD = "phoihop2024"


def demo_logins() -> list[tuple[str, str]]:
    return []


def load(ctx: dict) -> None:
    pass
