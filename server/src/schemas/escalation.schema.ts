// Escalation policies: how long an alarm type may stay unacknowledged before it is raised and sent on.
import { Type, type Static } from 'typebox';
import { IsoDateTime } from './common.schema';
import { EventType } from './event.schema';

export const ESCALATION_SEVERITIES = ['medium', 'high', 'critical'] as const;

export const EscalationPolicy = Type.Object({
  eventType: EventType,
  /** Minutes an alarm of this type may stay unacknowledged. */
  afterMin: Type.Integer({ minimum: 1, maximum: 1440 }),
  /** The severity it is raised to (never lowered: a more severe alarm keeps its own). */
  raiseTo: Type.Enum(ESCALATION_SEVERITIES),
  enabled: Type.Boolean(),
  updatedAt: IsoDateTime,
  updatedBy: Type.Union([Type.String(), Type.Null()]),
});
export type EscalationPolicy = Static<typeof EscalationPolicy>;

export const EscalationPolicyInput = Type.Object(
  {
    afterMin: Type.Integer({ minimum: 1, maximum: 1440, description: 'Minutes unacknowledged before escalation (1–1440)' }),
    raiseTo: Type.Enum(ESCALATION_SEVERITIES),
    enabled: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type EscalationPolicyInput = Static<typeof EscalationPolicyInput>;

export const EscalationTypeParams = Type.Object({ type: EventType }, { additionalProperties: false });
export type EscalationTypeParams = Static<typeof EscalationTypeParams>;
