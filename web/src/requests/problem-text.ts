// What is wrong with a field of the request form, in the UI language.
import type { TFunction } from 'i18next';
import { formatNumber } from '../i18n/format';
import type { Language } from '../i18n/i18n';
import type { FieldProblem } from './request-draft';

export function problemText(problem: FieldProblem, t: TFunction, language: Language): string {
  switch (problem.code) {
    case 'tooShort':
    case 'tooLong':
    case 'windowTooLong':
      return t(`requests.problem.${problem.code}`, { n: formatNumber(problem.n, language) });
    default:
      return t(`requests.problem.${problem.code}`);
  }
}
