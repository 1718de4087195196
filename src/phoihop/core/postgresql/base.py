"""Django's PostgreSQL backend, except for when a kept connection is checked before use.

With CONN_HEALTH_CHECKS, Django sends `SELECT 1` before the first query of every request that finds a connection
kept from an earlier one, so a connection the server dropped (a restart, an idle timeout) is replaced instead of
failing the request. On a busy server that is one more round trip on every request for a connection that answered
a few milliseconds earlier. Here the check is skipped when the connection's last request ended without a database
error less than RECENT seconds ago; a connection idle for longer is checked as before. A server restart in that
second fails at most the one request each connection was about to serve; Django then drops the connection as it
does after any database error.
"""

from __future__ import annotations

import time

from django.db.backends.postgresql import base

RECENT = 1.0


class DatabaseWrapper(base.DatabaseWrapper):
    _phoihop_seen_at: float | None = None

    def close_if_unusable_or_obsolete(self):
        """Runs when a request starts and when it ends (Django's close_old_connections)."""
        seen = self._phoihop_seen_at
        super().close_if_unusable_or_obsolete()
        if self.connection is None:
            self._phoihop_seen_at = None
            return
        now = time.monotonic()
        if seen is not None and now - seen < RECENT and not self.errors_occurred:
            self.health_check_done = True
        self._phoihop_seen_at = now

    def close(self):
        self._phoihop_seen_at = None
        super().close()
