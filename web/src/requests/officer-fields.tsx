// The requesting officer: rank, name, identification number and phone; on a walk-in, their police account if any.
import { useTranslation } from 'react-i18next';
import type { DraftSectionProps } from './draft-props';
import { FormField } from './form-field';
import { maxLengthOf, type RequestDraft } from './request-draft';

type OfficerField = 'officerRank' | 'officerName' | 'officerId' | 'officerPhone';

const FIELDS: { field: OfficerField; testId: string; type: 'text' | 'tel'; autoComplete?: string }[] = [
  { field: 'officerRank', testId: 'request-form-officer-rank', type: 'text' },
  { field: 'officerName', testId: 'request-form-officer-name', type: 'text', autoComplete: 'name' },
  { field: 'officerId', testId: 'request-form-officer-id', type: 'text' },
  { field: 'officerPhone', testId: 'request-form-officer-phone', type: 'tel', autoComplete: 'tel' },
];

export function OfficerFields({ draft, set, problems, walkIn }: DraftSectionProps & { walkIn: boolean }) {
  const { t } = useTranslation();
  return (
    <fieldset className="panel-surface request-section">
      <legend>{walkIn ? t('requests.form.officerWalkIn') : t('requests.form.officer')}</legend>
      <div className="request-grid">
        {FIELDS.map(({ field, testId, type, autoComplete }) => (
          <FormField
            key={field}
            label={t(`requests.field.${field}`)}
            testId={testId}
            problem={problems[field]}
          >
            {(a11y) => (
              <input
                type={type}
                value={draft[field]}
                maxLength={maxLengthOf(field)}
                autoComplete={autoComplete}
                onChange={(e) => set({ [field]: e.target.value } as Partial<RequestDraft>)}
                data-testid={testId}
                {...a11y}
              />
            )}
          </FormField>
        ))}
        {walkIn && (
          <FormField
            label={t('requests.field.requesterUserId')}
            testId="request-form-requester-user-id"
            problem={problems.requesterUserId}
            hint={t('requests.hint.requesterUserId')}
          >
            {(a11y) => (
              <input
                type="text"
                inputMode="numeric"
                value={draft.requesterUserId}
                onChange={(e) => set({ requesterUserId: e.target.value })}
                data-testid="request-form-requester-user-id"
                {...a11y}
              />
            )}
          </FormField>
        )}
      </div>
    </fieldset>
  );
}
