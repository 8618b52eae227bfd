// Choosing the package: a file input, and the same area takes a zip dropped on it. The file stays in the browser.
import { useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface PackagePickerProps {
  onFile: (file: File) => void;
}

export function PackagePicker({ onFile }: PackagePickerProps) {
  const { t } = useTranslation();
  const [over, setOver] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  const onDragOver = (e: DragEvent) => {
    if (!e.dataTransfer.types.includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    setOver(true);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file) onFile(file);
  };

  return (
    <div
      className={`verify-drop${over ? ' over' : ''}`}
      onDragOver={onDragOver}
      onDragEnter={onDragOver}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      data-testid="verify-drop"
    >
      <label className="button">
        {t('verify.choose')}
        <input
          ref={inputRef}
          type="file"
          accept=".zip,application/zip"
          className="verify-file-input"
          onChange={(e) => {
            const file = e.target.files?.[0];
            // Cleared, so choosing the same file again checks it again.
            if (inputRef.current) inputRef.current.value = '';
            if (file) onFile(file);
          }}
          data-testid="verify-file"
        />
      </label>
      <span className="panel-note">{over ? t('verify.dropActive') : t('verify.drop')}</span>
    </div>
  );
}
