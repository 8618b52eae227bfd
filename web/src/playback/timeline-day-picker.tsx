// The timeline's day: the day before or after, any earlier Bangkok day by date, or today.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../i18n/use-language';
import { addDays, bangkokToday, formatCalendarDay, isCalendarDay } from '../shift/shift-day';

export function TimelineDayPicker({ day, onDay }: { day: string; onDay: (day: string) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  // Read on every render: a page left open over midnight moves on to the new day.
  const today = bangkokToday(new Date());
  // A half-typed date stays in the input without moving the timeline.
  const [typed, setTyped] = useState<string | null>(null);
  const show = (next: string) => {
    setTyped(null);
    onDay(next > today ? today : next);
  };
  return (
    <div className="timeline-day-picker">
      <button
        type="button"
        className="button secondary compact"
        onClick={() => show(addDays(day, -1))}
        data-testid="playback-previous-day"
      >
        {t('playback.previousDay')}
      </button>
      <input
        type="date"
        value={typed ?? day}
        max={today}
        aria-label={t('playback.day')}
        title={formatCalendarDay(day, language)}
        onChange={(e) => {
          setTyped(e.target.value);
          if (isCalendarDay(e.target.value) && e.target.value <= today) show(e.target.value);
        }}
        data-testid="playback-day"
      />
      <button
        type="button"
        className="button secondary compact"
        disabled={day >= today}
        onClick={() => show(addDays(day, 1))}
        data-testid="playback-next-day"
      >
        {t('playback.nextDay')}
      </button>
      <button
        type="button"
        className="button secondary compact"
        disabled={day === today}
        onClick={() => show(today)}
        data-testid="playback-today"
      >
        {t('playback.today')}
      </button>
      <strong className="timeline-day-label" data-testid="playback-day-label">
        {formatCalendarDay(day, language)}
      </strong>
    </div>
  );
}
