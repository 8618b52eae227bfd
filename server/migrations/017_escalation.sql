-- Escalation: an alarm left unacknowledged for a type's time limit is raised in severity and sent to that type's
-- notification targets (and the configured channels), once, by whichever worker claims it first.
CREATE TABLE escalation_policies (
  event_type text PRIMARY KEY,
  after_min  integer NOT NULL CHECK (after_min BETWEEN 1 AND 1440),
  raise_to   text NOT NULL CHECK (raise_to IN ('medium', 'high', 'critical')),
  enabled    boolean NOT NULL DEFAULT true,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by integer REFERENCES users (id) ON DELETE SET NULL
);

-- Defaults an admin can change: the alarms that endanger people escalate within minutes; a crowd or a queue
-- within a quarter of an hour; bus service alarms are for the operator on shift and do not escalate.
INSERT INTO escalation_policies (event_type, after_min, raise_to) VALUES
  ('traffic.accident', 5, 'critical'),
  ('elephant.warning', 5, 'critical'),
  ('elephant.sighting', 10, 'critical'),
  ('crowd.alert', 10, 'critical'),
  ('traffic.incident', 10, 'high'),
  ('traffic.congestion', 20, 'high');

ALTER TABLE events ADD COLUMN escalated_at timestamptz;
CREATE INDEX events_escalation_idx ON events (type, started_at) WHERE status = 'open' AND escalated_at IS NULL;
