-- GTFS uploads run as jobs (security audit finding 6): each has a row with its state and progress, so an admin can follow
-- a big import, see why one failed, and a server that died mid-import leaves a row that says so (its transaction rolled
-- back, the previous feed intact).
CREATE TABLE gtfs_imports (
  id          serial PRIMARY KEY,
  feed_name   text NOT NULL CHECK (feed_name ~ '^[a-z0-9_-]{1,40}$'),
  replace     boolean NOT NULL,
  bytes       integer NOT NULL CHECK (bytes > 0),
  status      text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed', 'cancelled')),
  -- The file being read, rows so far, rejected so far (ImportProgress).
  progress    jsonb,
  -- When done: the import reply (feed id, counts, first rejected rows).
  report      jsonb,
  -- When failed or cancelled: the reason, {status, message, messageTh}.
  error       jsonb,
  created_by  integer REFERENCES users (id) ON DELETE SET NULL,
  username    text NOT NULL,
  created_at  timestamptz NOT NULL,
  started_at  timestamptz,
  finished_at timestamptz,
  -- Written at least every few seconds while running: an older one means the server running it died.
  heartbeat_at timestamptz
);
CREATE INDEX gtfs_imports_created_idx ON gtfs_imports (created_at DESC);
