-- The audit log becomes append-only and hash-chained (PDPA: every view of footage and every change is accountable).
--
-- Append-only: the app connects as the table owner, so grants cannot stop it; a statement trigger refuses every
-- UPDATE, DELETE and TRUNCATE of audit_log, whoever sends it. Only a deliberate step by the owner or a superuser
-- (ALTER TABLE ... DISABLE TRIGGER) gets round it, and the hash chain shows anything changed that way.
--
-- Chain: each row stores prev_hash (the row_hash of the row before it; 64 zeros for the first) and
-- row_hash = sha256(prev_hash || canonical content), hex. It is computed here, in a BEFORE INSERT trigger, so every
-- writer (server, workers, a psql session) is chained the same way and none can forget or fake it. Writers are
-- serialised on the single row of audit_chain_head (SELECT ... FOR UPDATE, held until commit): two concurrent inserts
-- cannot both link to the same predecessor, and the id is given under that lock, so id order is chain order (a
-- bigserial value is drawn before the lock and could commit out of order). Rolled-back inserts roll the head back too,
-- so ids have no gaps. Keep audit inserts in short transactions: the head stays locked until commit.
--
-- Canonical content (the verifier, server/src/services/audit-chain.ts, rebuilds it independently):
--   'audit-v1' then, for id, at (epoch microseconds), user_id, username, action, target, detail (jsonb text), ip (inet
--   text), user_agent: '|' and either '~' (NULL) or <UTF-8 byte length> ':' <text>. Length prefixes make it unambiguous.
--
-- Retention, if the law ever requires deleting very old rows, is a maintenance procedure, never app code. As the table
-- owner, in one transaction:
--   ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only;
--   DELETE FROM audit_log WHERE id < <keep_from>;
--   ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only;
--   INSERT INTO audit_log (username, action, target, detail)
--     SELECT current_user, 'audit.retention', 'audit_log',
--            jsonb_build_object('keptFromId', id, 'keptFromPrevHash', prev_hash) FROM audit_log WHERE id = <keep_from>;
-- `npm run audit:verify` then accepts a chain that starts at keptFromId with that prev_hash, and nothing else.

-- Audit rows are facts about the past: they keep the user id and name even when the user is gone, and deleting a
-- user must not rewrite them (ON DELETE SET NULL would be an UPDATE, refused below, and would break the chain).
ALTER TABLE audit_log DROP CONSTRAINT IF EXISTS audit_log_user_id_fkey;

ALTER TABLE audit_log ADD COLUMN prev_hash text, ADD COLUMN row_hash text;

-- One row: the last link of the chain, locked by each insert.
CREATE TABLE audit_chain_head (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  last_id   bigint NOT NULL,
  last_hash text NOT NULL CHECK (last_hash ~ '^[0-9a-f]{64}$')
);

CREATE FUNCTION audit_field(value text) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path FROM CURRENT AS $$
  SELECT '|' || CASE WHEN value IS NULL THEN '~' ELSE octet_length(value)::text || ':' || value END
$$;

CREATE FUNCTION audit_row_hash(previous text, entry audit_log) RETURNS text
LANGUAGE sql STABLE SET search_path FROM CURRENT AS $$
  SELECT encode(sha256(convert_to(
    previous || 'audit-v1'
      || audit_field(entry.id::text)
      || audit_field((extract(epoch FROM entry.at) * 1000000)::bigint::text)
      || audit_field(entry.user_id::text)
      || audit_field(entry.username)
      || audit_field(entry.action)
      || audit_field(entry.target)
      || audit_field(entry.detail::text)
      || audit_field(entry.ip::text)
      || audit_field(entry.user_agent),
    'UTF8')), 'hex')
$$;

-- Existing rows, in id order.
DO $$
DECLARE
  previous text := repeat('0', 64);
  last bigint := 0;
  entry audit_log;
BEGIN
  FOR entry IN SELECT * FROM audit_log ORDER BY id LOOP
    UPDATE audit_log SET prev_hash = previous, row_hash = audit_row_hash(previous, entry) WHERE id = entry.id
      RETURNING row_hash INTO previous;
    last := entry.id;
  END LOOP;
  INSERT INTO audit_chain_head (last_id, last_hash) VALUES (last, previous);
END
$$;

ALTER TABLE audit_log
  ALTER COLUMN prev_hash SET NOT NULL,
  ALTER COLUMN row_hash SET NOT NULL,
  ADD CONSTRAINT audit_log_hashes_hex CHECK (prev_hash ~ '^[0-9a-f]{64}$' AND row_hash ~ '^[0-9a-f]{64}$'),
  -- The chain gives ids; with the trigger disabled an insert fails instead of adding an unchained row.
  ALTER COLUMN id DROP DEFAULT;

CREATE FUNCTION audit_log_chain() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
  head audit_chain_head;
BEGIN
  SELECT * INTO STRICT head FROM audit_chain_head FOR UPDATE;
  NEW.id := head.last_id + 1;
  -- The time of writing, not a time the writer chooses: no back-dated entries.
  NEW.at := now();
  NEW.prev_hash := head.last_hash;
  NEW.row_hash := audit_row_hash(NEW.prev_hash, NEW);
  UPDATE audit_chain_head SET last_id = NEW.id, last_hash = NEW.row_hash;
  RETURN NEW;
END
$$;

CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_chain();

CREATE FUNCTION audit_log_refuse_change() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  RAISE EXCEPTION '% on % refused: the audit log is append-only', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege',
          HINT = 'Retention is a maintenance procedure: see server/migrations/012_audit_chain.sql';
END
$$;

-- Statement triggers: a change is refused even when it would match no row.
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();

-- The head moves only inside audit_log_chain (a nested trigger); never by hand, never removed.
CREATE FUNCTION audit_chain_head_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND pg_trigger_depth() > 1 THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '% on % refused: the audit chain head moves only with new audit rows', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_chain_head_guard BEFORE INSERT OR UPDATE OR DELETE ON audit_chain_head
  FOR EACH ROW EXECUTE FUNCTION audit_chain_head_guard();
CREATE TRIGGER audit_chain_head_no_truncate BEFORE TRUNCATE ON audit_chain_head
  FOR EACH STATEMENT EXECUTE FUNCTION audit_chain_head_guard();

-- The audit page filters by action prefix and target, newest first.
CREATE INDEX audit_log_target_idx ON audit_log (target, id DESC);
