-- Buses: arrivals and departures of each vehicle at the stops of its trip, and the stop-to-stop times learned from them.

-- One row per stop call a tracked bus made; written in batches by the transit engine. Not alarm events (they would
-- flood the operators' feed): records for punctuality reports and the learned times below.
CREATE TABLE bus_stop_visits (
  id                  bigserial PRIMARY KEY,
  vehicle_id          integer REFERENCES vehicles (id) ON DELETE SET NULL,
  feed_id             integer NOT NULL REFERENCES gtfs_feeds (id) ON DELETE CASCADE,
  trip_id             text NOT NULL,
  route_id            text NOT NULL,
  -- Service day of the trip in the feed's time zone.
  service_date        date NOT NULL,
  stop_id             text NOT NULL,
  stop_sequence       integer NOT NULL,
  -- Null when the bus was first seen already at the stop (arrival) or the trip ended there (departure).
  arrived_at          timestamptz,
  departed_at         timestamptz,
  scheduled_arrival   timestamptz NOT NULL,
  scheduled_departure timestamptz NOT NULL,
  -- Seconds late (+) or early (−): at departure when seen, else at arrival.
  delay_s             integer,
  CHECK (arrived_at IS NOT NULL OR departed_at IS NOT NULL)
);
CREATE INDEX bus_stop_visits_stop_idx ON bus_stop_visits (feed_id, stop_id, scheduled_arrival);
CREATE INDEX bus_stop_visits_vehicle_idx ON bus_stop_visits (vehicle_id, scheduled_arrival);

-- Learned times per route, stop pair and hour of day (feed time zone): 'run' from departing one stop to arriving at
-- the next, 'dwell' at a stop (from = to). A table kept up to date by the engine's batched upserts rather than a
-- materialized view over the visits: it is current after every batch without refreshing an ever-growing aggregate,
-- several workers can add to it at once, and the visits can be pruned without forgetting what was learned.
CREATE TABLE bus_segment_times (
  feed_id      integer NOT NULL REFERENCES gtfs_feeds (id) ON DELETE CASCADE,
  route_id     text NOT NULL,
  kind         text NOT NULL CHECK (kind IN ('run', 'dwell')),
  from_stop_id text NOT NULL,
  to_stop_id   text NOT NULL,
  hour_of_day  smallint NOT NULL CHECK (hour_of_day BETWEEN 0 AND 23),
  samples      integer NOT NULL CHECK (samples > 0),
  -- Running mean; after 50 samples it moves like an exponential average so it follows changed roads.
  mean_s       double precision NOT NULL,
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (feed_id, route_id, kind, from_stop_id, to_stop_id, hour_of_day)
);
