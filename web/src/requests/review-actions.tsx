// The control room's steps on a request: take it into review, approve it (optionally with a date the evidence hold
// ends) or reject it with the reason, and send a failed export again. Four eyes: who asked for the footage or typed the
// request in does not decide it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FootageRequest, RequestDecision } from '@toc/server/schemas';
import { decideFootageRequest, retryRequestExport, reviewFootageRequest } from '../api/footage-requests.api';
import { ActionFailure } from './action-failure';
import { bangkokLocalToIso } from './bangkok-datetime';
import type { RequestAccess } from './request-access';
import { useRequestAction } from './use-request-action';

interface ReviewActionsProps {
  request: FootageRequest;
  access: RequestAccess;
  onChanged: (request: FootageRequest) => void;
}

export function ReviewActions({ request, access, onChanged }: ReviewActionsProps) {
  const { t } = useTranslation();
  const { busy, failure, setFailure, run } = useRequestAction(onChanged);
  const [note, setNote] = useState('');
  const [holdExpires, setHoldExpires] = useState('');
  if (!access.review && !access.decide && !access.decideBlocked && !access.retry) return null;
  const noCameras = request.cameras.length === 0;

  const decide = (decision: 'approve' | 'reject') => {
    const text = note.trim();
    let body: RequestDecision;
    if (decision === 'reject') {
      if (text.length < 3) return setFailure({ key: 'requests.decide.reasonNeeded' });
      body = { decision: 'reject', note: text };
    } else {
      body = { decision: 'approve', ...(text ? { note: text } : {}) };
      if (holdExpires) {
        const iso = bangkokLocalToIso(holdExpires);
        if (!iso || Date.parse(iso) <= Date.now()) return setFailure({ key: 'requests.decide.holdFuture' });
        body.holdExpiresAt = iso;
      }
    }
    void run(() => decideFootageRequest(request.id, body)).then((done) => {
      if (done) setNote('');
    });
  };

  return (
    <section className="page-card request-actions" data-testid="request-review-actions">
      <h3>{t('requests.decide.title')}</h3>
      {access.review && (
        <button
          type="button"
          className="button secondary"
          disabled={busy}
          onClick={() => void run(() => reviewFootageRequest(request.id))}
          data-testid="request-start-review"
        >
          {t('requests.decide.startReview')}
        </button>
      )}
      {access.decideBlocked && (
        <p className="panel-note" data-testid="request-four-eyes">
          {t('requests.decide.fourEyes')}
        </p>
      )}
      {access.decide && (
        <div className="request-decision">
          {noCameras && (
            <p className="panel-note" data-testid="request-pick-first">
              {t('requests.decide.pickFirst')}
            </p>
          )}
          <label className="request-field">
            <span className="request-field-label">{t('requests.decide.note')}</span>
            <textarea
              rows={2}
              maxLength={1000}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              data-testid="request-decision-note-input"
            />
            <span className="request-field-hint">{t('requests.decide.noteHint')}</span>
          </label>
          <label className="request-field">
            <span className="request-field-label">{t('requests.decide.holdExpires')}</span>
            <input
              type="datetime-local"
              step={60}
              value={holdExpires}
              onChange={(e) => setHoldExpires(e.target.value)}
              data-testid="request-hold-expires-input"
            />
            <span className="request-field-hint">{t('requests.decide.holdExpiresHint')}</span>
          </label>
          <div className="request-action-buttons">
            <button
              type="button"
              className="button"
              disabled={busy || noCameras}
              onClick={() => decide('approve')}
              data-testid="request-approve"
            >
              {t('requests.decide.approve')}
            </button>
            <button
              type="button"
              className="button danger"
              disabled={busy}
              onClick={() => decide('reject')}
              data-testid="request-reject"
            >
              {t('requests.decide.reject')}
            </button>
          </div>
        </div>
      )}
      {access.retry && (
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => void run(() => retryRequestExport(request.id))}
          data-testid="request-retry-export"
        >
          {t('requests.decide.retry')}
        </button>
      )}
      <ActionFailure failure={failure} />
    </section>
  );
}
