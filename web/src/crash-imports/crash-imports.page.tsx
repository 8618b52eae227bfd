// Crash file imports for admins: upload a DOH/MOT table or the fatal-crash points with progress, read the report and
// the rejected rows, and see the past imports.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CrashFileSource } from '@toc/server/schemas';
import { ImportListCard } from './import-list';
import { ImportReport } from './import-report';
import { UploadFailureNote } from './upload-failure-note';
import { UploadForm } from './upload-form';
import { UploadProgressPanel } from './upload-progress-panel';
import { isBusy } from './upload-state';
import { useCrashImports } from './use-crash-imports';
import { useCrashUpload } from './use-crash-upload';
import './crash-imports.css';

export default function CrashImportsPage() {
  const { t } = useTranslation();
  const upload = useCrashUpload();
  const { list, reload } = useCrashImports();
  // A new key empties the form after an import, so the same file is not sent twice by a second click.
  const [formKey, setFormKey] = useState(0);
  const { state } = upload;

  const onUpload = async (file: File, source: CrashFileSource | null) => {
    const imported = await upload.start(file, source);
    if (imported) setFormKey((k) => k + 1);
    // Whatever the end: a failed or cancelled import may be listed too, and a 401 there tells the app the session is gone.
    reload();
  };

  return (
    <main className="card-page crash-imports-page" data-testid="crash-imports-page">
      <header className="card-page-header">
        <h2>{t('crashImports.title')}</h2>
      </header>
      <p className="card-page-intro">{t('crashImports.intro')}</p>
      <UploadForm
        key={formKey}
        busy={isBusy(state)}
        onUpload={(file, source) => void onUpload(file, source)}
      />
      {(state.kind === 'sending' || state.kind === 'importing') && (
        <UploadProgressPanel state={state} onCancel={upload.cancel} />
      )}
      {state.kind === 'failed' && <UploadFailureNote failure={state.failure} />}
      {state.kind === 'done' && <ImportReport fileName={state.fileName} report={state.report} />}
      <ImportListCard list={list} onRefresh={reload} />
    </main>
  );
}
