-- The crash store for traffic planners: every source in one table (imported DOH records, the national fatal-crash
-- points, camera accidents an operator confirmed), each crash keyed by its source's own key so a re-import changes
-- nothing; the imports that wrote them with their rejected rows; and the road network the crashes are snapped to.

-- Major roads (OpenStreetMap, ../shared/data/roads): the lines crashes are snapped to.
CREATE TABLE roads (
  id        serial PRIMARY KEY,
  -- The feature's id in its file, e.g. 'motorway-12': re-loading the file updates, never duplicates.
  source_id text NOT NULL UNIQUE,
  class     text NOT NULL,
  geom      geometry(LineString, 4326) NOT NULL
);
CREATE INDEX roads_geom_gix ON roads USING gist (geom);
CREATE INDEX roads_geog_gix ON roads USING gist ((geom::geography));

CREATE TABLE crash_imports (
  id            serial PRIMARY KEY,
  source        text NOT NULL CHECK (source IN ('doh_csv', 'fatal_points')),
  file_name     text NOT NULL,
  file_sha256   text NOT NULL CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
  status        text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'done', 'failed')),
  rows_read     integer NOT NULL DEFAULT 0,
  -- New crashes, crashes whose record changed, and rows identical to a crash already stored.
  rows_added    integer NOT NULL DEFAULT 0,
  rows_updated  integer NOT NULL DEFAULT 0,
  rows_same     integer NOT NULL DEFAULT 0,
  rows_rejected integer NOT NULL DEFAULT 0,
  -- The first rejected rows: [{line, reason, reasonTh}].
  rejections    jsonb NOT NULL DEFAULT '[]'::jsonb,
  -- When failed: {message, messageTh}.
  error         jsonb,
  created_by    integer REFERENCES users (id) ON DELETE SET NULL,
  username      text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  finished_at   timestamptz
);
CREATE INDEX crash_imports_created_idx ON crash_imports (created_at DESC);

CREATE TABLE crashes (
  id               bigserial PRIMARY KEY,
  source           text NOT NULL CHECK (source IN ('doh_csv', 'fatal_points', 'camera')),
  source_key       text NOT NULL,
  -- NULL when the source gives only the year (the fatal-crash points).
  occurred_at      timestamptz,
  year             smallint NOT NULL CHECK (year BETWEEN 1950 AND 2100),
  location         geometry(Point, 4326) NOT NULL,
  province         text,
  road_code        text,
  road_name        text,
  km               double precision,
  agency           text,
  -- Vocabulary codes (see server/src/crashes/doh/doh-vocabulary.ts; 'unknown' when the text is not known) and the
  -- source's own text, kept whatever the code.
  cause            text,
  cause_raw        text,
  crash_type       text,
  crash_type_raw   text,
  weather          text,
  weather_raw      text,
  road_feature     text,
  road_feature_raw text,
  -- [{code, count}], and the codes alone for filtering.
  vehicles         jsonb NOT NULL DEFAULT '[]'::jsonb,
  vehicle_codes    text[] NOT NULL DEFAULT '{}',
  pedestrians      smallint NOT NULL DEFAULT 0 CHECK (pedestrians >= 0),
  deaths           smallint NOT NULL DEFAULT 0 CHECK (deaths >= 0),
  serious_injuries smallint NOT NULL DEFAULT 0 CHECK (serious_injuries >= 0),
  minor_injuries   smallint NOT NULL DEFAULT 0 CHECK (minor_injuries >= 0),
  -- Fixes the importer made, e.g. latitude and longitude swapped back.
  notes            text[] NOT NULL DEFAULT '{}',
  -- A camera crash: the confirmed traffic.accident event it came from.
  event_id         bigint UNIQUE REFERENCES events (id) ON DELETE CASCADE,
  -- The nearest major road within the snapping distance and the distance along it (metres); the distance off the
  -- nearest road is kept even beyond it (NULL: not snapped yet).
  road_id          integer REFERENCES roads (id) ON DELETE SET NULL,
  road_offset_m    double precision,
  road_distance_m  double precision,
  import_id        integer REFERENCES crash_imports (id) ON DELETE SET NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (source, source_key),
  CHECK ((source = 'camera') = (event_id IS NOT NULL))
);
CREATE INDEX crashes_location_gix ON crashes USING gist (location);
CREATE INDEX crashes_occurred_idx ON crashes (occurred_at);
CREATE INDEX crashes_year_idx ON crashes (year);
CREATE INDEX crashes_road_idx ON crashes (road_id, road_offset_m);
CREATE INDEX crashes_vehicle_codes_idx ON crashes USING gin (vehicle_codes);
