// Who hears of alarms outside the control room (admins): LINE or webhook recipients per alarm type and district,
// which receive elephant warnings, critical alarms and escalations. A webhook URL is write-only once saved.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EVENT_TYPES, NOTIFY_CHANNELS, type EventType, type NotificationTarget } from '@toc/server/schemas';
import { addNotificationTarget, fetchNotificationTargets, removeNotificationTarget } from '../api/notification-targets.api';
import { failureOf, failureText, type Failure } from '../account/api-failure';
import { eventTypeKey } from '../format/labels';
import { useLanguage } from '../i18n/use-language';
import { useDistricts } from '../state/use-districts';

/** The alarm types worth telling people outside: not the measurements. */
const ALARM_TYPES = EVENT_TYPES.filter((type) => type !== 'traffic.vehicles' && type !== 'crowd.count');

export function NotificationTargets() {
  const { t } = useTranslation();
  const language = useLanguage();
  const districts = useDistricts();
  const [targets, setTargets] = useState<NotificationTarget[] | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [channel, setChannel] = useState<NotificationTarget['channel']>('webhook');
  const [target, setTarget] = useState('');
  const [audience, setAudience] = useState('');
  const [districtTh, setDistrictTh] = useState('');
  const [types, setTypes] = useState<EventType[]>(['elephant.warning']);

  useEffect(() => {
    const abort = new AbortController();
    fetchNotificationTargets(abort.signal).then(setTargets, (error: unknown) => {
      if (!abort.signal.aborted) setFailure(failureOf(error, 'shift.offline'));
    });
    return () => abort.abort();
  }, []);

  const add = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    try {
      const saved = await addNotificationTarget({ channel, target: target.trim(), audience: audience.trim(), districtTh: districtTh || null, eventTypes: types });
      setTargets((all) => [...(all ?? []).filter((x) => x.id !== saved.id), saved]);
      setTarget('');
    } catch (error) {
      setFailure(failureOf(error, 'shift.offline'));
    }
  };

  const remove = async (id: number) => {
    setFailure(null);
    try {
      await removeNotificationTarget(id);
      setTargets((all) => all?.filter((x) => x.id !== id) ?? null);
    } catch (error) {
      setFailure(failureOf(error, 'shift.offline'));
    }
  };

  const toggleType = (type: EventType) => setTypes((all) => (all.includes(type) ? all.filter((x) => x !== type) : [...all, type]));

  return (
    <section className="notification-targets" data-testid="notification-targets">
      <h3>{t('targets.title')}</h3>
      <p className="shift-notice">{t('targets.intro')}</p>
      {failure && (
        <p className="panel-note error" role="alert" data-testid="targets-error">
          {failureText(failure, t, language)}
        </p>
      )}
      {targets && targets.length === 0 && <p className="shift-notice">{t('targets.none')}</p>}
      {targets && targets.length > 0 && (
        <table className="shift-table">
          <thead>
            <tr>
              <th>{t('targets.channel')}</th>
              <th>{t('targets.target')}</th>
              <th>{t('targets.audience')}</th>
              <th>{t('targets.district')}</th>
              <th>{t('targets.types')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {targets.map((x) => (
              <tr key={x.id} data-testid="notification-target" data-target-id={x.id}>
                <td>{t(`targets.channel.${x.channel}`)}</td>
                <td>{x.target}</td>
                <td>{x.audience}</td>
                <td>{x.districtTh ?? t('targets.allDistricts')}</td>
                <td>{x.eventTypes.map((type) => t(eventTypeKey(type))).join(', ')}</td>
                <td>
                  <button type="button" className="button ghost compact" onClick={() => void remove(x.id)} data-testid="target-remove">
                    {t('targets.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="targets-form" onSubmit={(e) => void add(e)} data-testid="targets-form">
        <label>
          {t('targets.channel')}
          <select value={channel} onChange={(e) => setChannel(e.target.value as NotificationTarget['channel'])} data-testid="target-channel">
            {NOTIFY_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`targets.channel.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {channel === 'webhook' ? t('targets.url') : t('targets.lineId')}
          {/* Write-only: once saved, only the host is shown again. */}
          <input value={target} onChange={(e) => setTarget(e.target.value)} autoComplete="off" required data-testid="target-address" />
        </label>
        <label>
          {t('targets.audience')}
          <input value={audience} onChange={(e) => setAudience(e.target.value)} placeholder={t('targets.audienceHint')} required data-testid="target-audience" />
        </label>
        <label>
          {t('targets.district')}
          <select value={districtTh} onChange={(e) => setDistrictTh(e.target.value)} data-testid="target-district">
            <option value="">{t('targets.allDistricts')}</option>
            {(districts?.districts ?? []).map((d) => (
              <option key={d.code} value={d.nameTh}>
                {language === 'th' ? d.nameTh : d.name}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="targets-types">
          <legend>{t('targets.types')}</legend>
          {ALARM_TYPES.map((type) => (
            <label key={type}>
              <input type="checkbox" checked={types.includes(type)} onChange={() => toggleType(type)} /> {t(eventTypeKey(type))}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button" disabled={types.length === 0} data-testid="target-add">
          {t('targets.add')}
        </button>
      </form>
    </section>
  );
}
