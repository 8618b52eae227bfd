-- Foundation: users and sessions, cameras, events, audit log.
CREATE EXTENSION IF NOT EXISTS postgis;

CREATE TABLE users (
  id            serial PRIMARY KEY,
  username      text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9._-]{1,64}$'),
  display_name  text NOT NULL,
  password_hash text NOT NULL,
  role          text NOT NULL CHECK (role IN ('admin', 'operator', 'police', 'planner', 'viewer')),
  disabled      boolean NOT NULL DEFAULT false,
  created_at    timestamptz NOT NULL DEFAULT now()
);

-- Only a hash of the bearer token is stored, so a database leak does not leak sessions.
CREATE TABLE sessions (
  token_hash  bytea PRIMARY KEY,
  user_id     integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL,
  ip          inet,
  user_agent  text
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

CREATE TABLE cameras (
  id            serial PRIMARY KEY,
  name          text NOT NULL,
  name_th       text NOT NULL,
  location      geometry(Point, 4326) NOT NULL,
  heading_deg   real NOT NULL CHECK (heading_deg >= 0 AND heading_deg <= 360),
  fov_deg       real NOT NULL CHECK (fov_deg > 0 AND fov_deg <= 180),
  rtsp_url      text NOT NULL CHECK (rtsp_url LIKE 'rtsp://%'),
  enabled       boolean NOT NULL DEFAULT true,
  model_id      text NOT NULL DEFAULT 'yolox_nano_416',
  detect_fps    real NOT NULL DEFAULT 5 CHECK (detect_fps > 0 AND detect_fps <= 30),
  status        text NOT NULL DEFAULT 'starting'
                CHECK (status IN ('starting', 'online', 'stalled', 'offline', 'error', 'disabled')),
  status_reason text,
  last_seen_at  timestamptz,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cameras_location_gix ON cameras USING gist (location);

-- Every insert or update of an event takes the next value, so clients can resume "after seq N".
CREATE SEQUENCE event_seq;

CREATE TABLE events (
  id              bigserial PRIMARY KEY,
  seq             bigint NOT NULL DEFAULT nextval('event_seq'),
  type            text NOT NULL,
  severity        text NOT NULL CHECK (severity IN ('info', 'low', 'medium', 'high', 'critical')),
  status          text NOT NULL DEFAULT 'open'
                  CHECK (status IN ('open', 'acknowledged', 'resolved', 'false_alarm')),
  location        geometry(Point, 4326),
  camera_id       integer REFERENCES cameras (id) ON DELETE SET NULL,
  started_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL DEFAULT now(),
  ended_at        timestamptz,
  confidence      real CHECK (confidence IS NULL OR (confidence >= 0 AND confidence <= 1)),
  model_id        text,
  payload         jsonb NOT NULL DEFAULT '{}'::jsonb,
  acknowledged_by integer REFERENCES users (id),
  acknowledged_at timestamptz,
  resolved_by     integer REFERENCES users (id),
  resolved_at     timestamptz,
  note            text
);
CREATE UNIQUE INDEX events_seq_idx ON events (seq);
CREATE INDEX events_location_gix ON events USING gist (location);
CREATE INDEX events_started_idx ON events (started_at DESC);
CREATE INDEX events_updated_idx ON events (updated_at DESC);
CREATE INDEX events_type_started_idx ON events (type, started_at DESC);
CREATE INDEX events_status_idx ON events (status) WHERE status IN ('open', 'acknowledged');
CREATE INDEX events_camera_started_idx ON events (camera_id, started_at DESC);

CREATE TABLE audit_log (
  id         bigserial PRIMARY KEY,
  at         timestamptz NOT NULL DEFAULT now(),
  user_id    integer REFERENCES users (id) ON DELETE SET NULL,
  username   text,
  action     text NOT NULL,
  target     text,
  detail     jsonb NOT NULL DEFAULT '{}'::jsonb,
  ip         inet,
  user_agent text
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC);
CREATE INDEX audit_log_user_idx ON audit_log (user_id, at DESC);
