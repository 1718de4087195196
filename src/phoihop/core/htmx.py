"""One helper for HTMX partials: the same view answers a full page or just the fragment HTMX asked for."""

from django.shortcuts import render


def render_page(request, template: str, context: dict, partial: str | None = None, status: int = 200):
    """Render `partial` for HTMX requests that target it, the full `template` otherwise."""
    if partial and getattr(request, "htmx", False) and not request.htmx.boosted:
        return render(request, partial, context, status=status)
    return render(request, template, context, status=status)
