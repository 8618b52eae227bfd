// One camera's row on the timeline: recorded spans, gaps coloured by reason (the reason in the tooltip), evidence
// holds, and alarm markers that start playback just before the alarm.
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CameraTimeline, EventType, Severity } from '@toc/server/schemas';
import { EVENT_TYPES, SEVERITIES } from '@toc/server/schemas';
import { eventTypeKey, gapReasonKey, severityKey } from '../format/labels';
import { formatListTime } from '../i18n/format';
import { useLanguage } from '../i18n/use-language';
import { failureOf, failureText } from '../account/api-failure';
import { PRE_ROLL_MS } from './playback-route';
import { fractionOf, type TimeView } from './timeline-scale';
import type { Lane } from './use-camera-timelines';

interface TimelineLaneProps {
  lane: Lane | undefined;
  view: TimeView;
  /** Times in tooltips carry their day when it is not this one (epoch ms: a number keeps the row memoized). */
  day: number;
  onPick: (at: number) => void;
}

/** Left and width in percent of what lies inside the view, or null when nothing does. */
function place(view: TimeView, from: number, to: number) {
  const left = Math.max(0, fractionOf(view, from));
  const right = Math.min(1, fractionOf(view, to));
  if (right <= left) return null;
  return { left: `${left * 100}%`, width: `${(right - left) * 100}%` };
}

const isEventType = (type: string): type is EventType => (EVENT_TYPES as readonly string[]).includes(type);
const isSeverity = (severity: string): severity is Severity =>
  (SEVERITIES as readonly string[]).includes(severity);

function LaneContent({
  timeline,
  view,
  day,
  onPick,
}: {
  timeline: CameraTimeline;
  view: TimeView;
  day: number;
  onPick: (at: number) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const time = (iso: string) => formatListTime(iso, language, new Date(day));
  const now = Date.now();
  return (
    <>
      {timeline.spans.map((span) => {
        const style = place(view, Date.parse(span.from), Date.parse(span.to));
        return (
          style && (
            <div
              key={span.from}
              className="timeline-span"
              style={style}
              title={t('playback.spanTitle', { from: time(span.from), to: time(span.to) })}
              data-testid="timeline-span"
            />
          )
        );
      })}
      {timeline.gaps.map((gap) => {
        const style = place(view, Date.parse(gap.from), gap.to ? Date.parse(gap.to) : now);
        const reason = t(gapReasonKey(gap.reason));
        const title = t('playback.gapTitle', {
          reason,
          from: time(gap.from),
          to: gap.to ? time(gap.to) : t('playback.gapOngoing'),
        });
        return (
          style && (
            <div
              key={gap.id}
              className={`timeline-gap gap-${gap.reason}`}
              style={style}
              title={gap.detail ? `${title} (${gap.detail})` : title}
              data-testid="timeline-gap"
              data-reason={gap.reason}
            />
          )
        );
      })}
      {timeline.holds.map((hold) => {
        const style = place(view, Date.parse(hold.from), Date.parse(hold.to));
        return (
          style && (
            <div
              key={hold.id}
              className="timeline-hold"
              style={style}
              title={t('playback.holdTitle', { id: hold.id, from: time(hold.from), to: time(hold.to) })}
              data-testid="timeline-hold"
            />
          )
        );
      })}
      {timeline.events.map((event) => {
        const at = Date.parse(event.startedAt);
        const fraction = fractionOf(view, at);
        if (fraction < 0 || fraction > 1) return null;
        const type = isEventType(event.type) ? t(eventTypeKey(event.type)) : event.type;
        const severity = isSeverity(event.severity) ? t(severityKey(event.severity)) : event.severity;
        return (
          <button
            key={event.id}
            type="button"
            className={`timeline-event severity-${event.severity}`}
            style={{ left: `${fraction * 100}%` }}
            title={t('playback.eventTitle', { type, severity, time: time(event.startedAt) })}
            aria-label={t('playback.eventTitle', { type, severity, time: time(event.startedAt) })}
            onClick={() => onPick(at - PRE_ROLL_MS)}
            data-testid="timeline-event"
            data-event-id={event.id}
          />
        );
      })}
    </>
  );
}

export const TimelineLane = memo(function TimelineLane({ lane, view, day, onPick }: TimelineLaneProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <div className="timeline-lane" data-testid="timeline-lane" data-camera-id={lane?.timeline?.cameraId}>
      {lane?.timeline && <LaneContent timeline={lane.timeline} view={view} day={day} onPick={onPick} />}
      {!lane && <span className="timeline-lane-note">{t('playback.timelineLoading')}</span>}
      {lane?.error != null && (
        <span className="timeline-lane-note error" role="status">
          {t('playback.timelineFailed', {
            reason: failureText(failureOf(lane.error, 'playback.failedUnknown'), t, language),
          })}
        </span>
      )}
    </div>
  );
});
