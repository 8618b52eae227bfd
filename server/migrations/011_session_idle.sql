-- Idle timeout: a session unused for its idle timeout is refused like an expired one.
-- last_seen_at is written at most once a minute per session (see sessions.repository.ts), not on every request.
-- idle_timeout_s is fixed at sign-in from SESSION_IDLE_MINUTES, as expires_at is from SESSION_TTL_HOURS; sessions
-- opened before this migration have none and keep only their absolute expiry (SESSION_TTL_HOURS at most).
ALTER TABLE sessions
  ADD COLUMN last_seen_at   timestamptz NOT NULL DEFAULT now(),
  ADD COLUMN idle_timeout_s integer CHECK (idle_timeout_s > 0);
