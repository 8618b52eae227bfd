// The recordings volume at a glance: whether it can be used (and why not), the quota used, free space against its
// floor, the footage held as evidence, the write rate and the time until full at that rate.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { RecordingStorage } from '@toc/server/schemas';
import { formatNumber } from '../i18n/format';
import { useLanguage } from '../i18n/use-language';
import { formatBytes, isUnderADay, reasonIn, timeLeft, usedFraction } from './recording-figures';

/** Null hours: protected footage never outgrows the space at this rate (or nothing is written at all). */
function timeLeftText(hours: number | null, writing: boolean, t: TFunction): string {
  if (hours === null) return t(writing ? 'recordings.storage.enough' : 'recordings.storage.notWriting');
  const left = timeLeft(hours);
  if (left.kind === 'underHour') return t('recordings.duration.underHour');
  if (left.kind === 'hours') return t('recordings.duration.h', { h: left.h });
  return t('recordings.duration.dh', { d: left.d, h: left.h });
}

export function StorageCard({ storage, showVolume }: { storage: RecordingStorage; showVolume: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const bytes = (n: number) => formatBytes(n, language);
  const fraction = usedFraction(storage.usedBytes, storage.quotaBytes);
  const percent = Math.round(fraction * 100);
  const belowFloor = storage.available && storage.freeBytes <= storage.freeFloorBytes;
  const short = storage.available && isUnderADay(storage.hoursLeft);
  return (
    <section
      className="page-card storage-card"
      data-testid="recordings-storage"
      data-available={storage.available}
    >
      <h3>
        {t('recordings.storage.title')}{' '}
        <span
          className={`pill recordings-badge ${storage.available ? 'ok' : 'problem'}`}
          data-testid="storage-state"
        >
          {storage.available ? t('recordings.storage.available') : t('recordings.storage.notAvailable')}
        </span>
      </h3>
      {!storage.available && (
        <p className="card-page-alert" role="alert" data-testid="storage-reason">
          {reasonIn(storage.reason, language) ?? t('recordings.storage.unknownReason')}
        </p>
      )}
      {showVolume && storage.volume && (
        <p className="panel-note storage-volume">
          {t('recordings.storage.volume')} <code>{storage.volume}</code>
        </p>
      )}
      <dl className="storage-figures">
        <div className={fraction >= 0.9 ? 'storage-figure warn' : 'storage-figure'}>
          <dt>{t('recordings.storage.used')}</dt>
          <dd
            data-testid="storage-used"
            data-used-bytes={storage.usedBytes}
            data-quota-bytes={storage.quotaBytes}
          >
            {t('recordings.storage.usedOf', {
              used: bytes(storage.usedBytes),
              quota: bytes(storage.quotaBytes),
              percent: formatNumber(percent, language),
            })}
          </dd>
          <dd>
            <div
              className="storage-bar"
              role="progressbar"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={percent}
              aria-label={t('recordings.storage.used')}
            >
              <div className="storage-bar-fill" style={{ width: `${percent}%` }} />
            </div>
          </dd>
        </div>
        <div className={belowFloor ? 'storage-figure problem' : 'storage-figure'}>
          <dt>{t('recordings.storage.free')}</dt>
          <dd data-testid="storage-free">{storage.available ? bytes(storage.freeBytes) : '—'}</dd>
          <dd className="storage-note">
            {belowFloor
              ? t('recordings.storage.belowFloor', { floor: bytes(storage.freeFloorBytes) })
              : t('recordings.storage.floor', { floor: bytes(storage.freeFloorBytes) })}
          </dd>
        </div>
        <div className="storage-figure">
          <dt>{t('recordings.storage.held')}</dt>
          <dd data-testid="storage-held">{bytes(storage.heldBytes)}</dd>
          <dd className="storage-note">{t('recordings.storage.heldNote')}</dd>
        </div>
        <div className="storage-figure">
          <dt>{t('recordings.storage.rate')}</dt>
          <dd data-testid="storage-rate">
            {t('recordings.storage.perHour', { size: bytes(storage.writeBytesPerHour) })}
          </dd>
        </div>
        <div
          className={short ? 'storage-figure problem' : 'storage-figure'}
          data-testid="storage-hours-left"
          data-hours-left={storage.hoursLeft ?? ''}
          data-under-a-day={short}
        >
          <dt>{t('recordings.storage.hoursLeft')}</dt>
          <dd>
            {storage.available ? timeLeftText(storage.hoursLeft, storage.writeBytesPerHour > 0, t) : '—'}
          </dd>
          <dd className="storage-note">
            {short ? t('recordings.storage.underADay') : t('recordings.storage.hoursLeftNote')}
          </dd>
        </div>
      </dl>
    </section>
  );
}
