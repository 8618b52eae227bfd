// Evidence holds on the recordings page: those in force (or every hold ever placed), each linking to its footage;
// admins place new ones and release them.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchEvidenceHolds, type HoldListState } from '../api/evidence-holds.api';
import { useRetriedLoad } from '../state/use-retried-load';
import { HoldForm } from './hold-form';
import { HoldRow } from './hold-row';

interface EvidenceHoldsProps {
  cameraIds: readonly number[];
  nameOf: (cameraId: number) => string;
  editable: boolean;
  now: number;
  /** Changes with each refresh of the page's figures: holds expire and other admins place them too. */
  refresh: number | null;
  /** A hold was placed or released: the held bytes on the storage card change. */
  onChanged: () => void;
}

export function EvidenceHolds({ cameraIds, nameOf, editable, now, refresh, onChanged }: EvidenceHoldsProps) {
  const { t } = useTranslation();
  const [state, setState] = useState<HoldListState>('active');
  const [adding, setAdding] = useState(false);
  const [changes, setChanges] = useState(0);
  const holds = useRetriedLoad(
    (signal) => fetchEvidenceHolds(state, signal),
    state,
    `${changes}:${refresh ?? ''}`,
    null,
  );
  const changed = () => {
    setChanges((n) => n + 1);
    onChanged();
  };

  return (
    <section className="page-card" data-testid="evidence-holds" data-state={state}>
      <div className="holds-heading">
        <h3>{t('recordings.holds.title')}</h3>
        <div className="holds-toggle" role="group" aria-label={t('recordings.holds.show')}>
          {(['active', 'all'] as const).map((option) => (
            <button
              key={option}
              type="button"
              className={state === option ? 'button compact' : 'button secondary compact'}
              aria-pressed={state === option}
              onClick={() => setState(option)}
              data-testid={`holds-show-${option}`}
            >
              {t(`recordings.holds.show.${option}`)}
            </button>
          ))}
        </div>
        {editable && !adding && (
          <button
            type="button"
            className="button compact"
            onClick={() => setAdding(true)}
            data-testid="hold-new"
          >
            {t('recordings.holds.new')}
          </button>
        )}
      </div>
      <p className="panel-note">{t('recordings.holds.intro')}</p>
      {editable && adding && (
        <HoldForm
          cameraIds={cameraIds}
          nameOf={nameOf}
          onCreated={() => {
            setAdding(false);
            // A new hold is in force: show it where the admin will look for it.
            setState('active');
            changed();
          }}
          onCancel={() => setAdding(false)}
        />
      )}
      {holds.failed && (
        <p className="panel-note error" role="alert" data-testid="holds-error">
          {t('recordings.holds.failed')}
        </p>
      )}
      {holds.value === null ? (
        !holds.failed && <p className="panel-note">{t('common.loading')}</p>
      ) : holds.value.length === 0 ? (
        <p className="panel-note" data-testid="holds-empty">
          {t(state === 'active' ? 'recordings.holds.emptyActive' : 'recordings.holds.emptyAll')}
        </p>
      ) : (
        <div className="table-scroll">
          <table className="data-table recordings-table holds-table" data-testid="holds-table">
            <thead>
              <tr>
                <th>{t('recordings.col.camera')}</th>
                <th>{t('recordings.holds.col.period')}</th>
                <th>{t('recordings.holds.col.reason')}</th>
                <th>{t('recordings.holds.col.until')}</th>
                <th>{t('recordings.holds.col.placed')}</th>
                <th className="num">{t('recordings.holds.col.footage')}</th>
                <th>{t('recordings.holds.col.status')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {holds.value.map((hold) => (
                <HoldRow
                  key={hold.id}
                  hold={hold}
                  name={nameOf(hold.cameraId)}
                  editable={editable}
                  now={now}
                  onReleased={changed}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
