// One labelled field of the request form with what is wrong with it, if anything, right under it.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../i18n/use-language';
import type { FieldProblem } from './request-draft';
import { problemText } from './problem-text';

interface FormFieldProps {
  label: string;
  /** The control's test id; its problem is `<testId>-error`. */
  testId: string;
  problem?: FieldProblem | undefined;
  hint?: string;
  className?: string;
  /** The control, given `aria-invalid` and `aria-describedby` by the caller through `describedBy`. */
  children: (a11y: { 'aria-invalid': boolean; 'aria-describedby': string | undefined }) => ReactNode;
}

export function FormField({ label, testId, problem, hint, className, children }: FormFieldProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const problemId = `${testId}-problem`;
  const hintId = `${testId}-hint`;
  const describedBy =
    [problem ? problemId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <label className={`request-field${problem ? ' invalid' : ''}${className ? ` ${className}` : ''}`}>
      <span className="request-field-label">{label}</span>
      {children({ 'aria-invalid': Boolean(problem), 'aria-describedby': describedBy })}
      {hint && (
        <span className="request-field-hint" id={hintId}>
          {hint}
        </span>
      )}
      {problem && (
        <span className="request-field-problem" id={problemId} data-testid={`${testId}-error`}>
          {problemText(problem, t, language)}
        </span>
      )}
    </label>
  );
}
