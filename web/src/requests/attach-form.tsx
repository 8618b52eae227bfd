// Staff attach the scanned paper form to a walk-in request that has none yet (once; PDF or JPEG).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FootageRequest } from '@toc/server/schemas';
import { attachRequestForm } from '../api/footage-requests.api';
import { ActionFailure } from './action-failure';
import { formMediaTypeOf, formUploadFailure } from './form-file';
import { FormFileField } from './form-file-field';
import { useRequestAction } from './use-request-action';

export function AttachForm({
  request,
  onChanged,
}: {
  request: FootageRequest;
  onChanged: (r: FootageRequest) => void;
}) {
  const { t } = useTranslation();
  const { busy, failure, setFailure, run } = useRequestAction(onChanged, formUploadFailure);
  const [file, setFile] = useState<File | null>(null);

  const attach = () => {
    if (!file) return setFailure({ key: 'requests.attach.choose' });
    const type = formMediaTypeOf(file);
    if (!type) return setFailure({ key: 'requests.problem.fileType' });
    void run(() => attachRequestForm(request.id, file, type));
  };

  return (
    <section className="page-card request-actions" data-testid="request-attach">
      <h3>{t('requests.attach.title')}</h3>
      <p className="panel-note">{t('requests.attach.intro')}</p>
      <FormFileField file={file} onFile={setFile} testId="request-attach-file" />
      <button
        type="button"
        className="button"
        disabled={busy}
        onClick={attach}
        data-testid="request-attach-submit"
      >
        {t('requests.attach.submit')}
      </button>
      <ActionFailure failure={failure} />
    </section>
  );
}
