-- Video analytics: camera health, calibration, zones and lines, places to warn, time series, snapshots,
-- notifications, camera traps, elephant paths and the timeline of each event.

ALTER TABLE cameras
  ADD COLUMN health    jsonb,
  ADD COLUMN worker_id text;

CREATE TABLE camera_calibrations (
  camera_id   integer PRIMARY KEY REFERENCES cameras (id) ON DELETE CASCADE,
  pairs       jsonb NOT NULL,
  homography  float8[] NOT NULL CHECK (cardinality(homography) = 9),
  origin      geometry(Point, 4326) NOT NULL,
  mean_error_m float8 NOT NULL,
  max_error_m  float8 NOT NULL,
  per_pair_m   float8[] NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  updated_by  integer REFERENCES users (id) ON DELETE SET NULL
);

CREATE TABLE camera_zones (
  id          serial PRIMARY KEY,
  camera_id   integer NOT NULL REFERENCES cameras (id) ON DELETE CASCADE,
  position    integer NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('roadway', 'sidewalk', 'crowd_area', 'elephant_watch')),
  name        text NOT NULL,
  name_th     text NOT NULL,
  polygon     jsonb NOT NULL,
  direction   jsonb,
  alert_above real,
  clear_below real
);
CREATE INDEX camera_zones_camera_idx ON camera_zones (camera_id, position);

CREATE TABLE counting_lines (
  id        serial PRIMARY KEY,
  camera_id integer NOT NULL REFERENCES cameras (id) ON DELETE CASCADE,
  position  integer NOT NULL,
  name      text NOT NULL,
  name_th   text NOT NULL,
  points    jsonb NOT NULL
);
CREATE INDEX counting_lines_camera_idx ON counting_lines (camera_id, position);

-- Places that elephant warnings name: sub-district centroids by default, villages when imported.
CREATE TABLE places (
  id          serial PRIMARY KEY,
  kind        text NOT NULL CHECK (kind IN ('subdistrict', 'village')),
  code        text NOT NULL UNIQUE,
  name        text NOT NULL,
  name_th     text NOT NULL,
  district    text,
  district_th text,
  location    geometry(Point, 4326) NOT NULL,
  source      text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX places_location_gix ON places USING gist (location);
-- ST_DWithin on geography (metres) uses this index.
CREATE INDEX places_geography_gix ON places USING gist ((location::geography));

CREATE TABLE crowd_counts (
  camera_id  integer NOT NULL REFERENCES cameras (id) ON DELETE CASCADE,
  zone_id    integer NOT NULL REFERENCES camera_zones (id) ON DELETE CASCADE,
  at         timestamptz NOT NULL,
  count_mean real NOT NULL,
  count_max  integer NOT NULL,
  density    real,
  PRIMARY KEY (zone_id, at)
);
CREATE INDEX crowd_counts_camera_at_idx ON crowd_counts (camera_id, at DESC);

CREATE TABLE line_counts (
  id         bigserial PRIMARY KEY,
  camera_id  integer NOT NULL REFERENCES cameras (id) ON DELETE CASCADE,
  line_id    integer NOT NULL REFERENCES counting_lines (id) ON DELETE CASCADE,
  started_at timestamptz NOT NULL,
  ended_at   timestamptz NOT NULL,
  label      text NOT NULL,
  forward    integer NOT NULL CHECK (forward >= 0),
  reverse    integer NOT NULL CHECK (reverse >= 0)
);
CREATE INDEX line_counts_line_started_idx ON line_counts (line_id, started_at DESC);
CREATE INDEX line_counts_camera_started_idx ON line_counts (camera_id, started_at DESC);

-- What happened to an event over its life: opened, updated by the pipeline, acted on by operators.
CREATE TABLE event_updates (
  id       bigserial PRIMARY KEY,
  event_id bigint NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  at       timestamptz NOT NULL DEFAULT now(),
  kind     text NOT NULL,
  user_id  integer REFERENCES users (id) ON DELETE SET NULL,
  detail   jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX event_updates_event_idx ON event_updates (event_id, at);

CREATE TABLE snapshots (
  id         bigserial PRIMARY KEY,
  event_id   bigint NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  kind       text NOT NULL CHECK (kind IN ('frame', 'object')),
  path       text NOT NULL,
  sha256     text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  bytes      integer NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX snapshots_event_idx ON snapshots (event_id);

-- Who is told about what: a channel target per role (village head, ranger, police, ...), optionally per district.
CREATE TABLE notification_targets (
  id          serial PRIMARY KEY,
  channel     text NOT NULL CHECK (channel IN ('webhook', 'line')),
  target      text NOT NULL,
  audience    text NOT NULL,
  district_th text,
  event_types text[] NOT NULL,
  enabled     boolean NOT NULL DEFAULT true,
  created_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (channel, target, audience)
);

CREATE TABLE notifications (
  id         bigserial PRIMARY KEY,
  event_id   bigint NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  channel    text NOT NULL,
  target     text NOT NULL,
  ok         boolean NOT NULL,
  status     integer,
  attempts   integer NOT NULL,
  error      text,
  sent_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notifications_event_idx ON notifications (event_id);
CREATE INDEX notifications_sent_idx ON notifications (sent_at DESC);

-- Motion-triggered camera traps push still images; each has its own key (only a hash is stored).
CREATE TABLE camera_traps (
  id            serial PRIMARY KEY,
  name          text NOT NULL,
  name_th       text NOT NULL,
  location      geometry(Point, 4326) NOT NULL,
  key_hash      bytea NOT NULL,
  enabled       boolean NOT NULL DEFAULT true,
  model_id      text NOT NULL DEFAULT 'yolox_nano_416',
  last_image_at timestamptz,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX camera_traps_location_gix ON camera_traps USING gist (location);

-- Consecutive elephant sightings (any camera or trap) joined into a movement path.
CREATE TABLE elephant_paths (
  id          bigserial PRIMARY KEY,
  started_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  path        geometry(LineString, 4326),
  last_point  geometry(Point, 4326) NOT NULL,
  sightings   bigint[] NOT NULL DEFAULT '{}'
);
CREATE INDEX elephant_paths_last_point_gix ON elephant_paths USING gist (last_point);
CREATE INDEX elephant_paths_updated_idx ON elephant_paths (updated_at DESC);

