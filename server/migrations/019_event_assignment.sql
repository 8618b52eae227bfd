-- "Assign to me": the operator who has taken an alarm in hand, so two operators on a shift do not both work it
-- (or both leave it to the other). Changing or releasing it is audited and in the alarm's history.
ALTER TABLE events
  ADD COLUMN assigned_to integer REFERENCES users (id) ON DELETE SET NULL,
  ADD COLUMN assigned_at timestamptz;
