// The shift page for the control room (admins, operators): pick a Bangkok day (today, or one before), see its alarms
// summed up, and read or add to the shift log.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../i18n/use-language';
import { addDays, bangkokToday, formatCalendarDay, isCalendarDay } from './shift-day';
import { ShiftLogPanel } from './shift-log';
import { ShiftSummaryPanel } from './shift-summary';
import { EscalationPolicies } from './escalation-policies';
import { NotificationTargets } from './notification-targets';
import { useSession } from '../auth/session.context';
import './shift.css';

export default function ShiftPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { state: session } = useSession();
  const isAdmin = session.status === 'signed-in' && session.user.role === 'admin';
  // Read on every render: a page left open over midnight moves on to the new day's "today".
  const today = bangkokToday(new Date());
  const [day, setDay] = useState(today);
  const [dayInput, setDayInput] = useState(today);
  // Asking for the day already shown loads it again (the Today button, a new entry on today's list).
  const [reload, setReload] = useState(0);

  const show = (next: string) => {
    const bounded = next > today ? today : next;
    setDay(bounded);
    setDayInput(bounded);
    if (bounded === day) setReload((n) => n + 1);
  };

  const typed = (value: string) => {
    setDayInput(value);
    if (isCalendarDay(value) && value <= today) setDay(value);
  };

  return (
    <main className="shift-page" data-testid="shift-page">
      <h2>{t('shift.title')}</h2>
      <p className="shift-intro">{t('shift.intro')}</p>
      <div className="shift-day-picker">
        <button
          type="button"
          className="button secondary"
          onClick={() => show(addDays(day, -1))}
          data-testid="shift-previous-day"
        >
          {t('shift.previousDay')}
        </button>
        <label>
          {t('shift.day')}
          <input
            type="date"
            value={dayInput}
            max={today}
            onChange={(e) => typed(e.target.value)}
            data-testid="shift-day"
          />
        </label>
        <button
          type="button"
          className="button secondary"
          disabled={day >= today}
          onClick={() => show(addDays(day, 1))}
          data-testid="shift-next-day"
        >
          {t('shift.nextDay')}
        </button>
        <button type="button" className="button" onClick={() => show(today)} data-testid="shift-today">
          {t('shift.today')}
        </button>
        <strong className="shift-day-label" data-testid="shift-day-label">
          {formatCalendarDay(day, language)}
        </strong>
        <span className="shift-notice">{t('shift.timeZone')}</span>
      </div>
      <div className="shift-columns">
        <ShiftSummaryPanel day={day} reload={reload} />
        <ShiftLogPanel day={day} today={today} reload={reload} onAdded={() => day !== today && show(today)} />
      </div>
      <EscalationPolicies editable={isAdmin} />
      {isAdmin && <NotificationTargets />}
    </main>
  );
}
