// The latest image of a sighting (camera-trap still or video frame with the detections), for roles allowed footage.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Event, Snapshot } from '@toc/server/schemas';
import { fetchSnapshots, snapshotUrl } from '../api/evidence.api';
import { formatDateTime } from '../i18n/format';
import { useLanguage } from '../i18n/use-language';

export function SightingSnapshot({ sighting, mayView }: { sighting: Event | null; mayView: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [snapshots, setSnapshots] = useState<Snapshot[] | null>(null);
  const sightingId = sighting?.id ?? null;

  // Every new image of the herd updates the sighting (a new seq), so the list is read again then.
  useEffect(() => {
    setSnapshots(null);
    if (!mayView || sightingId === null) return;
    const abort = new AbortController();
    fetchSnapshots(sightingId, abort.signal).then(setSnapshots, () => setSnapshots([]));
    return () => abort.abort();
  }, [sightingId, sighting?.seq, mayView]);

  const latest = snapshots?.reduce<Snapshot | null>((a, b) => (a && a.createdAt >= b.createdAt ? a : b), null) ?? null;
  return (
    <section className="elephant-subsection" data-testid="sighting-snapshot-section">
      <h3 className="detail-subtitle">{t('elephants.snapshot.title')}</h3>
      {!mayView ? (
        <p className="panel-note" data-testid="snapshot-restricted">
          {t('elephants.snapshot.restricted')}
        </p>
      ) : snapshots === null ? (
        sighting && <p className="panel-note">{t('common.loading')}</p>
      ) : !latest ? (
        <p className="panel-note">{t('elephants.snapshot.none')}</p>
      ) : (
        <figure className="elephant-snapshot">
          <a href={snapshotUrl(latest.id)} target="_blank" rel="noreferrer" title={`SHA-256 ${latest.sha256}`}>
            <img src={snapshotUrl(latest.id)} alt={t('elephants.snapshot.alt')} data-testid="sighting-snapshot" />
          </a>
          <figcaption>{formatDateTime(latest.createdAt, language)}</figcaption>
        </figure>
      )}
    </section>
  );
}
