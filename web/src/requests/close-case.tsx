// An admin closes the case with the reason; the evidence holds of the request are released with it (retention may then
// delete the footage), so it asks for the reason and a second click.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FootageRequest } from '@toc/server/schemas';
import { closeFootageRequest } from '../api/footage-requests.api';
import { ActionFailure } from './action-failure';
import { useRequestAction } from './use-request-action';

export function CloseCase({
  request,
  onChanged,
}: {
  request: FootageRequest;
  onChanged: (r: FootageRequest) => void;
}) {
  const { t } = useTranslation();
  const { busy, failure, setFailure, run } = useRequestAction(onChanged);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');

  const close = () => {
    const text = reason.trim();
    if (text.length < 3) return setFailure({ key: 'requests.close.reasonNeeded' });
    void run(() => closeFootageRequest(request.id, text)).then((done) => done && setOpen(false));
  };

  return (
    <section className="page-card request-actions" data-testid="request-close-card">
      <h3>{t('requests.close.title')}</h3>
      <p className="panel-note">{t('requests.close.warning')}</p>
      {!open ? (
        <button
          type="button"
          className="button secondary"
          onClick={() => setOpen(true)}
          data-testid="request-close"
        >
          {t('requests.close.open')}
        </button>
      ) : (
        <div className="request-decision">
          <label className="request-field">
            <span className="request-field-label">{t('requests.close.reason')}</span>
            <textarea
              rows={2}
              maxLength={1000}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              data-testid="request-close-reason"
            />
          </label>
          <div className="request-action-buttons">
            <button
              type="button"
              className="button danger"
              disabled={busy}
              onClick={close}
              data-testid="request-close-confirm"
            >
              {t('requests.close.confirm')}
            </button>
            <button
              type="button"
              className="button ghost"
              disabled={busy}
              onClick={() => {
                setOpen(false);
                setFailure(null);
              }}
              data-testid="request-close-cancel"
            >
              {t('requests.cancel')}
            </button>
          </div>
        </div>
      )}
      <ActionFailure failure={failure} />
    </section>
  );
}
