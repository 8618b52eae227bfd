// The scanned paper form of a walk-in request (PDF or JPEG): chosen here, sent after the request is entered.
import { useTranslation } from 'react-i18next';
import type { FieldProblem } from './request-draft';
import { FORM_FILE_ACCEPT } from './form-file';
import { FormField } from './form-field';

interface FormFileFieldProps {
  file: File | null;
  onFile: (file: File | null) => void;
  problem?: FieldProblem | undefined;
  testId?: string;
}

export function FormFileField({ file, onFile, problem, testId = 'request-form-file' }: FormFileFieldProps) {
  const { t } = useTranslation();
  return (
    <FormField
      label={t('requests.field.formFile')}
      testId={testId}
      problem={problem}
      hint={t('requests.hint.formFile')}
    >
      {(a11y) => (
        <>
          <input
            type="file"
            accept={FORM_FILE_ACCEPT}
            onChange={(e) => onFile(e.target.files?.[0] ?? null)}
            data-testid={testId}
            {...a11y}
          />
          {file && <span className="panel-note">{file.name}</span>}
        </>
      )}
    </FormField>
  );
}
