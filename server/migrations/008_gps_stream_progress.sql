-- GPS worker: the last fixes-stream entry each consumer stored, written in the same transaction as the rows' COPY.
-- A worker that stops between the COPY and the stream acknowledgement finds its unacknowledged entries stored
-- already at restart, and acknowledges them instead of storing them twice.
CREATE TABLE gps_stream_progress (
  stream       text NOT NULL,
  consumer     text NOT NULL,
  -- Redis stream id (milliseconds-sequence) of the last entry whose fixes are stored.
  stored_up_to text NOT NULL CHECK (stored_up_to ~ '^[0-9]+-[0-9]+$'),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (stream, consumer)
);
