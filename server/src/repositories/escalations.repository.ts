// SQL for escalation: the policies per alarm type, and claiming the alarms that are due (each exactly once).
import type { Queryable } from '../db/pool';
import type { EscalationPolicy, EscalationPolicyInput, Event, EventType, Severity } from '../schemas';
import { findEvent, severityRank } from './events.repository';
import { isoRequired } from './row-mapping';

interface PolicyRow {
  event_type: EventType;
  after_min: number;
  raise_to: EscalationPolicy['raiseTo'];
  enabled: boolean;
  updated_at: Date;
  updated_by: string | null;
}

const SELECT_POLICY = `SELECT p.event_type, p.after_min, p.raise_to, p.enabled, p.updated_at, u.username AS updated_by
  FROM escalation_policies p LEFT JOIN users u ON u.id = p.updated_by`;

const toPolicy = (row: PolicyRow): EscalationPolicy => ({
  eventType: row.event_type,
  afterMin: row.after_min,
  raiseTo: row.raise_to,
  enabled: row.enabled,
  updatedAt: isoRequired(row.updated_at),
  updatedBy: row.updated_by,
});

export async function listEscalationPolicies(db: Queryable): Promise<EscalationPolicy[]> {
  const { rows } = await db.query<PolicyRow>(`${SELECT_POLICY} ORDER BY p.event_type`);
  return rows.map(toPolicy);
}

export async function findEscalationPolicy(db: Queryable, type: EventType): Promise<EscalationPolicy | null> {
  const { rows } = await db.query<PolicyRow>(`${SELECT_POLICY} WHERE p.event_type = $1`, [type]);
  return rows[0] ? toPolicy(rows[0]) : null;
}

export async function upsertEscalationPolicy(
  db: Queryable,
  type: EventType,
  input: EscalationPolicyInput,
  userId: number,
): Promise<EscalationPolicy> {
  await db.query(
    `INSERT INTO escalation_policies (event_type, after_min, raise_to, enabled, updated_at, updated_by)
     VALUES ($1, $2, $3, $4, now(), $5)
     ON CONFLICT (event_type) DO UPDATE SET after_min = $2, raise_to = $3, enabled = $4, updated_at = now(), updated_by = $5`,
    [type, input.afterMin, input.raiseTo, input.enabled, userId],
  );
  return (await findEscalationPolicy(db, type))!;
}

/** An alarm just escalated: as it is now, and what it was before. */
export interface Escalated {
  event: Event;
  fromSeverity: Severity;
  afterMin: number;
}

/**
 * Claims the open (unacknowledged) alarms whose type's time limit has passed at `nowIso`: marks them escalated,
 * raises their severity to the policy's (never lowers it) and gives them a new seq, in one statement, so two
 * workers running this at once never escalate an alarm twice.
 */
export async function claimDueEscalations(db: Queryable, nowIso: string, limit = 100): Promise<Escalated[]> {
  const { rows } = await db.query<{ id: number; from_severity: Severity; after_min: number }>(
    `WITH due AS (
       SELECT e.id, e.severity AS from_severity, p.after_min, p.raise_to
         FROM events e JOIN escalation_policies p ON p.event_type = e.type AND p.enabled
        WHERE e.status = 'open' AND e.escalated_at IS NULL
          AND e.started_at <= $1::timestamptz - make_interval(mins => p.after_min)
        ORDER BY e.started_at
        LIMIT $2
        FOR UPDATE OF e SKIP LOCKED
     )
     UPDATE events e SET
       escalated_at = $1,
       seq = nextval('event_seq'),
       updated_at = now(),
       severity = CASE WHEN ${severityRank('due.raise_to')} > ${severityRank('e.severity')} THEN due.raise_to ELSE e.severity END
     FROM due WHERE e.id = due.id
     RETURNING e.id, due.from_severity, due.after_min`,
    [nowIso, limit],
  );
  const escalated: Escalated[] = [];
  for (const row of rows) {
    const event = await findEvent(db, row.id);
    if (event) escalated.push({ event, fromSeverity: row.from_severity, afterMin: row.after_min });
  }
  return escalated;
}
