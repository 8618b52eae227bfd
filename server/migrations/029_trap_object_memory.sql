-- A camera trap's memory of the elephant-like objects in its stills: one that stands in the same place on visit after
-- visit, or where an operator called the trap's sighting a false alarm, is a fixture (statue, painted wall, sign).
CREATE TABLE trap_still_objects (
  id        bigserial PRIMARY KEY,
  trap_id   integer NOT NULL REFERENCES camera_traps (id) ON DELETE CASCADE,
  taken_at  timestamptz NOT NULL,
  -- The stored still it was found in: a job tried again replaces its own rows.
  image     text NOT NULL,
  -- The sighting the still raised or updated, if any: its status tells whether an operator dismissed it.
  event_id  bigint REFERENCES events (id) ON DELETE SET NULL,
  label     text NOT NULL,
  score     real NOT NULL,
  -- x0, y0, x1, y1 as shares of the still's width and height.
  box       real[] NOT NULL CHECK (array_length(box, 1) = 4)
);
CREATE INDEX trap_still_objects_trap_idx ON trap_still_objects (trap_id, taken_at DESC);
CREATE INDEX trap_still_objects_event_idx ON trap_still_objects (event_id);
