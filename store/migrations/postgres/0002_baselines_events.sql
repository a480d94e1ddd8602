-- Vigil store, schema 2 (PostgreSQL): baselines, and the status each finding
-- event leaves, so a finding's state in any snapshot can be read back.

-- The snapshot a scope is held against (vigil baseline set). One per scope;
-- setting another replaces it.
CREATE TABLE vigil_baselines (
  scope       TEXT PRIMARY KEY,
  snapshot_id BIGINT NOT NULL REFERENCES vigil_snapshots (id),
  set_at      TIMESTAMPTZ NOT NULL
);

-- The status after the event (open, suppressed, stale, resolved). NULL in
-- rows written by schema 1: there "new" and "reopened" meant open.
ALTER TABLE vigil_finding_events ADD COLUMN status TEXT;

-- A finding's state as of a snapshot is its last event at or before it.
CREATE INDEX vigil_finding_events_at ON vigil_finding_events (scope, fingerprint, snapshot_id);

CREATE VIEW baselines AS
SELECT scope, snapshot_id, set_at FROM vigil_baselines;

DROP VIEW finding_events;
CREATE VIEW finding_events AS
SELECT e.scope, e.fingerprint, f.rule_id, f.resource_id, e.snapshot_id, e.event,
       COALESCE(e.status, CASE WHEN e.event IN ('new', 'reopened') THEN 'open' ELSE e.event END) AS status, e.at
FROM vigil_finding_events e JOIN vigil_findings f ON f.scope = e.scope AND f.fingerprint = e.fingerprint;
