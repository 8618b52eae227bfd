// The takeover picture for an event without a camera (camera-trap warnings): its snapshot for the roles that may
// see footage, otherwise a plain panel under the event banner.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Event, Role } from '@toc/server/schemas';
import { snapshotUrl } from '../api/evidence.api';
import { canSeeFootage } from '../auth/permissions';
import { useEventSnapshot } from './use-event-snapshot';

export function TakeoverStill({ event, role, overlay }: { event: Event; role: Role; overlay: ReactNode }) {
  const { t } = useTranslation();
  const snapshot = useEventSnapshot(event, canSeeFootage(role));
  return (
    <figure className="live-tile takeover-still" data-testid="takeover-still">
      {snapshot ? (
        <img className="takeover-image" src={snapshotUrl(snapshot.id)} alt={t('detail.snapshotFrame')} data-testid="takeover-snapshot" />
      ) : (
        <div className="takeover-no-picture">{t('wall.noLivePicture')}</div>
      )}
      {overlay}
    </figure>
  );
}
