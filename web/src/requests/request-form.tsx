// The new-request form: a police officer's online request, or staff entering a walk-in request from its paper form
// (with the officer's account, if any, and the scanned form sent right after). Checked here in the user's language
// first; the server's refusals are shown as it gives them. Filed, the request's own page opens.
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FootageRequest, SessionUser } from '@toc/server/schemas';
import { failureOf, failureText, type Failure } from '../account/api-failure';
import { attachRequestForm, enterWalkInRequest, fileFootageRequest } from '../api/footage-requests.api';
import { navigate, routeHref } from '../app/hash-router';
import { useLanguage } from '../i18n/use-language';
import { useNow } from '../state/use-now';
import { CaseFields } from './case-fields';
import { formMediaTypeOf, formUploadFailure } from './form-file';
import { FormFileField } from './form-file-field';
import { OfficerFields } from './officer-fields';
import { PlaceFields } from './place-fields';
import { checkDraft, emptyDraft, walkInBody, type DraftProblems, type RequestDraft } from './request-draft';
import { WindowFields } from './window-fields';

/** The request was filed but its scanned form did not go with it: said, with the way to attach it later. */
interface FormNotAttached {
  request: FootageRequest;
  failure: Failure;
}

export function RequestForm({ user, walkIn }: { user: SessionUser; walkIn: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const now = useNow(60_000);
  const [draft, setDraft] = useState<RequestDraft>(() =>
    emptyDraft(walkIn ? null : { station: user.station, displayName: user.displayName }),
  );
  const [file, setFile] = useState<File | null>(null);
  const [problems, setProblems] = useState<DraftProblems>({});
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [notAttached, setNotAttached] = useState<FormNotAttached | null>(null);
  const set = (part: Partial<RequestDraft>) => setDraft((d) => ({ ...d, ...part }));
  const formRef = useRef<HTMLFormElement>(null);
  /** Takes the user to the first field that needs attention, once the notes are on screen. */
  const showFirstProblem = () =>
    requestAnimationFrame(() =>
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
    );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = checkDraft(draft, new Date(), walkIn);
    const fileType = file ? formMediaTypeOf(file) : null;
    const found: DraftProblems = 'problems' in checked ? { ...checked.problems } : {};
    if (walkIn && file && !fileType) found.formFile = { code: 'fileType' };
    setProblems(found);
    setFailure(null);
    if ('problems' in checked || Object.keys(found).length > 0) {
      setFailure({ key: 'requests.form.fix' });
      showFirstProblem();
      return;
    }
    setSaving(true);
    try {
      const created = walkIn
        ? await enterWalkInRequest(walkInBody(checked))
        : await fileFootageRequest(checked.form);
      if (walkIn && file && fileType) {
        try {
          await attachRequestForm(created.id, file, fileType);
        } catch (error) {
          setNotAttached({ request: created, failure: formUploadFailure(error) });
          return;
        }
      }
      navigate('request', created.id);
    } catch (error) {
      setFailure(failureOf(error, 'requests.offline'));
    } finally {
      setSaving(false);
    }
  };

  if (notAttached) {
    return (
      <div className="page-card" role="alert" data-testid="request-form-not-attached">
        <p>{t('requests.form.filedWithoutForm', { reference: notAttached.request.reference })}</p>
        <p className="panel-note error">{failureText(notAttached.failure, t, language)}</p>
        <a
          href={routeHref('request', notAttached.request.id)}
          className="button"
          data-testid="request-open-filed"
        >
          {t('requests.form.openFiled')}
        </a>
      </div>
    );
  }

  return (
    <form
      ref={formRef}
      className="request-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      data-testid="request-form"
      data-walk-in={walkIn}
    >
      <CaseFields
        draft={draft}
        set={set}
        problems={problems}
        stationFixed={!walkIn && user.station !== null}
      />
      <OfficerFields draft={draft} set={set} problems={problems} walkIn={walkIn} />
      <PlaceFields draft={draft} set={set} problems={problems} />
      <WindowFields draft={draft} set={set} problems={problems} now={now} />
      {walkIn && (
        <fieldset className="panel-surface request-section">
          <legend>{t('requests.form.paper')}</legend>
          <FormFileField file={file} onFile={setFile} problem={problems.formFile} />
        </fieldset>
      )}
      {failure && (
        <p className="card-page-alert" role="alert" data-testid="request-form-error">
          {failureText(failure, t, language)}
        </p>
      )}
      <div className="request-form-actions">
        <button type="submit" className="button primary" disabled={saving} data-testid="request-submit">
          {saving
            ? t('requests.form.submitting')
            : walkIn
              ? t('requests.form.submitWalkIn')
              : t('requests.form.submit')}
        </button>
        <a href={routeHref('requests')} className="button secondary" data-testid="request-form-cancel">
          {t('requests.cancel')}
        </a>
      </div>
    </form>
  );
}
