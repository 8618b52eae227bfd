// Where the herd is going, in words: distance, compass heading and speed overall and since the sighting before.
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../i18n/format';
import { useLanguage } from '../i18n/use-language';
import type { PathSummary } from './elephant-situation';
import { compassKey, kmText } from './elephant-labels';
import { herdMovement, STILL_BELOW_M, type MovementLeg } from './herd-movement';

/** Whole minutes, rounded; an hour or more as hours and minutes. */
function useDuration(): (ms: number) => string {
  const { t } = useTranslation();
  const language = useLanguage();
  return (ms) => {
    const minutes = Math.max(0, Math.round(ms / 60_000));
    const m = formatNumber(minutes % 60, language);
    return minutes < 60 ? t('elephants.duration.minutes', { m }) : t('elephants.duration.hours', { h: formatNumber(Math.floor(minutes / 60), language), m });
  };
}

export function HerdHeading({ path }: { path: PathSummary }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const duration = useDuration();
  const movement = herdMovement(path);
  const when = (iso: string) => formatDateTime(iso, language);
  const still = kmText(STILL_BELOW_M);
  const speed = (leg: MovementLeg) => (leg.speedKmh === null ? '' : leg.speedKmh.toFixed(1));
  const along = (leg: MovementLeg) => ({ km: kmText(leg.distanceM), direction: t(compassKey(leg.direction)), duration: duration(leg.durationMs), speed: speed(leg) });

  let overall: string;
  let lastLeg: string | null = null;
  if (movement.kind === 'unknown') overall = t('elephants.movement.unknown');
  else if (movement.kind === 'single') overall = t('elephants.movement.single', { at: when(movement.at) });
  else if (movement.kind === 'still') overall = t('elephants.movement.still', { km: still, from: when(movement.from), to: when(movement.to) });
  else {
    const { overall: o, lastLeg: l } = movement;
    overall =
      o.distanceM < STILL_BELOW_M
        ? t('elephants.movement.backToStart', { km: still, from: when(o.from), to: when(o.to) })
        : o.speedKmh === null
          ? t('elephants.movement.overallAtOnce', { ...along(o), at: when(o.to) })
          : t('elephants.movement.overall', { ...along(o), from: when(o.from), to: when(o.to) });
    if (l) {
      lastLeg =
        l.distanceM < STILL_BELOW_M
          ? t('elephants.movement.lastLegStill', { km: still, duration: duration(l.durationMs) })
          : l.speedKmh === null
            ? t('elephants.movement.lastLegAtOnce', along(l))
            : t('elephants.movement.lastLeg', along(l));
    }
  }
  const moving = movement.kind === 'moving' ? movement : null;
  // Where it went last: the last leg, or the whole movement when there are only two places.
  const latest = moving ? (moving.lastLeg ?? moving.overall) : null;

  return (
    <div
      className="herd-heading"
      data-testid="herd-heading"
      data-kind={movement.kind}
      data-direction={moving?.overall.direction}
      data-distance-m={moving ? Math.round(moving.overall.distanceM) : undefined}
      data-speed-kmh={moving?.overall.speedKmh ?? undefined}
      data-latest-direction={latest?.direction}
      data-latest-distance-m={latest ? Math.round(latest.distanceM) : undefined}
    >
      <h4 className="detail-subtitle">{t('elephants.movement.title')}</h4>
      <p className="panel-note" data-testid="herd-heading-overall">
        {overall}
      </p>
      {lastLeg && (
        <p className="panel-note" data-testid="herd-heading-last-leg">
          {lastLeg}
        </p>
      )}
    </div>
  );
}
