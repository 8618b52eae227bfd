-- Police footage requests (online or walk-in), the cameras and windows chosen for them, their step history, and the
-- evidence packages exported for them. Requests are never deleted: closing one is a step like the others.

CREATE SEQUENCE footage_request_number;

CREATE TABLE footage_requests (
  id               bigserial PRIMARY KEY,
  -- Shown to people and printed in letters: FR-<Buddhist-Era year>-<number>.
  reference        text NOT NULL UNIQUE,
  kind             text NOT NULL CHECK (kind IN ('online', 'walk_in')),
  status           text NOT NULL DEFAULT 'submitted' CHECK (status IN
                     ('submitted', 'in_review', 'approved', 'rejected', 'exporting', 'ready', 'downloaded',
                      'closed', 'export_failed')),
  station          text NOT NULL CHECK (char_length(station) BETWEEN 1 AND 200),
  case_number      text NOT NULL CHECK (char_length(case_number) BETWEEN 1 AND 100),
  officer_name     text NOT NULL CHECK (char_length(officer_name) BETWEEN 1 AND 200),
  officer_rank     text NOT NULL CHECK (char_length(officer_rank) BETWEEN 1 AND 100),
  officer_id       text NOT NULL CHECK (char_length(officer_id) BETWEEN 1 AND 50),
  officer_phone    text NOT NULL CHECK (char_length(officer_phone) BETWEEN 6 AND 30),
  legal_basis      text NOT NULL CHECK (char_length(legal_basis) BETWEEN 3 AND 500),
  reason           text NOT NULL CHECK (char_length(reason) BETWEEN 3 AND 2000),
  place            geometry(Point, 4326) NOT NULL,
  place_label      text,
  -- How sure the requester is of the place, in metres (a click on a map, a road name, a sub-district).
  place_radius_m   real NOT NULL DEFAULT 50 CHECK (place_radius_m > 0 AND place_radius_m <= 5000),
  window_from      timestamptz NOT NULL,
  window_to        timestamptz NOT NULL,
  -- The police user it belongs to (online: who filed it; walk-in: the officer's account when they have one).
  requester_id     integer REFERENCES users (id),
  -- Who typed it in: the officer online, the staff member for a walk-in.
  entered_by       integer NOT NULL REFERENCES users (id),
  -- The scanned paper form of a walk-in request, stored beside the recordings' snapshots.
  form_path        text,
  form_sha256      text CHECK (form_sha256 IS NULL OR form_sha256 ~ '^[0-9a-f]{64}$'),
  form_media_type  text CHECK (form_media_type IS NULL OR form_media_type IN ('application/pdf', 'image/jpeg')),
  decided_by       integer REFERENCES users (id),
  decided_at       timestamptz,
  decision_note    text,
  hold_expires_at  timestamptz,
  export_progress  real CHECK (export_progress IS NULL OR (export_progress >= 0 AND export_progress <= 1)),
  export_error     text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  CHECK (window_to > window_from),
  CHECK (window_to - window_from <= interval '24 hours'),
  CHECK (kind = 'walk_in' OR form_path IS NULL),
  CHECK (status <> 'rejected' OR char_length(decision_note) >= 3)
);
CREATE INDEX footage_requests_station_idx ON footage_requests (station, created_at DESC);
CREATE INDEX footage_requests_open_idx ON footage_requests (created_at) WHERE status IN ('submitted', 'in_review');

-- The cameras chosen for a request, each with its own (trimmed) window.
CREATE TABLE footage_request_cameras (
  request_id  bigint NOT NULL REFERENCES footage_requests (id),
  camera_id   integer NOT NULL,
  window_from timestamptz NOT NULL,
  window_to   timestamptz NOT NULL,
  chosen_by   integer NOT NULL REFERENCES users (id),
  PRIMARY KEY (request_id, camera_id),
  CHECK (window_to > window_from)
);

-- Every step of a request: who moved it where, when, and why.
CREATE TABLE footage_request_steps (
  id          bigserial PRIMARY KEY,
  request_id  bigint NOT NULL REFERENCES footage_requests (id),
  status      text NOT NULL,
  at          timestamptz NOT NULL DEFAULT now(),
  user_id     integer REFERENCES users (id),
  note        text
);
CREATE INDEX footage_request_steps_request_idx ON footage_request_steps (request_id, id);

-- An approved request's holds point back to it; closing the case releases them.
ALTER TABLE evidence_holds ADD COLUMN request_id bigint REFERENCES footage_requests (id);
CREATE INDEX evidence_holds_request_idx ON evidence_holds (request_id) WHERE request_id IS NOT NULL;

-- The package exported for a request (one per export; a re-export after a failure makes a new row).
CREATE TABLE evidence_packages (
  id               uuid PRIMARY KEY,
  request_id       bigint NOT NULL REFERENCES footage_requests (id),
  path             text NOT NULL,
  bytes            bigint NOT NULL CHECK (bytes > 0),
  sha256           text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  manifest_sha256  text NOT NULL CHECK (manifest_sha256 ~ '^[0-9a-f]{64}$'),
  key_fingerprint  text NOT NULL CHECK (key_fingerprint ~ '^[0-9a-f]{64}$'),
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX evidence_packages_request_idx ON evidence_packages (request_id, created_at DESC);

-- A notification target may belong to a police station: it hears of that station's footage requests (filed,
-- decided, ready, failed, closed). Deliveries of those notices are logged like event notifications, by request.
ALTER TABLE notification_targets
  ADD COLUMN station text CHECK (station IS NULL OR char_length(station) BETWEEN 1 AND 200);
ALTER TABLE notifications
  ALTER COLUMN event_id DROP NOT NULL,
  ADD COLUMN footage_request_id bigint REFERENCES footage_requests (id),
  ADD CONSTRAINT notifications_subject CHECK ((event_id IS NULL) <> (footage_request_id IS NULL));
CREATE INDEX notifications_request_idx ON notifications (footage_request_id) WHERE footage_request_id IS NOT NULL;
