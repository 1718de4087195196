"""Django's PostgreSQL backend with a health check that a busy server does not pay for on every request."""
