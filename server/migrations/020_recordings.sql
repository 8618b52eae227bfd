-- Continuous recording: the index of every recorded segment (the master footage), the gaps between them with their
-- reason, per-camera recording and retention settings, and evidence holds that retention never deletes.
-- Retention reads this index, never the files: a file the index does not name is not footage the product kept.

-- One row per closed segment file. Times are the recording worker's wall clock (NTP-synced; `clock_source` says
-- which clock), so a row is the span the footage shows. No foreign key to cameras: footage outlives a deleted camera
-- row and is removed only by retention.
CREATE TABLE recording_segments (
  id           bigserial PRIMARY KEY,
  camera_id    integer NOT NULL,
  started_at   timestamptz NOT NULL,
  ended_at     timestamptz NOT NULL,
  bytes        bigint NOT NULL CHECK (bytes > 0),
  -- Relative to RECORDINGS_DIR: <camera>/<UTC date>/<start>.mp4
  path         text NOT NULL UNIQUE,
  sha256       text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  codec        text NOT NULL,
  width        integer NOT NULL,
  height       integer NOT NULL,
  -- Bytes of the ftyp+moov header at the start of the file: the HLS map (init) of this segment.
  init_bytes   integer NOT NULL CHECK (init_bytes > 0),
  worker_id    text NOT NULL,
  clock_source text NOT NULL,
  -- The segment was cut short by a crash and indexed at the next start with its real (readable) length.
  interrupted  boolean NOT NULL DEFAULT false,
  indexed_at   timestamptz NOT NULL DEFAULT now(),
  CHECK (ended_at > started_at)
);
-- Covering: a timeline (spans from start, end and size) is an index-only scan, never a read of scattered table pages.
CREATE INDEX recording_segments_camera_time_idx ON recording_segments (camera_id, started_at) INCLUDE (ended_at, bytes);
CREATE INDEX recording_segments_time_idx ON recording_segments (started_at);

-- A span with no footage and why. An open gap (ended_at NULL) is still going on: the camera is not recording now.
CREATE TABLE recording_gaps (
  id         bigserial PRIMARY KEY,
  camera_id  integer NOT NULL,
  started_at timestamptz NOT NULL,
  ended_at   timestamptz,
  reason     text NOT NULL CHECK (reason IN (
               'camera_offline', 'worker_stopped', 'worker_died', 'storage_full', 'corrupt_segment',
               'volume_unavailable', 'recording_disabled', 'write_failed')),
  detail     text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ended_at IS NULL OR ended_at >= started_at)
);
CREATE INDEX recording_gaps_camera_time_idx ON recording_gaps (camera_id, started_at);
-- At most one open gap per camera.
CREATE UNIQUE INDEX recording_gaps_open_idx ON recording_gaps (camera_id) WHERE ended_at IS NULL;

-- Per camera: whether it is recorded and how long its footage is kept. No row: the configured defaults.
-- keep at least min_days (a legal minimum: space pressure never deletes younger footage), at most max_days
-- (older footage is deleted even with space to spare). Under space pressure with only protected footage left, the
-- cameras with the lowest priority stop recording first.
CREATE TABLE camera_recording (
  camera_id     integer PRIMARY KEY REFERENCES cameras (id) ON DELETE CASCADE,
  enabled       boolean NOT NULL DEFAULT true,
  min_days      real NOT NULL CHECK (min_days >= 0),
  max_days      real NOT NULL CHECK (max_days > 0),
  priority      integer NOT NULL DEFAULT 50 CHECK (priority BETWEEN 0 AND 100),
  -- Set by the cleaner when space ran out with only protected footage left; cleared when space is back.
  paused_at     timestamptz,
  paused_reason text,
  updated_at    timestamptz NOT NULL DEFAULT now(),
  CHECK (max_days >= min_days)
);

-- Footage retention must never delete: a camera and a period, why, and until when (NULL: until released).
-- Created by admins (and, with the police-request issue, by approved requests). Released, never deleted.
CREATE TABLE evidence_holds (
  id             bigserial PRIMARY KEY,
  camera_id      integer NOT NULL,
  starts_at      timestamptz NOT NULL,
  ends_at        timestamptz NOT NULL,
  reason         text NOT NULL CHECK (char_length(reason) BETWEEN 3 AND 1000),
  case_number    text,
  expires_at     timestamptz,
  created_by     integer NOT NULL REFERENCES users (id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  released_at    timestamptz,
  released_by    integer REFERENCES users (id),
  release_reason text,
  CHECK (ends_at > starts_at),
  CHECK ((released_at IS NULL) = (released_by IS NULL)),
  CHECK (released_at IS NULL OR char_length(release_reason) >= 3)
);
CREATE INDEX evidence_holds_camera_idx ON evidence_holds (camera_id, starts_at);
