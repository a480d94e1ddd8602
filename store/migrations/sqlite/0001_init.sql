-- Vigil store, schema 1 (SQLite). The vigil_* tables are written by Vigil;
-- the views below them are the documented surface for `vigil query`.

CREATE TABLE vigil_snapshots (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  scope         TEXT NOT NULL,
  source        TEXT NOT NULL DEFAULT '',
  targets       TEXT NOT NULL DEFAULT '[]',
  started_at    TIMESTAMP NOT NULL,
  finished_at   TIMESTAMP NOT NULL,
  vigil_version TEXT NOT NULL DEFAULT '',
  rules_digest  TEXT NOT NULL DEFAULT '',
  resources     INTEGER NOT NULL DEFAULT 0,
  stale_resources INTEGER NOT NULL DEFAULT 0,
  versions_added  INTEGER NOT NULL DEFAULT 0,
  versions_closed INTEGER NOT NULL DEFAULT 0,
  findings_open   INTEGER NOT NULL DEFAULT 0,
  findings_new    INTEGER NOT NULL DEFAULT 0,
  findings_resolved INTEGER NOT NULL DEFAULT 0,
  findings_reopened INTEGER NOT NULL DEFAULT 0,
  findings_stale  INTEGER NOT NULL DEFAULT 0,
  units_failed    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX vigil_snapshots_scope ON vigil_snapshots (scope, id);

CREATE TABLE vigil_units (
  snapshot_id INTEGER NOT NULL REFERENCES vigil_snapshots (id) ON DELETE CASCADE,
  provider    TEXT NOT NULL,
  account     TEXT NOT NULL,
  region      TEXT NOT NULL,
  service     TEXT NOT NULL,
  status      TEXT NOT NULL,
  kinds       TEXT NOT NULL DEFAULT '[]',
  unread      TEXT NOT NULL DEFAULT '[]',
  resources   INTEGER NOT NULL DEFAULT 0,
  errors      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX vigil_units_snapshot ON vigil_units (snapshot_id);

-- One row per (snapshot, kind, account, region) a failed unit could not
-- list: resources there are unread, not gone. region '' = every region.
-- IaC: one row per file that could not be parsed (kind '', file set).
CREATE TABLE vigil_unread (
  file        TEXT NOT NULL DEFAULT '',
  snapshot_id INTEGER NOT NULL REFERENCES vigil_snapshots (id) ON DELETE CASCADE,
  kind        TEXT NOT NULL,
  account     TEXT NOT NULL,
  region      TEXT NOT NULL
);
CREATE INDEX vigil_unread_snapshot ON vigil_unread (snapshot_id, kind, account);

-- A resource version is valid in the snapshots of its scope with
-- valid_from <= id < valid_to (valid_to NULL: still current).
CREATE TABLE vigil_resource_versions (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  scope       TEXT NOT NULL,
  resource_id TEXT NOT NULL,
  kind        TEXT NOT NULL,
  provider    TEXT NOT NULL,
  account     TEXT NOT NULL,
  region      TEXT NOT NULL,
  source      TEXT NOT NULL,
  name        TEXT NOT NULL,
  file        TEXT NOT NULL DEFAULT '',
  hash        TEXT NOT NULL,
  doc         TEXT NOT NULL,
  valid_from  INTEGER NOT NULL REFERENCES vigil_snapshots (id),
  valid_to    INTEGER REFERENCES vigil_snapshots (id)
);
CREATE UNIQUE INDEX vigil_rv_current ON vigil_resource_versions (scope, resource_id) WHERE valid_to IS NULL;
-- What a writer reads of the current versions, without touching the
-- documents: a rescan reads this index only.
CREATE INDEX vigil_rv_current_cover ON vigil_resource_versions (scope, resource_id, hash) WHERE valid_to IS NULL;
CREATE INDEX vigil_rv_from ON vigil_resource_versions (scope, valid_from);
CREATE INDEX vigil_rv_to ON vigil_resource_versions (valid_to);

CREATE TABLE vigil_findings (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  scope          TEXT NOT NULL,
  fingerprint    TEXT NOT NULL,
  rule_id        TEXT NOT NULL,
  resource_id    TEXT NOT NULL,
  key_scope      TEXT NOT NULL,
  resource_kind  TEXT NOT NULL,
  account        TEXT NOT NULL,
  region         TEXT NOT NULL,
  severity       TEXT NOT NULL,
  title          TEXT NOT NULL,
  status         TEXT NOT NULL,
  first_snapshot INTEGER NOT NULL REFERENCES vigil_snapshots (id),
  first_seen     TIMESTAMP NOT NULL,
  last_snapshot  INTEGER REFERENCES vigil_snapshots (id),
  resolved_snapshot INTEGER REFERENCES vigil_snapshots (id),
  resolved_at    TIMESTAMP,
  reopen_count   INTEGER NOT NULL DEFAULT 0,
  detail_hash    TEXT NOT NULL,
  detail         TEXT NOT NULL
);
CREATE UNIQUE INDEX vigil_findings_key ON vigil_findings (scope, fingerprint);
CREATE INDEX vigil_findings_cover ON vigil_findings (scope, fingerprint, status, detail_hash, last_snapshot);
CREATE INDEX vigil_findings_status ON vigil_findings (scope, status);

-- Every transition of a finding: new, reopened, resolved, stale,
-- suppressed, open (confirmed again after stale or suppressed).
CREATE TABLE vigil_finding_events (
  scope       TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  snapshot_id INTEGER NOT NULL REFERENCES vigil_snapshots (id),
  event       TEXT NOT NULL,
  at          TIMESTAMP NOT NULL
);
CREATE INDEX vigil_finding_events_key ON vigil_finding_events (scope, fingerprint);
CREATE INDEX vigil_finding_events_snapshot ON vigil_finding_events (snapshot_id);

-- ---- the documented views ----

CREATE VIEW snapshots AS
SELECT id, scope, source, targets, started_at, finished_at, vigil_version, rules_digest,
       resources, stale_resources, versions_added, versions_closed,
       findings_open, findings_new, findings_resolved, findings_reopened, findings_stale, units_failed
FROM vigil_snapshots;

CREATE VIEW units AS
SELECT snapshot_id, provider, account, region, service, status, kinds, unread, resources, errors
FROM vigil_units;

CREATE VIEW resource_versions AS
SELECT v.scope, v.resource_id AS id, v.kind, v.provider, v.account, v.region, v.source, v.name, v.file,
       json_extract(v.doc, '$.tags') AS tags, json_extract(v.doc, '$.attributes') AS attributes,
       v.doc, v.hash, v.valid_from, v.valid_to
FROM vigil_resource_versions v;

-- The current inventory: every resource of the latest snapshot of each
-- scope. stale = its unit could not be read in that snapshot, so this is
-- the last state Vigil read.
CREATE VIEW resources AS
SELECT v.scope, s.id AS snapshot_id, v.resource_id AS id, v.kind, v.provider, v.account, v.region,
       v.source, v.name, v.file,
       json_extract(v.doc, '$.tags') AS tags, json_extract(v.doc, '$.attributes') AS attributes, v.doc,
       v.valid_from AS since_snapshot,
       EXISTS (SELECT 1 FROM vigil_unread u WHERE u.snapshot_id = s.id
               AND ((u.kind = v.kind AND u.account = v.account AND (u.region = '' OR u.region = v.region))
                    OR (u.file <> '' AND u.file = v.file))) AS stale
FROM vigil_resource_versions v
JOIN (SELECT scope, MAX(id) AS id FROM vigil_snapshots GROUP BY scope) s ON s.scope = v.scope
WHERE v.valid_to IS NULL;

CREATE VIEW findings AS
SELECT f.scope, f.fingerprint, f.rule_id, f.resource_id, f.resource_kind, f.account, f.region,
       f.severity, f.title, f.status, json_extract(f.detail, '$.message') AS message,
       f.first_seen,
       CASE WHEN f.last_snapshot IS NULL
            THEN (SELECT s.finished_at FROM vigil_snapshots s WHERE s.scope = f.scope ORDER BY s.id DESC LIMIT 1)
            ELSE (SELECT finished_at FROM vigil_snapshots s WHERE s.id = f.last_snapshot) END AS last_seen,
       f.resolved_at, f.reopen_count, f.first_snapshot, f.last_snapshot, f.resolved_snapshot, f.detail
FROM vigil_findings f;

CREATE VIEW finding_events AS
SELECT e.scope, e.fingerprint, f.rule_id, f.resource_id, e.snapshot_id, e.event, e.at
FROM vigil_finding_events e JOIN vigil_findings f ON f.scope = e.scope AND f.fingerprint = e.fingerprint;
