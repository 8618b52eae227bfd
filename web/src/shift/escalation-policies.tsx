// The escalation limits on the shift page: how long each alarm type may wait unacknowledged before it is raised
// and sent to its targets. Operators read them; admins change them (each change is audited on the server).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ESCALATION_SEVERITIES, type EscalationPolicy, type EscalationPolicyInput } from '@toc/server/schemas';
import { fetchEscalationPolicies, saveEscalationPolicy } from '../api/escalation.api';
import { failureOf, failureText, type Failure } from '../account/api-failure';
import { eventTypeKey, severityKey } from '../format/labels';
import { useLanguage } from '../i18n/use-language';

export function EscalationPolicies({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [policies, setPolicies] = useState<EscalationPolicy[] | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    fetchEscalationPolicies(abort.signal).then(setPolicies, (error: unknown) => {
      if (!abort.signal.aborted) setFailure(failureOf(error, 'shift.offline'));
    });
    return () => abort.abort();
  }, []);

  const save = async (policy: EscalationPolicy, input: EscalationPolicyInput) => {
    setFailure(null);
    try {
      const saved = await saveEscalationPolicy(policy.eventType, input);
      setPolicies((all) => all?.map((p) => (p.eventType === saved.eventType ? saved : p)) ?? null);
    } catch (error) {
      setFailure(failureOf(error, 'shift.offline'));
    }
  };

  return (
    <section className="escalation-policies" data-testid="escalation-policies">
      <h3>{t('escalation.title')}</h3>
      <p className="shift-notice">{t('escalation.intro')}</p>
      {failure && (
        <p className="panel-note error" role="alert" data-testid="escalation-error">
          {failureText(failure, t, language)}
        </p>
      )}
      {policies && (
        <table className="shift-table">
          <thead>
            <tr>
              <th>{t('escalation.type')}</th>
              <th>{t('escalation.afterMin')}</th>
              <th>{t('escalation.raiseTo')}</th>
              <th>{t('escalation.enabled')}</th>
              {editable && <th />}
            </tr>
          </thead>
          <tbody>
            {policies.map((policy) => (
              <PolicyRow key={`${policy.eventType}:${policy.updatedAt}`} policy={policy} editable={editable} onSave={save} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function PolicyRow({
  policy,
  editable,
  onSave,
}: {
  policy: EscalationPolicy;
  editable: boolean;
  onSave: (policy: EscalationPolicy, input: EscalationPolicyInput) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [afterMin, setAfterMin] = useState(String(policy.afterMin));
  const [raiseTo, setRaiseTo] = useState(policy.raiseTo);
  const [enabled, setEnabled] = useState(policy.enabled);
  const [saving, setSaving] = useState(false);
  const label = t(eventTypeKey(policy.eventType));
  if (!editable) {
    return (
      <tr data-testid="escalation-policy" data-event-type={policy.eventType}>
        <td>{label}</td>
        <td>{t('escalation.minutes', { n: policy.afterMin })}</td>
        <td>{t(severityKey(policy.raiseTo))}</td>
        <td>{policy.enabled ? t('escalation.on') : t('escalation.off')}</td>
      </tr>
    );
  }
  const changed = afterMin !== String(policy.afterMin) || raiseTo !== policy.raiseTo || enabled !== policy.enabled;
  return (
    <tr data-testid="escalation-policy" data-event-type={policy.eventType} data-after-min={policy.afterMin}>
      <td>{label}</td>
      <td>
        {/* The server checks the range (1–1440) and says why in the user's language. */}
        <input type="number" min={1} max={1440} value={afterMin} onChange={(e) => setAfterMin(e.target.value)} aria-label={`${label}: ${t('escalation.afterMin')}`} data-testid="escalation-after" />
      </td>
      <td>
        <select value={raiseTo} onChange={(e) => setRaiseTo(e.target.value as EscalationPolicy['raiseTo'])} aria-label={`${label}: ${t('escalation.raiseTo')}`}>
          {ESCALATION_SEVERITIES.map((severity) => (
            <option key={severity} value={severity}>
              {t(severityKey(severity))}
            </option>
          ))}
        </select>
      </td>
      <td>
        <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} aria-label={`${label}: ${t('escalation.enabled')}`} data-testid="escalation-enabled" />
      </td>
      <td>
        <button
          type="button"
          className="button compact"
          disabled={!changed || saving}
          data-testid="escalation-save"
          onClick={() => {
            setSaving(true);
            void onSave(policy, { afterMin: Number(afterMin), raiseTo, enabled }).finally(() => setSaving(false));
          }}
        >
          {t('escalation.save')}
        </button>
      </td>
    </tr>
  );
}
