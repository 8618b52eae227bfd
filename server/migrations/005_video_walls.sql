-- Video walls: the tile grid of a control-room screen and the camera groups it cycles through.
CREATE TABLE video_walls (
  id            serial PRIMARY KEY,
  name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
  name_th       text NOT NULL CHECK (length(name_th) BETWEEN 1 AND 80),
  rows          smallint NOT NULL CHECK (rows BETWEEN 1 AND 6),
  cols          smallint NOT NULL CHECK (cols BETWEEN 1 AND 6),
  -- 0 stays on the first group; otherwise seconds per group.
  cycle_seconds smallint NOT NULL DEFAULT 0 CHECK (cycle_seconds = 0 OR cycle_seconds BETWEEN 5 AND 600),
  -- [{name, nameTh, cameraIds: int[]}]: a document, since a wall is read and saved whole. Camera ids are checked
  -- by the API on save; a camera deleted later simply drops out of the wall when it is shown.
  groups        jsonb NOT NULL CHECK (jsonb_typeof(groups) = 'array' AND jsonb_array_length(groups) BETWEEN 1 AND 20),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  updated_by    integer REFERENCES users (id) ON DELETE SET NULL
);
