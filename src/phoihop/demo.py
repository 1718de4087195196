"""The demo data set: each app contributes a `demo.load(ctx)` step, run in dependency order in one transaction."""

from __future__ import annotations

import importlib
from collections.abc import Callable

from django.db import transaction

# Order matters: later steps look up what earlier ones created (through the shared ctx dict).
STEPS = [
    "phoihop.orgs.demo",
    "phoihop.programs.demo",
    "phoihop.accounts.demo",
    "phoihop.reporting.demo",
    "phoihop.meetings.demo",
    "phoihop.registries.demo",
    "phoihop.analytics.demo",
    "phoihop.documents.demo",
    "phoihop.extraction.demo",
]


def is_loaded() -> bool:
    from phoihop.programs.models import Agreement

    return Agreement.objects.filter(number="03/CTr-UBND-LĐLĐ").exists()


def _modules():
    for name in STEPS:
        try:
            yield importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise


def load_all(reset: bool = False, log: Callable[[str], None] = print) -> dict:
    from phoihop.orgs.admin_units import ensure_admin_units

    ensure_admin_units(log=log)
    ctx: dict = {}
    with transaction.atomic():
        if reset:
            for module in reversed(list(_modules())):
                if hasattr(module, "reset"):
                    module.reset()
        for module in _modules():
            log(module.__doc__.strip().splitlines()[0] if module.__doc__ else module.__name__)
            module.load(ctx)
    return ctx
