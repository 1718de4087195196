"""URLs for bench/api_submission_ceiling.py: the product's, plus one view that replays a submission's SQL.

POST /bench/replay/{report} runs the SQL statements that report's submission ran (captured beforehand, read from
the pickle named by BENCH_STATEMENTS) through Django's database connection in one transaction, and rolls it back:
the request path, the driver and PostgreSQL, with none of the application's own work.
"""

import json
import os
import pickle

from django.db import connection, transaction
from django.http import JsonResponse
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt

# Imported with the URLs on the first request, when the product's models (in the parameters) are loaded.
with open(os.environ["BENCH_STATEMENTS"], "rb") as _file:
    STATEMENTS: dict[int, list[tuple[str, object]]] = pickle.load(_file)


class _Undo(Exception):
    """Raised to leave the transaction by rolling it back."""


@csrf_exempt
def replay(request, report: int):
    body = json.loads(request.body)
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            for sql, params in STATEMENTS[report]:
                cursor.execute(sql, params)
                if cursor.description:
                    cursor.fetchall()
            raise _Undo
    except _Undo:
        pass
    return JsonResponse({"id": report, "values": len(body["values"])})


urlpatterns = [path("bench/replay/<int:report>", replay), path("", include("phoihop.urls"))]
