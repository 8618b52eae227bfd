-- Buses: GTFS static feeds, vehicles and their GPS devices, and the GPS position history (partitioned by day).

-- One row per imported feed; re-importing a feed of the same name replaces its rows in one transaction.
CREATE TABLE gtfs_feeds (
  id           serial PRIMARY KEY,
  name         text NOT NULL UNIQUE CHECK (name ~ '^[a-z0-9_-]{1,40}$'),
  source       text NOT NULL,
  timezone     text NOT NULL,
  imported_at  timestamptz NOT NULL DEFAULT now(),
  -- {"stops": 95, "trips": 218, ...} and the rejected rows [{file, line, reason}] of the last import.
  counts       jsonb NOT NULL DEFAULT '{}'::jsonb,
  rejected     jsonb NOT NULL DEFAULT '[]'::jsonb
);

CREATE TABLE gtfs_agencies (
  feed_id   integer NOT NULL REFERENCES gtfs_feeds (id) ON DELETE CASCADE,
  agency_id text NOT NULL,
  name      text NOT NULL,
  url       text,
  timezone  text NOT NULL,
  lang      text,
  phone     text,
  PRIMARY KEY (feed_id, agency_id)
);

-- `translations` holds names per language ({"th": "...", "en": "..."}) from translations.txt or "ไทย;English" names.
CREATE TABLE gtfs_stops (
  feed_id         integer NOT NULL REFERENCES gtfs_feeds (id) ON DELETE CASCADE,
  stop_id         text NOT NULL,
  code            text,
  name            text NOT NULL,
  translations    jsonb NOT NULL DEFAULT '{}'::jsonb,
  description     text,
  location        geometry(Point, 4326) NOT NULL,
  zone_id         text,
  location_type   smallint NOT NULL DEFAULT 0,
  parent_station  text,
  wheelchair      smallint,
  PRIMARY KEY (feed_id, stop_id)
);
CREATE INDEX gtfs_stops_location_gix ON gtfs_stops USING gist (location);
CREATE INDEX gtfs_stops_stop_id_idx ON gtfs_stops (stop_id);

CREATE TABLE gtfs_routes (
  feed_id      integer NOT NULL REFERENCES gtfs_feeds (id) ON DELETE CASCADE,
  route_id     text NOT NULL,
  agency_id    text,
  short_name   text,
  long_name    text,
  translations jsonb NOT NULL DEFAULT '{}'::jsonb,
  route_type   smallint NOT NULL,
  color        text,
  text_color   text,
  PRIMARY KEY (feed_id, route_id)
);

-- One line per shape, with the cumulative metres at each vertex so progress along it is a lookup.
CREATE TABLE gtfs_shapes (
  feed_id   integer NOT NULL REFERENCES gtfs_feeds (id) ON DELETE CASCADE,
  shape_id  text NOT NULL,
  geom      geometry(LineString, 4326) NOT NULL,
  dist_m    double precision[] NOT NULL,
  length_m  double precision NOT NULL,
  PRIMARY KEY (feed_id, shape_id)
);

CREATE TABLE gtfs_calendar (
  feed_id    integer NOT NULL REFERENCES gtfs_feeds (id) ON DELETE CASCADE,
  service_id text NOT NULL,
  -- Monday first, as in calendar.txt.
  weekdays   boolean[7] NOT NULL,
  start_date date NOT NULL,
  end_date   date NOT NULL,
  PRIMARY KEY (feed_id, service_id)
);

CREATE TABLE gtfs_calendar_dates (
  feed_id        integer NOT NULL REFERENCES gtfs_feeds (id) ON DELETE CASCADE,
  service_id     text NOT NULL,
  date           date NOT NULL,
  exception_type smallint NOT NULL CHECK (exception_type IN (1, 2)),
  PRIMARY KEY (feed_id, service_id, date)
);

CREATE TABLE gtfs_trips (
  feed_id      integer NOT NULL REFERENCES gtfs_feeds (id) ON DELETE CASCADE,
  trip_id      text NOT NULL,
  route_id     text NOT NULL,
  service_id   text NOT NULL,
  headsign     text,
  translations jsonb NOT NULL DEFAULT '{}'::jsonb,
  direction_id smallint,
  block_id     text,
  shape_id     text,
  PRIMARY KEY (feed_id, trip_id)
);
CREATE INDEX gtfs_trips_route_idx ON gtfs_trips (feed_id, route_id);
CREATE INDEX gtfs_trips_block_idx ON gtfs_trips (feed_id, block_id) WHERE block_id IS NOT NULL;

-- Times are seconds after midnight of the service day (may pass 24 h), as GTFS writes them.
CREATE TABLE gtfs_stop_times (
  feed_id        integer NOT NULL REFERENCES gtfs_feeds (id) ON DELETE CASCADE,
  trip_id        text NOT NULL,
  stop_sequence  integer NOT NULL,
  stop_id        text NOT NULL,
  arrival_s      integer,
  departure_s    integer,
  shape_dist_m   double precision,
  timepoint      smallint,
  PRIMARY KEY (feed_id, trip_id, stop_sequence)
);
CREATE INDEX gtfs_stop_times_stop_idx ON gtfs_stop_times (feed_id, stop_id);

CREATE TABLE gtfs_frequencies (
  feed_id     integer NOT NULL REFERENCES gtfs_feeds (id) ON DELETE CASCADE,
  trip_id     text NOT NULL,
  start_s     integer NOT NULL,
  end_s       integer NOT NULL,
  headway_s   integer NOT NULL CHECK (headway_s > 0),
  exact_times smallint NOT NULL DEFAULT 0,
  PRIMARY KEY (feed_id, trip_id, start_s)
);

-- A bus (or any fleet vehicle). Binding to a route or block tells trip matching what the bus should be doing.
CREATE TABLE vehicles (
  id         serial PRIMARY KEY,
  label      text NOT NULL UNIQUE CHECK (length(label) BETWEEN 1 AND 40),
  plate      text,
  electric   boolean NOT NULL DEFAULT false,
  feed_id    integer REFERENCES gtfs_feeds (id) ON DELETE SET NULL,
  route_id   text,
  block_id   text,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- A GPS unit. `unique_id` is the OsmAnd `id`; only a hash of its key is kept, as for sessions.
CREATE TABLE gps_devices (
  id             serial PRIMARY KEY,
  unique_id      text NOT NULL UNIQUE CHECK (unique_id ~ '^[A-Za-z0-9._:-]{1,64}$'),
  key_hash       bytea NOT NULL,
  vehicle_id     integer REFERENCES vehicles (id) ON DELETE SET NULL,
  enabled        boolean NOT NULL DEFAULT true,
  created_at     timestamptz NOT NULL DEFAULT now(),
  last_fix_at    timestamptz,
  -- Fixes refused as malformed or filtered, by reason ({"zero_coordinates": 3, ...}), and the last reason.
  rejected       jsonb NOT NULL DEFAULT '{}'::jsonb,
  last_rejection text
);

-- Every accepted fix. Out-of-order fixes are kept with current = false: history, never the live position.
CREATE TABLE gps_positions (
  device_id    integer NOT NULL,
  vehicle_id   integer,
  fix_time     timestamptz NOT NULL,
  received_at  timestamptz NOT NULL,
  location     geometry(Point, 4326) NOT NULL,
  speed_kmh    real,
  bearing_deg  real,
  altitude_m   real,
  accuracy_m   real,
  current      boolean NOT NULL DEFAULT true
) PARTITION BY RANGE (fix_time);
-- Partitions (gps_positions_YYYYMMDD, one per Bangkok day) are created ahead and dropped after the retention.
CREATE INDEX gps_positions_vehicle_time_idx ON gps_positions (vehicle_id, fix_time);
CREATE INDEX gps_positions_device_time_idx ON gps_positions (device_id, fix_time);
