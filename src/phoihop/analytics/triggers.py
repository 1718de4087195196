"""Database triggers that note every change the roll-up must absorb, inside the writer's own transaction.

Triggers catch every write path (saves, queryset updates such as approving a report, bulk inserts, imports,
raw SQL), so the roll-up cannot miss a change. They only append to analytics_pendingchange; the next query
absorbs the queue (phoihop.analytics.rollup.drain). They are (re)installed after every `migrate`, because
SQLite drops a table's triggers when a migration rebuilds that table.
"""

from __future__ import annotations

from django.db import connections

PENDING = "analytics_pendingchange (kind, organization_id, indicator_id, period_id, path)"
NAMES = (
    "analytics_values_ins",
    "analytics_values_upd",
    "analytics_values_del",
    "analytics_report_status",
    "analytics_org_path",
    "analytics_org_del",
    "analytics_period_change",
    "analytics_indicator_rule",
)

SQLITE = [
    f"""CREATE TRIGGER analytics_values_ins AFTER INSERT ON reporting_datavalue BEGIN
  INSERT INTO {PENDING} VALUES ('v', NEW.organization_id, NEW.indicator_id, NEW.period_id, '');
END""",
    f"""CREATE TRIGGER analytics_values_upd AFTER UPDATE ON reporting_datavalue BEGIN
  INSERT INTO {PENDING} VALUES ('v', NEW.organization_id, NEW.indicator_id, NEW.period_id, '');
  INSERT INTO {PENDING} SELECT 'v', OLD.organization_id, OLD.indicator_id, OLD.period_id, ''
   WHERE OLD.organization_id <> NEW.organization_id OR OLD.indicator_id <> NEW.indicator_id
      OR OLD.period_id <> NEW.period_id;
END""",
    f"""CREATE TRIGGER analytics_values_del AFTER DELETE ON reporting_datavalue BEGIN
  INSERT INTO {PENDING} VALUES ('v', OLD.organization_id, OLD.indicator_id, OLD.period_id, '');
END""",
    f"""CREATE TRIGGER analytics_report_status AFTER UPDATE OF status ON reporting_report
WHEN OLD.status <> NEW.status BEGIN
  INSERT INTO {PENDING} SELECT DISTINCT 'v', organization_id, indicator_id, period_id, ''
    FROM reporting_datavalue WHERE organization_id = NEW.organization_id AND period_id = NEW.period_id;
END""",
    f"""CREATE TRIGGER analytics_org_path AFTER UPDATE OF path ON orgs_organization
WHEN OLD.path <> NEW.path BEGIN
  INSERT INTO {PENDING} SELECT 'n', NEW.id, NULL, NULL, NEW.path WHERE OLD.path = '';
  INSERT INTO {PENDING} SELECT 't', NEW.id, NULL, NULL, OLD.path WHERE OLD.path <> '';
  INSERT INTO {PENDING} SELECT 't', NEW.id, NULL, NULL, NEW.path WHERE OLD.path <> '';
END""",
    f"""CREATE TRIGGER analytics_org_del AFTER DELETE ON orgs_organization BEGIN
  INSERT INTO {PENDING} VALUES ('d', OLD.id, NULL, NULL, OLD.path);
END""",
    f"""CREATE TRIGGER analytics_period_change AFTER INSERT ON reporting_period BEGIN
  INSERT INTO {PENDING} VALUES ('p', NULL, NULL, NEW.id, '');
END""",
    f"""CREATE TRIGGER analytics_indicator_rule AFTER UPDATE OF aggregation, disaggregation_id ON reporting_indicator
WHEN OLD.aggregation <> NEW.aggregation OR COALESCE(OLD.disaggregation_id, 0) <> COALESCE(NEW.disaggregation_id, 0)
BEGIN
  INSERT INTO {PENDING} VALUES ('i', NULL, NEW.id, NULL, '');
END""",
]

# PostgreSQL: statement-level triggers with transition tables, so a bulk update notes each key once.
POSTGRES = [
    f"""CREATE OR REPLACE FUNCTION analytics_note_values() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO {PENDING} SELECT DISTINCT 'v', organization_id, indicator_id, period_id, '' FROM new_rows;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO {PENDING} SELECT DISTINCT 'v', organization_id, indicator_id, period_id, ''
      FROM (SELECT organization_id, indicator_id, period_id FROM new_rows
            UNION SELECT organization_id, indicator_id, period_id FROM old_rows) changed;
  ELSE
    INSERT INTO {PENDING} SELECT DISTINCT 'v', organization_id, indicator_id, period_id, '' FROM old_rows;
  END IF;
  RETURN NULL;
END $$""",
    """CREATE OR REPLACE TRIGGER analytics_values_ins AFTER INSERT ON reporting_datavalue
REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_note_values()""",
    """CREATE OR REPLACE TRIGGER analytics_values_upd AFTER UPDATE ON reporting_datavalue
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_note_values()""",
    """CREATE OR REPLACE TRIGGER analytics_values_del AFTER DELETE ON reporting_datavalue
REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_note_values()""",
    f"""CREATE OR REPLACE FUNCTION analytics_note_report() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status IS DISTINCT FROM NEW.status THEN
    INSERT INTO {PENDING} SELECT DISTINCT 'v', organization_id, indicator_id, period_id, ''
      FROM reporting_datavalue WHERE organization_id = NEW.organization_id AND period_id = NEW.period_id;
  END IF;
  RETURN NULL;
END $$""",
    """CREATE OR REPLACE TRIGGER analytics_report_status AFTER UPDATE OF status ON reporting_report
FOR EACH ROW EXECUTE FUNCTION analytics_note_report()""",
    f"""CREATE OR REPLACE FUNCTION analytics_note_org() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO {PENDING} VALUES ('d', OLD.id, NULL, NULL, OLD.path);
  ELSIF OLD.path IS DISTINCT FROM NEW.path THEN
    IF OLD.path = '' THEN
      INSERT INTO {PENDING} VALUES ('n', NEW.id, NULL, NULL, NEW.path);
    ELSE
      INSERT INTO {PENDING} VALUES ('t', NEW.id, NULL, NULL, OLD.path), ('t', NEW.id, NULL, NULL, NEW.path);
    END IF;
  END IF;
  RETURN NULL;
END $$""",
    """CREATE OR REPLACE TRIGGER analytics_org_path AFTER UPDATE OF path ON orgs_organization
FOR EACH ROW EXECUTE FUNCTION analytics_note_org()""",
    """CREATE OR REPLACE TRIGGER analytics_org_del AFTER DELETE ON orgs_organization
FOR EACH ROW EXECUTE FUNCTION analytics_note_org()""",
    f"""CREATE OR REPLACE FUNCTION analytics_note_period() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO {PENDING} VALUES ('p', NULL, NULL, NEW.id, '');
  RETURN NULL;
END $$""",
    """CREATE OR REPLACE TRIGGER analytics_period_change AFTER INSERT ON reporting_period
FOR EACH ROW EXECUTE FUNCTION analytics_note_period()""",
    f"""CREATE OR REPLACE FUNCTION analytics_note_indicator() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.aggregation IS DISTINCT FROM NEW.aggregation OR OLD.disaggregation_id IS DISTINCT FROM NEW.disaggregation_id
  THEN
    INSERT INTO {PENDING} VALUES ('i', NULL, NEW.id, NULL, '');
  END IF;
  RETURN NULL;
END $$""",
    """CREATE OR REPLACE TRIGGER analytics_indicator_rule AFTER UPDATE ON reporting_indicator
FOR EACH ROW EXECUTE FUNCTION analytics_note_indicator()""",
]


def installed(using: str = "default") -> set[str]:
    connection = connections[using]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT DISTINCT trigger_name FROM information_schema.triggers WHERE trigger_name LIKE 'analytics_%%'"
            )
        elif connection.vendor == "sqlite":
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'analytics_%'"
            )
        else:
            return set()
        return {row[0] for row in cursor.fetchall()}


def install(using: str = "default") -> bool:
    """Create the triggers that are missing; True when some were missing (the roll-up may have missed writes)."""
    connection = connections[using]
    if connection.vendor not in ("postgresql", "sqlite"):
        return False
    missing = set(NAMES) - installed(using)
    if not missing:
        return False
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            for statement in POSTGRES:
                cursor.execute(statement)
        else:
            for name, statement in zip(NAMES, SQLITE, strict=True):
                cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
                cursor.execute(statement)
    return True


def remove(using: str = "default") -> None:
    """Drop the triggers (bulk loads disable them, then rebuild the roll-up once)."""
    connection = connections[using]
    with connection.cursor() as cursor:
        for name in NAMES:
            if connection.vendor == "postgresql":
                table = {
                    "analytics_report_status": "reporting_report",
                    "analytics_org_path": "orgs_organization",
                    "analytics_org_del": "orgs_organization",
                    "analytics_period_change": "reporting_period",
                    "analytics_indicator_rule": "reporting_indicator",
                }.get(name, "reporting_datavalue")
                cursor.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
            else:
                cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
