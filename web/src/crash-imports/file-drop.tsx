// Choosing the crash file: a file input behind a button, and the same area takes a file dropped on it.
import { useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../i18n/use-language';
import { fileSize } from '../verify/file-size';
import { fileProblem } from './upload-file';

interface FileDropProps {
  file: File | null;
  disabled: boolean;
  onFile: (file: File) => void;
}

export function FileDrop({ file, disabled, onFile }: FileDropProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [over, setOver] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const problem = file ? fileProblem(file) : null;

  const onDragOver = (e: DragEvent) => {
    if (disabled || !e.dataTransfer.types.includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    setOver(true);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const dropped = e.dataTransfer.files[0];
    if (dropped && !disabled) onFile(dropped);
  };

  return (
    <div
      className={`crash-drop${over ? ' over' : ''}`}
      onDragOver={onDragOver}
      onDragEnter={onDragOver}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      data-testid="crash-upload-drop"
    >
      <div className="crash-drop-row">
        <label className={`button${disabled ? ' disabled' : ''}`}>
          {t('crashImports.choose')}
          <input
            ref={inputRef}
            type="file"
            accept=".csv,.geojson,.json,text/csv,application/geo+json,application/json"
            className="crash-file-input"
            disabled={disabled}
            onChange={(e) => {
              const chosen = e.target.files?.[0];
              // Cleared, so choosing the same file again (after fixing it) still counts as a choice.
              if (inputRef.current) inputRef.current.value = '';
              if (chosen) onFile(chosen);
            }}
            data-testid="crash-upload-file"
          />
        </label>
        <span className="panel-note">{over ? t('crashImports.dropActive') : t('crashImports.drop')}</span>
      </div>
      <p className="crash-chosen" data-testid="crash-upload-chosen">
        {file
          ? t('crashImports.chosen', { name: file.name, size: fileSize(file.size, language) })
          : t('crashImports.none')}
      </p>
      {problem && (
        <p className="panel-note error" role="alert" data-testid="crash-upload-problem">
          {t(`crashImports.problem.${problem}`)}
        </p>
      )}
    </div>
  );
}
