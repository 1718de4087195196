"""Background tasks of the documents app (django-tasks: immediate, database or RQ backend)."""

from django_tasks import task


@task()
def render_document(generated_id: int) -> int:
    """Render one GeneratedDocument; progress and the result are written on the record itself."""
    from .actions import run_render

    run_render(generated_id)
    return generated_id
