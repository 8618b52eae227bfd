// The case part of the request form: case number, police station, legal basis and the reason for the request.
import { useTranslation } from 'react-i18next';
import type { DraftSectionProps } from './draft-props';
import { FormField } from './form-field';
import { maxLengthOf } from './request-draft';

const LEGAL_BASES = ['requests.legalBasis.s131', 'requests.legalBasis.s132'] as const;

/** `stationFixed`: a police officer files for their own station only. */
export function CaseFields({
  draft,
  set,
  problems,
  stationFixed,
}: DraftSectionProps & { stationFixed: boolean }) {
  const { t } = useTranslation();
  return (
    <fieldset className="panel-surface request-section">
      <legend>{t('requests.form.case')}</legend>
      <div className="request-grid">
        <FormField
          label={t('requests.field.caseNumber')}
          testId="request-form-case-number"
          problem={problems.caseNumber}
          hint={t('requests.hint.caseNumber')}
        >
          {(a11y) => (
            <input
              type="text"
              value={draft.caseNumber}
              maxLength={maxLengthOf('caseNumber')}
              onChange={(e) => set({ caseNumber: e.target.value })}
              data-testid="request-form-case-number"
              {...a11y}
            />
          )}
        </FormField>
        <FormField
          label={t('requests.field.station')}
          testId="request-form-station"
          problem={problems.station}
          hint={stationFixed ? t('requests.hint.ownStation') : t('requests.hint.station')}
        >
          {(a11y) => (
            <input
              type="text"
              value={draft.station}
              readOnly={stationFixed}
              maxLength={maxLengthOf('station')}
              onChange={(e) => set({ station: e.target.value })}
              data-testid="request-form-station"
              {...a11y}
            />
          )}
        </FormField>
        <FormField
          label={t('requests.field.legalBasis')}
          testId="request-form-legal-basis"
          problem={problems.legalBasis}
          hint={t('requests.hint.legalBasis')}
          className="wide"
        >
          {(a11y) => (
            <>
              <input
                type="text"
                list="request-legal-bases"
                value={draft.legalBasis}
                maxLength={maxLengthOf('legalBasis')}
                onChange={(e) => set({ legalBasis: e.target.value })}
                data-testid="request-form-legal-basis"
                {...a11y}
              />
              <datalist id="request-legal-bases">
                {LEGAL_BASES.map((key) => (
                  <option key={key} value={t(key)} />
                ))}
              </datalist>
            </>
          )}
        </FormField>
        <FormField
          label={t('requests.field.reason')}
          testId="request-form-reason"
          problem={problems.reason}
          hint={t('requests.hint.reason')}
          className="wide"
        >
          {(a11y) => (
            <textarea
              rows={3}
              value={draft.reason}
              maxLength={maxLengthOf('reason')}
              onChange={(e) => set({ reason: e.target.value })}
              data-testid="request-form-reason"
              {...a11y}
            />
          )}
        </FormField>
      </div>
    </fieldset>
  );
}
