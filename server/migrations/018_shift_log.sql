-- The shift log: handover notes between shifts and notes during one, each by a signed-in operator, optionally about
-- an alarm. Entries are append-only, like the audit log: there is no route to edit or delete one, and a statement
-- trigger refuses UPDATE, DELETE and TRUNCATE whoever sends them. A correction is a new entry that says so.
-- Authors and alarms are never deleted by the app (users are disabled, alarms closed), so the references keep the
-- default NO ACTION: an entry never loses who wrote it or what it was about.
CREATE TABLE shift_log (
  id       bigserial PRIMARY KEY,
  at       timestamptz NOT NULL DEFAULT now(),
  user_id  integer NOT NULL REFERENCES users (id),
  kind     text NOT NULL CHECK (kind IN ('handover', 'note')),
  body     text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 4000),
  event_id bigint REFERENCES events (id)
);
-- Newest first, within a period.
CREATE INDEX shift_log_at_idx ON shift_log (at DESC, id DESC);
CREATE INDEX shift_log_event_idx ON shift_log (event_id) WHERE event_id IS NOT NULL;

CREATE FUNCTION shift_log_refuse_change() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  RAISE EXCEPTION '% on % refused: the shift log is append-only (a correction is a new entry)', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END
$$;

-- Statement triggers: a change is refused even when it would match no row.
CREATE TRIGGER shift_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON shift_log
  FOR EACH STATEMENT EXECUTE FUNCTION shift_log_refuse_change();
