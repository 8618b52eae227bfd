// "No footage at this time" over the main picture: why (the gap's reason, from the timeline) and the way on to the
// next moment that was recorded.
import { useTranslation } from 'react-i18next';
import type { CameraTimeline } from '@toc/server/schemas';
import { ApiError } from '../api/api-error';
import { gapReasonKey } from '../format/labels';
import { formatDateTime, formatListTime } from '../i18n/format';
import { useLanguage } from '../i18n/use-language';
import { gapAt, nextRecordedAt } from './footage-at';

interface FootageNoticeProps {
  at: number;
  /** The camera's timeline for the day, when read: it knows the reason and where footage resumes. */
  timeline: CameraTimeline | null;
  /** What the server said when it had no footage to give (it names where footage resumes). */
  serverReason: Error | null;
  onPlay: (at: number) => void;
}

export function FootageNotice({ at, timeline, serverReason, onPlay }: FootageNoticeProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const gap = timeline ? gapAt(timeline.gaps, at) : null;
  const next = timeline ? nextRecordedAt(timeline.spans, at) : null;
  const time = formatDateTime(new Date(at), language);
  return (
    <div
      className="footage-notice"
      role="status"
      data-testid="playback-notice"
      data-at={new Date(at).toISOString()}
      data-reason={gap?.reason ?? ''}
      data-next={next === null ? '' : new Date(next).toISOString()}
    >
      <p>
        {gap
          ? t('playback.noFootageReason', { time, reason: t(gapReasonKey(gap.reason)) })
          : t('playback.noFootage', { time })}
      </p>
      {gap?.detail && <p className="footage-notice-detail">{gap.detail}</p>}
      {!gap && serverReason instanceof ApiError && (
        <p className="footage-notice-detail">{serverReason.localizedMessage(language)}</p>
      )}
      {next !== null ? (
        <button
          type="button"
          className="button"
          onClick={() => onPlay(next)}
          data-testid="playback-play-next"
        >
          {t('playback.playNext', { time: formatListTime(new Date(next), language, new Date(at)) })}
        </button>
      ) : (
        timeline && <p className="footage-notice-detail">{t('playback.nothingLater')}</p>
      )}
    </div>
  );
}
