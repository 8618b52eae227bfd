-- Repeat triggers fold into the alarm they repeat (Genetec-style): an alarm carries the key that identifies
-- "the same thing again" (camera, rule and zone; or vehicle and type), how many times it was raised, and when
-- it was last raised. A new trigger with the same key folds into the open or acknowledged alarm while that
-- alarm is not closed and has not been over for longer than its type's fold window.
ALTER TABLE events
  ADD COLUMN fold_key text,
  ADD COLUMN occurrences integer NOT NULL DEFAULT 1 CHECK (occurrences >= 1),
  ADD COLUMN last_raised_at timestamptz;

UPDATE events SET last_raised_at = started_at WHERE last_raised_at IS NULL;
ALTER TABLE events ALTER COLUMN last_raised_at SET NOT NULL, ALTER COLUMN last_raised_at SET DEFAULT now();

CREATE INDEX events_fold_idx ON events (fold_key, id DESC)
  WHERE fold_key IS NOT NULL AND status IN ('open', 'acknowledged');
