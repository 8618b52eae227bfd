// The upload form: the file, an optional source (else the server goes by the extension) and the Upload button.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CrashFileSource } from '@toc/server/schemas';
import { FileDrop } from './file-drop';
import { fileProblem } from './upload-file';

export const SOURCES: readonly CrashFileSource[] = ['doh_csv', 'fatal_points'];

interface UploadFormProps {
  busy: boolean;
  onUpload: (file: File, source: CrashFileSource | null) => void;
}

export function UploadForm({ busy, onUpload }: UploadFormProps) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [source, setSource] = useState<CrashFileSource | ''>('');
  const ready = file !== null && fileProblem(file) === null && !busy;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (ready) onUpload(file, source || null);
  };

  return (
    <form className="page-card crash-upload-form field-boxes" onSubmit={submit}>
      <FileDrop file={file} disabled={busy} onFile={setFile} />
      <div className="crash-upload-actions">
        <label className="crash-source">
          {t('crashImports.source')}
          <select
            value={source}
            disabled={busy}
            onChange={(e) => setSource(e.target.value as CrashFileSource | '')}
            data-testid="crash-upload-source"
          >
            <option value="">{t('crashImports.source.auto')}</option>
            {SOURCES.map((s) => (
              <option key={s} value={s}>
                {t(`crashImports.source.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button primary" disabled={!ready} data-testid="crash-upload-submit">
          {t('crashImports.upload')}
        </button>
      </div>
    </form>
  );
}
